"""Support renewal quote (docs/rules.md#support-renewal).

With P the product's current price, E the support end and T today (vendor's time zone):
preferential rate while T <= E + grace months (inclusive, also before E), the new support
end then continues from E; standard rate later, the new end counts from the quote date
(taken as the activation date). Amounts are whole rubles, rounded half up, in Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.dates import add_months
from handlers.rules.money import as_money, round_rubles

if TYPE_CHECKING:
    from handlers.policy import Policy


class RenewalRate(StrEnum):
    PREFERENTIAL = "preferential"
    STANDARD = "standard"


@dataclass(frozen=True, slots=True)
class ProtectionTerms:
    """What a renewal means for the key's additional protection service (seed 000 p.10)."""

    deadline: date
    """E + reconnect_after_days: the last day a payment still keeps the service."""
    keeps_service: bool
    """True when the quote date is on or before the deadline."""
    reconnection_price: Decimal
    """Price of connecting the service again (resident or non-resident)."""


@dataclass(frozen=True, slots=True)
class RenewalQuote:
    price: Decimal
    support_end: date
    today: date
    rate_kind: RenewalRate
    rate: Decimal
    preferential_until: date
    """E + grace months: the last day of the preferential rate (inclusive)."""
    amount: Decimal
    new_support_end: date
    protection: ProtectionTerms | None

    @property
    def preferential(self) -> bool:
        return self.rate_kind is RenewalRate.PREFERENTIAL


def renewal_quote(
    *,
    price: Decimal,
    support_end: date,
    today: date,
    policy: Policy,
    protection_service: bool = False,
    resident: bool = True,
) -> RenewalQuote:
    """Quote a support renewal of ``policy.support.renewal_term_months``.

    ``today`` is the vendor-local date (see :func:`handlers.rules.dates.local_today`).
    For the standard rate the new end counts from ``today`` because the quote cannot know
    the payment date; a renewal activated later must be re-quoted on that day.
    """
    amount_base = as_money(price)
    support = policy.support
    preferential_until = add_months(support_end, support.preferential_grace_months)
    if today <= preferential_until:
        rate_kind = RenewalRate.PREFERENTIAL
        rate = support.preferential_rate
        new_end = add_months(support_end, support.renewal_term_months)
    else:
        rate_kind = RenewalRate.STANDARD
        rate = support.standard_rate
        new_end = add_months(today, support.renewal_term_months)

    protection: ProtectionTerms | None = None
    if protection_service:
        terms = policy.protection
        deadline = support_end + timedelta(days=terms.reconnect_after_days)
        protection = ProtectionTerms(
            deadline=deadline,
            keeps_service=today <= deadline,
            reconnection_price=terms.price_resident if resident else terms.price_non_resident,
        )

    return RenewalQuote(
        price=amount_base,
        support_end=support_end,
        today=today,
        rate_kind=rate_kind,
        rate=rate,
        preferential_until=preferential_until,
        amount=round_rubles(amount_base * rate),
        new_support_end=new_end,
        protection=protection,
    )
