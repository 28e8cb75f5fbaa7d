"""Attempts to link a messenger account to a customer: logged, and counted to rate-limit
wrong guesses of license number and key serial."""

from __future__ import annotations

from datetime import datetime

from storage.columns import time_to_db
from storage.db import Unit
from storage.models import Platform


async def record(
    unit: Unit,
    platform: Platform,
    user_id: str,
    method: str,
    success: bool,
    now: datetime,
    detail: str = "",
) -> None:
    """``method``: phone | license | manager…; ``detail`` what was tried (no secrets)."""
    await unit.execute(
        "INSERT INTO link_attempts (platform, user_id, at, method, success, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (Platform(platform).value, str(user_id), time_to_db(now), method, int(success), detail),
    )


async def failures_since(unit: Unit, platform: Platform, user_id: str, since: datetime) -> int:
    row = await unit.fetchone(
        "SELECT COUNT(*) FROM link_attempts WHERE platform = ? AND user_id = ? AND at >= ? "
        "AND success = 0",
        (Platform(platform).value, str(user_id), time_to_db(since)),
    )
    return int(row[0]) if row else 0


async def failure_times_since(
    unit: Unit, platform: Platform, user_id: str, since: datetime, *, method: str | None = None
) -> list[datetime]:
    """When the person's failed attempts (of ``method``, or any) since ``since`` happened,
    oldest first: the rate limit tells from them when the next try is allowed."""
    method_clause = "AND method = ?" if method is not None else ""
    params: list[object] = [Platform(platform).value, str(user_id), time_to_db(since)]
    if method is not None:
        params.append(method)
    rows = await unit.fetchall(
        "SELECT at FROM link_attempts WHERE platform = ? AND user_id = ? AND at >= ? "
        f"AND success = 0 {method_clause} ORDER BY at",
        params,
    )
    return [datetime.fromisoformat(row["at"]) for row in rows]
