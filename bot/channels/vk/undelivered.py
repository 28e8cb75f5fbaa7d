"""A message VK will not deliver (the person does not allow messages from the community,
error 901) that the customer was owed becomes a task for the managers.

Called by the sender in the unit of work where it records the refusal, so the task exists
if and only if the refusal is recorded:

* a support-expiry reminder (dedupe key ``reminder:…``): the scheduler's hook
  :func:`scheduler.undeliverable.on_undeliverable` files a call-back request for the series
  once nobody could receive it;
* a message about a request (an answer, a status change, a bill; or a session reminder,
  whose booking names the request): the managers get a message on that request — who the
  customer is, why VK refused, and what the customer did not receive — with the request's
  buttons, and the request's history records it. They reach the customer another way.

A message to a manager's own VK chat is not a customer's: it is only logged.
"""

from __future__ import annotations

import logging
from datetime import datetime

from handlers.desk.cards import card_buttons, line, who_text
from handlers.desk.manager_desk import ManagerDesk
from handlers.i18n import texts
from handlers.policy import Policy
from scheduler.session_reminders import KEY_PREFIX as SESSION_PREFIX
from scheduler.support_reminders import KEY_PREFIX as REMINDER_PREFIX
from scheduler.undeliverable import on_undeliverable
from storage import bookings, outbox, requests
from storage.db import Unit
from storage.models import OutboxMessage, Platform

log = logging.getLogger(__name__)

#: How much of the undelivered text the managers see.
QUOTE_CHARS = 1000


def _booking_id(dedupe_key: str | None) -> int | None:
    if not dedupe_key or not dedupe_key.startswith(SESSION_PREFIX):
        return None
    number = dedupe_key.removeprefix(SESSION_PREFIX).split(":", 1)[0]
    return int(number) if number.isdigit() else None


async def after_refusal(
    unit: Unit,
    message: OutboxMessage,
    error: str,
    *,
    policy: Policy,
    desk: ManagerDesk,
    now: datetime,
) -> int | None:
    """File the managers' task for an owed message VK refused; returns its request number
    (None: nothing the customer was owed, or the series already has its task)."""
    managers = {d.chat_id for d in desk.destinations if d.platform is Platform.VK}
    if message.chat_id in managers:
        log.error("VK manager %s cannot receive messages: %s", message.chat_id, error)
        return None
    if message.dedupe_key and message.dedupe_key.startswith(REMINDER_PREFIX):
        return await on_undeliverable(unit, message.id, policy=policy, desk=desk, now=now)
    request_id = message.request_id
    booking_id = _booking_id(message.dedupe_key)
    if request_id is None and booking_id is not None:
        booking = await bookings.get(unit, booking_id)
        request_id = booking.request_id if booking is not None else None
    if request_id is None:
        return None
    request = await requests.get(unit, request_id)
    if request is None:
        return None
    quote = message.text if len(message.text) <= QUOTE_CHARS else message.text[:QUOTE_CHARS] + "…"
    await requests.add_note(
        unit,
        request_id,
        actor="system",
        note=quote,  # what the customer was to read: erased with their notes
        note_line=line("history.vk_not_delivered", error=error),
        now=now,
    )
    for index, destination in enumerate(desk.destinations):
        t = texts(destination.language)
        who = who_text(t, request.details.get("who"))
        await outbox.enqueue(
            unit,
            destination.platform,
            destination.chat_id,
            t("vk.unreachable", number=request_id, who=who, error=error, text=quote),
            [[(b.label, b.payload) for b in row] for row in card_buttons(t, request)],
            now=now,
            request_id=request_id,
            dedupe_key=f"vk-unreachable:{message.id}:{index}",
        )
    log.info(
        "outbox #%s not deliverable in VK: managers told on request #%s", message.id, request_id
    )
    return request_id
