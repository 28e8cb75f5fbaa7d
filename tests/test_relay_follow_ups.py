"""A customer's follow-ups reach their request's thread: written while idle (one or
several open requests, or none), after pressing "Reply", as text or as a file."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment
from handlers.engine.payloads import encode
from handlers.i18n import texts
from storage import requests
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import (
    CONSOLE_DESK,
    console_manager,
    events_of,
    file_renewal,
    last_to,
    messages_to,
    payloads,
    pdf,
    request_row,
    requests_filed,
    send_file,
    snapshot,
    state_of,
)

TG = Platform.TELEGRAM


#: The desk world's fixtures: the clock at NOW, an engine with the demo data and every flow.
clock, engine = desk_world.clock, desk_world.engine


# -- what the bot said, by catalogue key --------------------------------------------------


def heading(customer: Chat, number: int) -> str:
    """The first line of a customer's message relayed to the (Russian) desk: the request
    and who wrote, as the catalogue words them."""
    t = texts("ru")
    who = t(
        "desk.who_account",
        name=f"User {customer.user_id}",
        messenger=t("history.messenger_telegram"),
    )
    return customer.rendered_once("relay.to_managers", number=number, who=who).text


async def test_with_one_open_request_idle_text_goes_to_its_thread(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await customer.send("Счёт нужен на ООО, не на ИП")
    assert customer.said("relay.joined", number=number)
    # golden: the exact wording (Monday 12:00 in Moscow: the answer within 60 working minutes)
    assert customer.text == (
        f"Сообщение добавлено в заявку №{number}.\nОтвет придёт сюда сегодня до 13:00."
    )

    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.text == f"{heading(customer, number)}\nСчёт нужен на ООО, не на ИП"
    assert relayed.request_id == number
    assert payloads(relayed) == [
        encode("desk_actions.reply", number),
        encode("desk_actions.done", number),
    ]
    assert (await events_of(db, number))[-1] == (
        "customer",
        None,
        None,
        "Счёт нужен на ООО, не на ИП",
    )


async def test_in_english_too(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    await customer.send("Please make the invoice out to the company")
    assert customer.said_in("en", "relay.joined", number=number)
    assert customer.said_in("en", "relay.expect_by")


async def test_with_two_open_requests_the_customer_chooses_and_the_message_follows(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    first = await file_renewal(db, customer)
    second = await file_renewal(db, customer)
    before = len(await messages_to(db, *CONSOLE_DESK))
    await customer.send("Когда будет счёт?")
    assert customer.said("relay.pick")
    ru = texts("ru")
    assert customer.button_of(
        "relay.pick_button",
        number=second,
        kind=ru("desk.kind_renewal"),
        status=ru("desk.status_new"),
    )
    assert len(await messages_to(db, *CONSOLE_DESK)) == before  # nothing sent yet

    await customer.send("ну?")
    assert customer.said("relay.pick_hint")
    await customer.payload(encode("relay.pick", first))
    assert customer.said("relay.sent", number=first)
    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.text.endswith("Когда будет счёт?") and relayed.request_id == first
    assert await state_of(db, TG, "1001") == (None, None)

    # The same choice pressed again is stale: nothing is sent twice.
    count = len(await messages_to(db, *CONSOLE_DESK))
    await customer.payload(encode("relay.pick", first))
    assert customer.said("common.stale_button")
    assert len(await messages_to(db, *CONSOLE_DESK)) == count


async def test_choosing_someone_elses_request_sends_nothing(engine: Engine, db: Database) -> None:
    other = Chat(engine, user_id="2002")
    foreign = await file_renewal(db, other)
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    await file_renewal(db, customer)
    await customer.send("Когда будет счёт?")
    before = await snapshot(db)
    await customer.payload(encode("relay.pick", foreign))
    assert customer.said("relay.not_yours")
    assert await snapshot(db) == before
    assert await state_of(db, TG, "1001") == ("relay", "pick")


async def test_without_requests_a_message_opens_a_question_for_the_managers(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    await customer.send("здравствуйте")
    assert not customer.said("common.use_menu")
    number = (await requests_filed(db))[-1]["id"]
    assert customer.said("relay.question_filed", number=number)
    assert (await request_row(db, number))["kind"] == "question"
    assert (await last_to(db, *CONSOLE_DESK)).request_id == number


async def test_a_closed_request_takes_no_follow_ups(engine: Engine, db: Database) -> None:
    """Closed before any answer: a later message is a new question that names it, and the
    old request stays closed; its "Reply" button refuses."""
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await console_manager(engine).payload(encode("desk_actions.done", number))
    await customer.send("а ещё вопрос")
    new = (await requests_filed(db))[-1]["id"]
    assert new != number
    assert customer.said("relay.question_filed_follows", number=new, previous=number)
    assert (await request_row(db, number))["status"] == "done"
    before = await snapshot(db)
    await customer.payload(encode("relay.to", number))
    assert customer.said("relay.closed", number=number)
    assert await snapshot(db) == before


async def test_a_file_follow_up_is_recorded_on_the_request_and_managers_are_told(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await send_file(customer, pdf("реквизиты.pdf"), text="Реквизиты во вложении")
    assert customer.said("relay.joined", number=number)
    async with db.unit() as unit:
        files = await requests.attachments(unit, number)
    assert [(f.original_name, f.platform_file, f.role) for f in files] == [
        ("реквизиты.pdf", "tg-file-реквизиты.pdf", "other")
    ]
    relayed = await last_to(db, *CONSOLE_DESK)
    files = customer.rendered_once("relay.files_line", count=1, names="реквизиты.pdf")
    assert relayed.text.endswith(f"Реквизиты во вложении\n{files.text}")


async def test_a_wrong_file_is_refused_and_nothing_is_recorded(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    before = await snapshot(db)
    await send_file(customer, Attachment("tg-x", "virus.exe", 1000))
    assert "PDF" in str(customer.rendered_once("uploads.wrong_type").values["types"])
    await send_file(customer, pdf(size=50 * 1024 * 1024))
    # A file with a message of one's own may be up to uploads.message_max_mb (20 MB).
    assert customer.said("uploads.too_large", max_mb=20)
    assert await snapshot(db) == before


async def test_reply_button_then_a_file_and_waiting_request_goes_back_into_work(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send("Пришлите акт")
    assert (await request_row(db, number))["status"] == "waiting_customer"

    answer = await last_to(db, TG, "1002")
    await customer.payload(answer.buttons[0][0][1])
    assert customer.said_in("en", "relay.ask_message", number=number)
    await customer.send("/cancel")
    await customer.payload(answer.buttons[0][0][1])
    await send_file(customer, pdf("act.pdf"))
    assert customer.said_in("en", "relay.sent", number=number)
    assert (await request_row(db, number))["status"] == "in_work"
    assert (await events_of(db, number))[-2:] == [
        ("customer", "waiting_customer", "in_work", ""),
        ("customer", None, None, "[act.pdf]"),
    ]
    relayed = await last_to(db, *CONSOLE_DESK)
    files = customer.rendered_once("relay.files_line", count=1, names="act.pdf")
    assert relayed.text == f"{heading(customer, number)}\n{files.text}"


@pytest.mark.parametrize(
    ("payload", "answer"),
    [
        ("1:relay.to:999", "relay.not_yours"),
        ("1:relay.to:abc", "common.bad_button"),
        ("1:relay.to", "common.bad_button"),
        ("1:relay.jump:1", "common.bad_button"),
        ("1:relay.pick:1", "common.stale_button"),
    ],
)
async def test_forged_relay_buttons_change_nothing(
    engine: Engine, db: Database, payload: str, answer: str
) -> None:
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    await customer.send("/menu")
    before = await snapshot(db)
    await customer.payload(payload)
    assert customer.said(answer)
    assert await snapshot(db) == before
    assert await state_of(db, TG, "1001") == (None, None)


async def test_someone_elses_reply_button_is_refused(engine: Engine, db: Database) -> None:
    owner = Chat(engine, user_id="1001")
    number = await file_renewal(db, owner)
    stranger = Chat(engine, user_id="2002")
    await stranger.send("/start")
    before = await snapshot(db)
    await stranger.payload(encode("relay.to", number))
    assert stranger.said("relay.not_yours")
    assert await snapshot(db) == before
    assert await state_of(db, TG, "2002") == (None, None)
