"""Blocking a person (docs/rules.md#blocking): ``/block N reason``, ``/unblock N``,
``/blocked`` and ``/blocked N``, where N is a request number, as in every desk command:
the person is whoever filed request N (their messenger account).

A block records the reason, the manager and the moment (``storage.blocks``). The person is
told once, politely, when blocked (and again when unblocked). From then on everything they
write is kept in the blocked list (``/blocked``: who, since when, why, how many messages;
``/blocked N``: the messages themselves) and never reaches the desk: no new requests, no
card updates, no answer. ``/mydata`` and ``/forget`` still work for them (:meth:`screen`),
and ``/mydata`` shows the block. The request card and ``/find`` show it to the managers.

Blocking closes nothing: the person's open requests stay on the desk, and the manager who
blocks is told which (to close them as done or rejected, with a reason the person reads).

The managers' commands only read or write the block: they leave the manager's chat where it
was. Bad input (no number, an unknown request, no reason) gets a clear answer and changes
nothing.
"""

from __future__ import annotations

from handlers.desk.cards import RequestDetails, person_label, who_text
from handlers.desk.desk_actions import manager_actor, moment_text
from handlers.engine.flow import Context, Flow
from handlers.engine.messages import Incoming
from handlers.flows.privacy import PrivacyFlow
from handlers.i18n import Texts
from storage import accounts, blocks, requests
from storage.models import Account, Request

#: The longest reason kept (a card line and a list line carry it).
REASON_MAX_CHARS = 500
#: The messages ``/blocked N`` shows, the latest.
MESSAGES_SHOWN = 20
#: Blocked people ``/blocked`` lists, the latest blocked first.
LIST_LIMIT = 30


def request_number(text: str) -> tuple[int | None, str]:
    """``"12 spam"`` → ``(12, "spam")``; ``"№12"`` and ``"#12"`` too; no number → None."""
    first, _, rest = text.strip().partition(" ")
    number = first.removeprefix("№").removeprefix("#")
    if not number.isdigit() or len(number) > 12:
        return None, rest.strip()
    return int(number), " ".join(rest.split())


def _who(t: Texts, request: Request) -> str:
    return who_text(t, RequestDetails.from_stored(request.details).who)


