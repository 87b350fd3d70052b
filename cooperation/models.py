"""The core of the knowledge base: sources and citations, organizations,
programmes, agreements and partnerships.

Every entity and every relation carries citations: the verbatim passage of a
source that supports it. People live in ``people``, events in ``events``.
"""

from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import slugify
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cooperation.partial_dates import PartialDateField, display_range, period_constraint


def unique_slug(model, text, *, max_length=80):
    """A slug for ``text`` that no row of ``model`` has yet ("wco", "wco-2")."""
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)] + suffix
        n += 1
    return slug


class SluggedModel(models.Model):
    """A public entity with an address. The slug is set once from its name and
    kept on rename, so links to it stay valid."""

    slug = models.SlugField(max_length=100, unique=True, blank=True)

    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), getattr(self, self.slug_source))
        super().save(*args, **kwargs)


class Cited(models.Model):
    """Anything that can carry citations."""

    citations = GenericRelation("cooperation.Citation")

    class Meta:
        abstract = True


class Searchable(models.Model):
    """An entity the search box finds. ``search_names`` and ``search_text`` are
    denormalized copies of its names and text, folded to lower-case ASCII (one
    name or passage a line), rebuilt by ``cooperation.search.search_document_update``
    whenever the entity, its aliases or its positions change. On PostgreSQL they
    carry GIN trigram and full-text indexes, created in migrations (see
    ``cooperation.search_backends``), not declared here: SQLite cannot build them.
    """

    search_names = models.TextField(blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    # PostgreSQL's weighted full-text vector of the two; always empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True


# History records what editors wrote, not the search copies derived from it.
SEARCH_FIELDS = ["search_names", "search_text", "search_vector"]


class SourceQuerySet(models.QuerySet):
    def for_list(self):
        """Sources with how many facts cite them (a correlated count, so a page
        counts for its own rows only)."""
        citations = (
            Citation.objects.filter(source=OuterRef("pk"))
            .order_by()
            .values("source")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(citation_count=Coalesce(Subquery(citations), 0)).order_by(
            "-published", "title"
        )

    def published_from(self, year):
        return self.filter(published__gte=str(year))

    def published_until(self, year):
        return self.exclude(published="").filter(published__lt=str(year + 1))


class Source(SluggedModel, Searchable):
    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        EDITOR_NOTE = "editor-note", "Editor's note"

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ARTICLE)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    published = PartialDateField(help_text="Publication date, as precisely as the text gives it.")
    text = models.TextField(help_text="The full text of the article, as stored.")
    corpus_file = models.CharField(
        max_length=200,
        blank=True,
        help_text="Name of the file in corpus/ this source was loaded from.",
    )
    note = models.TextField(blank=True, help_text="What an editor should know about this source.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=SEARCH_FIELDS)
    slug_source = "title"

    class Meta:
        ordering = ["-published", "title"]
        indexes = [models.Index(F("published").desc(), "title", name="source_list_order")]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="unique_source_url"),
            models.UniqueConstraint(
                fields=["corpus_file"],
                condition=~Q(corpus_file=""),
                name="unique_source_corpus_file",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:source-detail", kwargs={"slug": self.slug})


class CitationQuerySet(models.QuerySet):
    def with_cited(self):
        """Citations with the object each one supports and, for a relation
        (a position, a participation...), the entities it links: one query per
        kind of cited object, whatever the number of citations."""
        from django.contrib.contenttypes.prefetch import GenericPrefetch

        from events.models import (
            Event,
            EventProgramme,
            OrganizationParticipation,
            PersonParticipation,
        )
        from people.models import Person, Position

        return self.select_related("content_type").prefetch_related(
            GenericPrefetch(
                "cited",
                [
                    Organization.objects.all(),
                    Programme.objects.all(),
                    Agreement.objects.all(),
                    Person.objects.all(),
                    Event.objects.all(),
                    ProgrammeRole.objects.select_related("programme", "organization"),
                    ProgrammeCountry.objects.select_related("programme"),
                    AgreementParty.objects.select_related("agreement", "organization"),
                    Partnership.objects.select_related("organization_a", "organization_b"),
                    Position.objects.select_related("person", "organization"),
                    EventProgramme.objects.select_related("event", "programme"),
                    OrganizationParticipation.objects.select_related("event", "organization"),
                    PersonParticipation.objects.select_related("event", "person", "organization"),
                ],
            )
        )


class Citation(models.Model):
    """A fact's link to a source, with the verbatim quote that supports it."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(help_text="The passage, exactly as it appears in the source text.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    cited = GenericForeignKey("content_type", "object_id")
    created = models.DateTimeField(auto_now_add=True)

    objects = CitationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "content_type", "object_id", "quote"], name="unique_citation"
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="citation_has_quote"),
        ]

    def __str__(self):
        quote = self.quote if len(self.quote) <= 60 else self.quote[:57] + "…"
        return f"“{quote}” ({self.source})"

    def get_absolute_url(self):
        """The source page, at this passage."""
        return f"{self.source.get_absolute_url()}#citation-{self.pk}"

    def clean(self):
        if self.source_id and self.quote and self.quote not in self.source.text:
            raise ValidationError({"quote": "This passage does not occur in the source text."})


def citations_prefetch():
    """An object's citations with their sources: one query for a whole list."""
    return Prefetch("citations", queryset=Citation.objects.select_related("source"))


# A detail page lists at most this many facts of one kind (the newest first)
# and links to the full, paginated list: a busy organization attends tens of
# thousands of events. One more is fetched to know that there are more.
FACTS_SHOWN = 50


def first_facts(queryset):
    """``queryset`` cut for a detail page's prefetch: ``FACTS_SHOWN`` and one more."""
    return queryset[: FACTS_SHOWN + 1]


def with_citations(queryset):
    """``queryset`` with each row's citations prefetched, for ``includes/citations.html``."""
    return queryset.prefetch_related(citations_prefetch())


class OrganizationQuerySet(models.QuerySet):
    def in_country(self, code):
        return self.filter(country=code.upper())

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def under_programme(self, programme):
        """Organizations with a role in ``programme`` (or a programme within it),
        or at one of its events."""
        programmes = Programme.objects.within(programme).values("pk")
        return self.filter(
            pk__in=Organization.objects.filter(
                Q(programme_roles__programme__in=programmes)
                | Q(participations__event__programme_links__programme__in=programmes)
            ).values("pk")
        )

    def for_list(self):
        """For a list: see ``attach_activity`` for the counts of the rows shown."""
        return self.select_related("parent").prefetch_related("aliases").order_by("name", "pk")

    def for_detail(self):
        """Everything the organization page shows, each fact with its citations."""
        from events.models import OrganizationParticipation
        from people.models import Position

        return self.select_related("parent").prefetch_related(
            "aliases",
            citations_prefetch(),
            Prefetch("children", queryset=Organization.objects.order_by("name")),
            Prefetch(
                "positions",
                queryset=with_citations(
                    first_facts(
                        Position.objects.select_related("person").order_by(
                            "person__name", "-as_of", "pk"
                        )
                    )
                ),
                to_attr="shown_positions",
            ),
            Prefetch(
                "participations",
                queryset=with_citations(
                    first_facts(
                        OrganizationParticipation.objects.select_related("event").order_by(
                            "-event__start", "event__title", "pk"
                        )
                    )
                ),
                to_attr="shown_participations",
            ),
            Prefetch(
                "programme_roles",
                queryset=with_citations(ProgrammeRole.objects.select_related("programme")),
            ),
            Prefetch(
                "agreement_parties",
                queryset=with_citations(
                    first_facts(
                        AgreementParty.objects.select_related("agreement").order_by(
                            "-agreement__date_signed", "pk"
                        )
                    )
                ),
                to_attr="shown_agreement_parties",
            ),
            Prefetch(
                "partnerships_as_a",
                queryset=with_citations(Partnership.objects.select_related("organization_b")),
            ),
            Prefetch(
                "partnerships_as_b",
                queryset=with_citations(Partnership.objects.select_related("organization_a")),
            ),
        )


def most_active_organizations(limit):
    """The ``limit`` most active organizations (events and agreements), most
    active first, each with its counts set as by ``attach_activity``: two
    grouped passes over the participations and parties, then the winners."""
    from events.models import OrganizationParticipation

    def grouped(model, member):
        # Distinct pairs first, then a plain count: COUNT(DISTINCT) sorts
        # every row, where a hashed DISTINCT does not (5 s against 1 s on
        # three million participations).
        quote = connection.ops.quote_name
        table, organization, member = (
            quote(model._meta.db_table),
            quote(model._meta.get_field("organization").column),
            quote(model._meta.get_field(member).column),
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {organization}, COUNT(*) FROM (SELECT DISTINCT {organization}, "
                f"{member} FROM {table} WHERE {organization} IS NOT NULL) pairs "
                f"GROUP BY {organization}"
            )
            return cursor.fetchall()

    events = dict(grouped(OrganizationParticipation, "event"))
    agreements = dict(grouped(AgreementParty, "agreement"))
    activity = Counter(events) + Counter(agreements)
    if not activity or limit < 1:
        return []
    # Everyone level with the last place, so ties are broken by name.
    threshold = sorted(activity.values(), reverse=True)[:limit][-1]
    ids = [pk for pk, n in activity.items() if n >= threshold]
    organizations = list(Organization.objects.filter(pk__in=ids))
    for organization in organizations:
        organization.event_count = events.get(organization.pk, 0)
        organization.agreement_count = agreements.get(organization.pk, 0)
        organization.activity = activity[organization.pk]
    organizations.sort(key=lambda organization: (-organization.activity, organization.name))
    return organizations[:limit]


def attach_activity(organizations):
    """Set ``event_count``, ``agreement_count`` and ``activity`` on each of
    ``organizations`` (a page of a list): two grouped queries over their rows
    only, however deep the page."""
    from events.models import OrganizationParticipation

    organizations = list(organizations)
    ids = [organization.pk for organization in organizations]

    def counts(model, member):
        return dict(
            model.objects.filter(organization__in=ids)
            .order_by()
            .values("organization")
            .annotate(n=Count(member, distinct=True))
            .values_list("organization", "n")
        )

    events, agreements = (
        counts(OrganizationParticipation, "event"),
        counts(AgreementParty, "agreement"),
    )
    for organization in organizations:
        organization.event_count = events.get(organization.pk, 0)
        organization.agreement_count = agreements.get(organization.pk, 0)
        organization.activity = organization.event_count + organization.agreement_count
    return organizations


class Organization(SluggedModel, Searchable, Cited):
    class Kind(models.TextChoices):
        CUSTOMS = "customs", "Customs administration"
        TRAINING = "training", "Training institution"
        INTERNATIONAL = "international", "International organization"
        REGIONAL_OFFICE = "regional-office", "Regional office"
        DONOR = "donor", "Donor or development agency"
        LAW_ENFORCEMENT = "law-enforcement", "Law-enforcement or coordination centre"
        GOVERNMENT = "government", "Government body"
        UNIVERSITY = "university", "University"
        UNIT = "unit", "Department or unit"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300)
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    country = CountryField(blank=True, help_text="Leave empty for international bodies.")
    city = models.CharField(max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The body this one is part of (ROCB Europe is part of the WCO).",
    )
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    note = models.TextField(blank=True, help_text="Ambiguities or contradictions in the sources.")

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=SEARCH_FIELDS)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name", "id"], name="organization_list_order")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="organization_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:organization-detail", kwargs={"slug": self.slug})

    @property
    def short_name(self):
        return self.acronym or self.name

    @property
    def declared_partnerships(self):
        """``(partner, partnership)`` for each partnership an article declares,
        whichever side of the pair this organization is stored on. Uses the rows
        prefetched by ``for_detail()``."""
        pairs = [(p.organization_b, p) for p in self.partnerships_as_a.all()]
        pairs += [(p.organization_a, p) for p in self.partnerships_as_b.all()]
        return sorted(pairs, key=lambda pair: pair[0].name)

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None and self.pk is not None:
            if ancestor.pk == self.pk or ancestor.pk in seen:
                raise ValidationError({"parent": "An organization cannot be part of itself."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Alias(models.Model):
    """Another name for an entity: a spelling, a translation, a former name."""

    name = models.CharField(max_length=300)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name


class OrganizationAlias(Alias):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "organization aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="unique_organization_alias"
            )
        ]


# How deep programmes nest (the CCP, its regional segment, a network within it).
PROGRAMME_DEPTH = 3


class ProgrammeQuerySet(models.QuerySet):
    def within(self, programme):
        """``programme`` and the programmes nested in it (IREN sits within the CCP),
        down to ``PROGRAMME_DEPTH`` levels; ``programme`` may be a pk subquery."""
        condition = Q(pk=programme)
        lookup = "parent"
        for _ in range(PROGRAMME_DEPTH):
            condition |= Q(**{lookup: programme})
            lookup += "__parent"
        return self.filter(condition)

    def benefiting(self, code):
        """Programmes that name the country as beneficiary, member or funder."""
        return self.filter(pk__in=ProgrammeCountry.objects.filter(country=code).values("programme"))

    def in_country(self, code):
        """Programmes that name the country, or in which a body of it has a role."""
        return self.filter(
            pk__in=Programme.objects.filter(
                Q(countries__country=code) | Q(roles__organization__country=code)
            ).values("pk")
        )

    def involving(self, organization):
        """Programmes where ``organization`` has a role or took part in an event."""
        return self.filter(
            pk__in=Programme.objects.filter(
                Q(roles__organization=organization)
                | Q(event_links__event__organization_participations__organization=organization)
            ).values("pk")
        )

    def with_event_count(self):
        from events.models import EventProgramme

        links = (
            EventProgramme.objects.filter(programme=OuterRef("pk"))
            .order_by()
            .values("programme")
            .annotate(n=Count("event", distinct=True))
            .values("n")
        )
        return self.annotate(event_count=Coalesce(Subquery(links), 0))

    def for_list(self):
        return (
            self.select_related("parent")
            .prefetch_related(
                Prefetch("roles", queryset=ProgrammeRole.objects.select_related("organization")),
                "countries",
            )
            .with_event_count()
            .order_by("name", "pk")
        )

    def for_detail(self):
        """Everything the programme page shows, each fact with its citations."""
        from events.models import EventProgramme

        return self.select_related("parent").prefetch_related(
            citations_prefetch(),
            Prefetch("children", queryset=Programme.objects.order_by("name")),
            Prefetch(
                "roles",
                queryset=with_citations(ProgrammeRole.objects.select_related("organization")),
            ),
            Prefetch("countries", queryset=with_citations(ProgrammeCountry.objects.all())),
            Prefetch(
                "event_links",
                queryset=with_citations(
                    first_facts(
                        EventProgramme.objects.select_related("event").order_by(
                            "-event__start", "event__title", "pk"
                        )
                    )
                ),
                to_attr="shown_event_links",
            ),
            Prefetch("agreements", queryset=Agreement.objects.order_by("-date_signed", "title")),
        )


class Programme(SluggedModel, Searchable, Cited):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", "Programme"
        PROJECT = "project", "Project"
        NETWORK = "network", "Network"
        INITIATIVE = "initiative", "Initiative"
        FUND = "fund", "Fund"

    name = models.CharField(max_length=300)
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.PROGRAMME)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The programme this one sits within (IREN sits within the CCP).",
    )
    start = PartialDateField()
    end = PartialDateField()
    description = models.TextField(blank=True)
    note = models.TextField(blank=True, help_text="Ambiguities or contradictions in the sources.")

    objects = ProgrammeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=SEARCH_FIELDS)

    class Meta:
        ordering = ["name"]
        constraints = [
            period_constraint("start", "end", "programme_ends_after_start"),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="programme_not_own_parent"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:programme-detail", kwargs={"slug": self.slug})

    @property
    def period(self):
        return display_range(self.start, self.end)


class ProgrammeRole(Cited):
    """An organization's part in a programme: it funds it, implements it..."""

    class Role(models.TextChoices):
        FUNDER = "funder", "Funder"
        IMPLEMENTER = "implementer", "Implementer"
        PARTNER = "partner", "Partner"
        BENEFICIARY = "beneficiary", "Beneficiary"
        MEMBER = "member", "Member"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="roles")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="programme_roles"
    )
    role = models.CharField(max_length=20, choices=Role)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "role", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organization", "role"], name="unique_programme_role"
            )
        ]

    def __str__(self):
        return f"{self.organization} — {self.get_role_display().lower()} of {self.programme}"

    def get_absolute_url(self):
        return self.programme.get_absolute_url()


