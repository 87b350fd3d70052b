"""Partnerships: who works with whom, since when, and the evidence.

A partnership is a pair of organizations (or, rolled up, of countries) with the
evidence that they work together. The evidence is of four kinds:

declared
    A ``Partnership`` row: an article says so ("five years of partnership").
event
    Both took part in the same event, in roles that make them partners:
    one of them received the other (it was the host, organizer, visited body
    or inviter, and the other took part in another role but observer: a
    visiting delegation, a participant, a facilitator, a funder, or a
    receiver of another kind, as the organizer and the host of a visit), or
    the event had only these two organizations taking part (a bilateral
    meeting). Co-participants of a multilateral event (two delegations at a
    WCO session, two visiting delegations on one study tour) and co-holders
    of one receiving role (two hosts, two visited posts) are not partners by
    that alone, and observers are never partners. Two organizations only mentioned
    in the same article are not partners: only participations count.
agreement
    Both are parties to the same agreement.
programme
    Both fund, implement or are partners of the same programme (beneficiaries
    and members of a network are not partners of its funders by that alone).

Strength is the number of evidence items (each event, agreement, programme and
declared partnership counts once per pair); the first and last years come from
their dates.

Country level: each organization counts for its country (``Organization.country``;
an international body counts for the country of its office where it has one),
an organization without a country stands for itself, and a country party to an
agreement counts for its country. Pairs inside one country are not shown.

How it scales: each evidence kind is one SQL self-join (participations of the
same event, parties of the same agreement, roles in the same programme) grouped
by pair in the database, so Python only sees one row per pair and kind, never
one per piece of evidence: a list or network costs four grouped queries plus
one for the organizations it names, whatever the amount of data. An
organization's or a country's pairs are found one side of the self-join at a
time, by index. Results are kept in the cache until the data changes
(``pair_page``). The pair page fetches only the evidence of its pair: its
newest ``EVIDENCE_SHOWN`` events and all other evidence, with the strength
counted over everything. Limits, measured at a million events (see the
README): deriving every pair takes about a minute, so the list's first
request after a write is slow; the fix is to keep the grouped rows in a table
maintained on write. The network draws at most ``NETWORK_EDGE_LIMIT`` of the
strongest edges. A mixed pair page (a country and an organization) finds
evidence only where the organization has no country, as the country-level
pairs it links from.
"""

import operator
from dataclasses import dataclass, field, replace
from functools import reduce

from django.db.models import CharField, Count, F, Max, Min, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Greatest, Least, NullIf
from django_countries import countries
from django_countries.fields import Country

from cooperation.caching import cached_chunk
from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Organization,
    Partnership,
    Programme,
    ProgrammeRole,
)
from events.models import Event, OrganizationParticipation

ORGANIZATION, COUNTRY = "organization", "country"
DECLARED, EVENT, AGREEMENT, PROGRAMME = "declared", "event", "agreement", "programme"
EVIDENCE_LABELS = {
    DECLARED: "Declared partnership",
    EVENT: "Event",
    AGREEMENT: "Agreement",
    PROGRAMME: "Programme",
}

Role = OrganizationParticipation.Role
RECEIVING_ROLES = [Role.HOST, Role.ORGANIZER, Role.VISITED, Role.INVITER]
ACTIVE_ROLES = [role for role in Role.values if role != Role.OBSERVER]
PROGRAMME_PARTNER_ROLES = [
    ProgrammeRole.Role.FUNDER,
    ProgrammeRole.Role.IMPLEMENTER,
    ProgrammeRole.Role.PARTNER,
]
NETWORK_EDGE_LIMIT = 300
TIMELINE_LIMIT = 100
# A pair page lists the newest events between the two, and counts them all.
EVIDENCE_SHOWN = 100


# Nodes -------------------------------------------------------------------------
# A node is a string, so both levels share one code path and SQL can order a
# pair with LEAST/GREATEST: "#12" is organization 12; "AZ" is a country.


def organization_node(organization_id):
    return f"#{organization_id}"


def _org_node_expr(path, level):
    """SQL for the node of the organization at ``path`` (e.g. "organization")."""
    by_id = Concat(Value("#"), Cast(f"{path}_id", CharField()), output_field=CharField())
    if level == ORGANIZATION:
        return by_id
    country = F(f"{path}__country")
    return Coalesce(NullIf(country, Value(""), output_field=CharField()), by_id)


