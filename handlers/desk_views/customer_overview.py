"""Everything the managers' Customer page shows about one customer, as of one day: the
contacts, the messenger accounts linked to them, each license with its support end and
today's renewal quote, each key with the state of its protection service and what the
monthly runs did with it, the requests, bookings, consents and the reminders sent, and who
of the customer's people a manager has blocked (docs/rules.md#blocking).

The quote and the key's state come from the same rules the customer's own conversations
use (``handlers.rules.renewal``, ``handlers.rules.key_protection``), so the page says what
the customer is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from handlers.rules.key_protection import KeyProtection, key_protection
from handlers.rules.protection import key_support_end, lapsed_on
from handlers.rules.renewal import RenewalQuote, SupportState, renewal_quote, support_state
from storage import (
    accounts,
    blocks,
    bookings,
    customers,
    keys,
    licenses,
    reminder_log,
    renewal_batches,
)
from storage import requests as stored_requests
from storage.blocks import Block
from storage.bookings import Booking
from storage.db import Unit
from storage.licenses import LicenseView
from storage.models import Account, Customer, Key, Platform, Request
from storage.reminder_log import LoggedReminder
from storage.renewal_batches import KeyRunRecord

if TYPE_CHECKING:
    from handlers.policy import Policy


@dataclass(frozen=True, slots=True)
class LinkedAccount:
    """A messenger account linked to the customer."""

    platform: Platform
    display_name: str
    linked_by: str | None
    """phone | license | invitation | manager."""
    language: str
    since: datetime
    """When the person first wrote to the bot from it."""
    reminders_muted: bool
    block: Block | None = None
    """The block in force on the account, if a manager blocked the person."""


@dataclass(frozen=True, slots=True)
class BlockedPerson:
    """Someone blocked who is linked to the customer or filed one of its requests."""

    platform: Platform
    display_name: str
    linked: bool
    """Linked to the customer (otherwise: filed one of the customer's requests)."""
    block: Block


@dataclass(frozen=True, slots=True)
class Consent:
    """The personal-data consent given from one linked account."""

    platform: Platform
    display_name: str
    given_at: datetime
    version: str | None


@dataclass(frozen=True, slots=True)
class LicenseLine:
    license: LicenseView
    quote: RenewalQuote
    """What renewing it costs today (with what it means for the keys' service)."""
    support: SupportState
    """Active, ending in N days, or lapsed."""


@dataclass(frozen=True, slots=True)
class KeyLine:
    key: Key
    license_numbers: tuple[str, ...]
    protection: KeyProtection
    runs: tuple[KeyRunRecord, ...]
    """What each monthly run did with it, newest first."""


@dataclass(frozen=True, slots=True)
class CustomerOverview:
    customer: Customer
    today: date
    accounts: tuple[LinkedAccount, ...]
    licenses: tuple[LicenseLine, ...]
    """By license number."""
    keys: tuple[KeyLine, ...]
    """By serial."""
    requests: tuple[Request, ...]
    """Newest first (at most 50)."""
    bookings: tuple[Booking, ...]
    """Latest start first."""
    consents: tuple[Consent, ...]
    reminders: tuple[LoggedReminder, ...]
    """Support-expiry reminders logged for the licenses, latest due first."""
    blocked: tuple[BlockedPerson, ...] = ()
    """Blocks in force on the customer's people, the latest first."""


async def _key_line(
    unit: Unit, key: Key, runs: list[KeyRunRecord], today: date, policy: Policy
) -> KeyLine:
    support = await keys.support_of_key(unit, key.id)
    protection = key_protection(
        kind=key.kind.value,
        status=key.status.value,
        protection_service=key.protection_service,
        support_end=key_support_end(support),
        today=today,
        policy=policy,
        lapsed_on=lapsed_on(support, key.protection_connected_on, policy),
    )
    return KeyLine(key, tuple(s.number for s in support), protection, tuple(runs))


async def _blocked(
    unit: Unit, linked: list[Account], filed: list[Request]
) -> tuple[BlockedPerson, ...]:
    """Blocks in force on the linked accounts and on whoever filed the customer's requests."""
    people = {account.id: (account, True) for account in linked}
    for request in filed:
        if request.account_id is not None and request.account_id not in people:
            account = await accounts.get(unit, request.account_id)
            if account is not None:
                people[account.id] = (account, False)
    found = []
    for account, is_linked in people.values():
        if account.blocked_at is None:
            continue
        block = await blocks.active(unit, account.id)
        if block is not None:
            found.append(BlockedPerson(account.platform, account.display_name, is_linked, block))
    return tuple(sorted(found, key=lambda person: person.block.id, reverse=True))


async def customer_overview(
    unit: Unit, customer_id: int, *, today: date, policy: Policy
) -> CustomerOverview | None:
    """The customer's file as of ``today`` (vendor-local); None for an unknown customer."""
    customer = await customers.get(unit, customer_id)
    if customer is None:
        return None
    linked = await accounts.of_customer_since(unit, customer_id)
    views = sorted(await licenses.views_of_customer(unit, customer_id), key=lambda v: v.number)
    served = await keys.served_keys_of_licenses(unit, [view.id for view in views])
    license_lines = tuple(
        LicenseLine(
            view,
            renewal_quote(
                price=view.product_price,
                support_end=view.support_end,
                today=today,
                policy=policy,
                license_number=view.number,
                keys=served.get(view.id, ()),
                resident=view.resident,
            ),
            support_state(view.support_end, today, policy),
        )
        for view in views
    )
    own_keys = await keys.of_customer(unit, customer_id)
    history = await renewal_batches.history_of_keys(unit, [key.id for key in own_keys])
    key_lines = tuple(
        [await _key_line(unit, key, history.get(key.id, []), today, policy) for key in own_keys]
    )
    filed = await stored_requests.of_customer(unit, customer_id)
    blocked = await _blocked(unit, [account for account, _ in linked], filed)
    block_of = {person.block.account_id: person.block for person in blocked}
    return CustomerOverview(
        customer=customer,
        today=today,
        accounts=tuple(
            LinkedAccount(
                platform=account.platform,
                display_name=account.display_name,
                linked_by=account.linked_by,
                language=account.language,
                since=since,
                reminders_muted=account.reminders_muted,
                block=block_of.get(account.id),
            )
            for account, since in linked
        ),
        licenses=license_lines,
        keys=key_lines,
        requests=tuple(filed),
        bookings=tuple(await bookings.of_customer(unit, customer_id)),
        consents=tuple(
            Consent(
                account.platform, account.display_name, account.consent_at, account.consent_version
            )
            for account, _ in linked
            if account.consent_at is not None
        ),
        reminders=tuple(await reminder_log.of_customer(unit, customer_id)),
        blocked=blocked,
    )
