"""The five bundled vendor profiles (docs/rules.md#vendor-profiles): each offers exactly the
services of its vendor's document, in its language, with its numbers and contacts, and
``run`` refuses to start while a value the document does not give is unset."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flow_list import default_flows
from handlers.i18n import texts
from handlers.policy import (
    TO_BE_SET,
    Policy,
    PolicyError,
    bundled_profiles,
    default_policy_path,
    is_placeholder,
    load_policy,
)
from handlers.rules.dates import local_today
from storage.db import Database
from storage.demo import load_demo
from tests.support.booking_steps import TUESDAY, give_consents, reach_consents
from tests.support.chat import Chat, Clock
from tests.support.cli import run_bot
from tests.support.key_requests import PETROV, SIDOROVA, key_status, report_key
from tests.support.vendor_policy import ready_policy_file

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, 12:00 in Moscow
TODAY = NOW.date()
NBSP = "\u00a0"

#: The main menu each vendor's customers see (an unlinked first visit), from its document.
MENUS = {
    "bazis": [
        "key_loss.menu",
        "protection.menu",
        "manager_contact.menu",
        "callback.menu",
        "linking.menu",
    ],
    "csoft": ["key_loss.menu", "transfer.menu", "manager_contact.menu", "linking.menu"],
    "v8pro": ["menu.renewal", "manager_contact.menu", "support_faq.menu", "linking.menu"],
    "bonevsoft": ["booking.menu", "manager_contact.menu", "linking.menu"],
    "kvartplata": ["booking.menu", "manager_contact.menu", "linking.menu"],
}


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def vendor(request: pytest.FixtureRequest) -> Iterator[Policy]:
    """The profile named by the test's parameter; the demo policy's texts again after."""
    try:
        yield load_policy(request.param)
    finally:
        load_policy()


async def vendor_engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    return Engine(db, policy, default_flows(), desk=ManagerDesk.console_only(), clock=clock)


def menu_keys(chat: Chat) -> list[str]:
    """The catalogue keys of the main menu's service buttons, in order."""
    labels = {button.label for row in chat.replies[-1].buttons for button in row}
    return [
        text.key
        for text in chat.rendered
        if text.text in labels and text.key not in ("menu.language", "menu.help")
    ]


def test_the_five_vendors_are_bundled() -> None:
    assert bundled_profiles() == ["bazis", "bonevsoft", "csoft", "kvartplata", "v8pro"]


@pytest.mark.parametrize("vendor", sorted(MENUS), indirect=True)
async def test_the_menu_shows_only_the_vendors_services(
    vendor: Policy, db: Database, clock: Clock
) -> None:
    engine = await vendor_engine(db, vendor, clock)
    chat = Chat(engine, language=None)
    await chat.send("/start")
    assert menu_keys(chat) == MENUS[vendor_name(vendor)]


def vendor_name(policy: Policy) -> str:
    return {
        "БАЗИС": "bazis",
        "CSoft Development": "csoft",
        "v8PRO": "v8pro",
        "Бонев Софт": "bonevsoft",
        "Квартплата": "kvartplata",
    }[policy.vendor]


@pytest.mark.parametrize("vendor", ["v8pro"], indirect=True)
async def test_v8pro_quotes_its_example_and_gives_no_phone_support(
    vendor: Policy, db: Database, clock: Clock
) -> None:
    engine = await vendor_engine(db, vendor, clock)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("menu.renewal")
    await chat.press_key("renewal.product_button", price=f"7{NBSP}990{NBSP}₽")
    # Within a month of the support end: the preferential 25 % of 7990.
    await chat.send((TODAY - timedelta(days=10)).strftime("%d.%m.%Y"))
    assert chat.said("renewal.quote_amount", amount=f"1{NBSP}998{NBSP}₽")
    # A CodeMeter product, but v8PRO has no protection service to talk about.
    assert not any(text.key.startswith("renewal.protection") for text in chat.rendered)
    await chat.send("/menu")
    await chat.press_key("menu.renewal")
    await chat.press_key("renewal.product_button", price=f"7{NBSP}990{NBSP}₽")
    # Later: the standard 45 % (the document's example says 3196, which is 40 %).
    await chat.send((TODAY - timedelta(days=45)).strftime("%d.%m.%Y"))
    assert chat.said("renewal.quote_amount", amount=f"3{NBSP}596{NBSP}₽")

    # No call-back anywhere: not in the menu, not as a command, not after hours.
    await chat.send("/help")
    assert chat.said("common.contact_no_phone")
    assert chat.said("common.contact_email", value="manager@v8PRO.ru")
    assert chat.said("common.contact_whatsapp", value="+7 927 853 15 26")
    assert chat.said("common.contact_vk_group", value="https://vk.com/v8proru")
    assert not chat.said("common.help_callback")
    clock.now = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # 23:00 in Moscow
    await chat.send("/menu")
    await chat.send("Не открывается отчёт по продажам после обновления 1С")
    assert chat.said("relay.expect_after_hours")
    assert not chat.said("relay.callback_offer")
    assert not chat.said("callback.menu")  # no "Call me back" button
    await chat.payload("1:go:callback")
    assert chat.said("common.bad_button")