class BlockingFlow(Flow):
    name = "blocking"
    # The commands are the managers'; the engine asks the screen of a blocked person's
    # messages whoever writes.
    for_managers = True
    commands = ("/block", "/unblock", "/blocked")

    # -- a blocked person writes ------------------------------------------------------------

    async def screen(self, ctx: Context, message: Incoming) -> bool:
        """A blocked person's message: kept in the blocked list, nothing else (True). Their
        personal-data commands and that flow's buttons go on as usual (False)."""
        if ctx.account.blocked_at is None or ctx.is_manager:
            return False
        command = message.command
        if command is not None and command[0] in PrivacyFlow.commands:
            return False
        if message.payload is not None and ctx.flow_name == PrivacyFlow.name:
            return False
        if command is not None:
            return True  # the menu, help, a desk command: nothing to keep, nothing to do
        text = message.text.strip()
        files = ", ".join(attachment.name for attachment in message.attachments)
        if text or files:
            found = await blocks.active(ctx.unit, ctx.account.id)
            if found is not None:
                await blocks.keep_message(ctx.unit, found.id, text=text, files=files, now=ctx.now)
        return True

    # -- the managers' commands -------------------------------------------------------------

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        if name == "/block":
            await self._block(ctx, argument)
        elif name == "/unblock":
            await self._unblock(ctx, argument)
        elif argument.strip():
            await self._messages(ctx, argument)
        else:
            await self._list(ctx)

    async def _person(self, ctx: Context, number: int) -> tuple[Request, Account] | None:
        """Request N and the person who filed it; otherwise say so (None)."""
        request = await requests.get(ctx.unit, number)
        account = (
            await accounts.get(ctx.unit, request.account_id)
            if request is not None and request.account_id is not None
            else None
        )
        if request is None or account is None:
            ctx.say(ctx.t("blocking.not_found", number=number))
            return None
        return request, account

    async def _block(self, ctx: Context, argument: str) -> None:
        number, reason = request_number(argument)
        if number is None:
            ctx.say(ctx.t("blocking.block_usage"))
            return
        if not reason:
            ctx.say(ctx.t("blocking.reason_missing", number=number))
            return
        if len(reason) > REASON_MAX_CHARS:
            ctx.say(ctx.t("blocking.reason_too_long", count=REASON_MAX_CHARS))
            return
        await ctx.unit.begin()  # what is read here decides what is written
        found = await self._person(ctx, number)
        if found is None:
            return
        request, account = found
        who = _who(ctx.t, request)
        blocked = await blocks.block(
            ctx.unit,
            account.id,
            request_id=request.id,
            reason=reason,
            by=manager_actor(ctx.incoming),
            now=ctx.now,
        )
        if blocked is None:
            existing = await blocks.active(ctx.unit, account.id)
            since = moment_text(ctx, ctx.t, existing.blocked_at) if existing else "—"
            ctx.say(ctx.t("blocking.already", number=number, who=who, when=since))
            return
        await ctx.queue_to_account(account, lambda t: t("blocking.notice"))
        answer = [ctx.t("blocking.blocked", number=number, who=who)]
        # Their open requests stay on the desk for a manager to close (done, or rejected
        # with a reason the person reads): blocking decides nothing about them.
        still_open = await requests.of_account(ctx.unit, account.id, open_only=True)
        if still_open:
            numbers = ", ".join(
                ctx.t("digest.number", number=r.id) for r in sorted(still_open, key=lambda r: r.id)
            )
            answer.append(ctx.t("blocking.still_open", count=len(still_open), numbers=numbers))
        ctx.say("\n\n".join(answer))

    async def _unblock(self, ctx: Context, argument: str) -> None:
        number, _ = request_number(argument)
        if number is None:
            ctx.say(ctx.t("blocking.unblock_usage"))
            return
        await ctx.unit.begin()
        found = await self._person(ctx, number)
        if found is None:
            return
        request, account = found
        who = _who(ctx.t, request)
        lifted = await blocks.unblock(
            ctx.unit, account.id, by=manager_actor(ctx.incoming), now=ctx.now
        )
        if lifted is None:
            ctx.say(ctx.t("blocking.not_blocked", number=number, who=who))
            return
        await ctx.queue_to_account(account, lambda t: t("blocking.unblocked_notice"))
        ctx.say(ctx.t("blocking.unblocked", number=number, who=who, count=lifted.messages))

    async def _list(self, ctx: Context) -> None:
        t = ctx.t
        listed = await blocks.all_active(ctx.unit)
        if not listed:
            ctx.say(t("blocking.list_none"))
            return
        lines = [t("blocking.list_title", count=len(listed))]
        for block in listed[:LIST_LIMIT]:
            request = (
                await requests.get(ctx.unit, block.request_id)
                if block.request_id is not None
                else None
            )
            lines.append(
                t(
                    "blocking.list_line",
                    number=block.request_id or 0,
                    who=_who(t, request) if request is not None else "—",
                    when=moment_text(ctx, t, block.blocked_at),
                    manager=await person_label(ctx.unit, t, block.blocked_by),
                    reason=block.reason,
                    count=block.messages,
                )
            )
        if len(listed) > LIST_LIMIT:
            lines.append(t("blocking.list_more", count=len(listed) - LIST_LIMIT))
        lines.append(t("blocking.list_hint"))
        ctx.say("\n".join(lines))

    async def _messages(self, ctx: Context, argument: str) -> None:
        number, rest = request_number(argument)
        if number is None or rest:
            ctx.say(ctx.t("blocking.blocked_usage"))
            return
        found = await self._person(ctx, number)
        if found is None:
            return
        request, account = found
        t, who = ctx.t, _who(ctx.t, request)
        if not await blocks.of_account(ctx.unit, account.id):
            ctx.say(t("blocking.never_blocked", number=number, who=who))
            return
        shown, total = await blocks.messages(ctx.unit, account.id, limit=MESSAGES_SHOWN)
        if not total:
            ctx.say(t("blocking.messages_none", number=number, who=who))
            return
        lines = [t("blocking.messages_title", number=number, who=who, count=total)]
        if total > len(shown):
            lines.append(t("blocking.messages_more", count=total - len(shown)))
        for message in shown:
            when = moment_text(ctx, t, message.at)
            text = message.text or "—"
            if message.files:
                lines.append(t("blocking.message_files", when=when, text=text, names=message.files))
            else:
                lines.append(t("blocking.message_line", when=when, text=text))
        ctx.say("\n".join(lines))