class ProgrammeCountry(Cited):
    """A country's part in a programme: it benefits from it or takes part."""

    class Role(models.TextChoices):
        BENEFICIARY = "beneficiary", "Beneficiary"
        MEMBER = "member", "Member"
        FUNDER = "funder", "Funder"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="countries")
    country = CountryField()
    role = models.CharField(max_length=20, choices=Role, default=Role.BENEFICIARY)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "programme countries"
        ordering = ["programme", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "country", "role"], name="unique_programme_country"
            )
        ]

    def __str__(self):
        return f"{self.country.name} — {self.get_role_display().lower()} of {self.programme}"

    def get_absolute_url(self):
        return self.programme.get_absolute_url()


class AgreementQuerySet(models.QuerySet):
    def with_party_in(self, code):
        """Agreements with the country itself, or one of its bodies, as a party."""
        return self.filter(
            pk__in=AgreementParty.objects.filter(
                Q(country=code) | Q(organization__country=code)
            ).values("agreement")
        )

    def with_party(self, organization):
        return self.filter(
            pk__in=AgreementParty.objects.filter(organization=organization).values("agreement")
        )

    def under_programme(self, programme):
        """Agreements under ``programme`` (or one within it), or signed at one of
        its events."""
        programmes = Programme.objects.within(programme).values("pk")
        return self.filter(
            pk__in=Agreement.objects.filter(
                Q(programmes__in=programmes) | Q(event__programme_links__programme__in=programmes)
            ).values("pk")
        )

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def for_list(self):
        return self.select_related("event").prefetch_related(
            Prefetch("parties", queryset=AgreementParty.objects.select_related("organization")),
            "programmes",
        )

    def for_detail(self):
        """Everything the agreement page shows, each party with its citations."""
        return self.select_related("event").prefetch_related(
            citations_prefetch(),
            Prefetch(
                "parties",
                queryset=with_citations(AgreementParty.objects.select_related("organization")),
            ),
            "programmes",
        )