@pytest.mark.parametrize("vendor", ["bonevsoft"], indirect=True)
async def test_bonevsoft_speaks_bulgarian_and_names_the_gdpr(
    vendor: Policy, db: Database, clock: Clock
) -> None:
    engine = await vendor_engine(db, vendor, clock)
    chat = Chat(engine, language=None)  # the messenger names no language
    await chat.send("/start")
    assert chat.said_in("bg", "common.welcome")
    assert chat.said_in("bg", "menu.title")
    await chat.press_key("booking.menu")
    # Only the direct connection is offered (no backup review in the document).
    assert chat.said_in("bg", "booking.kind_question")
    assert [t.key for t in chat.rendered if t.key.startswith("booking.kind_")] == [
        "booking.kind_question",
        "booking.kind_about_direct",
        "booking.kind_direct",
        "booking.kind_price",
        "booking.kind_pick",
    ]
    assert not chat.said("booking.kind_price_fee")  # Bonev Soft names no connection fee
    # "При прекъсване на сесията (връзката) от страна на Клиента, последният дължи
    # заплащане": the customer who interrupts pays (golden: the exact words).
    consent = texts("bg")("booking.consent_pay", number=1, total=3, min_hours=1)
    assert consent.endswith("Ако прекъснете сесията, ползваното време се заплаща.")
    assert texts("bg").currency == "EUR"
    assert vendor.consent.law == "GDPR"
    assert "GDPR" in texts("bg")("consent.text", law=vendor.consent.law)
    # A backup-review button (from a demo deployment's old message) is refused.
    await chat.payload(encode("booking.kind", "backup"))
    assert chat.said_in("bg", "booking.kind_hint")
    assert not chat.said("booking.ask_problem_backup")


@pytest.mark.parametrize("vendor", ["bonevsoft"], indirect=True)
async def test_bonevsoft_quotes_no_fee_and_names_no_voice_program(
    vendor: Policy, db: Database, clock: Clock
) -> None:
    """Bonev Soft names no connection fee nor a voice program: its direct booking does not
    say the fee was paid already, nor to talk over a voice program."""
    assert vendor.sessions.connection_fee == 0 and vendor.contacts.voice_tool is None
    engine = await vendor_engine(db, vendor, clock)
    chat = Chat(engine, language="bg")
    await chat.send("/start")
    await chat.press_key("booking.menu")
    assert chat.said_in("bg", "booking.kind_about_direct", voice="none")
    assert "гласова" not in chat.text
    await reach_consents(chat, "direct", day=TUESDAY, hours=1, phone="+359 88 123 4567")
    assert chat.said_in("bg", "booking.estimate_total")
    assert not chat.said("booking.estimate_no_fee")
    assert not chat.said("booking.estimate_fee")
    await give_consents(chat, "direct")
    await chat.press_key("booking.confirm")
    assert chat.said_in("bg", "booking.prepare_direct", voice="none")
    assert "гласова" not in chat.text


@pytest.mark.parametrize("vendor", ["kvartplata"], indirect=True)
async def test_kvartplata_names_teamviewer_and_skype(
    vendor: Policy, db: Database, clock: Clock
) -> None:
    engine = await vendor_engine(db, vendor, clock)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("booking.menu")
    assert "TeamViewer" in chat.text and "Skype" in chat.text
    assert chat.said("booking.kind_about_backup") and chat.said("booking.kind_about_direct")
    assert chat.said("booking.kind_price", rate=f"1{NBSP}300{NBSP}₽", min_hours=1)
    assert chat.said("booking.kind_price_fee", fee=f"4{NBSP}000{NBSP}₽")


