"""Minimum notice (docs/rules.md#booking): a session is booked ahead, never on the spot. The
first time offered is ``sessions.min_notice_hours`` (2) from now; a time typed or an old
button for a sooner one gets a clear answer with the earliest free time, and so does a
move."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage.db import Database
from tests.support import booking_steps
from tests.support.booking_steps import (
    MONDAY,
    book,
    day_label,
    give_consents,
    make_engine,
    open_booking_at,
    reach_consents,
    rows,
    start_booking,
    state_of,
    the_booking,
)
from tests.support.chat import Chat, Clock

#: The booking tests' fixtures: the clock at NOW (Monday 12:00 in Moscow), every flow.
clock, engine = booking_steps.clock, booking_steps.engine

PHONE = "+7 999 123-45-67"


def times(chat: Chat) -> list[str]:
    """The start times offered in the last answer."""
    return [label for label in chat.labels if ":" in label]


async def reach_days(chat: Chat) -> None:
    await start_booking(chat, "backup")
    await chat.send(PHONE)


@pytest.mark.parametrize("language", ["ru", "en", "bg"])
async def test_the_first_time_offered_is_two_hours_ahead(
    engine: Engine, db: Database, clock: Clock, language: str
) -> None:
    chat = Chat(engine, language=language)
    await chat.send("/start")
    await chat.press_key("booking.menu")
    assert chat.said_in(language, "booking.kind_question", notice=2)  # said before booking
    await reach_days(chat)
    await chat.press_key("booking.day_button", date=day_label(chat, MONDAY))
    assert times(chat) == ["14:00", "15:00", "16:00", "17:00"]  # 13:00 is an hour away

    clock.advance(minutes=5)  # 12:05: 14:00 is now less than two hours away
    await chat.payload(encode("booking.days"))
    await chat.press_key("booking.day_button", date=day_label(chat, MONDAY))
    assert times(chat) == ["15:00", "16:00", "17:00"]

    # The 14:00 button of the earlier message, pressed now: a clear answer, nothing kept.
    await chat.payload(encode("booking.time", "1400"))
    earliest = chat.text_of("booking.when", time="15:00")
    assert chat.said_in(language, "booking.too_soon", hours=2)
    assert chat.said_in(language, "booking.earliest", when=earliest)
    assert await state_of(db, chat) == ("booking", "day")
    assert await rows(db, "SELECT id FROM bookings") == []


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("ru", "сегодня в 13:00"),
        ("ru", "сейчас"),
        ("ru", "прямо сейчас"),
        ("en", "today at 1 pm"),
        ("en", "right now"),
        ("bg", "днес в 13:00"),
        ("bg", "веднага"),
    ],
)
async def test_asking_for_a_sooner_time_is_answered_with_the_earliest(
    engine: Engine, db: Database, language: str, typed: str
) -> None:
    chat = Chat(engine, language=language)
    await reach_days(chat)
    await chat.send(typed)

    earliest = chat.text_of("booking.when", time="14:00")
    assert chat.said_in(language, "booking.too_soon", hours=2)
    assert chat.said_in(language, "booking.earliest", when=earliest)
    assert chat.said_in(language, "booking.pick_day")  # and the days again
    assert await state_of(db, chat) == ("booking", "day")
    assert await rows(db, "SELECT id FROM bookings") == []


@pytest.mark.parametrize(
    ("language", "typed", "day", "time"),
    [
        ("ru", "завтра в 11:00", "24.11.2026", "11:00"),
        ("ru", "сегодня в 15:00", "23.11.2026", "15:00"),
        ("en", "tomorrow at 11:00", "24 Nov 2026", "11:00"),
        ("bg", "утре в 11:00", "24.11.2026", "11:00"),
    ],
)
async def test_a_typed_time_far_enough_ahead_is_taken(
    engine: Engine, db: Database, language: str, typed: str, day: str, time: str
) -> None:
    chat = Chat(engine, language=language)
    await reach_days(chat)
    await chat.send(typed)
    when = chat.text_of("booking.when", date=day, time=time)
    assert chat.said_in(language, "booking.pick_duration", when=when)
    assert await state_of(db, chat) == ("booking", "duration")


async def test_a_written_day_shows_its_times_and_an_unbookable_time_is_said_so(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await reach_days(chat)
    await chat.send("15 декабря")  # beyond the booking window
    assert chat.said("booking.day_not_bookable", day="вт, 15.12.2026", days=14)
    assert await state_of(db, chat) == ("booking", "day")
    await chat.send("завтра")
    assert chat.said("booking.pick_time", day="вт, 24.11.2026")
    assert times(chat)[0] == "09:00"
    await chat.send("завтра в 18:00")  # after working hours
    assert chat.said("booking.time_not_free", when=chat.text_of("booking.when", time="18:00"))
    assert chat.said("booking.pick_time")  # Tuesday's times again
    await chat.send("в 16:00")
    assert not chat.said("booking.too_soon")
    assert await state_of(db, chat) == ("booking", "duration")


async def test_moving_a_booking_obeys_the_notice(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)  # Tuesday 10:00
    booking = await the_booking(db)
    await open_booking_at(chat, "10:00")
    await chat.press_key("booking.move")
    await chat.press_key("booking.day_button", date=day_label(chat, MONDAY))
    assert times(chat) == ["14:00", "15:00", "16:00", "17:00"]
    await chat.send("сегодня в 13:00")
    assert chat.said("booking.too_soon", hours=2)
    await chat.send("сегодня в 16:00")
    new = chat.text_of("booking.when", date="23.11.2026", time="16:00")
    assert chat.said("booking.move_question", new=new)
    await chat.press_key("booking.move_yes")
    assert (await the_booking(db, booking["id"]))["starts_at"] == "2026-11-23T13:00:00+00:00"


@pytest.mark.parametrize(("notice", "first"), [(0, "13:00"), (4, "16:00")])
async def test_the_notice_is_the_policys(
    db: Database, policy: Policy, clock: Clock, notice: int, first: str
) -> None:
    sessions = policy.sessions.model_copy(update={"min_notice_hours": notice})
    engine = make_engine(db, policy.model_copy(update={"sessions": sessions}), clock)
    chat = Chat(engine)
    await reach_days(chat)
    await chat.press_key("booking.day_button", date=day_label(chat, MONDAY))
    assert times(chat)[0] == first


@pytest.mark.parametrize(
    ("language", "typed", "day", "time"),
    [
        ("ru", "в среду в 11", "25.11.2026", "11:00"),
        ("ru", "в 16", "23.11.2026", "16:00"),
        ("ru", "2 декабря в 10", "02.12.2026", "10:00"),
        ("ru", "25.11 в 11", "25.11.2026", "11:00"),
        ("en", "on Wednesday at 11", "25 Nov 2026", "11:00"),
        ("bg", "в сряда в 11", "25.11.2026", "11:00"),
    ],
)
async def test_an_hour_written_after_the_day_is_the_start_on_that_day(
    engine: Engine, db: Database, language: str, typed: str, day: str, time: str
) -> None:
    chat = Chat(engine, language=language)
    await reach_days(chat)
    await chat.send(typed)
    assert not chat.said("booking.too_soon")
    when = chat.text_of("booking.when", date=day, time=time)
    assert chat.said_in(language, "booking.pick_duration", when=when)
    assert await state_of(db, chat) == ("booking", "duration")


@pytest.mark.parametrize("typed", ["вчера в 10", "вчера"])
async def test_a_past_day_written_is_not_understood(
    engine: Engine, db: Database, typed: str
) -> None:
    chat = Chat(engine)
    await reach_days(chat)
    await chat.send(typed)
    assert chat.said("booking.day_hint")
    assert not chat.said("booking.pick_time")  # today's times are not shown instead
    assert not chat.said("booking.too_soon")
    assert await state_of(db, chat) == ("booking", "day")


async def test_a_confirmation_after_the_notice_ran_out_is_answered_with_the_notice(
    engine: Engine, db: Database, clock: Clock
) -> None:
    clock.now = datetime(2026, 11, 23, 8, 50, tzinfo=UTC)  # Monday 11:50 in Moscow
    chat = Chat(engine)
    await reach_consents(chat, "backup", day=MONDAY, time="14:00", hours=1)
    await give_consents(chat, "backup")
    assert chat.said("booking.confirm_summary")

    clock.now = datetime(2026, 11, 23, 9, 1, tzinfo=UTC)  # 12:01: 14:00 is under 2 hours away
    await chat.press_key("booking.confirm")
    assert not chat.said("booking.slot_just_taken")
    assert chat.said("booking.too_soon", hours=2)
    assert chat.said("booking.earliest", when=chat.text_of("booking.when", time="15:00"))
    assert await state_of(db, chat) == ("booking", "day")
    assert await rows(db, "SELECT id FROM bookings") == []


async def test_a_move_confirmed_after_the_notice_ran_out_is_answered_with_the_notice(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)  # Tuesday 10:00
    booking = await the_booking(db)
    clock.now = datetime(2026, 11, 23, 8, 50, tzinfo=UTC)  # Monday 11:50 in Moscow
    await open_booking_at(chat, "10:00")
    await chat.press_key("booking.move")
    await chat.press_key("booking.day_button", date=day_label(chat, MONDAY))
    await chat.press("14:00")
    assert chat.said("booking.move_question")

    clock.now = datetime(2026, 11, 23, 9, 1, tzinfo=UTC)  # 12:01
    await chat.press_key("booking.move_yes")
    assert not chat.said("booking.slot_just_taken")
    assert chat.said("booking.too_soon", hours=2)
    assert (await the_booking(db, booking["id"]))["starts_at"] == "2026-11-24T07:00:00+00:00"
