"""What a person reads is written the way a native speaker of their language writes it:
weekdays with the preposition and case the sentence needs, the time zone by its name in
the language (never ``MSK`` or ``Europe/Moscow``), percentages and hourly rates as the
language writes them, a language's name in running text, a date hint in the reader's
own way of writing a date.

The expected strings are written out by hand, not derived from CLDR, so a wrong rule and a
wrong catalogue text both fail.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from handlers.desk.cards import percent, render_lines
from handlers.engine.dispatcher import Engine
from handlers.engine.typed_input import parse_date
from handlers.flows.callback import when_words, working_hours_line
from handlers.i18n import LANGUAGES, Texts
from handlers.policy import Policy
from scheduler.session_reminders import DAY_BEFORE, HOURS_BEFORE, session_text
from storage.bookings import Booking
from storage.db import Database
from tests.support import booking_steps
from tests.support.booking_steps import (
    TUESDAY,
    TUESDAY_NOON,
    book,
    day_label,
    start_booking,
    the_booking,
)
from tests.support.chat import Chat, Clock

NBSP = "\u00a0"

#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine

# Monday 23 Nov 2026, noon in Moscow; the call-back days below are all of the next week.
MONDAY_NOON = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# Monday 30 Nov 2026, 09:00 in Moscow.
NEXT_MONDAY_9 = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)

ON_DAY = {
    "ru": [
        "в понедельник, 30.11.2026, с 09:00",
        "во вторник, 01.12.2026, с 09:00",
        "в среду, 02.12.2026, с 09:00",
        "в четверг, 03.12.2026, с 09:00",
        "в пятницу, 04.12.2026, с 09:00",
        "в субботу, 05.12.2026, с 09:00",
        "в воскресенье, 06.12.2026, с 09:00",
    ],
    "bg": [
        "в понеделник, 30.11.2026, от 9:00",
        "във вторник, 1.12.2026, от 9:00",
        "в сряда, 2.12.2026, от 9:00",
        "в четвъртък, 3.12.2026, от 9:00",
        "в петък, 4.12.2026, от 9:00",
        "в събота, 5.12.2026, от 9:00",
        "в неделя, 6.12.2026, от 9:00",
    ],
    "en": [
        "on Monday, 30 Nov 2026, from 09:00",
        "on Tuesday, 1 Dec 2026, from 09:00",
        "on Wednesday, 2 Dec 2026, from 09:00",
        "on Thursday, 3 Dec 2026, from 09:00",
        "on Friday, 4 Dec 2026, from 09:00",
        "on Saturday, 5 Dec 2026, from 09:00",
        "on Sunday, 6 Dec 2026, from 09:00",
    ],
}


@pytest.mark.parametrize("offset", range(7))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_call_back_day_takes_the_preposition_and_case_of_its_weekday(
    policy: Policy, language: str, offset: int
) -> None:
    moment = NEXT_MONDAY_9 + timedelta(days=offset)
    words = when_words(Texts(language, "RUB"), policy, moment, MONDAY_NOON)
    assert words == ON_DAY[language][offset]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Рабочее время: пн–пт, 09:00–18:00 (Москва), кроме праздничных дней."),
        ("en", "Working hours: Mon–Fri, 09:00–18:00 (Moscow Time), except public holidays."),
        ("bg", "Работно време: пн–пт, 9:00–18:00 (Московско време), без официалните празници."),
    ],
)
def test_working_hours_name_the_days_and_the_zone_in_the_language(
    policy: Policy, language: str, expected: str
) -> None:
    assert working_hours_line(Texts(language, "RUB"), policy) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "Москва"), ("en", "Moscow Time"), ("bg", "Московско време")],
)
def test_a_time_zone_is_named_not_abbreviated(language: str, expected: str) -> None:
    assert Texts(language, "RUB").zone(ZoneInfo("Europe/Moscow")) == expected


@pytest.mark.parametrize(
    ("language", "quarter", "fraction"),
    [("ru", f"25{NBSP}%", f"45,5{NBSP}%"), ("en", "25%", "45.5%"), ("bg", "25%", "45,5%")],
)
def test_percentages_are_written_the_local_way(language: str, quarter: str, fraction: str) -> None:
    t = Texts(language, "RUB")
    assert t.percent(Decimal("0.25")) == quarter
    assert t.percent(Decimal("0.455")) == fraction


def test_a_card_shows_the_rate_in_each_managers_language_old_cards_too() -> None:
    """A renewal card keeps the rate, not its text; one stored before (``"25"``) still reads
    as a percentage."""
    for stored in (percent(Decimal("0.25")), "25"):
        line = [("renewal.card_rate", {"rate": "x", "percent": stored, "amount": "1"})]
        assert render_lines(Texts("en", "RUB"), line, UTC) == ["Price: x, 25% — 1"]
        assert render_lines(Texts("ru", "RUB"), line, UTC) == [f"Цена: x, 25{NBSP}% — 1"]


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ru", ["русский", "английский", "болгарский"]),
        ("en", ["Russian", "English", "Bulgarian"]),
        ("bg", ["руски", "английски", "български"]),
    ],
)
def test_a_language_in_a_sentence_is_named_as_the_language_writes_it(
    language: str, names: list[str]
) -> None:
    t = Texts(language, "RUB")
    assert [t.language_name(code) for code in ("ru", "en", "bg")] == names


def test_the_english_date_hint_is_the_british_way_and_its_example_is_understood() -> None:
    hint = Texts("en", "RUB")("renewal.ask_support_end")
    assert "DD/MM/YYYY" in hint and "15/03/2026" in hint
    assert parse_date("15/03/2026") is not None


def test_weekdays_are_no_longer_catalogue_texts() -> None:
    for language in LANGUAGES:
        t = Texts(language, "RUB")
        for day in range(1, 8):
            for key in (f"booking.weekday_{day}", f"callback.weekday_{day}", f"callback.wd_{day}"):
                assert not t.has(key), key


# -- in a conversation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "zone_hint", "when"),
    [
        ("ru", "(часовой пояс: Москва)", "вт, 24.11.2026, 10:00 (Москва)"),
        ("en", "(time zone: Moscow Time)", "Tue 24 Nov 2026, 10:00 (Moscow Time)"),
    ],
)
async def test_booking_names_the_time_zone_in_the_customers_language(
    engine: Engine, language: str, zone_hint: str, when: str
) -> None:
    chat = Chat(engine, language=language)
    await start_booking(chat, "backup")
    await chat.send("+7 999 123-45-67")
    await chat.press(day_label(chat, TUESDAY))
    assert zone_hint in chat.text and "MSK" not in chat.text
    replies = await book(Chat(engine, user_id="1002", language=language), "backup", hours=1)
    confirmed = "\n".join(reply.text for reply in replies)
    assert when in confirmed and "MSK" not in confirmed


@pytest.mark.parametrize(
    ("language", "day_before", "hours_before"),
    [
        (
            "ru",
            "завтра, 24.11.2026 в 10:00 (часовой пояс: Москва)",
            "сегодня в 10:00 (часовой пояс: Москва)",
        ),
        ("en", "tomorrow, 24 Nov 2026 at 10:00 (Moscow Time)", "today at 10:00 (Moscow Time)"),
        (
            "bg",
            "утре, 24.11.2026 в 10:00 (часова зона: Московско време)",
            "днес в 10:00 (часова зона: Московско време)",
        ),
    ],
)
def test_session_reminders_name_the_time_zone(
    policy: Policy, language: str, day_before: str, hours_before: str
) -> None:
    starts = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    booking = Booking(
        id=1,
        request_id=1,
        customer_id=None,
        account_id=1,
        kind="backup",
        starts_at=starts,
        hours=1,
        status="confirmed",
        connection_fee=Decimal("0"),
        estimate=Decimal("1300"),
        minutes_spent=None,
        bill=None,
        created_at=starts,
        updated_at=starts,
    )
    t = Texts(language, "RUB")
    assert day_before in session_text(t, booking, DAY_BEFORE, policy)
    assert hours_before in session_text(t, booking, HOURS_BEFORE, policy)


@pytest.mark.parametrize(
    ("language", "rate"),
    [("ru", f"по 1{NBSP}300{NBSP}₽ в час"), ("en", f"at RUB{NBSP}1,300 an hour")],
)
async def test_a_session_bill_states_the_hourly_rate_in_words(
    engine: Engine, db: Database, clock: Clock, language: str, rate: str
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    clock.now = TUESDAY_NOON  # the session has been held
    desk = Chat(engine, user_id="900", language=language, manager=True)
    await desk.send(f"/minutes {booking['request_id']} 90")
    assert rate in desk.text
    assert "/ч" not in desk.text and "/h" not in desk.text
