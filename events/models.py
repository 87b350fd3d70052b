"""Events: visits, meetings, workshops, sessions; who took part and in what role."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cooperation.models import (
    SEARCH_FIELDS,
    Cited,
    Searchable,
    SluggedModel,
    citations_prefetch,
    with_citations,
)
from cooperation.partial_dates import PartialDateField, display_range, period_constraint


class EventQuerySet(models.QuerySet):
    def held_in(self, code):
        return self.filter(country=code)

    def attended_from(self, code):
        """Events in which a body of the country took part."""
        return self.filter(
            pk__in=OrganizationParticipation.objects.filter(organization__country=code).values(
                "event"
            )
        )

    def in_country(self, code):
        """Events held in the country or attended by one of its bodies. Two
        tests on the row (the second an index lookup of the event's
        participations), not a join: the database walks the events in the
        list's order and stops at the page's end."""
        attended = OrganizationParticipation.objects.filter(
            event=OuterRef("pk"), organization__country=code
        )
        return self.filter(Q(country=code) | Exists(attended))

    def under_programme(self, programme):
        """Events held within ``programme`` or a programme nested in it."""
        from cooperation.models import Programme

        programmes = Programme.objects.within(programme).values("pk")
        return self.filter(
            pk__in=EventProgramme.objects.filter(programme__in=programmes).values("event")
        )

    def involving(self, organization):
        """Events in which ``organization`` took part, in any role."""
        return self.filter(
            pk__in=OrganizationParticipation.objects.filter(organization=organization).values(
                "event"
            )
        )

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def starting_from(self, year):
        return self.filter(start__gte=str(year))

    def starting_until(self, year):
        """Events that started in ``year`` or before (undated events are left out)."""
        return self.exclude(start="").filter(start__lt=str(year + 1))

    def for_list(self):
        return self.prefetch_related(
            Prefetch(
                "organization_participations",
                queryset=OrganizationParticipation.objects.select_related("organization"),
            ),
            Prefetch("programmes", queryset=self._programmes()),
        )

    def for_detail(self):
        """Everything the event page shows, each fact with its citations."""
        from cooperation.models import Agreement

        return self.select_related("part_of").prefetch_related(
            citations_prefetch(),
            Prefetch("side_events", queryset=Event.objects.order_by("start", "title")),
            Prefetch(
                "organization_participations",
                queryset=with_citations(
                    OrganizationParticipation.objects.select_related("organization")
                ),
            ),
            Prefetch(
                "person_participations",
                queryset=with_citations(
                    PersonParticipation.objects.select_related("person", "organization")
                ),
            ),
            Prefetch(
                "programme_links",
                queryset=with_citations(EventProgramme.objects.select_related("programme")),
            ),
            Prefetch("agreements", queryset=Agreement.objects.order_by("title")),
        )

    @staticmethod
    def _programmes():
        from cooperation.models import Programme

        return Programme.objects.order_by("name")


class Event(SluggedModel, Searchable, Cited):
    class Kind(models.TextChoices):
        VISIT = "visit", "Visit"
        EXCHANGE_VISIT = "exchange-visit", "Exchange visit"
        STUDY_VISIT = "study-visit", "Study visit"
        MEETING = "meeting", "Meeting"
        WORKSHOP = "workshop", "Workshop"
        SESSION = "session", "Session"
        TRAINING = "training", "Training"
        SEMINAR = "seminar", "Seminar"
        CONFERENCE = "conference", "Conference"
        MISSION = "mission", "Mission"
        CEREMONY = "ceremony", "Ceremony"
        ELECTION = "election", "Election"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.MEETING)
    title = models.CharField(max_length=300)
    start = PartialDateField()
    end = PartialDateField()
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True)
    venue = models.CharField(max_length=200, blank=True, help_text="Premises or site, if named.")
    part_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="side_events",
        help_text="The larger event this one was held within or on the sidelines of.",
    )
    programmes = models.ManyToManyField(
        "cooperation.Programme", through="EventProgramme", blank=True, related_name="events"
    )
    description = models.TextField(blank=True)
    note = models.TextField(blank=True, help_text="Ambiguities or contradictions in the sources.")

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=SEARCH_FIELDS)
    slug_source = "title"

    class Meta:
        ordering = ["-start", "title"]
        indexes = [
            models.Index(fields=["start"], name="event_start"),
            models.Index(F("start").desc(), "title", name="event_list_order"),
        ]
        constraints = [period_constraint("start", "end", "event_ends_after_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    @property
    def period(self):
        return display_range(self.start, self.end)

    @property
    def place(self):
        country = self.country.name if self.country else ""
        return ", ".join(part for part in (self.venue, self.city, country) if part)

    @property
    def hosts(self):
        """Hosts and organizers; uses prefetched participations where there are."""
        roles = {OrganizationParticipation.Role.HOST, OrganizationParticipation.Role.ORGANIZER}
        return [p.organization for p in self.organization_participations.all() if p.role in roles]

    @property
    def guests(self):
        """Every other participating organization, hosts left out."""
        hosts = set(self.hosts)
        guests = (p.organization for p in self.organization_participations.all())
        return list(dict.fromkeys(o for o in guests if o not in hosts))


class EventProgramme(Cited):
    """An event belongs to a programme (the exchange visit was held within IREN)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme_links")
    programme = models.ForeignKey(
        "cooperation.Programme", on_delete=models.PROTECT, related_name="event_links"
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "programme"], name="unique_event_programme")
        ]

    def __str__(self):
        return f"{self.event} — within {self.programme}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()


class OrganizationParticipation(Cited):
    class Role(models.TextChoices):
        HOST = "host", "Host"
        ORGANIZER = "organizer", "Organizer"
        VISITING_DELEGATION = "visiting-delegation", "Visiting delegation"
        VISITED = "visited", "Visited"
        PARTICIPANT = "participant", "Participant"
        FACILITATOR = "facilitator", "Facilitator"
        FUNDER = "funder", "Funder"
        OBSERVER = "observer", "Observer"
        INVITER = "inviter", "Inviter"

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="organization_participations"
    )
    organization = models.ForeignKey(
        "cooperation.Organization", on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(max_length=30, choices=Role, default=Role.PARTICIPANT)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "role", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization", "role"], name="unique_organization_participation"
            )
        ]

    def __str__(self):
        return f"{self.organization} — {self.get_role_display().lower()} at {self.event}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()


class PersonParticipation(Cited):
    class Role(models.TextChoices):
        HEAD_OF_DELEGATION = "head-of-delegation", "Head of delegation"
        DELEGATE = "delegate", "Delegate"
        HOST = "host", "Host"
        SPEAKER = "speaker", "Speaker"
        CHAIR = "chair", "Chair"
        OPENED = "opened", "Opened the event"
        PARTICIPANT = "participant", "Participant"
        AWARDED = "awarded", "Awarded"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="person_participations")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(max_length=30, choices=Role, default=Role.PARTICIPANT)
    organization = models.ForeignKey(
        "cooperation.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="person_participations",
        help_text="On whose behalf the person took part.",
    )
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="unique_person_participation"
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display().lower()} at {self.event}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()