async def test_the_demo_texts_say_the_support_email_in_words(db: Database, policy: Policy) -> None:
    """The demo policy's e-mail is a placeholder: no address, the catalogue's words."""
    assert "e-mail поддержки" in texts("ru")("uploads.too_large", max_mb=10)
    assert "@" not in texts("ru")("uploads.too_large", max_mb=10)


def test_a_profile_shows_its_support_email_where_a_text_sends_people_there() -> None:
    try:
        load_policy("v8pro")
        for language in ("ru", "en", "bg"):
            assert "manager@v8PRO.ru" in texts(language)("uploads.too_large", max_mb=10)
    finally:
        load_policy()


@pytest.mark.parametrize("vendor", ["csoft"], indirect=True)
async def test_csoft_asks_for_the_letter_and_the_write_off_act_for_a_lost_module(
    vendor: Policy, db: Database, clock: Clock
) -> None:
    engine = await vendor_engine(db, vendor, clock)
    chat = Chat(engine)
    await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    assert chat.said("key_loss.letter_item", serial="M-100200")
    assert chat.said("key_loss.act_item_lost")
    assert chat.said("key_loss.ask_letter")
    assert await key_status(db, "M-100200") == "lost"


@pytest.mark.parametrize("vendor", ["bazis"], indirect=True)
async def test_bazis_takes_a_protected_keys_loss_with_no_documents(
    vendor: Policy, db: Database, clock: Clock
) -> None:
    engine = await vendor_engine(db, vendor, clock)
    chat = Chat(engine)
    await report_key(db, chat, PETROV, "3-1234567", "lost")
    assert chat.said("key_loss.protected_marked", serial="3-1234567")
    assert not chat.said("key_loss.ask_letter")
    assert chat.said("key_loss.ask_address")


# -- values the vendor must set ------------------------------------------------------------


UNSET = {
    "bazis": [
        "consent.policy_url",
        "consent.text_version",
        "contacts.email",
        "contacts.phone",
        "desk.first_response_minutes",
        "keys.delivery_price",
        "keys.price_codemeter",
        "keys.price_module",
        "protection.price_non_resident",
        "protection.price_resident",
        "timezone",
        "working_hours.end",
        "working_hours.start",
        "working_hours.weekdays",
    ],
    "v8pro": [
        "consent.policy_url",
        "consent.text_version",
        "desk.first_response_minutes",
        "timezone",
        "working_hours.end",
        "working_hours.start",
        "working_hours.weekdays",
    ],
    "bonevsoft": [
        "consent.policy_url",
        "consent.text_version",
        "contacts.email",
        "contacts.remote_tool",
        "desk.first_response_minutes",
        "sessions.billing_step_minutes",
        "sessions.consultants",
        "sessions.hourly_rate",
        "sessions.minimum_hours",
        "working_hours.end",
        "working_hours.start",
        "working_hours.weekdays",
    ],
}


@pytest.mark.parametrize("vendor", sorted(UNSET), indirect=True)
def test_what_a_document_does_not_give_is_left_to_the_vendor(vendor: Policy) -> None:
    assert vendor.unset_values() == UNSET[vendor_name(vendor)]


@pytest.mark.parametrize("name", ["bazis", "csoft", "v8pro", "bonevsoft", "kvartplata"])
def test_run_refuses_a_profile_until_the_vendor_sets_its_values(tmp_path: Path, name: str) -> None:
    result = run_bot("run", tmp_path=tmp_path, env={"POLICY_FILE": name})
    assert result.returncode == 2
    assert "working_hours.start" in result.stderr and "consent.policy_url" in result.stderr
    assert "Nothing to run" not in result.stderr


PLACEHOLDERS = [
    ('email = "help@vendor.test"', 'email = ""', "contacts.email"),
    ('phone = "+7 495 000-00-00"', 'phone = ""', "contacts.phone"),
    ('remote_tool = "TeamViewer"', 'remote_tool = ""', "contacts.remote_tool"),
    ('voice_tool = "Skype"', 'voice_tool = "to be set"', "contacts.voice_tool"),
    ('email = "help@vendor.test"', 'email = "help@example.com"', "contacts.email"),
    (
        'policy_url = "https://vendor.test/personal-data-policy"',
        'policy_url = "https://www.example.org/privacy"',
        "consent.policy_url",
    ),
    ('hourly_rate = "1300"', f'hourly_rate = "{TO_BE_SET}"', "sessions.hourly_rate"),
    ('start = "09:00"', f'start = "{TO_BE_SET}"', "working_hours.start"),
]


