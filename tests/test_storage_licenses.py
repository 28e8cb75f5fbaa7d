"""Licenses and the read model a renewal quote is computed from."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from storage import keys, licenses, products
from storage.db import Database
from storage.demo import load_demo
from storage.models import KeyStatus, Protection

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


@pytest.fixture
async def demo(db: Database) -> AsyncIterator[Database]:
    report = await load_demo(db, today=TODAY, now=NOW)
    assert report.ok, report.errors
    yield db


async def test_view_carries_product_price_owner_and_protection(demo: Database) -> None:
    async with demo.unit() as unit:
        lic = await licenses.by_number(unit, "L-1001")
        assert lic is not None
        view = await licenses.view(unit, lic.id)
    assert view is not None
    assert view.number == "L-1001"
    assert view.support_end == TODAY - timedelta(days=10)
    assert (view.product_code, view.product_name) == ("BZ-REPORT", "Базис-Отчёт")
    assert view.product_price == Decimal("7990")
    assert view.support_months == 6
    assert view.product_protection is Protection.CODEMETER
    assert view.protection_service is True
    assert view.resident is True
    assert view.key_serials == ("3-1234567",)
    assert view.license == lic


async def test_protection_flag_only_for_an_active_codemeter_key_with_the_service(
    demo: Database,
) -> None:
    flags: dict[str, bool] = {}
    async with demo.unit() as unit:
        for number in ("L-1003", "L-1004", "L-1005"):  # no service, a module, no key
            lic = await licenses.by_number(unit, number)
            assert lic is not None
            view = await licenses.view(unit, lic.id)
            assert view is not None
            flags[number] = view.protection_service
    assert flags == {"L-1003": False, "L-1004": False, "L-1005": False}


async def test_a_lost_key_no_longer_protects_its_licenses(demo: Database) -> None:
    async with demo.unit() as unit:
        key = await keys.by_serial(unit, "3-1234567")
        assert key is not None
        await keys.set_status(unit, key.id, KeyStatus.LOST, NOW)
    async with demo.unit() as unit:
        views = await licenses.views_of_customer(unit, key.customer_id)
    assert {view.number: view.protection_service for view in views} == {
        "L-1001": False,
        "L-1002": False,
    }


async def test_views_of_customer_lists_only_their_licenses_ending_first_on_top(
    demo: Database,
) -> None:
    async with demo.unit() as unit:
        lic = await licenses.by_number(unit, "L-1004")
        assert lic is not None
        views = await licenses.views_of_customer(unit, lic.customer_id)
        unknown = await licenses.views_of_customer(unit, 999)
    assert [view.number for view in views] == ["L-1004", "L-1005"]
    assert all(view.customer_id == lic.customer_id for view in views)
    assert views[0].workplaces == 2
    assert unknown == []


async def test_non_resident_and_subscription_are_visible(demo: Database) -> None:
    async with demo.unit() as unit:
        lic = await licenses.by_number(unit, "L-1003")
        assert lic is not None
        view = await licenses.view(unit, lic.id)
    assert view is not None
    assert view.resident is False
    assert view.subscription is True
    assert view.license_end == TODAY + timedelta(days=365)


async def test_views_by_support_end_window(demo: Database) -> None:
    async with demo.unit() as unit:
        views = await licenses.views_by_support_end(unit, TODAY - timedelta(days=10), TODAY)
    assert [view.number for view in views] == ["L-1001", "L-1003"]


async def test_unknown_license_and_product(demo: Database) -> None:
    async with demo.unit() as unit:
        assert await licenses.view(unit, 999) is None
        assert await licenses.get(unit, 999) is None
        assert await licenses.by_number(unit, "L-9999") is None
        assert await products.get(unit, 999) is None
        assert await products.by_code(unit, "NOPE") is None


async def test_price_list_is_ordered_by_name(demo: Database) -> None:
    async with demo.unit() as unit:
        price_list = await products.all(unit)
        report = await products.by_code(unit, "BZ-REPORT")
    assert [product.name for product in price_list] == [
        "Базис-Мебельщик",
        "Базис-Отчёт",
        "Базис-Шкаф",
    ]
    assert report is not None and report.price == Decimal("7990")
    assert report.protection is Protection.CODEMETER
