"""Support-expiry reminders (docs/rules.md#support-expiry-reminders): the daily job that
decides and queues them.

What is due
    For the day D (vendor-local) every license whose series (``handlers.rules.reminders``)
    has a reminder on D that is not in ``reminder_log`` (license, kind, support end).
    The decision, the log rows and the outbox rows are written in one ``BEGIN IMMEDIATE``
    transaction, so a repeated run, a second process or a crash in the middle sends
    nothing twice and loses nothing. A renewed license (new support end) is a new series.
    Only licenses whose support end has a reminder in the period and no log row for it are
    read (:func:`select_due`), so the cost follows what is due, not the portfolio's size.

Who gets it
    Every messenger account linked to the license's customer (Telegram, VK…) that has not
    muted reminders, each in its own language, with the current renewal quote and the
    buttons "Renew support" (``go:renewal``) and "Mute reminders" (``reminders.mute``).
    The reminder is logged even when nobody can get it (no linked chat, all muted): it was
    decided, and it must not fire later when someone links.

The protection service is the key's
    The E + 10 reminder ("pay by E + 14 or the service is lost") goes only to a license
    whose support end is its key's support end while the service runs: a license on a key
    that another license keeps alive is not told to pay by a deadline, its reminders say
    which license keeps the service and until when (``handlers.rules.protection``).

Days missed while the bot was down (catch-up)
    The run for D also covers the days after the last completed run (``job_runs``). Of the
    reminders missed in those days, per license only the most recent one whose message is
    still true today is sent (before the end: support has not ended; after the end and
    before the preferential end: the preferential period has not passed; protection: the
    E + 14 deadline has not passed); the others are logged as skipped and never sent. So
    a customer gets at most one late message per license, never "ends in 7 days" followed
    by "ends tomorrow" and "ended" in one burst. Texts name dates, not "in N days", so a
    late message stays correct.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers.engine.payloads import encode
from handlers.flows.renewal import protection_lines
from handlers.i18n import Texts, texts
from handlers.policy import Policy
from handlers.rules.dates import add_months
from handlers.rules.protection import Outlook, holds_the_key
from handlers.rules.reminders import (
    AFTER_END,
    BEFORE_END,
    BEFORE_PREFERENTIAL_END,
    PROTECTION,
    DueReminder,
    parse_reminder_kind,
    reminder_series,
    reminders_due_between,
)
from handlers.rules.renewal import RenewalQuote, renewal_quote
from storage import accounts, job_runs, keys, outbox, reminder_log
from storage import licenses as licenses_repo
from storage.db import Database, Unit
from storage.keys import ServedKey
from storage.licenses import LicenseView
from storage.models import Account
from storage.outbox import QueuedMessage

JOB = "reminders"
KEY_PREFIX = "reminder:"


def dedupe_key(license_id: int, support_end: date, kind: str, account_id: int) -> str:
    """The outbox key of one reminder to one chat: ``reminder:12:2026-11-23:before_end:30:7``."""
    return f"{KEY_PREFIX}{license_id}:{support_end.isoformat()}:{kind}:{account_id}"


@dataclass(frozen=True, slots=True)
class ReminderAddress:
    license_id: int
    support_end: date
    kind: str
    account_id: int


def parse_dedupe_key(key: str) -> ReminderAddress | None:
    """The reminder an outbox key stands for; None for any other key."""
    if not key.startswith(KEY_PREFIX):
        return None
    parts = key[len(KEY_PREFIX) :].split(":")
    if len(parts) != 5:
        return None
    license_id, support_end, family, days, account_id = parts
    try:
        kind = f"{family}:{days}"
        parse_reminder_kind(kind)
        return ReminderAddress(
            int(license_id), date.fromisoformat(support_end), kind, int(account_id)
        )
    except ValueError:
        return None


def still_true(reminder: DueReminder, today: date, policy: Policy) -> bool:
    """Whether a reminder's message still holds on ``today`` (for one sent late)."""
    family, _ = parse_reminder_kind(reminder.kind)
    end = reminder.support_end
    if family == BEFORE_END:
        return today <= end
    if family in (AFTER_END, BEFORE_PREFERENTIAL_END):
        return today <= add_months(end, policy.support.preferential_grace_months)
    if family == PROTECTION:
        return today <= end + timedelta(days=policy.protection.reconnect_after_days)
    return False


