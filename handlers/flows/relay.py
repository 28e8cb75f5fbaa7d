"""Whatever a customer writes reaches a person, in the thread it belongs to
(docs/rules.md#managers).

A customer writes to a request in two ways:

* presses "Reply" under a manager's answer (``relay.to:<request>``): the next message,
  text or a file, belongs to that request;
* simply writes while in no conversation (:meth:`RelayFlow.on_idle`). The thread is
  chosen by :func:`handlers.rules.threads.thread_for`: the request a manager answered
  last (reopened when it was closed as done within ``desk.reopen_days``), else the only
  open one, else one tap among the open ones; with none a new question is filed for the
  managers, naming the request it follows if there was one. The customer is told which
  request the message went to and when the answer will come (``desk.first_response_minutes``
  of working time; after hours with the call-back offered), with a "This is a new
  question" button that moves the message into a request of its own.

The message reaches every manager destination ("Customer's message on request N") with
Reply and Done buttons (:func:`notify`: while that notice still waits for the sender, the
next messages join it, "N new messages", instead of queueing more), is recorded in the
request's history, and files are recorded as attachments of the request (checked like any
upload). A request waiting for the customer goes back into work. Managers' answers come
the other way in :mod:`handlers.desk.desk_actions`.

A chat writing faster than ``flood.messages_per_minute`` (a person not linked to a customer:
``flood.unlinked_messages_per_minute``) has its messages *folded* (:func:`fold`, decided by
:func:`handlers.rules.flood.flood_step`): each is still recorded with its request, but the
managers get one update per burst (later messages only join an update still waiting) and
the customer one polite answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import RequestDetails, file_request, who_text
from handlers.engine.attachments import FileKind, accept_attachment, problem_text, upload_problem
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Attachment, Button, Incoming, Keyboard, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.flows.callback import CallbackFlow, day_words, topic_value
from handlers.flows.manager_contact import QuestionDetails
from handlers.i18n import Texts, texts
from handlers.rules.calendar import calendar_for
from handlers.rules.flood import LOOKBACK, FloodStep, flood_step, limit_per_minute
from handlers.rules.intents import IntentMatcher
from handlers.rules.threads import Join, ThreadCandidate, ThreadChoice, thread_for
from storage import relay_notices, requests
from storage.models import OPEN_STATUSES, Account, Request, RequestKind, RequestStatus

#: The customer's "Reply" button under a manager's answer.
REPLY_ACTION = "relay.to"
#: How many open requests the "which request?" question lists (VK: ≤ 10 inline buttons).
PICK_LIMIT = 9
#: The role of a follow-up file among the request's attachments.
FOLLOW_UP_ROLE = "other"
#: "This is a new question" under the answer to a message that joined a request.
SPLIT_ACTION = "relay.split"
#: The customer's pick among open requests: "a new question" instead.
PICK_NEW_ACTION = "relay.pick_new"
#: "Send to a manager" under the offer of the flow a message asked for.
SEND_ACTION = "relay.send"
#: Longest message quoted on a new question's card (a card is one messenger message).
MAX_CARD_CHARS = 2000
#: A managers' notice carrying several messages quotes the latest this many, each cut to
#: this length (all of them are in the request's history): it stays one messenger message.
NOTICE_QUOTES = 5
NOTICE_QUOTE_CHARS = 300


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingMessage(Stored):
    """A message written while idle, waiting for the customer to pick its request."""

    text: str = ""
    files: tuple[tuple[Any, ...], ...] = ()
    """Its files, each ``[file_id, name, size, mime]``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RelayData(Stored):
    """What the relay holds: the request "Reply" was pressed for, or a message waiting
    for its request to be picked."""

    request_id: int | None = None
    pending: PendingMessage | None = None
    offered: str | None = None
    """The flow the pending message plainly asked for (offered with "Send to a manager")."""


def reply_keyboard(customer: Account, request_id: int) -> Keyboard:
    """The "Reply" button for a message to ``customer`` about ``request_id``."""
    t = texts(customer.language)
    return ((Button(t("relay.reply"), encode(REPLY_ACTION, request_id)),),)


