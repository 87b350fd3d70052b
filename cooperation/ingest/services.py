"""Writes of the ingestion workflow: store an article and its proposals; accept,
merge or reject a proposal. Each is one transaction, so a failure leaves nothing
half-written, and each accepted fact is cited to the passage it came from."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cooperation.ingest.extract import extract
from cooperation.ingest.known import KnownRecords
from cooperation.ingest.text import IngestError, content_hash, read_article
from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Ingestion,
    Organization,
    OrganizationAlias,
    Partnership,
    Programme,
    ProgrammeRole,
    Proposal,
    Source,
)
from cooperation.partial_dates import PartialDate
from events.models import Event, OrganizationParticipation, PersonParticipation
from people.models import Person, PersonAlias, Position


@dataclass
class IngestResult:
    source: Source | None
    findings: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    is_new: bool = True
    duplicate_reason: str = ""
    notes: list = field(default_factory=list)


def _existing_source(*, url, text):
    """The source already holding this article: same URL, or same text up to
    case, spacing and Unicode form. Sources loaded from the corpus have no
    ingestion record, so their texts are fingerprinted here (one query)."""
    if url:
        source = Source.objects.filter(url=url).first()
        if source:
            return source, f"same URL as “{source}”"
    fingerprint = content_hash(text)
    ingestion = Ingestion.objects.select_related("source").filter(content_hash=fingerprint).first()
    if ingestion:
        return ingestion.source, f"same text as “{ingestion.source}”"
    for source in Source.objects.filter(ingestion__isnull=True).only("id", "title", "text"):
        if content_hash(source.text) == fingerprint:
            return source, f"same text as “{source}”"
    return None, ""


def source_ingest(
    *,
    data,
    name="the file",
    url="",
    published=None,
    title="",
    publisher="",
    user=None,
    dry_run=False,
):
    """Store an article (bytes of a text or HTML file) as a Source and the
    proposals extraction finds in it. Raises ``IngestError`` with the reason
    when the input is unusable; stores nothing for an article already stored
    (same URL or same text) or with ``dry_run``.

    ``published`` (a PartialDate or "YYYY[-MM[-DD]]") is required when the text
    gives no publication date; ``title``, ``publisher`` and ``url`` override
    what the text gives.
    """
    article = read_article(data, name=name)
    notes = []
    if published:
        try:
            article.published = PartialDate.parse(published)
        except ValueError as error:
            raise IngestError(f"{name}: the date given is not a date: {error}") from error
    if article.published is None:
        raise IngestError(
            f"{name}: the text gives no publication date; give it with --date YYYY-MM-DD "
            "(or YYYY-MM, YYYY)."
        )
    if title:
        article.title = title[:300]
    elif article.title_guessed:
        notes.append("no title line: the title is the first sentence; give one with --title")
    article.publisher = publisher or article.publisher
    article.url = url or article.url

    existing, reason = _existing_source(url=article.url, text=article.text)
    if existing:
        return IngestResult(existing, is_new=False, duplicate_reason=reason, notes=notes)

    findings = extract(
        article.text, published=article.published, known=KnownRecords.from_database()
    )
    if dry_run:
        return IngestResult(None, findings=findings, notes=notes)
    with transaction.atomic():
        source = Source.objects.create(
            title=article.title,
            publisher=article.publisher[:200],
            url=article.url,
            published=article.published,
            text=article.text,
        )
        Ingestion.objects.create(
            source=source,
            content_hash=article.content_hash,
            filename=str(name)[:300],
            format=article.format,
            ingested_by=user,
        )
        proposals = Proposal.objects.bulk_create(
            [
                Proposal(
                    source=source,
                    kind=f.kind,
                    name=f.name[:300],
                    aliases=f.aliases,
                    country=f.country or "",
                    start=f.start,
                    end=f.end,
                    match=f.match or "",
                    passage=f.passage,
                    details=f.details,
                )
                for f in findings
            ]
        )
    return IngestResult(source, findings=findings, proposals=proposals, notes=notes)


# ---------------------------------------------------------------------------
# Review

RECORD_MODELS = {
    Proposal.Kind.ORGANIZATION: Organization,
    Proposal.Kind.PERSON: Person,
    Proposal.Kind.EVENT: Event,
    Proposal.Kind.AGREEMENT: Agreement,
    Proposal.Kind.PROGRAMME: Programme,
}


class ReviewError(ValueError):
    """A proposal that cannot be accepted or merged as asked, with the reason."""


def _cite(proposal, obj, quote=None):
    """Cite ``obj`` to the proposal's passage, or another ``quote`` of its source
    (once: a second citation of the same passage is the same fact)."""
    Citation.objects.get_or_create(
        source=proposal.source,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        quote=quote or proposal.passage,
    )


def _choice(value, choices, default):
    return value if value in choices.values else default


def _organization_named(proposal, name):
    """The organization ``name`` refers to: one a proposal of the same source
    was accepted as, else one with that name, acronym or alias."""
    if not name:
        return None
    accepted = (
        Proposal.objects.filter(
            source=proposal.source,
            kind=Proposal.Kind.ORGANIZATION,
            record_id__isnull=False,
        )
        .filter(Q(name__iexact=name) | Q(details__acronym=name))
        .first()
    )
    if accepted:
        return Organization.objects.filter(pk=accepted.record_id).first()
    return (
        Organization.objects.filter(
            Q(name__iexact=name) | Q(acronym__iexact=name) | Q(aliases__name__iexact=name)
        )
        .distinct()
        .first()
    )


def _person_named(proposal, name):
    accepted = Proposal.objects.filter(
        source=proposal.source, kind=Proposal.Kind.PERSON, name=name, record_id__isnull=False
    ).first()
    if accepted:
        return Person.objects.filter(pk=accepted.record_id).first()
    return Person.objects.filter(Q(name__iexact=name) | Q(aliases__name__iexact=name)).first()


def _matched_record(proposal):
    model = RECORD_MODELS.get(proposal.kind)
    if model is None or not proposal.match:
        return None
    return model.objects.filter(slug=proposal.match).first()


def _add_aliases(proposal, record):
    """The proposal's names the record does not have yet become its aliases."""
    if isinstance(record, Organization):
        have = {record.name.casefold(), record.acronym.casefold()}
        have |= {a.name.casefold() for a in record.aliases.all()}
        for alias in [proposal.name, *proposal.aliases]:
            if alias and alias.casefold() not in have:
                OrganizationAlias.objects.create(organization=record, name=alias[:300])
                have.add(alias.casefold())
    elif isinstance(record, Person):
        have = {record.name.casefold()} | {a.name.casefold() for a in record.aliases.all()}
        for alias in [proposal.name, *proposal.aliases]:
            if alias and alias.casefold() not in have:
                PersonAlias.objects.create(person=record, name=alias[:300])
                have.add(alias.casefold())


