"""The buttons of a request card (docs/rules.md#managers): take, reply, done, reject.

They are global actions of the flow named ``desk_actions`` (``handlers.desk.cards`` emits
``1:desk_actions.take:<request id>`` …; cards sent as ``1:desk.take:…`` before the flow had
its module's name still work): they work whatever the manager's chat is doing, the engine
refuses them to anyone who is not a manager, and each press re-reads the request inside a
write transaction. A stale card, a forged number or a request another manager has already
closed gets a clear answer and changes nothing (:class:`~storage.requests.StatusChangeRefused`).

Every status change is recorded as a request event by ``manager:<platform>:<user id>``,
the customer is told in their own messenger and language, and the card is sent again to
every manager destination so all desks see the new status.

"Reply" and "reject" wait for the manager's next text (the answer, the reason), so the
chat enters a step of this flow. A manager chat may be a group: only the manager who
pressed the button is heard; /cancel (built in) aborts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from handlers.desk import cards
from handlers.desk.cards import person_label
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from handlers.flows.booking.connection_fee import fee_moved_text, pass_on_fee
from handlers.flows.rating import ask_for_rating
from handlers.flows.relay import reply_keyboard
from handlers.i18n import Texts
from storage import accounts, bookings, conversations, requests
from storage.bookings import Booking
from storage.db import Unit
from storage.models import (
    OPEN_STATUSES,
    Account,
    Platform,
    Request,
    RequestKind,
    RequestStatus,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DeskActionsData(Stored):
    """What the chat holds after "Reply" or "Reject": the request the manager's next text
    is about, and who pressed (in a shared chat only their text is taken).

    :func:`awaited_text` reads any flow's state with it: these are the keys a step that
    is about one request stores."""

    #: The request (None: the state names none).
    request_id: int | None = None
    #: The user id of the manager who pressed (an older version stored it as a number).
    by: str | None = None


def manager_actor(message: Incoming) -> str:
    """How a manager appears in request events."""
    return f"manager:{message.platform.value}:{message.user_id}"


def manager_mark(message: Incoming) -> str:
    """What ``requests.manager`` stores: who handles it, ``<platform>:<user id>``."""
    return f"{message.platform.value}:{message.user_id}"


def request_id_of(payload: Payload) -> int | None:
    """The request number a button names, or None for a malformed one."""
    return payload.optional_int(0)


def moment_text(ctx: Context, t: Texts, value: datetime) -> str:
    local = value.astimezone(ctx.policy.tz)
    return t.moment(local)


async def say_closed(ctx: Context, request: Request) -> None:
    """Say "request N is already done by X, at T", reading who closed it from its history."""
    closing = [e for e in await requests.events(ctx.unit, request.id) if e.to_status is not None]
    last = closing[-1] if closing and closing[-1].to_status is request.status else None
    ctx.say(
        ctx.t(
            "desk_actions.closed",
            number=request.id,
            status=ctx.t(f"desk.status_{request.status.value}"),
            who=await person_label(ctx.unit, ctx.t, last.actor) if last else "—",
            when=moment_text(ctx, ctx.t, last.at if last else request.updated_at),
        )
    )


async def open_request(ctx: Context, request_id: int, *, for_write: bool = True) -> Request | None:
    """The request if it is still open; otherwise say why not and return None.

    ``for_write``: start the write transaction first, as what is read here decides what is
    written (a press that only moves the chat to a step does not need it).
    """
    if for_write:
        await ctx.unit.begin()
    request = await requests.get(ctx.unit, request_id)
    if request is None:
        ctx.say(ctx.t("desk_actions.not_found", number=request_id))
        return None
    if request.status not in OPEN_STATUSES:
        await say_closed(ctx, request)
        return None
    return request


async def customer_of(ctx: Context, request: Request) -> Account | None:
    if request.account_id is None:
        return None
    return await accounts.get(ctx.unit, request.account_id)


class DeskActionsFlow(Flow):
    name = "desk_actions"
    former_names = ("desk",)
    for_managers = True
    global_actions = True

    reply = Step()
    reject_reason = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        ctx.say(ctx.t("desk_actions.use_buttons"), (ctx.menu_row(),))

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        actions = {
            "desk_actions.take": self._take,
            "desk_actions.reply": self._reply_pressed,
            "desk_actions.done": self._done,
            "desk_actions.reject": self._reject_pressed,
        }
        action = actions.get(payload.action)
        request_id = request_id_of(payload)
        if action is None or request_id is None or len(payload.args) != 1:
            ctx.say(ctx.t("common.bad_button"))
            return
        writes = payload.action in ("desk_actions.take", "desk_actions.done")
        request = await open_request(ctx, request_id, for_write=writes)
        if request is not None:
            await action(ctx, request, message)

    # -- take ----------------------------------------------------------------------------

    async def _take(self, ctx: Context, request: Request, message: Incoming) -> None:
        me = manager_mark(message)
        if request.manager == me and request.status is RequestStatus.IN_WORK:
            ctx.say(ctx.t("desk_actions.already_yours", number=request.id))
            return
        if request.manager is not None and request.manager != me:
            ctx.say(
                ctx.t(
                    "desk_actions.taken_by_other",
                    number=request.id,
                    manager=await person_label(ctx.unit, ctx.t, request.manager),
                )
            )
            return
        await requests.set_status(
            ctx.unit,
            request.id,
            RequestStatus.IN_WORK,
            actor=manager_actor(message),
            now=ctx.now,
            manager=me,
        )
        await requests.mark_first_answer(ctx.unit, request.id, ctx.now)
        await self._tell_customer(
            ctx, request, lambda t: t("desk_actions.customer_in_work", number=request.id)
        )
        await cards.send_card(ctx, request.id)
        ctx.say(ctx.t("desk_actions.taken", number=request.id))

    # -- reply ---------------------------------------------------------------------------

    async def _reply_pressed(self, ctx: Context, request: Request, message: Incoming) -> None:
        if request.account_id is None:
            ctx.say(ctx.t("desk_actions.no_customer_chat", number=request.id))
            return
        await self._wait_for_text(ctx, self.reply, request.id, message)

    async def ask_reply(self, ctx: Context) -> None:
        ctx.say(ctx.t("desk_actions.ask_reply", number=self._asked_about(ctx)))

    async def on_reply(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        text = msg.text.strip()
        if payload is not None or not text:
            return False
        request = await self._request_for_text(ctx, msg)
        if request is None:
            return True
        customer = await customer_of(ctx, request)
        if customer is None:
            ctx.finish()
            ctx.say(ctx.t("desk_actions.no_customer_chat", number=request.id))
            return True
        before = await self._record(ctx, request, msg, RequestStatus.WAITING_CUSTOMER)
        await requests.add_note(
            ctx.unit, request.id, actor=manager_actor(msg), note=text, now=ctx.now
        )
        # The customer sees who answers (their messenger name) unless the vendor hides names.
        name = msg.display_name.strip() if ctx.policy.desk.show_manager_names else ""
        await ctx.queue_to_account(
            customer,
            lambda t: (
                t("desk_actions.customer_answer_named", number=request.id, manager=name, text=text)
                if name
                else t("desk_actions.customer_answer", number=request.id, text=text)
            ),
            reply_keyboard(customer, request.id),
            request_id=request.id,
        )
        if before is not RequestStatus.WAITING_CUSTOMER:
            await cards.send_card(ctx, request.id)
        ctx.finish()
        ctx.say(ctx.t("desk_actions.reply_sent", number=request.id))
        return True

    # -- done ----------------------------------------------------------------------------

    async def _done(self, ctx: Context, request: Request, message: Incoming) -> None:
        await self._record(ctx, request, message, RequestStatus.DONE)
        for flow in ctx.flows.values():
            await flow.on_request_done(ctx, request)  # what done means for its kind
        customer = await self._tell_customer(
            ctx, request, lambda t: t("desk_actions.customer_done", number=request.id)
        )
        if customer is not None:
            await ask_for_rating(ctx, customer, request.id)
        await cards.send_card(ctx, request.id)
        if ctx.flow_name == self.name and ctx.read(DeskActionsData).request_id == request.id:
            ctx.finish()  # the chat was about to answer or reject this very request
        ctx.say(ctx.t("desk_actions.done", number=request.id))

    # -- reject --------------------------------------------------------------------------

    async def _reject_pressed(self, ctx: Context, request: Request, message: Incoming) -> None:
        await self._wait_for_text(ctx, self.reject_reason, request.id, message)

    async def ask_reject_reason(self, ctx: Context) -> None:
        ctx.say(ctx.t("desk_actions.ask_reason", number=self._asked_about(ctx)))

    async def on_reject_reason(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        reason = msg.text.strip()
        if payload is not None or not reason:
            return False
        request = await self._request_for_text(ctx, msg)
        if request is None:
            return True
        await self._record(ctx, request, msg, RequestStatus.REJECTED, note=reason)
        heir: Booking | None = None
        if request.kind is RequestKind.BOOKING:
            # A rejected booking must not keep its slot taken from other customers, nor the
            # connection fee: the customer's next direct booking takes it over.
            booking = await bookings.by_request(ctx.unit, request.id)
            if booking is not None and await bookings.cancel(ctx.unit, booking.id, ctx.now):
                heir = await pass_on_fee(ctx, booking)
        fee_moved = fee_moved_text(ctx, heir) if heir is not None else None

        def rejected(t: Texts) -> str:
            text = t("desk_actions.customer_rejected", number=request.id, reason=reason)
            return text if fee_moved is None else f"{text}\n\n{fee_moved(t)}"

        await self._tell_customer(ctx, request, rejected)
        await cards.send_card(ctx, request.id)
        ctx.finish()
        ctx.say(ctx.t("desk_actions.rejected", number=request.id))
        return True

    # -- what every answer does ----------------------------------------------------------

    async def _record(
        self,
        ctx: Context,
        request: Request,
        message: Incoming,
        status: RequestStatus,
        *,
        note: str = "",
    ) -> RequestStatus:
        """The new status by this manager (who handles it, if nobody did yet) and the time
        of the first answer; returns the status it had before."""
        before = await requests.set_status(
            ctx.unit,
            request.id,
            status,
            actor=manager_actor(message),
            note=note,
            now=ctx.now,
            manager=manager_mark(message) if request.manager is None else None,
        )
        await requests.mark_first_answer(ctx.unit, request.id, ctx.now)
        return before

    async def _tell_customer(
        self, ctx: Context, request: Request, render: Callable[[Texts], str]
    ) -> Account | None:
        """Queue ``render`` to the customer's chat, in their language; None: no chat."""
        customer = await customer_of(ctx, request)
        if customer is not None:
            await ctx.queue_to_account(customer, render, request_id=request.id)
        return customer

    # -- the manager's next text ---------------------------------------------------------

    async def _wait_for_text(
        self, ctx: Context, step: Step, request_id: int, message: Incoming
    ) -> None:
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        ctx.keep(DeskActionsData(request_id=request_id, by=message.user_id))
        await ctx.go(step)

    @staticmethod
    def _asked_about(ctx: Context) -> int:
        """The request the awaited text is about (the step is entered only with one)."""
        request_id = ctx.read(DeskActionsData).request_id
        if request_id is None:
            raise KeyError("request_id")  # as the dict read did: a state no version writes
        return request_id

    async def _request_for_text(self, ctx: Context, msg: Incoming) -> Request | None:
        """The request the awaited text is for, still open, from the manager who asked.

        Otherwise says why and returns None; the chat leaves the step unless the text came
        from another manager in a shared chat (the one who pressed is still writing).
        """
        data = ctx.read(DeskActionsData)
        request_id = self._asked_about(ctx)
        by = data.by if data.by is not None else msg.user_id
        if msg.user_id != by:
            writer = await person_label(ctx.unit, ctx.t, f"{msg.platform.value}:{by}")
            ctx.say(ctx.t("desk_actions.someone_else_writing", manager=writer, number=request_id))
            return None
        request = await open_request(ctx, request_id)
        if request is None:
            ctx.finish()
        return request


