"""Admin for ingestion: upload an article, review what extraction proposes.

An editor uploads a text or HTML file ("Ingestions › Add"), then works through
the proposals: accept one as it stands, edit it and accept ("Save and accept"),
merge it into a record they choose, or reject it. Nothing enters the knowledge
base without one of these, and every accepted fact is cited to its passage.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html

from cooperation.ingest.services import (
    RECORD_MODELS,
    ReviewError,
    proposal_accept,
    proposal_merge,
    proposal_reject,
    source_ingest,
)
from cooperation.ingest.text import MAX_BYTES, IngestError
from cooperation.models import Ingestion, Proposal
from cooperation.partial_dates import PartialDateFormField

# Bodies first: people's positions, events' participants, agreements' parties
# and partnerships link to the organizations accepted before them.
REVIEW_ORDER = [
    "organization", "programme", "country", "person", "event", "agreement", "partnership",
]  # fmt: skip


def in_review_order(queryset):
    return queryset.annotate(
        review_order=Case(
            *[When(kind=kind, then=Value(i)) for i, kind in enumerate(REVIEW_ORDER)],
            output_field=IntegerField(),
        )
    ).order_by("source", "review_order", "id")


class UploadForm(forms.Form):
    file = forms.FileField(
        help_text=f"A news article as a text (.txt) or HTML file, at most "
        f"{MAX_BYTES // 1024 // 1024} MB."
    )
    published = PartialDateFormField(
        required=False,
        label="Publication date",
        help_text="Needed when the article does not give it: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    title = forms.CharField(required=False, max_length=300, help_text="Instead of the text's.")
    publisher = forms.CharField(required=False, max_length=200)
    url = forms.URLField(required=False, max_length=500, label="URL")


@admin.register(Ingestion)
class IngestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "format", "ingested_by", "created", "proposals_link"]
    list_select_related = ["source", "ingested_by"]
    search_fields = ["filename", "source__title"]
    list_filter = ["format"]
    readonly_fields = ["source", "content_hash", "filename", "format", "ingested_by", "created"]

    @admin.display(description="proposals")
    def proposals_link(self, obj):
        url = reverse("admin:cooperation_proposal_changelist")
        url += f"?source__id__exact={obj.source_id}"
        return format_html('<a href="{}">Review</a>', url)

    def add_view(self, request, form_url="", extra_context=None):
        """The upload form: store the article and its proposals, then show them."""
        if not self.has_add_permission(request):
            return self.changeform_view(request, None, form_url, extra_context)
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = source_ingest(
                    data=upload.read(MAX_BYTES + 1),
                    name=upload.name,
                    url=form.cleaned_data["url"],
                    published=form.cleaned_data["published"],
                    title=form.cleaned_data["title"],
                    publisher=form.cleaned_data["publisher"],
                    user=request.user,
                )
            except IngestError as error:
                form.add_error("file", str(error))
            else:
                queue = reverse("admin:cooperation_proposal_changelist")
                queue += f"?source__id__exact={result.source.pk}"
                if result.is_new:
                    self.message_user(
                        request,
                        f"Stored “{result.source}” with {len(result.proposals)} proposals "
                        "to review.",
                        messages.SUCCESS,
                    )
                else:
                    self.message_user(
                        request,
                        f"Already stored ({result.duplicate_reason}); nothing changed.",
                        messages.WARNING,
                    )
                return HttpResponseRedirect(queue)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Ingest an article",
            "form": form,
            **(extra_context or {}),
        }
        return render(request, "admin/cooperation/ingestion/upload.html", context)


class ProposalForm(forms.ModelForm):
    merge_into = forms.ChoiceField(
        required=False,
        label="Merge into",
        help_text="The existing record this is; its names become aliases of it.",
    )

    class Meta:
        model = Proposal
        fields = ["name", "aliases", "country", "start", "end", "details", "note", "merge_into"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = RECORD_MODELS.get(self.instance.kind)
        if model is None:
            del self.fields["merge_into"]
            return
        records = model.objects.order_by("slug").values_list("slug", flat=True)
        self.fields["merge_into"].choices = [("", "—")] + [(slug, slug) for slug in records]
        self.fields["merge_into"].initial = self.instance.match


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    form = ProposalForm
    list_display = ["name", "kind", "status", "matched", "period", "passage_excerpt", "source"]
    list_filter = ["status", "kind", "source"]
    list_select_related = ["source"]
    search_fields = ["name", "passage", "source__title"]
    readonly_fields = ["source", "kind", "passage", "match", "status", "record_link", "reviewed"]
    fieldsets = [
        (None, {"fields": ["source", "kind", "status", "passage", "match", "record_link"]}),
        (
            "Edit before accepting",
            {"fields": ["name", "aliases", "country", "start", "end", "details", "note"]},
        ),
        ("Or merge", {"fields": ["merge_into"]}),
        ("Review", {"fields": ["reviewed"]}),
    ]
    actions = ["accept_selected", "reject_selected"]
    change_form_template = "admin/cooperation/proposal/change_form.html"

    def get_queryset(self, request):
        return in_review_order(super().get_queryset(request))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.kind not in RECORD_MODELS:
            fieldsets = [f for f in fieldsets if f[0] != "Or merge"]
        return fieldsets

    def add_view(self, request, form_url="", extra_context=None):
        """Proposals come from an article: adding them is ingesting one."""
        return admin.site._registry[Ingestion].add_view(request, form_url, extra_context)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        # Only a kind that has records to choose from can be merged into one: not a
        # country, not a partnership (found by its pair of organizations).
        context["can_merge"] = obj is not None and obj.kind in RECORD_MODELS
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_pending:
            return [*self.readonly_fields, "name", "aliases", "country", "start", "end", "details"]
        return self.readonly_fields

    @admin.display(description="matched")
    def matched(self, obj):
        return obj.match or "new"

    @admin.display(description="dates")
    def period(self, obj):
        return "–".join(d.isoformat() for d in (obj.start, obj.end) if d)

    @admin.display(description="passage")
    def passage_excerpt(self, obj):
        return obj.passage if len(obj.passage) <= 120 else obj.passage[:117] + "…"

    @admin.display(description="record")
    def record_link(self, obj):
        record = obj.record
        if record is None:
            return "—"
        url = reverse(
            f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk]
        )
        return format_html('<a href="{}">{}</a>', url, record)

    @admin.display(description="reviewed")
    def reviewed(self, obj):
        if not obj.reviewed_at:
            return "not yet"
        when = f"{obj.reviewed_at:%Y-%m-%d %H:%M}"
        return f"{obj.get_status_display()} by {obj.reviewed_by} on {when}"

    def response_change(self, request, obj):
        """The review buttons of the change form: accept, merge, reject."""
        try:
            if "_accept" in request.POST:
                record = proposal_accept(proposal=obj, editor=request.user)
                self.message_user(request, _accepted_message(obj, record), messages.SUCCESS)
            elif "_merge" in request.POST:
                slug = request.POST.get("merge_into")
                model = RECORD_MODELS.get(obj.kind)
                record = model.objects.filter(slug=slug).first() if model and slug else None
                if record is None:
                    self.message_user(request, "Choose the record to merge into.", messages.ERROR)
                    return HttpResponseRedirect(request.path)
                proposal_merge(proposal=obj, editor=request.user, record=record)
                self.message_user(request, f"Merged into “{record}”.", messages.SUCCESS)
            elif "_reject" in request.POST:
                proposal_reject(proposal=obj, editor=request.user, note=obj.note)
                self.message_user(request, f"Rejected “{obj.name}”.", messages.SUCCESS)
            else:
                return super().response_change(request, obj)
        except ReviewError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(self._next_url(obj))

    def _next_url(self, obj):
        """The next pending proposal of the same source, else the queue."""
        following = (
            in_review_order(Proposal.objects.filter(source=obj.source, status="pending"))
            .values_list("pk", flat=True)
            .first()
        )
        if following:
            return reverse("admin:cooperation_proposal_change", args=[following])
        return reverse("admin:cooperation_proposal_changelist")

    @admin.action(description="Accept selected proposals as they stand")
    def accept_selected(self, request, queryset):
        done, failed = 0, []
        for proposal in in_review_order(queryset.filter(status=Proposal.Status.PENDING)):
            try:
                proposal_accept(proposal=proposal, editor=request.user)
                done += 1
            except ReviewError as error:
                failed.append(str(error))
        self.message_user(request, f"Accepted {done} proposals.", messages.SUCCESS)
        for message in failed:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description="Reject selected proposals")
    def reject_selected(self, request, queryset):
        pending = list(queryset.filter(status=Proposal.Status.PENDING))
        for proposal in pending:
            proposal_reject(proposal=proposal, editor=request.user)
        self.message_user(request, f"Rejected {len(pending)} proposals.", messages.SUCCESS)


def _accepted_message(proposal, record):
    if record is None:
        return f"Accepted “{proposal.name}” (a country is not a record of its own)."
    return f"Accepted “{proposal.name}” as “{record}”, cited to its passage."
