"""The managers' notice of a customer's new messages in a request, while it waits in the
outbox (docs/rules.md#flood-control).

A notice is an outbox row to one manager destination about one request, queued under the
dedupe key ``relay-notice:<request>:<platform>:<chat>:<first event>[:flood]``: the history
event of the first message it carries, and whether the messages are a flood. While the row
has not been tried (pending, no attempt, no part delivered) a later message of the same
request joins it (:func:`rewrite`) instead of queueing a notice of its own; a row the
sender has claimed (:func:`storage.delivery.claim` re-reads the text it sends) or tried is
never changed, and the next message starts a new notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage import outbox
from storage.db import Unit
from storage.models import Platform

_PREFIX = "relay-notice"
_FLOOD = "flood"

Buttons = outbox.Buttons


@dataclass(frozen=True, slots=True)
class PendingNotice:
    """A notice not tried yet: later messages of its request may join it."""

    outbox_id: int
    #: The history event of the first message it carries.
    first_event: int
    #: It tells of a flood (the chat writes beyond the limit).
    flood: bool


def _prefix(request_id: int, platform: Platform, chat_id: str) -> str:
    return f"{_PREFIX}:{request_id}:{Platform(platform).value}:{chat_id}:"


def _key(request_id: int, platform: Platform, chat_id: str, first_event: int, flood: bool) -> str:
    return (
        _prefix(request_id, platform, chat_id) + str(first_event) + (f":{_FLOOD}" if flood else "")
    )


async def pending(
    unit: Unit, request_id: int, platform: Platform, chat_id: str
) -> PendingNotice | None:
    """The destination's notice about the request that is still waiting untried, if any."""
    low, high = outbox.key_range(_prefix(request_id, platform, chat_id))
    row = await unit.fetchone(
        "SELECT id, dedupe_key FROM outbox WHERE dedupe_key >= ? AND dedupe_key < ? "
        "AND status = 'pending' AND attempts = 0 AND sent_parts = 0 ORDER BY id DESC LIMIT 1",
        (low, high),
    )
    if row is None:
        return None
    rest = str(row["dedupe_key"])[len(low) :].split(":")
    return PendingNotice(int(row["id"]), int(rest[0]), flood=rest[1:] == [_FLOOD])


async def queue(
    unit: Unit,
    request_id: int,
    platform: Platform,
    chat_id: str,
    text: str,
    buttons: Buttons,
    *,
    first_event: int,
    flood: bool,
    now: datetime,
) -> int | None:
    """Queue a new notice carrying the message of history event ``first_event``."""
    return await outbox.enqueue(
        unit,
        platform,
        chat_id,
        text,
        buttons,
        now=now,
        request_id=request_id,
        dedupe_key=_key(request_id, platform, chat_id, first_event, flood),
    )


async def rewrite(
    unit: Unit,
    notice: PendingNotice,
    request_id: int,
    platform: Platform,
    chat_id: str,
    text: str,
    *,
    flood: bool,
) -> bool:
    """Give a waiting notice its new text (it now carries one more message); False when
    the sender took it meanwhile (the caller queues a new notice)."""
    key = _key(request_id, platform, chat_id, notice.first_event, flood)
    cursor = await unit.execute(
        "UPDATE outbox SET text = ?, dedupe_key = ? WHERE id = ? AND status = 'pending' "
        "AND attempts = 0 AND sent_parts = 0",
        (text, key, notice.outbox_id),
    )
    return cursor.rowcount == 1
