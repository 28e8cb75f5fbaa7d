"""The monthly key-renewal run (docs/rules.md#the-monthly-key-run): 1 January and a Sunday,
once per month, lost keys left out, disconnection after E + 14, the batch file, owners and
managers told, an interrupted run resumed, a second process changing nothing."""

from __future__ import annotations

import asyncio
import csv
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from handlers.desk.manager_desk import Destination, ManagerDesk
from handlers.policy import Policy
from scheduler import jobs, key_run
from storage import keys, renewal_batches
from storage.db import Database
from storage.models import KeyStatus, Platform
from tests.support.scheduler_world import (
    Person,
    count,
    key_of,
    last_outbox_id,
    license_row,
    link,
    load,
    local,
    outbox_rows,
)

DESK = ManagerDesk(
    (
        Destination(Platform.TELEGRAM, "-1001", "ru"),
        Destination(Platform.VK, "77", "en"),
    )
)
RUN = date(2027, 1, 1)  # a Friday and a public holiday in Russia
PETROV = Person("Иван Петров", "+79990001122", company="ООО «Мебель-Про»")
SOFIA = Person("Georgi Ivanov", "+359888123456", "en", resident=False, company="Sofia EOOD")
SIDOROVA = Person("Анна Сидорова", "+79990003344")


def portfolio(run: date) -> list[dict[str, str]]:
    return [
        # prolonged: support runs past the run date
        license_row(PETROV, "MEBEL", "L-1", run + timedelta(days=90), key="3-100", service=True),
        # a key with two licenses takes the latest support end: prolonged
        license_row(PETROV, "REPORT", "L-2", run - timedelta(days=40), key="3-200", service=True),
        license_row(PETROV, "MEBEL", "L-3", run, key="3-200", service=True),
        # support ended 14 days before the run: left out, service kept
        license_row(SOFIA, "REPORT", "L-4", run - timedelta(days=14), key="3-400", service=True),
        # support ended 15 days before the run: service disconnected
        license_row(SOFIA, "MEBEL", "L-5", run - timedelta(days=15), key="3-500", service=True),
        # will be reported lost on the 15th
        license_row(
            SIDOROVA, "REPORT", "L-6", run + timedelta(days=200), key="3-600", service=True
        ),
        # not in the run at all: no service, and a protection module
        license_row(SIDOROVA, "MEBEL", "L-7", run + timedelta(days=200), key="3-700"),
        license_row(
            SIDOROVA, "SHKAF", "L-8", run + timedelta(days=200), key="M-800", key_kind="module"
        ),
    ]


@pytest.fixture
async def world(db: Database) -> dict[str, int]:
    await load(db, portfolio(RUN), datetime(2026, 12, 1, tzinfo=UTC))
    return {
        "petrov": await link(db, PETROV, "101"),
        "sofia": await link(db, SOFIA, "201"),
        "sidorova": await link(db, SIDOROVA, "301", platform=Platform.VK),
    }


async def report_lost(db: Database, serial: str, when: datetime) -> None:
    key = await key_of(db, serial)
    async with db.unit() as unit:
        await keys.set_status(unit, key.id, KeyStatus.LOST, when)


def read_batch(path: str | Path) -> list[list[str]]:
    raw = Path(path).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


