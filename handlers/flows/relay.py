"""A customer's follow-ups reach the thread of their request (docs/rules.md#managers).

A customer writes to an open request in two ways:

* presses "Reply" under a manager's answer (``relay.to:<request>``): the next message,
  text or a file, belongs to that request;
* simply writes while in no conversation (:meth:`RelayFlow.on_idle`): with one open
  request it goes there at once; with several the bot asks which one (the message waits
  in the chat's state); with none the engine answers "use the menu".

The message reaches every manager destination ("Customer's message on request N") with
Reply and Done buttons, is recorded in the request's history, and files are recorded as
attachments of the request (checked like any upload). A request waiting for the customer
goes back into work. Managers' answers come the other way in :mod:`handlers.desk.desk_actions`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from handlers.desk.cards import RequestDetails, who_text
from handlers.engine.attachments import FileKind, accept_attachment, problem_text, upload_problem
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Attachment, Button, Incoming, Keyboard, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.i18n import Texts, texts
from storage import requests
from storage.models import OPEN_STATUSES, Account, Request, RequestStatus

#: The customer's "Reply" button under a manager's answer.
REPLY_ACTION = "relay.to"
#: How many open requests the "which request?" question lists (VK: ≤ 10 inline buttons).
PICK_LIMIT = 9
#: The role of a follow-up file among the request's attachments.
FOLLOW_UP_ROLE = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingMessage(Stored):
    """A message written while idle, waiting for the customer to pick its request."""

    text: str = ""
    files: tuple[tuple[Any, ...], ...] = ()
    """Its files, each ``[file_id, name, size, mime]``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RelayData(Stored):
    """What the relay holds: the request "Reply" was pressed for, or a message waiting
    for its request to be picked."""

    request_id: int | None = None
    pending: PendingMessage | None = None


def reply_keyboard(customer: Account, request_id: int) -> Keyboard:
    """The "Reply" button for a message to ``customer`` about ``request_id``."""
    t = texts(customer.language)
    return ((Button(t("relay.reply"), encode(REPLY_ACTION, request_id)),),)


def _manager_buttons(request_id: int) -> Callable[[Texts], Keyboard]:
    def render(t: Texts) -> Keyboard:
        return (
            (
                Button(t("desk.reply"), encode("desk_actions.reply", request_id)),
                Button(t("desk.done"), encode("desk_actions.done", request_id)),
            ),
        )

    return render


def _files_to_data(files: Sequence[Attachment]) -> tuple[tuple[Any, ...], ...]:
    return tuple((f.file_id, f.name, f.size, f.mime) for f in files)


def _files_from_data(data: Sequence[Sequence[Any]]) -> list[Attachment]:
    return [Attachment(str(i), str(n), int(s), str(m)) for i, n, s, m in data]


async def forward(ctx: Context, request: Request, text: str, files: Sequence[Attachment]) -> None:
    """Pass a customer's follow-up to the managers; ``request`` is open and theirs, the
    files already checked, and the unit's write transaction begun."""
    if request.status is RequestStatus.WAITING_CUSTOMER:
        await requests.set_status(
            ctx.unit, request.id, RequestStatus.IN_WORK, actor="customer", now=ctx.now
        )
    for attachment in files:
        await accept_attachment(
            ctx, attachment, request_id=request.id, role=FOLLOW_UP_ROLE, kind=FileKind.DOCUMENT
        )
    names = ", ".join(f.name for f in files)
    note = "\n".join(part for part in (text, f"[{names}]" if names else "") if part)
    await requests.add_note(ctx.unit, request.id, actor="customer", note=note, now=ctx.now)
    who = RequestDetails.from_stored(request.details).who

    def render(t: Texts) -> str:
        lines = [t("relay.to_managers", number=request.id, who=who_text(t, who))]
        if text:
            lines.append(text)
        if files:
            lines.append(t("relay.files_line", count=len(files), names=names))
        return "\n".join(lines)

    await ctx.notify_managers(render, request_id=request.id, buttons=_manager_buttons(request.id))
    ctx.say(ctx.t("relay.sent", number=request.id), (ctx.menu_row(),))


