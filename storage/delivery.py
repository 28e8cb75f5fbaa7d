"""A messenger sender's bookkeeping on top of the outbox (:mod:`storage.outbox`).

* One chat's messages go out in order: :func:`due_in_order` offers only the oldest open
  message of each chat, so a message waiting for a retry holds back the ones after it.
* A message is sent at most once per outbox row: the sender :func:`claim`\\ s a row
  (``sending``) before its request leaves; a row still ``sending`` at start was interrupted
  by a crash, and :func:`interrupted` returns it to ``pending`` so it is not lost (the one
  case that may duplicate, reported by the sender).
* A digest to a busy manager chat (:mod:`storage.digests`) is offered before the rows
  queued ahead of it, so it is the next message that chat receives.
* Lanes: service rows (lane 0: answers, cards, reminders) are offered before bulk rows
  (lane 1: announcements, :mod:`storage.announcements`), and a bulk row to a chat waits
  while any service row to that chat is open, so an answer never waits behind a batch;
  a service row never waits for a bulk row of its chat.
* A long text goes out in parts; :func:`set_sent_parts` remembers the parts delivered so a
  retry continues after them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage import outbox
from storage.columns import time_from_db, time_to_db
from storage.db import Unit
from storage.digests import DIGEST_TOPIC
from storage.models import OutboxMessage, Platform
from storage.outbox import message_from_row

_COLUMNS = (
    "o.id, o.platform, o.chat_id, o.text, o.buttons, o.request_id, o.topic, o.document, "
    "o.status, o.attempts, o.next_attempt_at, o.last_error, o.dedupe_key, o.sent_parts, o.lane"
)


@dataclass(frozen=True, slots=True)
class Outgoing:
    message: OutboxMessage
    sent_parts: int
    #: 0: a service message; 1: bulk (an announcement), sent only with room to spare.
    lane: int = 0

    @property
    def bulk(self) -> bool:
        return self.lane > 0


async def due_in_order(
    unit: Unit, platform: Platform, now: datetime, *, limit: int = 100
) -> list[Outgoing]:
    """The oldest open message of each chat and lane, if its time has come: service rows
    first (digests, :mod:`storage.digests`, before everything else), then bulk rows, each
    oldest first. A bulk row is offered only when its chat has no open service row."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM outbox o WHERE o.platform = ?1 AND o.status = 'pending' "
        "AND o.next_attempt_at <= ?2 AND NOT EXISTS (SELECT 1 FROM outbox e "
        "WHERE e.platform = ?1 AND e.chat_id = o.chat_id AND e.status IN ('pending', 'sending') "
        "AND e.lane <= o.lane AND (e.id < o.id OR e.lane < o.lane)) "
        "ORDER BY o.lane, o.topic IS ?4 DESC, o.id LIMIT ?3",
        (Platform(platform).value, time_to_db(now), limit, DIGEST_TOPIC),
    )
    return [Outgoing(message_from_row(row), row["sent_parts"], row["lane"]) for row in rows]


async def next_due_at(unit: Unit, platform: Platform) -> datetime | None:
    """When the earliest pending message becomes due (None: nothing pending)."""
    row = await unit.fetchone(
        "SELECT MIN(next_attempt_at) AS at FROM outbox WHERE platform = ? AND status = 'pending'",
        (Platform(platform).value,),
    )
    return time_from_db(row["at"]) if row else None


async def claim(unit: Unit, outbox_id: int) -> OutboxMessage | None:
    """The message is about to be sent: returns it as it is now, the text to send (a
    managers' notice still waiting may have been given a new text since it was read,
    :mod:`storage.relay_notices`; once claimed it never changes)."""
    await unit.execute_final(
        "UPDATE outbox SET status = 'sending' WHERE id = ? AND status = 'pending'", (outbox_id,)
    )
    return await outbox.get(unit, outbox_id)


async def release(unit: Unit, outbox_id: int) -> None:
    """Back to pending (before :func:`storage.outbox.mark_retry`)."""
    await unit.execute(
        "UPDATE outbox SET status = 'pending' WHERE id = ? AND status = 'sending'", (outbox_id,)
    )


async def set_sent_parts(unit: Unit, outbox_id: int, parts: int) -> None:
    await unit.execute("UPDATE outbox SET sent_parts = ? WHERE id = ?", (parts, outbox_id))


async def interrupted(unit: Unit, platform: Platform) -> list[int]:
    """Rows a crash left ``sending``: put back to pending; returns their ids."""
    await unit.begin()
    rows = await unit.fetchall(
        "SELECT id FROM outbox WHERE platform = ? AND status = 'sending' ORDER BY id",
        (Platform(platform).value,),
    )
    ids = [int(row["id"]) for row in rows]
    if ids:
        await unit.execute(
            "UPDATE outbox SET status = 'pending' WHERE platform = ? AND status = 'sending'",
            (Platform(platform).value,),
        )
    return ids
