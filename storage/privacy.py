"""What is stored about one messenger account, and erasing it (/mydata, /forget).

Erasure (152-FZ: on withdrawal of consent the personal data is destroyed and the
destruction recorded) keeps the requests themselves (kind, status, amounts: the vendor's
business records) but replaces their personal fields; deletes the files the person sent;
and writes a ``privacy_log`` row that says what was erased, holding no personal data.
Which request fields are personal is decided by the caller (``handlers.flows.privacy``).

The vendor's customer master record (loaded from accounting) is not touched here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from storage.columns import json_from_db, json_to_db, time_from_db, time_to_db
from storage.db import Unit

log = logging.getLogger(__name__)

ERASURE = "erasure"


async def attachment_counts(unit: Unit, account_id: int) -> tuple[int, int]:
    """(files recorded on the account's requests, of them still holding personal data)."""
    row = await unit.fetchone(
        "SELECT COUNT(*) AS total, "
        "COALESCE(SUM(a.original_name != '' OR a.stored_path IS NOT NULL "
        "OR a.platform_file IS NOT NULL), 0) AS personal "
        "FROM attachments a JOIN requests r ON r.id = a.request_id WHERE r.account_id = ?",
        (account_id,),
    )
    return (int(row["total"]), int(row["personal"])) if row else (0, 0)


async def replace_request_details(
    unit: Unit, changes: Sequence[tuple[int, dict[str, Any]]], now: datetime
) -> None:
    """Write anonymised details and blank the free-text notes of those requests' history
    (replies and reasons may quote the person); statuses and times stay."""
    if not changes:
        return
    at = time_to_db(now)
    await unit.executemany(
        "UPDATE requests SET details = ?, rating_comment = NULL, updated_at = ? WHERE id = ?",
        ((json_to_db(details), at, request_id) for request_id, details in changes),
    )
    await unit.executemany(
        "UPDATE request_events SET note = '' WHERE request_id = ? AND note != ''",
        ((request_id,) for request_id, _ in changes),
    )


async def erase_attachments(unit: Unit, account_id: int) -> list[str]:
    """Forget the account's files: blank their names and handles; return the stored paths
    (generated names under FILES_DIR) for :func:`delete_files`."""
    rows = await unit.fetchall(
        "SELECT a.stored_path FROM attachments a JOIN requests r ON r.id = a.request_id "
        "WHERE r.account_id = ? AND a.stored_path IS NOT NULL",
        (account_id,),
    )
    await unit.execute(
        "UPDATE attachments SET original_name = '', stored_path = NULL, platform_file = NULL "
        "WHERE request_id IN (SELECT id FROM requests WHERE account_id = ?)",
        (account_id,),
    )
    return [row["stored_path"] for row in rows]


async def blank_delivered_messages(
    unit: Unit, request_ids: Iterable[int], platform: str, chat_id: str
) -> int:
    """Blank the text of already delivered (or given up) outbox messages about these
    requests or to the person's chat: the outbox is a delivery queue, not an archive, and
    its copies would otherwise keep the names and phones. Pending messages stay."""
    ids = list(request_ids)
    placeholders = ", ".join("?" for _ in ids) or "NULL"
    cursor = await unit.execute(
        "UPDATE outbox SET text = '', buttons = '[]' "
        "WHERE status IN ('sent', 'refused', 'failed') AND text != '' "
        f"AND (request_id IN ({placeholders}) OR (platform = ? AND chat_id = ?))",
        (*ids, platform, chat_id),
    )
    return cursor.rowcount


async def erase_received_messages(unit: Unit, platform: str, chat_id: str) -> int:
    """Blank the channels' kept copies of what the person sent (the bodies of updates set
    aside after failing; handled updates keep none) and forget their VK client details.
    Updates still pending or with answers owed are left to finish."""
    cursor = await unit.execute(
        "UPDATE inbox SET body = '{}', last_error = NULL "
        "WHERE platform = ? AND chat_key = ? AND status = 'set_aside' AND body != '{}'",
        (platform, chat_id),
    )
    if platform == "vk":
        await unit.execute("DELETE FROM vk_clients WHERE peer_id = ?", (chat_id,))
    return cursor.rowcount


async def log_erasure(unit: Unit, account_id: int, erased: dict[str, Any], now: datetime) -> int:
    return await unit.insert(
        "INSERT INTO privacy_log (account_id, at, action, erased) VALUES (?, ?, ?, ?)",
        (account_id, time_to_db(now), ERASURE, json_to_db(erased)),
    )


async def erasures(unit: Unit, account_id: int) -> list[tuple[datetime, dict[str, Any]]]:
    rows = await unit.fetchall(
        "SELECT at, erased FROM privacy_log WHERE account_id = ? AND action = ? ORDER BY id",
        (account_id, ERASURE),
    )
    result = []
    for row in rows:
        at = time_from_db(row["at"])
        assert at is not None
        result.append((at, json_from_db(row["erased"])))
    return result


def delete_files(files_dir: Path, stored_paths: Iterable[str]) -> int:
    """Delete stored files; returns how many were there. Blocking: run in a thread.

    A relative path is taken under ``files_dir``; a path that resolves outside
    ``files_dir`` is never touched (stored paths are generated, so that would be a bug or
    tampering, and is logged).
    """
    root = files_dir.resolve()
    deleted = 0
    for stored in stored_paths:
        path = Path(stored)
        target = (path if path.is_absolute() else root / path).resolve()
        if not target.is_relative_to(root):
            log.warning("not deleting %s: outside the files folder %s", target, root)
            continue
        try:
            target.unlink()
            deleted += 1
        except FileNotFoundError:
            continue
    return deleted