class Agreement(SluggedModel, Searchable, Cited):
    class Kind(models.TextChoices):
        MOU = "mou", "Memorandum of understanding"
        PROTOCOL = "protocol", "Protocol"
        AGREEMENT = "agreement", "Agreement"
        ACTION_PLAN = "action-plan", "Action plan"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        SIGNED = "signed", "Signed"
        IN_FORCE = "in-force", "In force"
        BEING_IMPLEMENTED = "being-implemented", "Being implemented"
        PLANNED = "planned", "Planned"
        EXPIRED = "expired", "Expired"
        UNKNOWN = "unknown", "Unknown"

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.AGREEMENT)
    title = models.CharField(max_length=300)
    date_signed = PartialDateField()
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        help_text="The event where it was signed.",
    )
    subject = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.UNKNOWN)
    programmes = models.ManyToManyField(Programme, blank=True, related_name="agreements")
    note = models.TextField(blank=True, help_text="Ambiguities or contradictions in the sources.")

    objects = AgreementQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[programmes], excluded_fields=SEARCH_FIELDS)
    slug_source = "title"

    class Meta:
        ordering = ["-date_signed", "title"]
        indexes = [models.Index(F("date_signed").desc(), "title", name="agreement_list_order")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:agreement-detail", kwargs={"slug": self.slug})


class AgreementParty(Cited):
    """A party to an agreement: an organization or, where the text says so, a country."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
    )
    country = CountryField(blank=True)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "agreement parties"
        ordering = ["agreement", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organization__isnull=False) & Q(country=""))
                | (Q(organization__isnull=True) & ~Q(country="")),
                name="party_is_organization_or_country",
                violation_error_message="A party is either an organization or a country, not both.",
            ),
            models.UniqueConstraint(
                fields=["agreement", "organization"], name="unique_party_organization"
            ),
            models.UniqueConstraint(
                fields=["agreement", "country"],
                condition=~Q(country=""),
                name="unique_party_country",
            ),
        ]

    def __str__(self):
        party = self.organization if self.organization_id else self.country.name
        return f"{party} — party to {self.agreement}"

    def get_absolute_url(self):
        return self.agreement.get_absolute_url()


class Partnership(Cited):
    """A partnership an article declares between two organizations ("five years of
    partnership"). Partnerships that follow from shared events, agreements and
    programmes are derived, not stored.

    The pair is stored once, the organization with the lower id first.
    """

    class Kind(models.TextChoices):
        INSTITUTIONAL = "institutional", "Institutional partnership"
        WORKING_RELATIONSHIP = "working-relationship", "Working relationship"
        TRAINING = "training", "Training partnership"
        OTHER = "other", "Other"

    organization_a = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="partnerships_as_a"
    )
    organization_b = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="partnerships_as_b"
    )
    kind = models.CharField(max_length=30, choices=Kind, default=Kind.INSTITUTIONAL)
    start = PartialDateField(help_text="Since when, as precisely as known.")
    end = PartialDateField()
    description = models.TextField(blank=True)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization_a__lt=F("organization_b")),
                name="partnership_pair_ordered",
                violation_error_message="A partnership is between two different organizations.",
            ),
            models.UniqueConstraint(
                fields=["organization_a", "organization_b"], name="unique_partnership_pair"
            ),
            period_constraint("start", "end", "partnership_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.organization_a} – {self.organization_b}"

    def save(self, *args, **kwargs):
        self.order_pair()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "cooperation:partnership-detail",
            kwargs={"a": self.organization_a.slug, "b": self.organization_b.slug},
        )

    def clean(self):
        if self.organization_a_id and self.organization_a_id == self.organization_b_id:
            raise ValidationError("A partnership is between two different organizations.")
        self.order_pair()

    def order_pair(self):
        """Store the pair in one order only, whichever way it was given."""
        if (
            self.organization_a_id
            and self.organization_b_id
            and (self.organization_a_id > self.organization_b_id)
        ):
            self.organization_a, self.organization_b = self.organization_b, self.organization_a

    @property
    def period(self):
        return display_range(self.start, self.end)


class DataVersion(models.Model):
    """One row whose token database triggers renew on every write to the
    knowledge base: the version cached summaries are keyed by (see
    ``cooperation.caching``)."""

    token = models.CharField(max_length=40)

    def __str__(self):
        return self.token


class Ingestion(models.Model):
    """How a source came in through ``ingest``: the file, and the fingerprint of
    its text that tells a second ingestion of the same article."""

    class Format(models.TextChoices):
        TEXT = "text", "Text"
        HTML = "html", "HTML"

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="ingestion")
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        help_text="SHA-256 of the text with case, spacing and Unicode form normalized.",
    )
    filename = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=10, choices=Format, default=Format.TEXT)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingestions",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.filename or self.source.title} ({self.created:%Y-%m-%d})"

    def get_absolute_url(self):
        return self.source.get_absolute_url()


class Proposal(models.Model):
    """Something extraction found in a source, waiting for an editor: an entity
    to create or link, with the passage it came from. Nothing enters the
    knowledge base until an editor accepts it (``cooperation.ingest.services``)."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", "Organization"
        PERSON = "person", "Person"
        COUNTRY = "country", "Country"
        EVENT = "event", "Event"
        AGREEMENT = "agreement", "Agreement"
        PROGRAMME = "programme", "Programme"
        PARTNERSHIP = "partnership", "Partnership"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending review"
        ACCEPTED = "accepted", "Accepted"
        MERGED = "merged", "Merged into an existing record"
        REJECTED = "rejected", "Rejected"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(max_length=20, choices=Kind)
    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names, as a JSON list.")
    country = CountryField(blank=True)
    start = PartialDateField()
    end = PartialDateField()
    match = models.CharField(
        max_length=100,
        blank=True,
        help_text="Slug of the existing record extraction matched this to, if any.",
    )
    passage = models.TextField(help_text="The sentence of the source this was found in.")
    details = models.JSONField(
        default=dict,
        blank=True,
        help_text="What else extraction read: acronym, kind, title, host, parties, funders...",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    record_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_proposals",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="Why it was rejected or changed.")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "id"]
        indexes = [models.Index(fields=["status", "kind"], name="proposal_queue")]
        constraints = [
            models.CheckConstraint(condition=~Q(passage=""), name="proposal_has_passage"),
            period_constraint("start", "end", "proposal_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"

    def get_absolute_url(self):
        return reverse("admin:cooperation_proposal_change", args=[self.pk])

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
