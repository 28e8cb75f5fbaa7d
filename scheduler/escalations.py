"""The promised first answer kept (docs/rules.md#written-messages-and-threads): a new
request that no manager has taken or answered within ``desk.first_response_minutes`` of
working time is brought to the managers once, and again at twice that time.

Due moments are counted in working minutes from the filing
(:meth:`~handlers.rules.calendar.WorkingCalendar.after_working_minutes`), so nothing is
escalated at night or on a holiday: a request filed on Friday evening is due on Monday
morning. Each escalation is an outbox message with a dedupe key per request, level and
manager destination, so a second run, a second process or a catch-up after downtime sends
nothing twice; when both levels are due at once only the second is sent. An escalation
that fell due more than :data:`STALE_AFTER` ago is not sent any more (the bot was down
for long, or has just been upgraded with a backlog): such requests are on the managers'
/open list and in the list the manager console shows at start, not worth a burst of
alerts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.desk.manager_desk import ManagerDesk
from handlers.i18n import texts
from handlers.policy import Policy
from handlers.rules.calendar import calendar_for
from storage import outbox, requests
from storage.db import Database

KEY_PREFIX = "escalation:"
#: Escalation levels: the promised time, then twice it.
LEVELS = (1, 2)
#: An escalation due longer ago than this is no longer sent.
STALE_AFTER = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class EscalationRun:
    escalated: list[tuple[int, int]]
    """(request number, level) brought to the managers by this run."""

    def __str__(self) -> str:
        if not self.escalated:
            return "Escalations: nothing to do."
        listed = ", ".join(f"#{number} (level {level})" for number, level in self.escalated)
        return f"Escalations: {listed}."


def due_level(created_at: datetime, now: datetime, policy: Policy) -> int | None:
    """The highest escalation level due at ``now`` for a request filed at ``created_at``
    (None: none due yet, or the highest one fell due more than :data:`STALE_AFTER` ago)."""
    calendar = calendar_for(policy)
    minutes = policy.desk.first_response_minutes
    due = {
        level: at
        for level in LEVELS
        if (at := calendar.after_working_minutes(created_at, minutes * level)) <= now
    }
    if not due:
        return None
    level = max(due)
    return level if now - due[level] <= STALE_AFTER else None


async def escalate_unanswered(
    db: Database, policy: Policy, desk: ManagerDesk, *, now: datetime
) -> EscalationRun:
    async with db.unit() as unit:
        waiting = await requests.unanswered(unit)
        due = [
            (request, level)
            for request in waiting
            if (level := due_level(request.created_at, now, policy)) is not None
        ]
        if not due:
            return EscalationRun([])
        await unit.begin()
        sent: list[tuple[int, int]] = []
        minutes = policy.desk.first_response_minutes
        for request, level in due:
            queued = False
            for destination in desk.destinations:
                t = texts(destination.language)
                key = "desk.escalation" if level == 1 else "desk.escalation_again"
                message_id = await outbox.enqueue(
                    unit,
                    destination.platform,
                    destination.chat_id,
                    t(
                        key,
                        number=request.request_id,
                        kind=t(f"desk.kind_{request.kind.value}"),
                        minutes=minutes * level,
                    ),
                    [],
                    now=now,
                    request_id=request.request_id,
                    dedupe_key=(
                        f"{KEY_PREFIX}{request.request_id}:{level}:"
                        f"{destination.platform.value}:{destination.chat_id}"
                    ),
                )
                queued = queued or message_id is not None
            if queued:
                sent.append((request.request_id, level))
    return EscalationRun(sent)
