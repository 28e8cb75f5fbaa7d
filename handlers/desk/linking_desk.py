"""Managers approve or reject a link request (docs/rules.md#linking-an-account, way 3) on its card.

A link request's card carries "Approve" and "Reject" instead of the generic done/reject
(registered in :data:`handlers.desk.cards.KIND_BUTTONS`): closing it without choosing the
customer would leave the person unlinked. Approving asks which customer: the card offers
the customers matching what the person typed, and the manager may type a customer number,
phone, license number or name instead. Rejecting asks for the reason, which the person
sees. Either way the person is told through the outbox, in their language, and the card is
sent again with its new status.

The buttons work whatever the manager chat is doing (``global_actions``), and the engine
lets only managers press them; every press re-reads the request, so a forged, stale or
second press (another manager was quicker) changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.desk import cards
from handlers.desk.customer_lookup import MAX_CANDIDATES, candidate_label, find_customers
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming, Keyboard, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.flows.link_request import LinkRequestDetails
from handlers.flows.linking import customer_label
from handlers.i18n import Texts, texts
from storage import accounts, customers, link_attempts, requests
from storage.models import OPEN_STATUSES, Account, Customer, Request, RequestKind, RequestStatus
from storage.requests import StatusChangeRefused

MAX_REASON_LENGTH = 500
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkingDeskData(Stored):
    """What the manager's chat holds while approving (which customer?) or rejecting (why?)
    a link request."""

    #: The link request (0: none named, so none is found).
    request_id: int = 0
    #: The manager's search for the customer ("" before the first: the suggestions).
    query: str = ""


def link_card_buttons(t: Texts, request: Request) -> Keyboard:
    """The open link request's card buttons: approve, reject, and the desk's reply."""
    return (
        (
            Button(t("linking_desk.approve"), encode("linking_desk.approve", request.id)),
            Button(t("linking_desk.reject"), encode("linking_desk.reject", request.id)),
        ),
        (Button(t("desk.reply"), encode("desk_actions.reply", request.id)),),
    )


cards.KIND_BUTTONS[RequestKind.LINK] = link_card_buttons


def manager_of(ctx: Context) -> str:
    """Who acted, as request events record it."""
    return f"{ctx.incoming.platform.value}:{ctx.incoming.user_id}"


class LinkingDeskFlow(Flow):
    name = "linking_desk"
    for_managers = True
    global_actions = True

    customer = Step()
    reason = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        # Not in any menu: entered from a card's button (see on_global).
        ctx.finish()

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        request_id = payload.optional_int(0)
        customer_id = payload.optional_int(1) if payload.action == "linking_desk.pick" else None
        if request_id is None or (
            payload.action not in ("linking_desk.approve", "linking_desk.reject")
            and customer_id is None
        ):
            ctx.say(ctx.t("common.bad_button"))
            return
        if customer_id is not None:
            await ctx.unit.begin()  # the request's status decides the writes
        request = await self._open_link_request(ctx, request_id)
        if request is None:
            return
        if customer_id is not None:
            await self._approve(ctx, request, customer_id)
            return
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        ctx.keep(LinkingDeskData(request_id=request.id))
        await ctx.go(self.customer if payload.action == "linking_desk.approve" else self.reason)

    async def _open_link_request(self, ctx: Context, request_id: int) -> Request | None:
        """The open link request, or None after saying why it cannot be acted on."""
        request = await requests.get(ctx.unit, request_id)
        if request is None or request.kind is not RequestKind.LINK:
            ctx.say(ctx.t("linking_desk.not_link_request", number=request_id))
            return None
        if request.status not in OPEN_STATUSES:
            ctx.say(
                ctx.t(
                    "linking_desk.closed",
                    number=request.id,
                    status=ctx.t(f"desk.status_{request.status.value}"),
                )
            )
            if ctx.flow_name == self.name:
                ctx.finish()
            return None
        return request

    def _leave_if_about(self, ctx: Context, request_id: int) -> None:
        if ctx.flow_name == self.name and ctx.read(LinkingDeskData).request_id == request_id:
            ctx.finish()

    # -- approve: which customer --------------------------------------------------------

    async def ask_customer(self, ctx: Context) -> None:
        data = ctx.read(LinkingDeskData)
        request = await self._open_link_request(ctx, data.request_id)
        if request is None:
            ctx.finish()
            return
        details = LinkRequestDetails.from_stored(request.details)
        query = data.query
        if query:
            found = await find_customers(ctx.unit, query)
            heading = ctx.t(
                "linking_desk.found" if found else "linking_desk.nothing_found", query=query
            )
        else:
            found = await self._suggestions(ctx, details)
            heading = ctx.t("linking_desk.suggested" if found else "linking_desk.no_suggestions")
        about = ctx.t(
            "linking_desk.request_summary",
            number=request.id,
            name=details.name or "—",
            company=details.company or "—",
            phone=details.phone or "—",
            license=details.license or "—",
        )
        listed = (
            Button(candidate_label(customer), encode("linking_desk.pick", request.id, customer.id))
            for customer in found
        )
        reject = ctx.button("linking_desk.reject", "linking_desk.reject", request.id)
        ctx.say(
            f"{about}\n{heading}\n{ctx.t('linking_desk.ask_customer')}",
            keyboard(*listed, reject, ctx.menu_row()),
        )

    async def _suggestions(self, ctx: Context, details: LinkRequestDetails) -> list[Customer]:
        """Customers matching what the person typed: license, phone, company, name."""
        found: dict[int, Customer] = {}
        for value in (details.license, details.phone, details.company, details.name):
            if value:
                for customer in await find_customers(ctx.unit, value):
                    found.setdefault(customer.id, customer)
        return list(found.values())[:MAX_CANDIDATES]

    async def on_customer(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        query = " ".join(msg.text.split())
        if payload is not None or not query or len(query) > MAX_QUERY_LENGTH:
            return False
        ctx.keep(replace(ctx.read(LinkingDeskData), query=query))
        await ctx.go(self.customer)
        return True

    async def _approve(self, ctx: Context, request: Request, customer_id: int) -> None:
        customer = await customers.get(ctx.unit, customer_id)
        if customer is None or not customer.name:
            ctx.say(ctx.t("linking_desk.no_customer", number=customer_id))
            return
        account = await self._account_of(ctx, request)
        if account is None:
            ctx.say(ctx.t("linking_desk.no_account", number=request.id))
            return
        linked = cards.line("history.linked", customer=customer.id)
        if not await self._decide(ctx, request, RequestStatus.DONE, note_line=linked):
            return
        await accounts.link_customer(ctx.unit, account.id, customer.id, method="manager")
        await link_attempts.record(
            ctx.unit,
            account.platform,
            account.user_id,
            "manager",
            True,
            ctx.now,
            f"request {request.id}, customer {customer.id}",
        )
        label = customer_label(customer)
        await ctx.queue_to_account(
            account,
            lambda t: t("linking.linked_by_manager", number=request.id, customer=label),
            (self._menu_row(account.language),),
            request_id=request.id,
        )
        await cards.send_card(ctx, request.id)
        self._leave_if_about(ctx, request.id)
        ctx.say(ctx.t("linking_desk.approved", number=request.id, customer=label))

    # -- reject: why --------------------------------------------------------------------

    async def ask_reason(self, ctx: Context) -> None:
        number = ctx.read(LinkingDeskData).request_id
        ctx.say(ctx.t("linking_desk.ask_reason", number=number), (ctx.menu_row(),))

    async def on_reason(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        reason = msg.text.strip()
        if payload is not None or not reason or len(reason) > MAX_REASON_LENGTH:
            return False
        await ctx.unit.begin()
        request = await self._open_link_request(ctx, ctx.read(LinkingDeskData).request_id)
        if request is None:
            ctx.finish()
            return True
        account = await self._account_of(ctx, request)
        if not await self._decide(ctx, request, RequestStatus.REJECTED, note=reason):
            ctx.finish()
            return True
        if account is not None:
            await link_attempts.record(
                ctx.unit,
                account.platform,
                account.user_id,
                "manager",
                False,
                ctx.now,
                f"request {request.id} rejected",
            )
            t = texts(account.language)
            await ctx.queue_to_account(
                account,
                lambda t: t("linking.rejected_by_manager", number=request.id, reason=reason),
                (
                    (Button(t("linking.menu"), encode("go", "linking")),),
                    self._menu_row(account.language),
                ),
                request_id=request.id,
            )
        await cards.send_card(ctx, request.id)
        ctx.finish()
        ctx.say(ctx.t("linking_desk.rejected", number=request.id), (ctx.menu_row(),))
        return True

    @staticmethod
    async def _account_of(ctx: Context, request: Request) -> Account | None:
        """The account that asked to be linked (None: it is gone)."""
        if request.account_id is None:
            return None
        return await accounts.get(ctx.unit, request.account_id)

    async def _decide(
        self,
        ctx: Context,
        request: Request,
        status: RequestStatus,
        *,
        note: str = "",
        note_line: cards.CardLine | None = None,
    ) -> bool:
        """Record the decision as this manager's (the bot's note on it, or the reason the
        manager typed); False (after saying so) when the request was closed meanwhile
        (another manager was quicker)."""
        manager = manager_of(ctx)
        try:
            await requests.set_status(
                ctx.unit,
                request.id,
                status,
                actor=f"manager:{manager}",
                note=note,
                note_line=note_line,
                now=ctx.now,
                manager=manager,
            )
        except StatusChangeRefused as refused:
            ctx.say(self._closed_text(ctx, refused))
            return False
        return True

    @staticmethod
    def _closed_text(ctx: Context, refused: StatusChangeRefused) -> str:
        status = ctx.t(f"desk.status_{refused.status.value}") if refused.status else "—"
        return ctx.t("linking_desk.closed", number=refused.request_id, status=status)

    @staticmethod
    def _menu_row(language: str) -> tuple[Button, ...]:
        return (Button(texts(language)("common.to_menu"), encode("menu")),)
