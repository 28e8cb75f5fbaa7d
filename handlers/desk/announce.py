"""``/announce`` in the manager chat (docs/rules.md#announcements): compose an announcement,
see whom it reaches, preview it, send it to oneself, send it, and follow it.

One screen holds the draft: the text per language (each button asks for that language's
text, the next message of the manager who pressed is it), the fallback language, the
button under it ("Renew support", "Contact a manager" or none) and the audience filters
(each button steps through its choices; the number of days is typed). Under the draft the
screen counts the recipients filter by filter and per language, and how many chats get no
text. "Preview" shows each language's message as a customer sees it (its buttons do
nothing here); "Test send" queues it to the manager's own private chat with working
buttons; "Send" asks to confirm with the final numbers and queues the batch in the
outbox's bulk lane (:func:`handlers.desk.announcing.send`). ``/announce status`` tells what
became of the latest announcements.

The work itself is :mod:`handlers.desk.announcing`'s, so a web desk can do the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from handlers.desk import announcing
from handlers.desk.announcing import Draft
from handlers.desk.desk_actions import manager_actor
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming, Keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.i18n import LANGUAGES, Texts
from handlers.rules.announcements import SupportStatus
from storage import announcements, products

#: Announcements listed by ``/announce status``.
STATUS_SHOWN = 3
#: Characters of a text shown on the draft screen.
EXCERPT = 60

_PLATFORMS: tuple[tuple[str, ...], ...] = ((), ("telegram",), ("vk",))
_LANGUAGE_CHOICES: tuple[tuple[str, ...], ...] = ((), *((code,) for code in LANGUAGES))
_SUPPORT_ORDER = tuple(SupportStatus)
_PROTECTION = ("", "yes", "no")
_NOOP = "announce.noop"


@dataclass(frozen=True, slots=True, kw_only=True)
class AnnounceData(Stored):
    """The chat's draft, who composes it (in a shared chat only their text is taken) and
    what the awaited text is for."""

    draft: Draft = field(default_factory=Draft)
    by: str | None = None
    #: The language whose text is awaited (step ``text``).
    language: str = ""


def _next(options: tuple[Any, ...], current: Any) -> Any:
    return (
        options[(options.index(current) + 1) % len(options)] if current in options else options[0]
    )


class AnnounceFlow(Flow):
    name = "announce"
    for_managers = True
    commands = ("/announce",)

    compose = Step()
    text = Step()
    days = Step()
    confirm = Step()

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        if argument.strip().lower() in ("status", "статус", "състояние"):
            await self._status(ctx)
            return
        await ctx.start_flow(self)

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.keep(AnnounceData(by=ctx.incoming.user_id))
        await ctx.go(self.compose)

    def _data(self, ctx: Context) -> AnnounceData:
        return ctx.read(AnnounceData)

    def _keep_draft(self, ctx: Context, draft: Draft) -> None:
        ctx.keep(replace(self._data(ctx), draft=draft))

    # -- the draft screen ----------------------------------------------------------------

    async def ask_compose(self, ctx: Context) -> None:
        draft = self._data(ctx).draft
        counts = await announcing.count(ctx.unit, draft, ctx.today)
        product_names = {p.id: p.name for p in await products.all(ctx.unit)}
        t = ctx.t
        lines = [t("announce.title"), *self._text_lines(t, draft), ""]
        lines += self._filter_lines(t, draft, product_names)
        lines += ["", *announcing.count_lines(t, counts)]
        ctx.say("\n".join(lines), self._buttons(ctx, draft, product_names))

    def _text_lines(self, t: Texts, draft: Draft) -> list[str]:
        written = draft.texts
        lines = [
            t(
                "announce.text_line",
                language=t.language_name(code),
                excerpt=_excerpt(written[code]),
            )
            for code in LANGUAGES
            if code in written
        ] or [t("announce.no_texts")]
        lines.append(
            t("announce.fallback_line", language=t.language_name(draft.fallback))
            if draft.fallback
            else t("announce.fallback_none")
        )
        lines.append(t(f"announce.button_line_{draft.button}"))
        return lines

    def _filter_lines(self, t: Texts, draft: Draft, product_names: dict[int, str]) -> list[str]:
        any_text = t("announce.any")
        platforms = ", ".join(t(f"announce.platform_{p}") for p in draft.platforms) or any_text
        languages = ", ".join(t.language_name(c) for c in draft.languages) or any_text
        named = ", ".join(product_names.get(p, "—") for p in draft.products) or any_text
        return [
            t("announce.filters_title"),
            t("announce.filter_platform", value=platforms),
            t("announce.filter_language", value=languages),
            t(
                "announce.filter_linked",
                value=t("announce.linked_yes" if draft.linked_only else "announce.linked_no"),
            ),
            t("announce.filter_product", value=named),
            t("announce.filter_support", value=_support_text(t, draft)),
            t(
                "announce.filter_protection",
                value=t(f"announce.protection_{draft.protection or 'any'}"),
            ),
        ]

    def _buttons(self, ctx: Context, draft: Draft, product_names: dict[int, str]) -> Keyboard:
        t = ctx.t
        written = draft.texts

        def text_button(code: str) -> Button:
            key = "announce.edit_text_done" if code in written else "announce.edit_text"
            return Button(t(key, language=code.upper()), encode("announce.text", code))

        rows: list[tuple[Button, ...]] = [
            tuple(text_button(code) for code in LANGUAGES),
            (
                ctx.button("announce.change_fallback", "announce.fallback"),
                ctx.button("announce.change_button", "announce.button"),
            ),
            (
                ctx.button("announce.change_platform", "announce.platform"),
                ctx.button("announce.change_language", "announce.language"),
                ctx.button("announce.change_linked", "announce.linked"),
            ),
            (
                ctx.button("announce.change_product", "announce.product"),
                ctx.button("announce.change_support", "announce.support"),
                ctx.button("announce.change_protection", "announce.protection"),
            ),
        ]
        if draft.support.takes_days:
            rows.append(
                (ctx.button("announce.change_days", "announce.days", days=draft.support_days),)
            )
        rows.append(
            (
                ctx.button("announce.preview", "announce.preview"),
                ctx.button("announce.test_send", "announce.test"),
            )
        )
        rows.append(
            (
                ctx.button("announce.send", "announce.send"),
                ctx.button("announce.cancel", "announce.cancel"),
            )
        )
        return tuple(rows)

    async def on_compose(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        draft = self._data(ctx).draft
        action = payload.action.removeprefix("announce.")
        if action == "text" and payload.args and payload.args[0] in LANGUAGES:
            ctx.keep(replace(self._data(ctx), language=payload.args[0], by=msg.user_id))
            await ctx.go(self.text)
            return True
        if action == "days" and draft.support.takes_days:
            ctx.keep(replace(self._data(ctx), by=msg.user_id))
            await ctx.go(self.days)
            return True
        if action == "preview":
            await self._preview(ctx, draft)
            return True
        if action == "test":
            await self._test_send(ctx, draft)
            return True
        if action == "send":
            return await self._ask_to_send(ctx, draft)
        if action == "cancel":
            ctx.finish()
            ctx.say(ctx.t("announce.cancelled"), (ctx.menu_row(),))
            return True
        if action == "noop":
            ctx.say(ctx.t("announce.preview_button"))
            return True
        changed = await self._changed(ctx, action, draft)
        if changed is None:
            return False
        self._keep_draft(ctx, changed)
        await ctx.go(self.compose)
        return True

    async def _changed(self, ctx: Context, action: str, draft: Draft) -> Draft | None:
        """The draft after one of the stepping buttons (None: not such a button)."""
        policy = ctx.policy.announcements
        if action == "fallback":
            options = ("", *(code for code in LANGUAGES if code in draft.texts))
            return replace(draft, fallback=_next(options, draft.fallback))
        if action == "button":
            choices = tuple(b for b in announcing.BUTTONS if b != "renew" or "renewal" in ctx.flows)
            return replace(draft, button=_next(choices, draft.button))
        if action == "platform":
            return replace(draft, platforms=_next(_PLATFORMS, draft.platforms))
        if action == "language":
            return replace(draft, languages=_next(_LANGUAGE_CHOICES, draft.languages))
        if action == "linked":
            return replace(draft, linked_only=not draft.linked_only)
        if action == "product":
            offered = tuple((p.id,) for p in await products.all(ctx.unit))
            return replace(draft, products=_next(((), *offered), draft.products))
        if action == "support":
            status = _next(_SUPPORT_ORDER, draft.support)
            days = {
                SupportStatus.ENDS_WITHIN: policy.ends_within_days,
                SupportStatus.LAPSED_OVER: policy.lapsed_over_days,
            }.get(status, 0)
            return replace(draft, support=status, support_days=days)
        if action == "protection":
            return replace(draft, protection=_next(_PROTECTION, draft.protection))
        return None

    # -- typed answers -------------------------------------------------------------------

    async def ask_text(self, ctx: Context) -> None:
        language = self._data(ctx).language
        ctx.say(ctx.t("announce.ask_text", language=ctx.t.language_name(language)))

    async def on_text(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        text = msg.text.strip()
        if payload is not None or not text:
            return False
        if not self._from_author(ctx, msg):
            return True  # another manager's talk in a shared chat: not for the step
        data = self._data(ctx)
        self._keep_draft(ctx, data.draft.with_text(data.language, text))
        await ctx.go(self.compose)
        return True

    async def ask_days(self, ctx: Context) -> None:
        ctx.say(ctx.t("announce.ask_days", days=self._data(ctx).draft.support_days))

    async def on_days(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        typed = msg.text.strip()
        if payload is not None or not typed:
            return False
        if not self._from_author(ctx, msg):
            return True
        if not typed.isdigit() or not 0 < int(typed) <= announcing.MAX_DAYS:
            return False
        self._keep_draft(ctx, replace(self._data(ctx).draft, support_days=int(typed)))
        await ctx.go(self.compose)
        return True

    def _from_author(self, ctx: Context, msg: Incoming) -> bool:
        by = self._data(ctx).by
        return by is None or by == msg.user_id

    # -- preview and test send -----------------------------------------------------------

    async def _preview(self, ctx: Context, draft: Draft) -> None:
        if not draft.texts:
            ctx.say(ctx.t("announce.no_texts_yet"))
            return
        counts = await announcing.count(ctx.unit, draft, ctx.today)
        for code in announcing.preview_languages(draft, counts):
            rendered = announcing.render_for(draft, code, 0, None)
            if rendered is None:
                continue
            ctx.say(ctx.t("announce.preview_title", language=ctx.t.language_name(code)))
            harmless = tuple(
                tuple(Button(b.label, encode(_NOOP)) for b in row) for row in rendered.buttons
            )
            ctx.say(rendered.text, harmless)
        await ctx.go(self.compose)

    async def _test_send(self, ctx: Context, draft: Draft) -> None:
        language = ctx.account.language
        incoming = ctx.incoming
        if not await announcing.queue_sample(
            ctx.unit, draft, incoming.platform, incoming.user_id, language, now=ctx.now
        ):
            ctx.say(ctx.t("announce.no_texts_yet"))
            return
        ctx.say(ctx.t("announce.test_sent"))

    # -- sending -------------------------------------------------------------------------

    async def _ask_to_send(self, ctx: Context, draft: Draft) -> bool:
        if not draft.texts:
            ctx.say(ctx.t("announce.no_texts_yet"))
            return True
        counts = await announcing.count(ctx.unit, draft, ctx.today)
        if counts.recipients == 0:
            ctx.say(ctx.t("announce.nobody"))
            return True
        await ctx.go(self.confirm)
        return True

    async def ask_confirm(self, ctx: Context) -> None:
        draft = self._data(ctx).draft
        counts = await announcing.count(ctx.unit, draft, ctx.today)
        t = ctx.t
        lines = [t("announce.confirm", count=counts.recipients)]
        if counts.left_out:
            lines.append(t("announce.left_out", count=counts.left_out))
        ctx.say(
            "\n".join(lines),
            (
                (ctx.button("announce.send_now", "announce.send_now"),),
                (ctx.button("announce.back", "announce.back"),),
            ),
        )

    async def on_confirm(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action not in ("announce.send_now", "announce.back"):
            return False
        if payload.action == "announce.back":
            await ctx.go(self.compose)
            return True
        draft = self._data(ctx).draft
        author = announcing.Author(
            actor=manager_actor(msg),
            platform=ctx.incoming.platform,
            chat_id=ctx.incoming.chat_id,
            language=ctx.t.language,
        )
        number, queued = await announcing.send(
            ctx.unit, draft, author, today=ctx.today, now=ctx.now
        )
        ctx.finish()
        ctx.say(ctx.t("announce.queued", number=number, count=queued), (ctx.menu_row(),))
        return True

    # -- /announce status ----------------------------------------------------------------

    async def _status(self, ctx: Context) -> None:
        latest = await announcements.latest(ctx.unit, STATUS_SHOWN)
        if not latest:
            ctx.say(ctx.t("announce.status_none"))
            return
        lines = [ctx.t("announce.status_title")]
        for sent in latest:
            lines.append(await announcing.progress_line(ctx.unit, ctx.t, sent, ctx.policy.tz))
        ctx.say("\n".join(lines))
        if ctx.flow is not None and ctx.step is not None:
            await ctx.flow.ask(ctx, ctx.step)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[:EXCERPT] + "…"


def _support_text(t: Texts, draft: Draft) -> str:
    return t(f"announce.support_{draft.support.value}", days=draft.support_days)
