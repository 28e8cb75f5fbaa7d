"""Files people sent that the channel still has to fetch into FILES_DIR.

A flow records an attachment with the messenger's file handle (``platform_file``) and no
``stored_path``; the channel that received it downloads it and calls :func:`mark_stored`.
Until then the file is owed, so it stays listed here (nothing is silently dropped).
"""

from __future__ import annotations

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


async def pending(unit: Unit, platform: Platform, *, limit: int = 50) -> list[PendingDownload]:
    rows = await unit.fetchall(
        "SELECT a.id, a.request_id, a.platform_file, a.original_name, a.size "
        "FROM attachments a JOIN requests r ON r.id = a.request_id "
        "JOIN accounts ac ON ac.id = r.account_id "
        "WHERE a.stored_path IS NULL AND a.platform_file IS NOT NULL AND ac.platform = ? "
        "ORDER BY a.id LIMIT ?",
        (platform.value, limit),
    )
    return [
        PendingDownload(
            row["id"], row["request_id"], row["platform_file"], row["original_name"], row["size"]
        )
        for row in rows
    ]


async def mark_stored(unit: Unit, attachment_id: int, stored_path: str) -> None:
    await unit.execute(
        "UPDATE attachments SET stored_path = ? WHERE id = ?", (stored_path, attachment_id)
    )
