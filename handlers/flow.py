"""What a conversation is made of: the per-step :class:`Context` and the :class:`Flow` base.

A flow is an explicit state machine. Each step ``x`` has ``ask_x`` (render the question)
and ``on_x`` (take the answer; return False when the input is not what the step expects,
and the engine answers with the step's hint and asks again). Flows never touch a messenger
and never write SQL: they call repositories with ``ctx.unit``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from handlers.i18n import Texts, texts
from handlers.messages import Button, Incoming, Keyboard, Reply, keyboard
from handlers.payloads import Payload, encode
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage import outbox
from storage.db import Unit
from storage.models import Account, ConversationState, Platform

if TYPE_CHECKING:
    from handlers.desk import ManagerDesk


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

    def say(self, text: str, buttons: Keyboard = (), *, request_contact: bool = False) -> None:
        self.replies.append(Reply(text, buttons, request_contact=request_contact))

    def menu_row(self) -> tuple[Button, ...]:
        return (self.button("common.to_menu", "menu"),)

    async def go(self, step: str) -> None:
        """Move the flow to ``step`` and ask its question."""
        assert self.flow is not None, "go() outside a flow"
        self.step = step
        await self.flow.ask(self, step)

    def finish(self) -> None:
        """End the flow: the chat is back at the main menu."""
        self.flow_name, self.step, self.data = None, None, {}

    def state(self) -> ConversationState:
        return ConversationState(self.flow_name, self.step, self.data)

    async def notify_managers(
        self,
        render: Callable[[Texts], str],
        *,
        request_id: int | None,
        buttons: Keyboard = (),
    ) -> None:
        """Queue a message to every manager destination, rendered in its language.

        It is written to the outbox in this step's unit of work, so it is sent if and only
        if the change that caused it is committed.
        """
        for destination in self.desk.destinations:
            await outbox.enqueue(
                self.unit,
                destination.platform,
                destination.chat_id,
                render(texts(destination.language)),
                buttons=[[(b.label, b.payload) for b in row] for row in buttons],
                now=self.now,
                request_id=request_id,
            )

    def money(self, amount: Decimal) -> str:
        return self.t.money(amount)


class Flow:
    """Base of every conversation; subclasses set ``name`` and define ask_/on_ pairs."""

    name: ClassVar[str]
    #: Label key of the main-menu button that starts the flow (None: not in the menu).
    menu_label: ClassVar[str | None] = None
    #: Shown to managers only (True), customers only (False), or both (None).
    for_managers: ClassVar[bool | None] = False

    async def begin(self, ctx: Context, payload: Payload) -> None:
        raise NotImplementedError

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


__all__ = ["Context", "Flow", "Platform", "keyboard"]
