"""The booking conversation as one flow: its entry points, and what holds in every step.

Entry points: the main-menu item (``go:booking``) and ``go:booking:mine`` (the customer's
bookings), which any message may carry as a button (reminders, the booked message). The
buttons of a booking (``booking.open`` and
:data:`~handlers.flows.booking.my_bookings.BOOKING_ACTIONS`) work in any step; a chat
whose saved data no longer describes a booking in progress
(:class:`~handlers.flows.booking.data.Stale`) is told so and offered the list of bookings.
"""

from __future__ import annotations

from handlers.engine.flow import Context, Flow
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload, PayloadError
from handlers.flows.booking.backups import BackupSteps
from handlers.flows.booking.common import mine_and_menu
from handlers.flows.booking.consents import ConsentSteps
from handlers.flows.booking.data import Stale
from handlers.flows.booking.my_bookings import BOOKING_ACTIONS, MyBookingSteps
from handlers.flows.booking.new_booking import NewBookingSteps
from handlers.flows.booking.slots import Slots, SlotSteps
from storage import bookings
from storage.models import Request, RequestKind


class BookingFlow(NewBookingSteps, ConsentSteps, SlotSteps, BackupSteps, MyBookingSteps, Flow):
    name = "booking"
    service = "sessions"
    menu_label = "booking.menu"
    for_managers = False

    def __init__(self) -> None:
        self.slots = Slots()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if payload.args[1:2] == ("mine",):
            await ctx.go(self.mine)
            return
        await ctx.go(self.kind)

    async def ask(self, ctx: Context, step: str) -> None:
        try:
            await super().ask(ctx, step)
        except Stale:
            self._stale(ctx)

    async def handle(
        self, ctx: Context, step: str, message: Incoming, payload: Payload | None
    ) -> bool:
        try:
            if payload is not None and payload.action == "booking.open":
                return await self.open_booking(ctx, payload.int_arg(0))
            if payload is not None and payload.action in BOOKING_ACTIONS:
                return await self.on_booking(ctx, message, payload)
            return await super().handle(ctx, step, message, payload)
        except PayloadError:
            ctx.say(ctx.t("common.bad_button"))
            await self.ask(ctx, step)
            return True
        except Stale:
            self._stale(ctx)
            return True

    async def on_request_done(self, ctx: Context, request: Request) -> None:
        """A booking's request marked done without a bill: the booking stays as it is (its
        minutes can still be entered, and its estimate no longer carries the connection
        fee once its start has passed); the manager is reminded of ``/minutes``."""
        if request.kind is not RequestKind.BOOKING:
            return
        booking = await bookings.by_request(ctx.unit, request.id)
        if booking is not None and booking.status == bookings.CONFIRMED:
            ctx.say(ctx.t("booking.done_unbilled", number=request.id))

    def _stale(self, ctx: Context) -> None:
        ctx.finish()
        ctx.say(ctx.t("booking.stale"), mine_and_menu(ctx))
