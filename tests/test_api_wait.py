"""Waiting for a messenger's API at start: the call is repeated after growing pauses, each
failure logged, until it answers; a stop ends the wait; a fatal failure ends it with the
caller's error. The pause is a fake here: it records the seconds and returns at once."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.channels.api_wait import STOPPED, until_answered
from bot.rate_limits import MAX_BACKOFF

log = logging.getLogger("tests.api_wait")


class Down(Exception):
    """The API did not answer."""


class Rejected(Down):
    """The API answered: the token is not valid (no waiting mends it)."""


class Broken(Exception):
    """A bug, not the API: not waited out."""


class Api:
    """Fails ``failures`` times, then answers ``"me"``; can stop the bot on a given call."""

    def __init__(self, failures: int, error: type[Exception] = Down) -> None:
        self.failures = failures
        self.error = error
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error(f"attempt {self.calls}")
        return "me"


class Pauses:
    """The controllable pause: records each pause; sets ``stopping`` at pause ``stop_at``."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.seconds: list[float] = []
        self.stop_at = stop_at

    async def __call__(self, stopping: asyncio.Event, seconds: float) -> bool:
        self.seconds.append(seconds)
        if self.stop_at is not None and len(self.seconds) >= self.stop_at:
            stopping.set()
        return stopping.is_set()


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


async def wait_for(api: Api, pauses: Pauses, stopping: asyncio.Event, **options: object) -> object:
    return await until_answered(
        api,
        stopping,
        what="Test API at http://api",
        log=log,
        describe=describe,
        failing=Down,
        wait=pauses,
        **options,  # type: ignore[arg-type]
    )


async def test_an_answering_api_is_called_once_without_a_pause() -> None:
    api, pauses = Api(failures=0), Pauses()
    assert await wait_for(api, pauses, asyncio.Event()) == "me"
    assert api.calls == 1
    assert pauses.seconds == []


async def test_failures_are_retried_after_growing_pauses_until_it_answers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api, pauses = Api(failures=4), Pauses()
    with caplog.at_level(logging.WARNING, logger=log.name):
        assert await wait_for(api, pauses, asyncio.Event()) == "me"
    assert api.calls == 5
    # 1, 2, 4, 8 seconds, each ±20 %.
    assert len(pauses.seconds) == 4
    for attempt, seconds in enumerate(pauses.seconds):
        assert 0.8 * 2**attempt <= seconds <= 1.2 * 2**attempt
    assert [r.name for r in caplog.records] == [log.name] * 4
    assert [r.levelno for r in caplog.records] == [logging.WARNING] * 4
    first = pauses.seconds[0]
    assert caplog.records[0].getMessage() == (
        f"Test API at http://api not reachable (Down: attempt 1); retry in {first:.0f} s"
    )


async def test_the_pause_grows_to_at_most_the_longest_backoff() -> None:
    api, pauses = Api(failures=12), Pauses()
    assert await wait_for(api, pauses, asyncio.Event()) == "me"
    assert max(pauses.seconds) <= 1.2 * MAX_BACKOFF
    assert pauses.seconds[-1] >= 0.8 * MAX_BACKOFF


async def test_the_delay_and_the_wording_are_the_callers(caplog: pytest.LogCaptureFixture) -> None:
    api, pauses = Api(failures=2), Pauses()
    with caplog.at_level(logging.WARNING, logger=log.name):
        answer = await wait_for(
            api,
            pauses,
            asyncio.Event(),
            delay=lambda attempt: 10.0 * (attempt + 1),
            failed="failed",
        )
    assert answer == "me"
    assert pauses.seconds == [10.0, 20.0]
    assert [r.getMessage() for r in caplog.records] == [
        "Test API at http://api failed (Down: attempt 1); retry in 10 s",
        "Test API at http://api failed (Down: attempt 2); retry in 20 s",
    ]


async def test_a_stop_during_a_pause_ends_the_wait_without_another_call() -> None:
    api, pauses = Api(failures=100), Pauses(stop_at=3)
    stopping = asyncio.Event()
    assert await wait_for(api, pauses, stopping) is STOPPED
    assert api.calls == 3
    assert len(pauses.seconds) == 3


async def test_stopping_before_the_first_call_calls_nothing() -> None:
    api, pauses = Api(failures=0), Pauses()
    stopping = asyncio.Event()
    stopping.set()
    assert await wait_for(api, pauses, stopping) is STOPPED
    assert api.calls == 0


async def test_an_answer_of_none_is_an_answer_not_a_stop() -> None:
    async def nothing() -> None:
        return None

    answer = await until_answered(
        nothing, asyncio.Event(), what="x", log=log, describe=describe, wait=Pauses()
    )
    assert answer is None


async def test_a_fatal_failure_raises_the_callers_error_at_once() -> None:
    api, pauses = Api(failures=3, error=Rejected), Pauses()

    def fatal(exc: BaseException) -> Exception | None:
        return RuntimeError("TOKEN: rejected") if isinstance(exc, Rejected) else None

    with pytest.raises(RuntimeError, match="TOKEN: rejected") as raised:
        await wait_for(api, pauses, asyncio.Event(), fatal=fatal)
    assert isinstance(raised.value.__cause__, Rejected)
    assert api.calls == 1
    assert pauses.seconds == []


async def test_errors_that_are_not_the_apis_are_not_waited_out() -> None:
    api, pauses = Api(failures=1, error=Broken), Pauses()
    with pytest.raises(Broken):
        await wait_for(api, pauses, asyncio.Event())
    assert pauses.seconds == []
