"""What a renewal quote says about the additional protection service, in conversations on a
real SQLite file (docs/rules.md#protection-service-in-the-quote):

* the service is the key's: a license whose key another license keeps alive is not told
  to "pay by D or lose it", it is told which license keeps it and until when;
* a renewal paid later than E + 14 lapses the service although the new end is a year
  ahead: the quote gives the reconnection price and a loss is no longer covered;
* a deadline already passed is never shown as an instruction ("another product");
* "every update released while support lapsed" only once support has lapsed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.flows.consent import ConsentFlow
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.flows.protection.flow import ProtectionFlow
from handlers.flows.renewal import RenewalFlow
from handlers.i18n import texts
from handlers.policy import Policy
from storage.db import Database
from tests.support.chat import Chat, Clock
from tests.support.key_requests import NOW, PETROV, agree_if_asked, demo_engine, link
from tests.support.scheduler_world import Person, license_row, load, local

RU = texts("ru")
TODAY = NOW.date()  # 23.11.2026, the demo's today
NBSP = "\u00a0"
REPORT_PRICE = f"7{NBSP}990{NBSP}₽"
RESIDENT = f"2{NBSP}500{NBSP}₽"
NON_RESIDENT = f"3{NBSP}500{NBSP}₽"


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await demo_engine(db, policy, clock, RenewalFlow())


async def quote_license(chat: Chat, end: date) -> None:
    await chat.send("/menu")
    await chat.press_key("menu.renewal")
    await chat.press_key("renewal.license_button", end=RU.date(end))


async def test_a_license_whose_key_another_license_keeps_is_not_told_to_pay_by_a_date(
    engine: Engine, db: Database
) -> None:
    """Demo key 3-1234567 carries L-1001 (support ended 10 days ago) and L-1002 (ends in 30
    days): the service lives on with L-1002, whatever happens to L-1001."""
    chat = Chat(engine)
    await link(db, chat, PETROV)
    await quote_license(chat, TODAY - timedelta(days=10))
    kept_until = TODAY + timedelta(days=30)
    assert chat.said(
        "renewal.protection_kept",
        serial="3-1234567",
        licenses="L-1002",
        count=1,
        until=RU.date(kept_until),
    )
    assert not chat.said("renewal.protection_keeps") and not chat.said("renewal.protection_lost")
    # golden: the exact wording
    assert (
        "Дополнительную защиту ключа 3-1234567 сохраняет лицензия L-1002: её поддержка "
        f"действует до {RU.date(kept_until)}." in chat.text
    )

    # L-1002 holds the key's support end: its renewal is what keeps the service.
    await quote_license(chat, kept_until)
    assert chat.said(
        "renewal.protection_keeps",
        serial="3-1234567",
        deadline=RU.date(kept_until + timedelta(days=14)),
        price=RESIDENT,
    )


async def test_updates_missed_are_promised_only_once_support_has_lapsed(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link(db, chat, PETROV)
    await quote_license(chat, TODAY + timedelta(days=30))  # L-1002: support runs
    assert chat.said("renewal.quote_amount") and not chat.said("renewal.quote_updates")
    await quote_license(chat, TODAY - timedelta(days=10))  # L-1001: ended 10 days ago
    assert chat.said("renewal.quote_updates")


async def quote_product(chat: Chat, ended: date) -> None:
    await chat.send("/menu")
    await chat.press_key("menu.renewal")
    if chat.said("renewal.pick_license"):
        await chat.press_key("renewal.other_product")
    await chat.press_key("renewal.product_button", price=REPORT_PRICE)
    await chat.send(ended.strftime("%d.%m.%Y"))


async def test_another_product_past_its_deadline_gets_the_reconnection_price_not_a_past_date(
    engine: Engine, db: Database, clock: Clock
) -> None:
    """On 5 December a support end of 15 November: E + 14 was 29 November. The quote does
    not say "pay by 29.11"; it says what connecting the service again costs."""
    clock.now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    chat = Chat(engine)
    await chat.send("/start")
    await quote_product(chat, date(2026, 11, 15))
    price = f"{RESIDENT} для резидентов РФ, {NON_RESIDENT} для нерезидентов"
    assert chat.said("renewal.protection_if_any_lapsed", days=14, price=price)
    assert not chat.said("renewal.protection_if_any")
    assert "29.11.2026" not in chat.text

    await quote_product(chat, date(2026, 11, 25))  # E + 14 = 9 December: still ahead
    assert chat.said("renewal.protection_if_any", deadline="09.12.2026", price=price)


async def test_a_linked_customer_is_told_the_price_of_their_residency(
    engine: Engine, db: Database, clock: Clock
) -> None:
    clock.now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    chat = Chat(engine)
    await link(db, chat, PETROV)  # a resident of Russia
    await quote_product(chat, date(2026, 11, 15))
    assert chat.said("renewal.protection_if_any_lapsed", days=14, price=RESIDENT)


# -- a renewal paid too late ---------------------------------------------------------------

LATE = Person("Олег Поздний", "+79990009900")
END = date(2026, 12, 10)  # E + 14 = 24 December


@pytest.fixture
async def late_engine(db: Database, policy: Policy) -> tuple[Engine, Clock]:
    """Key 3-900 with the service and one license whose support of 10 December was
    renewed for a year, the payment first seen by the import on 25 December (E + 15); the
    import of the 24th still showed the old end."""
    old = license_row(LATE, "REPORT", "L-90", END, key="3-900", service=True)
    await load(db, [old], datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    await load(db, [old], local(date(2026, 12, 24), 9, 0, policy))
    renewed = license_row(LATE, "REPORT", "L-90", date(2027, 12, 10), key="3-900", service=True)
    await load(db, [renewed], local(date(2026, 12, 25), 9, 0, policy))
    clock = Clock(local(date(2026, 12, 26), 12, 0, policy))
    flows = [RenewalFlow(), KeyLossFlow(), ProtectionFlow(), ConsentFlow()]
    return Engine(db, policy, flows, desk=ManagerDesk.console_only(), clock=clock), clock


async def test_after_a_late_renewal_the_quote_gives_the_reconnection_price(
    late_engine: tuple[Engine, Clock], db: Database
) -> None:
    engine, _ = late_engine
    chat = Chat(engine)
    await link(db, chat, LATE.phone)
    await quote_license(chat, date(2027, 12, 10))
    assert chat.said("renewal.protection_lost", serial="3-900", days=14, price=RESIDENT)
    assert not chat.said("renewal.protection_keeps")


async def test_after_a_late_renewal_a_lost_key_needs_the_documents(
    late_engine: tuple[Engine, Clock], db: Database
) -> None:
    engine, _ = late_engine
    chat = Chat(engine)
    await link(db, chat, LATE.phone)
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await agree_if_asked(chat)
    await chat.press_key("key_loss.key_button", serial="3-900")
    await chat.press_key("key_loss.button_lost")
    await chat.press_key("key_loss.confirm_yes")
    assert chat.said("key_loss.documents_marked")
    assert not chat.said("key_loss.protected_marked")


async def test_after_a_late_renewal_my_keys_shows_the_service_lapsed(
    late_engine: tuple[Engine, Clock], db: Database
) -> None:
    """The file still says "yes" and E moved a year on, but support was paid on E + 15:
    the key's page says the service no longer works and offers to order it again."""
    engine, _ = late_engine
    chat = Chat(engine)
    await link(db, chat, LATE.phone)
    await chat.send("/menu")
    await chat.press_key("protection.menu")
    assert chat.said("protection.key_lapsed", serial="3-900")
    assert not chat.said("protection.key_connected", serial="3-900")