def _party_node_expr(path, level):
    """SQL for the node of an agreement party: its organization's, or its country."""
    if level == ORGANIZATION:
        return _org_node_expr(f"{path}organization", level)
    return Coalesce(
        NullIf(F(f"{path}country"), Value(""), output_field=CharField()),
        _org_node_expr(f"{path}organization", level),
        output_field=CharField(),
    )


def _date(path):
    return NullIf(F(path), Value(""), output_field=CharField())


@dataclass(frozen=True)
class Scope:
    """What a list, network or page looks at. Every part is optional.

    ``organizations``: pairs with one of these on either side; ``within``: pairs
    with both sides among these (organization ids); ``country``: pairs with an
    organization of this country (or, at country level, the country) on either
    side; ``programmes``: only evidence under these programmes.
    """

    organizations: tuple = ()
    within: tuple = ()
    country: str = ""
    programmes: tuple = ()
    # Internal to pair_rows: which side of a self-join ``organizations`` are
    # looked for on ("a" or "b"; both when empty).
    side: str = ""


# The four self-joins, one row per (pair, evidence item) ---------------------------


def _pair_filters(scope, level, a_path, b_path):
    """Q objects restricting a self-join to the scope; a_path and b_path lead to
    the two organizations of a row."""
    filters = []
    on_a = Q(**{f"{a_path}__in": scope.organizations})
    on_b = Q(**{f"{b_path}__in": scope.organizations})
    if scope.organizations and scope.side == "a":
        filters.append(on_a)
    elif scope.organizations and scope.side == "b":
        filters.append(on_b & ~on_a)
    elif scope.organizations:
        filters.append(on_a | on_b)
    if scope.within:
        filters.append(Q(**{f"{a_path}__in": scope.within}) & Q(**{f"{b_path}__in": scope.within}))
    a_country = Q(**{f"{a_path}__country": scope.country})
    b_country = Q(**{f"{b_path}__country": scope.country})
    if scope.country and scope.side == "a":
        filters.append(a_country)
    elif scope.country and scope.side == "b":
        filters.append(b_country & ~a_country)
    elif scope.country and level == ORGANIZATION:
        filters.append(a_country | b_country)
    return filters


def _ordered(queryset, level, a_node, b_node, scope):
    """Annotate each row with its pair as (lo, hi), drop pairs inside one node."""
    queryset = queryset.annotate(node_a=a_node, node_b=b_node).annotate(
        lo=Least("node_a", "node_b"), hi=Greatest("node_a", "node_b")
    )
    queryset = queryset.exclude(node_a=F("node_b"))
    if scope.country and level == COUNTRY:
        queryset = queryset.filter(Q(node_a=scope.country) | Q(node_b=scope.country))
    return queryset


def _received(other):
    """One side received the other: a receiving role against a role that is not
    the same receiving role (two hosts of one visit did not receive each other)."""
    conditions = []
    for role in RECEIVING_ROLES:
        others = [r for r in ACTIVE_ROLES if r != role]
        conditions.append(Q(role=role, **{f"{other}__role__in": others}))
        conditions.append(Q(**{f"{other}__role": role}, role__in=others))
    return reduce(operator.or_, conditions)


def event_links(level=ORGANIZATION, scope=Scope()):
    """Participations joined to the other participations of their event, where the
    roles make the two organizations partners (see the module docstring)."""
    other = "event__organization_participations"
    # How many organizations take an active part in the row's event: counted
    # for the rows that reach it, not grouped over the whole table first.
    active = (
        OrganizationParticipation.objects.filter(event=OuterRef("event"), role__in=ACTIVE_ROLES)
        .order_by()
        .values("event")
        .annotate(n=Count("organization", distinct=True))
        .values("n")
    )
    filters = [
        Q(**{f"{other}__organization__gt": F("organization")}),
        Q(**{f"{other}__role__in": ACTIVE_ROLES}),
        _received(other) | Q(active_organizations=2),
        *_pair_filters(scope, level, "organization", f"{other}__organization"),
    ]
    if scope.programmes:
        filters.append(Q(event__programme_links__programme__in=scope.programmes))
    queryset = (
        OrganizationParticipation.objects.filter(role__in=ACTIVE_ROLES)
        .annotate(active_organizations=Subquery(active))
        .filter(*filters)
    )
    queryset = _ordered(
        queryset,
        level,
        _org_node_expr("organization", level),
        _org_node_expr(f"{other}__organization", level),
        scope,
    )
    return queryset.annotate(
        item=F("event_id"),
        first=_date("event__start"),
        last=Coalesce(_date("event__end"), _date("event__start")),
    )


