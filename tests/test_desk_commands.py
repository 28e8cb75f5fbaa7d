"""Manager commands through the engine on real SQLite: /open, /request, /find, /stats,
/export and the CSV import by sending the file; all refused to customers."""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment
from handlers.engine.payloads import encode
from handlers.i18n import recording_texts
from handlers.policy import Policy
from storage import customers, licenses
from storage.db import Database
from storage.demo import demo_rows
from storage.importer import COLUMNS, write_csv
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (
    CONSOLE_DESK,
    TODAY,
    console_manager,
    file_renewal,
    first_payload,
    link_demo_customer,
    local_file,
    make_engine,
    press_action,
    send_file,
    snapshot,
    state_of,
)

#: The desk world's fixtures: the clock at NOW, an engine with the demo data and every flow.
clock, engine = desk_world.clock, desk_world.engine


async def test_open_lists_newest_first_and_a_button_shows_the_card(
    engine: Engine, db: Database, clock: Clock
) -> None:
    manager = console_manager(engine)
    await manager.send("/open")
    assert "Открытых заявок нет." in manager.text

    first = await file_renewal(db, Chat(engine, user_id="1001"))
    clock.advance(minutes=5)
    second = await file_renewal(db, Chat(engine, user_id="1002"))
    third = await file_renewal(db, Chat(engine, user_id="1003"))
    await manager.payload(encode("desk_actions.done", third))

    await manager.send("/open")
    lines = manager.text.splitlines()
    assert lines[0] == "Открытые заявки: 2, сначала новые:"
    assert lines[1] == (
        f"№{second} · счёт на продление поддержки · новая · User 1002 (Telegram) · 23.11.2026 12:05"
    )
    assert lines[2].startswith(f"№{first} · ")
    assert manager.labels == [f"№{second}", f"№{first}"]

    await manager.press(f"№{first}")
    assert manager.text.startswith(f"Заявка №{first}: счёт на продление поддержки — новая")
    assert "История:\n23.11.2026 12:00 · клиент · подана: новая" in manager.text
    assert manager.labels == ["Взять", "Ответить", "Готово", "Отклонить"]


async def test_open_from_the_manager_menu_in_english(engine: Engine, db: Database) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    manager = console_manager(engine, language="en")
    await manager.send("/menu")
    await manager.press("Open requests")
    assert manager.text.startswith("Open requests: 1, newest first:")
    assert f"#{number} · support renewal invoice · new" in manager.text
    customer = Chat(engine, user_id="1001", language="en")
    await customer.send("/menu")
    assert "Open requests" not in customer.labels