async def test_the_run_on_1_january_prolongs_leaves_out_and_disconnects(
    db: Database, policy: Policy, world: dict[str, int], tmp_path: Path
) -> None:
    await report_lost(db, "3-600", local(date(2026, 12, 15), 11, 0, policy))
    now = local(RUN, 0, 5, policy)
    result = await jobs.run_renewals(db, policy, DESK, now, batch_dir=tmp_path / "renewals")

    assert (result.month, result.run_date, result.status) == ("2027-01", RUN, "done")
    assert (result.prolonged, result.left_out, result.disconnected, result.excluded) == (2, 1, 1, 1)
    until = RUN + timedelta(days=30)
    assert result.file_path == str((tmp_path / "renewals" / "renewals-2027-01.csv").resolve())
    assert read_batch(result.file_path) == [
        ["serial", "customer", "programmed_until"],
        ["3-100", "Иван Петров (ООО «Мебель-Про»)", until.isoformat()],
        ["3-200", "Иван Петров (ООО «Мебель-Про»)", until.isoformat()],
    ]
    prolonged, left_out = await key_of(db, "3-100"), await key_of(db, "3-400")
    disconnected, lost = await key_of(db, "3-500"), await key_of(db, "3-600")
    assert prolonged.programmed_until == until
    assert left_out.protection_service and left_out.programmed_until is None
    assert not disconnected.protection_service
    assert disconnected.protection_disconnected_on == RUN
    assert lost.programmed_until is None

    messages = {m["chat_id"]: m for m in await outbox_rows(db, prefix="keyrun:")}
    petrov, sofia, sidorova = messages["101"], messages["201"], messages["301"]
    assert "• ключ 3-100: продлён, работает до 31.01.2027." in petrov["text"]
    assert "• ключ 3-200: продлён" in petrov["text"]
    assert "3-400: not prolonged, technical support ended on 18 Dec 2026" in sofia["text"]
    assert "Renew support by 1 Jan 2027" in sofia["text"]
    assert "3-500: the protection service is disconnected" in sofia["text"]
    assert "RUB\u00a03,500" in sofia["text"]  # the non-resident's reconnection price
    assert "3-600: не продлён, он отмечен как утерянный" in sidorova["text"]
    assert sidorova["platform"] == "vk"
    assert "3-700" not in sidorova["text"] and "M-800" not in sidorova["text"]

    summary_ru, summary_en = messages["-1001"], messages["77"]
    assert summary_ru["document"] == result.file_path == summary_en["document"]
    assert "• продлено до 31.01.2027: 2" in summary_ru["text"]
    assert "• protection service disconnected: 1" in summary_en["text"]
    assert Path(result.file_path or "").name in summary_en["text"]
    assert "nothing to do" not in str(result) and "prolonged 2" in str(result)


async def test_a_vendor_without_renewals_points_the_owner_to_a_manager(
    db: Database, policy: Policy, world: dict[str, int], tmp_path: Path
) -> None:
    """BAZIS quotes no renewals: "renew support by D" comes with a manager's button, not
    a quote button that would lead nowhere."""
    bazis = policy.model_copy(
        update={"services": policy.services.model_copy(update={"renewal": False})}
    )
    now = local(RUN, 0, 5, bazis)
    await jobs.run_renewals(db, bazis, DESK, now, batch_dir=tmp_path / "renewals")
    sofia = {m["chat_id"]: m for m in await outbox_rows(db, prefix="keyrun:")}["201"]
    assert json.loads(sofia["buttons"]) == [[["Contact a manager", "1:go:manager_contact"]]]


async def test_a_vendor_without_the_protection_service_has_no_key_run(
    db: Database, policy: Policy, world: dict[str, int], tmp_path: Path
) -> None:
    csoft = policy.model_copy(
        update={"services": policy.services.model_copy(update={"protection": False})}
    )
    with pytest.raises(jobs.JobRefused) as refused:
        await jobs.run_renewals(db, csoft, DESK, local(RUN, 0, 5, csoft), batch_dir=tmp_path)
    assert refused.value.reason == "no_protection"
    assert await outbox_rows(db, prefix="keyrun:") == []


