"""Support renewal quote (docs/rules.md#support-renewal): for a linked license, or by product
without linking."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import file_request
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming, keyboard
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from handlers.engine.typed_input import parse_date
from handlers.flows.manager_contact import ask_for_person
from handlers.rules.renewal import RenewalQuote, renewal_quote
from handlers.rules.spoken_dates import understand_day
from storage import licenses, products
from storage.licenses import LicenseView
from storage.models import RequestKind

#: How far from today a typed support end may be: catches typos such as 2062 for 2026.
_PLAUSIBLE_YEARS = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class RenewalData(Stored):
    """What the quote is for: one of the customer's licenses, or a product with the
    support end the person typed."""

    license_id: int | None = None
    product_id: int | None = None
    support_end: date | None = None


class RenewalFlow(Flow):
    name = "renewal"
    service = "renewal"
    menu_label = "menu.renewal"
    for_managers = None

    pick_license = Step()
    pick_product = Step()
    support_end = Step()
    quote = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        views = (
            await licenses.views_of_customer(ctx.unit, ctx.customer_id)
            if ctx.customer_id is not None
            else []
        )
        if views:
            ctx.resume_at(self.pick_license)
            self._show_licenses(ctx, views)
        else:
            await ctx.go(self.pick_product)

    # -- a linked customer's license ------------------------------------------------------

    async def ask_pick_license(self, ctx: Context) -> None:
        assert ctx.customer_id is not None
        self._show_licenses(ctx, await licenses.views_of_customer(ctx.unit, ctx.customer_id))

    def _show_licenses(self, ctx: Context, views: list[LicenseView]) -> None:
        listed = (
            ctx.button(
                "renewal.license_button",
                "renewal.lic",
                view.id,
                number=view.number,
                product=view.product_name,
                end=ctx.t.date(view.support_end),
            )
            for view in views
        )
        other = ctx.button("renewal.other_product", "renewal.products")
        ctx.say(ctx.t("renewal.pick_license"), keyboard(*listed, other, ctx.menu_row()))

    async def on_pick_license(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "renewal.products":
            await ctx.go(self.pick_product)
            return True
        if payload.action != "renewal.lic":
            return False
        view = await licenses.view(ctx.unit, payload.int_arg(0))
        if view is None or ctx.customer_id is None or view.customer_id != ctx.customer_id:
            ctx.say(ctx.t("renewal.not_your_license"))
            await ctx.go(self.pick_license)
            return True
        ctx.keep(RenewalData(license_id=view.id))
        ctx.resume_at(self.quote)
        self._show_quote(ctx, *self._license_quote(ctx, view))
        return True

    # -- any product, without linking --------------------------------------------------

    async def ask_pick_product(self, ctx: Context) -> None:
        offered = await products.all(ctx.unit)
        listed = (
            ctx.button(
                "renewal.product_button",
                "renewal.prod",
                product.id,
                name=product.name,
                price=ctx.money(product.price),
            )
            for product in offered
        )
        ctx.say(ctx.t("renewal.pick_product"), keyboard(*listed, ctx.menu_row()))

    async def on_pick_product(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "renewal.prod":
            return False
        product = await products.get(ctx.unit, payload.int_arg(0))
        if product is None:
            ctx.say(ctx.t("common.stale_button"))
            await ctx.go(self.pick_product)
            return True
        ctx.keep(RenewalData(product_id=product.id))
        await ctx.go(self.support_end)
        return True

    async def ask_support_end(self, ctx: Context) -> None:
        ctx.say(ctx.t("renewal.ask_support_end"), (ctx.menu_row(),))

    async def on_support_end(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            return False
        typed = parse_date(msg.text) or understand_day(
            msg.text, language=ctx.t.language, today=ctx.today
        )
        if typed is None:
            return False
        if abs((typed - ctx.today).days) > _PLAUSIBLE_YEARS * 366:
            ctx.say(ctx.t("renewal.support_end_implausible", date=ctx.t.date(typed)))
            await ctx.go(self.support_end)
            return True
        ctx.keep(replace(ctx.read(RenewalData), support_end=typed))
        await ctx.go(self.quote)
        return True

    # -- the quote --------------------------------------------------------------------

    async def _quote(self, ctx: Context) -> tuple[RenewalQuote, dict[str, Any]] | None:
        """The quote for what the chat chose, recomputed (prices and dates may change)."""
        data = ctx.read(RenewalData)
        if data.license_id is not None:
            view = await licenses.view(ctx.unit, data.license_id)
            if view is None or view.customer_id != ctx.customer_id:
                return None
            return self._license_quote(ctx, view)
        product = await products.get(ctx.unit, data.product_id or 0)
        if product is None or data.support_end is None:
            return None
        quote = renewal_quote(
            price=product.price,
            support_end=data.support_end,
            today=ctx.today,
            policy=ctx.policy,
        )
        about = {
            "product": product.name,
            "license": None,
            "license_id": None,
            "protection_kind": product.protection.value,
        }
        return quote, about

    def _license_quote(
        self, ctx: Context, view: LicenseView
    ) -> tuple[RenewalQuote, dict[str, Any]]:
        quote = renewal_quote(
            price=view.product_price,
            support_end=view.support_end,
            today=ctx.today,
            policy=ctx.policy,
            protection_service=view.protection_service,
            resident=view.resident,
        )
        return quote, {"product": view.product_name, "license": view.number, "license_id": view.id}

    def _quote_text(self, ctx: Context, quote: RenewalQuote, about: dict[str, Any]) -> str:
        t = ctx.t
        percent = t.percent(quote.rate)
        lines = [t("renewal.quote_title", product=about["product"])]
        if about["license"]:
            lines.append(t("renewal.quote_license", number=about["license"]))
        ended = quote.support_end < quote.today
        lines.append(
            t(
                "renewal.quote_ended" if ended else "renewal.quote_ends",
                date=t.date(quote.support_end),
            )
        )
        if quote.preferential:
            lines.append(
                t(
                    "renewal.rate_preferential",
                    percent=percent,
                    until=t.date(quote.preferential_until),
                )
            )
        else:
            lines.append(
                t("renewal.rate_standard", percent=percent, until=t.date(quote.preferential_until))
            )
        lines.append(
            t(
                "renewal.quote_amount",
                months=ctx.policy.support.renewal_term_months,
                amount=t.money(quote.amount),
            )
        )
        lines.append(t("renewal.quote_new_end", date=t.date(quote.new_support_end)))
        if quote.protection is not None:
            key = (
                "renewal.protection_keeps"
                if quote.protection.keeps_service
                else "renewal.protection_lost"
            )
            lines.append(
                t(
                    key,
                    deadline=t.date(quote.protection.deadline),
                    price=t.money(quote.protection.reconnection_price),
                )
            )
        elif about.get("protection_kind") == "codemeter":
            deadline = quote.support_end + timedelta(
                days=ctx.policy.protection.reconnect_after_days
            )
            lines.append(
                t(
                    "renewal.protection_if_any",
                    deadline=t.date(deadline),
                    resident=t.money(ctx.policy.protection.price_resident),
                    non_resident=t.money(ctx.policy.protection.price_non_resident),
                )
            )
        lines.append(t("renewal.quote_updates"))
        return "\n".join(lines)

    async def ask_quote(self, ctx: Context) -> None:
        computed = await self._quote(ctx)
        if computed is None:
            ctx.say(ctx.t("common.stale_button"))
            ctx.finish()
            return
        self._show_quote(ctx, *computed)

    def _show_quote(self, ctx: Context, quote: RenewalQuote, about: dict[str, Any]) -> None:
        ctx.say(
            self._quote_text(ctx, quote, about),
            (
                (ctx.button("renewal.request_invoice", "renewal.invoice"),),
                (ctx.button("renewal.ask_manager", "renewal.ask"),),
                ctx.menu_row(),
            ),
        )

    async def on_quote(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action not in ("renewal.invoice", "renewal.ask"):
            return False
        computed = await self._quote(ctx)
        if computed is None:
            ctx.say(ctx.t("common.stale_button"))
            ctx.finish()
            return True
        quote, about = computed
        card = [
            cards.line(
                "renewal.card_product",
                product=about["product"],
                license=about["license"] or "—",
            ),
            cards.line("renewal.card_support_end", date=cards.day(quote.support_end)),
            cards.line(
                "renewal.card_rate",
                rate=cards.text(f"renewal.rate_name_{quote.rate_kind.value}"),
                percent=cards.percent(quote.rate),
                amount=cards.money(quote.amount),
            ),
            cards.line("renewal.card_new_end", date=cards.day(quote.new_support_end)),
        ]
        details = {
            "topic": "renewal",
            "product": about["product"],
            "license": about["license"],
            "support_end": quote.support_end.isoformat(),
            "rate": quote.rate_kind.value,
            "new_support_end": quote.new_support_end.isoformat(),
            "amount_in_lines": True,
        }
        if payload.action == "renewal.ask":
            # A person, with the quote on the card: a question in working hours, the
            # "leave your phone" call-back offer outside them
            # (docs/rules.md#working-hours-and-call-backs).
            await ask_for_person(
                ctx,
                topic="renewal",
                card=card,
                license_id=about["license_id"],
                amount=quote.amount,
                details=details,
            )
            return True
        request_id = await file_request(
            ctx,
            RequestKind.RENEWAL,
            license_id=about["license_id"],
            amount=quote.amount,
            card=card,
            details=details,
        )
        ctx.finish()
        ctx.say(ctx.t("renewal.invoice_filed", number=request_id), (ctx.menu_row(),))
        return True
