"""Scheduler jobs on a large portfolio: a day's support reminders and a monthly key run.

    .venv/bin/python benchmarks/scheduler.py [--licenses 100000] [--keys 30000]

Generates a portfolio straight into a fresh SQLite file with ``executemany`` (products,
customers, licenses with support ends spread over ±400 days, keys with 1–3 licenses each,
most CodeMeter with the protection service, a few reported lost, messenger accounts for
60 % of the customers, some muted), then times through the real job functions:

* a day's support reminders: select what is due, render each message with its quote in
  the chat's language, log and enqueue everything in one transaction (target < 1 s);
* the same run repeated (nothing to do: everything is logged);
* a week of reminders caught up in one run after downtime;
* the monthly key-renewal run: outcomes of every protected key, key updates, owners'
  messages, the batch file and the managers' summary (target < 10 s);
* peak resident memory of the process (target < 200 MB).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.desk.manager_desk import ManagerDesk
from handlers.policy import Policy, load_policy
from scheduler.key_run import run_key_renewals
from scheduler.support_reminders import send_support_reminders
from storage.db import Database

TODAY = date(2027, 3, 15)
CUSTOMERS_PER_LICENSE = 0.4
STATUSES = ["active"] * 98 + ["lost", "broken"]


def generate(path: Path, licenses: int, keys: int, seed: int = 7) -> dict[str, int]:
    """Write the portfolio with plain sqlite3 and executemany, in a few transactions."""
    rng = random.Random(seed)
    customers = max(1, int(licenses * CUSTOMERS_PER_LICENSE))
    at = datetime(2026, 1, 1, tzinfo=UTC).isoformat()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        conn.executemany(
            "INSERT INTO products (id, code, name, price, support_months, protection) "
            "VALUES (?, ?, ?, ?, 6, ?)",
            [
                (1, "BZ-REPORT", "Базис-Отчёт", "7990.00", "codemeter"),
                (2, "BZ-MEBEL", "Базис-Мебельщик", "52000.00", "codemeter"),
                (3, "BZ-SHKAF", "Базис-Шкаф", "18500.00", "module"),
            ],
        )
        conn.executemany(
            "INSERT INTO customers (id, name, company, phone, email, resident, language, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    c,
                    f"Клиент {c}",
                    f"ООО «Фирма {c}»",
                    f"+7999{c:07d}",
                    f"c{c}@example.com",
                    int(c % 10 != 0),
                    "ru" if c % 10 else "bg",
                    at,
                    at,
                )
                for c in range(1, customers + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO licenses (id, number, product_id, customer_id, workplaces, support_end) "
            "VALUES (?, ?, ?, ?, 1, ?)",
            (
                (
                    i,
                    f"L-{i:07d}",
                    1 + i % 3,
                    1 + (i - 1) % customers,
                    (TODAY + timedelta(days=rng.randint(-400, 400))).isoformat(),
                )
                for i in range(1, licenses + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO keys (id, serial, kind, customer_id, status, protection_service, "
            "protection_connected_on, programmed_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    k,
                    f"3-{k:07d}",
                    "codemeter" if k % 5 else "module",
                    1 + (k - 1) % customers,
                    rng.choice(STATUSES),
                    int(k % 5 != 0 and k % 10 != 1),
                    "2026-01-10",
                    "2027-03-31",
                )
                for k in range(1, keys + 1)
            ),
        )
        # key k holds the licenses of its customer: k, k + customers, k + 2 * customers
        conn.executemany(
            "INSERT INTO key_licenses (key_id, license_id) VALUES (?, ?)",
            (
                (k, lic)
                for k in range(1, keys + 1)
                for lic in (k, k + customers, k + 2 * customers)
                if lic <= licenses
            ),
        )
        accounts = [c for c in range(1, customers + 1) if c % 5 < 3]
        conn.executemany(
            "INSERT INTO accounts (platform, user_id, customer_id, linked_by, language, "
            "reminders_muted, created_at) VALUES (?, ?, ?, 'phone', ?, ?, ?)",
            (
                (
                    "telegram" if c % 4 else "vk",
                    str(100000 + c),
                    c,
                    "en" if c % 7 == 0 else "ru",
                    int(c % 23 == 0),
                    at,
                )
                for c in accounts
            ),
        )
    conn.close()
    return {"customers": customers, "accounts": len(accounts)}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


async def main(licenses: int, keys: int) -> None:
    policy: Policy = load_policy()
    desk = ManagerDesk.console_only()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        db = await Database.open(path)
        await db.close()
        started = time.perf_counter()
        counts = generate(path, licenses, keys)
        print(
            f"portfolio: {licenses:,} licenses, {keys:,} keys, {counts['customers']:,} customers, "
            f"{counts['accounts']:,} linked chats (generated in "
            f"{time.perf_counter() - started:.1f} s)"
        )
        db = await Database.open(path)
        try:
            now = datetime.combine(TODAY, datetime.min.time(), tzinfo=policy.tz).replace(hour=10)
            started = time.perf_counter()
            day = await send_support_reminders(db, policy, day=TODAY, now=now, catch_up=False)
            day_s = time.perf_counter() - started
            print(f"day's reminders: {day_s:.3f} s  (target < 1 s)  {day}")

            started = time.perf_counter()
            again = await send_support_reminders(db, policy, day=TODAY, now=now, catch_up=False)
            print(f"same day again:  {time.perf_counter() - started:.3f} s  {again}")

            week_end = TODAY + timedelta(days=8)
            started = time.perf_counter()
            week = await send_support_reminders(
                db, policy, day=week_end, now=now + timedelta(days=8), catch_up=True
            )
            print(f"week caught up:  {time.perf_counter() - started:.3f} s  {week}")

            run_now = datetime.combine(
                date(2027, 4, 1), datetime.min.time(), tzinfo=policy.tz
            ).replace(minute=5)
            started = time.perf_counter()
            run = await run_key_renewals(
                db, policy, desk, batch_dir=Path(folder) / "renewals", now=run_now
            )
            run_s = time.perf_counter() - started
            print(f"monthly key run: {run_s:.3f} s  (target < 10 s)  {run}")
        finally:
            await db.close()
    print(f"peak RSS: {peak_rss_mb():.0f} MB  (target < 200 MB)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--licenses", type=int, default=100_000)
    parser.add_argument("--keys", type=int, default=30_000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.licenses, arguments.keys))
