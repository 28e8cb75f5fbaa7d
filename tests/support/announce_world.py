"""A generated portfolio for the announcement tests: thousands of customers, licenses, keys
and messenger accounts written straight into SQLite (fast), on a fixed pattern whose
counts the tests state, plus the same data as plain rows for an independent count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from storage.db import Database

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
LANGUAGES = ("ru", "en", "bg")
#: Product ids and codes of the portfolio.
PRODUCTS = {1: "CAD", 2: "ARCH", 3: "EST"}


@dataclass(frozen=True, slots=True)
class PortfolioAccount:
    id: int
    platform: str
    language: str
    customer: int | None
    opted_out: bool


@dataclass(frozen=True, slots=True)
class PortfolioLicense:
    id: int
    customer: int
    product: int
    support_end: date
    protected: bool


@dataclass(frozen=True, slots=True)
class Portfolio:
    accounts: list[PortfolioAccount]
    licenses: list[PortfolioLicense]


async def generate_portfolio(
    db: Database, customers: int = 6000, *, unlinked: int = 300
) -> Portfolio:
    """Customer ``i`` (1-based) speaks ``LANGUAGES[(i // 2) % 3]``, has two licenses (products
    ``i % 3 + 1`` and ``(i + 1) % 3 + 1``, support ends spread from 100 days ago to 80 days
    ahead and 90 days ago to 90 ahead), a CodeMeter key carrying the first license when ``i``
    is even (service connected when ``i % 4 == 0``), a Telegram chat unless ``i % 4 == 3``
    and a VK chat when ``i % 5 == 0``; ``unlinked`` chats more belong to nobody (every
    fourth in VK). Every 50th chat opted out of announcements."""
    at = NOW.isoformat()
    accounts: list[PortfolioAccount] = []
    licenses: list[PortfolioLicense] = []
    customer_rows = []
    license_rows = []
    key_rows = []
    key_license_rows = []
    for i in range(1, customers + 1):
        language = LANGUAGES[(i // 2) % 3]
        customer_rows.append((i, f"Customer {i}", language, at, at))
        ends = (
            TODAY + timedelta(days=((i % 10) - 5) * 20),
            TODAY + timedelta(days=((i % 7) - 3) * 30),
        )
        products = (i % 3 + 1, (i + 1) % 3 + 1)
        for n in (0, 1):
            license_id = 2 * i - 1 + n
            protected = n == 0 and i % 4 == 0
            license_rows.append(
                (license_id, f"L-{license_id}", products[n], i, ends[n].isoformat())
            )
            licenses.append(PortfolioLicense(license_id, i, products[n], ends[n], protected))
        if i % 2 == 0:
            key_rows.append((i, f"CM-{i}", i, int(i % 4 == 0)))
            key_license_rows.append((i, 2 * i - 1))
        chats = [] if i % 4 == 3 else ["telegram"]
        if i % 5 == 0:
            chats.append("vk")
        for platform in chats:
            accounts.append(PortfolioAccount(len(accounts) + 1, platform, language, i, False))
    for n in range(unlinked):
        platform = "vk" if n % 4 == 0 else "telegram"
        accounts.append(
            PortfolioAccount(len(accounts) + 1, platform, LANGUAGES[n % 3], None, False)
        )
    accounts = [
        PortfolioAccount(a.id, a.platform, a.language, a.customer, a.id % 50 == 0) for a in accounts
    ]
    async with db.unit() as unit:
        await unit.begin()
        await unit.executemany(
            "INSERT INTO products (id, code, name, price, support_months, protection) "
            "VALUES (?, ?, ?, '10000.00', 12, 'codemeter')",
            ((pid, code, f"Product {code}") for pid, code in PRODUCTS.items()),
        )
        await unit.executemany(
            "INSERT INTO customers (id, name, language, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            customer_rows,
        )
        await unit.executemany(
            "INSERT INTO licenses (id, number, product_id, customer_id, support_end) "
            "VALUES (?, ?, ?, ?, ?)",
            license_rows,
        )
        await unit.executemany(
            "INSERT INTO keys (id, serial, kind, customer_id, protection_service) "
            "VALUES (?, ?, 'codemeter', ?, ?)",
            key_rows,
        )
        await unit.executemany(
            "INSERT INTO key_licenses (key_id, license_id) VALUES (?, ?)", key_license_rows
        )
        await unit.executemany(
            "INSERT INTO accounts (id, platform, user_id, customer_id, language, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((a.id, a.platform, str(100000 + a.id), a.customer, a.language, at) for a in accounts),
        )
        await unit.executemany(
            "INSERT INTO announcement_optouts (account_id, at) VALUES (?, ?)",
            ((a.id, at) for a in accounts if a.opted_out),
        )
    return Portfolio(accounts, licenses)
