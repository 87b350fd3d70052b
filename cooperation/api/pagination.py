from rest_framework import pagination
from rest_framework.exceptions import ValidationError

from cooperation.pagination import CachedCountPaginator


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=2&page_size=100``. A page number that is not a positive whole
    number is a 400; a page past the end is a 404, as in DRF."""

    page_size_query_param = "page_size"
    max_page_size = 500
    # The count is the site's lists' own: kept until the data changes.
    django_paginator_class = CachedCountPaginator

    def paginate_queryset(self, queryset, request, view=None):
        page = request.query_params.get(self.page_query_param)
        if (
            page is not None
            and page != "last"
            and not (page.isascii() and page.isdigit() and int(page) >= 1)
        ):
            raise ValidationError({self.page_query_param: ["A page is a whole number from 1."]})
        size = request.query_params.get(self.page_size_query_param)
        if size is not None and not (
            size.isascii() and size.isdigit() and 1 <= int(size) <= self.max_page_size
        ):
            raise ValidationError(
                {self.page_size_query_param: [f"A page size is from 1 to {self.max_page_size}."]}
            )
        return super().paginate_queryset(queryset, request, view)
