"""A support-expiry reminder nobody could receive becomes a call-back task for managers.

The channel senders mark an outbox row ``refused`` (the person blocked the bot; VK: the
person does not allow messages from the community) or ``failed`` (given up). A reminder
is undeliverable when every outbox row of it (one per linked chat) ended that way; then
the series (license, support end) gets one manager task: a call-back request (kind
``callback``, filed by ``system``) whose card names the customer, phone, license and
support end and goes to every manager destination. ``manager_tasks`` is unique per series,
so later reminders of the same series, other chats, repeated scans and a second process
add nothing; a renewed license (new support end) is a new series.

Two ways in, same result:
* :func:`on_undeliverable` — a channel sender may call it in the unit of work where it
  marked the row refused, for an immediate task;
* :func:`file_undeliverable_tasks` — the scheduler's periodic scan of refused reminder rows,
  which also covers senders that do not call the hook.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from handlers.desk import cards
from handlers.desk.manager_desk import ManagerDesk
from handlers.policy import Policy
from scheduler.context import job_context
from scheduler.support_reminders import KEY_PREFIX, ReminderAddress, parse_dedupe_key
from storage import accounts, customers, licenses, manager_tasks, outbox, requests
from storage.db import Database, Unit
from storage.models import RequestKind
from storage.outbox import KeyedMessage

UNDELIVERED = frozenset({"refused", "failed"})
#: A sibling row in one of these may still be (or was) delivered: no task for now.
DELIVERABLE = frozenset({"pending", "sending", "sent"})


@dataclass(frozen=True, slots=True)
class TaskRun:
    filed: list[int]
    """Request numbers of the tasks filed."""

    def __str__(self) -> str:
        if not self.filed:
            return "Undeliverable reminders: nothing to do."
        numbers = ", ".join(f"#{n}" for n in self.filed)
        return f"Undeliverable reminders: {len(self.filed)} call-back tasks filed ({numbers})."


async def file_undeliverable_tasks(
    db: Database, policy: Policy, desk: ManagerDesk, *, now: datetime
) -> TaskRun:
    """Scan refused reminder rows and file the missing tasks (one transaction)."""
    async with db.unit() as unit:
        # Usually there is nothing refused: read first, take the write lock only if needed.
        if not await outbox.undelivered_with_key_prefix(unit, KEY_PREFIX):
            return TaskRun([])
        await unit.begin()
        rows = await outbox.undelivered_with_key_prefix(unit, KEY_PREFIX)
        return TaskRun(await _consider(unit, rows, policy, desk, now))


async def on_undeliverable(
    unit: Unit, outbox_id: int, *, policy: Policy, desk: ManagerDesk, now: datetime
) -> int | None:
    """Hook for a channel sender, in the unit where it marked ``outbox_id`` refused: files
    the series' task if this reminder reached nobody. Returns the request number filed, or
    None (not a reminder, delivered elsewhere, or the series has its task)."""
    message = await outbox.get(unit, outbox_id)
    if (
        message is None
        or message.status not in UNDELIVERED
        or message.dedupe_key is None
        or parse_dedupe_key(message.dedupe_key) is None
    ):
        return None
    keyed = KeyedMessage(
        id=message.id,
        platform=message.platform,
        chat_id=message.chat_id,
        dedupe_key=message.dedupe_key,
        status=message.status,
        last_error=message.last_error,
    )
    filed = await _consider(unit, [keyed], policy, desk, now)
    return filed[0] if filed else None


async def _consider(
    unit: Unit, rows: list[KeyedMessage], policy: Policy, desk: ManagerDesk, now: datetime
) -> list[int]:
    with_task = await manager_tasks.series_with_tasks(unit)
    reminders: dict[tuple[int, str, str], list[ReminderAddress]] = defaultdict(list)
    for row in rows:
        address = parse_dedupe_key(row.dedupe_key)
        if address is None or (address.license_id, address.support_end) in with_task:
            continue
        key = (address.license_id, address.support_end.isoformat(), address.kind)
        reminders[key].append(address)
    filed: list[int] = []
    for (license_id, support_end, kind), addresses in reminders.items():
        series = (license_id, addresses[0].support_end)
        if series in with_task:
            continue
        prefix = f"{KEY_PREFIX}{license_id}:{support_end}:{kind}:"
        siblings = await outbox.by_key_prefix(unit, prefix)
        if not siblings or any(s.status in DELIVERABLE for s in siblings):
            continue
        request_id = await _file_task(unit, siblings, addresses[0], policy, desk, now)
        with_task.add(series)
        if request_id is not None:
            filed.append(request_id)
    return filed


async def _file_task(
    unit: Unit,
    siblings: list[KeyedMessage],
    address: ReminderAddress,
    policy: Policy,
    desk: ManagerDesk,
    now: datetime,
) -> int | None:
    channels = sorted({row.platform.value for row in siblings})
    errors = sorted({row.last_error for row in siblings if row.last_error})
    reason = "; ".join([", ".join(channels), *errors])
    task_id = await manager_tasks.open_task(
        unit, address.license_id, address.support_end, reason[:500], now
    )
    if task_id is None:
        return None
    view = await licenses.view(unit, address.license_id)
    if view is None:
        return None
    customer = await customers.get(unit, view.customer_id)
    account = await accounts.get(unit, address.account_id)
    request_id = await requests.create(
        unit,
        RequestKind.CALLBACK,
        account_id=account.id if account else None,
        customer_id=view.customer_id,
        verified=True,
        license_id=view.id,
        details={
            "topic": "undeliverable_reminder",
            "support_end": address.support_end.isoformat(),
            "reminder": address.kind,
            "who": cards.who(
                account,
                customer.name if customer else None,
                customer.company if customer else "",
                customer.phone if customer else None,
            ),
            "card": [
                [key, values]
                for key, values in (
                    cards.line(
                        "reminders.task_card_license",
                        number=view.number,
                        product=view.product_name,
                        date=cards.day(address.support_end),
                    ),
                    cards.line("reminders.task_card_reason", channels=cards.messengers(channels)),
                )
            ],
        },
        now=now,
        actor="system",
    )
    await manager_tasks.set_request(unit, task_id, request_id)
    await cards.send_card(job_context(unit, policy, desk, now), request_id)
    return request_id