class RelayFlow(Flow):
    name = "relay"
    for_managers = False
    global_actions = True

    message = Step()
    pick = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        ctx.say(ctx.t("relay.how_to"), (ctx.menu_row(),))

    # -- the customer's own request -------------------------------------------------------

    async def _own_open(self, ctx: Context, payload: Payload, *, for_write: bool) -> Request | None:
        """The open request of this customer a button names; otherwise say why not."""
        request_id = payload.optional_int(0)
        if request_id is None or len(payload.args) != 1:
            ctx.say(ctx.t("common.bad_button"))
            return None
        if for_write:
            await ctx.unit.begin()  # what is read here decides what is written
        return self._still_open(ctx, await requests.get(ctx.unit, request_id))

    def _still_open(self, ctx: Context, request: Request | None) -> Request | None:
        """The request if it is this customer's and still open; otherwise say why not."""
        if request is None or request.account_id != ctx.account.id:
            ctx.say(ctx.t("relay.not_yours"))
            return None
        if request.status not in OPEN_STATUSES:
            ctx.say(ctx.t("relay.closed", number=request.id), (ctx.menu_row(),))
            return None
        return request

    def _enter(self, ctx: Context, data: RelayData) -> None:
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        ctx.keep(data)

    def _file_problems(self, ctx: Context, files: Sequence[Attachment]) -> bool:
        """Say what is wrong with the first bad file; True when there is one."""
        for attachment in files:
            problem = upload_problem(ctx, attachment, FileKind.DOCUMENT)
            if problem is not None:
                ctx.say(problem_text(ctx, problem, FileKind.DOCUMENT))
                return True
        return False

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        if payload.action == REPLY_ACTION:
            request = await self._own_open(ctx, payload, for_write=False)
            if request is not None:
                self._enter(ctx, RelayData(request_id=request.id))
                await ctx.go(self.message)
            return
        if payload.action == "relay.pick":
            pending = ctx.read(RelayData).pending if ctx.flow_name == self.name else None
            if ctx.step != self.pick.name or pending is None:
                ctx.say(ctx.t("common.stale_button"))
                return
            request = await self._own_open(ctx, payload, for_write=True)
            if request is None:
                await ctx.go(self.pick)
                return
            ctx.finish()
            await forward(ctx, request, pending.text, _files_from_data(pending.files))
            return
        ctx.say(ctx.t("common.bad_button"))

    # -- after "Reply": the next message ------------------------------------------------

    async def ask_message(self, ctx: Context) -> None:
        request_id = ctx.read(RelayData).request_id
        if request_id is None:  # a state without its request: nothing to write to
            ctx.finish()
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            return
        ctx.say(ctx.t("relay.ask_message", number=request_id))

    async def on_message(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        text, files = msg.text.strip(), list(msg.attachments)
        if payload is not None or msg.contact is not None or not (text or files):
            return False
        if self._file_problems(ctx, files):
            return True  # the chat stays at the step: another file may follow
        await ctx.unit.begin()
        request_id = ctx.read(RelayData).request_id
        request = await requests.get(ctx.unit, request_id) if request_id is not None else None
        ctx.finish()
        request = self._still_open(ctx, request)
        if request is not None:
            await forward(ctx, request, text, files)
        return True

    # -- written while in no conversation -----------------------------------------------

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        text, files = message.text.strip(), list(message.attachments)
        if message.contact is not None or not (text or files):
            return False
        own = await requests.of_account(ctx.unit, ctx.account.id, open_only=True)
        if not own:
            return False
        if self._file_problems(ctx, files):
            return True
        await ctx.unit.begin()
        if len(own) == 1:
            await forward(ctx, own[0], text, files)
            return True
        self._enter(ctx, RelayData(pending=PendingMessage(text=text, files=_files_to_data(files))))
        await ctx.go(self.pick)
        return True

    async def ask_pick(self, ctx: Context) -> None:
        own = await requests.of_account(ctx.unit, ctx.account.id, open_only=True, limit=PICK_LIMIT)
        requests_listed = (
            ctx.button(
                "relay.pick_button",
                "relay.pick",
                request.id,
                number=request.id,
                kind=ctx.t(f"desk.kind_{request.kind.value}"),
                status=ctx.t(f"desk.status_{request.status.value}"),
            )
            for request in own
        )
        ctx.say(ctx.t("relay.pick"), keyboard(*requests_listed, ctx.menu_row()))

    async def on_pick(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return False  # the buttons come through on_global; text is not an answer here
