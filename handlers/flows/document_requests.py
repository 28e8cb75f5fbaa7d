"""A request that waits for documents (docs/rules.md#replacement-with-documents,
docs/rules.md#license-transfer): what key loss and transfer share.

Such a request is filed at once, before the scans are in, so managers see it and the
documents reminder finds it; a customer who leaves midway never leaves something nobody
knows about. The bot then asks the documents the request needs, one file per message,
records each with :func:`~handlers.engine.attachments.accept_attachment`, and once everything is
in the request becomes new and the managers get the completed card.

A customer may stop ("I'll send them later") and come back from the flow's menu item or
from the ``go:<flow>:docs:<request>`` button, which works from any chat state: the flow
lists the unfinished requests with what each still misses and continues the one chosen.
Every id in such a button is re-checked: only this person's open, unfinished request of the
flow's kind is continued.

A document is checked by its content only once the channel has downloaded it, after the
step that took it: when it is refused then (:func:`handlers.engine.attachments.refuse_downloaded`)
the request waits for it again, even a request it had completed and handed to the managers
(:meth:`DocumentRequestFlow.on_upload_refused`).

A flow built on :class:`DocumentRequestFlow` names its catalogue keys after itself
(``<flow>.resume_title``, ``<flow>.continue_button``, ``<flow>.later`` …) and supplies the
parts that differ: the line describing an unfinished request, where continuing goes and the
request's card.

What the chat holds between steps is the flow's record, a :class:`DocumentRequestData`
(the request it completes); what the request records is a :class:`DocumentRequestDetails`
of the flow's own kind (:attr:`DocumentRequestFlow.details_record`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

from handlers.desk.cards import CardLine, send_card
from handlers.engine.attachments import FileKind, accept_attachment, problem_text
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming, Keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.i18n import Texts
from storage import requests
from storage.models import OPEN_STATUSES, Request, RequestKind, RequestStatus

#: ``details["awaiting"]`` of a request still waiting for the customer's documents.
AWAITING_DOCUMENTS = "documents"


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRequestData(Stored):
    """What a document flow's chat holds: the request it completes once filed (a flow's
    own record adds what its steps collect)."""

    request_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRequestDetails(Stored):
    """What every request waiting for documents records (a flow's own record adds the
    rest); ``card`` and ``who`` stay as :func:`~handlers.desk.cards.file_request` wrote them."""

    awaiting: str | None = None
    """What the request still waits for from the customer (None: nothing)."""


#: A flow's own record of its requests' details.
R = TypeVar("R", bound=DocumentRequestDetails)


def stored_with_card(details: Stored, card: list[CardLine]) -> dict[str, Any]:
    """The details to store: the record, and the card rebuilt from it."""
    stored = details.to_stored()
    stored["card"] = [[key, values] for key, values in card]
    return stored


class Document(NamedTuple):
    """One document a request waits for."""

    role: str
    """The attachment role it is recorded under."""
    step: Step
    """The flow's step that asks for it."""
    name_key: str
    """Catalogue key naming it in "still missing: …"."""


def send_documents_button(t: Texts, flow: str, request_id: int) -> Button:
    """Brings the customer back to the request's missing part from any chat state
    (``go:<flow>:docs:<request>``; reminders and "my requests" may show it too)."""
    return Button(
        t(f"{flow}.continue_button", number=request_id), encode("go", flow, "docs", request_id)
    )


def continue_argument(payload: Payload) -> int | None:
    """``go:<flow>:docs:<request>`` → the request number (None for any other start)."""
    if payload.action == "go" and len(payload.args) == 3 and payload.args[1] == "docs":
        return payload.optional_int(2)
    return None


async def roles_in(ctx: Context, request_id: int) -> set[str]:
    """The roles of the files already recorded on the request."""
    return {a.role for a in await requests.attachments(ctx.unit, request_id)}


async def hand_over(
    ctx: Context,
    request: Request,
    details: DocumentRequestDetails,
    card: list[CardLine],
    *,
    waiting: RequestStatus,
) -> None:
    """Store what was collected and the completed card; a request still ``waiting`` for
    the customer becomes new, and the managers get the card."""
    await requests.set_details(ctx.unit, request.id, stored_with_card(details, card), ctx.now)
    if request.status is waiting:
        await requests.set_status(
            ctx.unit, request.id, RequestStatus.NEW, actor="customer", now=ctx.now
        )
    await send_card(ctx, request.id)


