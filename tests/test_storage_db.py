"""The database file: migrations applied once, the pragmas the design relies on."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from storage.db import Database, migration_files


async def test_new_database_has_every_migration_and_the_pragmas(db: Database) -> None:
    assert await db.schema_version() == len(migration_files())
    async with db.unit() as unit:
        foreign_keys = await unit.fetchone("PRAGMA foreign_keys")
        journal_mode = await unit.fetchone("PRAGMA journal_mode")
        tables = await unit.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
    assert foreign_keys is not None and foreign_keys[0] == 1
    assert journal_mode is not None and journal_mode[0] == "wal"
    names = {row["name"] for row in tables}
    assert {"customers", "licenses", "keys", "key_licenses", "requests", "outbox"} <= names


async def test_reopening_applies_nothing_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first = await Database.open(path)
    try:
        async with first.unit() as unit:
            await unit.execute(
                "INSERT INTO products (code, name, price, support_months, protection) "
                "VALUES ('BZ-REPORT', 'Базис-Отчёт', '7990.00', 6, 'codemeter')"
            )
    finally:
        await first.close()

    again = await Database.open(path)
    try:
        assert await again.migrate() == []
        assert await again.schema_version() == len(migration_files())
        async with again.unit() as unit:
            row = await unit.fetchone("SELECT COUNT(*) FROM products")
        assert row is not None and row[0] == 1
    finally:
        await again.close()


async def test_foreign_keys_are_enforced(db: Database) -> None:
    """A license of a customer that does not exist is refused, and nothing is kept."""
    with pytest.raises(sqlite3.IntegrityError):
        async with db.unit() as unit:
            await unit.execute(
                "INSERT INTO licenses (number, product_id, customer_id, support_end) "
                "VALUES ('L-1', 1, 1, '2026-01-01')"
            )
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT COUNT(*) FROM licenses")
    assert row is not None and row[0] == 0


async def test_a_unit_reads_its_own_uncommitted_writes_and_others_do_not(db: Database) -> None:
    """Reads outside a transaction run on the inline reader; inside one they must not."""
    async with db.unit() as unit:
        await unit.execute(
            "INSERT INTO products (code, name, price, support_months, protection) "
            "VALUES ('P1', 'Product', '10.00', 6, 'none')"
        )
        row = await unit.fetchone("SELECT name FROM products WHERE code = 'P1'")
        assert row is not None and row["name"] == "Product"
        rows = await unit.fetchall("SELECT code FROM products")
        assert [r["code"] for r in rows] == ["P1"]
    async with db.unit() as unit:
        assert await unit.fetchone("SELECT 1 FROM products WHERE code = 'P1'") is not None


async def test_a_failed_unit_leaves_nothing_for_the_next_reader(db: Database) -> None:
    with pytest.raises(RuntimeError):
        async with db.unit() as unit:
            await unit.execute(
                "INSERT INTO products (code, name, price, support_months, protection) "
                "VALUES ('P2', 'Product', '10.00', 6, 'none')"
            )
            raise RuntimeError("step failed")
    async with db.unit() as unit:
        assert await unit.fetchone("SELECT 1 FROM products WHERE code = 'P2'") is None


async def test_writes_wait_for_another_process_without_stopping_the_event_loop(
    tmp_path: Path,
) -> None:
    """A step's writes commit even while another process (an import, the web desk) holds
    SQLite's write lock, and the bot's other work goes on meanwhile: here the other
    connection lets go from the event loop itself, which a blocked loop never would."""
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO products (code, name, price, support_months, protection) "
            "VALUES ('OTHER', 'Other', '1.00', 6, 'none')"
        )
        asyncio.get_running_loop().call_later(0.1, other.execute, "COMMIT")
        async with db.unit() as unit:
            unit.write(
                "INSERT INTO products (code, name, price, support_months, protection) "
                "VALUES ('MINE', 'Mine', '2.00', 6, 'none')"
            )
        async with db.unit() as unit:
            rows = await unit.fetchall("SELECT code FROM products ORDER BY code")
        assert [row["code"] for row in rows] == ["MINE", "OTHER"]
    finally:
        other.close()
        await db.close()


async def test_a_refused_write_leaves_nothing_and_the_next_unit_writes(db: Database) -> None:
    """A write that breaks a rule (here a duplicate code) fails its unit with all of its
    writes, and the database takes the next unit's as usual."""
    insert = (
        "INSERT INTO products (code, name, price, support_months, protection) "
        "VALUES (?, 'Product', '10.00', 6, 'none')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        async with db.unit() as unit:
            unit.write(insert, ("P3",))
            unit.write(insert, ("P3",))
    async with db.unit() as unit:
        unit.write(insert, ("P4",))
    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT code FROM products ORDER BY code")
    assert [row["code"] for row in rows] == ["P4"]
