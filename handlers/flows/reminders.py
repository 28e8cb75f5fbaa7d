"""Muting support-expiry reminders (docs/rules.md#support-expiry-reminders: "a customer can
mute reminders").

Every reminder carries a "Mute reminders" button (``reminders.mute``); the confirmation
carries "Turn reminders on" (``reminders.unmute``); ``/reminders`` shows the current state
with the opposite button. The buttons are global: they work whatever the chat is doing and
leave its conversation where it was. Muting is per chat (messenger account): a customer
linked in Telegram and VK mutes each separately. Session and document reminders and the
monthly key-run notices are not muted: they concern something the customer asked for or a
service that changes.
"""

from __future__ import annotations

from dataclasses import replace

from handlers.engine.flow import Context, Flow
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from storage import accounts

MUTE = "reminders.mute"
UNMUTE = "reminders.unmute"


class ReminderSettingsFlow(Flow):
    name = "reminders"
    for_managers = False
    global_actions = True
    commands = ("/reminders",)

    async def begin(self, ctx: Context, payload: Payload) -> None:
        """``go:reminders`` (e.g. a button in a help text): show the state; like any ``go``
        button it has left the conversation the chat was in."""
        ctx.finish()
        self._show_state(ctx)

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        self._show_state(ctx)

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        if payload.action not in (MUTE, UNMUTE) or payload.args:
            ctx.say(ctx.t("common.bad_button"))
            self._show_state(ctx)
            return
        muted = payload.action == MUTE
        if ctx.account.reminders_muted != muted:
            await accounts.set_reminders_muted(ctx.unit, ctx.account.id, muted)
            ctx.account = replace(ctx.account, reminders_muted=muted)
        if muted:
            ctx.say(
                ctx.t("reminders.muted"),
                ((ctx.button("reminders.button_unmute", UNMUTE),), ctx.menu_row()),
            )
        else:
            ctx.say(ctx.t("reminders.unmuted"), (ctx.menu_row(),))

    def _show_state(self, ctx: Context) -> None:
        if ctx.account.reminders_muted:
            text, button = ctx.t("reminders.status_off"), ("reminders.button_unmute", UNMUTE)
        else:
            text, button = ctx.t("reminders.status_on"), ("reminders.button_mute", MUTE)
        ctx.say(text, ((ctx.button(*button),), ctx.menu_row()))
