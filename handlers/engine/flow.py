"""What a conversation is made of: the per-step :class:`Context` and the :class:`Flow` base.

A flow is an explicit state machine. It declares its steps in its class body
(``phone = Step()``, :mod:`handlers.engine.steps`), and each step ``x`` has ``ask_x`` (render the
question) and ``on_x`` (take the answer; return False when the input is not what the step
expects, and the engine answers with the step's hint and asks again). A flow moves with
``ctx.go(self.x)``; the engine checks every flow's steps when it is built
(:meth:`Flow.check`). Flows never touch a messenger and never write SQL: they call
repositories with ``ctx.unit``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from handlers.engine.messages import Button, Incoming, Keyboard, Reply, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.steps import FlowError, Step, declared_steps, definition_problems
from handlers.engine.stored import Stored
from handlers.i18n import Texts, texts
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage import outbox
from storage.db import Database, Unit
from storage.models import Account, ConversationState, Platform, Request

#: A flow's typed record of what it holds between steps.
D = TypeVar("D", bound=Stored)

if TYPE_CHECKING:
    from handlers.desk.manager_desk import ManagerDesk

#: Work that must run after the step's unit of work has committed (see Context.after_commit).
Job = Callable[[Database], Awaitable[None]]


@dataclass
class Context:
    """Everything one step may use; the engine builds it, commits what it wrote."""

    unit: Unit
    policy: Policy
    desk: ManagerDesk
    incoming: Incoming
    account: Account
    flow_name: str | None
    step: str | None
    data: dict[str, Any]
    now: datetime
    replies: list[Reply] = field(default_factory=list)
    flow: Flow | None = None
    flows: Mapping[str, Flow] = field(default_factory=dict)
    jobs: list[Job] = field(default_factory=list)

    @property
    def t(self) -> Texts:
        return texts(self.account.language)

    @property
    def today(self) -> date:
        return local_today(self.now, self.policy)

    @property
    def customer_id(self) -> int | None:
        return self.account.customer_id

    @property
    def is_manager(self) -> bool:
        return self.incoming.from_manager

    def button(self, label_key: str, action: str, *args: str | int, **values: Any) -> Button:
        return Button(self.t(label_key, **values), encode(action, *args))

    def say(
        self,
        text: str,
        buttons: Keyboard = (),
        *,
        request_contact: bool = False,
        expects_number: bool = False,
    ) -> None:
        self.replies.append(
            Reply(text, buttons, request_contact=request_contact, expects_number=expects_number)
        )

    def menu_row(self) -> tuple[Button, ...]:
        return (self.button("common.to_menu", "menu"),)

    async def go(self, step: Step) -> None:
        """Move the flow to ``step`` (one of its declared steps) and ask its question."""
        flow = self._flow_of(step)
        self.step = step.name
        await flow.ask(self, step.name)

    def resume_at(self, step: Step) -> None:
        """Put the chat at ``step`` without asking its question: the next input is that
        step's answer (for when the question was just put in other words)."""
        self._flow_of(step)
        self.step = step.name

    def _flow_of(self, step: Step) -> Flow:
        assert self.flow is not None, "go() outside a flow"
        if self.flow.steps.get(step.name) is not step:
            raise FlowError(f"flow {self.flow.name!r} has no step {step!r}")
        return self.flow

    async def start_flow(self, flow: Flow, payload: Payload | None = None) -> None:
        """Leave whatever the chat was doing and begin ``flow``."""
        self.finish()
        self.flow_name, self.flow = flow.name, flow
        await flow.begin(self, payload or Payload("go", (flow.name,)))

    def finish(self) -> None:
        """End the flow: the chat is back at the main menu."""
        self.flow_name, self.step, self.data = None, None, {}

    def read(self, kind: type[D]) -> D:
        """What the flow holds between its steps, as its typed record
        (:class:`~handlers.engine.stored.Stored`; a chat saved by an older version loads)."""
        return kind.from_stored(self.data)

    def keep(self, data: Stored) -> None:
        """Hold ``data`` for the flow's next steps (saved with the chat's state)."""
        self.data = data.to_stored()

    def after_commit(self, job: Job) -> None:
        """Run ``job(db)`` once this step's unit of work has committed, outside it.

        For work that opens units of its own (CSV import, export): inside the step it would
        wait forever for the database lock the step holds. The job runs only if the step
        committed; it may add replies (``ctx.say``) but must not touch ``ctx.unit``.
        """
        self.jobs.append(job)

    def state(self) -> ConversationState:
        return ConversationState(self.flow_name, self.step, self.data)

    async def queue(
        self,
        platform: Platform,
        chat_id: str,
        text: str,
        buttons: Keyboard = (),
        *,
        request_id: int | None = None,
        dedupe_key: str | None = None,
    ) -> int | None:
        """Queue a message to someone other than the person being answered.

        It is written to the outbox in this step's unit of work, so it is sent if and only
        if the change that caused it is committed.
        """
        return await outbox.enqueue(
            self.unit,
            platform,
            chat_id,
            text,
            buttons=[[(b.label, b.payload) for b in row] for row in buttons],
            now=self.now,
            request_id=request_id,
            dedupe_key=dedupe_key,
        )

    async def notify_managers(
        self,
        render: Callable[[Texts], str],
        *,
        request_id: int | None,
        buttons: Callable[[Texts], Keyboard] | None = None,
    ) -> None:
        """Queue a message to every manager destination, rendered in its language."""
        for destination in self.desk.destinations:
            t = texts(destination.language)
            await self.queue(
                destination.platform,
                destination.chat_id,
                render(t),
                buttons(t) if buttons else (),
                request_id=request_id,
            )

    async def queue_to_account(
        self,
        account: Account,
        render: Callable[[Texts], str],
        buttons: Keyboard = (),
        *,
        request_id: int | None = None,
        dedupe_key: str | None = None,
    ) -> int | None:
        """Queue a message to a person's private chat, rendered in their language."""
        return await self.queue(
            account.platform,
            account.user_id,
            render(texts(account.language)),
            buttons,
            request_id=request_id,
            dedupe_key=dedupe_key,
        )

    def money(self, amount: Decimal) -> str:
        return self.t.money(amount)


