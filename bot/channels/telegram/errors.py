"""What a failed Bot API call means for the message: retry, give up, or fix the topic.

Telegram has no idempotency key. A request refused before it was processed (429, 5xx, a
connection that could not be opened) is retried freely. A connection lost *after* the
request left, or a timeout, is ambiguous: Telegram may have delivered the message, so a
retry may show it twice. It is retried anyway (nothing is lost) and logged as a possible
duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiohttp import ClientConnectorError

# The retry pauses are the shared ones (VK too); the Telegram modules import them from here.
from bot.logs import error_text
from bot.rate_limits import backoff

_TOPIC_GONE = ("thread not found", "topic_deleted", "topic_id_invalid", "topic not found")
_TOPIC_CLOSED = ("topic_closed",)
_CHAT_GONE = ("chat not found", "user not found", "peer_id_invalid", "have no rights to send")
_NO_TOPIC_RIGHTS = (
    "not enough rights",
    "chat_admin_required",
    "not a forum",
    "method is available only for supergroups",
    "topics are disabled",
    "can't manage topics",
)


class Verdict(StrEnum):
    RETRY = "retry"
    REFUSED = "refused"  # final: the person blocked the bot, the chat is gone
    FAILED = "failed"  # final: a request Telegram will never accept as it is
    TOPIC_GONE = "topic_gone"  # the forum topic was deleted: make a new one, send again
    TOPIC_CLOSED = "topic_closed"  # a manager closed the topic: reopen it, send again


@dataclass(frozen=True, slots=True)
class Failure:
    verdict: Verdict
    delay: float
    error: str
    #: The request may have been carried out although no answer came back.
    ambiguous: bool = False
    #: Telegram asked to wait (429): the chat's sending is paused for ``delay``.
    rate_limited: bool = False


def describe(exc: BaseException) -> str:
    """The error for the log: never the content it may quote (people's messages)."""
    if isinstance(exc, ClientDecodeError):  # its text quotes the whole answer
        return f"ClientDecodeError: {exc.message} ({type(exc.original).__name__})"
    return f"{type(exc).__name__}: {error_text(exc)}"[:500]


def classify(exc: BaseException, attempt: int = 0, *, base: float = 1.0) -> Failure:
    """The verdict on one failed call (``attempt`` counts earlier failures of the message;
    ``base`` is the first pause after a server or network error)."""
    error = describe(exc)
    text = str(exc).lower()
    if isinstance(exc, TelegramRetryAfter):
        return Failure(Verdict.RETRY, float(exc.retry_after), error, rate_limited=True)
    if isinstance(exc, TelegramForbiddenError):
        return Failure(Verdict.REFUSED, 0.0, error)
    if isinstance(exc, TelegramBadRequest):
        if any(marker in text for marker in _TOPIC_GONE):
            return Failure(Verdict.TOPIC_GONE, 0.0, error)
        if any(marker in text for marker in _TOPIC_CLOSED):
            return Failure(Verdict.TOPIC_CLOSED, 0.0, error)
        if any(marker in text for marker in _CHAT_GONE):
            return Failure(Verdict.REFUSED, 0.0, error)
        return Failure(Verdict.FAILED, 0.0, error)
    if isinstance(exc, TelegramMigrateToChat):
        return Failure(Verdict.FAILED, 0.0, f"{error} (the group is now {exc.migrate_to_chat_id})")
    if isinstance(exc, TelegramNotFound):
        return Failure(Verdict.FAILED, 0.0, error)
    if isinstance(exc, TelegramUnauthorizedError):
        # The token was revoked: nothing can be sent until it is fixed; keep the message.
        return Failure(Verdict.RETRY, max(60.0, backoff(attempt)), error)
    if isinstance(exc, TelegramServerError):
        return Failure(Verdict.RETRY, backoff(attempt, base=base), error)
    if isinstance(exc, TelegramNetworkError):
        refused_before_sending = isinstance(exc.__cause__, ClientConnectorError)
        return Failure(
            Verdict.RETRY, backoff(attempt, base=base), error, ambiguous=not refused_before_sending
        )
    if isinstance(exc, ClientDecodeError):
        return Failure(Verdict.RETRY, backoff(attempt, base=base), error, ambiguous=True)
    if isinstance(exc, (TimeoutError, OSError)):
        return Failure(Verdict.RETRY, backoff(attempt, base=base), error, ambiguous=True)
    return Failure(Verdict.FAILED, 0.0, error)


def lacks_topic_rights(exc: BaseException) -> bool:
    """createForumTopic failed because of the chat's setup, not by chance."""
    if isinstance(exc, TelegramForbiddenError):
        return True
    return isinstance(exc, TelegramBadRequest) and any(
        marker in str(exc).lower() for marker in _NO_TOPIC_RIGHTS
    )
