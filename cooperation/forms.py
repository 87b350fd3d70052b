"""Forms for editors: the evidence behind what they enter, recording an agreement,
and the duplicate check before a new organization is created."""

import json

from django import forms
from django.contrib.admin.widgets import (
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    FilteredSelectMultiple,
    RelatedFieldWidgetWrapper,
)
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django_countries import countries

from cooperation.models import Agreement, AgreementParty, Organization, Programme
from cooperation.partial_dates import PartialDateFormField
from cooperation.search import KIND_CHOICES, search
from cooperation.services import Evidence
from cooperation.similarity import similar_organizations


class ValidValuesOnly:
    """Re-rendering a form whose POST held a value that is no id ("UZ") made the admin's
    autocomplete widget query with it and fail; show only values that can be ids."""

    def optgroups(self, name, value, attr=None):
        pk = self.choices.queryset.model._meta.pk
        valid = []
        for item in value:
            try:
                pk.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return super().optgroups(name, valid, attr)


class Autocomplete(ValidValuesOnly, AutocompleteSelect):
    pass


class AutocompleteMultiple(ValidValuesOnly, AutocompleteSelectMultiple):
    pass


def admin_autocomplete(model_field, *, admin_site, request, multiple=False):
    """The admin's autocomplete widget for ``model_field``'s related model, with the
    "+" button that adds a new one in a popup when the user may add one."""
    widget_class = AutocompleteMultiple if multiple else Autocomplete
    widget = widget_class(model_field, admin_site)
    rel = model_field.remote_field
    related_admin = admin_site._registry.get(rel.model)
    can_add = related_admin is not None and related_admin.has_add_permission(request)
    return RelatedFieldWidgetWrapper(widget, rel, admin_site, can_add_related=can_add)


def country_choices(*, blank=True):
    choices = [(code, name) for code, name in countries]
    return [("", "---------"), *choices] if blank else choices


def errors_to_form(form, error):
    """Show a service's ValidationError on ``form``: on the field it names when the
    form has one, at the top otherwise."""
    for field, messages in error.update_error_dict({}).items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


class EditorForm(forms.Form):
    """A form of the editor's workflow: knows the admin site and request, for its
    autocomplete widgets, and lists its fieldsets for the template."""

    fieldsets = []
    autocompletes = {}
    required_css_class = "required"

    def __init__(self, *args, request, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        for name, (model_field, multiple) in self.autocompletes.items():
            field = self.fields[name]
            field.widget = admin_autocomplete(
                model_field, admin_site=admin_site, request=request, multiple=multiple
            )
            # What the field does for the widget it is built with.
            field.widget.choices, field.widget.is_required = field.choices, field.required

    def section(self, fieldset):
        title, description, names = fieldset
        return {"title": title, "description": description, "fields": [self[n] for n in names]}

    def formset_section(self, title, description, formset, *, item):
        """A section of rows, one form of ``formset`` each. The template marks it up as
        the admin's tabular inlines are, so the admin's own inlines.js adds an "Add
        another <item>" link and a remove link on each row, and the autocomplete
        widgets of an added row are set up; without JavaScript the rows are as given."""
        inline_formset_data = {
            "name": f"#{formset.prefix}",
            "options": {
                "prefix": formset.prefix,
                "addText": f"Add another {item}",
                "deleteText": "Remove",
            },
        }
        return {
            "title": title,
            "description": description,
            "formset": formset,
            "inline_formset_data": json.dumps(inline_formset_data),
        }

    def sections(self, formset=None):
        """The form's parts, in order, as the template shows them."""
        return [self.section(fieldset) for fieldset in self.fieldsets]


class EvidenceForm(forms.Form):
    """Where what is entered comes from: an article or the editor's own note."""

    source_url = forms.URLField(
        required=False,
        assume_scheme="https",
        max_length=500,
        label="Article address",
        help_text="The web address of the article that reports this.",
    )
    source_title = forms.CharField(required=False, max_length=300, label="Article title")
    source_published = PartialDateFormField(required=False, label="Published")
    passage = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The sentences of the article that say this, copied exactly. Shown with "
        "every fact entered here.",
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Or your own note",
        help_text="Where no article says it: what you know and how you know it "
        "(“Told by the SCC press office on 5 October 2023”). Leave the article fields empty.",
    )

    evidence_fieldset = (
        "Source",
        "Every record made here is cited to this source, as the corpus facts are.",
        ["source_url", "source_title", "source_published", "passage", "note"],
    )

    def evidence(self):
        data, user = self.cleaned_data, self.request.user
        return Evidence(
            url=data["source_url"],
            title=data["source_title"],
            published=data["source_published"],
            passage=data["passage"],
            note=data["note"],
            author=user.get_full_name() or user.get_username(),
        )