class Flow:
    """Base of every conversation; subclasses set ``name``, declare their steps
    (``phone = Step()``) and define each step's ask_/on_ pair."""

    name: ClassVar[str]
    #: The declared steps by name, the class's own and its bases' (set for each subclass).
    steps: ClassVar[Mapping[str, Step]] = MappingProxyType({})
    #: Label key of the main-menu button that starts the flow (None: not in the menu).
    menu_label: ClassVar[str | None] = None
    #: The vendor's service this flow belongs to (:class:`handlers.policy.Services`); a
    #: vendor that does not offer it has no such flow at all. None: every vendor has it.
    service: ClassVar[str | None] = None
    #: Shown to managers only (True), customers only (False), or both (None).
    for_managers: ClassVar[bool | None] = False
    #: Commands that start or drive this flow, e.g. ``("/invite",)``.
    commands: ClassVar[tuple[str, ...]] = ()
    #: True: the flow's buttons work whatever the chat is doing (manager cards, ratings);
    #: they go to :meth:`on_global` and must check everything they need themselves.
    global_actions: ClassVar[bool] = False
    #: Names the flow had before (:class:`Flows`): a conversation saved and the buttons sent
    #: under such a name keep working after a rename.
    former_names: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.steps = MappingProxyType(declared_steps(cls)[0])

    @classmethod
    def check(cls) -> None:
        """Raise :class:`~handlers.engine.steps.FlowError`, naming the flow and the step, when the
        declared steps and the code disagree (:func:`~handlers.engine.steps.definition_problems`):
        the engine runs it for every flow it is built with."""
        problems = definition_problems(cls, Flow)
        if problems:
            name = getattr(cls, "name", "?")
            raise FlowError(f"flow {name!r} ({cls.__qualname__}): " + "; ".join(problems))

    async def begin(self, ctx: Context, payload: Payload) -> None:
        raise NotImplementedError

    async def on_reopen(self, ctx: Context) -> None:
        """The person opens the chat again (the console at start): say what waits for
        them here, if anything (the desk: the requests waiting for this manager)."""

    async def in_menu(self, ctx: Context) -> bool:
        """Whether the main menu shows this flow's button to this person now (it still
        starts from a button or command either way); a flow hides itself where it has
        nothing to offer, so the menu fits VK's ten buttons."""
        return True

    async def in_menu_if_room(self, ctx: Context) -> bool:
        """Whether the flow's button, when :meth:`in_menu` shows it, is listed only while the
        main menu has room for it (VK's ten buttons, :data:`handlers.engine.dispatcher.
        MENU_ROOM`): something this person may look at, not something they came to do. It
        still starts from a command, a typed question's offer or another flow's button."""
        return False

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        """One of :attr:`commands` was sent; by default it starts the flow."""
        await ctx.start_flow(self)

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        """A button of this flow pressed in any state (only with :attr:`global_actions`)."""
        raise NotImplementedError

    async def on_start_argument(self, ctx: Context, argument: str) -> bool:
        """``/start ARGUMENT`` from a deep link; True when this flow took it."""
        return False

    async def screen(self, ctx: Context, message: Incoming) -> bool:
        """Take a message before anything else sees it (a blocked person's,
        docs/rules.md#blocking); True when this flow took it. Only flows that define it are
        asked, in order, before commands, buttons and steps, whoever writes (managers
        included: the flow decides)."""
        return False

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        """Input while the chat is in no flow (a contact, a file, a follow-up text).

        Return True when this flow took it; the engine asks every visible flow in order and
        falls back to "use the menu".
        """
        return False

    async def on_upload_refused(self, ctx: Context, request: Request, role: str) -> Keyboard:
        """A file recorded on ``request`` under ``role`` was refused once its bytes were in
        and is no longer on it (:func:`handlers.engine.attachments.refuse_downloaded`; ``ctx`` is
        the sender's, outside any conversation step): undo what counting the file did.
        Returns buttons for the customer's answer; every flow is asked, most do nothing.
        """
        return ()

    async def on_request_done(self, ctx: Context, request: Request) -> None:
        """A manager marked ``request`` done (``ctx`` is the manager's, in the same unit of
        work, before the customer is told and the card is sent again): carry out what done
        means for a request this flow files (a protection order done connects the key's
        service). Every flow is asked, most do nothing."""

    async def ask(self, ctx: Context, step: str) -> None:
        await getattr(self, f"ask_{step}")(ctx)

    async def handle(
        self, ctx: Context, step: str, message: Incoming, payload: Payload | None
    ) -> bool:
        handler = getattr(self, f"on_{step}", None)
        if handler is None:
            return False
        return bool(await handler(ctx, message, payload))

    def hint_key(self, ctx: Context, step: str) -> str:
        key = f"{self.name}.{step}_hint"
        return key if ctx.t.has(key) else "common.unexpected"


