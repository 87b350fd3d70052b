"""Dates known only as precisely as the sources give them.

Articles say "2020–2024", "December 2019" or "November 28, 2021". A
``PartialDate`` keeps the year, and the month and day only where they are
known; it is stored as an ISO 8601 prefix ("2020", "2019-12", "2021-11-28"),
which sorts correctly as text on every database and makes "in 2019" a
``startswith`` lookup.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import total_ordering

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models

ISO_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        if not 1 <= self.year <= 9999:
            raise ValueError(f"{self.year} is not a year between 1 and 9999")
        if self.month is None and self.day is not None:
            raise ValueError("A day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"{self.month} is not a month (1 to 12)")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(
                    f"{calendar.month_name[self.month]} {self.year} has no day {self.day}"
                )

    @classmethod
    def parse(cls, value):
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValueError otherwise."""
        if isinstance(value, cls):
            return value
        if isinstance(value, datetime.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        match = ISO_PATTERN.match(str(value).strip())
        if not match:
            raise ValueError(
                f"{str(value)[:40]!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
            )
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls(year, month, day)

    @property
    def precision(self):
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def isoformat(self):
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self):
        """As precisely as known: "2020", "December 2019", "28 November 2021"."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def first_day(self):
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self):
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    def __str__(self):
        return self.isoformat()

    def __lt__(self, other):
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.isoformat() < other.isoformat()


def display_range(start, end):
    """A period as a reader writes it: "2020–2024", "3–5 December 2019"."""
    if start is None and end is None:
        return ""
    if end is None or end == start:
        return start.display() if start else f"until {end.display()}"
    if start is None:
        return f"until {end.display()}"
    if start.precision == end.precision == "day" and (start.year, start.month) == (
        end.year,
        end.month,
    ):
        return f"{start.day}–{end.display()}"
    if start.precision == end.precision == "month" and start.year == end.year:
        return f"{calendar.month_name[start.month]}–{end.display()}"
    return f"{start.display()}–{end.display()}"


class PartialDateFormField(forms.CharField):
    default_error_messages = {"invalid": "%(error)s"}

    def __init__(self, **kwargs):
        # The model field's max_length would be checked against the parsed value.
        kwargs.pop("max_length", None)
        kwargs.setdefault("help_text", "As precisely as known: YYYY, YYYY-MM or YYYY-MM-DD.")
        super().__init__(**kwargs)
        self.widget.attrs.update({"placeholder": "YYYY-MM-DD", "size": 10})

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, PartialDate) else value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"error": error}
            ) from error


class PartialDateField(models.CharField):
    """A ``PartialDate`` stored as its ISO prefix; empty when unknown.

    Empty is "" rather than NULL, as for every CharField, so unique
    constraints that include a date behave the same on SQLite and PostgreSQL.
    """

    description = "A date known to the year, month or day"

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)
        # CharField checks max_length, which means nothing for a parsed PartialDate.
        self.validators[:] = [
            v for v in self.validators if not isinstance(v, validators.MaxLengthValidator)
        ]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        if kwargs.get("default") == "":
            del kwargs["default"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return PartialDate.parse(value) if value else None

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error

    def run_validators(self, value):
        # CharField's max-length check measures text, not a parsed PartialDate.
        super().run_validators(value.isoformat() if isinstance(value, PartialDate) else value)

    def get_prep_value(self, value):
        if value in (None, ""):
            return ""
        if isinstance(value, PartialDate):
            return value.isoformat()
        # Lookups such as start__gte="2019" compare ISO prefixes as text.
        return str(value)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value not in (None, "") and not isinstance(value, PartialDate):
            value = self.to_python(value)
            setattr(model_instance, self.attname, value)
        return value

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value else ""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})


def period_constraint(start, end, name):
    """A named check that ``end`` is not before ``start``, compared at the coarser
    precision of the two ("2020-05" may end a period that starts "2020-05-10")."""
    from django.db.models.functions import Length, Substr

    return models.CheckConstraint(
        condition=models.Q(**{start: ""})
        | models.Q(**{end: ""})
        | models.Q(**{f"{end}__gte": Substr(start, 1, Length(end))}),
        name=name,
        violation_error_message="The end date is before the start date.",
    )
