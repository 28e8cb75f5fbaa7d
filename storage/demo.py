"""A small demo data set, loaded through the one import path (``storage.importer``).

Dates are relative to ``today`` so every case of docs/rules.md is live whenever the demo
runs.

Products
    * BZ-REPORT "Базис-Отчёт", 7990 (CodeMeter): the price of the worked example of
      docs/rules.md#the-worked-example,
      preferential renewal 1998, standard 3596;
    * BZ-MEBEL "Базис-Мебельщик", 52000 (CodeMeter);
    * BZ-SHKAF "Базис-Шкаф", 18500 (protection module).

Customers
    * Иван Петров, ООО «Мебель-Про», +79990001122, resident, Russian: links by the
      Telegram "share my phone" button with this number;
    * Georgi Ivanov, Sofia Furniture EOOD, +359888123456, non-resident, Bulgarian
      (the other price of the protection service, the Bulgarian texts);
    * Анна Сидорова, ИП Сидорова, +79990003344, resident.

Licenses
    * L-1001 BZ-REPORT of Петров, support ended 10 days ago: the "done when" case, a
      preferential quote of 1998 with the new end 12 months after the old one; its key has
      the protection service, kept by L-1002 on the same key, so the quote says so rather
      than "pay by E + 14 days to keep it";
    * L-1002 BZ-MEBEL of Петров, support ends in 30 days: the 30-days-before reminder is due
      today; its quote says "pay by E + 14 days to keep the key's protection service";
    * L-1003 BZ-MEBEL of Sofia Furniture, support ends today (a subscription, license ends
      in a year);
    * L-1004 BZ-SHKAF of Сидорова, 2 workplaces, support ended 45 days ago: the standard
      45 % rate (8325);
    * L-1005 BZ-REPORT of Сидорова, support ended one calendar month ago: the last day of
      the preferential rate, 1998 (when today is the 29th–31st and last month was
      shorter, that end is its last day and the rate is already standard), no key.

Keys
    * 3-1234567 CodeMeter of Петров, protection service connected, programmed until the
      last monthly run + 30 days, holding L-1001 and L-1002 (a key with two licenses, kept
      in the monthly run because L-1002's support has not ended): key loss case A;
    * 3-7654321 CodeMeter of Sofia Furniture without the service: key loss case B;
    * M-100200 protection module of Сидорова: key loss case B with documents.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from calendar import monthrange
from datetime import date, datetime, timedelta
from pathlib import Path

from storage import accounts, customers
from storage.db import Database, Unit
from storage.importer import COLUMNS, ImportReport, import_csv, write_csv
from storage.models import Account, Customer, Platform

DEMO_CUSTOMER_PHONE = "+79990001122"
"""Иван Петров's phone: the console signs in as him; his L-1001 is quoted 1998."""

_PETROV = {
    "customer_name": "Иван Петров",
    "company": "ООО «Мебель-Про»",
    "phone": DEMO_CUSTOMER_PHONE,
    "email": "ivan.petrov@mebel-pro.example",
    "resident": "да",
    "language": "ru",
}
_SOFIA = {
    "customer_name": "Georgi Ivanov",
    "company": "Sofia Furniture EOOD",
    "phone": "+359888123456",
    "email": "office@sofia-furniture.example",
    "resident": "нет",
    "language": "bg",
}
_SIDOROVA = {
    "customer_name": "Анна Сидорова",
    "company": "ИП Сидорова",
    "phone": "+79990003344",
    "email": "sidorova@example.com",
    "resident": "да",
    "language": "ru",
}
_REPORT = {
    "product_code": "BZ-REPORT",
    "product_name": "Базис-Отчёт",
    "product_price": "7990",
    "support_months": "6",
    "product_protection": "codemeter",
}
_MEBEL = {
    "product_code": "BZ-MEBEL",
    "product_name": "Базис-Мебельщик",
    "product_price": "52000",
    "support_months": "6",
    "product_protection": "codemeter",
}
_SHKAF = {
    "product_code": "BZ-SHKAF",
    "product_name": "Базис-Шкаф",
    "product_price": "18500",
    "support_months": "6",
    "product_protection": "module",
}


def _month_before(day: date) -> date:
    """The same day a calendar month earlier (the month's last day when it is shorter)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _license(
    number: str, end: date, *, workplaces: int = 1, license_end: date | None = None
) -> dict[str, str]:
    return {
        "license_number": number,
        "workplaces": str(workplaces),
        "support_end": end.isoformat(),
        "license_end": license_end.isoformat() if license_end else "",
        "subscription": "да" if license_end else "нет",
    }


def _key(
    serial: str = "",
    kind: str = "",
    *,
    connected_on: date | None = None,
    programmed_until: date | None = None,
) -> dict[str, str]:
    return {
        "key_serial": serial,
        "key_kind": kind,
        "protection_service": "да" if connected_on else ("нет" if serial else ""),
        "protection_connected_on": connected_on.isoformat() if connected_on else "",
        "programmed_until": programmed_until.isoformat() if programmed_until else "",
    }


def demo_rows(today: date) -> list[dict[str, str]]:
    """The demo in the importer's columns, one row per license (see the module docstring)."""
    last_run = today.replace(day=1)
    protected_key = _key(
        "3-1234567",
        "codemeter",
        connected_on=today - timedelta(days=180),
        programmed_until=last_run + timedelta(days=30),
    )
    rows = [
        _PETROV | _REPORT | _license("L-1001", today - timedelta(days=10)) | protected_key,
        _PETROV | _MEBEL | _license("L-1002", today + timedelta(days=30)) | protected_key,
        _SOFIA
        | _MEBEL
        | _license("L-1003", today, license_end=today + timedelta(days=365))
        | _key("3-7654321", "codemeter"),
        _SIDOROVA
        | _SHKAF
        | _license("L-1004", today - timedelta(days=45), workplaces=2)
        | _key("M-100200", "module"),
        _SIDOROVA | _REPORT | _license("L-1005", _month_before(today)) | _key(),
    ]
    assert all(tuple(row) == COLUMNS for row in rows)
    return rows


def _write_temp_csv(rows: list[dict[str, str]]) -> Path:
    handle, name = tempfile.mkstemp(prefix="demo-", suffix=".csv")
    os.close(handle)
    write_csv(name, rows)
    return Path(name)


async def load_demo(db: Database, *, today: date, now: datetime) -> ImportReport:
    """Import the demo (a second load changes nothing: the import is an upsert).

    Opens its own transactions: never call it inside ``db.unit()``.
    """
    path = await asyncio.to_thread(_write_temp_csv, demo_rows(today))
    try:
        return await import_csv(db, path, now=now, today=today)
    finally:
        await asyncio.to_thread(path.unlink, missing_ok=True)


async def link_demo_customer(
    unit: Unit,
    platform: Platform,
    chat_id: str,
    *,
    language: str,
    now: datetime,
    display_name: str | None = None,
) -> tuple[Account, Customer]:
    """The chat's account (made if new) linked to the demo customer, as a verified phone
    would link it: the console's ``--demo`` and the web desk's demo question both start so.
    A new account is named ``display_name``, else as the customer."""
    customer = await customers.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
    assert customer is not None, "the demo data set has its customer"
    account = await accounts.find(unit, platform, chat_id)
    if account is None:
        account = await accounts.create(
            unit,
            platform,
            chat_id,
            language=language,
            display_name=display_name or customer.name,
            now=now,
        )
    if account.customer_id != customer.id:
        await accounts.link_customer(unit, account.id, customer.id, method="demo")
    return account, customer
