"""About technical support (docs/rules.md#support-renewal, seed 002): a small menu of
questions with answers.

Every number in an answer comes from the policy (support term, rates, grace period) and
the worked example is computed with :func:`handlers.rules.renewal.renewal_quote` for a
product of the catalogue, so the page never disagrees with the quote the bot gives.
"""

from __future__ import annotations

from datetime import timedelta

from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming
from handlers.engine.payloads import Payload
from handlers.rules.dates import add_months
from handlers.rules.renewal import renewal_quote
from storage import products
from storage.models import Product

#: The questions, in the order of seed 002.
QUESTIONS = ("includes", "after_end", "updates", "renewal")


def example_product(catalogue: list[Product]) -> Product | None:
    """The product of the worked example: the cheapest one (the first on a tie)."""
    return min(catalogue, key=lambda product: (product.price, product.id), default=None)


class SupportFaqFlow(Flow):
    """The menu item "About support"."""

    name = "support_faq"
    service = "renewal"
    menu_label = "support_faq.menu"

    questions = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.questions)

    def _question_rows(self, ctx: Context, skip: str | None = None) -> list[tuple[Button, ...]]:
        return [
            (ctx.button(f"support_faq.q_{code}", "support_faq.q", code),)
            for code in QUESTIONS
            if code != skip
        ]

    def _action_rows(self, ctx: Context) -> list[tuple[Button, ...]]:
        """A quote and a person, where this deployment has those flows."""
        rows: list[tuple[Button, ...]] = []
        if "renewal" in ctx.flows:
            rows.append((ctx.button("support_faq.get_quote", "go", "renewal"),))
        if "manager_contact" in ctx.flows:
            rows.append((ctx.button("support_faq.contact_manager", "go", "manager_contact"),))
        rows.append(ctx.menu_row())
        return rows

    async def ask_questions(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("support_faq.intro"),
            (*self._question_rows(ctx), *self._action_rows(ctx)),
        )

    async def on_questions(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "support_faq.q" or not payload.args:
            return False
        code = payload.args[0]
        if code not in QUESTIONS:
            return False
        ctx.say(
            await self.answer(ctx, code),
            (*self._question_rows(ctx, skip=code), *self._action_rows(ctx)),
        )
        return True

    async def answer(self, ctx: Context, code: str) -> str:
        t, support = ctx.t, ctx.policy.support
        if code == "includes":
            return t("support_faq.answer_includes", months=support.default_term_months)
        if code == "renewal":
            return await self._renewal_answer(ctx)
        return t(f"support_faq.answer_{code}")

    async def _renewal_answer(self, ctx: Context) -> str:
        t, support = ctx.t, ctx.policy.support
        preferential, standard = (
            t.percent(support.preferential_rate),
            t.percent(support.standard_rate),
        )
        lines = [
            t(
                "support_faq.renewal_cost",
                months=support.renewal_term_months,
                preferential=preferential,
                standard=standard,
            ),
            t(
                "support_faq.renewal_preferential"
                if support.preferential_grace_months
                else "support_faq.renewal_preferential_until_end",
                grace=support.preferential_grace_months,
                percent=preferential,
                months=support.renewal_term_months,
            ),
            t("support_faq.renewal_standard", percent=standard, months=support.renewal_term_months),
            t("support_faq.renewal_updates"),
        ]
        product = example_product(await products.all(ctx.unit))
        if product is not None:
            today = ctx.today
            # Support ending today is preferential; ended a grace period and a day ago, standard.
            lapsed = add_months(today, -support.preferential_grace_months) - timedelta(days=1)
            early = renewal_quote(
                price=product.price, support_end=today, today=today, policy=ctx.policy
            )
            late = renewal_quote(
                price=product.price, support_end=lapsed, today=today, policy=ctx.policy
            )
            lines.append(
                t(
                    "support_faq.renewal_example",
                    product=product.name,
                    price=t.money(product.price),
                    preferential=t.money(early.amount),
                    standard=t.money(late.amount),
                )
            )
        lines.append(t("support_faq.renewal_how"))
        return "\n".join(lines)
