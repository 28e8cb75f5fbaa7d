"""The "My keys and protection" conversation, step by step (the package's docstring tells
the whole)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from handlers.desk.cards import file_request
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming, Keyboard, keyboard
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from handlers.flows.protection.card import (
    KINDS,
    TOPIC,
    ProtectionDetails,
    change_line,
    protection_card,
)
from handlers.flows.protection.keys_view import (
    OwnKey,
    key_line,
    own_key,
    own_keys,
    pending_requests,
    terms_text,
)
from handlers.i18n import Texts
from handlers.rules.key_protection import programmed_until_on_connection, service_price
from storage import accounts, customers, keys, requests
from storage.models import Request, RequestKind

ORDER = "protection.order"
CANCEL = "protection.cancel"
ORDER_YES = "protection.order_yes"
CANCEL_YES = "protection.cancel_yes"
KEEP = "protection.keep"
ABOUT = "protection.about"


@dataclass(frozen=True, slots=True, kw_only=True)
class ProtectionData(Stored):
    """What the chat holds while a question waits for "Yes": the key it is about."""

    key_id: int | None = None


class ProtectionFlow(Flow):
    name = "protection"
    service = "protection"
    menu_label = "protection.menu"
    for_managers = False

    overview = Step()
    about = Step()
    confirm_order = Step()
    confirm_cancel = Step()

    async def in_menu(self, ctx: Context) -> bool:
        """A person not linked reads what the service is; a linked customer sees it only
        with keys (the menu fits VK's ten buttons)."""
        if ctx.customer_id is None:
            return True
        return await keys.customer_has_keys(ctx.unit, ctx.customer_id)

    async def in_menu_if_room(self, ctx: Context) -> bool:
        """To a person not linked the service is something to read about: the button gives
        way when the vendor's menu is full (their keys are what a customer comes for)."""
        return ctx.customer_id is None

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if ctx.customer_id is not None and await keys.of_customer(ctx.unit, ctx.customer_id):
            await ctx.go(self.overview)
        else:
            await ctx.go(self.about)

    async def _resident(self, ctx: Context) -> bool | None:
        """Whether the linked customer is a resident of the RF (None: not linked)."""
        if ctx.customer_id is None:
            return None
        customer = await customers.get(ctx.unit, ctx.customer_id)
        return customer.resident if customer is not None else None

    def _keys_button(self, ctx: Context) -> Button:
        return ctx.button("protection.keys_button", "go", self.name)

    # -- the keys ------------------------------------------------------------------------

    async def ask_overview(self, ctx: Context) -> None:
        items = await own_keys(ctx, ctx.customer_id) if ctx.customer_id is not None else []
        if not items:
            await ctx.go(self.about)
            return
        resident = bool(await self._resident(ctx))
        paragraphs = [ctx.t("protection.keys_title")]
        paragraphs += [key_line(ctx, item, resident=resident) for item in items]
        buttons: list[Button] = []
        for item in items:
            serial = item.key.serial
            if item.can_order:
                buttons.append(
                    ctx.button("protection.order_button", ORDER, item.key.id, serial=serial)
                )
            if item.can_cancel:
                buttons.append(
                    ctx.button("protection.cancel_button", CANCEL, item.key.id, serial=serial)
                )
        buttons.append(ctx.button("protection.about_button", ABOUT))
        ctx.say("\n\n".join(paragraphs), keyboard(*buttons, ctx.menu_row()))

    async def on_overview(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._navigate(ctx, payload)

    # -- what it is and what it costs ----------------------------------------------------

    async def ask_about(self, ctx: Context) -> None:
        resident = await self._resident(ctx)
        paragraphs = [terms_text(ctx, resident)]
        rows: list[Button] = []
        if ctx.customer_id is None:
            paragraphs.append(ctx.t("protection.about_unlinked"))
            if "linking" in ctx.flows:
                rows.append(ctx.button("protection.link_button", "go", "linking"))
        elif await keys.of_customer(ctx.unit, ctx.customer_id):
            rows.append(self._keys_button(ctx))
        else:
            paragraphs.append(ctx.t("protection.about_no_keys"))
        ctx.say("\n\n".join(paragraphs), keyboard(*rows, ctx.menu_row()))

    async def on_about(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._navigate(ctx, payload)

    # -- buttons that work at every step -------------------------------------------------

    async def _navigate(self, ctx: Context, payload: Payload | None) -> bool:
        """ "What is it", "Order" and "Cancel" under any of this flow's messages."""
        if payload is None:
            return False
        if payload.action == ABOUT and not payload.args:
            await ctx.go(self.about)
            return True
        if payload.action in (ORDER, CANCEL) and len(payload.args) == 1:
            await self._chosen(ctx, payload.optional_int(0), order=payload.action == ORDER)
            return True
        return False

    async def _own(self, ctx: Context, key_id: int | None) -> OwnKey | None:
        """The customer's key ``key_id``, re-read, with its service and any open request."""
        if key_id is None or ctx.customer_id is None:
            return None
        key = await keys.get(ctx.unit, key_id)
        if key is None or key.customer_id != ctx.customer_id:
            return None
        pending = await pending_requests(ctx, ctx.customer_id)
        return await own_key(ctx, key, pending.get(key.id))

    async def _usable(self, ctx: Context, item: OwnKey | None, *, order: bool) -> bool:
        """Whether ``item`` can be ordered (or cancelled) now; otherwise say why."""
        if item is None:
            ctx.say(ctx.t("protection.not_your_key"))
            await ctx.go(self.overview)
            return False
        if item.pending is not None:
            ctx.say(
                ctx.t(
                    "protection.already_filed",
                    serial=item.key.serial,
                    number=item.pending.id,
                    kind=ctx.t(f"desk.kind_{item.pending.kind.value}"),
                ),
                keyboard(self._keys_button(ctx), ctx.menu_row()),
            )
            ctx.finish()
            return False
        possible = item.protection.can_order if order else item.protection.can_cancel
        if not possible:
            key = "protection.cannot_order" if order else "protection.cannot_cancel"
            ctx.say(ctx.t(key, serial=item.key.serial))
            await ctx.go(self.overview)
            return False
        return True

    async def _chosen(self, ctx: Context, key_id: int | None, *, order: bool) -> None:
        item = await self._own(ctx, key_id)
        if not await self._usable(ctx, item, order=order):
            return
        assert item is not None
        ctx.keep(ProtectionData(key_id=item.key.id))
        await ctx.go(self.confirm_order if order else self.confirm_cancel)

    # -- ordering ------------------------------------------------------------------------

    def _question_values(self, ctx: Context, item: OwnKey, resident: bool) -> dict[str, Any]:
        end = item.protection.support_end
        return {
            "serial": item.key.serial,
            "licenses": ", ".join(lic.number for lic in item.licenses) or "—",
            "price": ctx.t.money(service_price(ctx.policy, resident=resident)),
            "residency": ctx.t(
                "protection.residency_resident" if resident else "protection.residency_other"
            ),
            "support_end": ctx.t.date(end) if end else "—",
            "days": ctx.policy.protection.programming_days,
            "run_day": ctx.policy.protection.renewal_run_day,
        }

    def _yes_no(self, ctx: Context, yes_key: str, action: str, key_id: int) -> Keyboard:
        return (
            (ctx.button(yes_key, action, key_id), ctx.button("protection.no", KEEP)),
            ctx.menu_row(),
        )

    async def ask_confirm_order(self, ctx: Context) -> None:
        item = await self._own(ctx, ctx.read(ProtectionData).key_id)
        if item is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        values = self._question_values(ctx, item, bool(await self._resident(ctx)))
        paragraphs = [ctx.t("protection.order_question", **values)]
        end = item.protection.support_end
        ended = end is not None and end < ctx.today
        support = "protection.order_support_ended" if ended else "protection.order_support_until"
        paragraphs.append(ctx.t(support, **values))
        ctx.say(
            "\n\n".join(paragraphs),
            self._yes_no(ctx, "protection.order_yes", ORDER_YES, item.key.id),
        )

    async def on_confirm_order(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._answer(ctx, payload, order=True)

    # -- cancelling ----------------------------------------------------------------------

    async def ask_confirm_cancel(self, ctx: Context) -> None:
        item = await self._own(ctx, ctx.read(ProtectionData).key_id)
        if item is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        values = self._question_values(ctx, item, bool(await self._resident(ctx)))
        ctx.say(
            ctx.t("protection.cancel_question", **values),
            self._yes_no(ctx, "protection.cancel_yes", CANCEL_YES, item.key.id),
        )

    async def on_confirm_cancel(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._answer(ctx, payload, order=False)

    # -- "Yes" or "No" -------------------------------------------------------------------

    async def _answer(self, ctx: Context, payload: Payload | None, *, order: bool) -> bool:
        if payload is None:
            return False
        if payload.action == KEEP and not payload.args:
            ctx.say(
                ctx.t("protection.nothing_filed"),
                keyboard(self._keys_button(ctx), ctx.menu_row()),
            )
            ctx.finish()
            return True
        if payload.action != (ORDER_YES if order else CANCEL_YES):
            return await self._navigate(ctx, payload)
        key_id = ctx.read(ProtectionData).key_id
        if payload.args != (str(key_id),):
            # "Yes" of another question (another key): ask this one again.
            ctx.say(ctx.t("common.stale_button"))
            await ctx.go(self.confirm_order if order else self.confirm_cancel)
            return True
        await ctx.unit.begin()  # what is read below decides what is written
        item = await self._own(ctx, key_id)
        if not await self._usable(ctx, item, order=order):
            return True
        assert item is not None
        await self._file(ctx, item, order=order)
        return True

    async def _file(self, ctx: Context, item: OwnKey, *, order: bool) -> None:
        resident = bool(await self._resident(ctx))
        kind = RequestKind.PROTECTION_ORDER if order else RequestKind.PROTECTION_CANCEL
        price = service_price(ctx.policy, resident=resident)
        details = ProtectionDetails(
            topic=TOPIC,
            serial=item.key.serial,
            licenses=tuple(lic.number for lic in item.licenses),
            support_end=item.protection.support_end,
            state=item.protection.state,
            programmed_until=item.key.programmed_until,
            resident=resident,
            price=price,
            amount_in_lines=True,
        )
        number = await file_request(
            ctx,
            kind,
            card=protection_card(kind, details),
            key_id=item.key.id,
            amount=price if order else None,
            details=details.to_stored(),
        )
        values = self._question_values(ctx, item, resident)
        text = "protection.order_filed" if order else "protection.cancel_filed"
        ctx.say(
            ctx.t(text, number=number, **values),
            keyboard(self._keys_button(ctx), ctx.menu_row()),
        )
        ctx.finish()

    # -- a manager marked an order or a cancellation done --------------------------------

    async def on_request_done(self, ctx: Context, request: Request) -> None:
        """An order done: the service was paid and connected today, the key programmed for
        ``programming_days``. A cancellation done: disconnected today. The customer is told,
        the card says so."""
        if request.kind not in KINDS or request.key_id is None:
            return
        details = ProtectionDetails.from_stored(request.details)
        today, terms = ctx.today, ctx.policy.protection
        if request.kind is RequestKind.PROTECTION_ORDER:
            until = programmed_until_on_connection(today, ctx.policy)
            if not await keys.connect_by_desk(ctx.unit, request.key_id, today, until):
                return
            details = replace(details, changed_on=today, changed_until=until)
        elif not await keys.disconnect_by_desk(ctx.unit, request.key_id, today):
            return
        else:
            details = replace(details, changed_on=today)
        done = details

        def render(t: Texts) -> str:
            end, price = done.support_end, done.price
            if request.kind is RequestKind.PROTECTION_ORDER:
                return t(
                    "protection.connected_notice",
                    serial=done.serial,
                    on=t.date(today),
                    until=t.date(done.changed_until or today),
                    run_day=terms.renewal_run_day,
                    support_end=t.date(end) if end else "—",
                )
            return t(
                "protection.disconnected_notice",
                serial=done.serial,
                on=t.date(today),
                price=t.money(price) if price is not None else "—",
            )

        stored = details.to_stored()
        stored["card"] = [[key, values] for key, values in protection_card(request.kind, details)]
        await requests.set_details(ctx.unit, request.id, stored, ctx.now)
        note = change_line(request.kind, details)
        await requests.add_note(
            ctx.unit, request.id, actor="system", note_line=note, now=ctx.now
        )  # the history says what the bot recorded
        account = await accounts.get(ctx.unit, request.account_id) if request.account_id else None
        if account is not None:
            await ctx.queue_to_account(account, render, request_id=request.id)