def agreement_links(level=ORGANIZATION, scope=Scope()):
    """Parties joined to the other parties of their agreement. At organization level
    only organization parties count; at country level, country parties too."""
    other = "agreement__parties"
    filters = [Q(**{f"{other}__id__gt": F("id")})]
    if level == ORGANIZATION:
        filters += [Q(organization__isnull=False), Q(**{f"{other}__organization__isnull": False})]
    filters += _pair_filters(scope, level, "organization", f"{other}__organization")
    if scope.programmes:
        filters.append(Q(agreement__programmes__in=scope.programmes))
    queryset = AgreementParty.objects.filter(*filters)
    queryset = _ordered(
        queryset,
        level,
        _party_node_expr("", level),
        _party_node_expr(f"{other}__", level),
        scope,
    )
    return queryset.annotate(
        item=F("agreement_id"),
        first=_date("agreement__date_signed"),
        last=_date("agreement__date_signed"),
    )


def programme_links(level=ORGANIZATION, scope=Scope()):
    """Funders, implementers and partners joined to the others of their programme."""
    other = "programme__roles"
    filters = [
        Q(**{f"{other}__organization__gt": F("organization")}),
        Q(**{f"{other}__role__in": PROGRAMME_PARTNER_ROLES}),
        *_pair_filters(scope, level, "organization", f"{other}__organization"),
    ]
    if scope.programmes:
        filters.append(Q(programme__in=scope.programmes))
    queryset = ProgrammeRole.objects.filter(role__in=PROGRAMME_PARTNER_ROLES).filter(*filters)
    queryset = _ordered(
        queryset,
        level,
        _org_node_expr("organization", level),
        _org_node_expr(f"{other}__organization", level),
        scope,
    )
    return queryset.annotate(
        item=F("programme_id"),
        first=_date("programme__start"),
        last=Coalesce(_date("programme__end"), _date("programme__start")),
    )


def declared_links(level=ORGANIZATION, scope=Scope()):
    """Declared partnerships. A programme scope leaves them out: they are not
    under a programme."""
    filters = _pair_filters(scope, level, "organization_a", "organization_b")
    queryset = _ordered(
        Partnership.objects.filter(*filters),
        level,
        _org_node_expr("organization_a", level),
        _org_node_expr("organization_b", level),
        scope,
    )
    queryset = queryset.annotate(
        item=F("id"),
        first=_date("start"),
        last=Coalesce(_date("end"), _date("start")),
    )
    return queryset.none() if scope.programmes else queryset


LINKS = {
    DECLARED: declared_links,
    EVENT: event_links,
    AGREEMENT: agreement_links,
    PROGRAMME: programme_links,
}


# Pairs ---------------------------------------------------------------------------


@dataclass
class Side:
    """One side of a pair: an organization, or a country."""

    node: str
    organization: Organization | None = None
    country: Country | None = None

    @property
    def name(self):
        return self.organization.name if self.organization else self.country.name

    @property
    def short_name(self):
        return self.organization.short_name if self.organization else self.country.name

    @property
    def key(self):
        """The pair page's address part: a slug or a lower-case country code."""
        return self.organization.slug if self.organization else self.country.code.lower()

    def get_absolute_url(self):
        if self.organization:
            return self.organization.get_absolute_url()
        from django.urls import reverse

        return reverse("cooperation:country-detail", kwargs={"code": self.key})

    def __str__(self):
        return self.name


@dataclass
class Pair:
    """Two sides, how much evidence links them and over which years."""

    a: Side
    b: Side
    counts: dict = field(default_factory=dict)
    first_year: int | None = None
    last_year: int | None = None

    @property
    def strength(self):
        return sum(self.counts.values())

    @property
    def years(self):
        if self.first_year is None:
            return ""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    @property
    def evidence_summary(self):
        """ "2 events, 1 agreement" """
        parts = []
        for kind in (DECLARED, EVENT, AGREEMENT, PROGRAMME):
            n = self.counts.get(kind)
            if n:
                label = "declared" if kind == DECLARED else f"{kind}{'s' if n > 1 else ''}"
                parts.append(f"{n} {label}")
        return ", ".join(parts)

    def partner_of(self, node):
        return self.b if self.a.node == node else self.a

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("cooperation:partnership-detail", kwargs={"a": self.a.key, "b": self.b.key})


def _year(text):
    return int(text[:4]) if text else None