@pytest.mark.parametrize(("filled", "placeholder", "key"), PLACEHOLDERS)
def test_every_placeholder_blocks_run(
    tmp_path: Path, filled: str, placeholder: str, key: str
) -> None:
    ready = ready_policy_file(tmp_path)
    text = ready.read_text(encoding="utf-8")
    assert filled in text
    ready.write_text(text.replace(filled, placeholder, 1), encoding="utf-8")
    try:
        assert load_policy(ready).unset_values() == [key]
    finally:
        load_policy()


def test_a_ready_policy_passes_and_run_asks_for_a_token(tmp_path: Path) -> None:
    result = run_bot(
        "run", tmp_path=tmp_path, env={"POLICY_FILE": str(ready_policy_file(tmp_path))}
    )
    assert result.returncode == 2
    assert "Nothing to run: set TELEGRAM_TOKEN or VK_TOKEN" in result.stderr


def test_the_demo_policy_refuses_run_naming_its_placeholders(tmp_path: Path) -> None:
    result = run_bot("run", tmp_path=tmp_path)
    assert result.returncode == 2
    for key in ("contacts.email", "consent.policy_url"):
        assert key in result.stderr


def test_an_unknown_profile_name_lists_the_bundled_ones(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="bundled profiles: bazis, bonevsoft, csoft"):
        load_policy("v8prо")  # a Cyrillic "о"
    load_policy()


def test_the_console_takes_a_profile_and_says_which_demo_values_stand_in(tmp_path: Path) -> None:
    result = run_bot("console", "--demo", "--policy", "bonevsoft", tmp_path=tmp_path, stdin="")
    assert result.returncode == 0, result.stderr
    assert "demo values stand in for" in result.stderr and "sessions.hourly_rate" in result.stderr
    assert "Главное меню" not in result.stdout
    assert "Главно меню" in result.stdout


def test_every_profile_value_has_a_comment() -> None:
    """Each key of a profile is read from its vendor's document or says it is not there:
    a comment stands in the run of lines just above it (a key right under another key shares
    that key's comment only when both sit in one commented block)."""
    folder = default_policy_path().with_name("policies")
    for path in sorted(folder.glob("*.toml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if not line or line.startswith(("#", "[", " ")) or "=" not in line:
                continue
            above = number - 1
            while above >= 0 and "=" in lines[above] and not lines[above].startswith("#"):
                above -= 1  # a block of keys under one comment
            assert above >= 0 and lines[above].startswith("#"), f"{path.name}:{number + 1}: {line}"


def test_a_vendor_console_on_an_empty_database_says_how_to_fill_it(tmp_path: Path) -> None:
    """A new user tries a profile before importing anything: the console says how to get
    data, and a renewal asks a manager instead of listing no products."""
    result = run_bot("console", "--policy", "v8pro", tmp_path=tmp_path, stdin="1\n")
    assert result.returncode == 0, result.stderr
    assert "add --demo" in result.stderr and "python -m bot import" in result.stderr
    assert "Каталог продуктов с ценами ещё не загружен" in result.stdout
    assert "Спросить менеджера" in result.stdout


def test_a_policy_file_from_before_contacts_still_loads_and_run_names_what_to_add(
    tmp_path: Path,
) -> None:
    """An upgrade keeps a vendor's own policy file working: it loads (the console runs), and
    ``run`` names the contacts to add."""
    old = default_policy_path().read_text(encoding="utf-8")
    start = old.index("[contacts]")
    end = old.index("[support]")
    path = tmp_path / "policy-2026-11.toml"
    path.write_text(old[:start] + old[end:], encoding="utf-8")
    try:
        policy = load_policy(path)
    finally:
        load_policy()
    assert {"contacts.email", "contacts.remote_tool"} <= set(policy.unset_values())


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [
        ("", True),
        ("to be set", True),
        ("help@example.com", True),
        ("https://www.example.org/privacy", True),
        ("https://example.net:8443/x", True),
        ("support@myexample.com", False),
        ("https://example.com.ru/privacy", False),
        ("manager@v8PRO.ru", False),
        ("+7 927 853 15 26", False),
    ],
)
def test_placeholders_are_told_by_their_host_not_by_a_substring(
    value: str, placeholder: bool
) -> None:
    assert is_placeholder(value) is placeholder
