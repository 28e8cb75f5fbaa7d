"""A small world for scheduler tests: customers, licenses and keys loaded through the real
importer, linked messenger accounts, and readers of what the jobs queued."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from handlers.policy import Policy
from storage import accounts, customers, keys, licenses
from storage.db import Database
from storage.importer import COLUMNS, import_csv, write_csv
from storage.models import Platform

PRODUCTS = {
    "REPORT": {"product_name": "Базис-Отчёт", "product_price": "7990", "protection": "codemeter"},
    "MEBEL": {
        "product_name": "Базис-Мебельщик",
        "product_price": "52000",
        "protection": "codemeter",
    },
    "SHKAF": {"product_name": "Базис-Шкаф", "product_price": "18500", "protection": "module"},
}


@dataclass(frozen=True)
class Person:
    name: str
    phone: str
    language: str = "ru"
    resident: bool = True
    company: str = ""


def license_row(
    person: Person,
    product: str,
    number: str,
    support_end: date,
    *,
    key: str = "",
    key_kind: str = "codemeter",
    service: bool = False,
) -> dict[str, str]:
    info = PRODUCTS[product]
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        customer_name=person.name,
        company=person.company,
        phone=person.phone,
        resident="да" if person.resident else "нет",
        language=person.language,
        product_code=f"BZ-{product}",
        product_name=info["product_name"],
        product_price=info["product_price"],
        support_months="6",
        product_protection=info["protection"],
        license_number=number,
        workplaces="1",
        support_end=support_end.isoformat(),
        subscription="нет",
    )
    if key:
        row.update(
            key_serial=key,
            key_kind=key_kind,
            protection_service="да" if service else "нет",
            protection_connected_on="2026-01-10" if service else "",
        )
    return row


async def load(db: Database, rows: list[dict[str, str]], now: datetime) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "portfolio.csv"
        write_csv(path, rows)
        report = await import_csv(db, path, now=now)
    assert report.ok, report.errors


async def link(
    db: Database,
    person: Person,
    user_id: str,
    *,
    platform: Platform = Platform.TELEGRAM,
    language: str | None = None,
    muted: bool = False,
    now: datetime = datetime(2026, 1, 1, tzinfo=UTC),
) -> int:
    """A messenger account linked to ``person``'s customer; returns the account id."""
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, person.phone)
        assert customer is not None
        account = await accounts.create(
            unit,
            platform,
            user_id,
            language=language or person.language,
            display_name=person.name,
            now=now,
        )
        await accounts.link_customer(unit, account.id, customer.id, method="phone")
        if muted:
            await accounts.set_reminders_muted(unit, account.id, True)
    return account.id


def local(day: date, hour: int, minute: int, policy: Policy) -> datetime:
    """``day`` at ``hour:minute`` in the vendor's time zone, as aware UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=policy.tz).astimezone(UTC)


async def outbox_rows(db: Database, *, after: int = 0, prefix: str = "") -> list[dict[str, Any]]:
    """Outbox rows with id > ``after`` whose dedupe key starts with ``prefix`` (any key
    when empty), oldest first."""
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT id, platform, chat_id, text, buttons, document, dedupe_key, request_id "
            "FROM outbox WHERE id > ? AND (? = '' OR substr(dedupe_key, 1, length(?)) = ?) "
            "ORDER BY id",
            (after, prefix, prefix, prefix),
        )
    return [dict(row) for row in rows]


async def last_outbox_id(db: Database) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT COALESCE(MAX(id), 0) FROM outbox")
    assert row is not None
    return int(row[0])


async def count(db: Database, table: str) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone(f"SELECT COUNT(*) FROM {table}")
    assert row is not None
    return int(row[0])


async def license_id(db: Database, number: str) -> int:
    async with db.unit() as unit:
        found = await licenses.by_number(unit, number)
    assert found is not None
    return found.id


async def key_of(db: Database, serial: str) -> Any:
    async with db.unit() as unit:
        return await keys.by_serial(unit, serial)
