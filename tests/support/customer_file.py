"""The demo customer Иван Петров with a file worth a Customer page (the demo data set must
be loaded): a linked Telegram account that consented, a booked backup review, a support
reminder sent and a monthly key run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from storage import (
    accounts,
    bookings,
    customers,
    keys,
    licenses,
    reminder_log,
    renewal_batches,
    requests,
)
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE
from storage.models import Platform, RequestKind
from storage.renewal_batches import BatchKey

#: The November run and the date it prolonged the key to.
RUN_ON, RUN_UNTIL = date(2026, 11, 1), date(2026, 12, 1)
#: The reminder sent: 30 days before L-1002's support end.
REMINDER_KIND = "before_end:30"


@dataclass(frozen=True, slots=True)
class PetrovsFile:
    customer_id: int
    account_id: int
    #: The booked session's request.
    request_number: int
    session_at: datetime


async def petrovs_file(
    db: Database, *, now: datetime, today: date, linked_at: datetime
) -> PetrovsFile:
    """Petrov's Telegram account (linked by phone, consented at ``linked_at``), a backup
    review two days after ``now`` (1 300 ₽), the reminder sent ``today`` and the November
    run's prolonging of key 3-1234567."""
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
        assert petrov is not None
        account = await accounts.create(
            unit, Platform.TELEGRAM, "100", language="ru", display_name="Иван", now=linked_at
        )
        await accounts.link_customer(unit, account.id, petrov.id, method="phone")
        await accounts.record_consent(unit, account.id, version="2026-01", now=linked_at)
        number = await requests.create(
            unit,
            RequestKind.BOOKING,
            account_id=account.id,
            customer_id=petrov.id,
            verified=True,
            amount=Decimal("1300"),
            now=now,
        )
        session_at = now + timedelta(days=2)
        await bookings.create(
            unit,
            request_id=number,
            account_id=account.id,
            customer_id=petrov.id,
            kind="backup",
            starts_at=session_at,
            hours=1,
            connection_fee=Decimal("0"),
            estimate=Decimal("1300"),
            now=now,
        )
        l1002 = await licenses.by_number(unit, "L-1002")
        key = await keys.by_serial(unit, "3-1234567")
        assert l1002 is not None and key is not None
        await reminder_log.record(unit, l1002.id, REMINDER_KIND, l1002.support_end, today, now)
        batch = await renewal_batches.start(unit, "2026-11", RUN_ON, now)
        assert batch is not None
        await renewal_batches.add_keys(
            unit, batch, "2026-11", [BatchKey(key.id, "prolonged", RUN_UNTIL)]
        )
    return PetrovsFile(petrov.id, account.id, number, session_at)
