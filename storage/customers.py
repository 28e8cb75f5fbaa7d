"""Customers of the vendor, as loaded from the accounting export (see storage.importer)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from datetime import datetime

from storage.columns import time_to_db
from storage.db import Unit
from storage.models import Customer
from storage.phones import normalize_phone

_COLUMNS = "c.id, c.name, c.company, c.phone, c.email, c.resident, c.language"
SEARCH_LIMIT = 20
_PHONE_LIKE = re.compile(r"[\d\s()+\-.]+")


def customer_from_row(row: sqlite3.Row) -> Customer:
    return Customer(
        id=row["id"],
        name=row["name"],
        company=row["company"],
        phone=row["phone"],
        email=row["email"],
        resident=bool(row["resident"]),
        language=row["language"],
    )


async def get(unit: Unit, customer_id: int) -> Customer | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM customers c WHERE c.id = ?", (customer_id,))
    return customer_from_row(row) if row else None


async def find_by_phone(unit: Unit, phone: str) -> Customer | None:
    """The customer with this phone (written in any usual way); the oldest one if several.

    Customers whose personal data was erased are never found.
    """
    normalized = normalize_phone(phone)
    if normalized is None:
        return None
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM customers c WHERE c.phone = ? AND c.erased_at IS NULL "
        "ORDER BY c.id LIMIT 1",
        (normalized,),
    )
    return customer_from_row(row) if row else None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _case_variants(text: str) -> list[str]:
    """Spellings to try: SQLite's LIKE ignores case for Latin letters only, not Cyrillic."""
    variants = dict.fromkeys([text, text.lower(), text.upper(), text.capitalize(), text.title()])
    return list(variants)


async def search(unit: Unit, text: str, *, limit: int = SEARCH_LIMIT) -> list[Customer]:
    """A manager's /find: customers whose name, company, phone, e-mail, license number or
    key serial contains ``text`` (erased customers excluded), ordered by company and name.

    Case: Latin letters match in any case; Cyrillic text matches as typed, in lower or
    upper case, or capitalised word by word ("петров" finds "Петров").
    """
    text = text.strip()
    if not text:
        return []
    patterns = [_like(variant) for variant in _case_variants(text)]
    params: list[object] = []
    terms: list[str] = []
    for pattern in patterns:
        terms.append(
            "c.name LIKE ? ESCAPE '\\' OR c.company LIKE ? ESCAPE '\\' "
            "OR c.email LIKE ? ESCAPE '\\'"
        )
        params += [pattern, pattern, pattern]
    phone = normalize_phone(text)
    digits = "".join(ch for ch in text if ch.isdigit())
    if phone is not None:
        terms.append("c.phone = ?")
        params.append(phone)
    if _PHONE_LIKE.fullmatch(text) and len(digits) >= 4:  # part of a phone, e.g. "000-33-44"
        terms.append("c.phone LIKE ?")
        params.append(f"%{digits}%")
    pattern = _like(text)
    terms.append(
        "EXISTS (SELECT 1 FROM licenses l WHERE l.customer_id = c.id "
        "AND l.number LIKE ? ESCAPE '\\')"
    )
    terms.append(
        "EXISTS (SELECT 1 FROM keys k WHERE k.customer_id = c.id AND k.serial LIKE ? ESCAPE '\\')"
    )
    params += [pattern, pattern, limit]
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM customers c WHERE c.erased_at IS NULL AND "
        f"({' OR '.join(terms)}) ORDER BY c.company, c.name, c.id LIMIT ?",
        params,
    )
    return [customer_from_row(row) for row in rows]


async def in_order(unit: Unit, *, offset: int, limit: int) -> tuple[list[Customer], int]:
    """One page of the customers (erased ones excluded), ordered by company and name as
    :func:`search` orders them, and how many there are."""
    total = await unit.fetchone("SELECT COUNT(*) AS n FROM customers WHERE erased_at IS NULL")
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM customers c WHERE c.erased_at IS NULL "
        "ORDER BY c.company, c.name, c.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [customer_from_row(row) for row in rows], int(total["n"]) if total else 0


async def erase_personal_data(unit: Unit, customer_id: int, now: datetime) -> bool:
    """Blank the customer's name, company, phone and e-mail and mark the erasure (/forget).

    Licenses and keys stay (they are the vendor's records, not the person's data). Returns
    False when there was nothing to erase (unknown or already erased customer).
    """
    at = time_to_db(now)
    cursor = await unit.execute(
        "UPDATE customers SET name = '', company = '', phone = NULL, email = '', "
        "erased_at = ?, updated_at = ? WHERE id = ? AND erased_at IS NULL",
        (at, at, customer_id),
    )
    return cursor.rowcount == 1


async def owner_of_license_and_key(unit: Unit, license_number: str, serial: str) -> Customer | None:
    """The customer who owns both the license and the key, when the license is on that key.

    Letter case and surrounding spaces are ignored (people type "l-1001"). One answer for
    every kind of mismatch (unknown license, unknown key, key of another customer, license
    not on the key), so a guess learns nothing about which part was wrong.
    """
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM licenses l "
        "JOIN key_licenses kl ON kl.license_id = l.id "
        "JOIN keys k ON k.id = kl.key_id AND k.customer_id = l.customer_id "
        "JOIN customers c ON c.id = l.customer_id "
        "WHERE l.number = ? COLLATE NOCASE AND k.serial = ? COLLATE NOCASE "
        "AND c.erased_at IS NULL LIMIT 1",
        (license_number.strip(), serial.strip()),
    )
    return customer_from_row(row) if row else None


async def residency_of(unit: Unit, customer_ids: Iterable[int]) -> dict[int, bool]:
    """Whether each customer is a resident of the Russian Federation (prices of the
    protection service differ), for many customers in few queries."""
    ids = sorted(set(customer_ids))
    found: dict[int, bool] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = await unit.fetchall(
            f"SELECT id, resident FROM customers WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
            heavy=True,
        )
        found.update((row["id"], bool(row["resident"])) for row in rows)
    return found
