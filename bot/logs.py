"""The process's logging: ``LOG_LEVEL`` for the bot's own lines, and no personal data in the
log at any level.

Our own lines name updates, chats, requests and outbox rows by number, never what people
wrote, their names or phones. Some libraries are chattier at DEBUG: aiosqlite logs every
call with its SQL parameters (names, phones, message texts), vkbottle logs API requests
with their data and every event it routes. Those loggers are kept at WARNING whatever
``LOG_LEVEL`` says (:data:`QUIET`), the other libraries' at INFO at most. vkbottle also
puts a handler of its own on its logger (its lines would be printed twice, in another
format); it is replaced by a :class:`logging.NullHandler`, so its lines go through ours.

Error descriptions may quote what failed to parse: :func:`error_text` keeps a validation
error to where and what, without the input.

``LOG_FORMAT=json`` writes one JSON object per line (:class:`JsonFormatter`): ``time``
(UTC, ISO 8601), ``level``, ``logger``, ``message``, and when known ``update`` (the inbox
update being handled), ``outbox`` and ``request`` (the outbox row being sent and its
request), ``exception`` (the traceback). Either format passes every line through
:func:`scrub`: the tokens and secrets of the settings never reach the log, whoever would
have written them (an error quoting a Bot API address carries the token).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from pydantic import ValidationError

log = logging.getLogger(__name__)

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: Loggers that never go below this level: at DEBUG/INFO they log SQL parameters, API
#: request data and whole events, i.e. what people wrote and who they are.
QUIET = {"aiosqlite": logging.WARNING, "vkbottle": logging.WARNING}
#: Other libraries: INFO at most (their DEBUG lines are internals we do not need).
LIBRARIES = ("aiogram", "aiohttp", "apscheduler", "asyncio")
#: Loggers that write a line for every update handled: only at DEBUG (the metrics count
#: updates and time steps; a line each cost a few per cent of the bot's time). The
#: Telegram processor writes its own such line at DEBUG.
PER_UPDATE = ("aiogram.event",)


#: What the line is about, when it is known (set by the inbox workers and the outbox drain).
CURRENT_UPDATE: ContextVar[str | None] = ContextVar("update", default=None)
CURRENT_OUTBOX: ContextVar[int | None] = ContextVar("outbox", default=None)
CURRENT_REQUEST: ContextVar[int | None] = ContextVar("request", default=None)
#: Shown in place of a secret.
HIDDEN = "[secret]"


@contextmanager
def about(
    *, update: str | None = None, outbox: int | None = None, request: int | None = None
) -> Iterator[None]:
    """Lines logged inside carry these ids (in the JSON format)."""
    update_token = CURRENT_UPDATE.set(update)
    outbox_token = CURRENT_OUTBOX.set(outbox)
    request_token = CURRENT_REQUEST.set(request)
    try:
        yield
    finally:
        CURRENT_REQUEST.reset(request_token)
        CURRENT_OUTBOX.reset(outbox_token)
        CURRENT_UPDATE.reset(update_token)


def secret_parts(values: Iterable[str | None]) -> tuple[str, ...]:
    """The strings to hide: each secret, and a Telegram token's secret half on its own."""
    parts: set[str] = set()
    for value in values:
        if not value:
            continue
        parts.add(value)
        head, _, tail = value.partition(":")
        if tail and head.isdigit():
            parts.add(tail)
    # Longest first, so a token is hidden whole before its half is looked for; very short
    # values are not hidden (they would blank out ordinary words).
    return tuple(sorted((p for p in parts if len(p) >= 8), key=len, reverse=True))


def scrub(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, HIDDEN)
    return text


class TextFormatter(logging.Formatter):
    """The plain format (:data:`FORMAT`), secrets hidden."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__(FORMAT)
        self.secrets = tuple(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record), self.secrets)


class JsonFormatter(logging.Formatter):
    """One JSON object per line, secrets hidden."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(secrets)

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, var in (
            ("update", CURRENT_UPDATE),
            ("outbox", CURRENT_OUTBOX),
            ("request", CURRENT_REQUEST),
        ):
            value = getattr(record, key, None) or var.get()
            if value is not None:
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        return scrub(json.dumps(line, ensure_ascii=False, default=str), self.secrets)


def make_formatter(log_format: str, secrets: Iterable[str | None] = ()) -> logging.Formatter:
    """``LOG_FORMAT``'s formatter (``text`` or ``json``), hiding ``secrets``."""
    hidden = secret_parts(secrets)
    return JsonFormatter(hidden) if log_format == "json" else TextFormatter(hidden)


def configure_logging(
    level: str | int, *, log_format: str = "text", secrets: Iterable[str | None] = ()
) -> None:
    """Log to stderr at ``level`` (``LOG_LEVEL``) in ``log_format`` (``LOG_FORMAT``), never
    showing ``secrets``; libraries quietened (:func:`quiet_libraries`)."""
    handler = logging.StreamHandler()
    handler.setFormatter(make_formatter(log_format, secrets))
    logging.basicConfig(level=level, handlers=[handler])
    quiet_libraries()
    log.debug(
        "logging at %s; %s kept at WARNING (they would log personal data)",
        logging.getLevelName(logging.getLogger().getEffectiveLevel()),
        ", ".join(QUIET),
    )


def quiet_libraries() -> None:
    """Keep the libraries that log personal data at DEBUG/INFO above those levels."""
    root = logging.getLogger().getEffectiveLevel()
    for name, floor in QUIET.items():
        logging.getLogger(name).setLevel(max(floor, root))
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.INFO, root))
    for name in PER_UPDATE:
        logging.getLogger(name).setLevel(
            logging.DEBUG if root <= logging.DEBUG else logging.WARNING
        )
    vkbottle = logging.getLogger("vkbottle")
    # Before vkbottle is imported this keeps it from adding its own handler; after, it
    # replaces it.
    vkbottle.handlers = [logging.NullHandler()]


def error_text(exc: BaseException) -> str:
    """``str(exc)``, but a validation error without the input it quotes (people's messages)."""
    if isinstance(exc, ValidationError):
        where = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '-'}: {error['msg']}"
            for error in exc.errors(include_url=False, include_context=False, include_input=False)
        )
        return f"{exc.error_count()} validation error(s) for {exc.title}: {where}"
    return str(exc)


def traceback_of(exc: BaseException) -> BaseException | None:
    """``exc`` to log with its traceback, or None when the traceback's last line would
    quote input (a validation error: :func:`error_text` describes it instead)."""
    return None if isinstance(exc, ValidationError) else exc
