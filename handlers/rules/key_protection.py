"""The additional protection service of one key as its owner sees it, what ordering it
costs and what connecting it records (docs/rules.md#protection-service, seed 000).

Seed 000: the service is available only for CodeMeter keys (p.2) and connected only after
payment (p.1, p.3); a connected key is programmed for ``programming_days`` and prolonged
on the 1st of every month (p.4, p.5); it is active until the support end E of the key's
licenses (p.8; E is the latest support end among them), renewing support in time extends
it (p.9), and support paid more than ``reconnect_after_days`` after E, or a cancellation,
means connecting it again only after paying its price (p.10).

A connected key's state follows the monthly run's own rule
(:func:`handlers.rules.key_renewal.key_run_outcome`), so "connected" here means exactly
what the run will do with the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.key_renewal import RunOutcome, key_as_run_sees_it, key_run_outcome

if TYPE_CHECKING:
    from handlers.policy import Policy

CODEMETER = "codemeter"
ACTIVE = "active"


class ProtectionState(StrEnum):
    """What the service is for one key today, and so what its owner can do."""

    CONNECTED = "connected"
    """Connected, support running (today <= E): prolonged every month until E. Can be
    cancelled."""
    SUPPORT_ENDED = "support_ended"
    """Connected, support ended at most ``reconnect_after_days`` ago: not prolonged, kept
    if support is renewed by E + ``reconnect_after_days``. Can be cancelled."""
    LAPSED = "lapsed"
    """Support ended more than ``reconnect_after_days`` ago (or was paid that late),
    connected or not: the service is connected again only after paying its price. Can be
    ordered."""
    NOT_CONNECTED = "not_connected"
    """A CodeMeter key in service, with licenses, without the service. Can be ordered."""
    NO_LICENSES = "no_licenses"
    """A CodeMeter key holding no license: nothing the service could restore."""
    NOT_AVAILABLE = "not_available"
    """Not a CodeMeter key (a protection module): the service does not exist for it."""
    REPORTED = "reported"
    """Reported lost, stolen or broken, found after that, or replaced: out of the monthly
    run, nothing to do here."""


#: States in which the owner may order the service (connected after payment).
ORDERABLE = frozenset({ProtectionState.NOT_CONNECTED, ProtectionState.LAPSED})
#: States in which the owner may cancel it.
CANCELLABLE = frozenset({ProtectionState.CONNECTED, ProtectionState.SUPPORT_ENDED})


@dataclass(frozen=True, slots=True)
class KeyProtection:
    """One key's service today: its state and the dates its owner is told."""

    state: ProtectionState
    support_end: date | None
    """E: the latest support end among the key's licenses (None: it holds none)."""
    deadline: date | None
    """E + ``reconnect_after_days``: the last day paying support keeps the service."""

    @property
    def can_order(self) -> bool:
        return self.state in ORDERABLE

    @property
    def can_cancel(self) -> bool:
        return self.state in CANCELLABLE


def key_protection(
    *,
    kind: str,
    status: str,
    protection_service: bool,
    support_end: date | None,
    today: date,
    policy: Policy,
    lapsed_on: date | None = None,
) -> KeyProtection:
    """The state of the service on a key on ``today``.

    ``support_end`` is the key's E; ``lapsed_on`` the day the service lapsed because
    support was paid late, when the caller knows one (from that day on it is LAPSED
    whatever E is now).
    """
    grace = timedelta(days=policy.protection.reconnect_after_days)
    deadline = support_end + grace if support_end is not None else None

    def state(value: ProtectionState) -> KeyProtection:
        return KeyProtection(value, support_end, deadline)

    if status != ACTIVE:
        return state(ProtectionState.REPORTED)
    if kind != CODEMETER:
        return state(ProtectionState.NOT_AVAILABLE)
    if support_end is None:
        return state(ProtectionState.NO_LICENSES)
    if lapsed_on is not None and lapsed_on <= today:
        return state(ProtectionState.LAPSED)
    if not protection_service:
        lapsed = deadline is not None and today > deadline
        return state(ProtectionState.LAPSED if lapsed else ProtectionState.NOT_CONNECTED)
    run = key_as_run_sees_it(
        kind=kind, status=status, protection_service=True, support_end=support_end
    )
    outcome = key_run_outcome(run, today, policy)
    if outcome is RunOutcome.PROLONGED:
        return state(ProtectionState.CONNECTED)
    if outcome is RunOutcome.SUPPORT_ENDED:
        return state(ProtectionState.SUPPORT_ENDED)
    return state(ProtectionState.LAPSED)


def service_price(policy: Policy, *, resident: bool) -> Decimal:
    """The price of the service per key, by the customer's residency in the Russian
    Federation (p.1)."""
    terms = policy.protection
    return terms.price_resident if resident else terms.price_non_resident


def programmed_until_on_connection(connected_on: date, policy: Policy) -> date:
    """Until when a key connected on ``connected_on`` is programmed: a connected key is
    programmed for ``programming_days`` calendar days (p.4); the monthly run prolongs it
    from the next run day on."""
    return connected_on + timedelta(days=policy.protection.programming_days)
