"""The customer rates a done request, 1 to 5, with an optional comment (docs/rules.md#ratings).

When a manager marks a request done, :func:`ask_for_rating` queues "Rate how we handled
request N" with five buttons ``rating.set:<request>:<n>`` to the customer's chat. A press
is re-checked: the request must be the presser's own, done, and not rated yet (a second
rating is refused: the first one stands). Then the bot offers to leave a comment (the next
text, or "Skip").

A rating at or below ``policy.ratings.alert_at_most`` alerts the managers at once, so the
alert never waits for a comment that may not come; the comment, when it comes, follows it.
When the customer is in the middle of another conversation, the rating is recorded and
thanked for without asking for a comment, so that conversation is not lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.desk import cards
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.i18n import Texts, texts
from storage import requests
from storage.models import Account, Request, RequestStatus

#: The scale of a rating (the database accepts exactly these).
SCALE = range(1, 6)


@dataclass(frozen=True, slots=True, kw_only=True)
class RatingData(Stored):
    """The rating given, while the bot waits for an optional comment on it."""

    request_id: int | None = None
    rating: int | None = None


async def ask_for_rating(ctx: Context, customer: Account, request_id: int) -> None:
    """Queue the "rate request N" question with its 1–5 buttons to the customer."""
    t = texts(customer.language)
    buttons = (
        tuple(Button(t("rating.star", n=n), encode("rating.set", request_id, n)) for n in SCALE),
    )
    await ctx.queue_to_account(
        customer,
        lambda t: t("rating.ask", number=request_id),
        buttons,
        request_id=request_id,
    )


class RatingFlow(Flow):
    name = "rating"
    for_managers = False
    global_actions = True

    comment = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        ctx.say(ctx.t("rating.how_to"), (ctx.menu_row(),))

    def _low(self, ctx: Context, rating: int) -> bool:
        return rating <= ctx.policy.ratings.alert_at_most

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        if payload.action == "rating.set":
            await self._rate(ctx, payload)
        elif payload.action == "rating.skip":
            if ctx.flow_name != self.name or ctx.step != self.comment.name:
                ctx.say(ctx.t("common.stale_button"))
                return
            ctx.finish()
            ctx.say(ctx.t("rating.thanks"), (ctx.menu_row(),))
        else:
            ctx.say(ctx.t("common.bad_button"))

    async def _rate(self, ctx: Context, payload: Payload) -> None:
        request_id, rating = payload.optional_int(0), payload.optional_int(1)
        if len(payload.args) != 2 or request_id is None or rating is None or rating not in SCALE:
            ctx.say(ctx.t("common.bad_button"))
            return
        await ctx.unit.begin()  # what is read here decides what is written
        request = await requests.get(ctx.unit, request_id)
        if request is None or request.account_id != ctx.account.id:
            ctx.say(ctx.t("rating.not_yours"))
            return
        if request.status is not RequestStatus.DONE:
            ctx.say(ctx.t("rating.not_done", number=request.id))
            return
        if request.rating is not None:
            ctx.say(ctx.t("rating.already_rated", number=request.id, rating=request.rating))
            return
        await requests.set_rating(ctx.unit, request.id, rating, ctx.now)
        await requests.add_note(
            ctx.unit,
            request.id,
            actor="customer",
            note_line=cards.line("history.rating", rating=rating),
            now=ctx.now,
        )
        if self._low(ctx, rating):
            await self._alert(ctx, request, rating, comment=None)
        if ctx.flow_name is not None and ctx.flow_name != self.name:
            # Busy in another conversation: no comment step, and its question again.
            low = self._low(ctx, rating)
            ctx.say(ctx.t("rating.noted_low" if low else "rating.thanks_rating", rating=rating))
            if ctx.flow is not None and ctx.step is not None:
                await ctx.flow.ask(ctx, ctx.step)
            return
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        ctx.keep(RatingData(request_id=request.id, rating=rating))
        await ctx.go(self.comment)

    async def ask_comment(self, ctx: Context) -> None:
        rating = ctx.read(RatingData).rating
        if rating is None:  # a state without its rating: nothing to comment on
            ctx.finish()
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            return
        if not self._low(ctx, rating):
            ctx.say(
                ctx.t("rating.ask_comment", rating=rating),
                ((ctx.button("rating.skip", "rating.skip"),),),
            )
            return
        # A low rating: an apology, a way back to a person, and room to say what went wrong.
        rows: list[tuple[Button, ...]] = []
        request_id = ctx.read(RatingData).request_id
        if "my_requests" in ctx.flows and request_id is not None:
            rows.append((ctx.button("rating.reopen", "my_requests.reopen", request_id),))
        if "manager_contact" in ctx.flows:
            rows.append((ctx.button("rating.talk_to_manager", "go", "manager_contact"),))
        rows.append((ctx.button("rating.skip", "rating.skip"),))
        ctx.say(ctx.t("rating.sorry", rating=rating), tuple(rows))

    async def on_comment(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        comment = msg.text.strip()
        if payload is not None or not comment:
            return False
        data = ctx.read(RatingData)
        request_id, rating = data.request_id, data.rating
        request = (
            await requests.get(ctx.unit, request_id)
            if request_id is not None and rating is not None
            else None
        )
        ctx.finish()
        if request is None or rating is None or request.account_id != ctx.account.id:
            ctx.say(ctx.t("rating.not_yours"))
            return True
        await requests.set_rating(ctx.unit, request.id, rating, ctx.now, comment)
        await requests.add_note(
            ctx.unit,
            request.id,
            actor="customer",
            note=comment,
            note_line=cards.line("history.rating", rating=rating),
            now=ctx.now,
        )
        if self._low(ctx, rating):
            await self._alert(ctx, request, rating, comment=comment)
            ctx.say(ctx.t("rating.thanks_low"), (ctx.menu_row(),))
            return True
        ctx.say(ctx.t("rating.thanks"), (ctx.menu_row(),))
        return True

    async def _alert(
        self, ctx: Context, request: Request, rating: int, *, comment: str | None
    ) -> None:
        # The manager who closed it, named in each manager language.
        closed = [
            e.actor
            for e in await requests.events(ctx.unit, request.id)
            if e.to_status is RequestStatus.DONE
        ]
        closers = {
            language: await cards.person_label(ctx.unit, texts(language), closed[-1])
            if closed
            else "—"
            for language in {destination.language for destination in ctx.desk.destinations}
        }

        def render(t: Texts) -> str:
            who = cards.who_text(t, cards.RequestDetails.from_stored(request.details).who)
            closer = closers.get(t.language, "—")
            if comment is None:
                return t(
                    "rating.alert", number=request.id, rating=rating, who=who, closed_by=closer
                )
            alert = t(
                "rating.alert_comment", number=request.id, rating=rating, who=who, closed_by=closer
            )
            return f"{alert}\n{comment}"

        await ctx.notify_managers(render, request_id=request.id)
