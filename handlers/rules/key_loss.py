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

Before anything is stored the customer is told what a report does to the key
(:func:`report_effect`), and a key reported lost or stolen that is found again goes back
to service or stays out of it by how far its replacement got (:func:`found_stage`,
:func:`return_effect`; seed 000 p.7: the licenses of a found key cannot be restored on it
only once they were restored on a new one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.key_renewal import (
    RunOutcome,
    key_as_run_sees_it,
    key_run_outcome,
    takes_part_in_runs,
)

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
#: Key statuses of a key in service, able to carry licenses: active, or found after a loss
#: (seed 000 p.7: "найденный ключ может использоваться в дальнейшем как носитель
#: лицензий"). A key reported lost, stolen or broken, or replaced, is not: it takes no
#: part in a license transfer.
IN_SERVICE = frozenset({"active", "found"})
#: Key statuses from which a new loss, theft or breakage may be reported (a found key
#: can carry new licenses, and can be lost again).
REPORTABLE = IN_SERVICE


def in_service(status: str) -> bool:
    """Whether a key in ``status`` can carry licenses (and so take part in a transfer)."""
    return status in IN_SERVICE


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
    """True when the additional protection service covers a loss reported ``today``; never
    for a vendor that does not offer the service (a flag left in its data means nothing)."""
    if support_end is None or not policy.services.protection:
        return False
    key = key_as_run_sees_it(
        kind=kind,
        status=status,
        protection_service=protection_service,
        support_end=support_end,
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


class ReportEffect(StrEnum):
    """What reporting a key lost, stolen or broken does to it, told before the report."""

    LEAVES_RUN = "leaves_run"
    """In the monthly run: it leaves it and stops working after its programmed-until date."""
    LEAVES_RUN_UNDATED = "leaves_run_undated"
    """In the monthly run, its programmed-until date unknown: it stops when that runs out."""
    RUN_ENDED = "run_ended"
    """Its programming already ran out: it does not work now and will not be prolonged."""
    NOT_IN_RUN = "not_in_run"
    """No protection service: never prolonged, the report does not switch it off; after
    the replacement its license files must not be used (the letter's obligation)."""


def report_effect(
    *,
    kind: str,
    protection_service: bool,
    programmed_until: date | None,
    today: date,
    status: str = "active",
) -> ReportEffect:
    """What a report does to the key on ``today`` (the monthly run takes every active
    CodeMeter key with the service connected,
    :func:`handlers.rules.key_renewal.takes_part_in_runs`; a key found again after a report
    is out of the run already)."""
    if programmed_until is not None and programmed_until < today:
        return ReportEffect.RUN_ENDED
    if kind != CODEMETER or not protection_service or status != "active":
        return ReportEffect.NOT_IN_RUN
    if programmed_until is None:
        return ReportEffect.LEAVES_RUN_UNDATED
    return ReportEffect.LEAVES_RUN


class FoundStage(StrEnum):
    """How far the replacement of a key reported lost or stolen got when it is found."""

    REPLACED = "replaced"
    """The replacement request is done: the licenses are on the new key and cannot be
    restored on the found one (seed 000 p.7); it is recorded as found."""
    PENDING = "pending"
    """The replacement request is open (waiting for the customer, or with the managers):
    the customer may withdraw the report; the request is cancelled, the key back in service."""
    NOT_REPLACED = "not_replaced"
    """The replacement request was rejected or withdrawn: the key may go back in service."""
    UNKNOWN = "unknown"
    """No replacement request is known for the key: the managers decide."""


#: Request statuses of a replacement that will not happen.
_NOT_DONE = frozenset({"rejected", "cancelled"})


def found_stage(replacement_status: str | None) -> FoundStage:
    """The stage by the status of the key's latest replacement request (None: none)."""
    if replacement_status is None:
        return FoundStage.UNKNOWN
    if replacement_status == "done":
        return FoundStage.REPLACED
    if replacement_status in _NOT_DONE:
        return FoundStage.NOT_REPLACED
    return FoundStage.PENDING


def can_go_back_in_service(stage: FoundStage) -> bool:
    """Whether a found key at ``stage`` goes back in service on the customer's "Yes"."""
    return stage in (FoundStage.PENDING, FoundStage.NOT_REPLACED)


class ReturnEffect(StrEnum):
    """What going back in service means for a found key."""

    BACK_IN_RUN = "back_in_run"
    """Covered again: in the monthly run, programmed until a date still ahead."""
    REPROGRAM = "reprogram"
    """Covered again, but its programming ran out (or its date is unknown): it works again
    after new programming, at the next monthly run or sooner by the managers."""
    NOT_IN_RUN = "not_in_run"
    """No (or a lapsed) protection service: it works as it did, nothing is prolonged."""


def return_effect(
    *,
    kind: str,
    protection_service: bool,
    support_end: date | None,
    programmed_until: date | None,
    today: date,
    policy: Policy,
    lapsed_on: date | None = None,
) -> ReturnEffect:
    """What going back in service on ``today`` means: the monthly run takes the key again
    exactly when the service would cover it as an active key (:func:`protection_covers`;
    ``lapsed_on``: the day a late payment lapsed it,
    :func:`handlers.rules.protection.lapsed_on`)."""
    covered = protection_covers(
        kind=kind,
        status="active",
        protection_service=protection_service,
        support_end=support_end,
        today=today,
        policy=policy,
        lapsed_on=lapsed_on,
    )
    if not covered:
        return ReturnEffect.NOT_IN_RUN
    if programmed_until is None or programmed_until < today:
        return ReturnEffect.REPROGRAM
    return ReturnEffect.BACK_IN_RUN