# -- what a channel may ask --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AwaitedText:
    """What a chat in the middle of a conversation waits for: its next text is for the step.

    After "Reply" or "Reject" the desk waits for the text of the manager who pressed
    (``by``: in a shared manager chat the others' talk is not for it) about one request.
    Any other step takes anyone's text, about the request its flow noted, if any.
    """

    #: The request the text is about (None: the step names none).
    request_id: int | None
    #: The only person whose text the step takes (None: anyone in the chat).
    by: str | None = None
    #: The text is a manager's answer to the request's customer ("Reply", not "Reject").
    answer: bool = False

    def takes_from(self, user_id: str) -> bool:
        return self.by is None or self.by == user_id


async def awaited_text(unit: Unit, platform: Platform, chat_id: str) -> AwaitedText | None:
    """What the chat's next text is for; None when the chat is in no conversation step."""
    state = await conversations.load(unit, platform, chat_id)
    if state.flow is None:
        return None
    data = DeskActionsData.from_stored(state.data)
    # Only a number stored as one names a request here: another flow's text ("7") may be
    # anything, while the record would read it as 7.
    stored_id = state.data.get("request_id")
    return AwaitedText(
        request_id=data.request_id if isinstance(stored_id, int) else None,
        by=data.by,
        answer=state.flow in (DeskActionsFlow.name, *DeskActionsFlow.former_names)
        and state.step == DeskActionsFlow.reply.name,
    )
