"""A digest tells a busy manager chat of every new request within a minute.

Telegram lets a bot post 20 messages a minute to a group, and a card in a forum costs two
(its topic, then the card), so in a burst the cards of new requests queue for many minutes
(300 requests: half an hour). Every few seconds the sender measures the manager chat's
queue against its limit (:func:`plan`). When the card of a new request (one the chat has
had no message about yet) would reach the chat later than :data:`LEARN_WITHIN` after the
request came in, one digest goes out ahead of the cards (:func:`compose`): every new
request still waiting, by number and kind, and when the last card is expected. The cards
follow as the limit allows, all of them. While a burst goes on, the requests that came in
since the last digest get the next one, at most one every :data:`DIGEST_GAP`. No backlog,
no digest. Pure functions: the sender (:mod:`.sender`) reads the queue and queues the
digest (:mod:`storage.digests`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.i18n import Texts
from storage.digests import Queued
from storage.models import RequestKind

#: A new request's card should reach the managers within this long of its arrival.
LEARN_WITHIN = timedelta(seconds=60)
#: At most one digest per this long: a burst's later requests wait for the next one.
DIGEST_GAP = timedelta(seconds=30)
#: How often the sender measures the queue (seconds of its clock).
LOOK_EVERY = 5.0
#: A digest's text stays well under Telegram's 4,096 characters (one message, one slot);
#: a longer list is split into several digests.
TEXT_LIMIT = 3500


@dataclass(frozen=True, slots=True)
class Plan:
    #: The requests to name now (empty: no digest now), in the order of their numbers.
    named: tuple[Queued, ...]
    #: Seconds until a digest is due (0: now; None: no card is late, none is due).
    due_in: float | None
    #: Seconds until the last message queued for the chat may go.
    last_in: float


def plan(
    queue: Sequence[Queued],
    *,
    now: datetime,
    time_for: Callable[[int], float],
    topic_cost: int,
    last_digest: datetime | None,
) -> Plan:
    """Whether the chat needs a digest now.

    ``queue`` is the chat's open rows in order (:func:`storage.digests.queue_of`);
    ``time_for(n)`` the seconds until ``n`` more messages may have gone to the chat
    (:meth:`.limits.RateLimiter.time_for`); ``topic_cost`` the extra messages a new
    request's first card costs (1 in a forum: its topic; 0 otherwise).
    """
    ahead = sum(1 for row in queue if row.digest and not row.sending)  # they go first
    firsts: set[int] = set()
    waiting: list[Queued] = []
    late = False
    for row in queue:
        if row.digest or row.request_id is None:
            if not row.digest and not row.sending:
                ahead += 1
            continue
        first = row.unseen and row.request_id not in firsts
        firsts.add(row.request_id)
        if row.sending:
            continue  # on its way: its slot is taken, the managers see it in a moment
        ahead += 1 + (topic_cost if first else 0)
        if not first or row.named or row.kind is None:
            continue
        waiting.append(row)
        if now + timedelta(seconds=time_for(ahead)) > row.created_at + LEARN_WITHIN:
            late = True
    last_in = time_for(ahead)
    if not late:
        return Plan((), None, last_in)
    if last_digest is not None and now < last_digest + DIGEST_GAP:
        return Plan((), (last_digest + DIGEST_GAP - now).total_seconds(), last_in)
    named = tuple(sorted(waiting, key=lambda row: row.request_id or 0))
    return Plan(named, 0.0, last_in)


def compose(
    t: Texts, named: Sequence[Queued], *, last_in: float, per_minute: int
) -> list[tuple[str, list[int]]]:
    """The digest's text in the chat's language, with the request numbers it names; more
    than one text when the list would not fit in one message."""

    def render(rows: Sequence[Queued]) -> str:
        by_kind: dict[RequestKind, list[int]] = {}
        for row in rows:
            assert row.kind is not None and row.request_id is not None
            by_kind.setdefault(row.kind, []).append(row.request_id)
        lines = [t("digest.header", count=len(rows))]
        for kind, numbers in by_kind.items():
            # The list is joined here: a Fluent placeable holds at most 1,000 characters.
            listed = ", ".join(t("digest.number", number=number) for number in numbers)
            lines.append(f"{t('digest.kind', kind=t(f'desk.kind_{kind.value}'))} {listed}")
        minutes = max(1, math.ceil(last_in / 60))
        lines.append(t("digest.footer", minutes=minutes, per_minute=per_minute))
        return "\n".join(lines)

    def split(rows: Sequence[Queued]) -> list[tuple[str, list[int]]]:
        text = render(rows)
        if len(text) <= TEXT_LIMIT or len(rows) == 1:
            return [(text, [row.request_id for row in rows if row.request_id is not None])]
        middle = len(rows) // 2
        return split(rows[:middle]) + split(rows[middle:])

    return split(named) if named else []