def _manager_buttons(request_id: int) -> Callable[[Texts], Keyboard]:
    def render(t: Texts) -> Keyboard:
        return (
            (
                Button(t("desk.reply"), encode("desk_actions.reply", request_id)),
                Button(t("desk.done"), encode("desk_actions.done", request_id)),
            ),
        )

    return render


def _files_to_data(files: Sequence[Attachment]) -> tuple[tuple[Any, ...], ...]:
    return tuple((f.file_id, f.name, f.size, f.mime) for f in files)


def _files_from_data(data: Sequence[Sequence[Any]]) -> list[Attachment]:
    return [Attachment(str(i), str(n), int(s), str(m)) for i, n, s, m in data]


async def record(ctx: Context, request: Request, text: str, files: Sequence[Attachment]) -> int:
    """Keep a customer's follow-up with ``request`` (open and theirs, the files already
    checked, the unit's write transaction begun): its history note and its files; a request
    waiting for the customer goes back into work. Returns the history event of the message."""
    if request.status is RequestStatus.WAITING_CUSTOMER:
        await requests.set_status(
            ctx.unit, request.id, RequestStatus.IN_WORK, actor="customer", now=ctx.now
        )
    for attachment in files:
        await accept_attachment(
            ctx, attachment, request_id=request.id, role=FOLLOW_UP_ROLE, kind=FileKind.MESSAGE
        )
    return await requests.add_note(
        ctx.unit, request.id, actor="customer", note=_note(text, files), now=ctx.now
    )


def _note(text: str, files: Sequence[Attachment]) -> str:
    names = ", ".join(f.name for f in files)
    return "\n".join(part for part in (text, f"[{names}]" if names else "") if part)


def _message_lines(t: Texts, text: str, files: Sequence[Attachment]) -> list[str]:
    lines = [text] if text else []
    if files:
        names = ", ".join(f.name for f in files)
        lines.append(t("relay.files_line", count=len(files), names=names))
    return lines


async def forward(ctx: Context, request: Request, text: str, files: Sequence[Attachment]) -> int:
    """Pass a customer's follow-up to the managers (:func:`record`, then :func:`notify`).
    Returns the history event of the message (the customer is told by the caller)."""
    event_id = await record(ctx, request, text, files)
    await notify(ctx, request, event_id, text, files, flood=False)
    return event_id


async def fold(
    ctx: Context, step: FloodStep, request: Request, text: str, files: Sequence[Attachment]
) -> None:
    """A message beyond the flood limit (docs/rules.md#flood-control): kept with ``request``
    like any other; the first of a burst brings the managers one update and the customer
    one polite answer, the later ones only join an update still waiting to be sent."""
    event_id = await record(ctx, request, text, files)
    first = step is FloodStep.FOLD_FIRST
    await notify(ctx, request, event_id, text, files, flood=True, join_only=not first)
    if first:
        ctx.say(ctx.t("relay.flood_notice", number=request.id), (ctx.menu_row(),))


async def notify(
    ctx: Context,
    request: Request,
    event_id: int,
    text: str,
    files: Sequence[Attachment],
    *,
    flood: bool,
    join_only: bool = False,
) -> None:
    """Tell every manager destination of the customer's message (history event
    ``event_id``): it joins the destination's notice about the request that still waits
    untried in the outbox ("N new messages", the latest quoted), else it gets a notice of
    its own (:mod:`storage.relay_notices`). ``flood``: the chat writes beyond the limit;
    ``join_only``: only join a waiting notice, queue none (a burst's later messages)."""
    who = RequestDetails.from_stored(request.details).who
    limit = limit_per_minute(ctx.policy, linked=ctx.customer_id is not None)
    for destination in ctx.desk.destinations:
        t = texts(destination.language)
        place = (request.id, destination.platform, destination.chat_id)
        waiting = await relay_notices.pending(ctx.unit, *place)
        if waiting is not None:
            flooding = flood or waiting.flood
            notes = await requests.customer_messages_since(
                ctx.unit, request.id, from_event=waiting.first_event
            )
            joined = _notice_text(
                t, request.id, who_text(t, who), notes, limit if flooding else None
            )
            if await relay_notices.rewrite(ctx.unit, waiting, *place, joined, flood=flooding):
                continue
        if join_only:
            continue
        heading = (
            t("relay.flood_to_managers", number=request.id, who=who_text(t, who), limit=limit)
            if flood
            else t("relay.to_managers", number=request.id, who=who_text(t, who))
        )
        buttons = [[(b.label, b.payload) for b in row] for row in _manager_buttons(request.id)(t)]
        await relay_notices.queue(
            ctx.unit,
            *place,
            "\n".join([heading, *_message_lines(t, text, files)]),
            buttons,
            first_event=event_id,
            flood=flood,
            now=ctx.now,
        )


