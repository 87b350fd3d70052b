from django import forms

from cooperation.search import KIND_CHOICES, search


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