class AgreementRecordForm(EditorForm, EvidenceForm):
    kind = forms.ChoiceField(choices=Agreement.Kind.choices, initial=Agreement.Kind.MOU)
    title = forms.CharField(
        max_length=300, help_text="“Memorandum of understanding between the SCC and CHRDI”."
    )
    organizations = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        label="Parties: organizations",
    )
    countries = forms.MultipleChoiceField(
        choices=country_choices(blank=False),
        required=False,
        label="Parties: countries",
        help_text="Where the text names a country, not an organization, as a party.",
        widget=FilteredSelectMultiple("countries", is_stacked=False),
    )
    date_signed = PartialDateFormField(required=False)
    event = forms.ModelChoiceField(
        queryset=None, required=False, label="Signed at", help_text="The event where it was signed."
    )
    subject = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(choices=Agreement.Status.choices, initial=Agreement.Status.SIGNED)
    programmes = forms.ModelMultipleChoiceField(queryset=Programme.objects.all(), required=False)

    fieldsets = [
        ("The agreement", "", ["kind", "title", "date_signed", "status", "subject"]),
        (
            "Parties",
            "At least two: organizations, countries, or both.",
            ["organizations", "countries"],
        ),
        ("Where and within what", "", ["event", "programmes"]),
        EvidenceForm.evidence_fieldset,
    ]

    def __init__(self, *args, **kwargs):
        from events.models import Event

        self.autocompletes = {
            "organizations": (AgreementParty._meta.get_field("organization"), True),
            "event": (Agreement._meta.get_field("event"), False),
            "programmes": (Agreement._meta.get_field("programmes"), True),
        }
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.all()

    def record_kwargs(self):
        data = self.cleaned_data
        fields = ["kind", "title", "organizations", "countries", "date_signed", "event"]
        fields += ["subject", "status", "programmes"]
        return {**{name: data[name] for name in fields}, "evidence": self.evidence()}


class DuplicateCheckForm(forms.ModelForm):
    """Before a new record is created, show the similar ones that exist; the editor
    ticks "Create anyway" to go ahead. The box appears only with the warning."""

    create_anyway = forms.BooleanField(
        required=False,
        widget=forms.HiddenInput,
        help_text="Tick only if none of the similar records above is this one.",
    )

    def similar(self, data):
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None or data.get("create_anyway") or not data.get("name"):
            return data
        similar = self.similar(data)
        if similar:
            self.fields["create_anyway"].widget = forms.CheckboxInput()
            first = similar[0].record
            links = format_html_join(
                ", ",
                '<a href="{}" target="_blank">{}</a> ({})',
                (
                    (
                        reverse(
                            f"admin:{s.record._meta.app_label}_{s.record._meta.model_name}_change",
                            args=[s.record.pk],
                        ),
                        s.record,
                        s.reason,
                    )
                    for s in similar
                ),
            )
            raise ValidationError(
                format_html(
                    "Did you mean {}? Similar records exist: {}. If this is another one, "
                    "tick “Create anyway” below and save again.",
                    first,
                    links,
                ),
                code="similar",
            )
        return data


class OrganizationForm(DuplicateCheckForm):
    """The Organization admin's form (the admin gives it its model and fields)."""

    def similar(self, data):
        return similar_organizations(name=data.get("name", ""), acronym=data.get("acronym", ""))


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", required=False)
    type = forms.ChoiceField(
        label="Only",
        choices=[("", "Everything"), *KIND_CHOICES],
        required=False,
        error_messages={"invalid_choice": "There is no kind “%(value)s” to search; pick one."},
    )

    def search(self):
        """The results of a valid form (without terms when there is nothing to
        search for: an empty query, or punctuation only)."""
        return search(self.cleaned_data["q"], kind_key=self.cleaned_data["type"] or None)
