"""Public pages of people."""

from django.shortcuts import get_object_or_404, render

from cooperation.pagination import render_list
from people.filters import PersonFilter
from people.models import Person


def person_list(request):
    f = PersonFilter(request.GET, Person.objects.for_list(), request=request)
    return render_list(request, "people/person_list.html", f)


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.for_detail(), slug=slug)
    return render(request, "people/person_detail.html", {"person": person})
