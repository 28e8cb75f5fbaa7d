"""Which request a customer's message joins (handlers/rules/threads.py): the last answered
while open or recently done, the only open one, a one-tap choice, or a new question."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.rules.threads import Join, ThreadCandidate, ThreadChoice, thread_for

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def done(request_id: int, days_ago: float, answered: int | None = None) -> ThreadCandidate:
    return ThreadCandidate(request_id, False, NOW - timedelta(days=days_ago), answered)


def open_(request_id: int, answered: int | None = None) -> ThreadCandidate:
    return ThreadCandidate(request_id, True, None, answered)


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        pytest.param([], ThreadChoice(Join.NEW), id="no-requests"),
        pytest.param([open_(3)], ThreadChoice(Join.JOIN, 3), id="one-open"),
        pytest.param(
            [open_(3), open_(5)], ThreadChoice(Join.PICK, choices=(5, 3)), id="two-open-unanswered"
        ),
        pytest.param(
            [open_(3, answered=40), open_(5)], ThreadChoice(Join.JOIN, 3), id="the-answered-one"
        ),
        pytest.param(
            [open_(3, answered=40), open_(5, answered=41)],
            ThreadChoice(Join.JOIN, 5),
            id="the-last-answered",
        ),
        pytest.param(
            [done(3, 2, answered=40)], ThreadChoice(Join.JOIN, 3, reopen=True), id="reopen"
        ),
        pytest.param(
            [done(3, 7, answered=40)], ThreadChoice(Join.JOIN, 3, reopen=True), id="on-the-7th-day"
        ),
        pytest.param(
            [done(3, 8, answered=40)], ThreadChoice(Join.NEW, previous=3), id="after-the-window"
        ),
        pytest.param(
            [done(3, 2, answered=40), open_(5)],
            ThreadChoice(Join.JOIN, 3, reopen=True),
            id="answered-done-beats-unanswered-open",
        ),
        pytest.param(
            [done(3, 2), open_(5)], ThreadChoice(Join.JOIN, 5), id="unanswered-done-is-not-joined"
        ),
        pytest.param(
            [done(3, 20), done(4, 10)], ThreadChoice(Join.NEW, previous=4), id="names-the-last-done"
        ),
    ],
)
def test_where_a_message_goes(candidates: list[ThreadCandidate], expected: ThreadChoice) -> None:
    assert thread_for(candidates, now=NOW, reopen_days=7) == expected


def test_no_reopen_window_never_reopens() -> None:
    assert thread_for([done(3, 0.5, answered=9)], now=NOW, reopen_days=0) == ThreadChoice(
        Join.NEW, previous=3
    )