def _create_organization(proposal):
    details = proposal.details or {}
    acronym = details.get("acronym") or ""
    organization = Organization.objects.create(
        name=proposal.name,
        acronym=acronym[:40],
        kind=_choice(details.get("kind"), Organization.Kind, Organization.Kind.OTHER),
        country=proposal.country or "",
        parent=_organization_named(proposal, details.get("parent")),
    )
    for alias in proposal.aliases:
        if alias and alias not in (proposal.name, acronym):
            OrganizationAlias.objects.get_or_create(organization=organization, name=alias[:300])
    return organization


def _link_person(proposal, person):
    """The position the passage gives ("Head of the Academy"), where its
    organization is in the knowledge base."""
    details = proposal.details or {}
    title = (details.get("title") or "").strip()
    organization = None
    if details.get("organization_match"):
        organization = Organization.objects.filter(slug=details["organization_match"]).first()
    organization = organization or _organization_named(proposal, details.get("organization"))
    if title and organization:
        position, _ = Position.objects.get_or_create(
            person=person,
            organization=organization,
            title=title[:200],
            start=proposal.start,
            defaults={"end": proposal.end, "as_of": proposal.source.published},
        )
        _cite(proposal, position)
        period_passage = details.get("period_passage") or ""
        if proposal.start and period_passage and period_passage in proposal.source.text:
            # The sentence that gives the post's period is evidence of it too.
            _cite(proposal, position, quote=period_passage)


