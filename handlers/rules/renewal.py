"""Support renewal quote (docs/rules.md#support-renewal).

With P the product's current price, E the support end and T today (vendor's time zone):
preferential rate while T <= E + grace months (inclusive, also before E), the new support
end then continues from E; standard rate later, the new end counts from the quote date
(taken as the activation date). Amounts are whole rubles, rounded half up, in Decimal.

The additional protection service belongs to the key: for every key with the service that
carries the license the quote says what the renewal means for it
(:func:`handlers.rules.protection.key_terms`): kept by another license until its later
support end, kept if paid by the key's deadline, or lapsed with the price of connecting it
again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.dates import add_months
from handlers.rules.money import as_money, round_rubles
from handlers.rules.protection import KeyTerms, ServedKey, key_terms

if TYPE_CHECKING:
    from handlers.policy import Policy


class RenewalRate(StrEnum):
    PREFERENTIAL = "preferential"
    STANDARD = "standard"


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
    protection: tuple[KeyTerms, ...] = ()
    """The service on each key with it that carries the license (seed 000 p.8-10)."""

    @property
    def preferential(self) -> bool:
        return self.rate_kind is RenewalRate.PREFERENTIAL

    @property
    def support_lapsed(self) -> bool:
        """Support has ended (today is past E): the renewal brings the updates missed."""
        return support_lapsed(self.support_end, self.today)


def support_lapsed(support_end: date, today: date) -> bool:
    """Support has ended: today is past the support end E (E itself is still covered)."""
    return today > support_end


def renewal_quote(
    *,
    price: Decimal,
    support_end: date,
    today: date,
    policy: Policy,
    license_number: str = "",
    keys: Sequence[ServedKey] = (),
    resident: bool = True,
) -> RenewalQuote:
    """Quote a support renewal of ``policy.support.renewal_term_months``.

    ``today`` is the vendor-local date (see :func:`handlers.rules.dates.local_today`).
    For the standard rate the new end counts from ``today`` because the quote cannot know
    the payment date; a renewal activated later must be re-quoted on that day.
    ``keys``: the keys with the protection service that carry license ``license_number``;
    ``resident`` picks the price of connecting the service again.
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

    protection = tuple(
        key_terms(license_number, key, today, policy, resident=resident) for key in keys
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


class SupportStanding(StrEnum):
    """Where a license's support stands today, as a manager's Customer page says it."""

    ACTIVE = "active"
    ENDING = "ending"
    """Ends within the first expiry reminder's reach (the largest of
    ``reminders.days_before_end``): the bot is reminding the customer already."""
    LAPSED = "lapsed"
    """Today is past the support end."""


@dataclass(frozen=True, slots=True)
class SupportState:
    standing: SupportStanding
    days: int
    """Days left until the support end (0: it ends today); for a lapsed one, days since it."""


def support_state(support_end: date, today: date, policy: Policy) -> SupportState:
    """Active, ending in N days (within the first expiry reminder's reach), or lapsed."""
    left = (support_end - today).days
    if support_lapsed(support_end, today):
        return SupportState(SupportStanding.LAPSED, -left)
    reach = max(policy.reminders.days_before_end, default=0)
    standing = SupportStanding.ENDING if left <= reach else SupportStanding.ACTIVE
    return SupportState(standing, left)