def pair_rows(level=ORGANIZATION, scope=Scope()):
    """{(lo, hi): {"counts": {kind: n}, "first": year, "last": year}}, from one
    grouped query per evidence kind (four queries; eight for an organization's
    pairs, one per side)."""
    rows = {}
    # An organization's (or a country's) pairs are looked for on each side of
    # the self-join in turn: "a in X or b in X" would keep the database from
    # using the index on either side. Each joined row falls on exactly one side.
    split = (scope.organizations or scope.country) and not scope.side
    for kind, links in LINKS.items():
        parts = [scope]
        # A country party to an agreement has no organization to look on.
        if split and not (kind == AGREEMENT and scope.country):
            parts = [replace(scope, side="a"), replace(scope, side="b")]
        for part in parts:
            grouped = (
                links(level, part)
                .values("lo", "hi")
                .annotate(
                    n=Count("item", distinct=True), first_date=Min("first"), last_date=Max("last")
                )
                .order_by()
            )
            for row in grouped:
                _add_row(rows, kind, row)
    return rows


def _add_row(rows, kind, row):
    """Add a grouped row of ``kind`` evidence to ``rows``. The two sides of a
    split scope never share a join row, so their counts add up."""
    entry = rows.setdefault((row["lo"], row["hi"]), {"counts": {}, "first": None, "last": None})
    entry["counts"][kind] = entry["counts"].get(kind, 0) + row["n"]
    for key, pick, value in (
        ("first", min, _year(row["first_date"])),
        ("last", max, _year(row["last_date"])),
    ):
        if value is not None:
            entry[key] = value if entry[key] is None else pick(entry[key], value)
    return rows


def resolve_sides(nodes):
    """Sides for node strings, with one query for the organizations among them."""
    ids = {int(node[1:]) for node in nodes if node.startswith("#")}
    # What pairs and the network show of an organization, no more: a list of
    # every pair is kept in the cache, and its size is what it costs to read.
    shown = ("slug", "name", "acronym", "kind", "country")
    organizations = Organization.objects.only(*shown).in_bulk(ids) if ids else {}
    sides = {}
    for node in nodes:
        if node.startswith("#"):
            sides[node] = Side(node, organization=organizations[int(node[1:])])
        else:
            sides[node] = Side(node, country=Country(node))
    return sides


def pair_page(level=ORGANIZATION, scope=Scope(), index=0, size=50, keep=1):
    """``(number of pairs, the pairs of page index)``: the first ``keep`` pages
    of ``partnership_pairs`` kept in the cache until the data changes."""
    return cached_chunk(
        f"pairs:{level}:{scope}", lambda: partnership_pairs(level, scope), index, size, keep
    )


def partnership_pairs(level=ORGANIZATION, scope=Scope()):
    """Every pair in the scope, strongest first (five queries: four grouped
    self-joins and the organizations they name)."""
    rows = pair_rows(level, scope)
    sides = resolve_sides({node for pair in rows for node in pair})
    pairs = [
        Pair(
            # In alphabetical order, whatever order the database gave the pair.
            *sorted((sides[lo], sides[hi]), key=lambda side: side.name),
            counts=row["counts"],
            first_year=row["first"],
            last_year=row["last"],
        )
        for (lo, hi), row in rows.items()
    ]
    pairs.sort(key=lambda p: (-p.strength, -(p.last_year or 0), p.a.name, p.b.name))
    return pairs


def partners_of_organization(organization):
    """The organization's partners, strongest first (five queries)."""
    return partnership_pairs(ORGANIZATION, Scope(organizations=(organization.pk,)))


def scope_from_filters(*, organization=None, country="", programme=None):
    """The scope for the list's cleaned filter values. A programme brings in the
    programmes within it (IREN within the CCP): one query."""
    programmes = ()
    if programme is not None:
        programmes = tuple(
            Programme.objects.filter(
                Q(pk=programme.pk) | Q(parent=programme) | Q(parent__parent=programme)
            ).values_list("pk", flat=True)
        )
    return Scope(
        organizations=(organization.pk,) if organization else (),
        country=str(country or "").upper(),
        programmes=programmes,
    )


# The network -----------------------------------------------------------------------