def _create_person(proposal):
    details = proposal.details or {}
    person = Person.objects.create(
        name=proposal.name,
        honorific=(details.get("honorific") or "")[:40],
        rank=(details.get("rank") or "")[:100],
    )
    for alias in proposal.aliases:
        if alias and alias != proposal.name:
            PersonAlias.objects.get_or_create(person=person, name=alias[:300])
    return person


def _create_programme(proposal):
    details = proposal.details or {}
    acronym = details.get("acronym") or ""
    parent = None
    if details.get("parent"):
        parent = Programme.objects.filter(
            Q(name__iexact=details["parent"]) | Q(acronym__iexact=details["parent"])
        ).first()
    programme = Programme.objects.create(
        name=proposal.name,
        acronym=acronym[:40],
        kind=_choice(details.get("kind"), Programme.Kind, Programme.Kind.PROGRAMME),
        start=proposal.start,
        end=proposal.end,
        parent=parent,
    )
    return programme


def _link_programme(proposal, programme):
    for name in (proposal.details or {}).get("funders", []):
        funder = _organization_named(proposal, name)
        if funder:
            role, _ = ProgrammeRole.objects.get_or_create(
                programme=programme, organization=funder, role=ProgrammeRole.Role.FUNDER
            )
            _cite(proposal, role)


def _create_event(proposal):
    details = proposal.details or {}
    return Event.objects.create(
        kind=_choice(details.get("kind"), Event.Kind, Event.Kind.OTHER),
        title=proposal.name,
        start=proposal.start,
        end=proposal.end,
        city=(details.get("city") or "")[:100],
        country=proposal.country or "",
    )


def _link_event(proposal, event):
    details = proposal.details or {}
    roles = {}
    for name in details.get("organizations", []):
        roles[name] = OrganizationParticipation.Role.PARTICIPANT
    if details.get("organizer"):
        roles[details["organizer"]] = OrganizationParticipation.Role.ORGANIZER
    if details.get("host"):
        roles[details["host"]] = OrganizationParticipation.Role.HOST
    for name, role in roles.items():
        organization = _organization_named(proposal, name)
        if organization:
            participation, _ = OrganizationParticipation.objects.get_or_create(
                event=event, organization=organization, role=role
            )
            _cite(proposal, participation)
    for name in details.get("people", []):
        person = _person_named(proposal, name)
        if person:
            participation, _ = PersonParticipation.objects.get_or_create(
                event=event, person=person, role=PersonParticipation.Role.PARTICIPANT
            )
            _cite(proposal, participation)


def _create_agreement(proposal):
    details = proposal.details or {}
    return Agreement.objects.create(
        kind=_choice(details.get("kind"), Agreement.Kind, Agreement.Kind.OTHER),
        title=proposal.name,
        date_signed=proposal.start,
        status=_choice(details.get("status"), Agreement.Status, Agreement.Status.UNKNOWN),
    )


def _link_agreement(proposal, agreement):
    details = proposal.details or {}
    parties = [
        o for o in (_organization_named(proposal, n) for n in details.get("parties", [])) if o
    ]
    for organization in parties:
        party, _ = AgreementParty.objects.get_or_create(
            agreement=agreement, organization=organization
        )
        _cite(proposal, party)
    if not parties:
        for code in details.get("countries", []):
            party, _ = AgreementParty.objects.get_or_create(agreement=agreement, country=code)
            _cite(proposal, party)


