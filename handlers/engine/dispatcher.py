"""The conversation engine: one incoming message in, replies out, state saved.

For every message it loads the person's account and the chat's state in one query,
routes commands and global buttons before flows, refuses payloads that do not parse or
are not for the current step, runs the flow step, and commits the state change together
with whatever the step wrote (requests, outbox rows) in one unit of work.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.attachments import refuse_downloaded
from handlers.engine.flow import Context, Flow, Flows
from handlers.engine.messages import Button, Incoming, Reply, keyboard
from handlers.engine.payloads import Payload, PayloadError, encode, parse
from handlers.i18n import LANGUAGES, pick_language, texts
from handlers.policy import Policy
from storage import accounts, conversations
from storage.db import Database, Unit
from storage.models import Account, ConversationState, Platform

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: Called inside the step's unit of work just before it commits, with the replies so far: a
#: channel records there that the update is handled, atomically with the step (exactly once).
CommitHook = Callable[[Unit, list[Reply]], Awaitable[None]]
#: Stands in for a payload a flow refused: it never parses, so the engine answers "bad button".
_REFUSED_PAYLOAD = "refused"
#: Told how long each step took (the platform's name, seconds): the shell's metrics.
StepObserver = Callable[[str, float], None]
BUILT_IN_COMMANDS = frozenset({"/start", "/menu", "/help", "/cancel", "/language"})
#: Service buttons the main menu holds besides its language and help row: VK's inline
#: keyboard holds ten buttons. A flow that is only worth a button while there is room
#: (:meth:`Flow.in_menu_if_room`) yields beyond it; the others are always listed.
MENU_ROOM = 8


def system_clock() -> datetime:
    return datetime.now(UTC)


class Engine:
    def __init__(
        self,
        db: Database,
        policy: Policy,
        flows: Iterable[Flow],
        *,
        desk: ManagerDesk,
        clock: Clock = system_clock,
    ) -> None:
        self.db = db
        self.policy = policy
        self.desk = desk
        self.clock = clock
        #: Set by the shell to measure steps (``bot_step_seconds``); None: not measured.
        self.on_step: StepObserver | None = None
        # Only the services this vendor offers (docs/rules.md#vendor-profiles): a flow of
        # another service is not in the menu, the commands, the intents or the buttons.
        self.flows = Flows(flow for flow in flows if policy.services.offers(flow.service))
        #: The flows that look at every message first (:meth:`Flow.screen`).
        self._screens = [
            flow for flow in self.flows.values() if type(flow).screen is not Flow.screen
        ]
        self._commands: dict[str, Flow] = {}
        for flow in self.flows.values():
            flow.check()  # a misspelt or missing step fails here, naming flow and step
            for command in flow.commands:
                if command in self._commands or command in BUILT_IN_COMMANDS:
                    raise ValueError(f"command {command} is claimed twice")
                self._commands[command] = flow

    async def handle(
        self, message: Incoming, *, before_commit: CommitHook | None = None
    ) -> list[Reply]:
        started = time.perf_counter()
        try:
            return await self._handle_refusing(message, before_commit)
        finally:
            if self.on_step is not None:
                self.on_step(message.platform.value, time.perf_counter() - started)

    async def _handle_refusing(
        self, message: Incoming, before_commit: CommitHook | None
    ) -> list[Reply]:
        try:
            return await self._handle(message, before_commit)
        except PayloadError:
            # A payload that parsed but whose arguments a flow refused (e.g. "abc" where a
            # number belongs): the step's writes are rolled back; answer as for any forged
            # button, with the chat's state unchanged.
            if message.payload is None or message.payload == _REFUSED_PAYLOAD:
                raise
            log.info("refused payload %r from %s", message.payload, message.user_id)
            return await self._handle(replace(message, payload=_REFUSED_PAYLOAD), before_commit)

    async def _handle(self, message: Incoming, before_commit: CommitHook | None) -> list[Reply]:
        now = self.clock()
        async with self.db.unit() as unit:
            account, state = await conversations.load_with_account(
                unit, message.platform, message.user_id, message.chat_id
            )
            if account is None:
                account = await accounts.create(
                    unit,
                    message.platform,
                    message.user_id,
                    language=pick_language(message.language),
                    display_name=message.display_name,
                    now=now,
                )
            if account.manager != message.from_manager:
                account = accounts.set_manager(unit, account, message.from_manager)
            ctx = self._context(unit, message, account, state, now)
            await self._route(ctx, message)
            if before_commit is not None:
                await before_commit(unit, ctx.replies)
            new_state = ctx.state()
            if new_state != state:
                await conversations.save(
                    unit, message.platform, message.chat_id, new_state, now=now
                )
        for job in ctx.jobs:  # committed: now the work that opens its own units
            await job(self.db)
        return ctx.replies

    async def resume(
        self, platform: Platform, chat_id: str, user_id: str, *, from_manager: bool = False
    ) -> list[Reply]:
        """What a person sees on opening the chat again: the current question, or the menu.

        Changes nothing; used by the console at start so a restart visibly continues.
        """
        now = self.clock()
        async with self.db.unit() as unit:
            account, state = await conversations.load_with_account(unit, platform, user_id, chat_id)
            if account is None:
                return []
            incoming = Incoming(platform, chat_id, user_id, from_manager=from_manager)
            ctx = self._context(unit, incoming, account, state, now)
            await self._reask(ctx)
            asked = list(ctx.replies)
            ctx.replies.clear()
            for flow in self.flows.values():
                if self._visible(flow, ctx):
                    await flow.on_reopen(ctx)
            waiting = list(ctx.replies)
            # The last message's buttons are the ones a typed number presses: a live
            # question stays last; at the menu, what waits for the person comes last.
            return [*waiting, *asked] if ctx.step is not None else [*asked, *waiting]

    async def refuse_upload(self, attachment_id: int) -> bool:
        """A file the channel found, once downloaded, not to be what its name says: off its
        request, and the sender and the managers told (:func:`refuse_downloaded`), in a unit
        of work of its own. False when the file was no longer owed."""
        now = self.clock()
        async with self.db.transaction() as unit:
            return await refuse_downloaded(
                unit, self.policy, self.desk, self.flows, attachment_id, now=now
            )

    def _context(
        self,
        unit: Unit,
        message: Incoming,
        account: Account,
        state: ConversationState,
        now: datetime,
    ) -> Context:
        ctx = Context(
            unit=unit,
            policy=self.policy,
            desk=self.desk,
            incoming=message,
            account=account,
            flow_name=self.flows.current(state.flow) if state.flow else None,
            step=state.step,
            data=dict(state.data),
            now=now,
            flows=self.flows,
        )
        ctx.flow = self.flows.get(ctx.flow_name) if ctx.flow_name else None
        return ctx

    # -- routing ---------------------------------------------------------------------

    async def _route(self, ctx: Context, message: Incoming) -> None:
        for screen in self._screens:  # whoever writes: the screen itself decides
            if await screen.screen(ctx, message):
                return
        command = message.command
        if command is not None:
            await self._command(ctx, *command)
            return
        if message.payload is not None:
            try:
                payload = self.flows.current_payload(parse(message.payload))
            except PayloadError:
                log.info("refused payload %r from %s", message.payload, message.user_id)
                ctx.say(ctx.t("common.bad_button"))
                await self._reask(ctx)
                return
            await self._button(ctx, payload, message)
            return
        if ctx.flow is not None and ctx.step is not None:
            await self._step(ctx, message, None)
            return
        for flow in self.flows.values():
            if self._visible(flow, ctx) and await flow.on_idle(ctx, message):
                return
        ctx.say(ctx.t("common.use_menu"))
        await self._menu(ctx)

    async def _command(self, ctx: Context, name: str, argument: str) -> None:
        if name == "/start" and argument:
            # A deep link (t.me/bot?start=TOKEN, VK ref): the flow that knows the token.
            # Only flows the person may use (an invitation is not spent on a manager's tap).
            for flow in self.flows.values():
                if self._visible(flow, ctx) and await flow.on_start_argument(ctx, argument):
                    return
        command_flow = self._commands.get(name)
        if command_flow is not None:
            if not self._visible(command_flow, ctx):
                managers = command_flow.for_managers
                ctx.say(ctx.t("common.managers_only" if managers else "common.customers_only"))
                await self._reask(ctx)
                return
            await command_flow.on_command(ctx, name, argument)
            return
        if name in ("/start", "/menu"):
            ctx.finish()
            if name == "/start":
                ctx.say(ctx.t("common.welcome"))
            await self._menu(ctx)
        elif name == "/help":
            await self._help(ctx)
        elif name == "/cancel":
            was_in_flow = ctx.flow_name is not None
            ctx.finish()
            ctx.say(ctx.t("common.cancelled" if was_in_flow else "common.nothing_to_cancel"))
            await self._menu(ctx)
        elif name == "/language":
            self._language_menu(ctx)
        else:
            ctx.say(ctx.t("common.unknown_command", command=name))
            await self._reask(ctx)

    async def _button(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        if payload.action == "menu":
            ctx.finish()
            await self._menu(ctx)
            return
        if payload.action == "help":
            await self._help(ctx)
            return
        if payload.action == "lang":
            await self._set_language(ctx, payload)
            return
        if payload.action == "go":
            flow = self.flows.get(payload.args[0]) if payload.args else None
            if flow is None or not self._visible(flow, ctx):
                ctx.say(ctx.t("common.bad_button"))
                await self._menu(ctx)
                return
            await ctx.start_flow(flow, payload)
            return
        owner = payload.action.split(".", 1)[0]
        global_flow = self.flows.get(owner)
        if global_flow is not None and global_flow.global_actions:
            if not self._visible(global_flow, ctx):
                log.warning("%s pressed %s without the right", message.user_id, payload.action)
                ctx.say(
                    ctx.t(
                        "common.managers_only"
                        if global_flow.for_managers
                        else "common.customers_only"
                    )
                )
                await self._reask(ctx)
                return
            await global_flow.on_global(ctx, payload, message)
            return
        if ctx.flow is None or owner != ctx.flow_name:
            ctx.say(ctx.t("common.stale_button"))
            await self._reask(ctx)
            return
        await self._step(ctx, message, payload)

    async def _step(self, ctx: Context, message: Incoming, payload: Payload | None) -> None:
        assert ctx.flow is not None and ctx.step is not None
        step = ctx.step
        if not await ctx.flow.handle(ctx, step, message, payload):
            ctx.say(ctx.t(ctx.flow.hint_key(ctx, step)))
            await ctx.flow.ask(ctx, step)

    async def _reask(self, ctx: Context) -> None:
        """After refusing input: repeat the current question, or show the menu."""
        if ctx.flow is not None and ctx.step is not None:
            await ctx.flow.ask(ctx, ctx.step)
        else:
            await self._menu(ctx)

    # -- menu and language -------------------------------------------------------------

    def _visible(self, flow: Flow, ctx: Context) -> bool:
        return flow.for_managers is None or flow.for_managers == ctx.is_manager

    async def _menu(self, ctx: Context) -> None:
        shown = [
            (flow, await flow.in_menu_if_room(ctx))
            for flow in self.flows.values()
            if flow.menu_label and self._visible(flow, ctx) and await flow.in_menu(ctx)
        ]
        room = MENU_ROOM - sum(1 for _, if_room in shown if not if_room)
        listed = []
        for flow, if_room in shown:
            if if_room:
                if room <= 0:
                    continue
                room -= 1
            assert flow.menu_label is not None
            listed.append(ctx.button(flow.menu_label, "go", flow.name))
        settings_row = (ctx.button("menu.language", "lang"), ctx.button("menu.help", "help"))
        title = "menu.title_manager" if ctx.is_manager else "menu.title"
        ctx.say(ctx.t(title), keyboard(*listed, settings_row))

    async def _help(self, ctx: Context) -> None:
        """What the bot does here (this vendor's services only), its commands and the
        vendor's other contact channels."""
        services = [
            ctx.t(f"common.help_{flow.name}")
            for flow in self.flows.values()
            if flow.menu_label
            and self._visible(flow, ctx)
            and ctx.t.has(f"common.help_{flow.name}")
        ]
        lines = [ctx.t("common.help_intro"), *services] if services else []
        lines.append(ctx.t("common.help_commands"))
        contacts = self.policy.contacts
        channels = [
            ctx.t(f"common.contact_{kind}", value=value) for kind, value in contacts.listed()
        ]
        if not contacts.phone_support:
            channels.append(ctx.t("common.contact_no_phone"))
        if channels:
            lines += [ctx.t("common.help_contacts"), *channels]
        ctx.say("\n".join(lines), (ctx.menu_row(),))

    def _language_menu(self, ctx: Context) -> None:
        buttons = tuple(
            Button(texts(code)("language.name"), encode("lang", code)) for code in LANGUAGES
        )
        ctx.say(ctx.t("language.choose"), (buttons,))

    async def _set_language(self, ctx: Context, payload: Payload) -> None:
        if not payload.args:
            self._language_menu(ctx)
            return
        code = payload.args[0]
        if code not in LANGUAGES:
            ctx.say(ctx.t("common.bad_button"))
            self._language_menu(ctx)
            return
        await accounts.set_language(ctx.unit, ctx.account.id, code)
        ctx.account = replace(ctx.account, language=code)
        ctx.say(ctx.t("language.changed"))
        await self._reask(ctx)


__all__ = ["ConversationState", "Engine", "system_clock"]
