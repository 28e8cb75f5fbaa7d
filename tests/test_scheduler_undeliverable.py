"""A support reminder nobody could receive becomes one call-back task per series."""

from __future__ import annotations

from datetime import UTC, date, datetime

from handlers.desk.manager_desk import ManagerDesk
from handlers.policy import Policy
from scheduler import jobs
from scheduler.support_reminders import send_support_reminders
from scheduler.undeliverable import on_undeliverable
from storage import manager_tasks, outbox, requests
from storage.db import Database
from storage.models import Platform, RequestKind, RequestStatus
from tests.support.scheduler_world import (
    Person,
    count,
    license_id,
    license_row,
    link,
    load,
    local,
    outbox_rows,
)

DESK = ManagerDesk.console_only()
PETROV = Person("Иван Петров", "+79990001122", company="ООО «Мебель-Про»")
SOFIA = Person("Georgi Ivanov", "+359888123456", "en")
END = date(2027, 3, 31)


async def setup(db: Database) -> None:
    await load(
        db,
        [
            license_row(PETROV, "MEBEL", "L-1", END),
            license_row(SOFIA, "REPORT", "L-2", END),
        ],
        datetime(2027, 1, 1, tzinfo=UTC),
    )
    await link(db, PETROV, "101")
    await link(db, SOFIA, "201")
    await link(db, SOFIA, "202", platform=Platform.VK)


async def remind(db: Database, policy: Policy, day: date) -> None:
    await send_support_reminders(db, policy, day=day, now=local(day, 10, 0, policy), catch_up=False)


async def refuse(db: Database, chat_id: str, error: str = "Forbidden: bot was blocked") -> None:
    for row in await outbox_rows(db, prefix="reminder:"):
        if row["chat_id"] == chat_id:
            async with db.unit() as unit:
                message = await outbox.get(unit, row["id"])
                assert message is not None
                if message.status == "pending":
                    await outbox.mark_refused(unit, row["id"], error, datetime.now(UTC))


async def test_a_blocked_bot_makes_one_call_back_task_per_series(
    db: Database, policy: Policy
) -> None:
    await setup(db)
    await remind(db, policy, date(2027, 3, 1))  # before_end:30
    await refuse(db, "101")
    now = local(date(2027, 3, 1), 10, 10, policy)
    first = await jobs.run_undeliverable_scan(db, policy, DESK, now)
    assert len(first.filed) == 1
    lic = await license_id(db, "L-1")
    async with db.unit() as unit:
        request = await requests.get(unit, first.filed[0])
        tasks = await manager_tasks.of_license(unit, lic)
    assert request is not None
    assert (request.kind, request.status, request.verified) == (
        RequestKind.CALLBACK,
        RequestStatus.NEW,
        True,
    )
    assert [(t.support_end, t.request_id) for t in tasks] == [(END, request.id)]
    (card,) = [row for row in await outbox_rows(db) if row["request_id"] == request.id]
    assert card["chat_id"] == "managers"
    assert "Иван Петров (ООО «Мебель-Про»), +79990001122" in card["text"]
    assert "Лицензия L-1 (Базис-Мебельщик), поддержка до 31.03.2027" in card["text"]
    assert "не доставлено (Telegram): позвоните клиенту" in card["text"]

    # The next reminders of the series, refused too, and repeated scans: still one task.
    for day in (date(2027, 3, 24), date(2027, 3, 30)):
        await remind(db, policy, day)
        await refuse(db, "101")
        assert (await jobs.run_undeliverable_scan(db, policy, DESK, now)).filed == []
    assert await count(db, "manager_tasks") == 1
    assert await count(db, "requests") == 1


async def test_no_task_while_another_chat_of_the_customer_got_the_reminder(
    db: Database, policy: Policy
) -> None:
    await setup(db)
    await remind(db, policy, date(2027, 3, 1))
    await refuse(db, "202", "VK error 901: can't send messages to this user")
    now = local(date(2027, 3, 1), 11, 0, policy)
    assert (await jobs.run_undeliverable_scan(db, policy, DESK, now)).filed == []  # 201 pending
    for row in await outbox_rows(db, prefix="reminder:"):
        if row["chat_id"] == "201":
            async with db.unit() as unit:
                await outbox.mark_sent(unit, row["id"], now)
    assert (await jobs.run_undeliverable_scan(db, policy, DESK, now)).filed == []
    assert await count(db, "manager_tasks") == 0


async def test_the_channel_hook_files_at_once_and_a_new_series_gets_a_new_task(
    db: Database, policy: Policy
) -> None:
    await setup(db)
    await remind(db, policy, date(2027, 3, 1))
    (row,) = [r for r in await outbox_rows(db, prefix="reminder:") if r["chat_id"] == "101"]
    now = local(date(2027, 3, 1), 10, 1, policy)
    async with db.unit() as unit:
        await outbox.mark_refused(unit, row["id"], "Forbidden", now)
        number = await on_undeliverable(unit, row["id"], policy=policy, desk=DESK, now=now)
        again = await on_undeliverable(unit, row["id"], policy=policy, desk=DESK, now=now)
    assert number is not None and again is None
    assert (await jobs.run_undeliverable_scan(db, policy, DESK, now)).filed == []

    # The license is renewed (new support end): its series is new, and so is its task.
    await load(db, [license_row(PETROV, "MEBEL", "L-1", date(2027, 6, 30))], now)
    await remind(db, policy, date(2027, 5, 31))
    await refuse(db, "101")
    later = await jobs.run_undeliverable_scan(
        db, policy, DESK, local(date(2027, 5, 31), 11, 0, policy)
    )
    assert len(later.filed) == 1 and later.filed[0] != number
    assert await count(db, "manager_tasks") == 2


async def test_the_hook_ignores_messages_that_are_not_reminders(
    db: Database, policy: Policy
) -> None:
    now = datetime(2027, 3, 1, 9, tzinfo=UTC)
    async with db.unit() as unit:
        plain = await outbox.enqueue(unit, Platform.TELEGRAM, "5", "hello", now=now)
        assert plain is not None
        await outbox.mark_refused(unit, plain, "Forbidden", now)
        assert await on_undeliverable(unit, plain, policy=policy, desk=DESK, now=now) is None
    assert await count(db, "requests") == 0