def network(scope=Scope(), *, centre=None, limit=NETWORK_EDGE_LIMIT):
    """Nodes and edges of the organization network, for the JSON endpoint.

    Centred on an organization: its partners, and the links among them too (a
    second round of grouped queries restricted to that set). Nodes are sized by
    activity (the evidence on their edges shown) and carry their kind; edges are
    weighted by strength. At most ``limit`` of the strongest edges.
    """
    if centre is not None:
        first = pair_rows(
            ORGANIZATION, Scope(organizations=(centre.pk,), programmes=scope.programmes)
        )
        ids = {int(node[1:]) for pair in first for node in pair} | {centre.pk}
        scope = Scope(within=tuple(sorted(ids)), programmes=scope.programmes)
    rows = pair_rows(ORGANIZATION, scope)
    strongest = sorted(rows.items(), key=lambda item: -sum(item[1]["counts"].values()))[:limit]
    sides = resolve_sides({node for pair, _ in strongest for node in pair})
    if centre is not None:
        sides.setdefault(organization_node(centre.pk), Side(organization_node(centre.pk), centre))
    activity = dict.fromkeys(sides, 0)
    edges = []
    for (lo, hi), row in strongest:
        strength = sum(row["counts"].values())
        activity[lo] += strength
        activity[hi] += strength
        pair = Pair(sides[lo], sides[hi], row["counts"], row["first"], row["last"])
        edges.append(
            {
                "source": sides[lo].organization.slug,
                "target": sides[hi].organization.slug,
                "strength": strength,
                "first_year": row["first"],
                "last_year": row["last"],
                "evidence": pair.evidence_summary,
                "url": pair.get_absolute_url(),
            }
        )
    nodes = [
        {
            "id": side.organization.slug,
            "label": side.organization.short_name,
            "name": side.organization.name,
            "kind": side.organization.kind,
            "kind_label": side.organization.get_kind_display(),
            "country": side.organization.country.code or None,
            "activity": activity[node],
            "url": side.organization.get_absolute_url(),
            "is_centre": centre is not None and side.organization.pk == centre.pk,
        }
        for node, side in sorted(sides.items(), key=lambda item: item[1].name)
    ]
    return {"nodes": nodes, "edges": edges}


# A pair's evidence -------------------------------------------------------------------


def side_for(key):
    """The side named by a pair page's address part: a two-letter country code
    ("az") or an organization slug. None when it names nothing."""
    if len(key) == 2 and key.upper() in countries:
        code = key.upper()
        return Side(code, country=Country(code))
    organization = Organization.objects.filter(slug=key).first()
    if organization is None:
        return None
    return Side(organization_node(organization.pk), organization=organization)


@dataclass
class Evidence:
    """One item on a pair's timeline."""

    kind: str
    date: object  # PartialDate or None
    title: str
    url: str
    detail: str
    citations: list

    @property
    def kind_label(self):
        return EVIDENCE_LABELS[self.kind]

    @property
    def sort_key(self):
        return self.date.isoformat() if self.date else "9999"


def _citations(*objects):
    """The citations of several objects, each passage once: an event and a
    participation in it often cite the same sentence."""
    seen, citations = set(), []
    for obj in objects:
        for citation in obj.citations.all():
            key = (citation.source_id, citation.quote)
            if key not in seen:
                seen.add(key)
                citations.append(citation)
    return citations


def _on_side(organization, side):
    if side.organization:
        return organization.pk == side.organization.pk
    return organization.country == side.country.code


def _pair_items(a, b):
    """``{kind: subquery of the item ids}`` of the evidence between two sides:
    the pair's rows of the same self-joins the list counts."""
    level = COUNTRY if (a.country or b.country) else ORGANIZATION
    # Either order: the database's collation, not Python, decides which is "lo".
    pair = Q(lo=a.node, hi=b.node) | Q(lo=b.node, hi=a.node)
    scope = Scope()
    if a.organization and b.organization:
        # Both sides by index, not every pair computed and then one kept.
        scope = Scope(within=(a.organization.pk, b.organization.pk))
    return {kind: links(level, scope).filter(pair) for kind, links in LINKS.items()}


