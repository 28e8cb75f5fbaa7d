"""The monthly prolongation run of the additional protection service
(docs/rules.md#the-monthly-key-run, seed 000).

On ``policy.protection.renewal_run_day`` of every month (weekends and holidays included)
every CodeMeter key with the service connected is sorted into one outcome:

- status other than active → excluded (reported lost/stolen/broken, found or replaced);
- support renewed too late (``lapsed_on``, see :func:`handlers.rules.protection.lapsed_on`)
  → service disconnected, whatever the new support end;
- support not ended (run date <= E) → prolonged to run date + ``programming_days``;
- support ended at most ``reconnect_after_days`` ago → left out, owner told, service kept;
- support ended longer ago → service disconnected (reconnection costs its price).

A run made later than its run date (the start-up catch-up) disconnects a key left out
whose deadline has passed by the day it runs, so no owner is told to pay by a past day.

The plan is pure; storing it once per (key, month) is the caller's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.dates import add_months

if TYPE_CHECKING:
    from handlers.policy import Policy

CODEMETER = "codemeter"
ACTIVE = "active"
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True, slots=True)
class KeyForRun:
    key_id: int
    serial: str
    kind: str
    """"codemeter" or "module"."""
    status: str
    """"active", "lost", "stolen", "broken", "found" or "replaced"."""
    protection_service: bool
    support_end: date | None
    """The latest support end among the licenses on the key; None when it holds none."""
    customer_id: int
    lapsed_on: date | None = None
    """The day the service lapsed because support was paid late; None when it did not."""


def key_as_run_sees_it(
    *,
    kind: str,
    status: str,
    protection_service: bool,
    support_end: date | None,
    lapsed_on: date | None = None,
) -> KeyForRun:
    """One key as the monthly run would see it (no id, serial or owner): for the rules that
    ask how the run treats a key (a loss covered, the state shown in My keys)."""
    return KeyForRun(
        key_id=0,
        serial="",
        kind=kind,
        status=status,
        protection_service=protection_service,
        support_end=support_end,
        customer_id=0,
        lapsed_on=lapsed_on,
    )


class RunOutcome(StrEnum):
    PROLONGED = "prolonged"
    EXCLUDED_STATUS = "excluded_status"
    SUPPORT_ENDED = "support_ended"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class KeyRunEntry:
    key: KeyForRun
    outcome: RunOutcome
    programmed_until: date | None
    """run date + programming_days for a prolonged key; None otherwise."""


@dataclass(frozen=True, slots=True)
class KeyRunPlan:
    run_date: date
    entries: list[KeyRunEntry] = field(default_factory=list)

    def _with(self, outcome: RunOutcome) -> list[KeyRunEntry]:
        return [entry for entry in self.entries if entry.outcome is outcome]

    @property
    def prolonged(self) -> list[KeyRunEntry]:
        """Keys in the batch file for the key operator."""
        return self._with(RunOutcome.PROLONGED)

    @property
    def left_out(self) -> list[KeyRunEntry]:
        """Keys left out because support ended (owners are told; service still held)."""
        return self._with(RunOutcome.SUPPORT_ENDED)

    @property
    def excluded(self) -> list[KeyRunEntry]:
        """Keys excluded by their status (reported lost, stolen, broken, found, replaced)."""
        return self._with(RunOutcome.EXCLUDED_STATUS)

    @property
    def disconnected(self) -> list[KeyRunEntry]:
        """Keys whose service is disconnected in this run."""
        return self._with(RunOutcome.DISCONNECTED)


def key_run_outcome(
    key: KeyForRun, run_date: date, policy: Policy, *, today: date | None = None
) -> RunOutcome:
    """The outcome of one key in the run on ``run_date`` (the key must take part in runs).

    ``today`` (default: the run date) is the day the run is made: a key that would be
    left out but whose deadline has passed by then is disconnected instead.
    """
    if key.status != ACTIVE:
        return RunOutcome.EXCLUDED_STATUS
    if key.support_end is None:
        # No license on the key: nothing to prolong, but no end date to count the grace
        # from either, so leave it out and tell the owner rather than disconnect.
        return RunOutcome.SUPPORT_ENDED
    made_on = max(run_date, today or run_date)
    if key.lapsed_on is not None and key.lapsed_on <= made_on:
        return RunOutcome.DISCONNECTED
    if run_date <= key.support_end:
        return RunOutcome.PROLONGED
    if made_on <= service_deadline(key, policy):
        return RunOutcome.SUPPORT_ENDED
    return RunOutcome.DISCONNECTED


def service_deadline(key: KeyForRun, policy: Policy) -> date:
    """The last day a payment kept (or keeps) the service: the day before it lapsed for a
    late payment, else E + ``reconnect_after_days``. The key must hold a license."""
    if key.lapsed_on is not None:
        return key.lapsed_on - timedelta(days=1)
    assert key.support_end is not None
    return key.support_end + timedelta(days=policy.protection.reconnect_after_days)


def takes_part_in_runs(key: KeyForRun) -> bool:
    """Only CodeMeter keys with the service connected are programmed at all."""
    return key.protection_service and key.kind == CODEMETER


def plan_key_run(
    keys: Iterable[KeyForRun], run_date: date, policy: Policy, *, today: date | None = None
) -> KeyRunPlan:
    """Sort the keys into the run's outcomes, in input order; other keys are skipped.

    ``today``: the day the run is made, when later than ``run_date`` (a catch-up).
    """
    programmed_until = run_date + timedelta(days=policy.protection.programming_days)
    entries: list[KeyRunEntry] = []
    for key in keys:
        if not takes_part_in_runs(key):
            continue
        outcome = key_run_outcome(key, run_date, policy, today=today)
        until = programmed_until if outcome is RunOutcome.PROLONGED else None
        entries.append(KeyRunEntry(key=key, outcome=outcome, programmed_until=until))
    return KeyRunPlan(run_date=run_date, entries=entries)


def run_month(d: date) -> str:
    """The run's month as 'YYYY-MM' (the idempotency key with the key id)."""
    return f"{d.year:04d}-{d.month:02d}"


def run_date_for(month: str, policy: Policy) -> date:
    """The run date of a 'YYYY-MM' month: its ``renewal_run_day``."""
    match = _MONTH.fullmatch(month)
    if match is None:
        raise ValueError(f"month must be 'YYYY-MM', got {month!r}")
    year, number = int(match[1]), int(match[2])
    if not 1 <= number <= 12 or year < 1:
        raise ValueError(f"month must be 'YYYY-MM', got {month!r}")
    return date(year, number, policy.protection.renewal_run_day)


def latest_run_date(today: date, policy: Policy) -> date:
    """The most recent run date on or before ``today``: what a start-up catch-up runs."""
    this_month = run_date_for(run_month(today), policy)
    if this_month <= today:
        return this_month
    return run_date_for(run_month(add_months(this_month, -1)), policy)
