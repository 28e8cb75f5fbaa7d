"""The promised first answer kept: a new request nobody took or answered within
``desk.first_response_minutes`` of working time is brought to the managers once, and again
at twice that time; never at night or on a holiday, never twice. Real SQLite, the engine
filing the requests, the job called with explicit moments."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.payloads import encode
from handlers.policy import Policy
from scheduler.escalations import escalate_unanswered
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import console_manager

MSK = ZoneInfo("Europe/Moscow")
DESK = ManagerDesk.console_only()


def msk(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=MSK)


async def escalations(db: Database) -> list[tuple[str, int, str]]:
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT dedupe_key, request_id, text FROM outbox "
            "WHERE dedupe_key LIKE 'escalation:%' ORDER BY id"
        )
    return [(row["dedupe_key"], row["request_id"], row["text"]) for row in rows]


async def question_at(db: Database, policy: Policy, moment: datetime, user_id: str = "1001") -> int:
    engine = await desk_world.engine_at(db, policy, moment)
    customer = Chat(engine, user_id=user_id)
    await customer.send("/start")
    await customer.send("Не открывается отчёт по складу")
    (number,) = [t.values["number"] for t in customer.rendered if t.key == "relay.question_filed"]
    return int(number)


async def test_friday_evening_question_is_escalated_on_monday_once_then_at_twice_the_time(
    db: Database, policy: Policy
) -> None:
    number = await question_at(db, policy, msk(2026, 11, 27, 17, 30))  # Friday
    for moment in (msk(2026, 11, 27, 17, 59), msk(2026, 11, 28, 12), msk(2026, 11, 30, 9, 29)):
        assert (await escalate_unanswered(db, policy, DESK, now=moment)).escalated == []
    run = await escalate_unanswered(db, policy, DESK, now=msk(2026, 11, 30, 9, 30))
    assert run.escalated == [(number, 1)]
    again = await escalate_unanswered(db, policy, DESK, now=msk(2026, 11, 30, 9, 35))
    assert again.escalated == []
    (first,) = await escalations(db)
    assert first[1] == number
    # golden: the exact wording
    assert first[2] == (
        f"⏰ Заявка №{number} (вопрос менеджеру) без ответа дольше обещанного: прошло "
        "60 рабочих минут. Возьмите её, пожалуйста."
    )
    run = await escalate_unanswered(db, policy, DESK, now=msk(2026, 11, 30, 10, 30))
    assert run.escalated == [(number, 2)]
    assert [key for key, _, _ in await escalations(db)] == [
        f"escalation:{number}:1:console:managers",
        f"escalation:{number}:2:console:managers",
    ]
    assert (await escalate_unanswered(db, policy, DESK, now=msk(2026, 12, 1, 12))).escalated == []


async def test_a_taken_request_is_never_escalated(db: Database, policy: Policy) -> None:
    number = await question_at(db, policy, msk(2026, 11, 30, 10))
    engine = await desk_world.engine_at(db, policy, msk(2026, 11, 30, 10, 20))
    await console_manager(engine).payload(encode("desk_actions.take", number))
    run = await escalate_unanswered(db, policy, DESK, now=msk(2026, 11, 30, 15))
    assert run.escalated == [] and await escalations(db) == []


async def test_over_the_new_year_holidays_nothing_is_escalated_until_work_resumes(
    db: Database, policy: Policy
) -> None:
    number = await question_at(db, policy, msk(2026, 12, 30, 17, 45))
    assert (await escalate_unanswered(db, policy, DESK, now=msk(2027, 1, 5, 12))).escalated == []
    run = await escalate_unanswered(db, policy, DESK, now=msk(2027, 1, 11, 9, 45))
    assert run.escalated == [(number, 1)]


async def test_both_levels_due_at_once_send_only_the_second(db: Database, policy: Policy) -> None:
    number = await question_at(db, policy, msk(2026, 11, 30, 10))
    run = await escalate_unanswered(db, policy, DESK, now=msk(2026, 12, 1, 10))  # bot was down
    assert run.escalated == [(number, 2)]
    assert len(await escalations(db)) == 1
    assert Platform.CONSOLE.value in (await escalations(db))[0][0]


async def test_a_backlog_due_long_ago_is_not_sent_in_a_burst(db: Database, policy: Policy) -> None:
    """After long downtime (or an upgrade with old unanswered requests) only escalations
    that fell due within the last day are sent."""
    old = await question_at(db, policy, msk(2026, 11, 23, 10))  # level 2 due 23.11 12:00
    recent = await question_at(db, policy, msk(2026, 11, 30, 10), "1002")  # level 2 due 12:00
    run = await escalate_unanswered(db, policy, DESK, now=msk(2026, 11, 30, 12, 5))
    assert run.escalated == [(recent, 2)]
    assert old not in [number for _, number, _ in await escalations(db)]
