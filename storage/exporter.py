"""Exports for managers: CSV files that open as a table in a Russian (or Bulgarian) Excel.

That is UTF-8 with a BOM (or Excel guesses the ANSI code page) and ``;`` between values:
Excel splits a CSV at the list separator of the Windows regional settings, which is ``;``
wherever the decimal sign is a comma (Russian, Bulgarian), so a ``,`` file would open as
one column there; amounts carry a decimal comma. A cell of free text that starts with
``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, so Excel never runs text a customer
typed as a formula. A file is written beside the target and renamed over it, so a reader
never sees half a file.

Two kinds of output share the reading (:func:`request_records`, :func:`customer_records`)
and the writing (:func:`table_bytes`, :func:`write_table`): :func:`export_requests_csv`
(``/export``, ``python -m bot export``) writes the stored codes under fixed column names,
for scripts; ``handlers.desk.data_exports`` words the same records in a manager's
language for the web desk.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from storage.columns import money_from_db, time_from_db
from storage.db import Database, Unit
from storage.models import RequestKind, RequestStatus

DELIMITER = ";"
ENCODING = "utf-8-sig"

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


def safe_text(value: object) -> str:
    """Free text as a cell Excel shows but never evaluates."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the exports read it."""

    id: int
    kind: RequestKind
    status: RequestStatus
    created_at: datetime
    updated_at: datetime
    customer_name: str | None
    company: str | None
    phone: str | None
    verified: bool
    license_number: str | None
    key_serial: str | None
    amount: Decimal | None
    manager: str | None
    """Who handles it, ``<platform>:<user id>``."""
    first_answer_at: datetime | None
    rating: int | None
    details: str
    """What the flow collected, as stored (JSON)."""
    stored_created_at: str
    stored_updated_at: str
    stored_first_answer_at: str | None


async def request_records(unit: Unit) -> list[RequestRecord]:
    """Every request, oldest first, with its customer, license and key."""
    found = []
    for row in await unit.fetchall(_SELECT, heavy=True):
        created, updated = time_from_db(row["created_at"]), time_from_db(row["updated_at"])
        assert created is not None and updated is not None
        found.append(
            RequestRecord(
                id=row["id"],
                kind=RequestKind(row["kind"]),
                status=RequestStatus(row["status"]),
                created_at=created,
                updated_at=updated,
                customer_name=row["name"],
                company=row["company"],
                phone=row["phone"],
                verified=bool(row["verified"]),
                license_number=row["number"],
                key_serial=row["serial"],
                amount=money_from_db(row["amount"]),
                manager=row["manager"],
                first_answer_at=time_from_db(row["first_answer_at"]),
                rating=row["rating"],
                details=row["details"],
                stored_created_at=row["created_at"],
                stored_updated_at=row["updated_at"],
                stored_first_answer_at=row["first_answer_at"],
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class CustomerRecord:
    """One customer as the exports read it (customers whose data was erased are left out)."""

    id: int
    name: str
    company: str
    phone: str | None
    email: str
    resident: bool
    language: str
    licenses: int
    keys: int
    accounts: int
    """Messenger accounts linked to the customer."""
    open_requests: int
    next_support_end: str | None
    """The earliest support end among the licenses, ISO date (None: no license)."""


_CUSTOMERS = """
SELECT c.id, c.name, c.company, c.phone, c.email, c.resident, c.language,
       (SELECT COUNT(*) FROM licenses l WHERE l.customer_id = c.id) AS licenses,
       (SELECT COUNT(*) FROM keys k WHERE k.customer_id = c.id) AS keys,
       (SELECT COUNT(*) FROM accounts a WHERE a.customer_id = c.id) AS accounts,
       (SELECT COUNT(*) FROM requests r WHERE r.customer_id = c.id
        AND r.status IN ('new', 'in_work', 'waiting_documents', 'waiting_customer')) AS open,
       (SELECT MIN(l.support_end) FROM licenses l WHERE l.customer_id = c.id) AS next_end
FROM customers c WHERE c.erased_at IS NULL ORDER BY c.name, c.id
"""


async def customer_records(unit: Unit) -> list[CustomerRecord]:
    """Every customer by name, with how many licenses, keys, linked accounts and open
    requests they have."""
    return [
        CustomerRecord(
            id=row["id"],
            name=row["name"],
            company=row["company"],
            phone=row["phone"],
            email=row["email"],
            resident=bool(row["resident"]),
            language=row["language"],
            licenses=int(row["licenses"]),
            keys=int(row["keys"]),
            accounts=int(row["accounts"]),
            open_requests=int(row["open"]),
            next_support_end=row["next_end"],
        )
        for row in await unit.fetchall(_CUSTOMERS, heavy=True)
    ]


def amount_text(amount: Decimal | None, decimal_sign: str = ",") -> str:
    """An amount as a spreadsheet reads it: no grouping, the locale's decimal sign."""
    return "" if amount is None else format(amount, "f").replace(".", decimal_sign)


def _row(record: RequestRecord) -> list[str]:
    return [
        str(record.id),
        record.kind.value,
        record.status.value,
        record.stored_created_at,
        record.stored_updated_at,
        safe_text(record.customer_name),
        safe_text(record.company),
        record.phone or "",
        "yes" if record.verified else "no",
        safe_text(record.license_number),
        safe_text(record.key_serial),
        amount_text(record.amount),
        safe_text(record.manager),
        record.stored_first_answer_at or "",
        str(record.rating) if record.rating is not None else "",
        safe_text(record.details),
    ]


def _write(file: TextIO, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    writer = csv.writer(file, delimiter=DELIMITER)
    writer.writerow(header)
    writer.writerows(rows)


def table_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A table as the bytes of an Excel-friendly CSV file (what a web download sends)."""
    text = io.StringIO(newline="")
    _write(text, header, rows)
    return text.getvalue().encode(ENCODING)


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write the table to ``path`` atomically (blocking: run it in a thread)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding=ENCODING, newline="") as file:
            _write(file, header, rows)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


async def export_requests_csv(db: Database, path: str | Path) -> int:
    """Write every request (oldest first) to ``path`` with the stored codes; returns how
    many were written.

    Reads in its own unit of work: never call it inside ``db.unit()``.
    """
    async with db.unit() as unit:
        records = await request_records(unit)
    rows = [_row(record) for record in records]
    await asyncio.to_thread(write_table, Path(path), HEADER, rows)
    return len(rows)
