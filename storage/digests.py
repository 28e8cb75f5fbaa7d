"""Digests to a manager chat: what its queue holds, and which requests a digest named.

A manager chat whose messages wait for the messenger's limit (a Telegram group: 20 a
minute) gets one message naming the new requests whose cards are still queued; the cards
follow as the limit allows. A digest is an outbox row like any other (:data:`DIGEST_TOPIC`,
sent ahead of its chat's queue by :func:`storage.delivery.due_in_order`, retried and
recorded the same way), queued under ``<chat>:digest`` so it has a queue of its own;
``outbox_digest_requests`` records the requests it named, so each is named once. A digest
refused for good names nothing: its requests go into the next one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage import outbox
from storage.columns import time_from_db
from storage.db import Unit
from storage.models import Platform, RequestKind

#: The outbox topic of a digest: such a row goes out before the rest of its chat's queue.
DIGEST_TOPIC = "digest"


def digest_chat(chat_id: str) -> str:
    """The queue of a chat's digests (the sender posts them to ``chat_id``)."""
    return f"{chat_id}:digest"


@dataclass(frozen=True, slots=True)
class Queued:
    """An open outbox row to a manager chat (or to one of its sub-queues, ``<chat>:…``)."""

    outbox_id: int
    request_id: int | None
    kind: RequestKind | None
    created_at: datetime
    #: Its request is being sent now.
    sending: bool
    #: The chat has had no message about its request yet (None when about no request).
    unseen: bool
    #: A digest (sent, or on its way) named its request.
    named: bool
    #: The row is a digest itself.
    digest: bool


async def queue_of(unit: Unit, platform: Platform, chat_id: str) -> list[Queued]:
    """The chat's open rows (pending or being sent), oldest first, digests included."""
    sub_low, sub_high = f"{chat_id}:", f"{chat_id};"
    rows = await unit.fetchall(
        "SELECT o.id, o.request_id, o.created_at, o.status, o.topic, r.kind, "
        "CASE WHEN o.request_id IS NULL THEN 0 ELSE NOT EXISTS (SELECT 1 FROM outbox s "
        "WHERE s.request_id = o.request_id AND s.platform = ?1 AND s.chat_id = ?2 "
        "AND s.status = 'sent') END AS unseen, "
        "CASE WHEN o.request_id IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM "
        "outbox_digest_requests d JOIN outbox g ON g.id = d.outbox_id "
        "WHERE d.request_id = o.request_id AND g.platform = ?1 AND g.chat_id = ?3 "
        "AND g.status NOT IN ('refused', 'failed')) END AS named "
        "FROM outbox o LEFT JOIN requests r ON r.id = o.request_id "
        "WHERE o.platform = ?1 AND o.status IN ('pending', 'sending') "
        "AND (o.chat_id = ?2 OR (o.chat_id >= ?4 AND o.chat_id < ?5)) ORDER BY o.id",
        (Platform(platform).value, chat_id, digest_chat(chat_id), sub_low, sub_high),
        heavy=True,
    )
    queued = []
    for row in rows:
        created_at = time_from_db(row["created_at"])
        assert created_at is not None
        queued.append(
            Queued(
                outbox_id=row["id"],
                request_id=row["request_id"],
                kind=RequestKind(row["kind"]) if row["kind"] is not None else None,
                created_at=created_at,
                sending=row["status"] == "sending",
                unseen=bool(row["unseen"]),
                named=bool(row["named"]),
                digest=row["topic"] == DIGEST_TOPIC,
            )
        )
    return queued


async def last_digest_at(unit: Unit, platform: Platform, chat_id: str) -> datetime | None:
    """When the chat's latest digest was queued (None: never)."""
    row = await unit.fetchone(
        "SELECT MAX(created_at) AS at FROM outbox WHERE platform = ? AND chat_id = ? AND topic = ?",
        (Platform(platform).value, digest_chat(chat_id), DIGEST_TOPIC),
    )
    return time_from_db(row["at"]) if row else None


async def add_digest(
    unit: Unit,
    platform: Platform,
    chat_id: str,
    text: str,
    request_ids: Sequence[int],
    *,
    now: datetime,
) -> int:
    """Queue a digest to ``chat_id`` naming ``request_ids``; returns its outbox id."""
    outbox_id = await outbox.enqueue(
        unit, platform, digest_chat(chat_id), text, now=now, topic=DIGEST_TOPIC
    )
    assert outbox_id is not None  # no dedupe key: always queued
    await unit.executemany(
        "INSERT INTO outbox_digest_requests (request_id, outbox_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING",
        ((request_id, outbox_id) for request_id in request_ids),
    )
    return outbox_id


async def named_by(unit: Unit, outbox_id: int) -> list[int]:
    """The requests a digest named, by number."""
    rows = await unit.fetchall(
        "SELECT request_id FROM outbox_digest_requests WHERE outbox_id = ? ORDER BY request_id",
        (outbox_id,),
    )
    return [int(row["request_id"]) for row in rows]
