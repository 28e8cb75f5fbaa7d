"""Which conversation a customer's message belongs to (docs/rules.md#managers).

A request is a conversation. A message the customer writes outside any step joins:

1. the request a manager answered most recently, while it is open or was closed as done
   within ``desk.reopen_days`` (a done one is reopened);
2. otherwise their only open request;
3. otherwise, with several open requests none of which was answered, the customer picks
   one (one tap, "a new question" among the choices);
4. otherwise it opens a new question, naming the last request closed as done if there is
   one (the customer may be writing about it after the window).

Pure: the candidates and the moment are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from handlers.rules.dates import require_aware


@dataclass(frozen=True, slots=True)
class ThreadCandidate:
    """One of the customer's requests, as the choice needs it."""

    request_id: int
    open: bool
    #: When it was last closed as done (None: open, or closed otherwise).
    done_at: datetime | None = None
    #: Order of the latest manager answer on it (its history event id; None: never).
    answered: int | None = None


class Join(StrEnum):
    JOIN = "join"
    """Add the message to ``request_id`` (reopen it when it was done)."""
    PICK = "pick"
    """Ask which of ``choices`` (open requests), or a new question."""
    NEW = "new"
    """Open a new question (``previous``: the last done request, named on it)."""


@dataclass(frozen=True, slots=True)
class ThreadChoice:
    join: Join
    request_id: int | None = None
    reopen: bool = False
    choices: tuple[int, ...] = ()
    previous: int | None = None


def reopenable(done_at: datetime | None, *, now: datetime, reopen_days: int) -> bool:
    """Whether a request closed as done at ``done_at`` is still within the reopen window."""
    return done_at is not None and done_at >= require_aware(now) - timedelta(days=reopen_days)


def thread_for(
    candidates: Sequence[ThreadCandidate], *, now: datetime, reopen_days: int
) -> ThreadChoice:
    """Where a message written outside any step goes (see the module docstring)."""
    alive = [
        c for c in candidates if c.open or reopenable(c.done_at, now=now, reopen_days=reopen_days)
    ]
    answered = [c for c in alive if c.answered is not None]
    if answered:
        latest = max(answered, key=lambda c: c.answered or 0)
        return ThreadChoice(Join.JOIN, latest.request_id, reopen=not latest.open)
    still_open = sorted((c for c in alive if c.open), key=lambda c: c.request_id, reverse=True)
    if len(still_open) == 1:
        return ThreadChoice(Join.JOIN, still_open[0].request_id)
    if still_open:
        return ThreadChoice(Join.PICK, choices=tuple(c.request_id for c in still_open))
    done = [c for c in candidates if c.done_at is not None]
    previous = max(done, key=lambda c: c.done_at or now).request_id if done else None
    return ThreadChoice(Join.NEW, previous=previous)
