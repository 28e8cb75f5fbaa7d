"""The consents asked before a booking is confirmed, each its own button, in order: to pay
for the time spent (shown with the estimate), then, for a direct connection only, to the
remote access and to make a backup first (the connection can drop). A backup review has
no connection: the customer sends a backup and agrees to pay for the consultant's time
(seed 004 2.1), worded without the session's interruptions. Declining any of them ends
the booking."""

from __future__ import annotations

from dataclasses import replace

from handlers.engine.flow import Context
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.flows.booking.data import BookingData, Consent
from handlers.flows.booking.steps import BookingSteps
from handlers.rules.sessions import SessionKind

#: Consents asked before a booking, in order; a backup review has no connection, so no
#: remote access and no backup to make before it.
CONSENTS = {
    SessionKind.BACKUP: (Consent.PAY,),
    SessionKind.DIRECT: (Consent.PAY, Consent.ACCESS, Consent.BACKUP),
}
#: The step asking each consent.
CONSENT_STEPS = {
    Consent.PAY: BookingSteps.consent_pay,
    Consent.ACCESS: BookingSteps.consent_access,
    Consent.BACKUP: BookingSteps.consent_backup,
}


def required_consents(data: BookingData) -> tuple[Consent, ...]:
    return CONSENTS[data.need_kind()]


def consents_complete(data: BookingData) -> bool:
    return data.kind is not None and data.given_consents().have(CONSENTS[data.kind])


async def next_after_consents(ctx: Context) -> None:
    """Ask the first consent not given yet; with all given, the confirmation."""
    data = ctx.read(BookingData)
    given = data.given_consents()
    missing = [name for name in required_consents(data) if given.at(name) is None]
    await ctx.go(CONSENT_STEPS[missing[0]] if missing else BookingSteps.confirm)


def estimate_text(ctx: Context) -> str:
    t, sessions = ctx.t, ctx.policy.sessions
    estimate = ctx.read(BookingData).need_estimate()
    lines = [
        t("booking.estimate_title"),
        t(
            "booking.estimate_time",
            hours=estimate.hours,
            rate=t.money(estimate.hourly_rate),
            amount=t.money(estimate.time_amount),
        ),
    ]
    if estimate.connection_fee:
        lines.append(t("booking.estimate_fee", amount=t.money(estimate.connection_fee)))
    elif estimate.kind is SessionKind.DIRECT and sessions.connection_fee > 0:
        lines.append(t("booking.estimate_no_fee"))  # a vendor with no such fee never says it
    lines.append(t("booking.estimate_total", amount=t.money(estimate.total)))
    lines.append(t("booking.estimate_note", min_hours=sessions.minimum_hours))
    return "\n".join(lines)


class ConsentSteps(BookingSteps):
    """The steps ``consent_<name>`` of :class:`~handlers.flows.booking.BookingFlow`."""

    async def _ask_consent(self, ctx: Context, name: Consent) -> None:
        data = ctx.read(BookingData)
        required = required_consents(data)
        if name not in required:
            await next_after_consents(ctx)
            return
        if name is Consent.PAY:
            ctx.say(estimate_text(ctx))
        review = data.need_kind() is SessionKind.BACKUP
        ctx.say(
            ctx.t(
                "booking.consent_pay_review" if review else f"booking.consent_{name}",
                number=required.index(name) + 1,
                total=len(required),
                min_hours=ctx.policy.sessions.minimum_hours,
            ),
            (
                (ctx.button(f"booking.agree_{name}", "booking.agree", name),),
                (ctx.button("booking.decline", "booking.decline"),),
            ),
        )

    async def _on_consent(self, ctx: Context, name: Consent, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.decline":
            ctx.finish()
            ctx.say(ctx.t("booking.declined"), (ctx.menu_row(),))
            return True
        if payload.action != "booking.agree" or payload.arg(0) != name:
            return False
        data = ctx.read(BookingData)
        ctx.keep(replace(data, consents=data.given_consents().given(name, ctx.now)))
        await next_after_consents(ctx)
        return True

    async def ask_consent_pay(self, ctx: Context) -> None:
        await self._ask_consent(ctx, Consent.PAY)

    async def on_consent_pay(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, Consent.PAY, payload)

    async def ask_consent_access(self, ctx: Context) -> None:
        await self._ask_consent(ctx, Consent.ACCESS)

    async def on_consent_access(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, Consent.ACCESS, payload)

    async def ask_consent_backup(self, ctx: Context) -> None:
        await self._ask_consent(ctx, Consent.BACKUP)

    async def on_consent_backup(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, Consent.BACKUP, payload)
