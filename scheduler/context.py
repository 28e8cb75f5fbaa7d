"""A :class:`~handlers.engine.flow.Context` for work that no person started (filing a manager task
from a job), so the core's card rendering and outbox helpers can be reused."""

from __future__ import annotations

from datetime import datetime

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.flow import Context
from handlers.engine.messages import Incoming
from handlers.policy import Policy
from storage.db import Unit
from storage.models import Account, Platform

SCHEDULER_ID = "scheduler"

#: Stands for "the system" in a job's context; never stored (its id matches no account).
SYSTEM_ACCOUNT = Account(
    id=0,
    platform=Platform.CONSOLE,
    user_id=SCHEDULER_ID,
    customer_id=None,
    linked_by=None,
    language="ru",
    display_name="scheduler",
    consent_at=None,
    consent_version=None,
    reminders_muted=True,
)


def job_context(unit: Unit, policy: Policy, desk: ManagerDesk, now: datetime) -> Context:
    """A context for queueing manager cards from a job (not for filing as a person)."""
    return Context(
        unit=unit,
        policy=policy,
        desk=desk,
        incoming=Incoming(Platform.CONSOLE, SCHEDULER_ID, SCHEDULER_ID),
        account=SYSTEM_ACCOUNT,
        flow_name=None,
        step=None,
        data={},
        now=now,
    )
