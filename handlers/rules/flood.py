"""Flood control: when a chat writes faster than the policy allows (docs/rules.md#flood-control).

A customer's message is counted with the messages they wrote in the minute before it. Up to
the limit (``flood.messages_per_minute`` for a linked customer, the stricter
``flood.unlinked_messages_per_minute`` for a person not linked to a customer) each message
reaches the managers as usual. Beyond it the message is *folded*: it is kept in the
request's history like any other, but the managers are not notified of it one by one.

The first folded message of a burst is told once: one update for the managers, one polite
answer to the customer. The burst lasts while any message of the minute before was itself
beyond the limit; after a calm minute the next message over the limit starts a new burst.

Pure: the earlier messages' times, the moment and the limit are passed in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.dates import require_aware

if TYPE_CHECKING:
    from handlers.policy import Policy

#: The span the limit counts messages in ("messages a minute").
WINDOW = timedelta(minutes=1)
#: How far back :func:`flood_step` needs the earlier messages: a message of the last minute
#: is judged by the minute before it.
LOOKBACK = 2 * WINDOW


class FloodStep(StrEnum):
    PASS = "pass"
    """Within the limit: the message reaches the managers as usual."""
    FOLD_FIRST = "fold_first"
    """The first message beyond the limit in this burst: kept in the history, one update for
    the managers, one polite answer to the customer."""
    FOLD = "fold"
    """Beyond the limit again in the same burst: kept in the history, nobody notified."""


def limit_per_minute(policy: Policy, *, linked: bool) -> int:
    """How many messages a minute reach the managers one by one from this chat."""
    flood = policy.flood
    return flood.messages_per_minute if linked else flood.unlinked_messages_per_minute


def flood_step(
    earlier: Sequence[datetime], now: datetime, policy: Policy, *, linked: bool
) -> FloodStep:
    """What a message written at ``now`` is, given the times of the chat's earlier messages
    (at least those of the last :data:`LOOKBACK`), for a linked customer or not."""
    now = require_aware(now)
    per_minute = limit_per_minute(policy, linked=linked)
    times = [*sorted(t for t in earlier if t <= now), now]
    last = len(times) - 1
    if not _over(times, last, per_minute):
        return FloodStep.PASS
    first_recent = bisect_right(times, now - WINDOW)
    if any(_over(times, index, per_minute) for index in range(first_recent, last)):
        return FloodStep.FOLD
    return FloodStep.FOLD_FIRST


def _over(times: Sequence[datetime], index: int, per_minute: int) -> bool:
    """Whether the message ``times[index]`` was beyond the limit: the messages up to it
    (itself included) within the minute that ends with it are more than the limit."""
    in_minute = index + 1 - bisect_right(times, times[index] - WINDOW, 0, index + 1)
    return in_minute > per_minute