def _notice_text(
    t: Texts, number: int, who: str, notes: Sequence[str], flood_limit: int | None
) -> str:
    """A notice carrying several messages: how many (all in the history, ``/request N``)
    and the latest :data:`NOTICE_QUOTES` of them; ``flood_limit``: the chat floods."""
    if flood_limit is None:
        lines = [t("relay.to_managers_many", number=number, who=who, count=len(notes))]
    else:
        lines = [
            t("relay.flood_to_managers", number=number, who=who, limit=flood_limit),
            t("relay.notice_latest", count=len(notes)),
        ]
    for note in notes[-NOTICE_QUOTES:]:
        quoted = note if len(note) <= NOTICE_QUOTE_CHARS else note[: NOTICE_QUOTE_CHARS - 1] + "…"
        lines.append(f"» {quoted}")
    return "\n".join(lines)


async def flood_step_now(ctx: Context) -> FloodStep:
    """What the message being handled is for flood control (begins the write transaction:
    what is read decides what is written)."""
    await ctx.unit.begin()
    earlier = await requests.customer_message_times(
        ctx.unit, ctx.account.id, since=ctx.now - LOOKBACK
    )
    return flood_step(earlier, ctx.now, ctx.policy, linked=ctx.customer_id is not None)


def _intent(ctx: Context, text: str) -> str | None:
    """The customer's flow ``text`` plainly asks for (its phrases: ``intents.<flow>``)."""
    offered = tuple(
        (flow.name, ctx.t(f"intents.{flow.name}"))
        for flow in ctx.flows.values()
        if flow.menu_label and flow.for_managers is not True and ctx.t.has(f"intents.{flow.name}")
    )
    return _matcher(ctx.t.language, offered).match(text) if offered else None


@lru_cache(maxsize=16)
def _matcher(language: str, offered: tuple[tuple[str, str], ...]) -> IntentMatcher:
    """Built once per language and set of phrases (a vendor's override changes the set)."""
    return IntentMatcher.build(language, {name: text.splitlines() for name, text in offered})


def promised_answer(ctx: Context) -> str:
    """When the answer will come: ``desk.first_response_minutes`` of working time from now
    ("today by 15:30"); after hours the same from the next working morning, with the
    call-back mentioned."""
    calendar = calendar_for(ctx.policy)
    due = calendar.after_working_minutes(ctx.now, ctx.policy.desk.first_response_minutes)
    working = calendar.is_working_time(ctx.now)
    key = "relay.expect_by" if working else "relay.expect_after_hours"
    day = day_words(ctx.t, ctx.policy, due, ctx.now)
    expected = ctx.t(key, day=day, time=ctx.t.time(due.astimezone(ctx.policy.tz)))
    if not working and CallbackFlow.name in ctx.flows:  # a vendor that calls back
        expected += " " + ctx.t("relay.callback_offer")
    return expected


def _answer_buttons(ctx: Context, split_from: int | None) -> Keyboard:
    """Under "your message went to request N": split it off (when it joined a request),
    a call back after hours (where the flow exists), the menu."""
    rows: list[tuple[Button, ...]] = []
    if split_from is not None:
        rows.append((ctx.button("relay.split", SPLIT_ACTION, split_from),))
    if CallbackFlow.name in ctx.flows and not calendar_for(ctx.policy).is_working_time(ctx.now):
        rows.append((ctx.button(CallbackFlow.menu_label or "", "go", CallbackFlow.name),))
    rows.append(ctx.menu_row())
    return tuple(rows)


