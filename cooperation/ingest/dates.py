"""Dates as news articles write them, read into partial dates.

Articles give ranges that general date parsers read as one day or not at all
("October 4-6, 2023", "14-18 November 2011", "December 3-5", "2022–2024", "from
May 2025 to December 2026"), and days without a year ("on September 10") or
only a weekday ("on Friday") that the publication date places, so they are read
by the patterns below. A single date on a line of its own (the publication
date, in whatever format the site prints it) is read by ``dateparser``, which
knows far more formats and languages than we would write.
"""

import calendar
import datetime
from dataclasses import dataclass

import dateparser
import regex

from cooperation.partial_dates import PartialDate

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "from the 20th to the 22nd of August 2025", as the Caribbean and West Africa write it
_DASH = r"\s*(?:[-–—]|to|until|till|and)\s*(?:the\s+)?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of(?=\s))?"
_YEAR = r"(?P<{}>(?:19|20)\d\d)"


def _p(template, *names):
    return template.format(*names)


# "early 2019", "mid-2018", "the spring of 2021": the year is what the text dates.
_SEASON = (
    r"(?:(?:early|late|mid-|the\s+(?:spring|summer|autumn|fall|winter|end|beginning|middle)"
    r"\s+of)\s*)?"
)

# Most specific first: a pattern that matches consumes its span.
PATTERNS = [
    # from 1 January 2026 to 31 December 2030: a period of days across years
    regex.compile(
        r"\b"
        + _p(_DAY, "d1")
        + r"\s+"
        + _p(_MONTH, "m1")
        + r",?\s+"
        + _p(_YEAR, "y1")
        + _DASH
        + _p(_DAY, "d2")
        + r"\s+"
        + _p(_MONTH, "m2")
        + r",?\s+"
        + _p(_YEAR, "y2")
        + r"\b",
        regex.I,
    ),
    # January 1, 2026 - December 31, 2030
    regex.compile(
        _p(_MONTH, "m1")
        + r"\s+"
        + _p(_DAY, "d1")
        + r",?\s+"
        + _p(_YEAR, "y1")
        + _DASH
        + _p(_MONTH, "m2")
        + r"\s+"
        + _p(_DAY, "d2")
        + r",?\s+"
        + _p(_YEAR, "y2")
        + r"\b",
        regex.I,
    ),
    # October 4-6, 2023 / October 4 to 6, 2023 / December 3-5 (year from context)
    regex.compile(
        _p(_MONTH, "m1")
        + r"\s+"
        + _p(_DAY, "d1")
        + _DASH
        + _p(_DAY, "d2")
        + r"(?:,?\s+"
        + _p(_YEAR, "y1")
        + r")?\b",
        regex.I,
    ),
    # 14-18 November 2011
    regex.compile(
        r"\b"
        + _p(_DAY, "d1")
        + _DASH
        + _p(_DAY, "d2")
        + r"\s+"
        + _p(_MONTH, "m1")
        # the year is optional: "3-5 December"
        + r"(?:,?\s+"
        + _p(_YEAR, "y1")
        + r")?\b",
        regex.I,
    ),
    # September 30 - October 2, 2024
    regex.compile(
        _p(_MONTH, "m1")
        + r"\s+"
        + _p(_DAY, "d1")
        + _DASH
        + _p(_MONTH, "m2")
        + r"\s+"
        + _p(_DAY, "d2")
        + r"(?:,?\s+"
        + _p(_YEAR, "y1")
        + r")?\b",
        regex.I,
    ),
    # 30 September - 2 October 2024 / 30 September - 4 October (year from context)
    regex.compile(
        r"\b"
        + _p(_DAY, "d1")
        + r"\s+"
        + _p(_MONTH, "m1")
        + _DASH
        + _p(_DAY, "d2")
        + r"\s+"
        + _p(_MONTH, "m2")
        + r"(?:,?\s+"
        + _p(_YEAR, "y1")
        + r")?\b",
        regex.I,
    ),
    # November 28, 2021 / Nov. 28 2021
    regex.compile(
        _p(_MONTH, "m1") + r"\s+" + _p(_DAY, "d1") + r",?\s+" + _p(_YEAR, "y1") + r"\b", regex.I
    ),
    # 28 November 2021
    regex.compile(
        r"\b" + _p(_DAY, "d1") + r"\s+" + _p(_MONTH, "m1") + r",?\s+" + _p(_YEAR, "y1") + r"\b",
        regex.I,
    ),
    # 2023-11-08
    regex.compile(r"\b(?P<y1>(?:19|20)\d\d)-(?P<mn1>[01]\d)-(?P<d1>[0-3]\d)\b"),
    # 22.02.2024: day first, as Europe and the former Soviet Union write it
    regex.compile(r"\b(?P<d1>[0-3]?\d)\.(?P<mn1>[01]?\d)\.(?P<y1>(?:19|20)\d\d)\b"),
    # 2023/24: a fiscal or academic year, two calendar years
    regex.compile(r"\b(?P<y1>(?:19|20)\d\d)/(?P<yy2>\d\d)\b"),
    # from May 2025 to December 2026: a period of months, as projects give theirs
    regex.compile(
        _p(_MONTH, "m1")
        + r",?\s+"
        + _p(_YEAR, "y1")
        + _DASH
        + _p(_MONTH, "m2")
        + r",?\s+"
        + _p(_YEAR, "y2")
        + r"\b",
        regex.I,
    ),
    # October-November 2023 / in October and November 2023: two months of one year
    regex.compile(
        _p(_MONTH, "m1") + _DASH + _p(_MONTH, "m2") + r",?\s+" + _p(_YEAR, "y1") + r"\b", regex.I
    ),
    # December 2019
    regex.compile(_p(_MONTH, "m1") + r",?\s+" + _p(_YEAR, "y1") + r"\b", regex.I),
    # on September 10 / on 5 December: the year from context, as for ranges
    regex.compile(_p(_MONTH, "m1") + r"\s+" + _p(_DAY, "d1") + r"(?![\d:])\b", regex.I),
    regex.compile(r"\b" + _p(_DAY, "d1") + r"\s+" + _p(_MONTH, "m1") + r"\b", regex.I),
    # in March / the first week of November: a month, the year from context
    regex.compile(
        r"\b(?:in|of|since|from|until|by|during)\s+(?:early\s+|late\s+|mid-)?"
        + r"(?P<m1>"
        + "|".join(name for name in calendar.month_name if name)
        + r")\b(?!\s*\d)"
    ),
    # 2022–2024 / from 2020 to 2024 / between 2020 and 2024 / from mid-2018 until late 2019
    regex.compile(
        r"\b(?:from\s+|between\s+)?"
        + _SEASON
        + _p(_YEAR, "y1")
        + _DASH
        + _SEASON
        + _p(_YEAR, "y2")
        + r"\b",
        regex.I,
    ),
    # in 2019, since 2020, mid-2018, a lone year
    regex.compile(r"(?<![\d.,/])(?<!\d-)" + _p(_YEAR, "y1") + r"(?![\d-]|\s*percent)"),
]

WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
# "talks in Ashgabat on Friday": news-wire style, dated from the publication day.
WEEKDAY = regex.compile(r"\bon\s+(?P<weekday>" + "|".join(calendar.day_name) + r")\b")

# Month names that are also ordinary words need a day or a year next to them.
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "sept", "sep", "dec", "oct", "nov", "aug"}


@dataclass(frozen=True)
class DateMention:
    """A date or a period as one span of text gives it."""

    start: PartialDate
    end: PartialDate | None
    begin: int
    stop: int
    text: str

    @property
    def is_range(self):
        return self.end is not None and self.end != self.start


def _month(match, name):
    value = match.groupdict().get(name)
    return MONTHS[value.lower().rstrip(".")] if value else None


# How far ahead of the publication date a date without a year may fall when
# the sentence does not say whether it is past or to come: a newsletter of
# September announces "21 January", a report of November "February".
FUTURE_REACH = datetime.timedelta(days=183)
PAST_TENSE = regex.compile(
    r"\b(?:was|were|had|has been|have been|took place|signed|visited|met|ran|"
    r"opened|launched|attended|carried out|completed|adopted|concluded|agreed|started|began)\b",
    regex.I,
)
FUTURE_TENSE = regex.compile(
    r"\b(?:will|shall|next|upcoming|coming up|planned|scheduled|is to|are to)\b", regex.I
)


def _tense(text):
    """'past' or 'future' when a sentence says which, else None."""
    past, future = PAST_TENSE.search(text), FUTURE_TENSE.search(text)
    if past and not future:
        return "past"
    if future and not past:
        return "future"
    return None


def _year_for(month, reference, day=None, tense=None):
    """The year of a date written without one ("December 3-5", "21 January"),
    from the reference date (the publication date): the last such day up to it
    when the sentence speaks of the past, the next one when it speaks of what is
    to come, and otherwise the nearest, no more than six months ahead."""
    if reference is None:
        return None
    if reference.month is None:
        return reference.year
    anchor = datetime.date(reference.year, reference.month, reference.day or 15)
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        when = datetime.date(year, month, min(day or 15, 28))
        if day is None and year == reference.year and month == reference.month:
            return year
        ahead = when - anchor
        if tense == "past" and ahead > datetime.timedelta(0):
            continue
        if tense == "future" and ahead < datetime.timedelta(0):
            continue
        if tense is None and ahead > FUTURE_REACH:
            continue
        candidates.append((abs(ahead), year))
    return min(candidates)[1]