def pair_evidence(a, b, limit=None):
    """The evidence between two sides, oldest first, each item with its
    citations: every agreement, programme and declared partnership, and the
    newest ``limit`` events (two busy bodies share thousands).

    A bounded number of queries whatever the amount of evidence: per kind, one
    for the items (the pair's rows of the same self-join the list counts, as a
    subquery) and one or two for their citations and participants.
    """
    limit = EVIDENCE_SHOWN if limit is None else limit
    ids = {kind: rows.values("item") for kind, rows in _pair_items(a, b).items()}
    cited = Prefetch("citations", queryset=Citation.objects.select_related("source"))
    items = []

    events = (
        Event.objects.filter(pk__in=ids[EVENT])
        .prefetch_related(
            cited,
            Prefetch(
                "organization_participations",
                queryset=OrganizationParticipation.objects.select_related("organization")
                .prefetch_related(cited)
                .order_by("role", "organization__name"),
            ),
        )
        .order_by("-start", "-pk")[:limit]
    )
    for event in events:
        involved = [
            p
            for p in event.organization_participations.all()
            if _on_side(p.organization, a) or _on_side(p.organization, b)
        ]
        detail = "; ".join(
            f"{p.organization.short_name}: {p.get_role_display().lower()}" for p in involved
        )
        items.append(
            Evidence(
                kind=EVENT,
                date=event.start,
                title=event.title,
                url=event.get_absolute_url(),
                detail=detail,
                citations=_citations(*involved, event),
            )
        )

    agreements = Agreement.objects.filter(pk__in=ids[AGREEMENT]).prefetch_related(
        cited,
        Prefetch(
            "parties",
            queryset=AgreementParty.objects.select_related("organization").prefetch_related(cited),
        ),
    )
    for agreement in agreements:
        parties = list(agreement.parties.all())
        items.append(
            Evidence(
                kind=AGREEMENT,
                date=agreement.date_signed,
                title=agreement.title,
                url=agreement.get_absolute_url(),
                detail="Parties: "
                + ", ".join(
                    p.organization.short_name if p.organization_id else p.country.name
                    for p in parties
                ),
                citations=_citations(agreement, *parties),
            )
        )

    programmes = Programme.objects.filter(pk__in=ids[PROGRAMME]).prefetch_related(
        cited,
        Prefetch(
            "roles",
            queryset=ProgrammeRole.objects.filter(role__in=PROGRAMME_PARTNER_ROLES)
            .select_related("organization")
            .prefetch_related(cited),
        ),
    )
    for programme in programmes:
        roles = [
            r
            for r in programme.roles.all()
            if _on_side(r.organization, a) or _on_side(r.organization, b)
        ]
        items.append(
            Evidence(
                kind=PROGRAMME,
                date=programme.start,
                title=programme.name,
                url=programme.get_absolute_url(),
                detail="; ".join(
                    f"{r.organization.short_name}: {r.get_role_display().lower()}" for r in roles
                ),
                citations=_citations(*roles, programme),
            )
        )

    declared = (
        Partnership.objects.filter(pk__in=ids[DECLARED])
        .select_related("organization_a", "organization_b")
        .prefetch_related(cited)
    )
    for partnership in declared:
        items.append(
            Evidence(
                kind=DECLARED,
                date=partnership.start,
                title=f"{partnership.get_kind_display()}: {partnership}",
                url=partnership.get_absolute_url(),
                detail=f"Since {partnership.period}" if partnership.start else partnership.period,
                citations=_citations(partnership),
            )
        )

    items.sort(key=lambda item: (item.sort_key, item.kind))
    return items


def pair_summary(a, b):
    """The pair's strength and years, counted in the database over all of its
    evidence (the page may list only part of it): one query per kind."""
    counts, firsts, lasts = {}, [], []
    for kind, rows in _pair_items(a, b).items():
        found = rows.aggregate(
            n=Count("item", distinct=True), first_date=Min("first"), last_date=Max("last")
        )
        if found["n"]:
            counts[kind] = found["n"]
            firsts.append(_year(found["first_date"]))
            lasts.append(_year(found["last_date"]))
    first = min((year for year in firsts if year is not None), default=None)
    last = max((year for year in lasts if year is not None), default=None)
    return Pair(a, b, counts, first, last)


# Timelines -------------------------------------------------------------------------


def timeline(events, limit=TIMELINE_LIMIT):
    """Events grouped by year, newest year first: [(year, [event, ...]), ...].
    One query (the events, with their places); at most ``limit`` events."""
    events = list(events.order_by("-start", "title").distinct()[:limit])
    years = {}
    for event in events:
        years.setdefault(event.start.year if event.start else None, []).append(event)
    return list(years.items())


def organization_events(organization):
    return Event.objects.filter(organization_participations__organization=organization)


def country_events(code):
    code = code.upper()
    return Event.objects.filter(
        Q(country=code) | Q(organization_participations__organization__country=code)
    )


def programme_events(programme):
    return Event.objects.filter(
        Q(programme_links__programme=programme) | Q(programme_links__programme__parent=programme)
    )
