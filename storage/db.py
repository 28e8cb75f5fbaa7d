"""The SQLite database: one aiosqlite connection, explicit transactions, migrations.

Why it looks like this (measured on the target 2-core machines, see README.md#performance):

* every ``await`` on aiosqlite is a thread hop of about 100 µs, so a unit of work issues
  as few statements as it can and a unit that only reads or writes one row never pays
  for ``BEGIN``/``COMMIT``;
* a read-then-write transaction must start with ``BEGIN IMMEDIATE`` or a concurrent
  writer (another process on the same file) makes it fail at once with "database is
  locked"; :meth:`Unit.begin` does that, and the first write of a unit calls it;
* one connection shared by tasks would interleave their transactions, so a unit holds
  the database lock from start to end;
* a point read (an indexed lookup of a few rows) takes 10–30 µs in SQLite itself, far less
  than the thread hop, so reads made outside a write transaction run inline on a second,
  read-only connection to the same file. In WAL mode a reader never waits for a writer
  and sees exactly what an autocommit read on the aiosqlite connection would see (the
  last committed state). Once a unit has begun its transaction, its reads go through
  the aiosqlite connection so it reads its own writes. Large scans (exports, jobs) pass
  ``heavy=True`` to keep the event loop free;
* likewise a unit whose writes all waited for its end (a conversation step: its inbox mark
  and the chat's state, :meth:`Unit.write`) commits them inline on a third connection
  (:class:`InlineWriter`): ``BEGIN IMMEDIATE``, the writes and ``COMMIT`` take 15–40 µs in
  SQLite (WAL with ``synchronous = NORMAL`` writes no fsync at a commit), where the thread
  hop took 0.4–1.3 ms on a busy event loop while the unit held the database lock (every other
  chat's step waited behind it; measured with benchmarks/telegram_e2e.py). The inline
  connection never waits for a lock (``busy_timeout = 0``): when another process holds
  SQLite's write lock, the unit commits through the aiosqlite thread as before, which may
  wait there. Its checkpoints (which fsync) run in a worker thread, not in the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import aiosqlite

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")

Params = Sequence[Any] | dict[str, Any]
T = TypeVar("T")


class MigrationError(RuntimeError):
    """The database is newer than this program, or a migration file is malformed."""


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    """Numbered ``NNN_name.sql`` files in order; numbers must run 1, 2, 3… without gaps."""
    found = []
    for path in directory.iterdir():
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    found.sort()
    for expected, (number, path) in enumerate(found, start=1):
        if number != expected:
            raise MigrationError(f"migration {path.name}: expected number {expected:03d}")
    return found


class Unit:
    """One unit of work on the shared connection, holding the database lock.

    Reads run as they come; the first write (or an explicit :meth:`begin`) opens a
    ``BEGIN IMMEDIATE`` transaction that commits when the unit ends without error and
    rolls back otherwise.

    Every statement costs a thread hop, so what can wait does: ``BEGIN IMMEDIATE`` goes to
    SQLite together with the unit's next statement (nothing happens in the database in
    between), and a :meth:`write` whose result nobody reads goes with the next statement or
    with the ``COMMIT``. A step that updates its inbox row and its conversation commits in
    one hop.
    """

    def __init__(
        self,
        conn: aiosqlite.Connection,
        reader: sqlite3.Connection | None,
        inline: InlineWriter | None = None,
    ) -> None:
        self.conn = conn
        self.reader = reader
        self.inline = inline
        #: The write transaction is open (from now on reads see the unit's own writes).
        self.in_transaction = False
        self._begun = False
        self._pending: list[tuple[str, Params]] = []

    async def begin(self) -> None:
        """Start the write transaction now: call before a read that decides a write."""
        self.in_transaction = True

    def _held_back(self, raw: sqlite3.Connection) -> None:
        """In the connection's thread: ``BEGIN IMMEDIATE`` and the writes held back."""
        if self.in_transaction and not self._begun:
            raw.execute("BEGIN IMMEDIATE")
            self._begun = True
        pending, self._pending = self._pending, []
        for sql, params in pending:
            raw.execute(sql, params)

    async def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """``work`` on the connection's thread, after what was held back: one hop."""

        def run() -> T:
            raw = self.conn._conn
            self._held_back(raw)
            return work(raw)

        return cast(T, await self.conn._execute(run))

    async def fetchall(
        self, sql: str, params: Params = (), *, heavy: bool = False
    ) -> list[sqlite3.Row]:
        if self.reader is not None and not self.in_transaction and not heavy:
            return self.reader.execute(sql, params).fetchall()
        return await self._run(lambda raw: raw.execute(sql, params).fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        if self.reader is not None and not self.in_transaction:
            row: sqlite3.Row | None = self.reader.execute(sql, params).fetchone()
            return row
        return await self._run(lambda raw: raw.execute(sql, params).fetchone())

    async def execute(self, sql: str, params: Params = ()) -> aiosqlite.Cursor:
        """Run a write inside the unit's transaction (opened on first use)."""
        self.in_transaction = True
        cursor = await self._run(lambda raw: raw.execute(sql, params))
        return aiosqlite.Cursor(self.conn, cursor)

    def write(self, sql: str, params: Params = ()) -> None:
        """A write inside the unit's transaction whose result nobody reads: it goes to
        SQLite with the unit's next statement or its ``COMMIT`` (an error in it fails the
        unit there)."""
        self.in_transaction = True
        self._pending.append((sql, params))

    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT and return the new row id."""
        self.in_transaction = True
        return await self._run(lambda raw: int(raw.execute(sql, params).lastrowid or 0))

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self.in_transaction = True
        await self._run(lambda raw: raw.executemany(sql, rows))

    async def execute_final(self, sql: str, params: Params = ()) -> None:
        """Run the unit's last write without opening a transaction for it.

        Inside an open transaction it is held back and commits with the rest (:meth:`write`);
        alone it autocommits as a single statement, saving the BEGIN and COMMIT round trips.
        """
        if self.in_transaction:
            self.write(sql, params)
            return
        if self.inline is not None and self.inline.commit([(sql, params)]):
            return
        await self._run(lambda raw: raw.execute(sql, params))

    async def commit(self) -> None:
        """What was held back and ``COMMIT``, in one hop, or inline when nothing of the unit
        reached the aiosqlite connection (:class:`InlineWriter`); nothing when nothing was
        written."""
        if not self.in_transaction or (not self._begun and not self._pending):
            return
        if not self._begun and self.inline is not None and self.inline.commit(self._pending):
            self._pending = []  # nothing reached the aiosqlite connection: all went inline
            return

        def commit(raw: sqlite3.Connection) -> None:
            raw.execute("COMMIT")

        await self._run(commit)

    async def rollback(self) -> None:
        """Forget the unit's writes (those held back never reached SQLite)."""
        self._pending = []
        if self._begun and self.conn.in_transaction:
            await self.conn.execute("ROLLBACK")


def _open_reader(path: str) -> sqlite3.Connection:
    """The inline read-only connection (see the module docstring)."""
    reader = sqlite3.connect(path, isolation_level=None)
    reader.row_factory = sqlite3.Row
    reader.execute("PRAGMA busy_timeout = 5000")
    reader.execute("PRAGMA foreign_keys = ON")
    reader.execute("PRAGMA query_only = ON")
    return reader


def _busy(exc: sqlite3.OperationalError) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY


class InlineWriter:
    """Commits held-back writes in the event loop's thread (see the module docstring).

    Its connection never waits for SQLite's write lock: when another process holds it,
    :meth:`commit` does nothing and says so, and the unit goes through the aiosqlite
    thread. It does not checkpoint when committing (a checkpoint fsyncs); every
    :data:`CHECKPOINT_EVERY` commits a passive checkpoint runs in a worker thread on a
    connection of its own.
    """

    CHECKPOINT_EVERY = 200

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA busy_timeout = 0")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._checkpointer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._checkpointer.execute("PRAGMA busy_timeout = 5000")
        self._commits = 0
        self._checkpoint: asyncio.Task[None] | None = None

    def commit(self, statements: Sequence[tuple[str, Params]]) -> bool:
        """``BEGIN IMMEDIATE``, ``statements`` and ``COMMIT``, now; False (nothing done) when
        SQLite's write lock is taken. An error in a statement rolls back and raises."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                return False
            raise
        try:
            for sql, params in statements:
                conn.execute(sql, params)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._commits += 1
        if self._commits >= self.CHECKPOINT_EVERY and self._checkpoint is None:
            self._commits = 0
            self._checkpoint = asyncio.get_running_loop().create_task(self._checkpoint_now())
        return True

    async def _checkpoint_now(self) -> None:
        def checkpoint() -> None:
            self._checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

        try:
            await asyncio.to_thread(checkpoint)
        except sqlite3.Error as exc:  # the next one tries again; the WAL only grows meanwhile
            log.warning("checkpoint failed: %s", exc)
        finally:
            self._checkpoint = None

    async def close(self) -> None:
        if self._checkpoint is not None:
            await asyncio.gather(self._checkpoint, return_exceptions=True)
        self.conn.close()
        self._checkpointer.close()


class Database:
    """The bot's SQLite file. Open with :meth:`open`, always :meth:`close`."""

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self._conn = conn
        self._reader: sqlite3.Connection | None = None
        self._inline: InlineWriter | None = None
        self._lock = asyncio.Lock()
        self.path = path

    @classmethod
    async def open(cls, path: str | Path, *, migrate: bool = True) -> Database:
        """Open (creating folders as needed), set the pragmas, apply pending migrations."""
        target = str(path)
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(target, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            await conn.execute("PRAGMA busy_timeout = 5000")
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA synchronous = NORMAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            db = cls(conn, target)
            if migrate:
                await db.migrate()
            if target != ":memory:":
                db._reader = _open_reader(target)
                db._inline = InlineWriter(target)
        except BaseException:
            await conn.close()
            raise
        return db

    async def close(self) -> None:
        async with self._lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            if self._inline is not None:
                await self._inline.close()
                self._inline = None
            await self._conn.close()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[Unit]:
        """A unit of work: reads, then writes committed together (or not at all)."""
        async with self._lock:
            unit = Unit(self._conn, self._reader, self._inline)
            try:
                yield unit
                await unit.commit()
            except BaseException:
                await unit.rollback()
                raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Unit]:
        """A unit whose write transaction starts at once (read-then-write decisions)."""
        async with self.unit() as unit:
            await unit.begin()
            yield unit

    async def schema_version(self) -> int:
        async with self.unit() as unit:
            row = await unit.fetchone("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> list[str]:
        """Apply pending numbered migrations, each in its own transaction; return their names."""
        files = migration_files()
        applied: list[str] = []
        current = await self.schema_version()
        if current > len(files):
            raise MigrationError(
                f"database schema {current} is newer than this program ({len(files)}); "
                "upgrade the bot"
            )
        for number, path in files[current:]:
            script = path.read_text(encoding="utf-8")
            async with self._lock:
                # executescript commits first; wrap it so a failing migration leaves nothing.
                try:
                    await self._conn.executescript(
                        f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
                    )
                except sqlite3.Error as exc:
                    if self._conn.in_transaction:
                        await self._conn.execute("ROLLBACK")
                    raise MigrationError(f"migration {path.name} failed: {exc}") from exc
            applied.append(path.name)
        return applied
