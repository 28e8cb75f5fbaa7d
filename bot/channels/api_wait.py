"""Waiting at start for a messenger's API: call until it answers, pausing longer each time.

A channel cannot do anything before its API answers (who the bot is, where updates go),
and an API that is down now usually comes back: so the call is repeated after a growing
pause (:func:`~bot.rate_limits.backoff`), each failure logged with the pause, until it
succeeds or the bot is stopping. A failure that no waiting mends (a rejected token) is the
caller's to recognise: ``fatal`` turns it into the error that stops the channel.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Final, Literal, TypeVar

from bot.rate_limits import backoff, pause

T = TypeVar("T")


class Stopped(Enum):
    """The bot was stopping before the API answered."""

    STOPPED = "stopped"


STOPPED: Final = Stopped.STOPPED

Pause = Callable[[asyncio.Event, float], Awaitable[bool]]


async def until_answered(
    call: Callable[[], Awaitable[T]],
    stopping: asyncio.Event,
    *,
    what: str,
    log: logging.Logger,
    describe: Callable[[BaseException], str],
    failing: type[BaseException] | tuple[type[BaseException], ...] = Exception,
    fatal: Callable[[BaseException], BaseException | None] = lambda exc: None,
    failed: str = "not reachable",
    delay: Callable[[int], float] = backoff,
    wait: Pause = pause,
) -> T | Literal[Stopped.STOPPED]:
    """``call()``'s answer, or :data:`STOPPED` when ``stopping`` is set first.

    Each ``failing`` exception is logged on ``log`` as "``what`` ``failed`` (error); retry
    in N s" and followed by ``wait(stopping, delay(attempt))``; other exceptions propagate.
    ``fatal(exc)`` may return an error to raise instead (from ``exc``).
    """
    attempt = 0
    while not stopping.is_set():
        try:
            return await call()
        except failing as exc:
            error = fatal(exc)
            if error is not None:
                raise error from exc
            seconds = delay(attempt)
            log.warning("%s %s (%s); retry in %.0f s", what, failed, describe(exc), seconds)
            attempt += 1
            await wait(stopping, seconds)
    return STOPPED
