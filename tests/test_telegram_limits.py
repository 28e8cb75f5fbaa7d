"""Telegram's sending limits as token buckets (pure bookkeeping: no aiogram, no sleeping)."""

from __future__ import annotations

from bot.channels.telegram.limits import Limits, RateLimiter


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def sends_within(
    limiter: RateLimiter,
    clock: FakeMonotonic,
    chats: list[str],
    seconds: float,
    step: float = 0.001,
) -> list[tuple[float, str]]:
    """Send greedily to ``chats`` (round robin) for ``seconds``; returns (time, chat) sent."""
    sent: list[tuple[float, str]] = []
    end = clock.now + seconds
    index = 0
    while clock.now < end:
        chat = chats[index % len(chats)]
        if limiter.reserve(chat) == 0:
            sent.append((clock.now, chat))
            index += 1
        else:
            clock.now += step
    return sent


def max_in_window(times: list[float], window: float) -> int:
    best, start = 0, 0
    for end, at in enumerate(times):
        while times[start] <= at - window:
            start += 1
        best = max(best, end - start + 1)
    return best


def test_never_more_than_thirty_a_second_overall() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(clock=clock)
    chats = [str(1000 + i) for i in range(500)]
    sent = sends_within(limiter, clock, chats, 10.0)
    times = [at for at, _ in sent]
    assert max_in_window(times, 1.0) <= 30
    assert len(sent) >= 280  # and it keeps close to 30 a second


def test_private_chat_gets_a_short_burst_then_one_a_second() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(clock=clock)
    sent = sends_within(limiter, clock, ["42"], 10.0)
    times = [at for at, _ in sent]
    assert len([t for t in times if t < clock.now - 10 + 0.01]) == 3  # the burst
    assert max_in_window(times, 1.0) <= 4
    assert 11 <= len(sent) <= 14


def test_group_chat_twenty_a_minute() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(clock=clock)
    sent = sends_within(limiter, clock, ["-1001"], 120.0, step=0.05)
    times = [at for at, _ in sent]
    assert max_in_window(times, 60.0) <= 23  # burst of 3 + 20 a minute
    assert 40 <= len(sent) <= 44


def test_a_busy_chat_does_not_hold_back_the_others() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(clock=clock)
    for _ in range(3):
        assert limiter.reserve("-1001") == 0
    assert limiter.reserve("-1001") > 0
    assert limiter.reserve("7") == 0


def test_retry_after_blocks_that_chat_only() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(Limits(), clock=clock)
    limiter.block("7", 5)
    assert 4.9 < limiter.reserve("7") <= 5
    assert limiter.reserve("8") == 0
    clock.now += 5
    assert limiter.reserve("7") == 0
