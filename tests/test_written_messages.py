"""Customers who write instead of pressing buttons: whatever they type outside a step
reaches a person, in the thread it belongs to, and they are told which request and when
the answer will come. Real SQLite, the engine with every flow, a controllable clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage import requests as requests_module
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (
    CONSOLE_DESK,
    console_manager,
    events_of,
    file_renewal,
    last_to,
    messages_to,
    request_row,
)

MSK = ZoneInfo("Europe/Moscow")
TG = Platform.TELEGRAM
clock, engine = desk_world.clock, desk_world.engine


async def requests_of(db: Database) -> list[dict[str, object]]:
    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT id, kind, status, details FROM requests ORDER BY id")
    return [dict(row) for row in rows]


async def answer(engine: Engine, number: int, text: str) -> Chat:
    """A manager presses Reply on request ``number`` and writes ``text``."""
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send(text)
    assert manager.said("desk_actions.reply_sent", number=number)
    return manager


def split_payload(chat: Chat) -> str:
    return chat.button_of("relay.split").payload


async def test_a_question_typed_at_the_menu_becomes_a_request_with_a_promised_answer(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    await customer.send("Добрый день! Не запускается программа после обновления.")
    (filed,) = await requests_of(db)
    assert (filed["kind"], filed["status"]) == ("question", "new")
    assert customer.said("relay.question_filed", number=filed["id"])
    # Monday 12:00 in Moscow, the first answer promised within 60 working minutes.
    assert customer.said("relay.expect_by", time="13:00")
    # golden: the exact wording
    assert customer.text == (
        f"Ваш вопрос передан менеджерам: заявка №{filed['id']}.\n"
        "Ответ придёт сюда сегодня до 13:00."
    )
    card = await last_to(db, *CONSOLE_DESK)
    assert "Не запускается программа после обновления." in card.text
    assert "relay.split" not in customer.keys  # nothing to split it from


async def test_after_hours_the_promise_is_the_next_morning_with_a_call_back_offered(
    db: Database, policy: Policy
) -> None:
    friday_evening = datetime(2026, 11, 27, 20, 0, tzinfo=MSK)
    engine = await desk_world.engine_at(db, policy, friday_evening)
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    await customer.send("Срочно нужен счёт")
    (filed,) = await requests_of(db)
    assert customer.said("relay.question_filed", number=filed["id"])
    assert customer.said("relay.expect_after_hours")
    assert "в понедельник, 30.11.2026, до 10:00" in customer.text
    call_back = customer.button_of("callback.menu")
    assert call_back.payload == encode("go", "callback")
    row = await request_row(db, int(filed["id"]))
    assert row["due_at"].startswith("2026-11-30T06:00")  # Monday 09:00 in Moscow, UTC


async def test_a_message_joins_the_only_open_request_and_can_be_split_off(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await customer.send("Реквизиты пришлю завтра")
    assert customer.said("relay.joined", number=number)
    assert customer.said("relay.expect_by")
    assert (await events_of(db, number))[-1] == ("customer", None, None, "Реквизиты пришлю завтра")

    await customer.payload(split_payload(customer))
    requests = await requests_of(db)
    new = requests[-1]
    assert (new["kind"], len(requests)) == ("question", 2)
    assert customer.said("relay.split_done", number=new["id"])
    card = await last_to(db, *CONSOLE_DESK)
    assert "Реквизиты пришлю завтра" in card.text and f"из заявки №{number}" in card.text
    # Pressed again: nothing is moved twice.
    await customer.payload(encode("relay.split", _last_customer_event(await _events(db, number))))
    assert customer.said("relay.split_stale")
    assert len(await requests_of(db)) == 2


async def _events(db: Database, number: int) -> list[tuple[int, str, str]]:
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT id, actor, note FROM request_events WHERE request_id = ? ORDER BY id",
            (number,),
        )
    return [(r["id"], r["actor"], r["note"]) for r in rows]


def _last_customer_event(events: list[tuple[int, str, str]]) -> int:
    return max(event_id for event_id, actor, note in events if actor == "customer" and note)


async def test_the_request_a_manager_answered_takes_the_reply_with_no_picker(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    first = await file_renewal(db, customer)
    second = await file_renewal(db, customer)
    await answer(engine, first, "Счёт выставлен, оплатите до пятницы.")
    told = await last_to(db, TG, "1001")
    assert told.text.startswith(f"Ответ по заявке №{first}, менеджер User managers:")

    await customer.send("Спасибо, оплатили")
    assert customer.said("relay.joined", number=first)
    assert not customer.said("relay.pick")
    assert (await request_row(db, first))["status"] == "in_work"
    assert (await request_row(db, second))["status"] == "new"

    # Now the second one is answered later: it takes the next message.
    await answer(engine, second, "И по второй заявке счёт готов.")
    await customer.send("Получили, спасибо")
    assert customer.said("relay.joined", number=second)


async def test_two_open_unanswered_requests_ask_once_with_a_new_question_choice(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    first = await file_renewal(db, customer)
    second = await file_renewal(db, customer)
    await customer.send("А можно оплатить картой?")
    assert customer.said("relay.pick")
    assert {first, second} <= {
        int(b.payload.rsplit(":", 1)[1])
        for b in (customer.button_of("relay.pick_button", number=n) for n in (first, second))
    }
    await customer.press_key("relay.pick_new")
    new = (await requests_of(db))[-1]
    assert new["kind"] == "question" and customer.said("relay.question_filed", number=new["id"])
    card = await last_to(db, *CONSOLE_DESK)
    assert "А можно оплатить картой?" in card.text


async def test_a_done_request_reopens_within_the_window_and_not_after(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await answer(engine, number, "Готово, ключ продлён.")
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.done", number))
    assert (await request_row(db, number))["status"] == "done"

    clock.advance(days=3)
    await customer.send("Ключ снова не видится")
    assert customer.said("relay.reopened", number=number)
    assert (await request_row(db, number))["status"] == "in_work"
    assert (await events_of(db, number))[-2][1:3] == ("done", "in_work")

    await manager.payload(encode("desk_actions.done", number))
    clock.advance(days=8)
    await customer.send("Опять та же беда")
    new = (await requests_of(db))[-1]
    assert new["id"] != number and new["kind"] == "question"
    assert customer.said("relay.question_filed_follows", number=new["id"], previous=number)
    assert f"Продолжение заявки №{number}" in (await last_to(db, *CONSOLE_DESK)).text
    assert (await request_row(db, number))["status"] == "done"


@pytest.mark.parametrize(
    ("language", "filed"),
    [
        ("en", "Your question went to the managers: request #1."),
        ("bg", "Въпросът Ви е предаден на мениджърите: заявка №1."),
    ],
)
async def test_in_english_and_bulgarian(
    engine: Engine, db: Database, language: str, filed: str
) -> None:
    customer = Chat(engine, user_id="1001", language=language)
    await customer.send("/start")
    await customer.send("Hello, the program does not start")
    # golden: the exact wording
    assert customer.text.splitlines()[0] == filed
    (promise,) = [text for text in customer.rendered if text.key == "relay.expect_by"]
    assert promise.language == language and customer.text.splitlines()[1] == promise.text


@pytest.mark.parametrize("show", [True, False])
async def test_a_managers_answer_names_the_manager_unless_the_vendor_hides_names(
    db: Database, policy: Policy, show: bool
) -> None:
    desk = policy.desk.model_copy(update={"show_manager_names": show})
    engine = await desk_world.make_engine(
        db, policy.model_copy(update={"desk": desk}), Clock(desk_world.NOW)
    )
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await answer(engine, number, "Добрый день!")
    told = (await messages_to(db, TG, "1001"))[-1]
    # golden: the exact wording
    heading = (
        f"Ответ по заявке №{number}, менеджер User managers:"
        if show
        else f"Ответ менеджера по заявке №{number}:"
    )
    assert told.text == f"{heading}\nДобрый день!"


async def test_a_voice_message_at_the_menu_reaches_the_managers_as_a_question(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    voice = Attachment("tg-voice-1", "voice_AgADx.ogg", 48_000, "audio/ogg")
    await customer.send_files([voice])
    (filed,) = await requests_of(db)
    assert customer.said("relay.question_filed", number=filed["id"])
    async with db.unit() as unit:
        files = await requests_module.attachments(unit, int(filed["id"]))
    assert [(f.original_name, f.platform_file, f.role) for f in files] == [
        ("voice_AgADx.ogg", "tg-voice-1", "other")
    ]
    # A program is still refused, with the reason, and nothing is filed.
    await customer.send_files([Attachment("tg-x", "setup.exe", 1000, "")])
    assert customer.said("uploads.wrong_type")
    assert len(await requests_of(db)) == 1
