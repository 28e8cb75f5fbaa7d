"""Keys: status changes, the monthly run's input and its batch updates."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest

from storage import keys
from storage.db import Database
from storage.demo import load_demo
from storage.models import KeyKind, KeyStatus

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


@pytest.fixture
async def demo(db: Database) -> AsyncIterator[Database]:
    report = await load_demo(db, today=TODAY, now=NOW)
    assert report.ok, report.errors
    yield db


async def test_key_with_two_licenses(demo: Database) -> None:
    async with demo.unit() as unit:
        key = await keys.by_serial(unit, " 3-1234567 ")
        assert key is not None
        on_key = await keys.licenses_of_key(unit, key.id)
        owned = await keys.of_customer(unit, key.customer_id)
    assert key.kind is KeyKind.CODEMETER
    assert key.protection_service is True
    assert key.programmed_until == date(2026, 12, 1)  # the run on Nov 1 + 30 days
    assert [lic.number for lic in on_key] == ["L-1001", "L-1002"]
    assert [k.serial for k in owned] == ["3-1234567"]


async def test_keys_for_run_lists_keys_with_the_service_and_their_latest_support_end(
    demo: Database,
) -> None:
    async with demo.unit() as unit:
        run = await keys.keys_for_run(unit)
    assert len(run) == 1
    key = run[0]
    assert key.serial == "3-1234567"
    assert key.status is KeyStatus.ACTIVE
    assert key.support_end == TODAY + timedelta(days=30)  # L-1002's, later than L-1001's
    assert key.customer_name == "Иван Петров"
    assert key.programmed_until == date(2026, 12, 1)


async def test_reported_loss_is_recorded_and_visible_to_the_run(demo: Database) -> None:
    async with demo.unit() as unit:
        key = await keys.by_serial(unit, "3-1234567")
        assert key is not None
        assert await keys.set_status(unit, key.id, KeyStatus.LOST, NOW) is True
        assert await keys.set_status(unit, 999, KeyStatus.LOST, NOW) is False
    async with demo.unit() as unit:
        again = await keys.get(unit, key.id)
        run = await keys.keys_for_run(unit)
        changed = await unit.fetchone("SELECT status_changed_at FROM keys WHERE id = ?", (key.id,))
    assert again is not None and again.status is KeyStatus.LOST
    assert [k.status for k in run] == [KeyStatus.LOST]
    assert changed is not None and changed[0] == "2026-11-23T07:00:00+00:00"


async def test_prolong_and_disconnect_in_batches(demo: Database) -> None:
    async with demo.unit() as unit:
        protected = await keys.by_serial(unit, "3-1234567")
        plain = await keys.by_serial(unit, "3-7654321")
        assert protected is not None and plain is not None
        await keys.set_programmed_until(unit, [protected.id, plain.id], date(2026, 12, 31))
    async with demo.unit() as unit:
        prolonged = await keys.get(unit, plain.id)
        assert prolonged is not None and prolonged.programmed_until == date(2026, 12, 31)
        await keys.set_protection_disconnected(unit, [protected.id], TODAY)
    async with demo.unit() as unit:
        off = await keys.get(unit, protected.id)
        run = await keys.keys_for_run(unit)
    assert off is not None
    assert off.protection_service is False
    assert off.protection_disconnected_on == TODAY
    assert run == []


async def test_connecting_the_service_only_on_codemeter_keys(demo: Database) -> None:
    async with demo.unit() as unit:
        plain = await keys.by_serial(unit, "3-7654321")
        module = await keys.by_serial(unit, "M-100200")
        assert plain is not None and module is not None
        await keys.set_protection_connected(unit, plain.id, TODAY)
        await keys.set_protection_connected(unit, module.id, TODAY)
    async with demo.unit() as unit:
        plain_after = await keys.get(unit, plain.id)
        module_after = await keys.get(unit, module.id)
    assert plain_after is not None and plain_after.protection_service is True
    assert plain_after.protection_connected_on == TODAY
    assert module_after is not None and module_after.protection_service is False
