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
    assert key.connected_on == TODAY - timedelta(days=180)
    assert key.support == ()  # no license on it seen renewed: no late renewal to weigh

    async with demo.unit() as unit:
        await unit.execute(
            "UPDATE licenses SET previous_support_end = ? WHERE number = 'L-1001'",
            ((TODAY - timedelta(days=40)).isoformat(),),
        )
    async with demo.unit() as unit:
        (renewed,) = await keys.keys_for_run(unit)
    # Every license's support on the key, as first seen by the demo's import today.
    assert [(s.number, s.support_end, s.paid_on, s.previous_end) for s in renewed.support] == [
        ("L-1001", TODAY - timedelta(days=10), TODAY, TODAY - timedelta(days=40)),
        ("L-1002", TODAY + timedelta(days=30), TODAY, None),
    ]


async def test_served_keys_of_licenses_are_the_active_codemeter_keys_that_have_or_had_it(
    demo: Database,
) -> None:
    async with demo.unit() as unit:
        ids = {
            number: (await unit.fetchone("SELECT id FROM licenses WHERE number = ?", (number,)))[
                "id"
            ]
            for number in ("L-1001", "L-1002", "L-1003", "L-1004", "L-1005")
        }
        served = await keys.served_keys_of_licenses(unit, ids.values())
        protected = await keys.by_serial(unit, "3-1234567")
        assert protected is not None
        assert await keys.support_of_key(unit, protected.id) == served[ids["L-1001"]][0].support
        await keys.set_protection_disconnected(unit, [protected.id], TODAY)
    # L-1003's key has no service, L-1004's is a module, L-1005 has no key.
    assert set(served) == {ids["L-1001"], ids["L-1002"]}
    (key,) = served[ids["L-1001"]]
    assert (key.serial, key.connected, [s.number for s in key.support]) == (
        "3-1234567",
        True,
        ["L-1001", "L-1002"],
    )
    async with demo.unit() as unit:
        disconnected = await keys.served_keys_of_licenses(unit, [ids["L-1002"]], heavy=True)
        await keys.set_status(unit, protected.id, KeyStatus.LOST, NOW)
        lost = await keys.served_keys_of_licenses(unit, [ids["L-1002"]])
    assert [k.connected for k in disconnected[ids["L-1002"]]] == [False]  # had it: lapsed
    assert lost == {}  # a lost key's service is no longer the customer's concern


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
