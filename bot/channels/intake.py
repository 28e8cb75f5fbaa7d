"""What every channel does with what arrives, before anything else sees it.

**Text is repaired at the edge.** JSON may carry a lone UTF-16 surrogate (``"\\udc32"`` is
valid JSON) and a body or a terminal may carry bytes that are not UTF-8. Neither can be
written to SQLite or sent anywhere, so one such message would fail every attempt to store
the batch it came in, and the messenger would hand the same batch over again and again:
nobody after it would be answered, across restarts too. Every channel (Telegram polling
and webhook, VK long poll and callback, the console) therefore reads what arrives through
:func:`json_from_bytes` / :func:`repair` / :func:`repair_text` here: each bad piece becomes
U+FFFD (the replacement character), the rest of the text stays as it was.

**One update that still cannot be stored is set aside alone** (:func:`store_received`):
if storing a batch fails for a reason in the data, its updates are stored one by one and
the one that fails is kept as a stand-in (:func:`storage.inbox.not_stored_body`) that the
channel's processor sets aside at once, with a note to the managers and a word to the
person; the others are stored and answered, and the channel acknowledges the whole batch.
Only when the database itself fails (nothing can be stored) does storing raise, and the
messenger keeps the batch for the next try.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, TextIO

from aiohttp import ClientResponse

from storage import inbox
from storage.db import Database, Unit
from storage.models import Platform

log = logging.getLogger(__name__)

#: What an update is stored as: (update key, chat key, body).
Row = tuple[str, str, Any]

#: The database or the disk is in trouble: nothing can be stored now, the messenger must keep
#: the batch (setting an update aside would lose it for no fault of its own).
_STORAGE_DOWN: tuple[type[BaseException], ...] = (sqlite3.OperationalError, OSError, MemoryError)


class NotStored(Exception):
    """An update that could not be stored; only this description was kept in its place."""


# -- repairing text ---------------------------------------------------------------------------


def repair_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a proper pair becomes the one
    character it codes); text that is already clean is returned as it is."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def repair(value: Any) -> Any:
    """A JSON-like value with the text of every string (keys too) repaired; one with
    nothing to repair (nearly all) is returned as it is."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate somewhere
        return _repaired(value)
    except (TypeError, ValueError):  # not JSON: look at every string
        return _repaired(value)
    return value


def _repaired(value: Any) -> Any:
    if isinstance(value, str):
        return repair_text(value)
    if isinstance(value, dict):
        return {
            (repair_text(key) if isinstance(key, str) else key): _repaired(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_repaired(item) for item in value]
    return value


def json_from_bytes(data: bytes) -> Any:
    """JSON from the network, bytes that are not UTF-8 and lone surrogates turned into
    U+FFFD. Raises ``ValueError`` when it is not JSON."""
    return repair(json.loads(data.decode("utf-8", "replace")))


def lenient_input(stream: TextIO) -> None:
    """Read ``stream`` (a terminal, a pipe) with U+FFFD in place of bytes that are not text
    in its encoding, instead of failing (or, in UTF-8 mode, letting surrogates through)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


class RepairingResponse(ClientResponse):
    """An aiohttp response whose text is decoded with U+FFFD in place of bad bytes (aiohttp
    decodes strictly: one bad byte in a long-poll answer would fail every poll after it)."""

    async def text(self, encoding: str | None = None, errors: str = "replace") -> str:
        return await super().text(encoding, errors)


# -- storing ----------------------------------------------------------------------------------


async def store_received(
    db: Database,
    platform: Platform,
    rows: Sequence[Row],
    *,
    now: datetime,
    also: Callable[[Unit], Awaitable[None]] | None = None,
) -> list[str]:
    """Store received updates in the inbox (keys stored before are skipped), their text
    repaired; ``also`` runs in the same transaction (a long-poll position). Returns the keys
    of the updates that could not be stored and were set aside in their place.

    Raises only when nothing can be stored (the database fails): then nothing is acknowledged.
    """
    rows = [(repair_text(key), repair_text(chat), repair(body)) for key, chat, body in rows]
    try:
        async with db.unit() as unit:
            if rows:
                await inbox.store(unit, platform, rows, now=now)
            if also is not None:
                await also(unit)
        return []
    except _STORAGE_DOWN:
        raise
    except Exception as exc:
        if not rows:
            raise
        log.warning(
            "%d %s updates could not be stored together (%s); storing them one by one",
            len(rows),
            platform.value,
            type(exc).__name__,
        )
    aside = [
        key for key, chat, body in rows if not await _store_one(db, platform, key, chat, body, now)
    ]
    if also is not None:
        async with db.unit() as unit:
            await also(unit)
    return aside


async def _store_one(
    db: Database, platform: Platform, key: str, chat: str, body: Any, now: datetime
) -> bool:
    """Store one update; if it cannot be, its stand-in (False). Raises if neither can be."""
    try:
        async with db.unit() as unit:
            await inbox.store(unit, platform, [(key, chat, body)], now=now)
        return True
    except _STORAGE_DOWN:
        raise
    except Exception as exc:
        # The type and message of the error only: never the update's content.
        error = repair_text(f"not stored: {type(exc).__name__}: {exc}")[:300]
    async with db.unit() as unit:
        await inbox.store(unit, platform, [(key, chat, inbox.not_stored_body(error))], now=now)
    log.error(
        "%s update %s (chat %s) could not be stored: %s; set aside, the others go on",
        platform.value,
        key,
        chat,
        error,
    )
    return False
