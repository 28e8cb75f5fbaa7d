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
"""

from __future__ import annotations

import logging

from pydantic import ValidationError

log = logging.getLogger(__name__)

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: Loggers that never go below this level: at DEBUG/INFO they log SQL parameters, API
#: request data and whole events, i.e. what people wrote and who they are.
QUIET = {"aiosqlite": logging.WARNING, "vkbottle": logging.WARNING}
#: Other libraries: INFO at most (their DEBUG lines are internals we do not need).
LIBRARIES = ("aiogram", "aiohttp", "apscheduler", "asyncio")


def configure_logging(level: str | int) -> None:
    """Log to stderr at ``level`` (``LOG_LEVEL``), libraries quietened (:func:`quiet_libraries`)."""
    logging.basicConfig(level=level, format=FORMAT)
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
