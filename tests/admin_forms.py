"""Fill an admin form as a browser would: the page's own initial values, changed
where a test says so."""

from cooperation.partial_dates import PartialDate


def _value(value):
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return value


def _form_data(form, data):
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[form.add_prefix(name)] = _value(value)


def admin_form_data(response, **changes):
    """POST data for the admin change form (or history form) in ``response``."""
    data = {}
    _form_data(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets") or []:
        formset = inline.formset
        _form_data(formset.management_form, data)
        for form in formset.forms:
            _form_data(form, data)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
