"""What a failed VK API call means for the message: retry, or give up for good.

VK deduplicates ``messages.send`` by ``random_id`` (derived from the outbox row), so unlike
Telegram a retry after a lost connection never shows a message twice: every temporary
failure is simply retried.

* 6 (too many requests per second): every call waits a moment — the limit is the token's;
* 9 (flood control) and 10 (internal server error), 1 (unknown error), 603, network
  errors, answers that are not JSON: retried with a growing pause;
* 5 (the token was revoked): retried slowly, nothing can be sent until it is fixed;
* 900, 901, 902 (blacklisted, messages from the community not allowed, privacy settings),
  7, 15, 917 (no access to the chat): refused, final;
* anything else (a request VK will never accept as it is: 100, 911, 914 …): failed, final.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from aiohttp import ClientError

from bot.logs import error_text
from bot.rate_limits import backoff

TOO_MANY_REQUESTS = 6
FLOOD_CONTROL = 9
SERVER_ERROR = 10
NOT_ALLOWED = 901
REFUSED_CODES = frozenset({7, 15, 900, NOT_ALLOWED, 902, 917})
TEMPORARY_CODES = frozenset({1, FLOOD_CONTROL, SERVER_ERROR, 603})
AUTH_FAILED = 5


class BadAnswer(Exception):
    """VK answered something that is not an API answer (an HTML error page, nothing)."""


class Verdict(StrEnum):
    RETRY = "retry"
    REFUSED = "refused"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Failure:
    verdict: Verdict
    delay: float
    error: str
    code: int | None = None
    #: VK said "too many requests": every call to VK pauses for ``delay``.
    rate_limited: bool = False


def code_of(exc: BaseException) -> int | None:
    code = getattr(exc, "code", None)
    return code if isinstance(code, int) else None


def describe(exc: BaseException) -> str:
    code = code_of(exc)
    prefix = f"VK error {code}" if code is not None else type(exc).__name__
    return f"{prefix}: {error_text(exc)}"[:500]


def classify(exc: BaseException, attempt: int = 0, *, base: float = 1.0) -> Failure:
    """The verdict on one failed call (``attempt`` counts earlier failures of the message)."""
    error = describe(exc)
    code = code_of(exc)
    if code is not None:
        if code == TOO_MANY_REQUESTS:
            return Failure(Verdict.RETRY, 1.0, error, code, rate_limited=True)
        if code == FLOOD_CONTROL:
            return Failure(Verdict.RETRY, backoff(attempt, base=max(base, 5.0)), error, code)
        if code in TEMPORARY_CODES:
            return Failure(Verdict.RETRY, backoff(attempt, base=base), error, code)
        if code == AUTH_FAILED:
            return Failure(Verdict.RETRY, max(60.0, backoff(attempt)), error, code)
        if code in REFUSED_CODES:
            return Failure(Verdict.REFUSED, 0.0, error, code)
        return Failure(Verdict.FAILED, 0.0, error, code)
    if isinstance(exc, (BadAnswer, ClientError, TimeoutError, OSError)):
        return Failure(Verdict.RETRY, backoff(attempt, base=base), error)
    return Failure(Verdict.FAILED, 0.0, error)