async def test_request_shows_the_card_and_the_last_events(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    clock.advance(minutes=3)
    await manager.payload(encode("desk_actions.take", number))
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send("Счёт отправлен на почту")
    clock.advance(minutes=2)
    await manager.payload(encode("desk_actions.done", number))
    await customer.payload(encode("rating.set", number, 4))
    await customer.send("Спасибо")

    await manager.send(f"/request {number}")
    text = manager.text
    assert text.startswith(f"Заявка №{number}: счёт на продление поддержки — выполнена")
    assert "Ведёт: User managers (консоль)" in text
    history = text.split("История:\n", 1)[1].splitlines()
    assert history == [
        "23.11.2026 12:03 · User managers (консоль) · в работе → ждёт ответа клиента",
        "23.11.2026 12:03 · User managers (консоль) · Счёт отправлен на почту",
        "23.11.2026 12:05 · User managers (консоль) · ждёт ответа клиента → выполнена",
        "23.11.2026 12:05 · клиент · оценка 4/5",
        "23.11.2026 12:05 · клиент · оценка 4/5: Спасибо",
        "Оценка клиента: 4/5 — Спасибо",
    ]
    assert manager.labels == []  # a closed request has no buttons

    await manager.send("/request")
    assert "Напишите номер заявки, например: /request 12" in manager.text
    await manager.send("/request двенадцать")
    assert "Напишите номер заявки" in manager.text
    await manager.send("/request 999")
    assert "Заявка №999 не найдена" in manager.text
    await manager.send(f"/request №{number}")
    assert f"Заявка №{number}:" in manager.text


async def test_commands_leave_a_half_written_answer_where_it_was(
    engine: Engine, db: Database
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send("/open")
    await manager.send("/stats")
    assert await state_of(db, *CONSOLE_DESK) == ("desk_actions", "reply")


async def test_find_shows_licenses_keys_and_open_requests(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)
    await press_action(customer, "1:go:renewal")
    await customer.payload(first_payload(customer, "1:renewal.lic:"))
    await press_action(customer, "1:renewal.invoice")

    manager = console_manager(engine)
    await manager.send("/find петров")
    text = manager.text
    assert "Найдено по запросу «петров»:" in text
    assert "Иван Петров (ООО «Мебель-Про») · +79990001122 · ivan.petrov@mebel-pro.example" in text
    ended = (TODAY - timedelta(days=10)).strftime("%d.%m.%Y")
    assert f"L-1001 (Базис-Отчёт, поддержка до {ended})" in text
    assert "Ключи: 3-1234567 (CodeMeter, действует)" in text
    assert "Открытые заявки: №1 счёт на продление поддержки — новая" in text
    assert manager.labels == ["№1"]

    await manager.send("/find")
    assert "Кого найти?" in manager.text
    await manager.send("3-7654321")
    assert "Georgi Ivanov (Sofia Furniture EOOD)" in manager.text
    assert "Открытые заявки: нет" in manager.text
    assert await state_of(db, *CONSOLE_DESK) == (None, None)

    await manager.send("/find zzzz")
    assert "По запросу «zzzz» никого не нашёл." in manager.text


async def test_stats_counts_and_median_first_answer(
    engine: Engine, db: Database, clock: Clock
) -> None:
    manager = console_manager(engine, language="en")
    await manager.send("/stats")
    assert "Requests in all: 0." in manager.text
    assert "No request has been answered yet." in manager.text

    waits = {"1001": 10, "1002": 30, "1003": 125}  # minutes to the first answer
    for user_id, minutes in waits.items():
        number = await file_renewal(db, Chat(engine, user_id=user_id))
        clock.advance(minutes=minutes)
        action = "desk_actions.done" if user_id == "1003" else "desk_actions.take"
        await manager.payload(encode(action, number))
        clock.advance(hours=1)
    await file_renewal(db, Chat(engine, user_id="1004"))  # not answered: not in the median

    await manager.send("/stats")
    assert manager.text.splitlines() == [
        "Requests in all: 4.",
        "• support renewal invoice: 4 (new 1, in work 2, done 1)",
        "By status: new 1, in work 2, done 1.",
        "Median time from filing to the first answer: 30 minutes (over 3 answered requests).",
    ]
    ru = Chat(engine, user_id="m-ru", manager=True)
    await ru.send("/stats")
    assert "Медианное время от подачи до первого ответа: 30 минут (по 3 отвеченным)." in ru.text


async def test_export_writes_a_readable_csv_into_the_files_folder(
    db: Database, policy: Policy, clock: Clock, tmp_path: Path
) -> None:
    desk = replace(ManagerDesk.console_only(), files_dir=tmp_path / "files")
    engine = await make_engine(db, policy, clock, desk)
    first = await file_renewal(db, Chat(engine, user_id="1001"))
    await file_renewal(db, Chat(engine, user_id="1002"))
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.take", first))

    replies = await manager.send("/export")
    assert "Выгружено заявок: 2. Файл приложен." in manager.text
    document = Path(next(r.document for r in replies if r.document))
    assert document.parent == tmp_path / "files" / "exports"
    with document.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    assert [(r["id"], r["kind"], r["status"], r["manager"]) for r in rows] == [
        (str(first), "renewal", "in_work", "console:managers"),
        (str(first + 1), "renewal", "new", ""),
    ]


async def test_export_without_a_files_folder_uses_a_temporary_one(
    engine: Engine, db: Database
) -> None:
    manager = console_manager(engine, language="en")
    replies = await manager.send("/export")
    assert "Requests exported: 0." in manager.text
    document = Path(next(r.document for r in replies if r.document))
    try:
        assert document.read_text(encoding="utf-8-sig").startswith("id;kind;status")
    finally:
        shutil.rmtree(document.parent)


def _import_rows(bad_date: bool = False) -> list[dict[str, str]]:
    petrov, *_ = demo_rows(TODAY)
    new = petrov | {
        "customer_name": "Пётр Смирнов",
        "company": "ООО «Смирнов»",
        "phone": "+79990005566",
        "email": "smirnov@example.com",
        "license_number": "L-2001",
        "key_serial": "",
        "key_kind": "",
        "protection_service": "",
        "protection_connected_on": "",
        "programmed_until": "",
    }
    broken = new | {"license_number": "L-2002", "support_end": "31.02.2027"}
    return [new, broken] if bad_date else [new]


async def test_a_manager_imports_a_csv_by_sending_it(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    good = tmp_path / "clients.csv"
    write_csv(good, _import_rows())
    manager = console_manager(engine)
    await send_file(manager, local_file(good))
    assert manager.text.splitlines() == [
        "Загрузка clients.csv: 1 строка, загружено 1.",
        "Создано: 1 клиент, 0 продуктов, 1 лицензия, 0 ключей.",
        "Обновлено: 0 клиентов, 0 продуктов, 0 лицензий, 0 ключей.",
        "Ошибок нет.",
    ]
    async with db.unit() as unit:
        assert await customers.find_by_phone(unit, "+79990005566") is not None


async def test_a_csv_with_a_bad_row_imports_the_good_rows_and_names_the_line(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    mixed = tmp_path / "mixed.CSV"
    write_csv(mixed, _import_rows(bad_date=True))
    manager = console_manager(engine, language="en")
    await send_file(manager, local_file(mixed))
    lines = manager.text.splitlines()
    assert lines[0] == "Import of mixed.CSV: 2 rows, 1 imported."
    assert lines[3] == "Errors: 1. Rows with errors were skipped:"
    assert lines[4].startswith("line 3: support_end: '31.02.2027' is not a date")


#: What a manager reads about a file with a bad date (line 3), an unknown product
#: protection (line 4) and a 201-character name (line 5), in each language: the line
#: number and the column as the file's header names it, the rest in the manager's words.
REFUSED_ROWS = {
    "ru": [
        "Ошибок: 3. Строки с ошибками пропущены:",
        "строка 3: support_end: «31.02.2027» — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
        "строка 4: product_protection: «usb» — нужно одно из: codemeter | module | none",
        "строка 5: customer_name: 201 символ, а можно не больше 200",
    ],
    "en": [
        "Errors: 3. Rows with errors were skipped:",
        "line 3: support_end: '31.02.2027' is not a date (YYYY-MM-DD or DD.MM.YYYY)",
        "line 4: product_protection: 'usb' is not one of codemeter | module | none",
        "line 5: customer_name: is 201 characters long (at most 200)",
    ],
    "bg": [
        "Грешки: 3. Редовете с грешки са пропуснати:",
        "ред 3: support_end: „31.02.2027“ не е дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
        "ред 4: product_protection: „usb“ не е едно от: codemeter | module | none",
        "ред 5: customer_name: 201 знака, а може най-много 200",
    ],
}


@pytest.mark.parametrize("language", sorted(REFUSED_ROWS))
async def test_a_manager_reads_the_refused_rows_in_their_language(
    engine: Engine, db: Database, tmp_path: Path, language: str
) -> None:
    new, bad_date = _import_rows(bad_date=True)
    unknown_protection = new | {"license_number": "L-2003", "product_protection": "usb"}
    long_name = new | {"license_number": "L-2004", "customer_name": "Я" * 201}
    mixed = tmp_path / "mixed.csv"
    write_csv(mixed, [new, bad_date, unknown_protection, long_name])
    manager = console_manager(engine, language=language)
    with recording_texts() as rendered:
        await send_file(manager, local_file(mixed))

    lines = manager.text.splitlines()
    assert lines[3:] == REFUSED_ROWS[language]
    said = [(text.key, text.values) for text in rendered if text.key.startswith("import.")]
    assert ("import.not_a_date", {"column": "support_end", "value": "31.02.2027"}) in said
    assert (
        "import.not_one_of",
        {"column": "product_protection", "value": "usb", "allowed": "codemeter | module | none"},
    ) in said
    assert ("import.too_long", {"column": "customer_name", "length": 201, "limit": 200}) in said
    assert [values["line"] for key, values in said if key == "import.line"] == [3, 4, 5]
    if language != "en":  # no English word but the file's own: columns and its values
        file_words = {"usb", "codemeter", "module", "none"} | {
            part for column in COLUMNS for part in column.split("_")
        }
        assert set(re.findall(r"[A-Za-z]+", manager.text)) - file_words <= {"mixed", "csv"}
    async with db.unit() as unit:
        assert await customers.find_by_phone(unit, "+79990005566") is not None
        assert await licenses.by_number(unit, "L-2003") is None


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56), id="program"),
        pytest.param("customer_name\nИванов\x00\n".encode(), id="nul-byte"),
    ],
)
async def test_a_csv_that_is_not_text_is_refused_before_importing(
    engine: Engine, db: Database, tmp_path: Path, content: bytes
) -> None:
    fake = tmp_path / "clients.csv"
    fake.write_bytes(content)
    manager = console_manager(engine, language="en")
    await manager.send("/start")
    before = await snapshot(db)
    await send_file(manager, local_file(fake))
    assert manager.text.startswith("The file clients.csv is not a CSV text file")
    assert "Nothing was imported" in manager.text
    assert await snapshot(db) == before