async def test_a_second_run_in_the_same_month_changes_nothing(
    db: Database, policy: Policy, world: dict[str, int], tmp_path: Path
) -> None:
    batch_dir = tmp_path / "renewals"
    first = await jobs.run_renewals(db, policy, DESK, local(RUN, 0, 5, policy), batch_dir=batch_dir)
    content = Path(first.file_path or "").read_bytes()
    outbox_before, keys_before = await last_outbox_id(db), await count(db, "renewal_batch_keys")
    states = [await key_of(db, serial) for serial in ("3-100", "3-400", "3-500")]

    later = local(RUN + timedelta(days=20), 15, 0, policy)
    again = await jobs.run_renewals(db, policy, DESK, later, batch_dir=batch_dir)

    assert again.nothing_to_do and "nothing to do" in str(again)
    assert (again.prolonged, again.file_path) == (3, first.file_path)
    assert await last_outbox_id(db) == outbox_before
    assert await count(db, "renewal_batch_keys") == keys_before
    assert [await key_of(db, serial) for serial in ("3-100", "3-400", "3-500")] == states
    assert Path(first.file_path or "").read_bytes() == content


async def test_the_run_on_a_sunday_and_a_key_lost_on_the_15th_is_absent_next_month(
    db: Database, policy: Policy, world: dict[str, int], tmp_path: Path
) -> None:
    batch_dir = tmp_path / "renewals"
    sunday = date(2026, 11, 1)
    assert sunday.isoweekday() == 7
    november = await jobs.run_renewals(
        db, policy, DESK, local(sunday, 0, 5, policy), batch_dir=batch_dir
    )
    assert november.run_date == sunday and november.status == "done"
    assert "3-600" in Path(november.file_path or "").read_text("utf-8")

    await report_lost(db, "3-600", local(date(2026, 11, 15), 12, 0, policy))
    before = await last_outbox_id(db)
    december = await jobs.run_renewals(
        db, policy, DESK, local(date(2026, 12, 1), 0, 5, policy), batch_dir=batch_dir
    )
    assert "3-600" not in Path(december.file_path or "").read_text("utf-8")
    assert (await key_of(db, "3-600")).programmed_until == date(2026, 12, 1)  # from November
    told = [
        m for m in await outbox_rows(db, after=before, prefix="keyrun:") if m["chat_id"] == "301"
    ]
    assert len(told) == 1 and "утерянный" in told[0]["text"]

    before = await last_outbox_id(db)
    await jobs.run_renewals(db, policy, DESK, local(RUN, 0, 5, policy), batch_dir=batch_dir)
    told = [
        m for m in await outbox_rows(db, after=before, prefix="keyrun:") if m["chat_id"] == "301"
    ]
    assert told == []  # told once, in the first run after the report


async def test_disconnection_comes_with_the_first_run_after_e_plus_14(
    db: Database, policy: Policy, world: dict[str, int], tmp_path: Path
) -> None:
    batch_dir = tmp_path / "renewals"
    await jobs.run_renewals(db, policy, DESK, local(RUN, 0, 5, policy), batch_dir=batch_dir)
    assert (await key_of(db, "3-400")).protection_service  # E + 14 on the run date: kept
    february = await jobs.run_renewals(
        db, policy, DESK, local(date(2027, 2, 1), 0, 5, policy), batch_dir=batch_dir
    )
    key = await key_of(db, "3-400")
    assert not key.protection_service and key.protection_disconnected_on == date(2027, 2, 1)
    # 3-400 (E + 45) and 3-200 (its latest support end is the January run date); 3-500
    # was disconnected in January and takes no part in runs any more.
    assert february.disconnected == 2
    async with db.unit() as unit:
        logged = await renewal_batches.keys_of_month(unit, "2027-02")
    both = {key.id, (await key_of(db, "3-200")).id}
    assert {k for k, v in logged.items() if v.outcome == "disconnected"} == both
    assert (await key_of(db, "3-500")).id not in logged


