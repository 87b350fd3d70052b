"""One way to paginate and render every list."""

from django.core.paginator import Paginator
from django.shortcuts import render

PER_PAGE = 20


def paginate(request, queryset, per_page=PER_PAGE):
    """The page that ``?page=`` asks for. A page past the end gives the last page
    and a page that is not a number the first, never an error. Two queries."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def render_list(request, template, filterset, rows=None):
    """A list page: the filter form and the page of its filtered rows, passed
    through ``rows`` (a function of the page's rows) when given."""
    page = paginate(request, filterset.qs)
    if rows is not None:
        page.object_list = rows(page.object_list)
    return render(request, template, {"filter": filterset, "page": page})
