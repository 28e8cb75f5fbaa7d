"""A customer's side of announcements (docs/rules.md#announcements): the buttons under one,
and the choice not to receive them.

Every announcement carries "Stop announcements" (``announcements.stop``): one tap asks to
confirm, the confirmation turns them off for this chat and says how to turn them on again
(``/announcements on``, or the button under it). ``/announcements`` shows the choice with
the opposite button; ``/mydata`` shows it too. Service messages (answers, cards, reminders)
are not affected.

The announcement's own button is counted as pressed (once per chat) and then does what it
says: "Renew support" opens the renewal quote of the license the announcement was about
(``announcements.renew:<announcement>:<license>``; a license not the customer's opens the
renewal conversation from its start), "Contact a manager" the manager conversation. The
buttons are global: they work whatever the chat is doing.
"""

from __future__ import annotations

from handlers.engine.flow import Context, Flow
from handlers.engine.messages import Button, Incoming, Keyboard
from handlers.engine.payloads import Payload
from handlers.i18n import Texts
from storage import announcements

STOP = "announcements.stop"
STOP_YES = "announcements.stop_yes"
KEEP = "announcements.keep"
ON = "announcements.on"
RENEW = "announcements.renew"
MANAGER = "announcements.manager"
#: The flows the announcement's buttons open.
RENEWAL_FLOW = "renewal"
MANAGER_FLOW = "manager_contact"


def stop_button(t: Texts) -> Button:
    """The "Stop announcements" button every announcement carries."""
    return Button(t("announcements.button_stop"), f"1:{STOP}")


class AnnouncementsFlow(Flow):
    name = "announcements"
    for_managers = None
    global_actions = True
    commands = ("/announcements",)

    async def begin(self, ctx: Context, payload: Payload) -> None:
        """``go:announcements``: show the choice; like any ``go`` button it has left the
        conversation the chat was in."""
        ctx.finish()
        await self._show_state(ctx)

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        word = argument.strip().lower()
        if word in ("on", "вкл", "включить", "да", "вкл.", "включи"):
            await self._turn_on(ctx)
        elif word in ("off", "выкл", "выключить", "нет", "изкл"):
            self._confirm_stop(ctx)
        else:
            await self._show_state(ctx)

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        if payload.action == STOP and not payload.args:
            self._confirm_stop(ctx)
        elif payload.action == STOP_YES and not payload.args:
            await announcements.opt_out(ctx.unit, ctx.account.id, ctx.now)
            ctx.say(
                ctx.t("announcements.stopped"),
                ((ctx.button("announcements.button_on", ON),), ctx.menu_row()),
            )
        elif payload.action == KEEP and not payload.args:
            ctx.say(ctx.t("announcements.kept"), (ctx.menu_row(),))
        elif payload.action == ON and not payload.args:
            await self._turn_on(ctx)
        elif payload.action == RENEW and len(payload.args) == 2:
            await self._renew(ctx, payload)
        elif payload.action == MANAGER and len(payload.args) == 1:
            await self._pressed(ctx, payload)
            await self._open(ctx, MANAGER_FLOW, Payload("go", (MANAGER_FLOW,)))
        else:
            ctx.say(ctx.t("common.bad_button"))
            await self._show_state(ctx)

    # -- the choice ----------------------------------------------------------------------

    def _confirm_stop(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("announcements.confirm_stop"),
            (
                (ctx.button("announcements.button_stop_yes", STOP_YES),),
                (ctx.button("announcements.button_keep", KEEP),),
            ),
        )

    async def _turn_on(self, ctx: Context) -> None:
        await announcements.opt_in(ctx.unit, ctx.account.id)
        ctx.say(ctx.t("announcements.turned_on"), (ctx.menu_row(),))

    async def _show_state(self, ctx: Context) -> None:
        if await announcements.opted_out(ctx.unit, ctx.account.id):
            text, button = ctx.t("announcements.status_off"), ("announcements.button_on", ON)
        else:
            text, button = ctx.t("announcements.status_on"), ("announcements.button_stop", STOP)
        rows: Keyboard = ((ctx.button(*button),), ctx.menu_row())
        ctx.say(text, rows)

    # -- the announcement's own button ---------------------------------------------------

    async def _pressed(self, ctx: Context, payload: Payload) -> None:
        announcement_id = payload.optional_int(0)
        if announcement_id is not None and await announcements.was_sent_to(
            ctx.unit, announcement_id, ctx.account.id
        ):
            await announcements.record_press(ctx.unit, announcement_id, ctx.account.id, ctx.now)

    async def _renew(self, ctx: Context, payload: Payload) -> None:
        await self._pressed(ctx, payload)
        license_id = payload.optional_int(1)
        args = (RENEWAL_FLOW,) if license_id is None else (RENEWAL_FLOW, str(license_id))
        await self._open(ctx, RENEWAL_FLOW, Payload("go", args))

    async def _open(self, ctx: Context, name: str, payload: Payload) -> None:
        flow = ctx.flows.get(name)
        if flow is None:  # the vendor no longer offers it
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            return
        await ctx.start_flow(flow, payload)
