"""Support renewal quote (docs/rules.md#support-renewal): for a linked license, or by product
without linking.

The additional protection service is told per key (docs/rules.md#protection-service-in-the-quote):
kept by another license until its later end, kept if paid by the key's deadline, or lapsed
with the price of connecting it again; never a deadline that has already passed.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from handlers.i18n import Texts
from handlers.policy import Policy
from handlers.rules.protection import KeyTerms, Outlook, reconnection_price
from handlers.rules.renewal import RenewalQuote, renewal_quote
from handlers.rules.spoken_dates import understand_day
from storage import customers, keys, licenses, products, quotes_shown
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
        """``go:renewal`` lists the customer's licenses; ``go:renewal:<license>`` (an
        announcement's "Renew support") opens that license's quote when it is theirs."""
        license_id = payload.optional_int(1) if payload.action == "go" else None
        if license_id is not None and ctx.customer_id is not None:
            view = await licenses.view(ctx.unit, license_id)
            if view is not None and view.customer_id == ctx.customer_id:
                ctx.keep(RenewalData(license_id=view.id))
                ctx.resume_at(self.quote)
                await self._show_quote(ctx, *await self._license_quote(ctx, view))
                return
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
        await self._show_quote(ctx, *await self._license_quote(ctx, view))
        return True

    # -- any product, without linking --------------------------------------------------

    async def ask_pick_product(self, ctx: Context) -> None:
        offered = await products.all(ctx.unit)
        if not offered:
            # The vendor has not imported its price list yet: a person quotes instead.
            ctx.finish()
            rows = [(ctx.button("renewal.ask_manager", "go", "manager_contact"),)]
            ctx.say(ctx.t("renewal.no_products"), keyboard(*rows, ctx.menu_row()))
            return
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
            return await self._license_quote(ctx, view)
        product = await products.get(ctx.unit, data.product_id or 0)
        if product is None or data.support_end is None:
            return None
        quote = renewal_quote(
            price=product.price,
            support_end=data.support_end,
            today=ctx.today,
            policy=ctx.policy,
        )
        customer = (
            await customers.get(ctx.unit, ctx.customer_id) if ctx.customer_id is not None else None
        )
        about = {
            "product": product.name,
            "license": None,
            "license_id": None,
            "protection_kind": product.protection.value,
            # A linked customer's residency decides the service's price; unknown otherwise.
            "resident": customer.resident if customer is not None else None,
        }
        return quote, about

    async def _license_quote(
        self, ctx: Context, view: LicenseView
    ) -> tuple[RenewalQuote, dict[str, Any]]:
        served = await keys.served_keys_of_licenses(ctx.unit, [view.id])
        quote = renewal_quote(
            price=view.product_price,
            support_end=view.support_end,
            today=ctx.today,
            policy=ctx.policy,
            license_number=view.number,
            keys=served.get(view.id, ()),
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
        if ctx.policy.services.protection:  # a vendor with the service (seed 000)
            lines += protection_lines(t, quote.protection, ctx.policy)
            if about.get("protection_kind") == "codemeter" and about["license"] is None:
                lines.append(self._protection_if_any(ctx, quote, about.get("resident")))
        if quote.support_lapsed:
            # Seed 002: the renewal brings every update released while support was lapsed;
            # before the end nothing has lapsed, so it is not said.
            lines.append(t("renewal.quote_updates"))
        return "\n".join(lines)

    @staticmethod
    def _protection_if_any(ctx: Context, quote: RenewalQuote, resident: bool | None) -> str:
        """A quote by product: the key is unknown, so the service is told conditionally;
        once its deadline has passed, as the price of connecting it again."""
        t, protection = ctx.t, ctx.policy.protection
        if resident is None:
            price = t(
                "renewal.price_by_residency",
                resident=t.money(protection.price_resident),
                non_resident=t.money(protection.price_non_resident),
            )
        else:
            price = t.money(reconnection_price(ctx.policy, resident=resident))
        deadline = quote.support_end + timedelta(days=protection.reconnect_after_days)
        if quote.today <= deadline:
            return t("renewal.protection_if_any", deadline=t.date(deadline), price=price)
        return t(
            "renewal.protection_if_any_lapsed", days=protection.reconnect_after_days, price=price
        )

    async def ask_quote(self, ctx: Context) -> None:
        computed = await self._quote(ctx)
        if computed is None:
            ctx.say(ctx.t("common.stale_button"))
            ctx.finish()
            return
        await self._show_quote(ctx, *computed)

    async def _show_quote(self, ctx: Context, quote: RenewalQuote, about: dict[str, Any]) -> None:
        """The quote and what to do with it; recorded for the managers' figures."""
        data = ctx.read(RenewalData)
        license_id = about.get("license_id")
        if license_id is not None:
            subject = quotes_shown.license_subject(license_id)
        else:
            subject = quotes_shown.product_subject(data.product_id or 0, quote.support_end)
        if not ctx.is_manager:  # a manager looking is not a renewal quoted
            quotes_shown.record(ctx.unit, ctx.account.id, subject, ctx.today)
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


def protection_lines(t: Texts, terms: Sequence[KeyTerms], policy: Policy) -> list[str]:
    """One line per key with the service: kept by another license (which, until when), kept
    if paid by a deadline (today or later), or lapsed with the price of connecting it
    again. The support reminders carry the same lines with their quote."""
    lines = []
    for term in terms:
        if term.outlook is Outlook.KEPT:
            assert term.kept_until is not None
            lines.append(
                t(
                    "renewal.protection_kept",
                    serial=term.serial,
                    licenses=", ".join(term.kept_by),
                    count=len(term.kept_by),
                    until=t.date(term.kept_until),
                )
            )
        elif term.outlook is Outlook.PAY_BY:
            assert term.deadline is not None
            lines.append(
                t(
                    "renewal.protection_keeps",
                    serial=term.serial,
                    deadline=t.date(term.deadline),
                    price=t.money(term.reconnection_price),
                )
            )
        else:
            lines.append(
                t(
                    "renewal.protection_lost",
                    serial=term.serial,
                    days=policy.protection.reconnect_after_days,
                    price=t.money(term.reconnection_price),
                )
            )
    return lines