def _accept_partnership(proposal):
    """The partnership of the two organizations the proposal names, created or,
    if the pair has one already, given the earlier start. Both organizations must
    be in the knowledge base: accept or merge their proposals first."""
    details = proposal.details or {}
    names = list(details.get("organizations") or [])[:2]
    organizations = [_organization_named(proposal, name) for name in names]
    missing = [name for name, found in zip(names, organizations, strict=True) if found is None]
    if len(names) < 2 or missing:
        raise ReviewError(
            "A partnership needs both its organizations in the knowledge base: accept or "
            "merge “" + "” and “".join(missing or ["the two organizations"]) + "” first, "
            "or write their names in the details."
        )
    a, b = sorted(organizations, key=lambda o: o.pk)
    if a == b:
        raise ReviewError(f"A partnership is between two different organizations, not “{a}” twice.")
    partnership = Partnership.objects.filter(organization_a=a, organization_b=b).first()
    if partnership is None:
        return Partnership.objects.create(
            organization_a=a,
            organization_b=b,
            kind=_choice(details.get("kind"), Partnership.Kind, Partnership.Kind.INSTITUTIONAL),
            start=proposal.start,
            end=proposal.end,
        )
    if proposal.start and (partnership.start is None or proposal.start < partnership.start):
        partnership.start = proposal.start
        partnership.save()
    return partnership


CREATE = {
    Proposal.Kind.PARTNERSHIP: _accept_partnership,
    Proposal.Kind.ORGANIZATION: _create_organization,
    Proposal.Kind.PERSON: _create_person,
    Proposal.Kind.EVENT: _create_event,
    Proposal.Kind.AGREEMENT: _create_agreement,
    Proposal.Kind.PROGRAMME: _create_programme,
}
LINK = {
    Proposal.Kind.PERSON: _link_person,
    Proposal.Kind.EVENT: _link_event,
    Proposal.Kind.AGREEMENT: _link_agreement,
    Proposal.Kind.PROGRAMME: _link_programme,
}


def _check_pending(proposal):
    if not proposal.is_pending:
        raise ReviewError(f"“{proposal}” was already reviewed ({proposal.get_status_display()}).")


def _close(proposal, *, editor, status, record=None, note=""):
    proposal.status = status
    proposal.reviewed_by = editor
    proposal.reviewed_at = timezone.now()
    if record is not None:
        proposal.record = record
    if note:
        proposal.note = note
    proposal.save()


@transaction.atomic
def proposal_accept(*, proposal, editor):
    """Accept a proposal as it stands (edit it first to change it): link the
    record it was matched to, or create one, with a citation of its passage;
    its position, participants, parties or funders come with it where they are
    in the knowledge base. A country is not a record: accepting one only marks
    it reviewed. Returns the record (None for a country)."""
    proposal = Proposal.objects.select_for_update().select_related("source").get(pk=proposal.pk)
    _check_pending(proposal)
    if proposal.kind == Proposal.Kind.COUNTRY:
        _close(proposal, editor=editor, status=Proposal.Status.ACCEPTED)
        return None
    record = _matched_record(proposal)
    if record is not None:
        _add_aliases(proposal, record)
        status = Proposal.Status.MERGED
    else:
        record = CREATE[proposal.kind](proposal)
        status = Proposal.Status.ACCEPTED
    _cite(proposal, record)
    if proposal.kind in LINK:
        LINK[proposal.kind](proposal, record)
    _close(proposal, editor=editor, status=status, record=record)
    return record


@transaction.atomic
def proposal_merge(*, proposal, editor, record):
    """Merge a proposal into an existing record the editor chose: its names
    become aliases, its passage a citation, its links are added."""
    proposal = Proposal.objects.select_for_update().select_related("source").get(pk=proposal.pk)
    _check_pending(proposal)
    model = RECORD_MODELS.get(proposal.kind)
    if model is None or not isinstance(record, model):
        raise ReviewError(
            f"A {proposal.get_kind_display().lower()} cannot be merged into “{record}”."
        )
    _add_aliases(proposal, record)
    _cite(proposal, record)
    if proposal.kind in LINK:
        LINK[proposal.kind](proposal, record)
    _close(proposal, editor=editor, status=Proposal.Status.MERGED, record=record)
    return record


@transaction.atomic
def proposal_reject(*, proposal, editor, note=""):
    """Reject a proposal: the knowledge base does not change."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _check_pending(proposal)
    _close(proposal, editor=editor, status=Proposal.Status.REJECTED, note=note)
