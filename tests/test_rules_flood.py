"""Flood control's decision (handlers/rules/flood.py): within the limit a message passes;
the first one beyond it in a burst is told once (managers and customer), later ones of the
burst are folded quietly; a calm minute ends the burst; a person not linked to a customer
has the stricter limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.policy import FloodPolicy, Policy
from handlers.rules.flood import FloodStep, flood_step, limit_per_minute

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def strict(policy: Policy) -> Policy:
    """Three messages a minute for a linked customer, two for anyone else."""
    flood = FloodPolicy(messages_per_minute=3, unlinked_messages_per_minute=2)
    return policy.model_copy(update={"flood": flood})


def ago(*seconds: float) -> list[datetime]:
    return [NOW - timedelta(seconds=s) for s in seconds]


@pytest.mark.parametrize(
    ("earlier", "linked", "expected"),
    [
        pytest.param([], True, FloodStep.PASS, id="first-message"),
        pytest.param(ago(20, 10), True, FloodStep.PASS, id="third-within-the-limit"),
        pytest.param(ago(30, 20, 10), True, FloodStep.FOLD_FIRST, id="fourth-starts-a-burst"),
        pytest.param(ago(0, 0, 0), True, FloodStep.FOLD_FIRST, id="same-second"),
        pytest.param(ago(40, 30, 20, 10), True, FloodStep.FOLD, id="fifth-is-folded-quietly"),
        pytest.param(ago(90, 80, 70, 50), True, FloodStep.PASS, id="older-than-a-minute"),
        pytest.param(
            ago(100, 95, 90, 85, 30, 20), True, FloodStep.PASS, id="after-the-burst-within"
        ),
        pytest.param(
            ago(100, 95, 90, 85, 30, 20, 10),
            True,
            FloodStep.FOLD_FIRST,
            id="a-calm-minute-then-a-new-burst",
        ),
        pytest.param(
            ago(70, 65, 62, 61, 20, 10),
            True,
            FloodStep.PASS,
            id="an-old-burst-does-not-count",
        ),
        pytest.param(
            ago(110, 105, 100, 58, 20, 10),
            True,
            FloodStep.FOLD,
            id="a-fold-within-the-minute-keeps-the-burst",
        ),
        pytest.param(ago(20, 10), False, FloodStep.FOLD_FIRST, id="unlinked-stricter"),
        pytest.param(ago(10), False, FloodStep.PASS, id="unlinked-within"),
        pytest.param(ago(-5, -10), True, FloodStep.PASS, id="later-times-ignored"),
    ],
)
def test_flood_step(
    strict: Policy, earlier: list[datetime], linked: bool, expected: FloodStep
) -> None:
    assert flood_step(earlier, NOW, strict, linked=linked) is expected


def test_the_shipped_limits(policy: Policy) -> None:
    assert limit_per_minute(policy, linked=True) == 20
    assert limit_per_minute(policy, linked=False) == 6


def test_a_naive_moment_is_refused(strict: Policy) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        flood_step([], NOW.replace(tzinfo=None), strict, linked=True)
