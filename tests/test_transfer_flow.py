"""Transfer, merge, redistribution of licenses (docs/rules.md#license-transfer): the
customer's side end to end, through the engine on a real SQLite file, in Russian and
English."""

from __future__ import annotations

import pytest

from handlers.desk.transfer_desk import TransferDeskFlow
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.transfer.flow import TransferFlow
from handlers.policy import Policy
from storage.db import Database
from storage.models import RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.key_requests import (
    MB,
    NOW,
    PETROV,
    SIDOROVA,
    agree_if_asked,
    attachment_roles,
    last_request_id,
    link,
    outbox_rows,
    outbox_texts,
    request,
    send_file,
    snapshot,
)
from tests.support.key_requests import demo_engine as build

MENU_RU = "Перенос и объединение лицензий"
MENU_EN = "Transfer or merge licenses"


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, TransferFlow(), TransferDeskFlow())


async def sidorova_until_modules(db: Database, chat: Chat) -> None:
    """Sidorova chooses L-1004 (button) and L-1005 (typed), 3 workplaces, module M-100200."""
    await link(db, chat, SIDOROVA)
    await chat.send("/menu")
    await chat.press(MENU_RU)
    assert "152-ФЗ" in chat.text  # documents are personal data: consent comes first
    await agree_if_asked(chat)
    assert "Что нужно сделать с лицензиями?" in chat.text
    await chat.press("Перенести с одного")
    await chat.press("L-1004")
    assert "✅ L-1004 · Базис-Шкаф · 2 рабочих места" in chat.labels
    await chat.send("l-1005")  # typed, in any case
    assert "Выбрано: L-1004, L-1005" in chat.text
    await chat.press("Готово (выбрано: 2)")
    await chat.press("3 (как в выбранных лицензиях)")
    await chat.press("M-100200")
    await chat.press("Готово (выбрано: 1)")
    await chat.press("Не требуется")


