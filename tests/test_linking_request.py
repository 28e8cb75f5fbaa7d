"""Way 3: a link request to managers (after consent), approved or rejected with the
buttons on its card; refusals for non-managers, forged and stale presses."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.i18n import texts
from storage.db import Database
from storage.models import Platform
from tests.support import linking_support
from tests.support.chat import Chat
from tests.support.linking_support import (
    MANAGERS,
    PETROV_PHONE,
    account_of,
    buttons_of,
    customer_by_phone,
    file_link_request,
    manager_chat,
    outbox_to,
    rows,
    snapshot,
)

#: The linking tests' fixtures: the clock at NOW, an engine with the demo data.
clock, engine = linking_support.clock, linking_support.engine


# -- what the bot said, by catalogue key --------------------------------------------------


def desk_label(key: str) -> str:
    """A card button's label as the desk (which reads Russian) sees it."""
    return texts("ru")(key)


async def test_link_request_reaches_managers_and_approval_links_the_person(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    assert person.said("link_request.filed", number=1)
    # golden: the exact wording
    assert (
        "Заявка №1 отправлена менеджерам. Я сообщу здесь, когда они её рассмотрят." in person.text
    )
    assert (await account_of(db, person)).customer_id is None

    [card] = await outbox_to(db, Platform.CONSOLE, MANAGERS)
    ru = texts("ru")
    header = person.rendered_once("desk.card_header", number=1, kind=ru("desk.kind_link"))
    who = person.rendered_once("desk.card_customer", verified=ru("desk.unverified"))
    name = person.rendered_once("link_request.card_name", name="Иван Петров")
    phone = person.rendered_once("link_request.card_phone", phone="+79990001122")
    assert all(line.text in card["text"] for line in (header, who, name, phone))
    card_buttons = buttons_of(card)
    approve, reject = desk_label("linking_desk.approve"), desk_label("linking_desk.reject")
    assert {approve, reject} <= set(card_buttons)

    manager = manager_chat(engine)
    await manager.payload(card_buttons[approve])
    assert manager.said("linking_desk.suggested")
    await manager.press("Иван Петров (ООО «Мебель-Про»)")  # a customer's name: data, not wording
    petrov_label = "Иван Петров (ООО «Мебель-Про»)"
    assert manager.said("linking_desk.approved", number=1, customer=petrov_label)

    petrov = await customer_by_phone(db, PETROV_PHONE)
    account = await account_of(db, person)
    assert (account.customer_id, account.linked_by) == (petrov.id, "manager")
    [told] = await outbox_to(db, Platform.TELEGRAM, person.user_id)
    linked = manager.rendered_once("linking.linked_by_manager", number=1, customer=petrov_label)
    assert linked.text in told["text"]
    [request] = await rows(db, "SELECT status, manager FROM requests")
    assert request == {"status": "done", "manager": f"console:{MANAGERS}"}
    updated = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[-1]
    done = ru("desk.status_done")
    assert manager.rendered_once("desk.card_header", number=1, status=done).text in updated["text"]
    assert buttons_of(updated) == {}

    # A second approval (another manager, a double tap) changes nothing.
    before = await snapshot(db)
    await manager.payload(encode("linking_desk.pick", 1, petrov.id))
    assert manager.said("linking_desk.closed", number=1, status=done)
    await manager.payload(card_buttons[approve])
    assert manager.said("linking_desk.closed", number=1)
    assert await snapshot(db) == before


async def test_manager_types_the_customer_and_the_person_is_told_in_english(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine, language="en")
    await file_link_request(person)
    assert person.said_in("en", "link_request.filed", number=1)
    manager = manager_chat(engine, language="en")
    card = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[0]  # the desk reads Russian
    await manager.payload(buttons_of(card)[desk_label("linking_desk.approve")])
    await manager.send("L-1004")
    assert manager.said_in("en", "linking_desk.found", query="L-1004")
    await manager.press("Анна Сидорова")  # a customer's name: data, not wording
    sidorova = "Анна Сидорова (ИП Сидорова)"
    assert manager.said_in("en", "linking_desk.approved", number=1, customer=sidorova)
    [told] = await outbox_to(db, Platform.TELEGRAM, person.user_id)
    linked = manager.rendered_once("linking.linked_by_manager", number=1, customer=sidorova)
    assert linked.text in told["text"] and linked.language == "en"
    await manager.payload(encode("linking_desk.approve", 1))
    assert manager.said_in("en", "linking_desk.closed", number=1)


async def test_manager_search_that_finds_nobody_says_so(engine: Engine, db: Database) -> None:
    person = Chat(engine)
    await file_link_request(person)
    manager = manager_chat(engine)
    await manager.payload(encode("linking_desk.approve", 1))
    await manager.send("Несуществующий")
    assert manager.said("linking_desk.nothing_found", query="Несуществующий")
    assert (await account_of(db, person)).customer_id is None


async def test_rejection_with_reason_reaches_the_person(engine: Engine, db: Database) -> None:
    person = Chat(engine)
    await file_link_request(person)
    manager = manager_chat(engine)
    card = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[0]
    await manager.payload(buttons_of(card)[desk_label("linking_desk.reject")])
    assert manager.said("linking_desk.ask_reason", number=1)
    await manager.send("Клиент с такими данными не найден")
    assert manager.said("linking_desk.rejected", number=1)
    [told] = await outbox_to(db, Platform.TELEGRAM, person.user_id)
    reason = "Клиент с такими данными не найден"
    rejected = manager.rendered_once("linking.rejected_by_manager", number=1, reason=reason)
    assert rejected.text in told["text"]
    assert texts("ru")("linking.menu") in buttons_of(told)
    [request] = await rows(db, "SELECT status FROM requests")
    assert request["status"] == "rejected"
    assert (await account_of(db, person)).customer_id is None


async def test_non_manager_pressing_approve_is_refused_and_nothing_changes(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    card = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[0]
    petrov = await customer_by_phone(db, PETROV_PHONE)
    before = await snapshot(db)
    for payload in (
        buttons_of(card)[desk_label("linking_desk.approve")],
        encode("linking_desk.pick", 1, petrov.id),
        buttons_of(card)[desk_label("linking_desk.reject")],
    ):
        await person.payload(payload)  # the requester themself
        assert person.said_in("ru", "common.managers_only")
    stranger = Chat(engine, user_id="3003", language="en")
    await stranger.send("/start")
    before = await snapshot(db)
    await stranger.payload(encode("linking_desk.pick", 1, petrov.id))
    assert stranger.said_in("en", "common.managers_only")
    assert await snapshot(db) == before
    assert (await account_of(db, person)).customer_id is None


@pytest.mark.parametrize(
    ("payload", "expected", "values"),
    [
        ("1:linking_desk.approve:999", "linking_desk.not_link_request", {"number": 999}),
        ("1:linking_desk.pick:1:abc", "common.bad_button", {}),
        ("1:linking_desk.pick:1", "common.bad_button", {}),
        ("1:linking_desk.pick:1:999999", "linking_desk.no_customer", {"number": 999999}),
        ("1:linking_desk.grant:1", "common.bad_button", {}),
        ("1:linking_desk.approve:1:../../x", "common.bad_button", {}),
    ],
)
async def test_forged_payloads_change_nothing(
    engine: Engine, db: Database, payload: str, expected: str, values: dict[str, object]
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    manager = manager_chat(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(payload)
    assert manager.said(expected, **values)
    assert await snapshot(db) == before


async def test_approve_on_a_request_of_another_kind_is_refused(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await person.send("/start")
    await person.press_key("menu.renewal")
    await person.press_key("renewal.product_button", name="Базис-Отчёт")  # 7 990 ₽ a year
    await person.send("01.11.2026")
    await person.press_key("renewal.request_invoice")
    manager = manager_chat(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(encode("linking_desk.pick", 1, 1))
    assert manager.said("linking_desk.not_link_request", number=1)
    assert await snapshot(db) == before


async def test_a_second_request_while_one_is_pending_is_not_filed(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    await person.send("/menu")
    await person.press_key("linking.menu")
    await person.press_key("linking.by_request")
    assert person.said("link_request.pending", number=1)
    assert len(await rows(db, "SELECT id FROM requests")) == 1


async def test_own_contact_at_the_phone_question_links_at_once(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await person.send("/start")
    await person.press_key("linking.menu")
    await person.press_key("linking.by_request")
    await person.press_key("consent.agree")
    await person.send("Иван Петров")
    await person.press_key("link_request.skip")
    assert any(reply.request_contact for reply in person.replies)
    await person.contact("someone", owner="77")  # not theirs: refused, asked again
    assert person.said("linking.contact_foreign") and person.said("link_request.ask_phone")
    await person.contact(PETROV_PHONE)
    assert person.said("linking.linked", customer="Иван Петров (ООО «Мебель-Про»)")
    assert await rows(db, "SELECT id FROM requests") == []
