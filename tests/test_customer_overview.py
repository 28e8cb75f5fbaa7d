"""The Customer page's file on the demo data: contacts, linked accounts, licenses with
today's renewal quote, keys with their protection state and monthly-run history,
requests, bookings, consents and the reminders sent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from handlers.desk_views.customer_overview import customer_overview
from handlers.policy import Policy
from handlers.rules.dates import add_months
from handlers.rules.key_protection import ProtectionState
from handlers.rules.renewal import RenewalRate, SupportStanding, SupportState
from storage import (
    accounts,
    blocks,
    customers,
    requests,
)
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE, load_demo
from storage.models import Platform, RequestKind
from storage.renewal_batches import KeyRunRecord
from tests.support.customer_file import REMINDER_KIND, RUN_ON, RUN_UNTIL, petrovs_file

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


async def _petrov_with_history(db: Database) -> int:
    assert (await load_demo(db, today=TODAY, now=NOW)).ok
    on_file = await petrovs_file(db, now=NOW, today=TODAY, linked_at=NOW - timedelta(days=3))
    async with db.unit() as unit:  # someone else's VK account, not linked
        await accounts.create(
            unit, Platform.VK, "200", language="ru", display_name="Чужой", now=NOW
        )
    return on_file.customer_id


async def test_the_demo_customers_file(db: Database, policy: Policy) -> None:
    petrov = await _petrov_with_history(db)
    async with db.unit() as unit:
        found = await customer_overview(unit, petrov, today=TODAY, policy=policy)
    assert found is not None
    assert (found.customer.name, found.customer.company, found.customer.phone) == (
        "Иван Петров",
        "ООО «Мебель-Про»",
        DEMO_CUSTOMER_PHONE,
    )
    (account,) = found.accounts  # the unlinked VK account is someone else
    assert (account.platform, account.linked_by, account.since) == (
        Platform.TELEGRAM,
        "phone",
        NOW - timedelta(days=3),
    )
    (consent,) = found.consents
    assert (consent.platform, consent.given_at, consent.version) == (
        Platform.TELEGRAM,
        NOW - timedelta(days=3),
        "2026-01",
    )

    l1001, l1002 = found.licenses
    assert (l1001.license.number, l1002.license.number) == ("L-1001", "L-1002")
    # Support ended 10 days ago: the preferential 25 % of 7990, continuing from the old end.
    assert l1001.quote.rate_kind is RenewalRate.PREFERENTIAL
    assert l1001.quote.amount == Decimal("1998")
    assert l1001.quote.new_support_end == add_months(TODAY - timedelta(days=10), 12)
    assert l1001.support == SupportState(SupportStanding.LAPSED, 10)
    assert l1002.support == SupportState(SupportStanding.ENDING, 30)  # reminded already
    (terms,) = l1001.quote.protection  # the key's service, kept by L-1002
    assert terms.serial == "3-1234567"

    (key,) = found.keys
    assert key.key.serial == "3-1234567"
    assert key.license_numbers == ("L-1001", "L-1002")
    assert key.protection.state is ProtectionState.CONNECTED
    assert key.runs == (KeyRunRecord("2026-11", RUN_ON, "prolonged", RUN_UNTIL),)

    (request,) = found.requests
    assert request.kind is RequestKind.BOOKING
    (booking,) = found.bookings
    assert (booking.request_id, booking.status) == (request.id, "confirmed")
    (reminder,) = found.reminders
    assert (reminder.license_number, reminder.kind, reminder.due_on) == (
        "L-1002",
        REMINDER_KIND,
        TODAY,
    )


async def test_a_module_has_no_service_and_a_late_license_the_standard_rate(
    db: Database, policy: Policy
) -> None:
    assert (await load_demo(db, today=TODAY, now=NOW)).ok
    async with db.unit() as unit:
        sidorova = await customers.find_by_phone(unit, "+79990003344")
        assert sidorova is not None
        found = await customer_overview(unit, sidorova.id, today=TODAY, policy=policy)
    assert found is not None
    (module,) = found.keys
    assert (module.key.serial, module.protection.state) == (
        "M-100200",
        ProtectionState.NOT_AVAILABLE,
    )
    assert module.runs == ()
    l1004 = found.licenses[0]
    assert (l1004.license.number, l1004.quote.rate_kind, l1004.quote.amount) == (
        "L-1004",
        RenewalRate.STANDARD,
        Decimal("8325"),
    )
    assert found.accounts == found.consents == found.requests == found.bookings == ()


async def test_an_unknown_customer_has_no_file(db: Database, policy: Policy) -> None:
    async with db.unit() as unit:
        assert await customer_overview(unit, 999, today=TODAY, policy=policy) is None


async def test_the_people_blocked_linked_or_filing_for_the_customer(
    db: Database, policy: Policy
) -> None:
    petrov = await _petrov_with_history(db)
    async with db.unit() as unit:
        linked = await accounts.find(unit, Platform.TELEGRAM, "100")
        stranger = await accounts.find(unit, Platform.VK, "200")
        assert linked is not None and stranger is not None
        filed = await requests.create(
            unit, RequestKind.QUESTION, account_id=stranger.id, customer_id=petrov, now=NOW
        )
        for account, reason in ((linked, "Грубит"), (stranger, "Спам")):
            await blocks.block(
                unit, account.id, request_id=filed, reason=reason, by="manager:telegram:7", now=NOW
            )
        found = await customer_overview(unit, petrov, today=TODAY, policy=policy)
    assert found is not None
    assert [(p.display_name, p.linked, p.block.reason) for p in found.blocked] == [
        ("Чужой", False, "Спам"),
        ("Иван", True, "Грубит"),
    ]
    (account,) = found.accounts
    assert account.block is not None and account.block.reason == "Грубит"