def decide(
    series: list[DueReminder], first: date, today: date, logged: set[str], policy: Policy
) -> tuple[list[DueReminder], list[DueReminder]]:
    """(to send, to skip) of one series for the run covering ``first..today``.

    Reminders due today are sent; of those missed on earlier days only the latest that is
    still true today is sent (with any others of the same day), the rest are skipped.
    """
    due = [r for r in series if first <= r.due_on <= today and r.kind not in logged]
    if not due:
        return [], []
    candidates = [r for r in due if r.due_on == today or still_true(r, today, policy)]
    if not candidates:
        return [], due
    latest = max(r.due_on for r in candidates)
    send = [r for r in candidates if r.due_on == latest]
    return send, [r for r in due if r not in send]


def reminder_text(
    t: Texts, view: LicenseView, reminder: DueReminder, quote: RenewalQuote, policy: Policy
) -> str:
    """One reminder in the language of ``t``: what happens, the quote of today, the hint."""
    family, _ = parse_reminder_kind(reminder.kind)
    about = {"product": view.product_name, "number": view.number}
    end, until = t.date(reminder.support_end), t.date(quote.preferential_until)
    paying = [term for term in quote.protection if term.outlook is Outlook.PAY_BY]
    others = quote.protection
    if family == PROTECTION and paying:
        headline = paying[0]
        assert headline.deadline is not None
        others = tuple(term for term in quote.protection if term is not headline)
        lines = [
            t(
                "reminders.protection",
                **about,
                date=end,
                serial=headline.serial,
                deadline=t.date(headline.deadline),
                price=t.money(headline.reconnection_price),
            )
        ]
    elif family == BEFORE_END:
        lines = [t("reminders.before_end", **about, date=end)]
    elif family in (AFTER_END, PROTECTION):
        lines = [t("reminders.after_end", **about, date=end, until=until)]
    else:
        lines = [t("reminders.before_preferential_end", **about, until=until)]
    if policy.services.renewal:  # the renewal price only where the vendor quotes it
        lines.append(
            t(
                "reminders.quote_preferential"
                if quote.preferential
                else "reminders.quote_standard",
                months=policy.support.renewal_term_months,
                amount=t.money(quote.amount),
                percent=t.percent(quote.rate),
                new_end=t.date(quote.new_support_end),
            )
        )
    if policy.services.protection:
        lines += protection_lines(t, others, policy)
    lines.append(t("reminders.mute_hint"))
    return "\n".join(lines)


def reminder_buttons(t: Texts, policy: Policy) -> list[list[tuple[str, str]]]:
    """A quote where the vendor quotes renewals, else a manager; muting either way."""
    first = (
        (t("reminders.button_renew"), encode("go", "renewal"))
        if policy.services.renewal
        else (t("reminders.button_manager"), encode("go", "manager_contact"))
    )
    return [[first], [(t("reminders.button_mute"), encode("reminders.mute"))]]


@dataclass(frozen=True, slots=True)
class ReminderRun:
    """What one run of the daily reminder job did (printed by ``python -m bot jobs``)."""

    first: date
    day: date
    reminders: int
    """Reminders decided and sent to at least the chats that could get them."""
    messages: int
    """Outbox messages queued (one per reminder and chat)."""
    muted: int
    """Reminders whose customer's chats have all muted reminders."""
    unreachable: int
    """Reminders whose customer has no linked chat (nothing could be sent)."""
    skipped: int
    """Reminders missed while the bot was down and not sent (see the module docstring)."""

    @property
    def nothing_to_do(self) -> bool:
        return self.reminders == 0 and self.skipped == 0

    def summary(self) -> dict[str, int | str]:
        return {
            "first": self.first.isoformat(),
            "reminders": self.reminders,
            "messages": self.messages,
            "muted": self.muted,
            "unreachable": self.unreachable,
            "skipped": self.skipped,
        }

    def __str__(self) -> str:
        days = (
            self.day.isoformat()
            if self.first == self.day
            else f"{self.first.isoformat()}..{self.day.isoformat()} (catching up missed days)"
        )
        if self.nothing_to_do:
            return f"Support reminders for {days}: nothing to do."
        return (
            f"Support reminders for {days}: reminders {self.reminders}, messages queued "
            f"{self.messages}; muted {self.muted}, without a linked chat "
            f"{self.unreachable}, missed and skipped {self.skipped}."
        )


