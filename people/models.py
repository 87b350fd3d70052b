"""People named in the sources, and the positions they held."""

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cooperation.models import (
    SEARCH_FIELDS,
    Alias,
    Cited,
    Searchable,
    SluggedModel,
    citations_prefetch,
    first_facts,
    with_citations,
)
from cooperation.partial_dates import PartialDateField, display_range, period_constraint


class PersonQuerySet(models.QuerySet):
    def in_country(self, code):
        """People who held a position in, or spoke for, a body of the country."""
        return self.filter(
            pk__in=Person.objects.filter(
                Q(positions__organization__country=code)
                | Q(participations__organization__country=code)
            ).values("pk")
        )

    def of_organization(self, organization):
        """People who held a position in ``organization`` or took part on its behalf."""
        return self.filter(
            pk__in=Person.objects.filter(
                Q(positions__organization=organization)
                | Q(participations__organization=organization)
            ).values("pk")
        )

    def for_list(self):
        return self.prefetch_related(
            "aliases",
            Prefetch("positions", queryset=Position.objects.select_related("organization")),
        )

    def for_detail(self):
        """Everything the person page shows, each fact with its citations."""
        from events.models import PersonParticipation

        return self.prefetch_related(
            "aliases",
            citations_prefetch(),
            Prefetch(
                "positions",
                queryset=with_citations(Position.objects.select_related("organization")),
            ),
            Prefetch(
                "participations",
                queryset=with_citations(
                    first_facts(
                        PersonParticipation.objects.select_related(
                            "event", "organization"
                        ).order_by("-event__start", "event__title", "pk")
                    )
                ),
                to_attr="shown_participations",
            ),
        )


class Person(SluggedModel, Searchable, Cited):
    name = models.CharField(
        max_length=200, help_text="The name as a reader would write it: “Gulu Novruzov”."
    )
    honorific = models.CharField(max_length=40, blank=True, help_text="Mr., Ms., Prof., Dr.")
    rank = models.CharField(
        max_length=100,
        blank=True,
        help_text="Service rank: “Major General”, “major-general of customs service”.",
    )
    description = models.TextField(blank=True)
    note = models.TextField(blank=True, help_text="Ambiguities or contradictions in the sources.")

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=SEARCH_FIELDS)

    class Meta:
        verbose_name_plural = "people"
        ordering = ["name"]
        indexes = [models.Index(fields=["name", "id"], name="person_list_order")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:person-detail", kwargs={"slug": self.slug})

    @property
    def full_title(self):
        """Name with rank and honorific, as an article introduces the person."""
        return " ".join(part for part in (self.rank, self.honorific, self.name) if part)


class PersonAlias(Alias):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "person aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="unique_person_alias")
        ]


class Position(Cited):
    """A title a person held in an organization, at the dates the sources give.

    A title known at one date only is a position starting and ending then
    unknown: the same person can hold different positions in different years.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    organization = models.ForeignKey(
        "cooperation.Organization", on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(max_length=200, help_text="“Head of the Academy”, “Deputy Chairman”.")
    start = PartialDateField()
    end = PartialDateField()
    as_of = PartialDateField(help_text="A date at which a source says the person held this title.")
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-as_of", "-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organization", "title", "start"], name="unique_position"
            ),
            period_constraint("start", "end", "position_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.person}, {self.title}, {self.organization.short_name}"

    def get_absolute_url(self):
        return self.person.get_absolute_url()

    @property
    def period(self):
        if self.start or self.end:
            return display_range(self.start, self.end)
        return f"as of {self.as_of.display()}" if self.as_of else ""
