"""Licenses, and the read model a renewal quote needs (:class:`LicenseView`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from storage.columns import date_from_db, date_to_db
from storage.db import Unit
from storage.models import License, Protection

_COLUMNS = (
    "l.id, l.number, l.product_id, l.customer_id, l.workplaces, l.support_end, "
    "l.license_end, l.subscription"
)


def license_from_row(row: sqlite3.Row) -> License:
    support_end = date_from_db(row["support_end"])
    assert support_end is not None
    return License(
        id=row["id"],
        number=row["number"],
        product_id=row["product_id"],
        customer_id=row["customer_id"],
        workplaces=row["workplaces"],
        support_end=support_end,
        license_end=date_from_db(row["license_end"]),
        subscription=bool(row["subscription"]),
    )


async def get(unit: Unit, license_id: int) -> License | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM licenses l WHERE l.id = ?", (license_id,))
    return license_from_row(row) if row else None


async def by_number(unit: Unit, number: str) -> License | None:
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM licenses l WHERE l.number = ?", (number.strip(),)
    )
    return license_from_row(row) if row else None


async def of_customer(unit: Unit, customer_id: int) -> list[License]:
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM licenses l WHERE l.customer_id = ? ORDER BY l.number",
        (customer_id,),
    )
    return [license_from_row(row) for row in rows]


@dataclass(frozen=True, slots=True)
class LicenseView:
    """A license with everything a renewal quote or reminder shows, read in one query."""

    id: int
    number: str
    customer_id: int
    workplaces: int
    support_end: date
    license_end: date | None
    subscription: bool
    product_id: int
    product_code: str
    product_name: str
    product_price: Decimal
    support_months: int
    product_protection: Protection
    protection_service: bool
    """An active CodeMeter key bound to the license has the additional protection service."""
    resident: bool
    """The owner is a resident of the Russian Federation (prices of the service differ)."""
    key_serials: tuple[str, ...]
    """Serials of the keys the license is bound to, sorted."""

    @property
    def license(self) -> License:
        return License(
            id=self.id,
            number=self.number,
            product_id=self.product_id,
            customer_id=self.customer_id,
            workplaces=self.workplaces,
            support_end=self.support_end,
            license_end=self.license_end,
            subscription=self.subscription,
        )


_SEPARATOR = "\x1f"
_VIEW_SELECT = f"""
SELECT {_COLUMNS},
       p.code AS product_code, p.name AS product_name, p.price AS product_price,
       p.support_months, p.protection AS product_protection,
       c.resident,
       COALESCE(MAX(k.kind = 'codemeter' AND k.status = 'active'
                    AND k.protection_service = 1), 0) AS protection_service,
       group_concat(k.serial, '{_SEPARATOR}') AS key_serials
FROM licenses l
JOIN products p ON p.id = l.product_id
JOIN customers c ON c.id = l.customer_id
LEFT JOIN key_licenses kl ON kl.license_id = l.id
LEFT JOIN keys k ON k.id = kl.key_id
"""


def license_view_from_row(row: sqlite3.Row) -> LicenseView:
    lic = license_from_row(row)
    serials = row["key_serials"]
    return LicenseView(
        id=lic.id,
        number=lic.number,
        customer_id=lic.customer_id,
        workplaces=lic.workplaces,
        support_end=lic.support_end,
        license_end=lic.license_end,
        subscription=lic.subscription,
        product_id=lic.product_id,
        product_code=row["product_code"],
        product_name=row["product_name"],
        product_price=Decimal(row["product_price"]),
        support_months=row["support_months"],
        product_protection=Protection(row["product_protection"]),
        protection_service=bool(row["protection_service"]),
        resident=bool(row["resident"]),
        key_serials=tuple(sorted(serials.split(_SEPARATOR))) if serials else (),
    )


async def view(unit: Unit, license_id: int) -> LicenseView | None:
    row = await unit.fetchone(f"{_VIEW_SELECT} WHERE l.id = ? GROUP BY l.id", (license_id,))
    return license_view_from_row(row) if row else None


async def views_of_customer(unit: Unit, customer_id: int) -> list[LicenseView]:
    """The customer's licenses, ordered by support end (the one ending first on top)."""
    rows = await unit.fetchall(
        f"{_VIEW_SELECT} WHERE l.customer_id = ? GROUP BY l.id ORDER BY l.support_end, l.number",
        (customer_id,),
    )
    return [license_view_from_row(row) for row in rows]


async def views_by_ids(unit: Unit, license_ids: Iterable[int]) -> list[LicenseView]:
    """The licenses with these ids, by support end then id (ids go as one JSON array, so
    any number of them fits in one query)."""
    rows = await unit.fetchall(
        f"{_VIEW_SELECT} WHERE l.id IN (SELECT value FROM json_each(?)) GROUP BY l.id "
        "ORDER BY l.support_end, l.id",
        (json.dumps(sorted(set(license_ids))),),
        heavy=True,
    )
    return [license_view_from_row(row) for row in rows]


async def views_by_support_end(unit: Unit, first: date, last: date) -> list[LicenseView]:
    """Licenses whose support ends in ``first..last`` (inclusive): the reminder job's input."""
    rows = await unit.fetchall(
        f"{_VIEW_SELECT} WHERE l.support_end BETWEEN ? AND ? GROUP BY l.id "
        "ORDER BY l.support_end, l.id",
        (date_to_db(first), date_to_db(last)),
        heavy=True,
    )
    return [license_view_from_row(row) for row in rows]
