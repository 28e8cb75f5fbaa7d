"""Manager commands (docs/rules.md#managers): open requests, one request, find a customer,
statistics, export of requests, and import of the vendor's CSV by sending the file.

Only managers see this flow: the engine refuses its commands and buttons to anyone else.
The commands only read, so they leave the manager's chat where it was (a half-written
answer to a customer stays half-written).

Export and import open units of work of their own (the importer writes in batches, each
its own transaction), which must never run inside the step's unit: one connection, one
lock, so it would wait for itself. They are queued with :meth:`Context.after_commit` and
run by the engine once the step has committed; their report is the answer.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from collections.abc import Sequence
from datetime import timedelta, tzinfo
from pathlib import Path

from handlers.desk import cards
from handlers.desk.cards import person_label
from handlers.desk.customer_lookup import blocked_people
from handlers.desk.data_exports import requests_export
from handlers.desk.desk_actions import moment_text, request_id_of
from handlers.desk.import_report import report_text
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming, Keyboard, Reply
from handlers.engine.payloads import Payload, encode
from handlers.i18n import Texts
from handlers.rules.uploads import HEAD_BYTES, check_content
from storage import customers, keys, licenses, requests
from storage.db import Database
from storage.exporter import write_table
from storage.importer import import_csv
from storage.models import Customer, Request, RequestStatus

log = logging.getLogger(__name__)

#: Requests listed by /open (VK shows at most 10 inline buttons under a message).
OPEN_LIMIT = 10
#: Customers shown in full by /find; more means "refine the search".
FIND_LIMIT = 5
#: Last events of a request shown by /request.
EVENTS_SHOWN = 5
#: A long note (a relayed message) is cut to this many characters in the history.
NOTE_SHOWN = 120
#: Buttons in one row of the /open list.
BUTTONS_PER_ROW = 5

CARD_ACTION = "desk_commands.card"


def duration_text(t: Texts, value: timedelta) -> str:
    minutes = int(value.total_seconds()) // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return t("desk_commands.duration_days", days=days, hours=hours, minutes=minutes)
    if hours:
        return t("desk_commands.duration_hours", hours=hours, minutes=minutes)
    return t("desk_commands.duration_minutes", minutes=minutes)


def history_note(t: Texts, event: requests.RequestEvent, tz: tzinfo) -> str:
    """What a history event notes, for the reader of ``t``: the bot's own note (a card
    line, in their language) and then the free text a person typed, cut to
    :data:`NOTE_SHOWN`. A row from before note lines has only its text, shown as stored."""
    parts = []
    if event.note_line is not None:
        try:
            parts += cards.render_lines(t, [event.note_line], tz)
        except KeyError:  # a text since removed from the catalogue: name it, do not fail
            parts.append(event.note_line[0])
    free = event.note.replace("\n", " ")
    if free:
        parts.append(free if len(free) <= NOTE_SHOWN else free[:NOTE_SHOWN] + "…")
    return ": ".join(parts)


def _rows(buttons: Sequence[Button], width: int = BUTTONS_PER_ROW) -> Keyboard:
    return tuple(tuple(buttons[at : at + width]) for at in range(0, len(buttons), width))


def _card_button(t: Texts, request_id: int) -> Button:
    return Button(
        t("desk_commands.card_button", number=request_id), encode(CARD_ACTION, request_id)
    )


class DeskCommandsFlow(Flow):
    name = "desk_commands"
    menu_label = "desk_commands.menu_open"
    for_managers = True
    commands = ("/open", "/request", "/find", "/stats", "/export")
    global_actions = True

    find = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        await self._open(ctx)

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        if name == "/open":
            await self._open(ctx)
        elif name == "/request":
            number = argument.removeprefix("№").removeprefix("#").strip()
            if not number.isdigit() or len(number) > 12:
                ctx.say(ctx.t("desk_commands.request_usage"))
                return
            await self._card(ctx, int(number))
        elif name == "/find":
            if argument:
                await self._find(ctx, argument)
            else:
                ctx.finish()
                ctx.flow_name, ctx.flow = self.name, self
                await ctx.go(self.find)
        elif name == "/stats":
            await self._stats(ctx)
        elif name == "/export":
            self._export(ctx)

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        request_id = request_id_of(payload)
        if payload.action != CARD_ACTION or request_id is None or len(payload.args) != 1:
            ctx.say(ctx.t("common.bad_button"))
            return
        await self._card(ctx, request_id)

    # -- /open -------------------------------------------------------------------------

    async def on_reopen(self, ctx: Context) -> None:
        """The requests waiting for this manager: nobody's yet, or taken by them."""
        mine = f"{ctx.incoming.platform.value}:{ctx.incoming.user_id}"
        waiting = [
            request
            for request in await requests.open_requests(
                ctx.unit, limit=OPEN_LIMIT, newest_first=True
            )
            if request.manager in (None, mine)
        ]
        if not waiting:
            return
        lines = [ctx.t("desk_commands.waiting_title", count=len(waiting))]
        lines += [self._short_line(ctx, request) for request in waiting]
        ctx.say("\n".join(lines), _rows([_card_button(ctx.t, r.id) for r in waiting]))

    async def _open(self, ctx: Context) -> None:
        listed = await requests.open_requests(ctx.unit, limit=OPEN_LIMIT, newest_first=True)
        if not listed:
            ctx.say(ctx.t("desk_commands.open_none"))
            return
        total = await requests.count_open(ctx.unit)
        lines = [ctx.t("desk_commands.open_title", count=total)]
        lines += [self._short_line(ctx, request) for request in listed]
        if total > len(listed):
            lines.append(ctx.t("desk_commands.open_more", count=total - len(listed)))
        ctx.say("\n".join(lines), _rows([_card_button(ctx.t, r.id) for r in listed]))

    def _short_line(self, ctx: Context, request: Request) -> str:
        return ctx.t(
            "desk_commands.open_line",
            number=request.id,
            kind=ctx.t(f"desk.kind_{request.kind.value}"),
            status=ctx.t(f"desk.status_{request.status.value}"),
            who=cards.who_text(ctx.t, cards.RequestDetails.from_stored(request.details).who),
            created=moment_text(ctx, ctx.t, request.created_at),
        )

    # -- /request N and the card button ---------------------------------------------------

    async def _card(self, ctx: Context, request_id: int) -> None:
        request = await requests.get(ctx.unit, request_id)
        if request is None:
            ctx.say(ctx.t("desk_actions.not_found", number=request_id))
            return
        t = ctx.t
        parts = [await cards.card_text(ctx, t, request)]
        history = (await requests.events(ctx.unit, request.id))[-EVENTS_SHOWN:]
        if history:
            parts.append(t("desk_commands.events_title"))
        for event in history:
            what = []
            if event.to_status is not None:
                to_status = t(f"desk.status_{event.to_status.value}")
                what.append(
                    t(
                        "desk_commands.event_status",
                        from_status=t(f"desk.status_{event.from_status.value}"),
                        to_status=to_status,
                    )
                    if event.from_status is not None
                    else t("desk_commands.event_filed", status=to_status)
                )
            note = history_note(t, event, ctx.policy.tz)
            if note:
                what.append(note)
            parts.append(
                t(
                    "desk_commands.event_line",
                    when=moment_text(ctx, t, event.at),
                    who=await person_label(ctx.unit, t, event.actor),
                    what="; ".join(what),
                )
            )
        if request.rating is not None:
            parts.append(
                t("desk_commands.rating_line", rating=request.rating)
                + (f" — {request.rating_comment}" if request.rating_comment else "")
            )
        ctx.say("\n".join(parts), cards.card_buttons(t, request))

    # -- /find ---------------------------------------------------------------------------

    async def ask_find(self, ctx: Context) -> None:
        ctx.say(ctx.t("desk_commands.find_ask"))

    async def on_find(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        text = msg.text.strip()
        if payload is not None or not text:
            return False
        ctx.finish()
        await self._find(ctx, text)
        return True

    async def _find(self, ctx: Context, text: str) -> None:
        found = await customers.search(ctx.unit, text, limit=FIND_LIMIT + 1)
        if not found:
            ctx.say(ctx.t("desk_commands.find_none", text=text))
            return
        shown = found[:FIND_LIMIT]
        lines = [ctx.t("desk_commands.find_title", text=text)]
        buttons: list[Button] = []
        for customer in shown:
            open_ones = await self._describe(ctx, customer, lines)
            buttons += [_card_button(ctx.t, r.id) for r in open_ones]
        if len(found) > FIND_LIMIT:
            lines.append(ctx.t("desk_commands.find_more", count=FIND_LIMIT))
        ctx.say("\n".join(lines), _rows(buttons[:OPEN_LIMIT]))

    async def _describe(self, ctx: Context, customer: Customer, lines: list[str]) -> list[Request]:
        """Add the customer's lines (licenses, keys, open requests); return the open ones."""
        t = ctx.t
        none = t("desk_commands.find_nothing")
        lines.append("")
        lines.append(
            t(
                "desk_commands.find_customer",
                name=customer.name or "—",
                company=customer.company or "—",
                phone=customer.phone or "—",
                email=customer.email or "—",
            )
        )
        views = await licenses.views_of_customer(ctx.unit, customer.id)
        items = [
            t(
                "desk_commands.find_license",
                number=view.number,
                product=view.product_name,
                end=t.date(view.support_end),
            )
            for view in views
        ]
        lines.append(t("desk_commands.find_licenses", items="; ".join(items) or none))
        owned = await keys.of_customer(ctx.unit, customer.id)
        items = [
            t(
                "desk_commands.find_key",
                serial=key.serial,
                kind=t(f"desk_commands.key_kind_{key.kind.value}"),
                status=t(f"desk_commands.key_status_{key.status.value}"),
            )
            for key in owned
        ]
        lines.append(t("desk_commands.find_keys", items="; ".join(items) or none))
        open_ones = await requests.of_customer(ctx.unit, customer.id, open_only=True)
        items = [
            t(
                "desk_commands.find_request",
                number=request.id,
                kind=t(f"desk.kind_{request.kind.value}"),
                status=t(f"desk.status_{request.status.value}"),
            )
            for request in open_ones
        ]
        lines.append(t("desk_commands.find_requests", items="; ".join(items) or none))
        for account, block in await blocked_people(ctx.unit, customer.id):
            who = cards.who_text(t, cards.who(account, None, "", None))
            when = moment_text(ctx, t, block.blocked_at)
            lines.append(t("blocking.find_line", who=who, when=when, reason=block.reason))
        return open_ones

    # -- /stats --------------------------------------------------------------------------

    async def _stats(self, ctx: Context) -> None:
        t = ctx.t
        numbers = await requests.stats(ctx.unit)
        lines = [t("desk_commands.stats_title", total=numbers.total)]
        kinds = sorted({kind for kind, _ in numbers.counts}, key=lambda k: k.value)
        for kind in kinds:
            in_kind = {s: n for (k, s), n in numbers.counts.items() if k is kind}
            lines.append(
                t(
                    "desk_commands.stats_kind",
                    kind=t(f"desk.kind_{kind.value}"),
                    count=sum(in_kind.values()),
                    statuses=self._statuses(t, in_kind),
                )
            )
        by_status: dict[RequestStatus, int] = {}
        for (_, status), n in numbers.counts.items():
            by_status[status] = by_status.get(status, 0) + n
        if by_status:
            lines.append(t("desk_commands.stats_by_status", statuses=self._statuses(t, by_status)))
        if numbers.median_first_answer is None:
            lines.append(t("desk_commands.stats_no_answers"))
        else:
            lines.append(
                t(
                    "desk_commands.stats_median",
                    duration=duration_text(t, numbers.median_first_answer),
                    count=numbers.answered,
                )
            )
        if numbers.p90_first_answer is not None:
            lines.append(
                t(
                    "desk_commands.stats_p90",
                    duration=duration_text(t, numbers.p90_first_answer),
                    promised=ctx.policy.desk.first_response_minutes,
                )
            )
        ctx.say("\n".join(lines))

    def _statuses(self, t: Texts, counts: dict[RequestStatus, int]) -> str:
        order = list(RequestStatus)
        ordered = sorted(counts.items(), key=lambda item: order.index(item[0]))
        return ", ".join(
            t("desk_commands.stats_status", status=t(f"desk.status_{s.value}"), count=n)
            for s, n in ordered
        )

    # -- /export -------------------------------------------------------------------------

    def _export(self, ctx: Context) -> None:
        folder, now, t, tz = ctx.desk.files_dir, ctx.now, ctx.t, ctx.policy.tz

        async def export(db: Database) -> None:
            try:
                if folder is not None:
                    target = folder / "exports"
                else:
                    target = Path(await asyncio.to_thread(tempfile.mkdtemp, prefix="export-"))
                path = target / f"{t('web.data_file_requests')}-{now:%Y%m%d-%H%M%S}.csv"
                async with db.unit() as unit:
                    export = await requests_export(unit, t, tz)
                await asyncio.to_thread(write_table, path, export.header, export.rows)
            except OSError:
                log.exception("export of requests failed")
                ctx.say(t("desk_commands.export_failed"))
                return
            ctx.replies.append(
                Reply(t("desk_commands.export_done", count=len(export.rows)), document=str(path))
            )

        ctx.after_commit(export)

    # -- CSV import: a manager sends the file ----------------------------------------------

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        sent = [a for a in message.attachments if a.name.lower().endswith(".csv")]
        if not sent:
            return False
        attachment = sent[0]
        path = Path(attachment.file_id)
        if not await asyncio.to_thread(path.is_file):
            # A messenger's file handle: the channel has not downloaded the file (yet).
            ctx.say(ctx.t("desk_commands.import_not_local", name=attachment.name))
            return True
        if check_content(attachment.name, await asyncio.to_thread(_head, path)) is not None:
            ctx.say(ctx.t("uploads.import_not_text", name=attachment.name))
            return True
        now, today, t = ctx.now, ctx.today, ctx.t
        months = ctx.policy.support.default_term_months

        async def run_import(db: Database) -> None:
            try:
                report = await import_csv(
                    db, path, now=now, today=today, default_support_months=months
                )
            except OSError:
                log.exception("import of %s failed", path)
                ctx.say(t("desk_commands.import_failed", name=attachment.name))
                return
            ctx.say(report_text(t, attachment.name, report))

        ctx.after_commit(run_import)
        return True


def _head(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(HEAD_BYTES)
