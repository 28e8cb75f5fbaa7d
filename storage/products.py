"""The vendor's products and their current prices (the price list)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from storage.db import Unit
from storage.models import Product, Protection

_COLUMNS = "id, code, name, price, support_months, protection"


def product_from_row(row: sqlite3.Row) -> Product:
    return Product(
        id=row["id"],
        code=row["code"],
        name=row["name"],
        price=Decimal(row["price"]),
        support_months=row["support_months"],
        protection=Protection(row["protection"]),
    )


async def get(unit: Unit, product_id: int) -> Product | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM products WHERE id = ?", (product_id,))
    return product_from_row(row) if row else None


async def by_code(unit: Unit, code: str) -> Product | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM products WHERE code = ?", (code,))
    return product_from_row(row) if row else None


async def all(unit: Unit) -> list[Product]:
    """The whole price list, ordered by product name (shadows ``all`` here, on purpose:
    callers read it as ``products.all(unit)``)."""
    rows = await unit.fetchall(f"SELECT {_COLUMNS} FROM products ORDER BY name, code")
    return [product_from_row(row) for row in rows]
