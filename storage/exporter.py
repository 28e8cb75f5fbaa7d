"""Export of requests for managers: a CSV that opens as a table in a Russian Excel.

That is UTF-8 with a BOM (or Excel guesses the ANSI code page), ``;`` between values and a
decimal comma in amounts. Times stay ISO 8601 in UTC as stored. A cell of free text that
starts with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, so Excel never runs
text a customer typed as a formula. The file is written beside the target and renamed
over it, so a reader never sees half a file.
"""

from __future__ import annotations

import asyncio
import csv
import os
import tempfile
from pathlib import Path

from storage.db import Database

HEADER = (
    "id",
    "kind",
    "status",
    "created_at",
    "updated_at",
    "customer_name",
    "company",
    "phone",
    "verified",
    "license_number",
    "key_serial",
    "amount",
    "manager",
    "first_answer_at",
    "rating",
    "details",
)
_SELECT = """
SELECT r.id, r.kind, r.status, r.created_at, r.updated_at,
       c.name, c.company, c.phone, r.verified, l.number, k.serial, r.amount, r.manager,
       r.first_answer_at, r.rating, r.details
FROM requests r
LEFT JOIN customers c ON c.id = r.customer_id
LEFT JOIN licenses l ON l.id = r.license_id
LEFT JOIN keys k ON k.id = r.key_id
ORDER BY r.id
"""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: object) -> str:
    """Free text as a cell Excel shows but never evaluates."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _row(row: tuple[object, ...]) -> list[str]:
    (
        request_id,
        kind,
        status,
        created_at,
        updated_at,
        name,
        company,
        phone,
        verified,
        number,
        serial,
        amount,
        manager,
        first_answer_at,
        rating,
        details,
    ) = row
    return [
        str(request_id),
        str(kind),
        str(status),
        str(created_at),
        str(updated_at),
        _text(name),
        _text(company),
        str(phone or ""),
        "yes" if verified else "no",
        _text(number),
        _text(serial),
        str(amount).replace(".", ",") if amount is not None else "",
        _text(manager),
        str(first_answer_at or ""),
        str(rating) if rating is not None else "",
        _text(details),
    ]


def _write_atomically(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file, delimiter=";")
            writer.writerow(HEADER)
            writer.writerows(rows)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


async def export_requests_csv(db: Database, path: str | Path) -> int:
    """Write every request (oldest first) to ``path``; returns how many were written.

    Reads in its own unit of work: never call it inside ``db.unit()``.
    """
    async with db.unit() as unit:
        fetched = await unit.fetchall(_SELECT, heavy=True)
    rows = [_row(tuple(row)) for row in fetched]
    await asyncio.to_thread(_write_atomically, Path(path), rows)
    return len(rows)