async def send_support_reminders(
    db: Database, policy: Policy, *, day: date, now: datetime, catch_up: bool = True
) -> ReminderRun:
    """Decide and queue the reminders due on ``day`` (and, with ``catch_up``, on the days
    since the last completed run), all in one transaction."""
    async with db.transaction() as unit:
        first = day
        if catch_up:
            last = await job_runs.last_day(unit, JOB)
            if last is not None and last < day:
                first = last + timedelta(days=1)
        decided = await select_due(unit, policy, first, day)
        chats = await accounts.of_customers(
            unit, {item.view.customer_id for item in decided if item.send}
        )
        log_rows: list[tuple[int, str, date, date]] = []
        messages: list[QueuedMessage] = []
        counts = {"reminders": 0, "muted": 0, "unreachable": 0, "skipped": 0}
        for item in decided:
            view, send, skip = item.view, item.send, item.skip
            log_rows.extend((view.id, r.kind, r.support_end, r.due_on) for r in send + skip)
            counts["skipped"] += len(skip)
            if not send:
                continue
            linked = chats.get(view.customer_id, [])
            listening = [account for account in linked if not account.reminders_muted]
            quote = renewal_quote(
                price=view.product_price,
                support_end=view.support_end,
                today=day,
                policy=policy,
                license_number=view.number,
                keys=item.keys,
                resident=view.resident,
            )
            for reminder in send:
                counts["reminders"] += 1
                if not linked:
                    counts["unreachable"] += 1
                elif not listening:
                    counts["muted"] += 1
                messages.extend(_messages(view, reminder, quote, listening, policy))
        await reminder_log.record_many(unit, log_rows, now)
        queued = await outbox.enqueue_many(unit, messages, now=now)
        result = ReminderRun(first=first, day=day, messages=queued, **counts)
        await job_runs.finish(unit, JOB, day, now, result.summary())
    return result


@dataclass(frozen=True, slots=True)
class Decided:
    """One license's reminders of a run: what to send, what to skip (missed, no longer
    true), and the keys with the protection service its quote speaks of."""

    view: LicenseView
    send: list[DueReminder]
    skip: list[DueReminder]
    keys: tuple[ServedKey, ...]


async def select_due(unit: Unit, policy: Policy, first: date, day: date) -> list[Decided]:
    """(license, to send, to skip) of every license with a reminder due in ``first..day``
    not logged yet, by support end then id.

    The exact support ends with a reminder in the period come from the offsets
    (:func:`~handlers.rules.reminders.reminders_due_between`); one query finds the licenses
    with those ends and no log row for that reminder, so the cost follows what is due, not
    the size of the portfolio. Those are read with their log and keys and decided here.
    """
    wanted = reminders_due_between(first, day, policy)
    ids = await reminder_log.licenses_with_unlogged(
        unit,
        [(r.support_end, r.kind, parse_reminder_kind(r.kind)[0] == PROTECTION) for r in wanted],
    )
    if not ids:
        return []
    views = await licenses_repo.views_by_ids(unit, ids)
    logged: dict[tuple[int, date], set[str]] = defaultdict(set)
    for license_id, kind, support_end in await reminder_log.logged_for_licenses(unit, ids):
        logged[(license_id, support_end)].add(kind)

    # First with the flag of any key with the service (a superset of the licenses that
    # keep their key's service): only the licenses with something due are read again
    # with their keys, the precise flag deciding the protection reminder.
    due = [
        view
        for view in views
        if any(_decide(view, view.protection_service, first, day, logged, policy))
    ]
    served = await keys.served_keys_of_licenses(unit, [v.id for v in due], heavy=True)
    decided: list[Decided] = []
    for view in due:
        keeps = any(
            holds_the_key(view.number, view.support_end, key, day, policy)
            for key in served.get(view.id, ())
        )
        send, skip = _decide(view, keeps, first, day, logged, policy)
        if send or skip:
            decided.append(Decided(view, send, skip, served.get(view.id, ())))
    return decided


def _decide(
    view: LicenseView,
    keeps_the_key: bool,
    first: date,
    day: date,
    logged: dict[tuple[int, date], set[str]],
    policy: Policy,
) -> tuple[list[DueReminder], list[DueReminder]]:
    """(to send, to skip) of one license; ``keeps_the_key``: its E + 10 reminder is due
    (see :func:`handlers.rules.protection.holds_the_key`)."""
    series = reminder_series(
        support_end=view.support_end, protection_service=keeps_the_key, policy=policy
    )
    return decide(series, first, day, logged.get((view.id, view.support_end), set()), policy)


def _messages(
    view: LicenseView,
    reminder: DueReminder,
    quote: RenewalQuote,
    chats: list[Account],
    policy: Policy,
) -> list[QueuedMessage]:
    rendered: dict[str, tuple[str, list[list[tuple[str, str]]]]] = {}
    queued: list[QueuedMessage] = []
    for account in chats:
        if account.language not in rendered:
            t = texts(account.language)
            rendered[account.language] = (
                reminder_text(t, view, reminder, quote, policy),
                reminder_buttons(t, policy),
            )
        text, buttons = rendered[account.language]
        key = dedupe_key(view.id, reminder.support_end, reminder.kind, account.id)
        queued.append((account.platform, account.user_id, text, buttons, None, key))
    return queued
