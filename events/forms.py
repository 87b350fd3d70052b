"""The "Record a visit" form: an event, who took part, and the evidence."""

from django import forms

from cooperation.forms import EditorForm, EvidenceForm, country_choices
from cooperation.models import Agreement, AgreementParty, Organization, Programme
from cooperation.partial_dates import PartialDateFormField
from cooperation.services import TOO_FEW_PARTIES
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation
from events.services import NO_HOST, VISIT_KINDS, PersonRole
from people.models import Person


class VisitRecordForm(EditorForm, EvidenceForm):
    kind = forms.ChoiceField(
        choices=[(kind.value, kind.label) for kind in VISIT_KINDS],
        initial=Event.Kind.EXCHANGE_VISIT,
    )
    title = forms.CharField(
        max_length=300,
        help_text="As a reader would name it: “Exchange visit of Port Control Unit officers "
        "to Azerbaijan”.",
    )
    start = PartialDateFormField(
        error_messages={"required": "When did the visit start? As precisely as known."}
    )
    end = PartialDateFormField(required=False, help_text="Leave empty for a one-day visit.")
    city = forms.CharField(required=False, max_length=100)
    country = forms.ChoiceField(choices=country_choices(), required=False)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    host = forms.ModelChoiceField(
        queryset=Organization.objects.all(),
        error_messages={"required": NO_HOST},
        help_text="The organization that received the visitors.",
    )
    visitors = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        label="Visiting organizations",
        help_text="The organizations whose delegations came.",
    )
    programmes = forms.ModelMultipleChoiceField(
        queryset=Programme.objects.all(),
        required=False,
        help_text="The programmes or projects the visit was held within.",
    )
    agreement_title = forms.CharField(required=False, max_length=300, label="Title")
    agreement_kind = forms.ChoiceField(
        choices=Agreement.Kind.choices, initial=Agreement.Kind.MOU, label="Kind"
    )
    agreement_organizations = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.all(), required=False, label="Parties: organizations"
    )
    agreement_countries = forms.MultipleChoiceField(
        choices=country_choices(blank=False),
        required=False,
        label="Parties: countries",
        widget=forms.SelectMultiple(attrs={"size": 4}),
        help_text="Where the text names a country as a party. Ctrl-click to choose several.",
    )
    agreement_date_signed = PartialDateFormField(
        required=False, label="Date signed", help_text="Leave empty if the text gives no date."
    )
    agreement_status = forms.ChoiceField(
        choices=Agreement.Status.choices, initial=Agreement.Status.SIGNED, label="Status"
    )
    agreement_subject = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Subject"
    )

    fieldsets = [
        ("The visit", "", ["kind", "title", "start", "end", "city", "country", "description"]),
        ("Who", "", ["host", "visitors"]),
        ("Programmes", "", ["programmes"]),
    ]
    people_description = (
        "The people named, each in a role and on behalf of an organization. Leave unused "
        "rows empty."
    )
    agreement_fieldset = (
        "Agreement signed during the visit",
        "Only if one was signed; leave empty otherwise.",
        [
            "agreement_title",
            "agreement_kind",
            "agreement_organizations",
            "agreement_countries",
            "agreement_date_signed",
            "agreement_status",
            "agreement_subject",
        ],
    )
    evidence_fieldset = EvidenceForm.evidence_fieldset

    def __init__(self, *args, **kwargs):
        self.autocompletes = {
            "host": (OrganizationParticipation._meta.get_field("organization"), False),
            "visitors": (OrganizationParticipation._meta.get_field("organization"), True),
            "programmes": (EventProgramme._meta.get_field("programme"), True),
            "agreement_organizations": (AgreementParty._meta.get_field("organization"), True),
        }
        super().__init__(*args, **kwargs)

    def sections(self, formset=None):
        visit, who, programmes = (self.section(f) for f in self.fieldsets)
        people = self.formset_section("People", self.people_description, formset, item="person")
        agreement = self.section(self.agreement_fieldset)
        agreement["collapsible"] = True
        agreement["open"] = self.has_agreement or any(f.errors for f in agreement["fields"])
        return [visit, who, people, programmes, agreement, self.section(self.evidence_fieldset)]

    @property
    def has_agreement(self):
        """True when the editor filled in any agreement field (not just its defaults)."""
        names = ["agreement_title", "agreement_organizations", "agreement_countries"]
        names += ["agreement_date_signed", "agreement_subject"]
        if self.is_bound and hasattr(self, "cleaned_data"):
            return any(self.cleaned_data.get(name) for name in names)
        return any(self[name].value() for name in names) if self.is_bound else False

    def clean(self):
        data = super().clean()
        if self.has_agreement:
            if not data.get("agreement_title"):
                self.add_error("agreement_title", "Give the agreement's title.")
            parties = len(data.get("agreement_organizations") or [])
            parties += len(data.get("agreement_countries") or [])
            if parties < 2:
                self.add_error("agreement_organizations", TOO_FEW_PARTIES)
        return data

    def record_kwargs(self, *, people):
        data = self.cleaned_data
        fields = ["kind", "title", "start", "end", "city", "country", "description"]
        kwargs = {name: data[name] for name in fields}
        kwargs |= {
            "host": data["host"],
            "visitors": list(data["visitors"]),
            "programmes": list(data["programmes"]),
            "people": people,
            "evidence": self.evidence(),
        }
        if self.has_agreement:
            kwargs["agreement"] = {
                "kind": data["agreement_kind"],
                "title": data["agreement_title"],
                "organizations": list(data["agreement_organizations"]),
                "countries": data["agreement_countries"],
                "date_signed": data["agreement_date_signed"],
                "status": data["agreement_status"],
                "subject": data["agreement_subject"],
            }
        return kwargs


class PersonRoleForm(EditorForm):
    """One row of the delegation: a person, their role, on whose behalf."""

    person = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    role = forms.ChoiceField(
        choices=PersonParticipation.Role.choices, initial=PersonParticipation.Role.DELEGATE
    )
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(), required=False, label="On behalf of"
    )

    def __init__(self, *args, **kwargs):
        self.autocompletes = {
            "person": (PersonParticipation._meta.get_field("person"), False),
            "organization": (PersonParticipation._meta.get_field("organization"), False),
        }
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("organization") and not data.get("person"):
            self.add_error("person", "Choose the person, or clear this row.")
        return data


class BasePersonRoleFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_many_forms": "A visit recorded here lists at most %(num)d people; add the "
        "others on the event's page once it is recorded."
    }

    def clean(self):
        seen = set()
        for form in self.forms:
            person = form.cleaned_data.get("person") if hasattr(form, "cleaned_data") else None
            if person is None:
                continue
            key = (person.pk, form.cleaned_data["role"])
            if key in seen:
                form.add_error("person", f"{person} is listed twice in this role.")
            seen.add(key)

    def people(self):
        return [
            PersonRole(
                form.cleaned_data["person"],
                form.cleaned_data["role"],
                form.cleaned_data.get("organization"),
            )
            for form in self.forms
            if getattr(form, "cleaned_data", None) and form.cleaned_data.get("person")
        ]


PersonRoleFormSet = forms.formset_factory(
    PersonRoleForm, formset=BasePersonRoleFormSet, extra=4, max_num=50, absolute_max=50
)
