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
from handlers.i18n import texts
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


# -- what the bot said, by catalogue key --------------------------------------------------


def manager_named(name: str, messenger: str, language: str = "ru") -> str:
    """A manager as the desk names them (``User managers (консоль)``), from the catalogue."""
    t = texts(language)
    return t("history.actor_manager", name=name, messenger=t(f"history.messenger_{messenger}"))


def account_named(name: str, messenger: str, language: str = "ru") -> str:
    """A customer's account as lists name it (``User 1002 (Telegram)``), from the catalogue."""
    t = texts(language)
    return t("desk.who_account", name=name, messenger=t(f"history.messenger_{messenger}"))


async def test_open_lists_newest_first_and_a_button_shows_the_card(
    engine: Engine, db: Database, clock: Clock
) -> None:
    manager = console_manager(engine)
    await manager.send("/open")
    assert manager.said("desk_commands.open_none")

    first = await file_renewal(db, Chat(engine, user_id="1001"))
    clock.advance(minutes=5)
    second = await file_renewal(db, Chat(engine, user_id="1002"))
    third = await file_renewal(db, Chat(engine, user_id="1003"))
    await manager.payload(encode("desk_actions.done", third))

    await manager.send("/open")
    ru = texts("ru")
    renewal, new = ru("desk.kind_renewal"), ru("desk.status_new")
    lines = manager.text.splitlines()
    assert lines[0] == manager.rendered_once("desk_commands.open_title", count=2).text
    newest = manager.rendered_once(
        "desk_commands.open_line",
        number=second,
        kind=renewal,
        status=new,
        who=account_named("User 1002", "telegram"),
        created="23.11.2026 12:05",
    )
    assert lines[1] == newest.text
    assert lines[2] == manager.rendered_once("desk_commands.open_line", number=first).text
    assert manager.labels == [
        manager.button_of("desk_commands.card_button", number=second).label,
        manager.button_of("desk_commands.card_button", number=first).label,
    ]

    await manager.press_key("desk_commands.card_button", number=first)
    header = manager.rendered_once("desk.card_header", number=first, kind=renewal, status=new)
    assert manager.text.startswith(header.text)
    assert manager.said("desk_commands.events_title")
    assert manager.said(
        "desk_commands.event_line",
        when="23.11.2026 12:00",
        who=ru("desk_actions.actor_customer"),
        what=ru("desk_commands.event_filed", status=new),
    )
    assert manager.labels == [
        manager.button_of(key).label
        for key in ("desk.take", "desk.reply", "desk.done", "desk.reject")
    ]