class DocumentRequestFlow(Flow, Generic[R]):
    """A customer flow whose request waits for documents; see the module's docstring."""

    #: The record of the details its requests keep.
    details_record: type[R]
    #: The kind of request the flow files.
    request_kind: ClassVar[RequestKind]
    #: ``details["awaiting"]`` values meaning the request still waits for the customer.
    awaiting: ClassVar[frozenset[str]] = frozenset({AWAITING_DOCUMENTS})
    #: The documents the request needs, in the order they are asked.
    documents: ClassVar[tuple[Document, ...]]
    #: Where a new request starts (one of the flow's steps).
    first_step: ClassVar[Step]
    #: Label key and action of the "a new request instead" button under the unfinished ones.
    new_request_button: ClassVar[tuple[str, str]]
    #: Catalogue key saying one file was received (``document``, ``name``).
    received_key: ClassVar[str]

    #: The unfinished requests to continue, or a new one.
    resume = Step()

    # -- what a flow supplies -------------------------------------------------------------

    async def resume_line(self, ctx: Context, request: Request) -> str:
        """One unfinished request in the list offered to continue."""
        raise NotImplementedError

    async def continue_request(self, ctx: Context, request: Request) -> None:
        """Take up ``request`` (this person's, open, unfinished) where it stopped."""
        raise NotImplementedError

    def request_card(self, details: R) -> list[CardLine]:
        """The card lines of a request of this kind, from what it records."""
        raise NotImplementedError

    def details_of(self, stored: Mapping[str, Any]) -> R:
        """A request's details (as stored) as this flow's record."""
        return self.details_record.from_stored(stored)

    # -- a document refused after it was counted ------------------------------------------

    async def on_upload_refused(self, ctx: Context, request: Request, role: str) -> Keyboard:
        """One of this flow's documents was refused by its content once downloaded (the
        step that took it may already have handed the request over): an open request
        missing it waits for documents again, and the managers get its card as it now is.
        The answer carries the button to send it while the request waits for documents."""
        if request.kind is not self.request_kind or request.status not in OPEN_STATUSES:
            return ()
        if role not in {doc.role for doc in self.documents}:
            return ()
        details = self.details_of(request.details)
        awaiting = details.awaiting
        if awaiting is None and role not in await roles_in(ctx, request.id):
            awaiting = AWAITING_DOCUMENTS
            details = replace(details, awaiting=awaiting)
            stored = stored_with_card(details, self.request_card(details))
            await requests.set_details(ctx.unit, request.id, stored, ctx.now)
            if request.status is not RequestStatus.WAITING_DOCUMENTS:
                await requests.set_status(
                    ctx.unit,
                    request.id,
                    RequestStatus.WAITING_DOCUMENTS,
                    actor="system",
                    now=ctx.now,
                )
            await send_card(ctx, request.id)
        if awaiting != AWAITING_DOCUMENTS:
            return ()
        return ((send_documents_button(ctx.t, self.name, request.id),),)

    # -- coming back to an unfinished request -----------------------------------------

    async def continue_or_start(self, ctx: Context, payload: Payload) -> None:
        """The request a ``go:<flow>:docs:<n>`` button names; else the unfinished ones to
        choose from; else a new request."""
        ctx.keep(DocumentRequestData())
        unfinished = await self.unfinished(ctx)
        wanted = continue_argument(payload)
        if wanted is not None:
            request = next((r for r in unfinished if r.id == wanted), None)
            if request is not None:
                await self.continue_request(ctx, request)
                return
            ctx.say(ctx.t(f"{self.name}.nothing_to_continue", number=wanted))
        if unfinished:
            await ctx.go(self.resume)
            return
        await ctx.go(self.first_step)

    async def unfinished(self, ctx: Context) -> list[Request]:
        """The person's open requests of this kind still waiting for something from them."""
        return [
            request
            for request in await requests.of_account(ctx.unit, ctx.account.id, open_only=True)
            if request.kind is self.request_kind
            and self.details_of(request.details).awaiting in self.awaiting
        ]

    async def ask_resume(self, ctx: Context) -> None:
        unfinished = await self.unfinished(ctx)
        if not unfinished:
            await ctx.go(self.first_step)
            return
        lines = [ctx.t(f"{self.name}.resume_title")]
        rows: list[tuple[Button, ...]] = []
        for request in unfinished:
            lines.append(await self.resume_line(ctx, request))
            rows.append(
                (
                    ctx.button(
                        f"{self.name}.continue_button",
                        f"{self.name}.docs",
                        request.id,
                        number=request.id,
                    ),
                )
            )
        label, action = self.new_request_button
        rows.append((ctx.button(label, action),))
        rows.append(ctx.menu_row())
        ctx.say("\n".join(lines), tuple(rows))

    async def on_resume(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == self.new_request_button[1]:
            await ctx.go(self.first_step)
            return True
        if payload.action != f"{self.name}.docs":
            return False
        wanted = payload.optional_int(0)
        request = next((r for r in await self.unfinished(ctx) if r.id == wanted), None)
        if request is None:
            ctx.say(ctx.t(f"{self.name}.nothing_to_continue", number=wanted or "—"))
            await ctx.go(self.resume)
            return True
        await self.continue_request(ctx, request)
        return True

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        """A file sent outside any conversation by someone whose one request of this kind
        waits for documents (as the reminder invites): it is taken as the next document.

        With several such requests the file is not guessed at: the relay takes it and the
        person can continue a request with its button.
        """
        if not message.attachments:
            return False
        waiting = [
            request
            for request in await self.unfinished(ctx)
            if self.details_of(request.details).awaiting == AWAITING_DOCUMENTS
        ]
        if len(waiting) != 1:
            return False
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        said = len(ctx.replies)
        await self.continue_request(ctx, waiting[0])
        # The file answers the question continue_request just asked: do not ask it first.
        del ctx.replies[said:]
        step = ctx.step
        if step is not None and not await self.handle(ctx, step, message, None):
            ctx.say(ctx.t(self.hint_key(ctx, step)))
            await self.ask(ctx, step)
        return True

    # -- which documents ----------------------------------------------------------------

    async def missing_names(self, ctx: Context, request_id: int) -> list[str]:
        """The documents not yet received, named for "still missing: …"."""
        have = await roles_in(ctx, request_id)
        return [ctx.t(doc.name_key) for doc in self.documents if doc.role not in have]

    def next_document_step(self, have: set[str]) -> Step | None:
        """The step asking the first document not yet received (None: all are in)."""
        return next((doc.step for doc in self.documents if doc.role not in have), None)

    # -- collecting the files -----------------------------------------------------------

    def later_row(self, ctx: Context) -> Keyboard:
        """ "I'll send them later" and the menu, under every question asking for a file."""
        return ((ctx.button(f"{self.name}.later", f"{self.name}.later"),), ctx.menu_row())

    def later(self, ctx: Context, payload: Payload) -> bool:
        """The "later" button: the request keeps waiting (the reminder will come); the
        answer carries the button to continue. Any other button is not this step's."""
        if payload.action != f"{self.name}.later":
            return False
        number = ctx.read(DocumentRequestData).request_id
        if number is not None:
            ctx.say(
                ctx.t(
                    f"{self.name}.later_text",
                    number=number,
                    days=ctx.policy.reminders.documents_after_days,
                ),
                ((send_documents_button(ctx.t, self.name, number),), ctx.menu_row()),
            )
        ctx.finish()
        return True

    async def accept_file(
        self, ctx: Context, msg: Incoming, *, role: str, kind: FileKind, step: Step
    ) -> Request | None:
        """Record the one file of ``msg`` on the request; None (after saying why, and
        asking ``step`` again unless the request is closed) when refused."""
        if len(msg.attachments) > 1:
            ctx.say(ctx.t(f"{self.name}.one_at_a_time"))
            await ctx.go(step)
            return None
        request = await self.my_open_request(ctx)
        if request is None:
            self.closed(ctx)
            return None
        attachment = msg.attachments[0]
        problem = await accept_attachment(
            ctx, attachment, request_id=request.id, role=role, kind=kind
        )
        if problem is not None:
            ctx.say(problem_text(ctx, problem, kind))
            await ctx.go(step)
            return None
        ctx.say(
            ctx.t(
                self.received_key,
                document=ctx.t(f"{self.name}.document_{role}"),
                name=attachment.name,
            )
        )
        return request

    async def my_open_request(self, ctx: Context) -> Request | None:
        """The request this chat works on, if it is still this person's and open."""
        request_id = ctx.read(DocumentRequestData).request_id
        if request_id is None:
            return None
        request = await requests.get(ctx.unit, request_id)
        if (
            request is None
            or request.account_id != ctx.account.id
            or request.kind is not self.request_kind
            or request.status not in OPEN_STATUSES
        ):
            return None
        return request

    def closed(self, ctx: Context) -> None:
        """The request was closed meanwhile (a manager rejected it …): nothing to add."""
        ctx.say(ctx.t(f"{self.name}.request_closed"), (ctx.menu_row(),))
        ctx.finish()
