"""The backup file of a backup review: asked right after booking, sent later from the
booking's view, or simply sent outside any conversation. Each acceptable file is recorded
on the booking's request and the managers get the card again."""

from __future__ import annotations

from handlers.desk.cards import send_card
from handlers.engine.attachments import (
    FileKind,
    accept_attachment,
    problem_text,
    upload_limits,
    upload_problem,
)
from handlers.engine.flow import Context
from handlers.engine.messages import Attachment, Incoming
from handlers.engine.payloads import Payload
from handlers.flows.booking.common import local_when, mine_and_menu, own_upcoming
from handlers.flows.booking.data import BookingData, Stale
from handlers.flows.booking.steps import BookingSteps
from handlers.rules.sessions import SessionKind
from handlers.rules.uploads import UploadProblem
from storage import bookings
from storage.bookings import Booking


async def _take_backups(
    ctx: Context, booking: Booking, attachments: tuple[Attachment, ...]
) -> bool:
    """Record each acceptable file on the booking's request; True if any was taken."""
    taken: list[str] = []
    for attachment in attachments:
        problem = await accept_attachment(
            ctx,
            attachment,
            request_id=booking.request_id,
            role="backup",
            kind=FileKind.BACKUP,
        )
        if problem is None:
            taken.append(attachment.name)
        else:
            ctx.say(problem_text(ctx, problem, FileKind.BACKUP))
    if taken:
        ctx.say(
            ctx.t(
                "booking.backup_received",
                names=", ".join(taken),
                number=booking.request_id,
                when=local_when(ctx.t, ctx.policy, booking.starts_at),
            )
        )
        await send_card(ctx, booking.request_id)
    return bool(taken)


class BackupSteps(BookingSteps):
    """The step ``backup_file`` of :class:`~handlers.flows.booking.BookingFlow`, and a backup
    sent while the chat is in no flow."""

    async def ask_backup_file(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("booking.send_backup", **upload_limits(ctx, FileKind.BACKUP)),
            ((ctx.button("booking.backup_later", "booking.later"),), *mine_and_menu(ctx)),
        )

    async def on_backup_file(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "booking.later":
                return False
            ctx.finish()
            ctx.say(ctx.t("booking.backup_later_ok"), mine_and_menu(ctx))
            return True
        if not msg.attachments:
            return False
        booking = await own_upcoming(ctx, ctx.read(BookingData).need_booking_id())
        if booking is None or booking.kind != SessionKind.BACKUP.value:
            raise Stale("booking_id")
        if await _take_backups(ctx, booking, msg.attachments):
            ctx.finish()
            ctx.say(ctx.t("booking.backup_anything_else"), mine_and_menu(ctx))
        else:
            await ctx.go(self.backup_file)
        return True

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        """A backup file sent outside any conversation: for the next backup review.

        Only a message with a file of a backup type is taken (an oversized one is then
        refused with the reason); other files are left to the other flows (a scan sent as
        a follow-up to a request). Registered before the follow-up relay, so a backup
        goes to the booking rather than being refused there as a document.
        """
        if not any(
            upload_problem(ctx, attachment, FileKind.BACKUP) is not UploadProblem.WRONG_TYPE
            for attachment in message.attachments
        ):
            return False
        upcoming = await bookings.upcoming_of(
            ctx.unit, account_id=ctx.account.id, customer_id=ctx.customer_id, now=ctx.now
        )
        booking = next((b for b in upcoming if b.kind == SessionKind.BACKUP.value), None)
        if booking is None:
            return False
        await _take_backups(ctx, booking, message.attachments)
        return True
