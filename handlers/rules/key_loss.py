"""Which way a lost, stolen or broken key goes, and what its replacement costs
(docs/rules.md#key-loss).

Two ways (seeds 000 and 001):

* **covered by the additional protection service** (branch A): no documents; the key is
  marked at once, licenses are restored on a new key, the customer pays the new
  CodeMeter key and its delivery;
* **documents** (branch B): any other key. The customer buys a new key or module at the
  price list, all licenses are moved to it after the official letter and the act of
  write-off arrive.

"Active service" is decided with the monthly run's own rule
(:func:`handlers.rules.key_renewal.key_run_outcome`), so a key counts as covered exactly
when the run still holds the service for it:

* a CodeMeter key, service connected, status active, holding at least one license;
* on ``today`` the run would prolong it (today <= E, E = the latest support end of its
  licenses) or only leave it out while the service is still kept (E < today <= E +
  ``reconnect_after_days``: paying the renewal now keeps the service, seed 000 p.10).
  Later than that the run disconnects the service: branch B;
* its support was not renewed too late: from ``lapsed_on``, the day a renewal paid later
  than E + ``reconnect_after_days`` lapsed the service
  (:func:`handlers.rules.protection.lapsed_on`), the service needs connecting again,
  whatever the new support end: branch B.

A key with no license on it has nothing to restore, so it is never covered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.key_renewal import KeyForRun, RunOutcome, key_run_outcome, takes_part_in_runs

if TYPE_CHECKING:
    from handlers.policy import Policy

CODEMETER = "codemeter"
MODULE = "module"


class LossBranch(StrEnum):
    PROTECTED = "protected"
    """A: covered by the additional protection service, no documents."""
    DOCUMENTS = "documents"
    """B: replacement at the customer's cost after the letter and the act of write-off."""


class WhatHappened(StrEnum):
    LOST = "lost"
    STOLEN = "stolen"
    BROKEN = "broken"
    FOUND = "found"


#: Key statuses that mean "reported lost": only such a key can be reported found.
REPORTED_LOST = frozenset({"lost", "stolen"})
#: Key statuses from which a new loss, theft or breakage may be reported (a found key
#: can carry new licenses, and can be lost again).
REPORTABLE = frozenset({"active", "found"})


def protection_covers(
    *,
    kind: str,
    status: str,
    protection_service: bool,
    support_end: date | None,
    today: date,
    policy: Policy,
    lapsed_on: date | None = None,
) -> bool:
    """True when the additional protection service covers a loss reported ``today``."""
    if support_end is None:
        return False
    key = KeyForRun(
        key_id=0,
        serial="",
        kind=kind,
        status=status,
        protection_service=protection_service,
        support_end=support_end,
        customer_id=0,
        lapsed_on=lapsed_on,
    )
    if not takes_part_in_runs(key):
        return False
    return key_run_outcome(key, today, policy) in (
        RunOutcome.PROLONGED,
        RunOutcome.SUPPORT_ENDED,
    )


def loss_branch(
    *,
    kind: str,
    status: str,
    protection_service: bool,
    support_end: date | None,
    today: date,
    policy: Policy,
    lapsed_on: date | None = None,
) -> LossBranch:
    covered = protection_covers(
        kind=kind,
        status=status,
        protection_service=protection_service,
        support_end=support_end,
        today=today,
        policy=policy,
        lapsed_on=lapsed_on,
    )
    return LossBranch.PROTECTED if covered else LossBranch.DOCUMENTS


def new_key_price(kind: str, policy: Policy) -> Decimal:
    """The current price list's price of a new key of the same kind."""
    if kind == CODEMETER:
        return policy.keys.price_codemeter
    if kind == MODULE:
        return policy.keys.price_module
    raise ValueError(f"unknown key kind {kind!r}")


@dataclass(frozen=True, slots=True)
class ProtectedReplacement:
    """What a covered loss costs: the new key and its delivery, shown separately."""

    key_price: Decimal
    delivery_price: Decimal

    @property
    def total(self) -> Decimal:
        return self.key_price + self.delivery_price


def protected_replacement(policy: Policy) -> ProtectedReplacement:
    """Branch A: only CodeMeter keys are covered, so the new key is a CodeMeter key."""
    return ProtectedReplacement(
        key_price=new_key_price(CODEMETER, policy), delivery_price=policy.keys.delivery_price
    )
