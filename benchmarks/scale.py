"""A portfolio of N licenses end to end: import the vendor's file, then the daily and the
monthly jobs, each phase timed with its own peak memory.

    .venv/bin/python benchmarks/scale.py 100000
    .venv/bin/python benchmarks/scale.py 1000000

Generates the vendor's export of N licenses (``storage.portfolio``: 0.4 N customers, a
key for every third customer, support ends over ±400 days), then runs each phase in a
fresh Python process, so each peak RSS (``ru_maxrss`` of that process) is the phase's own:

* baseline: a plain ``executemany`` of the same rows (``csv.reader`` straight into one
  table of the file's columns, one transaction): the floor of getting them into SQLite;
* import: ``storage.importer.import_csv``, the path of ``python -m bot import FILE`` and of
  a file a manager sends in chat (validation, upsert of customers, products, licenses,
  keys and links, batch by batch); printed with its time against the baseline's;
* then 60 % of the customers get a linked chat (plain SQL, not timed), and the jobs run
  through their real functions: a busy day of support reminders (select, render with
  quotes, log, enqueue), the same day again (nothing due: everything is logged), and the
  monthly key run (outcomes of every key with the service, updates, owners' messages, the
  batch file, the managers' summary).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.importer import COLUMNS, OPTIONAL_COLUMNS
from storage.portfolio import customers_of, write_portfolio

TODAY = date(2027, 3, 15)
RUN_DAY = date(2027, 4, 1)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def baseline(csv_path: Path, db_path: Path) -> str:
    columns = (*COLUMNS, *OPTIONAL_COLUMNS)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE TABLE rows ({', '.join(f'{c} TEXT' for c in columns)})")
    with conn, csv_path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.reader(file, delimiter=";")
        next(reader)
        conn.executemany(f"INSERT INTO rows VALUES ({', '.join('?' for _ in columns)})", reader)
    count = conn.execute("SELECT COUNT(*) FROM rows").fetchone()[0]
    conn.close()
    return f"{count:,} rows"


_SECONDS: list[float] = []


def _timed(started: float) -> None:
    """Record the time of the phase's work itself (not starting Python or opening the
    database)."""
    _SECONDS.append(time.perf_counter() - started)


async def import_file(csv_path: Path, db_path: Path) -> str:
    from storage.db import Database
    from storage.importer import import_csv

    db = await Database.open(db_path)
    try:
        now = datetime.combine(TODAY - timedelta(days=30), datetime.min.time(), tzinfo=UTC)
        started = time.perf_counter()
        report = await import_csv(db, csv_path, now=now)
        _timed(started)
    finally:
        await db.close()
    assert report.ok, report.errors[:5]
    return ", ".join(f"{entity} {count:,}" for entity, count in report.created.items())


def link_chats(db_path: Path, licenses: int) -> None:
    """Linked chats for 60 % of the customers, some muted, a few in English or Bulgarian."""
    at = datetime(2026, 1, 1, tzinfo=UTC).isoformat()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany(
            "INSERT INTO accounts (platform, user_id, customer_id, linked_by, language, "
            "reminders_muted, created_at) VALUES (?, ?, ?, 'phone', ?, ?, ?)",
            (
                (
                    "telegram" if c % 4 else "vk",
                    str(100000 + c),
                    c,
                    "en" if c % 7 == 0 else ("bg" if c % 10 == 0 else "ru"),
                    int(c % 23 == 0),
                    at,
                )
                for c in range(1, customers_of(licenses) + 1)
                if c % 5 < 3
            ),
        )
    conn.close()


async def reminders(db_path: Path) -> str:
    from handlers.policy import load_policy
    from scheduler.support_reminders import send_support_reminders
    from storage.db import Database

    policy = load_policy()
    db = await Database.open(db_path)
    try:
        now = datetime.combine(TODAY, datetime.min.time(), tzinfo=policy.tz).replace(hour=10)
        started = time.perf_counter()
        run = await send_support_reminders(db, policy, day=TODAY, now=now, catch_up=False)
        _timed(started)
    finally:
        await db.close()
    return str(run)


async def key_run(db_path: Path, folder: Path) -> str:
    from handlers.desk.manager_desk import ManagerDesk
    from handlers.policy import load_policy
    from scheduler.key_run import run_key_renewals
    from storage.db import Database

    policy = load_policy()
    db = await Database.open(db_path)
    try:
        now = datetime.combine(RUN_DAY, datetime.min.time(), tzinfo=policy.tz).replace(minute=5)
        started = time.perf_counter()
        run = await run_key_renewals(
            db, policy, ManagerDesk.console_only(), batch_dir=folder / "renewals", now=now
        )
        _timed(started)
    finally:
        await db.close()
    return str(run)


def phase(name: str, csv_path: Path, db_path: Path, folder: Path) -> None:
    """Run one phase in this process and print its figures as one JSON line."""
    if name == "baseline":
        started = time.perf_counter()
        what = baseline(csv_path, db_path)
        _timed(started)
    elif name == "import":
        what = asyncio.run(import_file(csv_path, db_path))
    elif name in ("reminders", "reminders-again"):
        what = asyncio.run(reminders(db_path))
    else:
        what = asyncio.run(key_run(db_path, folder))
    print(json.dumps({"seconds": _SECONDS[-1], "rss_mb": peak_rss_mb(), "what": what}))


@dataclass(frozen=True)
class Figures:
    seconds: float
    rss_mb: float
    what: str


def run_phase(name: str, csv_path: Path, db_path: Path, folder: Path) -> Figures:
    """One phase in a fresh process: its time, its own peak RSS, what it did."""
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, str(csv_path), str(db_path), str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return Figures(**json.loads(out.strip().splitlines()[-1]))


def main(licenses: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        csv_path = folder / "export.csv"
        started = time.perf_counter()
        write_portfolio(csv_path, licenses, today=TODAY)
        size = csv_path.stat().st_size / 2**20
        print(
            f"portfolio: {licenses:,} licenses, {customers_of(licenses):,} customers, "
            f"file {size:.0f} MB (written in {time.perf_counter() - started:.1f} s)"
        )
        base = run_phase("baseline", csv_path, folder / "baseline.sqlite3", folder)
        db_path = folder / "bot.sqlite3"
        imported = run_phase("import", csv_path, db_path, folder)
        ratio = base.seconds / imported.seconds
        _line("baseline executemany", base)
        _line("import", imported, f"  ({ratio:.2f} × the baseline's speed)")
        link_chats(db_path, licenses)
        _line("reminders, a busy day", run_phase("reminders", csv_path, db_path, folder))
        _line("reminders, nothing due", run_phase("reminders-again", csv_path, db_path, folder))
        _line("monthly key run", run_phase("key-run", csv_path, db_path, folder))


def _line(label: str, figures: Figures, extra: str = "") -> None:
    print(
        f"{label:<24} {figures.seconds:8.2f} s  peak RSS {figures.rss_mb:6.0f} MB{extra}"
        f"  {figures.what}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--phase":
        phase(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("licenses", type=int, nargs="?", default=100_000)
        main(parser.parse_args().licenses)
