"""Remote-session reminders (docs/rules.md#changing-a-booking-and-reminders): the day before
at ``sessions.day_before_at`` and ``sessions.hours_before`` hours before the start. A
direct connection's repeat the backup advice (the connection can drop; a firewall may
block it); a backup review's ask for the backup if it has not been sent, and say how the
consultant answers: no connection is made.

Checked every few minutes. A reminder is due once its moment has passed and the session
has not started; it is logged per (booking, kind, start) in the same transaction as its
outbox row, so it is sent once. Moving a booking changes its start, so the new time gets
its own reminders and the old time's never fire; a cancelled booking is not confirmed
and gets none. A reminder whose moment came before the booking was made or last moved is
not sent (the customer has just seen the time). After downtime only the latest due
reminder is sent and the other logged as skipped; the day-before one is never sent on
the session's own day, where "tomorrow" would be wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.engine.payloads import encode
from handlers.i18n import Texts, texts
from handlers.policy import Policy
from storage import accounts, booking_reminders, bookings, outbox
from storage.bookings import Booking
from storage.columns import time_to_db
from storage.db import Database

DAY_BEFORE = "day_before"
HOURS_BEFORE = "hours_before"
KEY_PREFIX = "booking:"
#: How far ahead to look: the day-before moment is at most about 38 hours before a start.
LOOK_AHEAD = timedelta(days=2)


def reminder_moments(starts_at: datetime, policy: Policy) -> dict[str, datetime]:
    """When each reminder of a session starting at ``starts_at`` is due (aware datetimes)."""
    tz = policy.tz
    local_day = starts_at.astimezone(tz).date()
    day_before = datetime.combine(
        local_day - timedelta(days=1), policy.sessions.day_before_at, tzinfo=tz
    )
    return {
        DAY_BEFORE: day_before,
        HOURS_BEFORE: starts_at - timedelta(hours=policy.sessions.hours_before),
    }


def decide(
    booking: Booking, now: datetime, logged: set[str], policy: Policy
) -> tuple[str | None, list[str]]:
    """(kind to send or None, kinds to log as skipped) for one confirmed booking."""
    if now >= booking.starts_at:
        return None, []
    moments = reminder_moments(booking.starts_at, policy)
    due = sorted(
        (
            (at, kind)
            for kind, at in moments.items()
            if at <= now and at > booking.updated_at and kind not in logged
        ),
    )
    if not due:
        return None, []
    tz = policy.tz
    candidates = [
        kind
        for _, kind in due
        if kind != DAY_BEFORE or now.astimezone(tz).date() < booking.starts_at.astimezone(tz).date()
    ]
    send = candidates[-1] if candidates else None
    return send, [kind for _, kind in due if kind != send]


def session_text(t: Texts, booking: Booking, kind: str, policy: Policy) -> str:
    local = booking.starts_at.astimezone(policy.tz)
    what = t(f"reminders.session_kind_{booking.kind}")
    zone = t.zone(local)
    if kind == DAY_BEFORE:
        head = t(
            "reminders.session_day_before",
            kind=what,
            date=t.date(local.date()),
            time=t.time(local),
            zone=zone,
            hours=booking.hours,
        )
    else:
        head = t("reminders.session_hours_before", kind=what, time=t.time(local), zone=zone)
    advice = (
        "reminders.session_backup_advice"
        if booking.kind == bookings.DIRECT
        else "reminders.session_review_advice"
    )
    return f"{head}\n{t(advice)}"


def dedupe_key(booking: Booking, kind: str) -> str:
    return f"{KEY_PREFIX}{booking.id}:{kind}:{time_to_db(booking.starts_at)}"


@dataclass(frozen=True, slots=True)
class SessionRun:
    sent: int
    skipped: int

    def __str__(self) -> str:
        if not self.sent and not self.skipped:
            return "Session reminders: nothing to do."
        return f"Session reminders: {self.sent} sent, {self.skipped} skipped."


async def send_session_reminders(db: Database, policy: Policy, *, now: datetime) -> SessionRun:
    async with db.unit() as unit:
        # Most checks find nothing: a read on the inline connection, no write lock taken.
        if not await bookings.starting_between(unit, now, now + LOOK_AHEAD):
            return SessionRun(0, 0)
        await unit.begin()
        upcoming = await bookings.starting_between(unit, now, now + LOOK_AHEAD)
        seen = await booking_reminders.logged(unit, [booking.id for booking in upcoming])
        sent = skipped = 0
        for booking in upcoming:
            start = time_to_db(booking.starts_at)
            logged = {kind for bid, kind, at in seen if bid == booking.id and at == start}
            kind, skip = decide(booking, now, logged, policy)
            for other in skip:
                if await booking_reminders.record(
                    unit, booking.id, other, booking.starts_at, now, sent=False
                ):
                    skipped += 1
            if kind is None:
                continue
            if not await booking_reminders.record(
                unit, booking.id, kind, booking.starts_at, now, sent=True
            ):
                continue
            account = await accounts.get(unit, booking.account_id)
            if account is None:
                continue
            t = texts(account.language)
            await outbox.enqueue(
                unit,
                account.platform,
                account.user_id,
                session_text(t, booking, kind, policy),
                [[(t("common.to_menu"), encode("menu"))]],
                now=now,
                dedupe_key=dedupe_key(booking, kind),
            )
            sent += 1
    return SessionRun(sent, skipped)
