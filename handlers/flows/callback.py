"""Call-back requests and the after-hours answer (docs/rules.md#working-hours-and-call-backs,
seed 000).

Working hours are ``policy.working_hours`` (Mon–Fri 09:00–18:00 Moscow, the country's
public holidays off), read through :class:`handlers.rules.calendar.WorkingCalendar`.
A call-back request reaches the managers at once: left outside working hours it is marked
(``due_at``) for the next working morning, during working hours it is due now. The
customer is told in their language when to expect the call.

Two ways in:

* the menu item "Call me back": consent (a phone is personal data), phone, a convenient
  time, the topic;
* :func:`offer_callback`, used by :func:`handlers.flows.manager_contact.ask_for_person` outside
  working hours: the chat is switched here at the step ``offer`` (the vendor's "our working
  day is over, leave your phone" answer) carrying what the customer was asking about
  (topic, card lines of a quote …), so the call-back card shows the manager the context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import CardLine, CardValue, file_request
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from handlers.flows.consent import require_consent
from handlers.i18n import Texts
from handlers.policy import Policy
from handlers.rules.calendar import WorkingCalendar, calendar_for
from handlers.rules.spoken_dates import understand_when
from storage import customers
from storage.models import RequestKind
from storage.phones import normalize_phone

#: Topics a customer can pick for a call; every topic code used by
#: ask_for_person has a name ``callback.topic_<code>`` in the catalogue.
CALL_TOPICS = ("renewal", "key", "booking", "other")
#: Convenient-time buttons; "other" asks for a typed time.
WHEN_CHOICES = ("morning", "afternoon", "any", "other")
#: Longest typed time or topic kept: a card must fit one messenger message (4096 chars).
MAX_TYPED_CHARS = 300


# -- what the flow keeps, what the request keeps ------------------------------------------


class WhenChoice(StrEnum):
    """How the customer said when to call (a button's choice, or typed words)."""

    MORNING = "morning"
    AFTERNOON = "afternoon"
    ANY = "any"
    TYPED = "typed"


@dataclass(frozen=True, slots=True, kw_only=True)
class CallWhen(Stored):
    """A convenient time for the call, kept in the chat and with the request."""

    choice: WhenChoice | None = None
    at: datetime | None = None
    """Morning or afternoon: the moment from which to call (computed when chosen); typed:
    the moment understood, or the start of the window understood."""
    until: datetime | None = None
    """Typed: the end of the window understood ("после обеда": 13:00–18:00)."""
    text: str = ""
    """Typed: the customer's own words."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CallbackAbout(Stored):
    """What the customer was asking about when the call back was offered
    (:func:`offer_callback`): it lands on the call-back card and in its details."""

    topic: str | None = None
    card: tuple[tuple[Any, ...], ...] = ()
    """The asking flow's card lines, each ``[key, {placeholder: value}]``."""
    license_id: int | None = None
    amount: Decimal | None = None
    details: dict[str, Any] = field(default_factory=dict)
    """The asking flow's request details (its own record, so kept as stored)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CallbackData(Stored):
    """What the call-back flow holds between its steps."""

    about: CallbackAbout | None = None
    """Set when another flow offered the call back; None for the menu item."""
    phone: str | None = None
    when: CallWhen | None = None
    topic: str = ""
    """A topic code chosen with a button (:data:`CALL_TOPICS`)."""
    topic_text: str = ""
    """A topic typed instead."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CallbackDetails(Stored):
    """A call-back request's details. The asking flow's details (``about.details``) come
    first and stay as they are (:attr:`Stored.unknown`); these keys are the call's own."""

    topic: str = ""
    phone: str = ""
    when: CallWhen | None = None
    left_outside_hours: bool | None = None
    """Whether it was left outside working hours (always written, False too)."""
    topic_text: str = ""


# -- the calendar, read for people ------------------------------------------------------


def next_afternoon(calendar: WorkingCalendar, now: datetime) -> datetime:
    """The first working afternoon that has not begun yet (today's, or the next day's)."""
    today = now.astimezone(calendar.tz).date()
    if calendar.is_working_day(today):
        today_afternoon = calendar.afternoon_start(today)
        if today_afternoon > now:
            return today_afternoon
    return calendar.afternoon_start(calendar.next_working_morning(now).date())


def understood_words(t: Texts, policy: Policy, when: CallWhen) -> str:
    """What was understood of a typed time, as the customer is shown it back:
    "понедельник, 07.12.2026, 13:00–18:00" or "… 15:30"."""
    assert when.at is not None
    start = when.at.astimezone(policy.tz)
    day = start.date()
    if when.until is None:
        return t("callback.when_at", weekday=t.weekday(day), date=t.date(day), time=t.time(start))
    return t(
        "callback.when_window",
        weekday=t.weekday(day),
        date=t.date(day),
        start=t.time(start),
        end=t.time(when.until.astimezone(policy.tz)),
    )


def day_words(t: Texts, policy: Policy, moment: datetime, now: datetime) -> str:
    """'today', 'tomorrow', 'on Monday, 30 Nov 2026,' for the day of ``moment`` (vendor
    time) seen from ``now``, in the reader's language."""
    day, today = moment.astimezone(policy.tz).date(), now.astimezone(policy.tz).date()
    if day == today:
        return t("callback.today")
    if day == today + timedelta(days=1):
        return t("callback.tomorrow")
    return t(
        "callback.on_day",
        weekday=t.weekday(day),
        weekday_number=day.isoweekday(),
        date=t.date(day),
    )


def when_words(t: Texts, policy: Policy, moment: datetime, now: datetime) -> str:
    """'tomorrow from 09:00', 'on Monday, 30 Nov 2026, from 09:00' in the reader's language."""
    day = day_words(t, policy, moment, now)
    return t("callback.day_from", day=day, time=t.time(moment.astimezone(policy.tz)))


def working_hours_line(t: Texts, policy: Policy) -> str:
    """'Working hours: Mon–Fri, 09:00–18:00 (Europe/Moscow), public holidays off.'"""
    hours = policy.working_hours
    weekdays = sorted(set(hours.weekdays))
    names = [t.weekday(d, "abbreviated") for d in weekdays]
    consecutive = weekdays == list(range(weekdays[0], weekdays[-1] + 1))
    days = f"{names[0]}–{names[-1]}" if consecutive and len(names) > 2 else ", ".join(names)
    return t(
        "callback.hours",
        days=days,
        start=t.time(hours.start),
        end=t.time(hours.end),
        zone=t.zone(policy.tz),
    )


def topic_value(t: Texts, topic: str) -> CardValue:
    """A topic code as a card value: its catalogue name when it has one, else as given."""
    key = f"callback.topic_{topic}"
    return cards.text(key) if t.has(key) else topic


# -- the way in from ask_for_person -----------------------------------------------------


async def offer_callback(
    ctx: Context,
    *,
    topic: str,
    card: Sequence[CardLine] = (),
    license_id: int | None = None,
    amount: Decimal | None = None,
    details: Mapping[str, Any] | None = None,
) -> bool:
    """Leave the current flow and answer "our working day is over, leave your phone".

    What the customer was asking about is kept in the call-back flow's data and lands on
    the call-back card. False when this deployment has no call-back flow (the caller then
    answers some other way).
    """
    flow = ctx.flows.get(CallbackFlow.name)
    if flow is None:
        return False
    ctx.finish()
    ctx.flow_name, ctx.flow = flow.name, flow
    about = CallbackAbout(
        topic=topic,
        card=tuple((key, dict(values)) for key, values in card),
        license_id=license_id,
        amount=amount,
        details=dict(details or {}),
    )
    ctx.keep(CallbackData(about=about))
    await ctx.go(CallbackFlow.offer)
    return True


class CallbackFlow(Flow):
    """Leave a phone for a call back at a convenient time."""

    name = "callback"
    service = "callback"
    menu_label = "callback.menu"

    offer = Step()
    phone = Step()
    when = Step()
    when_text = Step()
    when_confirm = Step()
    topic = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if await require_consent(ctx):
            return
        await ctx.go(self.phone)

    # -- after hours: the vendor's answer ---------------------------------------------

    async def ask_offer(self, ctx: Context) -> None:
        t = ctx.t
        calendar = calendar_for(ctx.policy)
        if calendar.is_working_time(ctx.now):
            # Shown again after a restart the next morning: the day is no longer over.
            lines = [t("callback.offer_working")]
        else:
            lines = [t("callback.after_hours"), working_hours_line(t, ctx.policy)]
            lines.append(t("callback.self_service"))
        ctx.say(
            "\n".join(lines),
            ((ctx.button("callback.leave_phone", "callback.leave"),), ctx.menu_row()),
        )

    async def on_offer(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "callback.leave":
            return False
        if await require_consent(ctx, resume_step=self.phone):
            return True
        await ctx.go(self.phone)
        return True

    # -- phone ------------------------------------------------------------------------

    async def _own_phone(self, ctx: Context) -> str | None:
        """The linked customer's phone from the vendor's records, if there is one."""
        if ctx.customer_id is None:
            return None
        customer = await customers.get(ctx.unit, ctx.customer_id)
        return customer.phone if customer is not None and customer.phone else None

    async def ask_phone(self, ctx: Context) -> None:
        rows: list[tuple[Button, ...]] = []
        own = await self._own_phone(ctx)
        if own is not None:
            rows.append((ctx.button("callback.use_my_phone", "callback.myphone", phone=own),))
        rows.append(ctx.menu_row())
        ctx.say(ctx.t("callback.ask_phone"), tuple(rows), request_contact=True)

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "callback.myphone":
                return False
            phone = await self._own_phone(ctx)
            if phone is None:
                ctx.say(ctx.t("common.stale_button"))
                await ctx.go(self.phone)
                return True
        elif msg.contact is not None:
            if msg.contact.user_id != msg.user_id:
                # Someone else's card from the address book: not the sender's to give.
                ctx.say(ctx.t("callback.not_your_contact"))
                await ctx.go(self.phone)
                return True
            shared = msg.contact.phone.strip()
            # Telegram sends contacts in international form, often without the "+".
            phone = normalize_phone(shared if shared.startswith("+") else f"+{shared}")
            if phone is None:
                phone = normalize_phone(shared)
        else:
            phone = normalize_phone(msg.text) if msg.text.strip() else None
        if phone is None:
            return False
        ctx.keep(replace(ctx.read(CallbackData), phone=phone))
        await ctx.go(self.when)
        return True

    # -- a convenient time ----------------------------------------------------------------

    async def ask_when(self, ctx: Context) -> None:
        calendar = calendar_for(ctx.policy)
        morning = calendar.next_working_morning(ctx.now)
        afternoon = next_afternoon(calendar, ctx.now)
        t, policy = ctx.t, ctx.policy
        ctx.say(
            t("callback.ask_when"),
            (
                (
                    ctx.button(
                        "callback.when_morning",
                        "callback.when",
                        "morning",
                        when=when_words(t, policy, morning, ctx.now),
                    ),
                ),
                (
                    ctx.button(
                        "callback.when_afternoon",
                        "callback.when",
                        "afternoon",
                        when=when_words(t, policy, afternoon, ctx.now),
                    ),
                ),
                (ctx.button("callback.when_any", "callback.when", "any"),),
                (ctx.button("callback.when_other", "callback.when", "other"),),
                ctx.menu_row(),
            ),
        )

    async def on_when(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return await self._typed_when(ctx, msg, self.when)
        if payload.action != "callback.when" or not payload.args:
            return False
        choice = payload.args[0]
        if choice not in WHEN_CHOICES:
            return False
        if choice == "other":
            await ctx.go(self.when_text)
            return True
        calendar = calendar_for(ctx.policy)
        # Recomputed now: the buttons may have been shown hours ago.
        if choice == "morning":
            at: datetime | None = calendar.next_working_morning(ctx.now)
        elif choice == "afternoon":
            at = next_afternoon(calendar, ctx.now)
        else:
            at = None
        when = CallWhen(choice=WhenChoice(choice), at=at)
        ctx.keep(replace(ctx.read(CallbackData), when=when))
        await self._after_when(ctx)
        return True

    async def ask_when_text(self, ctx: Context) -> None:
        ctx.say(ctx.t("callback.ask_when_text"), (ctx.menu_row(),))

    async def on_when_text(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            return False
        return await self._typed_when(ctx, msg, self.when_text)

    async def _typed_when(self, ctx: Context, msg: Incoming, step: Step) -> bool:
        typed = msg.text.strip()
        if not typed:
            return False
        if len(typed) > MAX_TYPED_CHARS:
            ctx.say(ctx.t("callback.too_long", limit=MAX_TYPED_CHARS))
            await ctx.go(step)
            return True
        calendar = calendar_for(ctx.policy)
        t = ctx.t
        understood = understand_when(
            typed,
            language=t.language,
            now=ctx.now,
            calendar=calendar,
            parts={
                part: t(f"spoken_dates.{part}").splitlines() for part in ("morning", "afternoon")
            },
            skip=t("spoken_dates.skip").split(),
        )
        if understood is None:
            ctx.say(ctx.t("callback.when_not_understood", text=typed))
            await ctx.go(self.when_text)
            return True
        tz = ctx.policy.tz
        if understood.start is not None and understood.end is None:
            at = datetime.combine(understood.day, understood.start, tzinfo=tz)
            until = None
        else:
            begin = understood.start or calendar.day_start(understood.day).time()
            end = understood.end or calendar.day_end(understood.day).time()
            at = datetime.combine(understood.day, begin, tzinfo=tz)
            until = datetime.combine(understood.day, end, tzinfo=tz)
        when = CallWhen(choice=WhenChoice.TYPED, text=typed, at=at, until=until)
        ctx.keep(replace(ctx.read(CallbackData), when=when))
        await ctx.go(self.when_confirm)
        return True

    async def ask_when_confirm(self, ctx: Context) -> None:
        when = ctx.read(CallbackData).when
        if when is None or when.at is None:
            await ctx.go(self.when)
            return
        ctx.say(
            ctx.t("callback.when_understood", when=understood_words(ctx.t, ctx.policy, when)),
            (
                (ctx.button("callback.when_yes", "callback.when_ok"),),
                (ctx.button("callback.when_change", "callback.when", "other"),),
                ctx.menu_row(),
            ),
        )

    async def on_when_confirm(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:  # written again: that is the time now
            return await self._typed_when(ctx, msg, self.when_confirm)
        if payload.action == "callback.when_ok":
            await self._after_when(ctx)
            return True
        if payload.action == "callback.when" and payload.args[:1] == ("other",):
            await ctx.go(self.when_text)
            return True
        return False

    async def _after_when(self, ctx: Context) -> None:
        about = ctx.read(CallbackData).about or CallbackAbout()
        if about.card or about.topic not in (None, "general"):
            # Came from a question with its context: the topic is known.
            await self._file(ctx)
        else:
            await ctx.go(self.topic)

    # -- the topic --------------------------------------------------------------------

    async def ask_topic(self, ctx: Context) -> None:
        buttons = [
            ctx.button(f"callback.topic_button_{code}", "callback.topic", code)
            for code in CALL_TOPICS
        ]
        ctx.say(
            ctx.t("callback.ask_topic"),
            (tuple(buttons[:2]), tuple(buttons[2:]), ctx.menu_row()),
        )

    async def on_topic(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "callback.topic" or not payload.args:
                return False
            if payload.args[0] not in CALL_TOPICS:
                return False
            ctx.keep(replace(ctx.read(CallbackData), topic=payload.args[0]))
        else:
            typed = msg.text.strip()
            if not typed:
                return False
            if len(typed) > MAX_TYPED_CHARS:
                ctx.say(ctx.t("callback.too_long", limit=MAX_TYPED_CHARS))
                await ctx.go(self.topic)
                return True
            ctx.keep(replace(ctx.read(CallbackData), topic_text=typed))
        await self._file(ctx)
        return True

    # -- filing -----------------------------------------------------------------------

    def _when_card_line(self, when: CallWhen) -> CardLine:
        if when.choice is WhenChoice.TYPED and when.at is not None and when.until is not None:
            return cards.line(
                "callback.card_when_window",
                start=cards.moment(when.at),
                end=cards.moment(when.until),
                when_text=when.text,
            )
        if when.choice is WhenChoice.TYPED and when.at is not None:
            return cards.line(
                "callback.card_when_at", when=cards.moment(when.at), when_text=when.text
            )
        if when.choice is WhenChoice.TYPED:  # written before times were understood
            return cards.line("callback.card_when_typed", when_text=when.text)
        if when.choice in (WhenChoice.MORNING, WhenChoice.AFTERNOON) and when.at is not None:
            return cards.line("callback.card_when_from", when=cards.moment(when.at))
        return cards.line("callback.card_when_any")

    def _expectation(
        self, ctx: Context, phone: str, when: CallWhen, working: bool, due: datetime
    ) -> str:
        """What the customer is told about the call: when to expect it."""
        t, policy = ctx.t, ctx.policy
        if when.choice is WhenChoice.TYPED and when.at is not None:
            return t(
                "callback.expect_understood", phone=phone, when=understood_words(t, policy, when)
            )
        if when.choice is WhenChoice.TYPED:
            return t("callback.expect_typed", phone=phone, when=when.text)
        if when.choice in (WhenChoice.MORNING, WhenChoice.AFTERNOON) and when.at is not None:
            from_words = when_words(t, policy, when.at, ctx.now)
            return t("callback.expect_at", phone=phone, when=from_words)
        if working:
            return t("callback.expect_soon", phone=phone, end=t.time(policy.working_hours.end))
        return t("callback.expect_at", phone=phone, when=when_words(t, policy, due, ctx.now))

    async def _file(self, ctx: Context) -> None:
        data = ctx.read(CallbackData)
        phone, when = data.phone, data.when
        if phone is None or when is None:
            # State from an older version of the flow, or hand-edited: start over.
            await ctx.go(self.phone)
            return
        about = data.about or CallbackAbout()
        calendar = calendar_for(ctx.policy)
        working = calendar.is_working_time(ctx.now)
        due = ctx.now if working else calendar.next_working_morning(ctx.now)

        lines: list[CardLine] = [
            cards.line("callback.card_phone", phone=phone),
            self._when_card_line(when),
        ]
        topic = data.topic or about.topic
        if data.topic_text:
            lines.append(cards.line("callback.card_topic_typed", topic_text=data.topic_text))
        elif topic:
            lines.append(cards.line("callback.card_topic", topic=topic_value(ctx.t, topic)))
        lines.extend((str(key), dict(values)) for key, values in about.card)
        if not working:
            lines.append(cards.line("callback.card_next_morning", when=cards.moment(due)))

        details = replace(
            CallbackDetails.from_stored(about.details),
            topic=topic or "typed",
            phone=phone,
            when=when,
            left_outside_hours=not working,
        )
        if data.topic_text:
            details = replace(details, topic_text=data.topic_text)
        request_id = await file_request(
            ctx,
            RequestKind.CALLBACK,
            card=lines,
            license_id=about.license_id,
            amount=about.amount,
            details=details.to_stored(),
            due_at=due,
        )
        ctx.finish()
        said = [
            ctx.t("callback.filed", number=request_id),
            self._expectation(ctx, phone, when, working, due),
        ]
        if not working:
            said.append(
                ctx.t("callback.outside_hours", when=when_words(ctx.t, ctx.policy, due, ctx.now))
            )
        ctx.say("\n".join(said), (ctx.menu_row(),))
