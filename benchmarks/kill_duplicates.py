"""Messages customers receive twice when the bot is killed (SIGKILL) at random moments.

    .venv/bin/python benchmarks/kill_duplicates.py [--customers 20] [--rounds 150] [--kills 50]
        [--compare PATH]

``python -m bot run`` runs as a subprocess against the fake Bot API HTTP server of the tests
(Telegram's offset semantics: an update is served again until a later ``getUpdates``
acknowledges it). Every customer sends ``/start`` (a greeting and the menu: two messages
from one step) and ``/help`` (one message), ``--rounds`` times each, all queued at once.

1. Baseline, in the same run: the bot handles the whole load without being disturbed;
   what each chat received is the expected multiset of messages.
2. The same load with the bot killed with SIGKILL ``--kills`` times, each at a random
   moment within 1 s after it started polling, and started again at once; after the
   last kill it finishes the work.

Printed: messages expected, duplicates (received more often than in the baseline) and
lost (received less often) in total, per kill and as a share of all messages. The bot
records each sent message of a step, so a restart sends only the rest: at most the one
message in flight at the kill (Telegram has no idempotency key) can arrive twice.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.telegram_e2e import MANAGER_CHAT, BotProcess, prepare_database, until
from tests.support.telegram_fakes import FakeTelegram, Server

FIRST_CUSTOMER = 7000


def queue_load(fake: FakeTelegram, customers: int, rounds: int) -> None:
    for _ in range(rounds):
        for customer in range(FIRST_CUSTOMER, FIRST_CUSTOMER + customers):
            fake.message(customer, "/start", language="en")
            fake.message(customer, "/help", language="en")


def polls(fake: FakeTelegram) -> int:
    return sum(1 for method, _ in fake.calls if method == "getUpdates")


def received(fake: FakeTelegram, customers: int) -> Counter[tuple[int, str]]:
    counts: Counter[tuple[int, str]] = Counter()
    for customer in range(FIRST_CUSTOMER, FIRST_CUSTOMER + customers):
        counts.update((customer, text) for text in fake.texts(customer))
    return counts


async def run(
    folder: Path,
    customers: int,
    rounds: int,
    kills: int,
    expected: Counter[tuple[int, str]],
    code: Path | None = None,
) -> tuple[Counter[tuple[int, str]], int, int]:
    """Runs the load; returns what customers received, how many kills landed while answers
    were still due, and how many updates had answers owed at a restart."""
    await asyncio.to_thread(folder.mkdir, parents=True)
    await prepare_database(folder / "bot.sqlite3")
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    chance = random.Random(17)
    async with Server(fake) as server:
        bot = BotProcess(folder, server.url)
        if code is not None:
            bot.extra_env["PYTHONPATH"] = str(code)
        queue_load(fake, customers, rounds)
        started = 0
        await bot.start()
        total = customers * rounds * 3 if not expected else sum(expected.values())
        landed = 0
        for _ in range(kills):
            await until(fake, lambda since=started: polls(fake) > since, within=60, what="polling")
            await asyncio.sleep(chance.uniform(0.0, 1.0))
            if sum(received(fake, customers).values()) >= total:
                break  # all answered: a kill now would measure nothing
            await bot.kill()
            landed += 1
            started = polls(fake)
            await bot.start()

        def complete() -> bool:
            return sum(received(fake, customers).values()) >= total

        await until(fake, complete, within=600, what="every answer")
        await asyncio.sleep(2)  # anything still owed (a duplicate) has time to arrive
        assert await bot.stop() == 0, bot.log()[-3000:]
        resumed = bot.log().count("was handled before the bot stopped")
    return received(fake, customers), landed, resumed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument(
        "--compare",
        type=Path,
        help="another checkout of the bot (e.g. a git worktree of an older commit) to run "
        "the killed load with as well",
    )
    args = parser.parse_args()
    runs: list[tuple[str, Path | None]] = [("this checkout", None)]
    if args.compare is not None:
        runs.append((str(args.compare), args.compare.resolve()))
    with tempfile.TemporaryDirectory() as tmp:
        base, _, _ = await run(Path(tmp) / "baseline", args.customers, args.rounds, 0, Counter())
        total = sum(base.values())
        print(f"customers {args.customers}, updates {args.customers * args.rounds * 2}")
        print(f"messages expected (baseline run, no kills): {total}")
        for number, (name, code) in enumerate(runs):
            killed, landed, resumed = await run(
                Path(tmp) / f"killed-{number}", args.customers, args.rounds, args.kills, base, code
            )
            duplicates = sum((killed - base).values())
            lost = sum((base - killed).values())
            print(f"-- {name}")
            print(f"kills while answers were due: {landed}")
            print(f"updates whose answers were owed at a restart: {resumed}")
            print(
                f"duplicates: {duplicates} ({duplicates / total:.2%} of messages, "
                f"{duplicates / max(landed, 1):.2f} per kill)"
            )
            print(f"lost: {lost}")


if __name__ == "__main__":
    asyncio.run(main())
