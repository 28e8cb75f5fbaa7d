"""Transfer, merge, redistribution of licenses (docs/rules.md#license-transfer): the
customer's side end to end, through the engine on a real SQLite file, in Russian and
English.

The bot's replies are checked by catalogue key and values (``chat.said``), so rewording a
text in ``handlers/i18n`` does not break them; the few asserts marked ``# golden`` check the
exact wording of a central message on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.desk.transfer_desk import TransferDeskFlow
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.flows.transfer.flow import TransferFlow
from handlers.policy import Policy
from storage.db import Database
from storage.models import Platform, RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.key_requests import (
    MB,
    NOW,
    PETROV,
    SIDOROVA,
    agree_if_asked,
    attachment_roles,
    give_sidorova_a_second_module,
    key_status,
    last_request_id,
    link,
    outbox_rows,
    outbox_texts,
    report_key,
    request,
    send_file,
    sidorova_until_modules,
    snapshot,
)
from tests.support.key_requests import demo_engine as build


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, TransferFlow(), TransferDeskFlow(), KeyLossFlow())


async def sidorova_at_the_keys(db: Database, chat: Chat) -> None:
    """Sidorova moves L-1004 (2 workplaces) and is asked which keys take part."""
    await link(db, chat, SIDOROVA)
    await chat.send("/menu")
    await chat.press_key("transfer.menu")
    await agree_if_asked(chat)
    await chat.press_key("transfer.operation_button_move")
    await chat.press_key("transfer.license_button", number="L-1004")
    await chat.press_key("transfer.done_button", count=1)
    await chat.press_key("transfer.workplaces_button", count=2)


async def test_transfer_end_to_end_with_several_license_files(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await sidorova_until_modules(db, chat)
    assert chat.said("transfer.ask_modules")
    await chat.press_key("transfer.yes")

    number = await last_request_id(db)
    assert chat.said("transfer.filed_waiting", number=number)
    assert chat.said(
        "transfer.checklist_licenses",
        product="Базис-Шкаф, Базис-Отчёт",
        licenses="L-1004, L-1005",
    )
    assert chat.said("transfer.checklist_workplaces", count=3)
    assert chat.said("transfer.checklist_keys", keys="M-100200")
    assert chat.said("transfer.checklist_no_old_files")
    assert chat.said("transfer.checklist_modules")
    assert chat.said("transfer.ask_letter")
    assert "transfer.checklist_order" not in chat.keys
    # golden: the exact wording
    assert chat.replies[0].text == (
        f"Заявка №{number} создана и ждёт документов.\n"
        "Письмо на официальном бланке компании с запросом (перенос лицензий на один ключ) "
        "обязательно должно содержать:\n"
        "• наименование ПО и номера всех задействованных лицензий: Базис-Шкаф, Базис-Отчёт; "
        "L-1004, L-1005;\n"
        "• количество рабочих мест: 3;\n"
        "• номера ключей/модулей защиты: M-100200;\n"
        "• гарантию неиспользования файлов лицензий, полученных ранее;\n"
        "• гарантию возврата модулей защиты."
    )
    filed = await request(db, number)
    assert filed.status is RequestStatus.WAITING_DOCUMENTS and filed.verified
    assert "ждёт документы" in (await outbox_texts(db, number))[0]

    await chat.send("письмо пришлю потом")
    assert chat.said("transfer.letter_hint")
    await send_file(chat, "letter.pdf")
    letter = chat.rendered_text("transfer.document_letter").text
    assert chat.said("transfer.file_received", document=letter, name="letter.pdf")
    assert chat.said("transfer.ask_license_files", count=0)

    before = await snapshot(db)
    await chat.press_key("transfer.files_done")
    assert chat.said("transfer.need_license_file")
    await send_file(chat, "virus.exe")
    refused = chat.rendered_text("uploads.wrong_type")
    assert "WIBUCMRAU" in str(refused.values["types"]).split(", ")
    await send_file(chat, "big.WibuCmRaU", size=10 * MB + 1)
    assert chat.said("uploads.too_large", max_mb=10)
    await send_file(chat, "two.lic", count=2)
    assert chat.said("transfer.one_at_a_time")
    assert await snapshot(db) == before

    await send_file(chat, "L-1004.WibuCmRaU")
    assert chat.said("transfer.ask_license_files", count=1)
    await send_file(chat, "L-1005.lic")
    assert chat.said("transfer.ask_license_files", count=2)
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS
    await chat.press_key("transfer.files_done")
    # "...передана менеджерам ... возвращаемые модули заменят новыми": the modules' variant
    assert chat.said("transfer.filed_with_modules", number=number)

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
    await chat.press_key("transfer.menu")
    await agree_if_asked(chat)
    await chat.press_key("transfer.operation_button_redistribute")
    await chat.send("L-1001, L-1002")
    await chat.press_key("transfer.done_button", count=2)
    await chat.send("2")
    await chat.send("3-1234567")
    await chat.press_key("transfer.done_button", count=1)
    assert chat.rendered_text("transfer.ask_order_required").language == "en"
    assert "transfer.no_order" not in chat.keys  # no "Not needed" button
    # The "not needed" button from another step, forged here: refused.
    await chat.payload(encode("transfer.no_order"))
    assert chat.rendered_text("transfer.order_hint").language == "en"
    order = "L-1001: 1 workplace on 3-1234567; L-1002: 1 workplace on a new key"
    await chat.send(order)
    await chat.press_key("transfer.no")
    number = await last_request_id(db)
    assert chat.rendered_text("transfer.filed_waiting", number=number).language == "en"
    assert chat.rendered_text("transfer.checklist_order", order=order).language == "en"
    assert "transfer.checklist_modules" not in chat.keys
    await send_file(chat, "letter.png")
    await send_file(chat, "licenses.zip")
    await chat.press_key("transfer.files_done")
    assert chat.rendered_text("transfer.filed", number=number).language == "en"
    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    assert "module_return" not in done.details
    card = (await outbox_rows(db))[-1]
    assert "Возврат модулей: нет" in card["text"]
    assert "возврат модулей" not in card["buttons"].lower()


async def test_leaving_after_the_letter_and_continuing_later(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await sidorova_until_modules(db, chat)
    await chat.press_key("transfer.no")
    number = await last_request_id(db)
    await send_file(chat, "letter.pdf")
    await chat.press_key("transfer.later")
    assert chat.said("transfer.later_text", number=number, days=3)
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS

    await chat.send("/menu")
    await chat.press_key("transfer.menu")
    missing = chat.rendered_text("transfer.document_license_files").text
    assert chat.said(
        "transfer.resume_line", number=number, licenses="L-1004, L-1005", missing=missing
    )
    await chat.press_key("transfer.continue_button", number=number)
    assert chat.said("transfer.ask_license_files")
    await send_file(chat, "L-1004.WibuCmRaU")
    await chat.press_key("transfer.files_done")
    assert (await request(db, number)).status is RequestStatus.NEW


async def test_someone_elses_license_or_key_is_refused_and_nothing_changes(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link(db, chat, SIDOROVA)
    await chat.send("/menu")
    await chat.press_key("transfer.menu")
    await agree_if_asked(chat)
    await chat.press_key("transfer.operation_button_merge")
    before = await snapshot(db)
    await chat.send("L-1004, L-1001")  # L-1001 is Petrov's
    assert chat.said("transfer.not_your_licenses", numbers="L-1001")
    assert "transfer.chosen" not in chat.keys  # L-1004 was not taken either
    await chat.press_key("transfer.done_button", count=0)
    assert chat.said("transfer.choose_one_license")
    await chat.payload(encode("transfer.lic", 1))  # a forged button: Petrov's L-1001
    assert chat.said("transfer.not_your_license_button")
    await chat.press_key("transfer.license_button", number="L-1004")
    # golden: the exact wording (a plural form: "2 рабочих места")
    assert "✅ L-1004 · Базис-Шкаф · 2 рабочих места" in chat.labels
    await chat.press_key("transfer.done_button", count=1)
    # The question asks for a count: a console takes a typed "2" as the answer.
    assert chat.said("transfer.ask_workplaces") and chat.replies[-1].expects_number
    await chat.send("много")
    assert chat.said("transfer.workplaces_hint")
    await chat.send("0")
    assert chat.said("transfer.workplaces_hint")
    await chat.send("2")
    await chat.send("3-1234567")  # Petrov's key
    assert chat.said("transfer.not_your_keys", numbers="3-1234567")
    assert await snapshot(db) == before


async def test_unlinked_person_types_everything_and_the_card_says_unverified(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("transfer.menu")
    await agree_if_asked(chat)
    await chat.press_key("transfer.operation_button_move")
    assert chat.said("transfer.ask_product")
    await chat.send("Базис-Мебельщик")
    await chat.send("L-2001; L-2002")
    await chat.send("4")
    await chat.send("3-5550001 3-5550002")
    await chat.press_key("transfer.no_order")
    await chat.press_key("transfer.no")
    number = await last_request_id(db)
    await send_file(chat, "letter.jpg")
    await send_file(chat, "L-2001.WibuCmRaU")
    await chat.press_key("transfer.files_done")
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
    await chat.press_key("transfer.menu")
    await chat.press_key("consent.decline")
    assert await snapshot(db) == before


# -- keys reported lost, stolen or broken take no part ------------------------------------


async def test_a_key_reported_stolen_is_not_offered_and_its_old_button_is_refused(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    await give_sidorova_a_second_module(db, tmp_path)
    chat = Chat(engine, user_id="1")
    await sidorova_at_the_keys(db, chat)
    assert chat.said("transfer.ask_keys")
    old_button = chat.button_of("transfer.key_button", serial="M-100200").payload
    chat.button_of("transfer.key_button", serial="M-100300")

    # A colleague (another account of the same customer) reports M-100200 stolen meanwhile.
    colleague = Chat(engine, user_id="2")
    await report_key(db, colleague, SIDOROVA, "M-100200", "stolen")
    assert await key_status(db, "M-100200") == "stolen"

    before = await snapshot(db)
    await chat.payload(old_button)
    # "Keys reported lost, stolen or broken take no part in a transfer: M-100200 …"
    assert chat.said("transfer.key_not_in_service", numbers="M-100200")
    assert chat.said("transfer.ask_keys")  # asked again, without it
    assert not chat.said("transfer.key_button", serial="M-100200")
    chat.button_of("transfer.key_button", serial="M-100300", mark="▫️")
    await chat.send("m-100200")  # typed: the same refusal
    assert chat.said("transfer.key_not_in_service", numbers="M-100200")
    assert "transfer.chosen" not in chat.keys
    assert await snapshot(db) == before

    await chat.press_key("transfer.key_button", serial="M-100300")
    await chat.press_key("transfer.done_button", count=1)
    await chat.press_key("transfer.no_order")
    await chat.press_key("transfer.no")
    assert chat.said("transfer.checklist_keys", keys="M-100300")


async def test_a_key_chosen_then_reported_lost_is_refused_at_done(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    await give_sidorova_a_second_module(db, tmp_path)
    chat = Chat(engine, user_id="1")
    await sidorova_at_the_keys(db, chat)
    await chat.press_key("transfer.key_button", serial="M-100200")
    await chat.press_key("transfer.key_button", serial="M-100300")
    await chat.press_key("transfer.done_button", count=2)
    assert chat.said("transfer.ask_order")
    colleague = Chat(engine, user_id="2")
    await report_key(db, colleague, SIDOROVA, "M-100200", "lost")

    await chat.press_key("transfer.no_order")
    before = await snapshot(db)
    await chat.press_key("transfer.no")  # would file the request: the key is checked again
    assert chat.said("transfer.key_not_in_service", numbers="M-100200")
    assert chat.said("transfer.ask_keys")
    assert chat.said("transfer.chosen", items="M-100300")
    assert await snapshot(db) == before
    await chat.press_key("transfer.done_button", count=1)
    await chat.press_key("transfer.no_order")
    await chat.press_key("transfer.no")
    number = await last_request_id(db)
    assert (await request(db, number)).details["keys"] == ["M-100300"]


async def test_with_every_key_reported_the_transfer_says_why_it_cannot_go_on(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await report_key(db, chat, SIDOROVA, "M-100200", "broken")
    await chat.press_key("key_loss.later")
    await chat.send("/menu")
    await chat.press_key("transfer.menu")
    await agree_if_asked(chat)
    await chat.press_key("transfer.operation_button_move")
    await chat.press_key("transfer.license_button", number="L-1004")
    await chat.press_key("transfer.done_button", count=1)
    before = await snapshot(db)
    await chat.press_key("transfer.workplaces_button", count=2)
    # "All your keys are reported lost, stolen or broken: their licenses are moved by the
    # replacement request"
    assert chat.said("transfer.no_usable_keys")
    assert "transfer.ask_keys" not in chat.keys
    assert await snapshot(db) == before


async def test_a_found_key_can_take_part(engine: Engine, db: Database) -> None:
    """Seed 000 p.7: a found key can carry licenses again."""
    chat = Chat(engine)
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.pdf")
    desk = Chat(engine, user_id="managers", platform=Platform.CONSOLE, manager=True)
    await desk.payload(encode("desk_actions.done", number))
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await chat.press_key("key_loss.key_button", serial="M-100200")
    await chat.press_key("key_loss.button_found")
    assert await key_status(db, "M-100200") == "found"
    await sidorova_at_the_keys(db, chat)
    chat.button_of("transfer.key_button", serial="M-100200")