def _build(match, reference, tense=None):
    groups = match.groupdict()
    m1 = _month(match, "m1") or (int(groups["mn1"]) if groups.get("mn1") else None)
    m2 = _month(match, "m2") or m1
    y1 = int(groups["y1"]) if groups.get("y1") else None
    y2 = int(groups["y2"]) if groups.get("y2") else None
    if groups.get("yy2"):
        # "2023/24" is two years running, or not a date at all.
        if int(groups["yy2"]) != (int(groups["y1"]) + 1) % 100:
            return None
        y2 = int(groups["y1"]) + 1
    d1 = int(groups["d1"]) if groups.get("d1") else None
    d2 = int(groups["d2"]) if groups.get("d2") else None
    if y1 is None:
        if m1 is None:
            return None
        y1 = _year_for(m1, reference, d1, tense)
        if y1 is None:
            return None
    if m1 is None:
        start = PartialDate(y1)
        end = PartialDate(y2) if y2 else None
        if end and end < start:
            return None
        return start, end
    start = PartialDate(y1, m1, d1)
    end = None
    if y2 is not None:
        end = PartialDate(y2, m2, d2)
        if end < start:
            return None
    elif d2 is not None:
        year2 = y1 if m2 >= m1 else y1 + 1
        end = PartialDate(year2, m2, d2)
        if end < start:
            return None
    elif m2 != m1:
        # "December-January 2024": the year is the last month's.
        if m2 < m1:
            start = PartialDate(y1 - 1, m1, d1)
        end = PartialDate(y1, m2)
    return start, end


def find_dates(text, *, reference=None):
    """Every date and period in ``text``, in order. ``reference`` (a PartialDate,
    usually the publication date) gives the year of dates written without one."""
    mentions, taken = [], []
    tense = _tense(text)
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            begin, stop = match.span()
            if any(begin < t_stop and t_begin < stop for t_begin, t_stop in taken):
                continue
            month_word = (match.groupdict().get("m1") or "").lower().rstrip(".")
            if (
                month_word in AMBIGUOUS_MONTHS
                and not match.groupdict().get("y1")
                and text[match.start("m1")].islower()
            ):
                continue
            try:
                built = _build(match, reference, tense)
            except ValueError:
                continue
            if built is None:
                continue
            taken.append((begin, stop))
            mentions.append(DateMention(built[0], built[1], begin, stop, match.group(0)))
    mentions += _weekdays(text, reference, taken)
    mentions += _relative(text, reference, taken)
    return sorted(mentions, key=lambda m: m.begin)


RELATIVE = regex.compile(
    r"\b(?:later\s+|earlier\s+)?(?P<which>this|next|last)\s+(?P<unit>month|year)\b", regex.I
)


def _relative(text, reference, taken):
    """ "later this month", "last year", "next year": counted from the
    publication date, as precisely as it is known."""
    if reference is None:
        return []
    mentions = []
    for match in RELATIVE.finditer(text):
        begin, stop = match.span()
        if any(begin < t_stop and t_begin < stop for t_begin, t_stop in taken):
            continue
        if _said_before(text, begin):
            continue  # "said last month it was in talks": when it was said
        step = {"this": 0, "next": 1, "last": -1}[match.group("which").lower()]
        if match.group("unit").lower() == "year":
            when = PartialDate(reference.year + step)
        elif reference.month is None:
            continue
        else:
            months = reference.year * 12 + reference.month - 1 + step
            when = PartialDate(months // 12, months % 12 + 1)
        mentions.append(DateMention(when, None, begin, stop, match.group(0)))
    return mentions


def _said_before(text, begin):
    return regex.search(
        r"\b(?:said|says|announced|stated|reported|told\s+\w+)\s+(?:on\s+)?$", text[:begin]
    )


def _weekdays(text, reference, taken):
    """ "on Friday" in an article of Monday 18 November: Friday 15 November, the
    last such day up to the publication day (news reports what has happened)."""
    if reference is None or reference.day is None:
        return []
    published = datetime.date(reference.year, reference.month, reference.day)
    mentions = []
    for match in WEEKDAY.finditer(text):
        begin, stop = match.span("weekday")
        if any(0 <= t_begin - stop <= 3 for t_begin, _ in taken):
            continue  # "on Friday, 15 November 2024" is read as the date it gives
        if _said_before(text, match.start()):
            continue  # "the committee said on Monday": when it was said, not a fact
        back = (published.weekday() - WEEKDAYS[match.group("weekday").lower()]) % 7
        day = PartialDate.parse(published - datetime.timedelta(days=back))
        mentions.append(DateMention(day, None, begin, stop, match.group("weekday")))
    return mentions


DOTTED_DATE = regex.compile(r"\b[0-3]?\d\.[01]?\d\.(?:19|20)\d\d\b")


def parse_date_line(text):
    """A publication date from a line that gives one date ("9 December 2019 16:52
    (UTC+04:00)", "Monday July 15 2024", "2023-11-08"), as precisely as given,
    or None. Read by dateparser, which knows many more formats than our patterns."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if DOTTED_DATE.search(text):
        # "06.02.2025": dots are the European and post-Soviet way, day first,
        # where dateparser would take the month first as in "06/02/2025".
        settings["DATE_ORDER"] = "DMY"
    data = dateparser.date.DateDataParser(
        languages=["en", "ru", "az", "tr"], settings=settings
    ).get_date_data(text)
    found = data.date_obj
    if found is None or not 1900 <= found.year <= datetime.date.today().year + 1:
        return None
    if data.period == "year":
        return PartialDate(found.year)
    if data.period == "month":
        return PartialDate(found.year, found.month)
    return PartialDate(found.year, found.month, found.day)
