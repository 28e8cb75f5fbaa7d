"""A start written instead of pressed, at the day or the time step of a new booking or a
move (docs/rules.md#booking): "завтра в 11:00", "сегодня после обеда", "утре", "в 16"
(for the day already chosen), or "сейчас" / "right now".

The words are read by :mod:`handlers.rules.spoken_dates` with the catalogue's phrases
(``spoken_dates-*``); what they ask for is then checked by the booking steps against the
free slots and the minimum notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from handlers.engine.flow import Context
from handlers.rules.calendar import calendar_for
from handlers.rules.dates import local_today
from handlers.rules.spoken_dates import asks_for_now, bare_time, understand_when

#: Longer messages are not read as a time (a question written at the wrong step).
MAX_TYPED_CHARS = 100


@dataclass(frozen=True, slots=True)
class AskedStart:
    """What a customer's words ask for: a day, a start on it, or a part of it."""

    day: date
    start: datetime | None = None
    """A start time asked for (aware, the vendor's zone); with ``until``, a part of the day."""
    until: datetime | None = None
    right_now: bool = False
    """No time ahead at all ("сейчас")."""


def asked_start(ctx: Context, text: str, *, chosen_day: date | None) -> AskedStart | None:
    """What ``text`` asks for; None when it names no day or time. A clock time alone is
    on ``chosen_day`` when a day was chosen already (at the time step)."""
    text = text.strip()
    if not text or len(text) > MAX_TYPED_CHARS:
        return None
    t, policy = ctx.t, ctx.policy
    tz = policy.tz
    skip = t("spoken_dates.skip").split()
    if chosen_day is not None:
        clock = bare_time(text, skip=skip)
        if clock is not None:
            return AskedStart(chosen_day, datetime.combine(chosen_day, clock, tzinfo=tz))
    understood = understand_when(
        text,
        language=t.language,
        now=ctx.now,
        calendar=calendar_for(policy),
        parts={part: t(f"spoken_dates.{part}").splitlines() for part in ("morning", "afternoon")},
        skip=skip,
    )
    today = local_today(ctx.now, policy)
    now_words = t("spoken_dates.now").splitlines()
    if asks_for_now(text, phrases=now_words, language=t.language) and (
        understood is None
        or (understood.start is None and (understood.moved_from or understood.day) == today)
    ):
        return AskedStart(today, right_now=True)
    if understood is None:
        return None
    day = understood.day
    start = (
        datetime.combine(day, understood.start, tzinfo=tz) if understood.start is not None else None
    )
    until = datetime.combine(day, understood.end, tzinfo=tz) if understood.end is not None else None
    return AskedStart(day, start, until)
