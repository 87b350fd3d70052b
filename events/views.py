"""Public pages of events."""

from django.shortcuts import get_object_or_404, render

from cooperation.pagination import render_list
from events.filters import EventFilter
from events.models import Event


def event_list(request):
    f = EventFilter(request.GET, Event.objects.for_list(), request=request)
    return render_list(request, "events/event_list.html", f)


def event_detail(request, slug):
    event = get_object_or_404(Event.objects.for_detail(), slug=slug)
    return render(request, "events/event_detail.html", {"event": event})
