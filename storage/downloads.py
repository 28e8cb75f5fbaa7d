"""Files people sent that the channel still has to fetch into FILES_DIR.

A flow records an attachment with the messenger's file handle (``platform_file``) and no
``stored_path``; the channel that received it downloads it and calls :func:`mark_stored`.
Until then the file is owed, so it stays listed here (nothing is silently dropped). A file
whose bytes turn out not to be what its name says is :func:`discard`-ed instead: its row goes,
so the request no longer counts it (:func:`handlers.engine.attachments.refuse_downloaded`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from storage.db import Unit
from storage.models import Platform


@dataclass(frozen=True, slots=True)
class PendingDownload:
    attachment_id: int
    request_id: int
    platform_file: str
    original_name: str
    size: int
    role: str


_COLUMNS = "a.id, a.request_id, a.platform_file, a.original_name, a.size, a.role"
#: Recorded with the messenger's handle, not stored yet.
_OWED = "a.stored_path IS NULL AND a.platform_file IS NOT NULL"


def _owed_from_row(row: sqlite3.Row) -> PendingDownload:
    return PendingDownload(
        row["id"],
        row["request_id"],
        row["platform_file"],
        row["original_name"],
        row["size"],
        row["role"],
    )


async def pending(unit: Unit, platform: Platform, *, limit: int = 50) -> list[PendingDownload]:
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM attachments a JOIN requests r ON r.id = a.request_id "
        "JOIN accounts ac ON ac.id = r.account_id "
        f"WHERE {_OWED} AND ac.platform = ? ORDER BY a.id LIMIT ?",
        (platform.value, limit),
    )
    return [_owed_from_row(row) for row in rows]


async def owed(unit: Unit, attachment_id: int) -> PendingDownload | None:
    """The attachment if it is still owed (not stored, not erased, not discarded)."""
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM attachments a WHERE a.id = ? AND {_OWED}", (attachment_id,)
    )
    return _owed_from_row(row) if row is not None else None


async def discard(unit: Unit, attachment_id: int) -> None:
    """Forget an owed file that was refused once its bytes were in (they are deleted)."""
    await unit.execute(
        "DELETE FROM attachments WHERE id = ? AND stored_path IS NULL", (attachment_id,)
    )


async def mark_stored(unit: Unit, attachment_id: int, stored_path: str) -> None:
    await unit.execute(
        "UPDATE attachments SET stored_path = ? WHERE id = ?", (stored_path, attachment_id)
    )
