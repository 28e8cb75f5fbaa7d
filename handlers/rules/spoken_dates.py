"""Dates and times as people type them: "завтра после обеда", "в понедельник в 15:30",
"tomorrow afternoon", "утре", "в понеделник" (docs/rules.md#working-hours-and-call-backs).

The day and the clock time come from ``dateparser`` (Russian, English and Bulgarian), read
in the vendor's time zone with future dates preferred. What it does not know, parts of the
day ("после обеда", "утром", "следобед"), and small words it stumbles over ("в понеделник"
in Bulgarian) come from the catalogue (``spoken_dates-<part>`` and ``spoken_dates-skip``,
one phrase per line), so a vendor can extend them. The result is placed on the working
calendar: a day off moves to the next working day, a part of the day becomes a window
within working hours, split at the middle of the working day as the call-back buttons
are. Words asking for no time ahead ("сейчас", "right now": ``spoken_dates-now``) and a
clock time written alone (for a day already chosen) are recognised apart. Pure apart from
the library: the moment is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import dateparser

from handlers.rules.calendar import WorkingCalendar
from handlers.rules.intents import stems

_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_HALF_DAY = re.compile(r"^(?:am|pm)$|\d(?:am|pm)$", re.IGNORECASE)
#: A day further ahead than this is a misreading ("2 декабря в 10" read as the year 2110),
#: not a wish: such words are not understood.
MAX_DAYS_AHEAD = 366


@dataclass(frozen=True, slots=True)
class UnderstoodWhen:
    """What was understood: a working day, and a time or a window on it (or neither)."""

    day: date
    start: time | None = None
    end: time | None = None
    moved_from: date | None = None
    """The day asked for when it was a day off (the call moves to ``day``)."""


def _without(text: str, phrases: Sequence[str], language: str) -> tuple[str, bool]:
    """``text`` with the first of ``phrases`` found in it (by stems) taken out."""
    words = _TOKEN.findall(text)
    word_stems = [stems(word, language) for word in words]
    for phrase in phrases:
        wanted = stems(phrase, language)
        if not wanted:
            continue
        size = len(wanted)
        for at in range(len(words) - size + 1):
            window = [s[0] if s else "" for s in word_stems[at : at + size]]
            if tuple(window) == wanted:
                return " ".join(words[:at] + words[at + size :]), True
    return text, False


def understand_when(
    text: str,
    *,
    language: str,
    now: datetime,
    calendar: WorkingCalendar,
    parts: Mapping[str, Sequence[str]],
    skip: Sequence[str] = (),
) -> UnderstoodWhen | None:
    """The day and time ``text`` names, placed on the working calendar; None when it names
    none. ``parts``: "morning"/"afternoon" → their phrases; ``skip``: small words to drop
    when the library does not understand the text with them."""
    local_now = now.astimezone(calendar.tz)
    rest = " ".join(text.lower().replace("ё", "е").split())
    today = local_now.date()
    # Morning and afternoon split where the call-back buttons split them.
    middle = calendar.afternoon_start(today).time()
    window: tuple[time, time] | None = None
    for part in ("afternoon", "morning"):
        rest, found = _without(rest, parts.get(part, ()), language)
        if found:
            window = (
                (middle, calendar.day_end(today).time())
                if part == "afternoon"
                else (calendar.day_start(today).time(), middle)
            )
            break
    rest, clock = _trailing_clock(rest, skip)
    has_clock = bool(_CLOCK.search(rest))
    parsed = _dotted_day(rest, local_now) or (
        _parse(rest, language, local_now) if rest.strip() else None
    )
    if parsed is None and rest.strip():
        kept = [word for word in _TOKEN.findall(rest) if word not in skip]
        parsed = _parse(" ".join(kept), language, local_now) if kept else None
    if parsed is None:
        if window is None and (clock is None or rest.strip()):
            return None  # nothing understood, or a time after words that name no day
        day = local_now.date()
        ends = window[1] if window is not None else clock
        if ends is not None and local_now.time() >= ends:
            day += timedelta(days=1)
    else:
        day = parsed.date()
    if not today <= day <= today + timedelta(days=MAX_DAYS_AHEAD):
        return None  # a past day ("вчера") or a misreading
    start = clock or (parsed.time() if parsed is not None and has_clock else None)
    asked = day
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    if start is not None:
        return UnderstoodWhen(day, start, None, moved_from=asked if asked != day else None)
    if window is not None:
        return UnderstoodWhen(day, *window, moved_from=asked if asked != day else None)
    return UnderstoodWhen(day, moved_from=asked if asked != day else None)


_DOTTED_DAY = re.compile(r"^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?$")


def _dotted_day(text: str, local_now: datetime) -> datetime | None:
    """A day written in figures, "25.11" or "25.11.2026" (the library reads "22.11" as
    22:11): without a year, the next such day from today on; None when it is none."""
    match = _DOTTED_DAY.match(text.strip())
    if match is None:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    today = local_now.date()
    try:
        found = date(int(year) if year else today.year, month, day)
        if year is None and found < today:
            found = found.replace(year=today.year + 1)
    except ValueError:
        return None
    return datetime.combine(found, time(0))


def _trailing_clock(text: str, skip: Sequence[str]) -> tuple[str, time | None]:
    """``text`` without a clock time written at its end ("в среду в 11", "2 декабря в 10",
    "tomorrow at 4 pm", "25.11 10:30"), and that time; the text as it was and None when it
    ends in none. The library reads such an hour as a day or a year; the day is then read
    from the rest. A number alone is a time only after a small word ("в 11") or with its
    minutes or am/pm written, and "12.11" alone stays a date."""
    words = _TOKEN.findall(text)
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        tail, before = words[-size:], words[:-size]
        clock = bare_time(" ".join(tail), skip=skip)
        if clock is None:
            continue
        introduced = tail[0] in skip
        written_out = ":" in tail[-1] or bool(_HALF_DAY.search(tail[-1]))
        if introduced or written_out or (before and "." in tail[-1]):
            while before and before[-1] in skip:
                before = before[:-1]
            return " ".join(before), clock
    return text, None


def asks_for_now(text: str, *, phrases: Sequence[str], language: str) -> bool:
    """Whether ``text`` holds one of ``phrases`` ("сейчас", "right now", "веднага"; the
    catalogue's ``spoken_dates-now``), compared by stems: a time that is no time ahead."""
    rest = " ".join(text.lower().replace("ё", "е").split())
    return _without(rest, phrases, language)[1]


_BARE_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


def bare_time(text: str, *, skip: Sequence[str] = ()) -> time | None:
    """A clock time written alone ("15:00", "в 16", "at 4 pm"), without a day; None when the
    text says more (a day, a part of the day) or is no time. ``skip``: small words to drop."""
    words = [word for word in _TOKEN.findall(text.lower()) if word not in skip]
    match = _BARE_TIME.match(" ".join(words))
    if match is None:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def understand_day(text: str, *, language: str, today: date) -> date | None:
    """A date as written in words or figures ("1 марта 2026", "31 Dec 2025", "вчера"),
    with no preference for the future (a support end is usually past); None if none."""
    base = datetime.combine(today, time(12))
    parsed = _parse(text, language, base, prefer="current_period")
    return parsed.date() if parsed is not None else None


def _parse(
    text: str, language: str, local_now: datetime, *, prefer: str = "future"
) -> datetime | None:
    settings = {
        "RELATIVE_BASE": local_now.replace(tzinfo=None),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "DMY",
    }
    result = dateparser.parse(text, languages=[language], settings=settings)
    return result if isinstance(result, datetime) else None
