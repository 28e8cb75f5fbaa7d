"""Engine throughput: scripted conversation steps through the engine on a real SQLite file.

    .venv/bin/python benchmarks/engine.py [--chats 200] [--rounds 10]

Each chat repeats the renewal-quote conversation of a linked demo customer
(/menu → Renew support → pick a license → quote → main menu). Chats run one step at a
time in an interleaved order, as messages from many customers would arrive. Prints
steps per second, p50/p99 latency per step, and, as a baseline measured in the same run
on the same file, the cost of one bare aiosqlite thread hop (SELECT 1) and of one
autocommitted UPSERT written the way a step writes (inline, ``storage.db.InlineWriter``),
so the figures can be compared across machines.
Targets (README.md#performance, on the 2-core reference machine): ≥ 3,000 steps/s, p99 < 5 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Incoming, Reply
from handlers.engine.payloads import encode
from handlers.flow_list import default_flows
from handlers.policy import load_policy
from handlers.rules.dates import local_today
from storage import accounts, customers
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE, load_demo
from storage.models import Platform


def _find(replies: list[Reply], prefix: str) -> str:
    for reply in replies:
        for row in reply.buttons:
            for button in row:
                if button.payload.startswith(prefix):
                    return button.payload
    raise RuntimeError(f"no button {prefix!r}")


async def _baseline(db: Database, rounds: int) -> tuple[float, float]:
    async with db.unit() as unit:
        await unit.execute_final("CREATE TABLE IF NOT EXISTS bench (k INTEGER PRIMARY KEY, v)")
    started = time.perf_counter()
    for _ in range(rounds):
        async with db.unit() as unit:
            await unit.conn.execute_fetchall("SELECT 1")  # one aiosqlite thread hop
    select_cost = (time.perf_counter() - started) / rounds
    started = time.perf_counter()
    for i in range(rounds):
        async with db.unit() as unit:
            await unit.execute_final(
                "INSERT INTO bench (k, v) VALUES (?, ?) "
                "ON CONFLICT (k) DO UPDATE SET v = excluded.v",
                (i % 100, i),
            )
    return select_cost, (time.perf_counter() - started) / rounds


async def main(chats: int, rounds: int) -> None:
    now = datetime.now(UTC)
    policy = load_policy()
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.sqlite3")
        try:
            await load_demo(db, today=local_today(now, policy), now=now)
            async with db.unit() as unit:
                customer = await customers.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
                assert customer is not None
                for chat in range(chats):
                    account = await accounts.create(
                        unit,
                        Platform.TELEGRAM,
                        str(chat),
                        language="ru",
                        display_name="bench",
                        now=now,
                    )
                    await accounts.link_customer(unit, account.id, customer.id, method="demo")
            engine = Engine(db, policy, default_flows(), desk=ManagerDesk.console_only())

            def incoming(chat: int, **fields: str) -> Incoming:
                return Incoming(Platform.TELEGRAM, str(chat), str(chat), **fields)  # type: ignore[arg-type]

            latencies: list[float] = []

            async def step(message: Incoming) -> list[Reply]:
                started = time.perf_counter()
                replies = await engine.handle(message)
                latencies.append(time.perf_counter() - started)
                return replies

            last: dict[int, list[Reply]] = {}
            wall = time.perf_counter()
            for _ in range(rounds):
                for chat in range(chats):
                    last[chat] = await step(incoming(chat, text="/menu"))
                for chat in range(chats):
                    last[chat] = await step(incoming(chat, payload=encode("go", "renewal")))
                for chat in range(chats):
                    lic = _find(last[chat], "1:renewal.lic:")
                    last[chat] = await step(incoming(chat, payload=lic))
                for chat in range(chats):
                    last[chat] = await step(incoming(chat, payload=encode("menu")))
            wall = time.perf_counter() - wall
            select_cost, upsert_cost = await _baseline(db, 2000)
        finally:
            await db.close()

    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    steps_per_second = len(latencies) / wall
    print(f"steps: {len(latencies)} ({chats} chats × {rounds} rounds × 4 steps)")
    print(f"throughput: {steps_per_second:,.0f} steps/s (target ≥ 3,000)")
    print(f"latency: p50 {p50:.2f} ms, p99 {p99:.2f} ms (target p99 < 5 ms)")
    print(
        f"baseline: aiosqlite SELECT 1 (one thread hop) {select_cost * 1e6:.0f} µs, "
        f"autocommit UPSERT {upsert_cost * 1e6:.0f} µs"
    )
    print(
        f"one step (p50) = {p50 / 1000 / select_cost:.1f} × thread hop, "
        f"{p50 / 1000 / upsert_cost:.1f} × autocommit UPSERT"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.chats, arguments.rounds))
