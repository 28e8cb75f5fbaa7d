""" "My requests": a customer's open and recent requests, each with its history, to write to,
withdraw or reopen (docs/rules.md#written-messages-and-threads).

The list shows the open requests and those closed in the last :data:`RECENT_DAYS` days,
newest first, each with its kind, status and the last message and who wrote it. Opening
one shows its history as the customer may see it (their messages, the managers' answers,
status changes) with what can be done now: write to it (an open one, or one closed as done
within ``desk.reopen_days``: writing reopens it), withdraw it (an open one: cancelled, the
managers told), and the customer's bookings are one tap away.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from handlers.desk import cards
from handlers.desk.desk_commands import history_note
from handlers.engine.flow import Context, Flow
from handlers.engine.messages import Button, Incoming, Keyboard, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.flows.key_loss.card import BRANCH_FOUND, BRANCH_UNVERIFIED, KeyLossDetails
from handlers.flows.relay import REPLY_ACTION
from handlers.i18n import Texts
from handlers.rules.key_loss import WhatHappened
from handlers.rules.threads import reopenable
from storage import bookings, requests
from storage.models import OPEN_STATUSES, Request, RequestKind, RequestStatus

#: Closed requests stay on the list this many days.
RECENT_DAYS = 30
#: Requests listed (VK allows 10 inline buttons; the menu row and bookings take two).
LISTED = 8
#: History entries shown when a request is opened (the latest ones).
HISTORY_SHOWN = 10
#: Characters of the last message quoted on the list.
QUOTED = 80

OPEN_ACTION = "my_requests.open"
WITHDRAW_ACTION = "my_requests.withdraw"

#: Requests withdrawn where their own rules apply, not by a plain cancel here: a booking
#: is cancelled in My bookings (until ``sessions.change_until_hours`` before it, the
#: connection fee moving on), a key report through "the key was found" (the key goes back
#: in service only as far as its replacement allows). Kind → (button label, its flow).
OWN_WITHDRAWAL = {
    RequestKind.BOOKING: "my_requests.manage_booking",
    RequestKind.KEY_LOSS: "my_requests.key_found",
}


def _withdrawal_target(request: Request) -> tuple[str | int, ...]:
    """Where :data:`OWN_WITHDRAWAL` sends a request of its kinds: My bookings, or the
    question about the reported key."""
    if request.kind is RequestKind.BOOKING:
        return ("booking", "mine")
    return ("key_loss", "key", request.key_id or 0)


async def _own_withdrawal(ctx: Context, request: Request) -> str | None:
    """The label of the place where ``request`` is withdrawn by its own rules, or None for
    a plain withdrawal here. A booking goes there while its session is still ahead (My
    bookings lists upcoming ones only). A key report goes there only when it marked a
    customer's key lost or stolen (the found question can put the key back); a broken
    key's report, an unverified one (no key of the customer's) or a "found" note is
    withdrawn here."""
    own = OWN_WITHDRAWAL.get(request.kind)
    if own is None:
        return None
    if request.kind is RequestKind.BOOKING:
        upcoming = await bookings.upcoming_of(
            ctx.unit, account_id=ctx.account.id, customer_id=ctx.customer_id, now=ctx.now
        )
        return own if any(booking.request_id == request.id for booking in upcoming) else None
    details = KeyLossDetails.from_stored(request.details)
    reported = details.what in (WhatHappened.LOST, WhatHappened.STOLEN)
    verified = details.branch not in (BRANCH_UNVERIFIED, BRANCH_FOUND)
    return own if request.key_id is not None and reported and verified else None


REOPEN_ACTION = "my_requests.reopen"


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTED else flat[: QUOTED - 1] + "…"


def _author(t: Texts, actor: str) -> str:
    if actor == "customer":
        return t("my_requests.author_you")
    if actor.startswith("manager:"):
        return t("my_requests.author_manager")
    return t("my_requests.author_bot")


class MyRequestsFlow(Flow):
    name = "my_requests"
    menu_label = "my_requests.menu"
    for_managers = False
    global_actions = True

    async def in_menu(self, ctx: Context) -> bool:
        return await requests.account_has_any(ctx.unit, ctx.account.id)

    async def begin(self, ctx: Context, payload: Payload) -> None:
        # Nothing is awaited: what the customer types next reaches a person as usual.
        ctx.finish()
        await self._list(ctx)

    async def _list(self, ctx: Context) -> None:
        since = ctx.now - timedelta(days=RECENT_DAYS)
        shown = [
            request
            for request in await requests.of_account(ctx.unit, ctx.account.id, limit=50)
            if request.status in OPEN_STATUSES or request.updated_at >= since
        ][:LISTED]
        # Bookings are a row here where this vendor offers remote sessions.
        bookings = (
            (ctx.button("my_requests.bookings", "go", "booking", "mine"),)
            if "booking" in ctx.flows
            else ()
        )
        if not shown:
            ctx.say(ctx.t("my_requests.none"), keyboard(*bookings, ctx.menu_row()))
            return
        lines = [ctx.t("my_requests.title", count=len(shown))]
        for request in shown:
            lines.append(self._line(ctx, request))
            last = await self._last_message(ctx, request.id)
            if last is not None:
                lines.append(last)
        listed = (
            ctx.button("my_requests.button", OPEN_ACTION, request.id, number=request.id)
            for request in shown
        )
        ctx.say("\n".join(lines), keyboard(*listed, *bookings, ctx.menu_row()))

    def _line(self, ctx: Context, request: Request) -> str:
        return ctx.t(
            "my_requests.line",
            number=request.id,
            kind=ctx.t(f"desk.kind_{request.kind.value}"),
            status=ctx.t(f"desk.status_{request.status.value}"),
        )

    async def _last_message(self, ctx: Context, request_id: int) -> str | None:
        written = [e for e in await requests.events(ctx.unit, request_id) if e.note]
        if not written:
            return None
        last = written[-1]
        return ctx.t("my_requests.last", author=_author(ctx.t, last.actor), text=_quoted(last.note))

    # -- one request ----------------------------------------------------------------------

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        request_id = payload.optional_int(0)
        if request_id is None or len(payload.args) != 1:
            ctx.say(ctx.t("common.bad_button"))
            return
        if payload.action in (WITHDRAW_ACTION, REOPEN_ACTION):
            await ctx.unit.begin()  # what is read here decides what is written
        request = await requests.get(ctx.unit, request_id)
        if request is None or request.account_id != ctx.account.id:
            ctx.say(ctx.t("my_requests.not_yours"), (ctx.menu_row(),))
            return
        if payload.action == OPEN_ACTION:
            await self._show(ctx, request)
        elif payload.action == WITHDRAW_ACTION:
            await self._withdraw(ctx, request)
        elif payload.action == REOPEN_ACTION:
            await self._reopen(ctx, request)
        else:
            ctx.say(ctx.t("common.bad_button"))

    def _reopenable(
        self, ctx: Context, request: Request, events: Sequence[requests.RequestEvent]
    ) -> bool:
        """Closed as done within ``desk.reopen_days`` (as a written message would reopen it)."""
        if request.status is not RequestStatus.DONE:
            return False
        done = [e.at for e in events if e.to_status is RequestStatus.DONE]
        return reopenable(
            max(done, default=None), now=ctx.now, reopen_days=ctx.policy.desk.reopen_days
        )

    async def _show(self, ctx: Context, request: Request) -> None:
        t, tz = ctx.t, ctx.policy.tz
        events = await requests.events(ctx.unit, request.id)
        lines = [self._line(ctx, request), t("my_requests.history")]
        for event in events[-HISTORY_SHOWN:]:
            note = self._event_text(ctx, event)
            if note:
                lines.append(
                    t(
                        "my_requests.event",
                        when=t.moment(event.at.astimezone(tz)),
                        author=_author(t, event.actor),
                        note=note,
                    )
                )
        ctx.say("\n".join(lines), await self._buttons(ctx, request, events))

    def _event_text(self, ctx: Context, event: requests.RequestEvent) -> str:
        if event.to_status is not None:
            status = ctx.t(f"desk.status_{event.to_status.value}")
            change = ctx.t("my_requests.status_changed", status=status)
            return f"{change}: {event.note}" if event.note else change
        if event.actor.startswith("manager:") or event.actor == "customer":
            return history_note(ctx.t, event, ctx.policy.tz)
        return ""  # the desk's own notes are for managers

    async def _buttons(
        self, ctx: Context, request: Request, events: Sequence[requests.RequestEvent]
    ) -> Keyboard:
        rows: list[tuple[Button, ...]] = []
        if request.status in OPEN_STATUSES:
            own = await _own_withdrawal(ctx, request)
            if own is None:
                withdraw = ctx.button("my_requests.withdraw", WITHDRAW_ACTION, request.id)
            else:
                withdraw = ctx.button(own, "go", *_withdrawal_target(request))
            rows.append((ctx.button("my_requests.write", REPLY_ACTION, request.id), withdraw))
        elif self._reopenable(ctx, request, events):
            rows.append((ctx.button("my_requests.reopen", REOPEN_ACTION, request.id),))
        rows.append((ctx.button("my_requests.back", "go", self.name),))
        rows.append(ctx.menu_row())
        return tuple(rows)

    async def _withdraw(self, ctx: Context, request: Request) -> None:
        if request.status not in OPEN_STATUSES:
            ctx.say(ctx.t("my_requests.already_closed", number=request.id), (ctx.menu_row(),))
            return
        own = await _own_withdrawal(ctx, request)
        if own is not None:  # an old button: this kind is withdrawn where its rules apply
            ctx.say(
                ctx.t(f"{own}_instead", number=request.id),
                ((ctx.button(own, "go", *_withdrawal_target(request)),), ctx.menu_row()),
            )
            return
        await requests.set_status(
            ctx.unit, request.id, RequestStatus.CANCELLED, actor="customer", now=ctx.now
        )
        await cards.send_card(ctx, request.id)
        ctx.finish()
        ctx.say(ctx.t("my_requests.withdrawn", number=request.id), (ctx.menu_row(),))

    async def _reopen(self, ctx: Context, request: Request) -> None:
        if not self._reopenable(ctx, request, await requests.events(ctx.unit, request.id)):
            ctx.say(ctx.t("my_requests.not_reopenable", number=request.id), (ctx.menu_row(),))
            return
        await requests.reopen(ctx.unit, request.id, actor="customer", now=ctx.now)
        await cards.send_card(ctx, request.id)
        ctx.finish()
        ctx.say(
            ctx.t("my_requests.reopened", number=request.id),
            ((Button(ctx.t("my_requests.write"), encode(REPLY_ACTION, request.id)),),),
        )
