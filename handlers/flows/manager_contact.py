"""Asking for a person (docs/rules.md#working-hours-and-call-backs): "Contact a manager", and
every "Ask a manager" button.

:func:`ask_for_person` is the one thing that happens whenever a customer asks for a
person, whichever flow they are in. During working hours the question is filed for the
managers at once and the customer is told a manager will answer in this chat (the relay of
later messages is the manager desk's work). Outside working hours the customer gets the
vendor's answer — the working day is over, leave your phone and we will call back at a time
convenient for you — with the call-back flow offered and a note that self-service works
around the clock (:func:`handlers.flows.callback.offer_callback`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import CardLine, file_request
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from handlers.flows.callback import offer_callback, topic_value, when_words
from handlers.rules.calendar import calendar_for
from storage.models import RequestKind

#: Longest question passed on: its card must fit one messenger message (4096 chars).
MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionDetails(Stored):
    """A question's request details: the asking flow's details (kept as they are, see
    :attr:`Stored.unknown`) with the topic asked about."""

    topic: str | None = None
    question_text: str | None = None
    """The question as typed ("Contact a manager")."""


async def ask_for_person(
    ctx: Context,
    *,
    topic: str,
    card: Sequence[CardLine] = (),
    license_id: int | None = None,
    amount: Decimal | None = None,
    details: Mapping[str, Any] | None = None,
) -> None:
    """The customer asked for a person about ``topic``; ends the caller's flow.

    ``topic`` is a short code (``renewal``, ``key``, ``booking``, ``transfer``, ``support``,
    ``general``, ``other``; an unknown code is shown as given), ``card`` the caller's card
    lines (e.g. the quote) that the manager should see, ``details`` extra JSON-able facts
    stored with the request.
    """
    if ctx.is_manager:
        # Renewal quotes are open to managers too; a manager asking a manager is a slip.
        ctx.finish()
        ctx.say(ctx.t("common.customers_only"), (ctx.menu_row(),))
        return
    calendar = calendar_for(ctx.policy)
    working = calendar.is_working_time(ctx.now)
    if not working:
        offered = await offer_callback(
            ctx, topic=topic, card=card, license_id=license_id, amount=amount, details=details
        )
        if offered:
            return
    stored = replace(QuestionDetails.from_stored(details), topic=topic)
    lines = [cards.line("manager_contact.card_topic", topic=topic_value(ctx.t, topic)), *card]
    # Outside working hours in a deployment without the call-back flow: the question still
    # reaches the managers at once, marked for the next working morning.
    due = None if working else calendar.next_working_morning(ctx.now)
    if due is not None:
        lines.append(cards.line("manager_contact.card_next_morning", when=cards.moment(due)))
    request_id = await file_request(
        ctx,
        RequestKind.QUESTION,
        card=lines,
        license_id=license_id,
        amount=amount,
        details=stored.to_stored(),
        due_at=due,
    )
    ctx.finish()
    if due is None:
        ctx.say(ctx.t("manager_contact.filed", number=request_id), (ctx.menu_row(),))
        return
    ctx.say(
        ctx.t(
            "manager_contact.filed_after_hours",
            number=request_id,
            when=when_words(ctx.t, ctx.policy, due, ctx.now),
        ),
        (ctx.menu_row(),),
    )


class ManagerContactFlow(Flow):
    """The menu item "Contact a manager": the question in one message, then ask_for_person."""

    name = "manager_contact"
    menu_label = "manager_contact.menu"

    question = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if calendar_for(ctx.policy).is_working_time(ctx.now):
            await ctx.go(self.question)
        else:
            # No point typing a question first: nobody reads it before the morning.
            await ask_for_person(ctx, topic="general")

    async def ask_question(self, ctx: Context) -> None:
        ctx.say(ctx.t("manager_contact.ask_question"), (ctx.menu_row(),))

    async def on_question(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            return False
        question = msg.text.strip()
        if not question:
            return False
        if len(question) > MAX_QUESTION_CHARS:
            ctx.say(ctx.t("manager_contact.too_long", limit=MAX_QUESTION_CHARS))
            await ctx.go(self.question)
            return True
        await ask_for_person(
            ctx,
            topic="general",
            card=[cards.line("manager_contact.card_question", message=question)],
            details=QuestionDetails(question_text=question).to_stored(),
        )
        return True
