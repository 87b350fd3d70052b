from django.shortcuts import render

from cooperation.forms import SearchForm
from cooperation.search import MAX_QUERY_LENGTH

# Shown on an empty search: one of each thing search understands.
SEARCH_EXAMPLES = [
    ("ROCB", "an acronym"),
    ("Cengel", "a name, without its accents"),
    ("Uzbekistan", "a country, or Uzbek"),
    ("Container Control Programme", "a programme and what falls under it"),
    ("exchange visit", "words from the articles"),
]


def home(request):
    return render(request, "cooperation/home.html")


def search(request):
    form = SearchForm(request.GET)
    results = form.search() if form.is_valid() else None
    return render(
        request,
        "cooperation/search.html",
        {
            "form": form,
            "results": results,
            "examples": SEARCH_EXAMPLES,
            "max_length": MAX_QUERY_LENGTH,
        },
    )
