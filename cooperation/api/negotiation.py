from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.negotiation import DefaultContentNegotiation


class UnknownFormat(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "unknown_format"


class StrictContentNegotiation(DefaultContentNegotiation):
    """``?format=`` with a value the API does not speak is the client's mistake:
    a 400 that names the formats on offer, not DRF's bare 404."""

    def filter_renderers(self, renderers, format):
        kept = [renderer for renderer in renderers if renderer.format == format]
        if not kept:
            offered = ", ".join(sorted({renderer.format for renderer in renderers}))
            raise UnknownFormat(f"Unknown format {format[:40]!r}: use one of {offered}.")
        return kept
