"""The import and the protection service the managers connected or disconnected through the
bot (docs/rules.md#protection-service): an accounting export that has not caught up does
not silently undo it; the report names the key; a file that agrees hands the value back to
the file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from handlers.desk.import_report import kept_lines, report_text
from handlers.i18n import texts
from storage import keys
from storage.db import Database
from storage.demo import demo_rows, load_demo
from storage.importer import ImportProblem, ImportReport, Problem, import_csv, write_csv
from storage.models import Key

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
PROTECTED = "3-1234567"  # the demo's, with the service, on two rows (L-1001, L-1002)
PLAIN = "3-7654321"  # the demo's, without it (L-1003)


async def stored_key(db: Database, serial: str) -> tuple[Key, date | None]:
    async with db.unit() as unit:
        key = await keys.by_serial(unit, serial)
        row = await unit.fetchone("SELECT protection_desk_on FROM keys WHERE serial = ?", (serial,))
    assert key is not None and row is not None
    mark = row["protection_desk_on"]
    return key, date.fromisoformat(mark) if mark else None


async def reimport(db: Database, tmp_path: Path, **changes: dict[str, str]) -> ImportReport:
    """The demo file again, with ``changes`` per key serial."""
    rows = [row | changes.get(row["key_serial"], {}) for row in demo_rows(TODAY)]
    path = tmp_path / "again.csv"
    write_csv(path, rows)
    return await import_csv(db, path, now=NOW)


async def test_a_service_connected_by_a_manager_is_kept_until_the_file_says_yes(
    db: Database, tmp_path: Path
) -> None:
    assert (await load_demo(db, today=TODAY, now=NOW)).ok
    connected_on = TODAY + timedelta(days=2)
    plain, _ = await stored_key(db, PLAIN)
    async with db.unit() as unit:
        assert await keys.connect_by_desk(
            unit, plain.id, connected_on, connected_on + timedelta(days=30)
        )

    # The export still says "no": the key stays connected, the report says why.
    report = await reimport(db, tmp_path)
    assert report.ok and report.updated["keys"] == 0
    key, mark = await stored_key(db, PLAIN)
    assert key.protection_service and mark == connected_on
    assert key.protection_connected_on == connected_on
    assert key.programmed_until == connected_on + timedelta(days=30)
    assert report.kept == [
        ImportProblem(
            line=4,
            code=Problem.SERVICE_KEPT,
            column="protection_service",
            values={"serial": PLAIN, "on": connected_on, "change": "connected"},
        )
    ]
    ru = texts("ru")
    text = report_text(ru, "again.csv", report)
    assert text.endswith(
        "Услуга защиты оставлена как есть у 1 ключа: её изменили менеджеры через бота, а в "
        "файле пока иначе:\n"
        "строка 4: protection_service: услугу защиты ключа 3-7654321 менеджеры подключили "
        "через бота 25.11.2026; в файле иначе, поэтому услуга оставлена как есть, пока файл "
        "с этим не совпадёт"
    ), text
    assert kept_lines(texts("en"), report)[1].startswith(
        "line 4: protection_service: the managers connected the protection service of key "
        "3-7654321 through the bot on 25 Nov 2026"
    )

    # The accounting caught up ("yes"): from then on the file rules again.
    caught_up = await reimport(db, tmp_path, **{PLAIN: {"protection_service": "да"}})
    assert caught_up.ok and caught_up.kept == []
    key, mark = await stored_key(db, PLAIN)
    assert key.protection_service and mark is None
    later = await reimport(db, tmp_path)  # "no" now means no
    assert later.kept == []
    key, mark = await stored_key(db, PLAIN)
    assert not key.protection_service and mark is None


async def test_a_service_disconnected_by_a_manager_stays_off_until_connected_again(
    db: Database, tmp_path: Path
) -> None:
    assert (await load_demo(db, today=TODAY, now=NOW)).ok
    protected, _ = await stored_key(db, PROTECTED)
    async with db.unit() as unit:
        assert await keys.disconnect_by_desk(unit, protected.id, TODAY)

    # Two rows name the key (two licenses), both still "yes" with the old connection
    # date: kept off, noted once, no contradiction between the rows.
    report = await reimport(db, tmp_path)
    assert report.ok, report.errors
    assert [(p.line, p.values["change"]) for p in report.kept] == [(2, "disconnected")]
    key, mark = await stored_key(db, PROTECTED)
    assert not key.protection_service and mark == TODAY
    assert key.protection_disconnected_on == TODAY

    # Paid again in the accounting: "yes" connected on or after that day connects it.
    again = TODAY + timedelta(days=3)
    report = await reimport(
        db,
        tmp_path,
        **{PROTECTED: {"protection_connected_on": again.isoformat()}},
    )
    assert report.ok and report.kept == []
    key, mark = await stored_key(db, PROTECTED)
    assert key.protection_service and mark is None
    assert key.protection_connected_on == again


async def test_the_monthly_run_disconnecting_a_key_clears_the_managers_mark(
    db: Database,
) -> None:
    assert (await load_demo(db, today=TODAY, now=NOW)).ok
    plain, _ = await stored_key(db, PLAIN)
    async with db.unit() as unit:
        await keys.connect_by_desk(unit, plain.id, TODAY, TODAY + timedelta(days=30))
        await keys.set_protection_disconnected(unit, [plain.id], date(2027, 2, 1))
    key, mark = await stored_key(db, PLAIN)
    assert not key.protection_service and mark is None
