"""A request to the managers to link the account (docs/rules.md#linking-an-account, the
third way), with what the person tells about themselves; approved or rejected on its card
(:mod:`handlers.desk.linking_desk`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.desk import cards
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming, Keyboard
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from handlers.flows.consent import require_consent
from handlers.flows.linking import (
    MAX_NUMBER_LENGTH,
    MAX_TEXT_LENGTH,
    ContactOutcome,
    say_already_linked,
    take_contact,
)
from storage import requests
from storage.models import RequestKind
from storage.phones import normalize_phone


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkRequestData(Stored):
    """What the person has told so far; "" for a skipped company or license."""

    name: str | None = None
    company: str | None = None
    phone: str | None = None
    license: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkRequestDetails(Stored):
    """A link request's details, read by the managers' desk
    (:mod:`handlers.desk.linking_desk`); company and license are written even when
    skipped (as "")."""

    topic: str | None = None
    name: str | None = None
    company: str | None = None
    phone: str | None = None
    license: str | None = None


class LinkRequestFlow(Flow):
    """3. A request to managers to link the account, with what the person tells about
    themselves. Not in the menu: started by "Ask a manager" in :class:`LinkingFlow`.

    It stores personal data, so consent comes first (after consent the flow starts again).
    """

    name = "link_request"
    for_managers = False

    person_name = Step("name")
    company = Step()
    phone = Step()
    license = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if ctx.customer_id is not None:
            ctx.finish()
            await say_already_linked(ctx)
            return
        pending = await self._pending(ctx)
        if pending is not None:
            ctx.finish()
            ctx.say(ctx.t("link_request.pending", number=pending), (ctx.menu_row(),))
            return
        if await require_consent(ctx):
            return
        await ctx.go(self.person_name)

    async def _pending(self, ctx: Context) -> int | None:
        for request in await requests.of_account(ctx.unit, ctx.account.id, open_only=True):
            if request.kind is RequestKind.LINK:
                return request.id
        return None

    def _text(self, msg: Incoming, payload: Payload | None) -> str | None:
        text = " ".join(msg.text.split())
        if payload is not None or not text or len(text) > MAX_TEXT_LENGTH:
            return None
        return text

    def _skippable(
        self, msg: Incoming, payload: Payload | None, max_length: int = MAX_TEXT_LENGTH
    ) -> str | None:
        """An optional answer: the text, "" for the skip button, None for anything else."""
        if payload is not None and payload.action == "link_request.skip":
            return ""
        text = self._text(msg, payload)
        return text if text is not None and len(text) <= max_length else None

    def _skip_row(self, ctx: Context) -> Keyboard:
        return ((ctx.button("link_request.skip", "link_request.skip"),), ctx.menu_row())

    async def ask_name(self, ctx: Context) -> None:
        ctx.say(ctx.t("link_request.ask_name"), (ctx.menu_row(),))

    async def on_name(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        text = self._text(msg, payload)
        if text is None:
            return False
        ctx.keep(replace(ctx.read(LinkRequestData), name=text))
        await ctx.go(self.company)
        return True

    async def ask_company(self, ctx: Context) -> None:
        ctx.say(ctx.t("link_request.ask_company"), self._skip_row(ctx))

    async def on_company(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        company = self._skippable(msg, payload)
        if company is None:
            return False
        ctx.keep(replace(ctx.read(LinkRequestData), company=company))
        await ctx.go(self.phone)
        return True

    async def ask_phone(self, ctx: Context) -> None:
        if ctx.incoming.can_share_contact:
            ctx.say(ctx.t("link_request.ask_phone"), (ctx.menu_row(),), request_contact=True)
        else:
            ctx.say(ctx.t("link_request.ask_phone_typed"), (ctx.menu_row(),))

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if msg.contact is not None:
            outcome = await take_contact(ctx, msg.contact)
            if outcome is ContactOutcome.REFUSED:
                await ctx.go(self.phone)
                return True
            if outcome is not ContactOutcome.NO_MATCH:  # linked by the phone: no request
                ctx.finish()
                return True
            phone = normalize_phone(msg.contact.phone)
        else:
            phone = normalize_phone(msg.text) if payload is None else None
        if phone is None:
            return False
        ctx.keep(replace(ctx.read(LinkRequestData), phone=phone))
        await ctx.go(self.license)
        return True

    async def ask_license(self, ctx: Context) -> None:
        ctx.say(ctx.t("link_request.ask_license"), self._skip_row(ctx))

    async def on_license(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        number = self._skippable(msg, payload, MAX_NUMBER_LENGTH)
        if number is None:
            return False
        ctx.keep(replace(ctx.read(LinkRequestData), license=number))
        await self._file(ctx)
        return True

    async def _file(self, ctx: Context) -> None:
        data = ctx.read(LinkRequestData)
        if data.name is None or data.phone is None:  # a state from an older version
            await ctx.go(self.person_name)
            return
        await ctx.unit.begin()  # one open link request per person: check, then write
        pending = await self._pending(ctx)
        if pending is not None:
            ctx.finish()
            ctx.say(ctx.t("link_request.pending", number=pending), (ctx.menu_row(),))
            return
        card = [
            cards.line("link_request.card_name", name=data.name),
            cards.line("link_request.card_company", company=data.company or "—"),
            cards.line("link_request.card_phone", phone=data.phone),
            cards.line("link_request.card_license", license=data.license or "—"),
        ]
        details = LinkRequestDetails(
            topic="link",
            name=data.name,
            company=data.company or "",
            phone=data.phone,
            license=data.license or "",
        )
        request_id = await cards.file_request(
            ctx, RequestKind.LINK, card=card, details=details.to_stored()
        )
        ctx.finish()
        ctx.say(ctx.t("link_request.filed", number=request_id), (ctx.menu_row(),))