async def test_a_csv_the_channel_has_not_downloaded_is_not_imported(
    engine: Engine, db: Database
) -> None:
    manager = console_manager(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await send_file(manager, Attachment("BQACAgIAAxkBAAIC", "clients.csv", 2048, "text/csv"))
    assert "Файл clients.csv я пока не могу здесь прочитать" in manager.text
    assert await snapshot(db) == before


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_customers_are_refused_every_manager_command_and_button(
    engine: Engine, db: Database, tmp_path: Path, language: str
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    customer = Chat(engine, user_id="2002", language=language)
    await customer.send("/start")
    good = tmp_path / "clients.csv"
    write_csv(good, _import_rows())
    refused = "только для менеджеров" if language == "ru" else "for managers only"
    before = await snapshot(db)
    for command in ("/open", f"/request {number}", "/find Петров", "/find", "/stats", "/export"):
        replies = await customer.send(command)
        assert refused in customer.text, command
        assert "Петров" not in customer.text and not any(r.document for r in replies)
    for payload in (encode("desk_commands.card", number), encode("go", "desk_commands")):
        await customer.payload(payload)
        assert (
            refused in customer.text or "не узнаю" in customer.text or "recognise" in customer.text
        )
        assert f"№{number}:" not in customer.text and f"#{number}:" not in customer.text
    await send_file(customer, local_file(good))
    assert "Смирнов" not in customer.text
    assert await snapshot(db) == before
    assert await state_of(db, Platform.TELEGRAM, "2002") == (None, None)


@pytest.mark.parametrize(
    ("payload", "answer"),
    [
        ("1:desk_commands.card:999", "Заявка №999 не найдена"),
        ("1:desk_commands.card:abc", "Эту кнопку я не узнаю"),
        ("1:desk_commands.card", "Эту кнопку я не узнаю"),
        ("1:desk_commands.delete:1", "Эту кнопку я не узнаю"),
    ],
)
async def test_forged_command_buttons_change_nothing(
    engine: Engine, db: Database, payload: str, answer: str
) -> None:
    await file_renewal(db, Chat(engine, user_id="1001"))
    manager = console_manager(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(payload)
    assert answer in manager.text
    assert await snapshot(db) == before
