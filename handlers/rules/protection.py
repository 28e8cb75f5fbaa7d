"""The additional protection service of one key over time (docs/rules.md#protection-service,
seed 000 p.8-10).

The service belongs to the key, not to a license: it is active until the key's support end
E, the latest support end among the licenses on it (p.8); renewing any of them in time
extends it (p.9); support paid later than E + ``reconnect_after_days`` means connecting the
service again at its price (p.10).

"When paid" is the day the import recorded for a license's current support end (its
``support_paid_on`` column, else the day the import first saw that end): a renewal paid
late is a lapse even when the file reaches the bot before the monthly run, and even though
the new support end lies in the future.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from handlers.policy import Policy

_DAY = timedelta(days=1)


class SupportPeriod(Protocol):
    """One license's current support on a key, as the import recorded it."""

    @property
    def number(self) -> str:
        """The license number."""

    @property
    def support_end(self) -> date: ...

    @property
    def paid_on(self) -> date | None:
        """When the current support end was paid (or first seen); None: not known."""

    @property
    def previous_end(self) -> date | None:
        """The support end the payment renewed; None: the license was not seen renewed."""


class ServedKey(Protocol):
    """A CodeMeter key that has (or had) the service, with the licenses on it."""

    @property
    def serial(self) -> str: ...

    @property
    def connected(self) -> bool:
        """The service is connected (False: it was disconnected and not connected again)."""

    @property
    def connected_on(self) -> date | None: ...

    @property
    def support(self) -> Sequence[SupportPeriod]: ...


def key_support_end(support: Sequence[SupportPeriod]) -> date | None:
    """The key's E: the latest support end among its licenses; None when it holds none."""
    return max((period.support_end for period in support), default=None)


def reconnection_price(policy: Policy, *, resident: bool) -> Decimal:
    """The price of connecting the service again, by the customer's residency (p.1)."""
    terms = policy.protection
    return terms.price_resident if resident else terms.price_non_resident


def _end_before(paid: SupportPeriod, support: Sequence[SupportPeriod]) -> date:
    """The key's support end just before ``paid`` was paid: the other licenses count with
    the end they had then (one renewed the same day or later with its previous end, one
    first seen the same day or later not at all)."""
    assert paid.paid_on is not None and paid.previous_end is not None
    ends = [paid.previous_end]
    for other in support:
        if other is paid:
            continue
        if other.paid_on is not None and other.paid_on >= paid.paid_on:
            if other.previous_end is not None:
                ends.append(other.previous_end)
            continue
        ends.append(other.support_end)
    return max(ends)


def lapsed_on(
    support: Sequence[SupportPeriod], connected_on: date | None, policy: Policy
) -> date | None:
    """The day the service lapsed because support was paid late, or None.

    Each renewal on the key (a license whose support end moved later), in the order paid,
    is compared with the key's support end K just before it: paid after K +
    ``reconnect_after_days``, the service lapsed on K + ``reconnect_after_days`` + 1 day,
    unless it was connected (again) on or after that day. A license first seen on the key
    is not a renewal (the import cannot tell a new purchase from one missing before).
    """
    grace = timedelta(days=policy.protection.reconnect_after_days)
    paid = sorted(
        (
            period
            for period in support
            if period.paid_on is not None
            and period.previous_end is not None
            and period.support_end > period.previous_end
        ),
        key=lambda period: (period.paid_on, period.number),
    )
    for period in paid:
        assert period.paid_on is not None
        lapse = _end_before(period, support) + grace + _DAY
        if period.paid_on >= lapse and (connected_on is None or connected_on < lapse):
            return lapse
    return None


class Outlook(StrEnum):
    """What the service on a key means for a renewal of one of its licenses, today."""

    KEPT = "kept"
    """Another license on the key keeps the service until its (later) support end."""
    PAY_BY = "pay_by"
    """Paying the renewal by the deadline keeps the service."""
    LAPSED = "lapsed"
    """The service lapsed (or was disconnected): connecting it again costs its price."""


@dataclass(frozen=True, slots=True)
class KeyTerms:
    """The service on one key, as a quote or a reminder for one license tells it."""

    serial: str
    outlook: Outlook
    deadline: date | None
    """PAY_BY: the last day a payment keeps the service (today or later); else None."""
    kept_until: date | None
    """KEPT: the key's support end (today or later); else None."""
    kept_by: tuple[str, ...]
    """KEPT: the licenses whose support ends then; else empty."""
    reconnection_price: Decimal

    @property
    def keeps_service(self) -> bool:
        return self.outlook is not Outlook.LAPSED


def key_terms(
    license_number: str, key: ServedKey, today: date, policy: Policy, *, resident: bool
) -> KeyTerms:
    """The service on ``key`` for a renewal of its license ``license_number`` on ``today``.

    Never a date already past: a deadline that has passed is LAPSED with the price.
    """
    price = reconnection_price(policy, resident=resident)
    end = key_support_end(key.support)
    grace = timedelta(days=policy.protection.reconnect_after_days)
    lapse = lapsed_on(key.support, key.connected_on, policy)
    own = [period.support_end for period in key.support if period.number == license_number]
    if (
        not key.connected
        or end is None
        or not own
        or today > end + grace
        or (lapse is not None and lapse <= today)
    ):
        return KeyTerms(key.serial, Outlook.LAPSED, None, None, (), price)
    if end > max(own) and today <= end:
        keepers = tuple(sorted(p.number for p in key.support if p.support_end == end))
        return KeyTerms(key.serial, Outlook.KEPT, None, end, keepers, price)
    return KeyTerms(key.serial, Outlook.PAY_BY, end + grace, None, (), price)


def holds_the_key(
    license_number: str, support_end: date, key: ServedKey, today: date, policy: Policy
) -> bool:
    """Whether the license's support end is the key's E while the service still runs:
    its renewal is what keeps the service (the E + 10 reminder goes to such a license)."""
    if not key.connected or key_support_end(key.support) != support_end:
        return False
    if not any(period.number == license_number for period in key.support):
        return False
    lapse = lapsed_on(key.support, key.connected_on, policy)
    return lapse is None or lapse > today
