"""Log lines for a log collector: one JSON object a line, and on every line
logged while a request is handled, that request's id (set by
``cooperation.middleware.RequestLogMiddleware``), so a server error's
traceback can be found from the request line and back."""

import contextvars
import datetime
import json
import logging

current_request_id = contextvars.ContextVar("current_request_id", default="")

# What every LogRecord carries; any other attribute came in through ``extra=``.
RECORD_ATTRIBUTES = {*vars(logging.makeLogRecord({})), "message", "asctime"}


class RequestIdFilter(logging.Filter):
    """Add the id of the request being handled, if any, to records that lack one."""

    def filter(self, record):
        if not hasattr(record, "request_id") and current_request_id.get():
            record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", ...}`` and whatever the record was
    given through ``extra=``; a traceback as one string, so a record stays a line."""

    def format(self, record):
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update((k, v) for k, v in vars(record).items() if k not in RECORD_ATTRIBUTES)
        if record.exc_info:
            line["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack_info"] = self.formatStack(record.stack_info)
        # Objects passed in extra (Django passes the request) are written as their repr.
        return json.dumps(line, default=repr, ensure_ascii=False)