class Flows(Mapping[str, Flow]):
    """The flows by name, in the order given (the main-menu order).

    A name a flow had before (:attr:`Flow.former_names`) still finds it, so a chat whose
    saved state or whose buttons carry the old name goes on where it was; iterating gives
    the current names only. Two flows claiming one name, old or new, stop the start.
    """

    def __init__(self, flows: Iterable[Flow]) -> None:
        self._by_name: dict[str, Flow] = {}
        self._renamed: dict[str, str] = {}
        listed = list(flows)
        for flow in listed:
            if flow.name in self._by_name:
                raise FlowError(f"flow name {flow.name!r} is claimed twice")
            self._by_name[flow.name] = flow
        for flow in listed:
            for former in flow.former_names:
                if former in self._by_name or former in self._renamed:
                    raise FlowError(f"flow {flow.name!r}: former name {former!r} is taken")
                self._renamed[former] = flow.name

    def current(self, name: str) -> str:
        """The flow's name now, for a name it may have had before."""
        return self._renamed.get(name, name)

    def current_payload(self, payload: Payload) -> Payload:
        """A button sent before a rename, as the flow reads it now: ``keyloss.key`` →
        ``key_loss.key``, ``go:keyloss`` → ``go:key_loss``."""
        owner, dot, rest = payload.action.partition(".")
        if dot and owner in self._renamed:
            return Payload(f"{self._renamed[owner]}.{rest}", payload.args)
        if payload.action == "go" and payload.args and payload.args[0] in self._renamed:
            return Payload("go", (self._renamed[payload.args[0]], *payload.args[1:]))
        return payload

    def __getitem__(self, name: str) -> Flow:
        return self._by_name[self.current(name)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)


__all__ = ["Context", "Flow", "FlowError", "Flows", "Platform", "Step", "keyboard"]
