"""The demo data set: loaded through the importer, every case of docs/rules.md present."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from handlers.policy import Policy
from handlers.rules.renewal import renewal_quote
from storage import customers, keys, licenses, products
from storage.db import Database
from storage.demo import demo_rows, load_demo
from storage.importer import COLUMNS

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def test_rows_are_in_the_import_format() -> None:
    rows = demo_rows(date(2026, 11, 23))
    assert all(tuple(row) == COLUMNS for row in rows)
    assert len({row["license_number"] for row in rows}) == len(rows)


@pytest.mark.parametrize("today", [date(2026, 11, 23), date(2027, 1, 5), date(2028, 3, 1)])
async def test_demo_renewal_quotes(db: Database, policy: Policy, today: date) -> None:
    report = await load_demo(db, today=today, now=NOW)
    assert report.ok, report.errors
    quotes = {}
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, "+79990001122")
        sidorova = await customers.find_by_phone(unit, "+79990003344")
        assert petrov is not None and sidorova is not None
        views = await licenses.views_of_customer(unit, petrov.id)
        views += await licenses.views_of_customer(unit, sidorova.id)
        served = await keys.served_keys_of_licenses(unit, [view.id for view in views])
    protection = {}
    for view in views:
        quote = renewal_quote(
            price=view.product_price,
            support_end=view.support_end,
            today=today,
            policy=policy,
            license_number=view.number,
            keys=served.get(view.id, ()),
            resident=view.resident,
        )
        quotes[view.number] = (quote.amount, quote.rate_kind.value)
        protection[view.number] = [(t.serial, t.outlook.value, t.kept_by) for t in quote.protection]
    assert quotes["L-1001"] == (Decimal("1998"), "preferential")  # docs/rules.md#the-worked-example
    # Key 3-1234567 carries L-1001 (ended 10 days ago) and L-1002 (ends in 30 days): the
    # service is the key's, kept by L-1002; L-1002's renewal is what keeps it later.
    assert protection["L-1001"] == [("3-1234567", "kept", ("L-1002",))]
    assert protection["L-1002"] == [("3-1234567", "pay_by", ())]
    assert protection["L-1004"] == protection["L-1005"] == []
    assert quotes["L-1002"] == (Decimal("13000"), "preferential")
    assert quotes["L-1004"] == (Decimal("8325"), "standard")
    assert quotes["L-1005"] == (Decimal("1998"), "preferential")  # last preferential day


async def test_demo_has_products_customers_and_keys_of_every_kind(db: Database) -> None:
    today = date(2026, 11, 23)
    await load_demo(db, today=today, now=NOW)
    second = await load_demo(db, today=today, now=NOW)
    async with db.unit() as unit:
        price_list = {p.code: p.price for p in await products.all(unit)}
        sofia = await customers.find_by_phone(unit, "+359888123456")
        protected = await keys.by_serial(unit, "3-1234567")
        plain = await keys.by_serial(unit, "3-7654321")
        module = await keys.by_serial(unit, "M-100200")
        ends = {}
        for number in ("L-1001", "L-1002", "L-1003", "L-1004", "L-1005"):
            lic = await licenses.by_number(unit, number)
            assert lic is not None
            ends[number] = lic.support_end
    assert sum(second.created.values()) == 0  # loading twice adds nothing
    assert ends == {
        "L-1001": today - timedelta(days=10),
        "L-1002": today + timedelta(days=30),
        "L-1003": today,
        "L-1004": today - timedelta(days=45),
        "L-1005": date(2026, 10, 23),
    }
    assert price_list == {
        "BZ-REPORT": Decimal("7990"),
        "BZ-MEBEL": Decimal("52000"),
        "BZ-SHKAF": Decimal("18500"),
    }
    assert sofia is not None and (sofia.resident, sofia.language) == (False, "bg")
    assert protected is not None and protected.protection_service
    assert protected.programmed_until is not None and protected.programmed_until > today
    assert plain is not None and not plain.protection_service
    assert module is not None and module.kind.value == "module"