async def test_transfer_end_to_end_with_several_license_files(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await sidorova_until_modules(db, chat)
    assert "Будут ли возвращаться модули защиты?" in chat.text
    await chat.press("Да, вернём модули")

    number = await last_request_id(db)
    text = chat.text
    for expected in (
        f"Заявка №{number} создана и ждёт документов",
        "наименование ПО и номера всех задействованных лицензий: Базис-Шкаф, Базис-Отчёт; "
        "L-1004, L-1005",
        "количество рабочих мест: 3",
        "номера ключей/модулей защиты: M-100200",
        "гарантию неиспользования файлов лицензий, полученных ранее",
        "гарантию возврата модулей защиты",
        "Пришлите скан этого письма",
    ):
        assert expected in text, expected
    assert "порядок перераспределения" not in text
    filed = await request(db, number)
    assert filed.status is RequestStatus.WAITING_DOCUMENTS and filed.verified
    assert "ждёт документы" in (await outbox_texts(db, number))[0]

    await chat.send("письмо пришлю потом")
    assert "Мне нужен файл — скан письма" in chat.text
    await send_file(chat, "letter.pdf")
    assert "Получил: письмо на бланке компании (letter.pdf)" in chat.text
    assert "Получено файлов: 0" in chat.text

    before = await snapshot(db)
    await chat.press("Это все")
    assert "Пришлите хотя бы один файл лицензии" in chat.text
    await send_file(chat, "virus.exe")
    assert "Такой тип файла я не принимаю" in chat.text and "WIBUCMRAU" in chat.text
    await send_file(chat, "big.WibuCmRaU", size=10 * MB + 1)
    assert "больше 10 МБ" in chat.text
    await send_file(chat, "two.lic", count=2)
    assert "по одному файлу" in chat.text
    assert await snapshot(db) == before

    await send_file(chat, "L-1004.WibuCmRaU")
    assert "Получено файлов: 1" in chat.text
    await send_file(chat, "L-1005.lic")
    assert "Получено файлов: 2" in chat.text
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS
    await chat.press("Это все")
    assert f"Заявка №{number} передана менеджерам" in chat.text
    assert "заменят новыми" in chat.text

    assert await attachment_roles(db, number) == ["letter", "license_file", "license_file"]
    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    assert done.details["module_return"] == "pending"
    card = (await outbox_rows(db))[-1]
    for expected in (
        f"Заявка №{number}: перенос лицензий — новая",
        "Операция: перенос лицензий на один ключ",
        "Лицензии: L-1004, L-1005",
        "Рабочих мест: 3",
        "Ключи/модули: M-100200",
        "Порядок перераспределения: не требуется",
        "Возврат модулей: да — нужно решение",
        "Документы: получены",
        "Файлы (3): letter.pdf, L-1004.WibuCmRaU, L-1005.lic",
    ):
        assert expected in card["text"], expected
    assert "Одобрить возврат модулей" in card["buttons"]
    assert "Отклонить возврат модулей" in card["buttons"]
    assert "Взять" in card["buttons"]


async def test_redistribution_needs_the_order_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await link(db, chat, PETROV)
    await chat.send("/menu")
    await chat.press(MENU_EN)
    await agree_if_asked(chat)
    await chat.press("Redistribute workplaces")
    await chat.send("L-1001, L-1002")
    await chat.press("Done (chosen: 2)")
    await chat.send("2")
    await chat.send("3-1234567")
    await chat.press("Done (chosen: 1)")
    assert "Describe the redistribution order" in chat.text
    assert "Not needed" not in chat.labels
    # The "not needed" button from another step, forged here: refused.
    await chat.payload(encode("transfer.no_order"))
    assert "Describe the order in one message" in chat.text
    await chat.send("L-1001: 1 workplace on 3-1234567; L-1002: 1 workplace on a new key")
    await chat.press("No")
    number = await last_request_id(db)
    assert f"Request #{number} has been created" in chat.text
    assert "the order of redistributing workplaces: L-1001: 1 workplace" in chat.text
    assert "a guarantee to return the protection modules" not in chat.text
    await send_file(chat, "letter.png")
    await send_file(chat, "licenses.zip")
    await chat.press("That's all")
    assert f"Request #{number} has been passed to the managers" in chat.text
    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    assert "module_return" not in done.details
    card = (await outbox_rows(db))[-1]
    assert "Возврат модулей: нет" in card["text"]
    assert "возврат модулей" not in card["buttons"].lower()


async def test_leaving_after_the_letter_and_continuing_later(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await sidorova_until_modules(db, chat)
    await chat.press("Нет")
    number = await last_request_id(db)
    await send_file(chat, "letter.pdf")
    await chat.press("Пришлю позже")
    assert f"Заявка №{number} ждёт документов; через 3 дня я напомню" in chat.text
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS

    await chat.send("/menu")
    await chat.press(MENU_RU)
    assert f"№{number} (L-1004, L-1005): не хватает — файлы лицензий" in chat.text
    await chat.press(f"Продолжить заявку №{number}")
    assert "пришлите файлы лицензий" in chat.text
    await send_file(chat, "L-1004.WibuCmRaU")
    await chat.press("Это все")
    assert (await request(db, number)).status is RequestStatus.NEW


async def test_someone_elses_license_or_key_is_refused_and_nothing_changes(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link(db, chat, SIDOROVA)
    await chat.send("/menu")
    await chat.press(MENU_RU)
    await agree_if_asked(chat)
    await chat.press("Объединить")
    before = await snapshot(db)
    await chat.send("L-1004, L-1001")  # L-1001 is Petrov's
    assert "Не найдены среди ваших лицензий: L-1001" in chat.text
    assert "Выбрано" not in chat.text  # L-1004 was not taken either
    await chat.press("Готово (выбрано: 0)")
    assert "Отметьте хотя бы одну лицензию" in chat.text
    await chat.payload(encode("transfer.lic", 1))  # a forged button: Petrov's L-1001
    assert "Эта лицензия не найдена среди ваших" in chat.text
    await chat.press("L-1004")
    await chat.press("Готово")
    await chat.send("много")
    assert "Напишите количество рабочих мест числом" in chat.text
    await chat.send("0")
    assert "Напишите количество рабочих мест числом" in chat.text
    await chat.send("2")
    await chat.send("3-1234567")  # Petrov's key
    assert "Не найдены среди ваших ключей: 3-1234567" in chat.text
    assert await snapshot(db) == before


async def test_unlinked_person_types_everything_and_the_card_says_unverified(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press(MENU_RU)
    await agree_if_asked(chat)
    await chat.press("Перенести")
    assert "Напишите название программы" in chat.text
    await chat.send("Базис-Мебельщик")
    await chat.send("L-2001; L-2002")
    await chat.send("4")
    await chat.send("3-5550001 3-5550002")
    await chat.press("Не требуется")
    await chat.press("Нет")
    number = await last_request_id(db)
    await send_file(chat, "letter.jpg")
    await send_file(chat, "L-2001.WibuCmRaU")
    await chat.press("Это все")
    filed = await request(db, number)
    assert filed.status is RequestStatus.NEW and not filed.verified
    card = (await outbox_texts(db, number))[-1]
    assert "НЕ подтверждён" in card
    assert "Номера со слов отправителя, НЕ проверены" in card
    assert "Лицензии: L-2001, L-2002" in card and "Ключи/модули: 3-5550001, 3-5550002" in card


async def test_declining_consent_stores_nothing(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    before = await snapshot(db)
    await chat.press(MENU_RU)
    await chat.press("Не согласен")
    assert await snapshot(db) == before
