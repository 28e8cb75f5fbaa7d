"""Way 3: a link request to managers (after consent), approved or rejected with the
buttons on its card; refusals for non-managers, forged and stale presses."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
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
    manager_chat,
    outbox_to,
    rows,
    snapshot,
)

#: The linking tests' fixtures: the clock at NOW, an engine with the demo data.
clock, engine = linking_support.clock, linking_support.engine


async def file_link_request(chat: Chat, *, ru: bool = True) -> None:
    """Through consent and the questions; the typed phone never links by itself."""
    await chat.send("/menu")
    await chat.press("Привязать мой аккаунт" if ru else "Link my account")
    await chat.press("Заявка менеджеру" if ru else "Request to a manager")
    assert ("152-ФЗ" if ru else "152-FZ") in chat.text  # consent first: it stores data
    await chat.press("Согласен" if ru else "I consent")
    assert ("Как вас зовут" if ru else "What is your name") in chat.text
    await chat.send("Иван Петров")
    await chat.send("Мебель-Про")
    await chat.send("+7 999 000 11 22")
    await chat.press("Пропустить" if ru else "Skip")


async def test_link_request_reaches_managers_and_approval_links_the_person(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    assert "Заявка №1 отправлена менеджерам" in person.text
    assert (await account_of(db, person)).customer_id is None

    [card] = await outbox_to(db, Platform.CONSOLE, MANAGERS)
    assert "привязка аккаунта" in card["text"] and "НЕ подтверждён" in card["text"]
    assert "Имя: Иван Петров" in card["text"] and "Телефон: +79990001122" in card["text"]
    card_buttons = buttons_of(card)
    assert {"Подтвердить привязку", "Отклонить привязку"} <= set(card_buttons)

    manager = manager_chat(engine)
    await manager.payload(card_buttons["Подтвердить привязку"])
    assert "Похожие клиенты" in manager.text
    await manager.press("Иван Петров (ООО «Мебель-Про»)")
    assert "Заявка №1: аккаунт привязан к клиенту Иван Петров" in manager.text

    petrov = await customer_by_phone(db, PETROV_PHONE)
    account = await account_of(db, person)
    assert (account.customer_id, account.linked_by) == (petrov.id, "manager")
    [told] = await outbox_to(db, Platform.TELEGRAM, person.user_id)
    assert "менеджер подтвердил привязку" in told["text"]
    [request] = await rows(db, "SELECT status, manager FROM requests")
    assert request == {"status": "done", "manager": f"console:{MANAGERS}"}
    updated = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[-1]
    assert "выполнена" in updated["text"] and buttons_of(updated) == {}

    # A second approval (another manager, a double tap) changes nothing.
    before = await snapshot(db)
    await manager.payload(encode("linking_desk.pick", 1, petrov.id))
    assert "уже закрыта (выполнена)" in manager.text
    await manager.payload(card_buttons["Подтвердить привязку"])
    assert "уже закрыта" in manager.text
    assert await snapshot(db) == before


async def test_manager_types_the_customer_and_the_person_is_told_in_english(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine, language="en")
    await file_link_request(person, ru=False)
    assert "Request #1 has been sent to the managers" in person.text
    manager = manager_chat(engine, language="en")
    card = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[0]  # the desk reads Russian
    await manager.payload(buttons_of(card)["Подтвердить привязку"])
    await manager.send("L-1004")
    assert 'Found for "L-1004"' in manager.text
    await manager.press("Анна Сидорова")
    assert "linked to the customer Анна Сидорова" in manager.text
    [told] = await outbox_to(db, Platform.TELEGRAM, person.user_id)
    assert "a manager confirmed the link" in told["text"]
    assert "Анна Сидорова (ИП Сидорова)" in told["text"]
    await manager.payload(encode("linking_desk.approve", 1))
    assert "is already closed" in manager.text


async def test_manager_search_that_finds_nobody_says_so(engine: Engine, db: Database) -> None:
    person = Chat(engine)
    await file_link_request(person)
    manager = manager_chat(engine)
    await manager.payload(encode("linking_desk.approve", 1))
    await manager.send("Несуществующий")
    assert "По «Несуществующий» никого не нашлось" in manager.text
    assert (await account_of(db, person)).customer_id is None


async def test_rejection_with_reason_reaches_the_person(engine: Engine, db: Database) -> None:
    person = Chat(engine)
    await file_link_request(person)
    manager = manager_chat(engine)
    card = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[0]
    await manager.payload(buttons_of(card)["Отклонить привязку"])
    assert "причину отказа по заявке №1" in manager.text
    await manager.send("Клиент с такими данными не найден")
    assert "Заявка №1 отклонена" in manager.text
    [told] = await outbox_to(db, Platform.TELEGRAM, person.user_id)
    assert "отклонена. Причина: Клиент с такими данными не найден" in told["text"]
    assert "Привязать мой аккаунт" in buttons_of(told)
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
        buttons_of(card)["Подтвердить привязку"],
        encode("linking_desk.pick", 1, petrov.id),
        buttons_of(card)["Отклонить привязку"],
    ):
        await person.payload(payload)  # the requester themself
        assert "только для менеджеров" in person.text
    stranger = Chat(engine, user_id="3003", language="en")
    await stranger.send("/start")
    before = await snapshot(db)
    await stranger.payload(encode("linking_desk.pick", 1, petrov.id))
    assert "for managers only" in stranger.text
    assert await snapshot(db) == before
    assert (await account_of(db, person)).customer_id is None


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("1:linking_desk.approve:999", "Заявка №999 не найдена"),
        ("1:linking_desk.pick:1:abc", "Эту кнопку я не узнаю"),
        ("1:linking_desk.pick:1", "Эту кнопку я не узнаю"),
        ("1:linking_desk.pick:1:999999", "Клиента №999999 нет"),
        ("1:linking_desk.grant:1", "Эту кнопку я не узнаю"),
        ("1:linking_desk.approve:1:../../x", "Эту кнопку я не узнаю"),
    ],
)
async def test_forged_payloads_change_nothing(
    engine: Engine, db: Database, payload: str, expected: str
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    manager = manager_chat(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(payload)
    assert expected in manager.text
    assert await snapshot(db) == before


async def test_approve_on_a_request_of_another_kind_is_refused(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await person.send("/start")
    await person.press("Продление поддержки")
    await person.press("7\u00a0990")
    await person.send("01.11.2026")
    await person.press("Запросить счёт")
    manager = manager_chat(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(encode("linking_desk.pick", 1, 1))
    assert "не заявка на привязку" in manager.text
    assert await snapshot(db) == before


async def test_a_second_request_while_one_is_pending_is_not_filed(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    await person.send("/menu")
    await person.press("Привязать мой аккаунт")
    await person.press("Заявка менеджеру")
    assert "заявка №1 на привязку уже у менеджеров" in person.text
    assert len(await rows(db, "SELECT id FROM requests")) == 1


async def test_own_contact_at_the_phone_question_links_at_once(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine)
    await person.send("/start")
    await person.press("Привязать мой аккаунт")
    await person.press("Заявка менеджеру")
    await person.press("Согласен")
    await person.send("Иван Петров")
    await person.press("Пропустить")
    assert any(reply.request_contact for reply in person.replies)
    await person.contact("someone", owner="77")  # not theirs: refused, asked again
    assert "Это чужой контакт" in person.text and "Телефон для связи" in person.text
    await person.contact(PETROV_PHONE)
    assert "аккаунт привязан к клиенту Иван Петров" in person.text
    assert await rows(db, "SELECT id FROM requests") == []