async def file_question(
    ctx: Context,
    text: str,
    files: Sequence[Attachment],
    *,
    previous: int | None = None,
    split_from: int | None = None,
) -> int:
    """A new question request with what the customer wrote; the managers get its card."""
    calendar = calendar_for(ctx.policy)
    working = calendar.is_working_time(ctx.now)
    due = None if working else calendar.next_working_morning(ctx.now)
    quoted = text if len(text) <= MAX_CARD_CHARS else text[: MAX_CARD_CHARS - 1] + "…"
    lines = [cards.line("manager_contact.card_topic", topic=topic_value(ctx.t, "general"))]
    if quoted:
        lines.append(cards.line("manager_contact.card_question", message=quoted))
    if previous is not None:
        lines.append(cards.line("relay.card_follows", number=previous))
    if split_from is not None:
        lines.append(cards.line("relay.card_split_from", number=split_from))
    if due is not None:
        lines.append(cards.line("manager_contact.card_next_morning", when=cards.moment(due)))
    details = QuestionDetails(topic="general", question_text=text or None)
    stored = details.to_stored()
    if previous is not None:
        stored["follows"] = previous
    request_id = await file_request(
        ctx, RequestKind.QUESTION, card=lines, details=stored, due_at=due
    )
    for attachment in files:
        await accept_attachment(
            ctx, attachment, request_id=request_id, role=FOLLOW_UP_ROLE, kind=FileKind.MESSAGE
        )
    note = "\n".join(part for part in (text, ", ".join(f.name for f in files)) if part)
    await requests.add_note(ctx.unit, request_id, actor="customer", note=note, now=ctx.now)
    return request_id