async def test_an_interrupted_run_is_resumed_without_doing_anything_twice(
    db: Database,
    policy: Policy,
    world: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch_dir = tmp_path / "renewals"

    def disk_full(*args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(key_run, "write_batch_file", disk_full)
    with pytest.raises(OSError):
        await jobs.run_renewals(db, policy, DESK, local(RUN, 0, 5, policy), batch_dir=batch_dir)
    async with db.unit() as unit:
        batch = await renewal_batches.get(unit, "2027-01")
    assert batch is not None and batch.finished_at is None
    owners = await outbox_rows(db, prefix="keyrun:")
    assert {m["chat_id"] for m in owners} == {"101", "201", "301"}  # committed with the keys

    monkeypatch.undo()
    resumed = await jobs.run_renewals(
        db, policy, DESK, local(RUN, 1, 0, policy), batch_dir=batch_dir
    )
    assert resumed.status == "resumed" and resumed.owner_messages == 0
    assert (resumed.prolonged, resumed.disconnected) == (3, 1)
    assert len(read_batch(resumed.file_path or "")) == 1 + 3
    after = await outbox_rows(db, prefix="keyrun:")
    assert len(after) == len(owners) + len(DESK.destinations)  # only the summaries added
    assert (
        await jobs.run_renewals(db, policy, DESK, local(RUN, 2, 0, policy), batch_dir=batch_dir)
    ).nothing_to_do


async def test_a_second_process_running_at_the_same_time_changes_nothing(
    db: Database, policy: Policy, world: dict[str, int], tmp_path: Path
) -> None:
    other = await Database.open(db.path)
    try:
        now = local(RUN, 0, 5, policy)
        results = await asyncio.gather(
            jobs.run_renewals(db, policy, DESK, now, batch_dir=tmp_path / "a"),
            jobs.run_renewals(other, policy, DESK, now, batch_dir=tmp_path / "b"),
        )
    finally:
        await other.close()
    statuses = sorted(result.status for result in results)
    # Which process does the work depends on scheduling: one runs it, or one starts and
    # the other (seeing an unfinished batch) completes it; the database is the same.
    assert statuses in (
        ["already_done", "done"],
        ["done", "resumed"],
        ["already_done", "resumed"],
    )
    assert await count(db, "renewal_batches") == 1
    assert await count(db, "renewal_batch_keys") == 5
    summaries = [m for m in await outbox_rows(db, prefix="keyrun:") if "summary" in m["dedupe_key"]]
    assert len(summaries) == len(DESK.destinations)


@pytest.mark.parametrize(
    ("month", "reason"),
    [("2027-02", "not yet come"), ("2026-10", "not the latest run month")],
)
async def test_a_future_month_or_a_past_month_never_started_is_refused(
    db: Database,
    policy: Policy,
    world: dict[str, int],
    tmp_path: Path,
    month: str,
    reason: str,
) -> None:
    with pytest.raises(jobs.JobRefused, match=reason):
        await jobs.run_renewals(
            db, policy, DESK, local(RUN, 12, 0, policy), batch_dir=tmp_path, month=month
        )
    assert await count(db, "renewal_batches") == 0
    assert (await key_of(db, "3-100")).programmed_until is None


# -- a renewal paid too late (docs/rules.md#the-monthly-key-run) ----------------------------

LATE = Person("Олег Поздний", "+79990009900")
END = date(2026, 12, 10)  # E of key 3-900: E + 14 is 24 December


def day_after_end(n: int) -> date:
    return END + timedelta(days=n)


@pytest.mark.parametrize(
    ("imported_on", "paid_on", "daily", "kept"),
    [
        pytest.param(day_after_end(-3), None, True, True, id="paid-before-the-end"),
        pytest.param(day_after_end(14), None, True, True, id="first-seen-on-the-14th-day"),
        pytest.param(day_after_end(15), None, True, False, id="first-seen-on-the-15th-day"),
        # Imported months apart without the column: the payment may have come on time, so
        # the customer keeps the service (an import made late must not make it late).
        pytest.param(day_after_end(15), None, False, True, id="first-seen-late-unknown-day"),
        pytest.param(day_after_end(20), day_after_end(14), False, True, id="paid-on-the-14th-day"),
        pytest.param(day_after_end(16), day_after_end(15), False, False, id="paid-on-the-15th"),
    ],
)
async def test_a_renewal_paid_later_than_e_plus_14_does_not_keep_the_service(
    db: Database,
    policy: Policy,
    tmp_path: Path,
    imported_on: date,
    paid_on: date | None,
    daily: bool,
    kept: bool,
) -> None:
    """Support of key 3-900 ends on 10 December and is renewed for a year. Paid by the 24th
    the service goes on; paid later, the January run disconnects it although the new
    support end lies a year ahead and the file reached the bot before the run. Without
    ``support_paid_on`` the payment counts from the day after the previous import
    (``daily``: the vendor imported the old end the day before)."""
    old = license_row(LATE, "REPORT", "L-90", END, key="3-900", service=True)
    await load(db, [old], datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    if daily:
        await load(db, [old], local(imported_on - timedelta(days=1), 9, 0, policy))
    await link(db, LATE, "901")
    renewed = license_row(LATE, "REPORT", "L-90", date(2027, 12, 10), key="3-900", service=True)
    renewed["support_paid_on"] = paid_on.isoformat() if paid_on else ""
    await load(db, [renewed], local(imported_on, 9, 0, policy))

    result = await jobs.run_renewals(
        db, policy, DESK, local(RUN, 0, 5, policy), batch_dir=tmp_path / "renewals"
    )
    key = await key_of(db, "3-900")
    (told,) = [m for m in await outbox_rows(db, prefix="keyrun:") if m["chat_id"] == "901"]
    if kept:
        assert (result.prolonged, result.disconnected) == (1, 0)
        assert key.protection_service and key.programmed_until == date(2027, 1, 31)
        assert "• ключ 3-900: продлён, работает до 31.01.2027." in told["text"]
        return
    assert (result.prolonged, result.disconnected) == (0, 1)
    assert not key.protection_service and key.protection_disconnected_on == RUN
    assert "3-900" not in Path(result.file_path or "").read_text("utf-8")
    assert (
        "• ключ 3-900: услуга защиты отключена, поддержка не была продлена до 24.12.2026. "
        "Повторное подключение стоит 2\u00a0500\u00a0₽." in told["text"]
    )

    # The next export still says "yes": the service stays off, February leaves the key out.
    await load(db, [renewed], local(date(2027, 1, 15), 9, 0, policy))
    assert not (await key_of(db, "3-900")).protection_service
    february = await jobs.run_renewals(
        db, policy, DESK, local(date(2027, 2, 1), 0, 5, policy), batch_dir=tmp_path / "renewals"
    )
    assert (february.prolonged, february.disconnected, february.left_out) == (0, 0, 0)


async def test_a_run_caught_up_after_the_deadline_disconnects_instead_of_naming_a_past_day(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    """The bot was down on 1 January and catches up on the 20th: support of 3-901 ended on
    25 December, so E + 14 (8 January) has passed; the owner is not told to renew by it."""
    await load(
        db,
        [license_row(LATE, "REPORT", "L-91", date(2026, 12, 25), key="3-901", service=True)],
        datetime(2026, 6, 1, 9, 0, tzinfo=UTC),
    )
    await link(db, LATE, "901")
    late_start = local(date(2027, 1, 20), 8, 0, policy)
    result = await jobs.run_renewals(db, policy, DESK, late_start, batch_dir=tmp_path)
    assert (result.run_date, result.disconnected, result.left_out) == (RUN, 1, 0)
    key = await key_of(db, "3-901")
    assert not key.protection_service and key.protection_disconnected_on == date(2027, 1, 20)
    (told,) = [m for m in await outbox_rows(db, prefix="keyrun:") if m["chat_id"] == "901"]
    assert "поддержка не была продлена до 08.01.2027" in told["text"]
    assert "Продлите поддержку до" not in told["text"]
