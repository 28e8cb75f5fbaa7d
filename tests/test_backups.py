"""Backups as an operator relies on them: a copy taken while the bot writes is whole and
holds what was committed before it; a restore checks the copy first and refuses a damaged
or too new one without touching anything; a good one comes back database and files; the
daily job keeps BACKUP_KEEP of them and runs at 03:30."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import open_app
from bot.run import backup_plan
from bot.settings import load_settings
from handlers.desk.manager_desk import ManagerDesk
from handlers.policy import Policy
from scheduler.backups import BackupPlan, back_up, run_backup
from scheduler.service import build_scheduler
from storage.backups import (
    DATABASE,
    MANIFEST,
    BackupDamaged,
    BackupError,
    Manifest,
    complete_backups,
    take_backup,
    verify_backup,
)
from storage.db import Database, migration_files
from storage.restore import DatabaseInUse, database_lock, restore_backup
from tests.support.cli import run_bot
from tests.support.scheduler_world import local

NOW = datetime(2026, 12, 5, 21, 0, tzinfo=UTC)
NEWEST = len(migration_files())


async def add_customers(db: Database, names: list[str]) -> None:
    async with db.unit() as unit:
        await unit.executemany(
            "INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)",
            [(name, NOW.isoformat(), NOW.isoformat()) for name in names],
        )


def customer_names(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM customers ORDER BY id")]
    finally:
        conn.close()


def integrity(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def a_files_folder(tmp_path: Path) -> Path:
    files = tmp_path / "files"
    (files / "7").mkdir(parents=True)
    (files / "7" / "a1b2.pdf").write_bytes(b"%PDF-1.4 the customer's letter")
    (files / "exports").mkdir()
    (files / "exports" / "requests.csv").write_text("id;kind\n1;renewal\n", encoding="utf-8")
    return files


async def test_a_backup_during_a_burst_of_writes_is_whole_and_holds_the_committed_rows(
    db: Database, tmp_path: Path
) -> None:
    await add_customers(db, [f"Клиент {n} " + "x" * 400 for n in range(20_000)])
    files = a_files_folder(tmp_path)
    committed = 20_000
    stop, under_way = asyncio.Event(), asyncio.Event()

    async def burst() -> None:
        nonlocal committed
        while not stop.is_set():
            async with db.unit() as unit:
                await unit.insert(
                    "INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)",
                    (f"Новый {committed}", NOW.isoformat(), NOW.isoformat()),
                )
            committed += 1
            if committed == 20_050:
                under_way.set()
            await asyncio.sleep(0)

    writer = asyncio.create_task(burst())
    await under_way.wait()
    before = committed
    plan = BackupPlan(Path(db.path), files, tmp_path / "backups", keep=14)
    done = await run_backup(plan, NOW)
    during = committed - before
    stop.set()
    await writer

    copy = done.backup.path / DATABASE
    assert integrity(copy) == ["ok"]
    names = customer_names(copy)
    assert len(names) >= before and names[before - 1] == f"Новый {before - 1}"
    assert len(names) <= committed  # a snapshot: no half-written row
    assert during > 0, "the bot went on writing while the copy was taken"
    manifest = verify_backup(done.backup.path, newest_schema=NEWEST)
    assert manifest.counts["customers"] == len(names)
    assert manifest.schema_version == NEWEST
    assert sorted(item.path for item in manifest.files) == ["7/a1b2.pdf", "exports/requests.csv"]
    assert (done.backup.path / "files" / "7" / "a1b2.pdf").read_bytes().startswith(b"%PDF")


def a_backup(tmp_path: Path, names: list[str]) -> tuple[Path, Path, Path]:
    """A database with ``names``, a files folder and a backup of both."""
    database = tmp_path / "live" / "bot.sqlite3"

    async def fill() -> None:
        async with await Database.open(database) as db:
            await add_customers(db, names)

    asyncio.run(fill())
    files = a_files_folder(tmp_path / "live")
    backup = take_backup(database, files, tmp_path / "backups" / "one", now=NOW).path
    return database, files, backup


def rewrite_manifest(backup: Path, **changes: object) -> None:
    data = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    data.update(changes)
    (backup / MANIFEST).write_text(json.dumps(data), encoding="utf-8")


def matching_manifest(backup: Path) -> None:
    """Make the manifest agree with a database copy changed behind its back."""
    import hashlib

    body = (backup / DATABASE).read_bytes()
    data = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    data["database"]["bytes"] = len(body)
    data["database"]["sha256"] = hashlib.sha256(body).hexdigest()
    (backup / MANIFEST).write_text(json.dumps(data), encoding="utf-8")


def truncate(backup: Path) -> None:
    body = (backup / DATABASE).read_bytes()
    (backup / DATABASE).write_bytes(body[: len(body) // 2])


def garble_and_hide_it(backup: Path) -> None:
    body = bytearray((backup / DATABASE).read_bytes())
    page = 4096
    body[2 * page : 3 * page] = b"\xa5" * page  # a page of the schema and data destroyed
    (backup / DATABASE).write_bytes(bytes(body))
    matching_manifest(backup)


def garble_the_header(backup: Path) -> None:
    body = bytearray((backup / DATABASE).read_bytes())
    body[0:16] = b"not a database!!"
    (backup / DATABASE).write_bytes(bytes(body))
    matching_manifest(backup)


def from_the_future(backup: Path) -> None:
    conn = sqlite3.connect(backup / DATABASE)
    conn.execute(f"PRAGMA user_version = {NEWEST + 1}")
    conn.commit()
    conn.close()
    matching_manifest(backup)
    rewrite_manifest(backup, schema_version=NEWEST + 1)


def lose_a_file(backup: Path) -> None:
    (backup / "files" / "7" / "a1b2.pdf").unlink()


def change_a_file(backup: Path) -> None:
    (backup / "files" / "exports" / "requests.csv").write_text("id;kind\n", encoding="utf-8")


def lose_the_manifest(backup: Path) -> None:
    (backup / MANIFEST).unlink()


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (truncate, r"database copy bot\.sqlite3 is damaged: \d+ bytes"),
        (garble_and_hide_it, r"bot\.sqlite3 (fails integrity_check|is damaged)"),
        (garble_the_header, r"bot\.sqlite3 is damaged: file is not a database"),
        (from_the_future, rf"schema {NEWEST + 1}, newer than this program knows \({NEWEST}\)"),
        (lose_a_file, r"the file files/7/a1b2\.pdf is missing"),
        (change_a_file, r"the file files/exports/requests\.csv is damaged"),
        (lose_the_manifest, r"has no manifest\.json"),
    ],
)
def test_restore_refuses_a_damaged_or_too_new_copy_and_changes_nothing(
    tmp_path: Path, damage: object, named: str
) -> None:
    database, files, backup = a_backup(tmp_path, ["Иван Петров"])
    asyncio.run(_add_after(database, "Пётр Сидоров"))
    assert callable(damage)
    damage(backup)
    live_before = database.read_bytes()

    result = run_bot("restore", str(backup), tmp_path=tmp_path, env=_env(database, files))

    assert result.returncode == 1
    assert result.stderr.startswith("Restore refused, nothing changed: ")
    assert re.search(named, result.stderr), result.stderr
    assert database.read_bytes() == live_before
    assert customer_names(database) == ["Иван Петров", "Пётр Сидоров"]
    assert sorted(path.name for path in database.parent.iterdir()) == ["bot.sqlite3", "files"]


async def _add_after(database: Path, name: str) -> None:
    async with await Database.open(database) as db:
        await add_customers(db, [name])


def _env(database: Path, files: Path) -> dict[str, str]:
    return {
        "DATABASE_PATH": str(database),
        "FILES_DIR": str(files),
        "BACKUP_DIR": str(database.parent.parent / "backups"),
    }


def test_backup_then_restore_brings_back_the_database_and_the_files(tmp_path: Path) -> None:
    database, files, _ = a_backup(tmp_path, ["Иван Петров"])
    env = _env(database, files)

    taken = run_bot("backup", tmp_path=tmp_path, env=env)
    assert taken.returncode == 0, taken.stderr
    assert "1 customers" in taken.stdout and "2 files" in taken.stdout
    (backup,) = [path for path in complete_backups(tmp_path / "backups")]
    assert str(backup) in taken.stdout

    asyncio.run(_add_after(database, "Пётр Сидоров"))
    (files / "7" / "a1b2.pdf").unlink()
    (files / "7" / "later.pdf").write_bytes(b"%PDF later")

    restored = run_bot("restore", str(backup), tmp_path=tmp_path, env=env)
    assert restored.returncode == 0, restored.stderr
    assert f"database -> {database}" in restored.stdout
    assert f"2 files -> {files}" in restored.stdout
    assert customer_names(database) == ["Иван Петров"]
    assert integrity(database) == ["ok"]
    assert sorted(p.name for p in (files / "7").iterdir()) == ["a1b2.pdf"]
    # The replaced ones are kept aside, as the output says.
    (old_database,) = database.parent.glob("bot.sqlite3.before-restore-*")
    (old_files,) = database.parent.glob("files.before-restore-*")
    assert str(old_database) in restored.stdout and str(old_files) in restored.stdout
    assert customer_names(old_database) == ["Иван Петров", "Пётр Сидоров"]
    assert (old_files / "7" / "later.pdf").exists()
    # The restored database opens as the bot's.
    migrated = run_bot("migrate", tmp_path=tmp_path, env=env)
    assert f"schema {NEWEST}" in migrated.stdout, migrated.stderr


def test_restore_refuses_while_the_database_is_in_use(tmp_path: Path) -> None:
    database, files, backup = a_backup(tmp_path, ["Иван Петров"])
    asyncio.run(_add_after(database, "Пётр Сидоров"))
    with database_lock(database, exclusive=False):  # what `run` holds while it runs
        result = run_bot("restore", str(backup), tmp_path=tmp_path, env=_env(database, files))
        with pytest.raises(DatabaseInUse):
            restore_backup(backup, database, files, newest_schema=NEWEST, now=NOW)
    assert result.returncode == 1
    assert "is in use (the bot or another `python -m bot` command" in result.stderr
    assert customer_names(database) == ["Иван Петров", "Пётр Сидоров"]
    assert not list(database.parent.glob("*.restoring")) and not list(
        database.parent.glob("*.before-restore-*")
    )


def test_no_command_opens_the_database_while_a_restore_replaces_it(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    with database_lock(database, exclusive=True):
        result = run_bot("migrate", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "a restore is replacing the database" in result.stderr
    assert not database.exists()


def test_a_backup_is_refused_inside_the_files_folder_or_on_an_existing_path(
    tmp_path: Path,
) -> None:
    database, files, backup = a_backup(tmp_path, ["Иван Петров"])
    env = _env(database, files)
    inside = run_bot("backup", str(files / "backup"), tmp_path=tmp_path, env=env)
    assert inside.returncode == 1 and "inside the files folder" in inside.stderr
    again = run_bot("backup", str(backup), tmp_path=tmp_path, env=env)
    assert again.returncode == 1 and "already exists" in again.stderr
    with pytest.raises(BackupError, match="no database at"):
        take_backup(tmp_path / "none.sqlite3", files, tmp_path / "x", now=NOW)


def test_retention_keeps_the_newest_and_deletes_only_after_a_verified_backup(
    tmp_path: Path,
) -> None:
    database, files, _ = a_backup(tmp_path, ["Иван Петров"])
    backups = tmp_path / "daily"
    plan = BackupPlan(database, files, backups, keep=3)
    (backups / "notes").mkdir(parents=True)  # not ours: never touched
    days = [NOW + timedelta(days=n) for n in range(5)]
    for day in days:
        run = back_up(plan, day)
    assert [path.name for path in complete_backups(backups)] == [
        f"bot-backup-{day:%Y%m%d}T210000Z" for day in days[2:]
    ]
    assert "2 older deleted" not in str(run) and "1 older deleted" in str(run)
    assert (backups / "notes").is_dir()

    broken = BackupPlan(tmp_path / "gone.sqlite3", files, backups, keep=1)
    with pytest.raises(BackupError):
        back_up(broken, NOW + timedelta(days=9))
    assert len(complete_backups(backups)) == 3
    assert not list(backups.glob("*.partial"))


def test_a_manifest_reads_back_what_was_written(tmp_path: Path) -> None:
    _, _, backup = a_backup(tmp_path, ["Иван Петров"])
    manifest = verify_backup(backup)
    text = (backup / MANIFEST).read_text(encoding="utf-8")
    assert Manifest.from_json(text) == manifest
    with pytest.raises(BackupDamaged, match="unknown format"):
        Manifest.from_json('{"format": 9}')


def test_the_daily_backup_is_scheduled_at_0330_and_follows_the_settings(
    db: Database, policy: Policy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = BackupPlan(Path(db.path), tmp_path / "files", tmp_path / "backups", keep=14)
    scheduler = build_scheduler(
        db, policy, ManagerDesk.console_only(), batch_dir=tmp_path, backup=plan
    )
    job = scheduler.get_job("daily-backup")
    noon = local(date(2026, 11, 23), 12, 0, policy)
    fire = job.trigger.get_next_fire_time(None, noon.astimezone(policy.tz))
    assert fire.astimezone(policy.tz).strftime("%a %Y-%m-%d %H:%M") == "Tue 2026-11-24 03:30"
    without = build_scheduler(db, policy, ManagerDesk.console_only(), batch_dir=tmp_path)
    assert without.get_job("daily-backup") is None

    monkeypatch.chdir(tmp_path)
    for name in ("BACKUP_DIR", "BACKUP_KEEP", "FILES_DIR", "POLICY_FILE"):
        monkeypatch.delenv(name, raising=False)
    assert load_settings().backup_keep == 14
    assert load_settings().backup_dir == Path("data/backups")

    async def plans() -> tuple[BackupPlan | None, BackupPlan | None]:
        settings = load_settings(backup_dir=tmp_path / "b", backup_keep=5)
        async with open_app(settings, database_path=tmp_path / "app.sqlite3") as app:
            on = backup_plan(app)
        async with open_app(
            load_settings(backup_keep=0), database_path=tmp_path / "app.sqlite3"
        ) as app:
            off = backup_plan(app)
        return on, off

    on, off = asyncio.run(plans())
    assert on == BackupPlan(tmp_path / "app.sqlite3", Path("data/files"), tmp_path / "b", 5)
    assert off is None
