"""Request logging: one JSON line per request (see ``cooperation.logs``)."""

import logging
import re
import time
import uuid

from cooperation.logs import current_request_id

logger = logging.getLogger("cooperation.requests")

# What we accept from a proxy's X-Request-ID: a short token (a UUID, nginx's
# $request_id). Anything else is replaced, so a client cannot write into the log.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
MAX_PATH_LOGGED = 500


def request_id_for(request):
    """The incoming X-Request-ID if it is a sane token, else a new random one."""
    incoming = request.headers.get("X-Request-ID", "")
    return incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


class RequestLogMiddleware:
    """Logs each request once, when its response is ready, to ``cooperation.requests``:
    method, path, status, duration_ms and request_id, which it also returns in the
    X-Request-ID header. Server errors are logged at ERROR, health checks at DEBUG,
    the rest at INFO. First in MIDDLEWARE, so the time and status are the ones the
    client gets (a redirect to HTTPS, a static file, a 500 page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        token = current_request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        except Exception:
            # Only when exceptions propagate (DEBUG_PROPAGATE_EXCEPTIONS); otherwise
            # Django has already turned them into a 500 response.
            self.log(request, 500, started)
            raise
        else:
            response["X-Request-ID"] = request.request_id
            self.log(request, response.status_code, started)
            return response
        finally:
            current_request_id.reset(token)

    def log(self, request, status, started):
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        match = request.resolver_match
        if status >= 500:
            level = logging.ERROR
        elif match is not None and match.view_name == "healthz":
            level = logging.DEBUG
        else:
            level = logging.INFO
        method, path = request.method[:20], request.path[:MAX_PATH_LOGGED]
        logger.log(
            level,
            "%s %s %s",
            method,
            path,
            status,
            extra={
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
                "request_id": request.request_id,
            },
        )
