"""My keys and protection (seed 000, docs/rules.md#protection-service): scripted
conversations through every flow on a real SQLite file, the clock standing at the demo's
Monday. What it is and what it costs, each key's state, ordering the service (the card,
a manager's "Done" connects it), cancelling it, a lapsed key, a request not filed twice.

Petrov (resident) has the demo's CodeMeter 3-1234567 with the service (L-1001, L-1002) and
gets, as the vendor's import would, 3-2222222 without it (support for 100 days more),
3-3333333 connected but whose support ended 20 days ago, and the module M-200300."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.i18n import texts
from storage import accounts, customers, keys
from storage.db import Database
from storage.demo import demo_rows
from storage.importer import import_csv, write_csv
from storage.models import Key, KeyStatus, RequestKind, RequestStatus
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import (
    TODAY,
    console_manager,
    link_demo_customer,
    manager_cards,
    messages_to,
    request_row,
)

clock, engine = desk_world.clock, desk_world.engine

RU = texts("ru")
DAY = timedelta(days=1)
PROTECTED = "3-1234567"
PLAIN = "3-2222222"
LAPSED = "3-3333333"
MODULE = "M-200300"
#: The demo: 3-1234567 was programmed at the last run (1 November) for 30 days.
PROGRAMMED_UNTIL = date(2026, 12, 1)


def _petrov_row(**values: str) -> dict[str, str]:
    petrov = next(row for row in demo_rows(TODAY) if row["license_number"] == "L-1002")
    return petrov | values


async def give_petrov_more_keys(db: Database, tmp_path: Path) -> None:
    shkaf = next(row for row in demo_rows(TODAY) if row["license_number"] == "L-1004")
    module_product = {
        k: shkaf[k] for k in shkaf if k.startswith("product") or k == "support_months"
    }
    rows = [
        _petrov_row(
            license_number="L-1010",
            support_end=(TODAY + 100 * DAY).isoformat(),
            key_serial=PLAIN,
            protection_service="нет",
            protection_connected_on="",
            programmed_until="",
        ),
        _petrov_row(
            license_number="L-1011",
            support_end=(TODAY - 20 * DAY).isoformat(),
            key_serial=LAPSED,
            protection_service="да",
            protection_connected_on=(TODAY - 300 * DAY).isoformat(),
            programmed_until="2026-11-01",
        ),
        _petrov_row(
            license_number="L-1012",
            support_end=(TODAY + 100 * DAY).isoformat(),
            key_serial=MODULE,
            key_kind="module",
            protection_service="нет",
            protection_connected_on="",
            programmed_until="",
        )
        | module_product,
    ]
    path = tmp_path / "petrov-keys.csv"
    write_csv(path, rows)
    report = await import_csv(db, path, now=desk_world.NOW)
    assert report.ok, report.errors


async def key(db: Database, serial: str) -> Key:
    async with db.unit() as unit:
        found = await keys.by_serial(unit, serial)
    assert found is not None
    return found


async def desk_mark(db: Database, serial: str) -> Any:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT protection_desk_on FROM keys WHERE serial = ?", (serial,))
    assert row is not None
    return row["protection_desk_on"]


async def request_count(db: Database) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT COUNT(*) FROM requests")
    assert row is not None
    return int(row[0])


async def petrov(engine: Engine, db: Database, tmp_path: Path) -> Chat:
    """Petrov, linked, with his four keys, at "My keys and protection"."""
    await give_petrov_more_keys(db, tmp_path)
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.send("/menu")
    await chat.press_key("protection.menu")
    return chat


# -- what it is and what it costs ---------------------------------------------------------


async def test_a_person_not_linked_reads_the_terms_with_both_prices(engine: Engine) -> None:
    chat = Chat(engine, user_id="3003")
    await chat.send("/start")
    # The demo's menu is full for a person not linked: the service, something to read
    # about, gives way there (the BAZIS profile lists it, tests/test_vendor_profiles.py);
    # asking for it in words offers it.
    assert "protection.menu" not in chat.keys
    await chat.send("Сколько стоит дополнительная защита?")
    assert chat.said("relay.offer")
    await chat.press_key("protection.menu")
    both = chat.text_of(
        "protection.price_both",
        resident=RU.money(Decimal("2500")),
        non_resident=RU.money(Decimal("3500")),
    )
    assert chat.said(
        "protection.about",
        price=both,
        key_price=RU.money(Decimal("3900")),
        delivery=RU.money(Decimal("600")),
        days=30,
        run_day=1,
        grace=14,
    )
    assert not chat.said("protection.price_resident")
    assert not chat.said("protection.price_non_resident")
    assert chat.said("protection.about_unlinked")
    assert chat.button_of("protection.link_button").payload == encode("go", "linking")
    # golden: the terms in the customer's words
    assert chat.replies[-1].text.startswith(
        "Дополнительная защита позволяет восстановить купленные лицензии, если ключ утерян "
        "или украден, не предоставляя документов о случившемся: оплатить нужно только новый "
        "ключ по действующему прайс-листу (сейчас 3\u00a0900\u00a0₽) и его доставку (сейчас "
        "600\u00a0₽).\nУсловия:\n• услуга доступна только для ключей CodeMeter;\n"
        "• стоимость за каждый ключ — 2\u00a0500\u00a0₽ для резидентов РФ и 3\u00a0500\u00a0₽ "
        "для нерезидентов РФ; услуга подключается только после оплаты;\n"
        "• ключ с услугой программируется на 30 календарных дней и продлевается "
        "автоматически: прошивка для продления формируется 1-го числа каждого месяца, если вы "
        "не сообщили об утере или краже ключа;\n"
        "• услуга действует до окончания технической поддержки лицензий на ключе, а вовремя "
        "продлённая поддержка продлевает и её;\n"
        "• если оплатить поддержку позже чем через 14 дней после её окончания или "
        "отказаться от услуги, подключить её снова можно только после повторной оплаты."
    )


async def test_a_person_not_linked_reads_it_in_english_too(engine: Engine) -> None:
    chat = Chat(engine, user_id="3004", language="en")
    await chat.send("/start")
    await chat.payload(encode("go", "protection"))
    en = texts("en")
    assert chat.said_in(
        "en",
        "protection.price_both",
        resident=en.money(Decimal("2500")),
        non_resident=en.money(Decimal("3500")),
    )
    assert chat.said_in("en", "protection.about", days=30, grace=14)


async def test_a_non_resident_is_shown_the_non_resident_price(engine: Engine, db: Database) -> None:
    chat = Chat(engine, user_id="3005", language="bg")
    await chat.send("/start")
    await link_sofia(db, chat)
    await chat.send("/menu")
    await chat.press_key("protection.menu")
    bg = texts("bg")
    # 3-7654321, L-1003 (support ends today): without the service, it can be ordered
    assert chat.said_in(
        "bg",
        "protection.key_not_connected",
        serial="3-7654321",
        price=bg.money(Decimal("3500")),
        support_end=bg.date(TODAY),
    )
    await chat.press_key("protection.about_button")
    assert chat.said_in("bg", "protection.price_non_resident", price=bg.money(Decimal("3500")))
    assert not chat.said("protection.price_both")
    assert not chat.said("protection.price_resident")


async def link_sofia(db: Database, chat: Chat) -> None:
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, "+359888123456")
        account = await accounts.find(unit, chat.platform, chat.user_id)
        assert customer is not None and account is not None
        await accounts.link_customer(unit, account.id, customer.id, method="phone")


# -- each key with its state -------------------------------------------------------------


async def test_petrov_sees_each_key_with_the_state_of_its_service(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    chat = await petrov(engine, db, tmp_path)
    price = RU.money(Decimal("2500"))
    assert chat.said("protection.keys_title")
    programmed = RU("protection.programmed_until", date=RU.date(PROGRAMMED_UNTIL))
    assert chat.said(
        "protection.key_connected",
        serial=PROTECTED,
        programmed=programmed,
        support_end=RU.date(TODAY + 30 * DAY),  # L-1002's end, the latest on the key
    )
    assert chat.said(
        "protection.key_not_connected",
        serial=PLAIN,
        price=price,
        support_end=RU.date(TODAY + 100 * DAY),
    )
    assert chat.said(
        "protection.key_lapsed",
        serial=LAPSED,
        price=price,
        days=14,
        support_end=RU.date(TODAY - 20 * DAY),
    )
    assert chat.said("protection.key_not_available", serial=MODULE)
    # What can be done: order for the two without a working service, cancel the connected
    # one, nothing for the module; and the terms.
    chat.button_of("protection.order_button", serial=PLAIN)
    chat.button_of("protection.order_button", serial=LAPSED)
    chat.button_of("protection.cancel_button", serial=PROTECTED)
    assert not chat.said("protection.order_button", serial=MODULE)
    assert not chat.said("protection.cancel_button", serial=MODULE)
    assert not chat.said("protection.order_button", serial=PROTECTED)
    await chat.press_key("protection.about_button")
    assert chat.said("protection.price_resident", price=price)
    assert not chat.said("protection.price_both")
    assert chat.button_of("protection.keys_button").payload == encode("go", "protection")


async def test_a_key_reported_lost_is_shown_without_any_action(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    await give_petrov_more_keys(db, tmp_path)
    async with db.unit() as unit:
        reported = await keys.by_serial(unit, PROTECTED)
        assert reported is not None
        await keys.set_status(unit, reported.id, KeyStatus.STOLEN, desk_world.NOW)
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.payload(encode("go", "protection"))
    status = RU("protection.status_stolen")
    assert chat.said("protection.key_reported", serial=PROTECTED, status=status)
    assert not chat.said("protection.cancel_button", serial=PROTECTED)
    # an old "Cancel" button for it is refused and files nothing
    before = await request_count(db)
    await chat.payload(encode("protection.cancel", reported.id))
    assert chat.said("protection.cannot_cancel", serial=PROTECTED)
    assert await request_count(db) == before


async def test_a_linked_customer_without_keys_has_no_menu_item(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    olga = {
        "customer_name": "Ольга Кузнецова",
        "company": "",
        "phone": "+79990005566",
        "email": "olga@example.com",
        "resident": "да",
        "license_number": "L-1020",
        "key_serial": "",
        "key_kind": "",
        "protection_service": "",
        "protection_connected_on": "",
        "programmed_until": "",
    }
    path = tmp_path / "olga.csv"
    write_csv(path, [_petrov_row(**olga)])
    report = await import_csv(db, path, now=desk_world.NOW)
    assert report.ok, report.errors
    chat = Chat(engine, user_id="3006")
    await chat.send("/start")
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, "+79990005566")
        account = await accounts.find(unit, chat.platform, chat.user_id)
        assert customer is not None and account is not None
        await accounts.link_customer(unit, account.id, customer.id, method="phone")
    await chat.send("/menu")
    assert "protection.menu" not in chat.keys
    await chat.payload(encode("go", "protection"))  # a button from earlier, or /help
    assert chat.said("protection.about_no_keys")
    assert chat.said("protection.price_resident", price=RU.money(Decimal("2500")))


# -- ordering ------------------------------------------------------------------------------


async def test_an_order_is_filed_carded_and_connected_when_a_manager_marks_it_done(
    engine: Engine, db: Database, tmp_path: Path, clock: Any
) -> None:
    chat = await petrov(engine, db, tmp_path)
    await chat.press_key("protection.order_button", serial=PLAIN)
    price = RU.money(Decimal("2500"))
    assert chat.said(
        "protection.order_question",
        serial=PLAIN,
        licenses="L-1010",
        price=price,
        residency=RU("protection.residency_resident"),
        days=30,
        run_day=1,
    )
    assert chat.said("protection.order_support_until", support_end=RU.date(TODAY + 100 * DAY))
    assert not chat.said("protection.order_support_ended")
    assert (await key(db, PLAIN)).protection_service is False  # nothing before "Yes"
    await chat.press_key("protection.order_yes")
    max_request = await last_request(db)
    row = await request_row(db, max_request)
    assert row["kind"] == RequestKind.PROTECTION_ORDER.value
    assert row["status"] == RequestStatus.NEW.value
    assert Decimal(row["amount"]) == Decimal("2500") and row["verified"] == 1
    # Told it is connected only after payment and a manager sends the invoice.
    assert chat.said("protection.order_filed", number=max_request, serial=PLAIN, price=price)
    assert "только после оплаты" in chat.text and "счёт" in chat.text
    assert (await key(db, PLAIN)).protection_service is False  # not before payment

    card = (await manager_cards(db))[-1]
    for expected in (
        f"Заявка №{max_request}",
        "подключение дополнительной защиты",
        "Иван Петров",
        f"Ключ: {PLAIN} (CodeMeter)",
        f"Лицензии: L-1010; поддержка до {RU.date(TODAY + 100 * DAY)}",
        "Защита при подаче заявки: не подключена",
        "Стоимость услуги: 2\u00a0500\u00a0₽ (цена для резидентов РФ)",
        "Пришлите клиенту счёт",
    ):
        assert expected in card, (expected, card)

    # The manager marks it done (the invoice was paid): the key is connected today and
    # programmed for 30 days; the customer is told; the card says so.
    clock.advance(days=2)
    today = TODAY + 2 * DAY
    desk = console_manager(engine)
    await desk.payload(encode("desk_actions.done", max_request))
    assert desk.said("desk_actions.done", number=max_request)
    connected = await key(db, PLAIN)
    assert connected.protection_service is True
    assert connected.protection_connected_on == today
    assert connected.programmed_until == today + 30 * DAY
    assert connected.protection_disconnected_on is None
    assert await desk_mark(db, PLAIN) == today.isoformat()
    assert desk.said(
        "protection.connected_notice",
        serial=PLAIN,
        on=RU.date(today),
        until=RU.date(today + 30 * DAY),
        run_day=1,
        support_end=RU.date(TODAY + 100 * DAY),
    )
    told = [m.text for m in await messages_to(db, chat.platform, chat.user_id)]
    assert any("Дополнительная защита ключа 3-2222222 подключена" in text for text in told), told
    card = (await manager_cards(db))[-1]
    assert f"Защита подключена {RU.date(today)}" in card, card
    # ... and its history, for /request N
    await desk.send(f"/request {max_request}")
    assert len(desk.values_of("protection.card_connected")) == 2  # the card, the history
    assert "Пришлите клиенту счёт" not in card

    # The customer's list shows it connected, with a "Cancel" now.
    await chat.payload(encode("go", "protection"))
    assert chat.said("protection.key_connected", serial=PLAIN)
    chat.button_of("protection.cancel_button", serial=PLAIN)


async def test_a_second_order_for_the_same_key_is_not_filed(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    chat = await petrov(engine, db, tmp_path)
    order = chat.button_of("protection.order_button", serial=PLAIN).payload
    await chat.press_key("protection.order_button", serial=PLAIN)
    yes = chat.button_of("protection.order_yes").payload
    await chat.payload(yes)
    number = await last_request(db)
    count = await request_count(db)

    # The list says it is with the managers and offers no second order.
    await chat.payload(encode("go", "protection"))
    kind = RU("desk.kind_protection_order")
    assert chat.said("protection.key_pending", number=number, kind=kind)
    assert not chat.said("protection.order_button", serial=PLAIN)
    # The old "Order" button: already with the managers.
    await chat.payload(order)
    assert chat.said("protection.already_filed", serial=PLAIN, number=number, kind=kind)
    # Nor does a cancellation go next to the open order.
    await chat.payload(encode("go", "protection"))
    await chat.payload(encode("protection.cancel", (await key(db, PLAIN)).id))
    assert chat.said("protection.already_filed", number=number)
    # The old "Yes" (an earlier conversation) files nothing either.
    await chat.payload(yes)
    assert not chat.said("protection.order_filed")
    assert await request_count(db) == count

    # Another account of the same customer is told the same.
    other = Chat(engine, user_id="1002", platform=chat.platform)
    await link_demo_customer(db, other)
    await other.payload(encode("go", "protection"))
    await other.payload(order)
    assert other.said("protection.already_filed", number=number)
    assert await request_count(db) == count


async def test_no_files_nothing(engine: Engine, db: Database, tmp_path: Path) -> None:
    chat = await petrov(engine, db, tmp_path)
    count = await request_count(db)
    await chat.press_key("protection.order_button", serial=PLAIN)
    await chat.press_key("protection.no")
    assert chat.said("protection.nothing_filed")
    await chat.press_key("protection.keys_button")
    await chat.press_key("protection.cancel_button", serial=PROTECTED)
    await chat.press_key("protection.no")
    assert chat.said("protection.nothing_filed")
    assert await request_count(db) == count


async def test_someone_elses_key_cannot_be_ordered(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    chat = await petrov(engine, db, tmp_path)
    foreign = await key(db, "3-7654321")  # Sofia Furniture's
    count = await request_count(db)
    await chat.payload(encode("protection.order", foreign.id))
    assert chat.said("protection.not_your_key")
    assert not chat.mentions("3-7654321")
    assert await request_count(db) == count


# -- a lapsed key --------------------------------------------------------------------------


async def test_a_lapsed_key_is_reconnected_only_after_payment(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    chat = await petrov(engine, db, tmp_path)
    await chat.press_key("protection.order_button", serial=LAPSED)
    ended = RU.date(TODAY - 20 * DAY)
    assert chat.said("protection.order_question", serial=LAPSED, licenses="L-1011")
    assert chat.said("protection.order_support_ended", support_end=ended)
    assert not chat.said("protection.order_support_until")
    await chat.press_key("protection.order_yes")
    number = await last_request(db)
    assert (await request_row(db, number))["kind"] == "protection_order"
    card = (await manager_cards(db))[-1]
    assert "Защита при подаче заявки: не действует: поддержку не продлили в срок" in card


# -- cancelling ----------------------------------------------------------------------------


async def test_a_cancellation_is_confirmed_then_disconnected_by_a_manager(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    chat = await petrov(engine, db, tmp_path)
    await chat.press_key("protection.cancel_button", serial=PROTECTED)
    price = RU.money(Decimal("2500"))
    # Told first that connecting it again is only after paying again.
    assert chat.said(
        "protection.cancel_question",
        serial=PROTECTED,
        price=price,
        residency=RU("protection.residency_resident"),
    )
    assert "только после повторной оплаты" in chat.text
    assert (await key(db, PROTECTED)).protection_service is True
    await chat.press_key("protection.cancel_yes")
    number = await last_request(db)
    row = await request_row(db, number)
    assert row["kind"] == RequestKind.PROTECTION_CANCEL.value and row["amount"] is None
    assert chat.said("protection.cancel_filed", number=number, serial=PROTECTED)
    assert (await key(db, PROTECTED)).protection_service is True  # until a manager acts
    card = (await manager_cards(db))[-1]
    for expected in (
        "отказ от дополнительной защиты",
        f"Ключ: {PROTECTED} (CodeMeter)",
        "Лицензии: L-1001, L-1002",
        f"Ключ запрограммирован до {RU.date(PROGRAMMED_UNTIL)}",
        "Повторное подключение будет стоить 2\u00a0500\u00a0₽",
        "Клиент отказывается от услуги",
    ):
        assert expected in card, (expected, card)

    desk = console_manager(engine)
    await desk.payload(encode("desk_actions.done", number))
    off = await key(db, PROTECTED)
    assert off.protection_service is False and off.protection_disconnected_on == TODAY
    assert await desk_mark(db, PROTECTED) == TODAY.isoformat()
    assert desk.said("protection.disconnected_notice", serial=PROTECTED, price=price)
    assert f"Защита отключена {RU.date(TODAY)}" in (await manager_cards(db))[-1]

    await chat.payload(encode("go", "protection"))
    assert chat.said("protection.key_not_connected", serial=PROTECTED)
    chat.button_of("protection.order_button", serial=PROTECTED)


async def test_a_rejected_order_changes_nothing(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    chat = await petrov(engine, db, tmp_path)
    await chat.press_key("protection.order_button", serial=PLAIN)
    await chat.press_key("protection.order_yes")
    number = await last_request(db)
    desk = console_manager(engine)
    await desk.payload(encode("desk_actions.reject", number))
    await desk.send("Не оплачено")
    assert (await key(db, PLAIN)).protection_service is False
    await chat.payload(encode("go", "protection"))
    chat.button_of("protection.order_button", serial=PLAIN)  # can be ordered again


# -- the new kinds wherever requests are named ---------------------------------------------


async def test_my_requests_names_the_new_kinds(
    engine: Engine, db: Database, tmp_path: Path
) -> None:
    chat = await petrov(engine, db, tmp_path)
    await chat.press_key("protection.order_button", serial=PLAIN)
    await chat.press_key("protection.order_yes")
    await chat.payload(encode("go", "protection"))
    await chat.press_key("protection.cancel_button", serial=PROTECTED)
    await chat.press_key("protection.cancel_yes")
    await chat.payload(encode("go", "my_requests"))
    assert chat.mentions(RU("desk.kind_protection_order"))
    assert chat.mentions(RU("desk.kind_protection_cancel"))


@pytest.mark.parametrize("language", ["ru", "en", "bg"])
def test_every_request_kind_has_a_name_for_people(language: str) -> None:
    t = texts(language)
    for kind in RequestKind:
        assert t.has(f"desk.kind_{kind.value}"), (language, kind)


async def last_request(db: Database) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT MAX(id) FROM requests")
    assert row is not None and row[0] is not None
    return int(row[0])