async def test_open_from_the_manager_menu_in_english(engine: Engine, db: Database) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    manager = console_manager(engine, language="en")
    await manager.send("/menu")
    await manager.press_key("desk_commands.menu_open")
    assert manager.said_in("en", "desk_commands.open_title", count=1)
    assert manager.text.startswith(manager.rendered_once("desk_commands.open_title").text)
    en = texts("en")
    assert manager.said_in(
        "en",
        "desk_commands.open_line",
        number=number,
        kind=en("desk.kind_renewal"),
        status=en("desk.status_new"),
    )
    customer = Chat(engine, user_id="1001", language="en")
    await customer.send("/menu")
    assert "desk_commands.menu_open" not in customer.keys


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
    ru = texts("ru")
    in_work, waiting, done = (
        ru(f"desk.status_{status}") for status in ("in_work", "waiting_customer", "done")
    )
    header = manager.rendered_once(
        "desk.card_header", number=number, kind=ru("desk.kind_renewal"), status=done
    )
    assert manager.text.startswith(header.text)
    me, client = manager_named("User managers", "console"), ru("desk_actions.actor_customer")
    assert manager.said("desk.card_manager", manager=me)
    rating = ru("history.rating", rating=4)
    assert manager.values_of("desk_commands.event_line") == [
        {
            "when": "23.11.2026 12:03",
            "who": me,
            "what": ru("desk_commands.event_status", from_status=in_work, to_status=waiting),
        },
        {"when": "23.11.2026 12:03", "who": me, "what": "Счёт отправлен на почту"},
        {
            "when": "23.11.2026 12:05",
            "who": me,
            "what": ru("desk_commands.event_status", from_status=waiting, to_status=done),
        },
        {"when": "23.11.2026 12:05", "who": client, "what": rating},
        {"when": "23.11.2026 12:05", "who": client, "what": f"{rating}: Спасибо"},
    ]
    rating_line = manager.rendered_once("desk_commands.rating_line", rating=4).text
    assert manager.text.endswith(f"{rating_line} — Спасибо")
    assert manager.labels == []  # a closed request has no buttons

    await manager.send("/request")
    assert manager.said("desk_commands.request_usage")
    await manager.send("/request двенадцать")
    assert manager.said("desk_commands.request_usage")
    await manager.send("/request 999")
    assert manager.said("desk_actions.not_found", number=999)
    await manager.send(f"/request №{number}")
    assert manager.said("desk.card_header", number=number)


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
    ru = texts("ru")
    assert manager.said("desk_commands.find_title", text="петров")
    assert manager.said(
        "desk_commands.find_customer",
        name="Иван Петров",
        company="ООО «Мебель-Про»",
        phone="+79990001122",
        email="ivan.petrov@mebel-pro.example",
    )
    ended = (TODAY - timedelta(days=10)).strftime("%d.%m.%Y")
    assert manager.said(
        "desk_commands.find_license", number="L-1001", product="Базис-Отчёт", end=ended
    )
    key = manager.rendered_once(
        "desk_commands.find_key",
        serial="3-1234567",
        kind=ru("desk_commands.key_kind_codemeter"),
        status=ru("desk_commands.key_status_active"),
    )
    assert manager.said("desk_commands.find_keys", items=key.text)
    request = manager.rendered_once(
        "desk_commands.find_request",
        number=1,
        kind=ru("desk.kind_renewal"),
        status=ru("desk.status_new"),
    )
    assert manager.said("desk_commands.find_requests", items=request.text)
    assert manager.labels == [manager.button_of("desk_commands.card_button", number=1).label]

    await manager.send("/find")
    assert manager.said("desk_commands.find_ask")
    await manager.send("3-7654321")
    assert manager.said(
        "desk_commands.find_customer", name="Georgi Ivanov", company="Sofia Furniture EOOD"
    )
    assert manager.said("desk_commands.find_requests", items=ru("desk_commands.find_nothing"))
    assert await state_of(db, *CONSOLE_DESK) == (None, None)

    await manager.send("/find zzzz")
    assert manager.said("desk_commands.find_none", text="zzzz")


async def test_stats_counts_and_median_first_answer(
    engine: Engine, db: Database, clock: Clock
) -> None:
    manager = console_manager(engine, language="en")
    await manager.send("/stats")
    assert manager.said_in("en", "desk_commands.stats_title", total=0)
    assert manager.said_in("en", "desk_commands.stats_no_answers")

    waits = {"1001": 10, "1002": 30, "1003": 125}  # minutes to the first answer
    for user_id, minutes in waits.items():
        number = await file_renewal(db, Chat(engine, user_id=user_id))
        clock.advance(minutes=minutes)
        action = "desk_actions.done" if user_id == "1003" else "desk_actions.take"
        await manager.payload(encode(action, number))
        clock.advance(hours=1)
    await file_renewal(db, Chat(engine, user_id="1004"))  # not answered: not in the median

    await manager.send("/stats")
    en = texts("en")
    statuses = ", ".join(
        en("desk_commands.stats_status", status=en(f"desk.status_{status}"), count=count)
        for status, count in (("new", 1), ("in_work", 2), ("done", 1))
    )
    lines = [
        manager.rendered_once("desk_commands.stats_title", total=4),
        manager.rendered_once(
            "desk_commands.stats_kind",
            kind=en("desk.kind_renewal"),
            count=4,
            statuses=statuses,
        ),
        manager.rendered_once("desk_commands.stats_by_status", statuses=statuses),
        manager.rendered_once(
            "desk_commands.stats_median",
            duration=en("desk_commands.duration_minutes", minutes=30),
            count=3,
        ),
        # Nine in ten were answered within 2 h 5 min (nearest rank of 10, 30, 125 minutes).
        manager.rendered_once(
            "desk_commands.stats_p90",
            duration=en("desk_commands.duration_hours", hours=2, minutes=5),
            promised=60,
        ),
    ]
    assert manager.text.splitlines() == [line.text for line in lines]
    assert {line.language for line in lines} == {"en"}
    ru_manager = Chat(engine, user_id="m-ru", manager=True)
    await ru_manager.send("/stats")
    thirty = texts("ru")("desk_commands.duration_minutes", minutes=30)
    assert ru_manager.said_in("ru", "desk_commands.stats_median", duration=thirty, count=3)


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
    assert manager.said("desk_commands.export_done", count=2)
    document = Path(next(r.document for r in replies if r.document))
    assert document.parent == tmp_path / "files" / "exports"
    with document.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    # Worded as the cards word them, in the manager's language (no stored codes).
    t = texts("ru")
    assert document.name.startswith(t("web.data_file_requests") + "-")
    columns = [t(f"data_exports.{c}") for c in ("request_number", "kind", "status", "manager")]
    taken_by = t(
        "history.actor_manager", name="User managers", messenger=t("history.messenger_console")
    )
    assert [tuple(r[c] for c in columns) for r in rows] == [
        (str(first), t("desk.kind_renewal"), t("desk.status_in_work"), taken_by),
        (str(first + 1), t("desk.kind_renewal"), t("desk.status_new"), ""),
    ]


