"""The state of the additional protection service on one key, as its owner is shown it
(handlers/rules/key_protection.py, seed 000): a table of keys and days, with the demo
policy (30 programming days, runs on the 1st, 14 days to renew after support ends)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from handlers.policy import Policy
from handlers.rules.key_protection import (
    ProtectionState,
    key_protection,
    programmed_until_on_connection,
    service_price,
)

TODAY = date(2026, 11, 23)
DAY = timedelta(days=1)
S = ProtectionState

#: (name, kind, status, service connected, E, lapsed on, state, can order, can cancel)
CASES = [
    ("connected, support running", "codemeter", "active", True, TODAY + 30 * DAY, None,
     S.CONNECTED, False, True),
    ("connected, support ends today", "codemeter", "active", True, TODAY, None,
     S.CONNECTED, False, True),
    ("connected, support ended yesterday", "codemeter", "active", True, TODAY - DAY, None,
     S.SUPPORT_ENDED, False, True),
    ("connected, the last day to renew (E + 14)", "codemeter", "active", True,
     TODAY - 14 * DAY, None, S.SUPPORT_ENDED, False, True),
    ("connected, renewal too late (E + 15)", "codemeter", "active", True, TODAY - 15 * DAY,
     None, S.LAPSED, True, False),
    ("connected, support paid late: lapsed today", "codemeter", "active", True,
     TODAY + 300 * DAY, TODAY, S.LAPSED, True, False),
    ("connected, lapse still ahead", "codemeter", "active", True, TODAY + 300 * DAY,
     TODAY + DAY, S.CONNECTED, False, True),
    ("not connected, support running", "codemeter", "active", False, TODAY + 100 * DAY, None,
     S.NOT_CONNECTED, True, False),
    ("not connected, support ended within 14 days", "codemeter", "active", False,
     TODAY - 14 * DAY, None, S.NOT_CONNECTED, True, False),
    ("not connected, support ended 20 days ago", "codemeter", "active", False,
     TODAY - 20 * DAY, None, S.LAPSED, True, False),
    ("CodeMeter without licenses", "codemeter", "active", False, None, None,
     S.NO_LICENSES, False, False),
    ("connected, its licenses moved away", "codemeter", "active", True, None, None,
     S.NO_LICENSES, False, False),
    ("protection module", "module", "active", False, TODAY + 100 * DAY, None,
     S.NOT_AVAILABLE, False, False),
    ("reported lost", "codemeter", "lost", True, TODAY + 30 * DAY, None,
     S.REPORTED, False, False),
    ("reported stolen", "codemeter", "stolen", True, TODAY + 30 * DAY, None,
     S.REPORTED, False, False),
    ("reported broken", "codemeter", "broken", False, TODAY + 30 * DAY, None,
     S.REPORTED, False, False),
    ("found after a loss: out of the monthly run", "codemeter", "found", True,
     TODAY + 30 * DAY, None, S.REPORTED, False, False),
    ("replaced", "codemeter", "replaced", False, TODAY + 30 * DAY, None,
     S.REPORTED, False, False),
    ("a module reported lost", "module", "lost", False, TODAY + 30 * DAY, None,
     S.REPORTED, False, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "status", "service", "support_end", "lapsed_on", "state", "order", "cancel"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_state_of_a_keys_service_and_what_its_owner_can_do(
    policy: Policy,
    kind: str,
    status: str,
    service: bool,
    support_end: date | None,
    lapsed_on: date | None,
    state: ProtectionState,
    order: bool,
    cancel: bool,
) -> None:
    found = key_protection(
        kind=kind,
        status=status,
        protection_service=service,
        support_end=support_end,
        today=TODAY,
        policy=policy,
        lapsed_on=lapsed_on,
    )
    assert found.state is state
    assert (found.can_order, found.can_cancel) == (order, cancel)
    assert found.support_end == support_end
    expected_deadline = support_end + 14 * DAY if support_end is not None else None
    assert found.deadline == expected_deadline


def test_the_price_follows_residency_and_the_policy(policy: Policy) -> None:
    assert service_price(policy, resident=True) == Decimal("2500")
    assert service_price(policy, resident=False) == Decimal("3500")
    other = policy.model_copy(
        update={
            "protection": policy.protection.model_copy(
                update={"price_resident": Decimal("100"), "reconnect_after_days": 7}
            )
        }
    )
    assert service_price(other, resident=True) == Decimal("100")
    late = key_protection(
        kind="codemeter",
        status="active",
        protection_service=True,
        support_end=TODAY - 8 * DAY,
        today=TODAY,
        policy=other,
    )
    assert late.state is ProtectionState.LAPSED  # 7 days to renew under that policy


def test_a_key_connected_is_programmed_for_the_policys_days(policy: Policy) -> None:
    assert programmed_until_on_connection(TODAY, policy) == date(2026, 12, 23)