class RelayFlow(Flow):
    name = "relay"
    for_managers = False
    global_actions = True

    message = Step()
    pick = Step()
    offer = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        ctx.say(ctx.t("relay.how_to"), (ctx.menu_row(),))

    # -- the customer's own request -------------------------------------------------------

    async def _own_open(self, ctx: Context, payload: Payload, *, for_write: bool) -> Request | None:
        """The open request of this customer a button names; otherwise say why not."""
        request_id = payload.optional_int(0)
        if request_id is None or len(payload.args) != 1:
            ctx.say(ctx.t("common.bad_button"))
            return None
        if for_write:
            await ctx.unit.begin()  # what is read here decides what is written
        return self._still_open(ctx, await requests.get(ctx.unit, request_id))

    def _still_open(self, ctx: Context, request: Request | None) -> Request | None:
        """The request if it is this customer's and still open; otherwise say why not."""
        if request is None or request.account_id != ctx.account.id:
            ctx.say(ctx.t("relay.not_yours"))
            return None
        if request.status not in OPEN_STATUSES:
            ctx.say(ctx.t("relay.closed", number=request.id), (ctx.menu_row(),))
            return None
        return request

    def _enter(self, ctx: Context, data: RelayData) -> None:
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        ctx.keep(data)

    def _file_problems(self, ctx: Context, files: Sequence[Attachment]) -> bool:
        """Say what is wrong with the first bad file; True when there is one."""
        for attachment in files:
            problem = upload_problem(ctx, attachment, FileKind.MESSAGE)
            if problem is not None:
                ctx.say(problem_text(ctx, problem, FileKind.MESSAGE))
                return True
        return False

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        if payload.action == REPLY_ACTION:
            request = await self._own_open(ctx, payload, for_write=False)
            if request is not None:
                self._enter(ctx, RelayData(request_id=request.id))
                await ctx.go(self.message)
            return
        if payload.action == "relay.pick":
            pending = ctx.read(RelayData).pending if ctx.flow_name == self.name else None
            if ctx.step != self.pick.name or pending is None:
                ctx.say(ctx.t("common.stale_button"))
                return
            request = await self._own_open(ctx, payload, for_write=True)
            if request is None:
                await ctx.go(self.pick)
                return
            ctx.finish()
            await forward(ctx, request, pending.text, _files_from_data(pending.files))
            ctx.say(ctx.t("relay.sent", number=request.id), (ctx.menu_row(),))
            return
        if payload.action == PICK_NEW_ACTION:
            pending = ctx.read(RelayData).pending if ctx.flow_name == self.name else None
            if ctx.step != self.pick.name or pending is None:
                ctx.say(ctx.t("common.stale_button"))
                return
            await ctx.unit.begin()
            ctx.finish()
            files = _files_from_data(pending.files)
            request_id = await file_question(ctx, pending.text, files)
            self._tell_filed(ctx, request_id, previous=None)
            return
        if payload.action == SPLIT_ACTION:
            await self._split(ctx, payload)
            return
        if payload.action == SEND_ACTION:
            if ctx.flow_name != self.name or ctx.step != self.offer.name:
                ctx.say(ctx.t("common.stale_button"))
                return
            await self._send_pending(ctx)
            return
        ctx.say(ctx.t("common.bad_button"))

    # -- after "Reply": the next message ------------------------------------------------

    async def ask_message(self, ctx: Context) -> None:
        request_id = ctx.read(RelayData).request_id
        if request_id is None:  # a state without its request: nothing to write to
            ctx.finish()
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            return
        ctx.say(ctx.t("relay.ask_message", number=request_id))

    async def on_message(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        text, files = msg.text.strip(), list(msg.attachments)
        if payload is not None or msg.contact is not None or not (text or files):
            return False
        if self._file_problems(ctx, files):
            return True  # the chat stays at the step: another file may follow
        step = await flood_step_now(ctx)
        request_id = ctx.read(RelayData).request_id
        request = await requests.get(ctx.unit, request_id) if request_id is not None else None
        ctx.finish()
        request = self._still_open(ctx, request)
        if request is not None and step is not FloodStep.PASS:
            await fold(ctx, step, request, text, files)
        elif request is not None:
            await forward(ctx, request, text, files)
            ctx.say(ctx.t("relay.sent", number=request.id), (ctx.menu_row(),))
        return True

    # -- written while in no conversation -----------------------------------------------

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        text, files = message.text.strip(), list(message.attachments)
        if message.contact is not None or not (text or files):
            return False
        if self._file_problems(ctx, files):
            return True
        step = await flood_step_now(ctx)
        intent = _intent(ctx, text) if text and not files and step is FloodStep.PASS else None
        if intent is not None:
            self._enter(ctx, RelayData(pending=PendingMessage(text=text), offered=intent))
            await ctx.go(self.offer)
            return True
        await self._deliver(ctx, text, files, step)
        return True

    async def _deliver(
        self,
        ctx: Context,
        text: str,
        files: Sequence[Attachment],
        step: FloodStep | None = None,
    ) -> None:
        """The message to a person: into its thread, or a new question (see the module);
        beyond the flood limit folded into the thread (``step``: already judged)."""
        if step is None:
            step = await flood_step_now(ctx)  # begins the write transaction
        choice = await self._thread(ctx)
        if step is not FloodStep.PASS and choice.join is not Join.NEW:
            # No one-tap choice in a flood: the newest open request takes the message.
            request_id = choice.request_id if choice.join is Join.JOIN else choice.choices[0]
            request = await requests.get(ctx.unit, request_id) if request_id else None
            if request is not None:
                if choice.reopen:
                    await requests.reopen(ctx.unit, request.id, actor="customer", now=ctx.now)
                await fold(ctx, step, request, text, files)
                return
        if choice.join is Join.PICK:
            pending = PendingMessage(text=text, files=_files_to_data(files))
            self._enter(ctx, RelayData(pending=pending))
            await ctx.go(self.pick)
            return
        request = await requests.get(ctx.unit, choice.request_id) if choice.request_id else None
        if choice.join is Join.JOIN and request is not None:
            if choice.reopen:
                await requests.reopen(ctx.unit, request.id, actor="customer", now=ctx.now)
                await cards.send_card(ctx, request.id)
            event_id = await forward(ctx, request, text, files)
            key = "relay.reopened" if choice.reopen else "relay.joined"
            ctx.say(
                f"{ctx.t(key, number=request.id)}\n{promised_answer(ctx)}",
                _answer_buttons(ctx, event_id),
            )
            return
        request_id = await file_question(ctx, text, files, previous=choice.previous)
        self._tell_filed(ctx, request_id, previous=choice.previous)

    # -- a question that plainly asks for a conversation -------------------------------

    async def ask_offer(self, ctx: Context) -> None:
        flow = ctx.flows.get(ctx.read(RelayData).offered or "")
        if flow is None or flow.menu_label is None:  # the flow is gone: to a person
            await self._send_pending(ctx)
            return
        ctx.say(
            ctx.t("relay.offer", flow=ctx.t(flow.menu_label)),
            (
                (ctx.button(flow.menu_label, "go", flow.name),),
                (ctx.button("relay.send_to_manager", SEND_ACTION),),
                ctx.menu_row(),
            ),
        )

    async def on_offer(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        """Written again instead of pressing: both messages go to a person together."""
        if payload is not None or msg.contact is not None:
            return False
        text, files = msg.text.strip(), list(msg.attachments)
        if not (text or files):
            return False
        if self._file_problems(ctx, files):
            return True
        pending = ctx.read(RelayData).pending
        earlier = pending.text if pending is not None else ""
        ctx.finish()
        await self._deliver(ctx, "\n".join(part for part in (earlier, text) if part), files)
        return True

    async def _send_pending(self, ctx: Context) -> None:
        pending = ctx.read(RelayData).pending
        ctx.finish()
        if pending is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            return
        await self._deliver(ctx, pending.text, _files_from_data(pending.files))

    async def _thread(self, ctx: Context) -> ThreadChoice:
        rows = await requests.thread_rows(ctx.unit, ctx.account.id)
        candidates = [
            ThreadCandidate(
                request_id=row.request_id,
                open=row.status in OPEN_STATUSES,
                done_at=row.done_at if row.status is RequestStatus.DONE else None,
                answered=row.answered,
            )
            for row in rows
        ]
        return thread_for(candidates, now=ctx.now, reopen_days=ctx.policy.desk.reopen_days)

    def _tell_filed(self, ctx: Context, request_id: int, *, previous: int | None) -> None:
        filed = (
            ctx.t("relay.question_filed_follows", number=request_id, previous=previous)
            if previous is not None
            else ctx.t("relay.question_filed", number=request_id)
        )
        ctx.say(f"{filed}\n{promised_answer(ctx)}", _answer_buttons(ctx, None))

    async def _split(self, ctx: Context, payload: Payload) -> None:
        """ "This is a new question": the message (a history event) moves out of the request
        it joined into a question of its own; the old request's history says where."""
        event_id = payload.optional_int(0)
        if event_id is None or len(payload.args) != 1:
            ctx.say(ctx.t("common.bad_button"))
            return
        await ctx.unit.begin()
        found = await requests.event(ctx.unit, event_id)
        request = await requests.get(ctx.unit, found.request_id) if found else None
        if found is None or request is None or request.account_id != ctx.account.id:
            ctx.say(ctx.t("relay.not_yours"))
            return
        later = [e for e in await requests.events(ctx.unit, request.id) if e.id > event_id]
        split_already = any(
            e.note_line is not None
            and e.note_line[0] == "relay.note_split"
            and e.note_line[1].get("event") == event_id
            for e in later
        )
        if found.actor != "customer" or not found.note or split_already:
            ctx.say(ctx.t("relay.split_stale"), (ctx.menu_row(),))
            return
        request_id = await file_question(ctx, found.note, (), split_from=request.id)
        await requests.add_note(
            ctx.unit,
            request.id,
            actor="customer",
            note_line=cards.line("relay.note_split", number=request_id, event=event_id),
            now=ctx.now,
        )
        ctx.finish()
        ctx.say(
            f"{ctx.t('relay.split_done', number=request_id)}\n{promised_answer(ctx)}",
            _answer_buttons(ctx, None),
        )

    async def ask_pick(self, ctx: Context) -> None:
        own = await requests.of_account(ctx.unit, ctx.account.id, open_only=True, limit=PICK_LIMIT)
        requests_listed = (
            ctx.button(
                "relay.pick_button",
                "relay.pick",
                request.id,
                number=request.id,
                kind=ctx.t(f"desk.kind_{request.kind.value}"),
                status=ctx.t(f"desk.status_{request.status.value}"),
            )
            for request in own
        )
        new = ctx.button("relay.pick_new", PICK_NEW_ACTION)
        ctx.say(ctx.t("relay.pick"), keyboard(*requests_listed, new, ctx.menu_row()))

    async def on_pick(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return False  # the buttons come through on_global; text is not an answer here
