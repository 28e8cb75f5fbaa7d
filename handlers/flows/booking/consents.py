"""The consents asked before a booking is confirmed, each its own button, in order: to pay
for the time spent (shown with the estimate), to the remote access (a direct connection
only), and to make a backup first. Declining any of them ends the booking."""

from __future__ import annotations

from decimal import Decimal

from handlers.engine.flow import Context
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.flows.booking.common import kind_of, saved
from handlers.flows.booking.steps import BookingSteps
from handlers.rules.sessions import SessionKind

#: Consents asked before a booking, in order; a backup review has no remote access.
CONSENTS = {
    SessionKind.BACKUP: ("pay", "backup"),
    SessionKind.DIRECT: ("pay", "access", "backup"),
}
#: The step asking each consent.
CONSENT_STEPS = {
    "pay": BookingSteps.consent_pay,
    "access": BookingSteps.consent_access,
    "backup": BookingSteps.consent_backup,
}


def required_consents(ctx: Context) -> tuple[str, ...]:
    return CONSENTS[kind_of(ctx)]


def consents_complete(ctx: Context) -> bool:
    given = ctx.data.get("consents") or {}
    return "kind" in ctx.data and all(name in given for name in required_consents(ctx))


async def next_after_consents(ctx: Context) -> None:
    """Ask the first consent not given yet; with all given, the confirmation."""
    given = ctx.data.get("consents") or {}
    missing = [name for name in required_consents(ctx) if name not in given]
    await ctx.go(CONSENT_STEPS[missing[0]] if missing else BookingSteps.confirm)


def estimate_text(ctx: Context) -> str:
    t, sessions = ctx.t, ctx.policy.sessions
    estimate = saved(ctx, "estimate")
    kind = kind_of(ctx)
    lines = [
        t("booking.estimate_title"),
        t(
            "booking.estimate_time",
            hours=int(estimate["hours"]),
            rate=t.money(Decimal(estimate["rate"])),
            amount=t.money(Decimal(estimate["time"])),
        ),
    ]
    fee = Decimal(estimate["fee"])
    if fee:
        lines.append(t("booking.estimate_fee", amount=t.money(fee)))
    elif kind is SessionKind.DIRECT:
        lines.append(t("booking.estimate_no_fee"))
    lines.append(t("booking.estimate_total", amount=t.money(Decimal(estimate["total"]))))
    lines.append(t("booking.estimate_note", min_hours=sessions.minimum_hours))
    return "\n".join(lines)


class ConsentSteps(BookingSteps):
    """The steps ``consent_<name>`` of :class:`~handlers.flows.booking.BookingFlow`."""

    async def _ask_consent(self, ctx: Context, name: str) -> None:
        required = required_consents(ctx)
        if name not in required:
            await next_after_consents(ctx)
            return
        if name == "pay":
            ctx.say(estimate_text(ctx))
        ctx.say(
            ctx.t(
                f"booking.consent_{name}",
                number=required.index(name) + 1,
                total=len(required),
                min_hours=ctx.policy.sessions.minimum_hours,
            ),
            (
                (ctx.button(f"booking.agree_{name}", "booking.agree", name),),
                (ctx.button("booking.decline", "booking.decline"),),
            ),
        )

    async def _on_consent(self, ctx: Context, name: str, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.decline":
            ctx.finish()
            ctx.say(ctx.t("booking.declined"), (ctx.menu_row(),))
            return True
        if payload.action != "booking.agree" or payload.arg(0) != name:
            return False
        given = dict(ctx.data.get("consents") or {})
        given[name] = ctx.now.isoformat()
        ctx.data["consents"] = given
        await next_after_consents(ctx)
        return True

    async def ask_consent_pay(self, ctx: Context) -> None:
        await self._ask_consent(ctx, "pay")

    async def on_consent_pay(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, "pay", payload)

    async def ask_consent_access(self, ctx: Context) -> None:
        await self._ask_consent(ctx, "access")

    async def on_consent_access(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, "access", payload)

    async def ask_consent_backup(self, ctx: Context) -> None:
        await self._ask_consent(ctx, "backup")

    async def on_consent_backup(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, "backup", payload)
