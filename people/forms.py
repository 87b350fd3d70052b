"""Admin forms for people: the duplicate check, and positions that name their
organization."""

from django import forms

from cooperation.forms import DuplicateCheckForm
from cooperation.similarity import similar_people


class PersonForm(DuplicateCheckForm):
    """The Person admin's form (the admin gives it its model and fields)."""

    def similar(self, data):
        return similar_people(name=data.get("name", ""))


class PositionForm(forms.ModelForm):
    """Positions in the admin (which gives the model and fields), with errors that say
    what is missing."""

    class Meta:
        error_messages = {
            "organization": {"required": "A position needs the organization it is held in."},
            "title": {"required": "A position needs its title (“Deputy Chairman”)."},
        }