async def test_export_without_a_files_folder_uses_a_temporary_one(
    engine: Engine, db: Database
) -> None:
    manager = console_manager(engine, language="en")
    replies = await manager.send("/export")
    assert manager.said_in("en", "desk_commands.export_done", count=0)
    document = Path(next(r.document for r in replies if r.document))
    try:
        header = document.read_text(encoding="utf-8-sig").splitlines()[0]
        assert header.startswith(
            ";".join(texts("en")(f"data_exports.{c}") for c in ("request_number", "kind", "status"))
        )
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
    assert manager.said("desk_commands.import_report", name="clients.csv", rows=1, imported=1)
    # golden: the exact wording
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
    report = manager.rendered_once(
        "desk_commands.import_report", name="mixed.CSV", rows=2, imported=1
    )
    assert (lines[0], report.language) == (report.text, "en")
    assert lines[3] == manager.rendered_once("desk_commands.import_errors", count=1).text
    assert lines[4] == manager.rendered_once("import.line", line=3).text
    assert manager.said("import.not_a_date", column="support_end", value="31.02.2027")


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
    await send_file(manager, local_file(mixed))  # records what the bot said

    lines = manager.text.splitlines()
    # golden: the exact wording
    assert lines[3:] == REFUSED_ROWS[language]
    said = [(t.key, t.values) for t in manager.rendered if t.key.startswith("import.")]
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
    assert manager.said_in("en", "uploads.import_not_text", name="clients.csv")
    assert manager.text.startswith(manager.rendered_once("uploads.import_not_text").text)
    assert await snapshot(db) == before


async def test_a_csv_the_channel_has_not_downloaded_is_not_imported(
    engine: Engine, db: Database
) -> None:
    manager = console_manager(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await send_file(manager, Attachment("BQACAgIAAxkBAAIC", "clients.csv", 2048, "text/csv"))
    assert manager.said("desk_commands.import_not_local", name="clients.csv")
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
    before = await snapshot(db)
    for command in ("/open", f"/request {number}", "/find Петров", "/find", "/stats", "/export"):
        replies = await customer.send(command)
        assert customer.said_in(language, "common.managers_only"), command
        assert "Петров" not in customer.text and not any(r.document for r in replies)
    for payload in (encode("desk_commands.card", number), encode("go", "desk_commands")):
        await customer.payload(payload)
        assert customer.said_in(language, "common.managers_only") or customer.said_in(
            language, "common.bad_button"
        )
        assert "desk.card_header" not in customer.keys
    await send_file(customer, local_file(good))
    assert "Смирнов" not in customer.text
    assert "desk_commands.import_report" not in customer.keys
    assert await snapshot(db) == before
    assert await state_of(db, Platform.TELEGRAM, "2002") == (None, None)


@pytest.mark.parametrize(
    ("payload", "answer", "values"),
    [
        ("1:desk_commands.card:999", "desk_actions.not_found", {"number": 999}),
        ("1:desk_commands.card:abc", "common.bad_button", {}),
        ("1:desk_commands.card", "common.bad_button", {}),
        ("1:desk_commands.delete:1", "common.bad_button", {}),
    ],
)
async def test_forged_command_buttons_change_nothing(
    engine: Engine, db: Database, payload: str, answer: str, values: dict[str, object]
) -> None:
    await file_renewal(db, Chat(engine, user_id="1001"))
    manager = console_manager(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(payload)
    assert manager.said(answer, **values)
    assert await snapshot(db) == before
