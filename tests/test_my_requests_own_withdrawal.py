"""A booking or a key report is withdrawn where its own rules apply, not by My requests'
plain "Withdraw": a cancelled request must not leave its session booked (reminders, the
slot, the connection fee) or its key marked lost."""

from __future__ import annotations

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.flows.my_requests import MyRequestsFlow
from handlers.policy import Policy
from storage.db import Database
from tests.support.booking_steps import book, clock, engine, snapshot  # noqa: F401
from tests.support.chat import Chat, Clock
from tests.support.key_requests import PETROV, agree_if_asked, key_status, link, report_key
from tests.support.key_requests import demo_engine as key_engine
from tests.support.key_requests import snapshot as key_snapshot


async def test_a_booking_request_is_withdrawn_in_my_bookings(
    engine: Engine,  # noqa: F811
    db: Database,
) -> None:
    chat = Chat(engine)
    await book(chat, "direct")
    number = int(str(chat.values_of("booking.booked")[0]["number"]))
    await chat.payload(encode("my_requests.open", number))
    assert not chat.said("my_requests.withdraw")
    chat.button_of("my_requests.manage_booking")

    before = await snapshot(db)
    await chat.payload(encode("my_requests.withdraw", number))  # an old button
    assert chat.said("my_requests.manage_booking_instead", number=number)
    assert await snapshot(db) == before
    await chat.press_key("my_requests.manage_booking")
    assert chat.said("booking.mine_title", count=1)  # My bookings, where it is cancelled


async def test_a_key_report_is_withdrawn_by_finding_the_key(
    db: Database,
    policy: Policy,
    clock: Clock,  # noqa: F811
) -> None:
    keyed = await key_engine(db, policy, clock, KeyLossFlow(), MyRequestsFlow())
    chat = Chat(keyed)
    await link(db, chat, PETROV)
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await agree_if_asked(chat)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    await chat.press_key("key_loss.confirm_yes")
    number = chat.values_of("key_loss.protected_marked")[0]["number"]

    await chat.payload(encode("my_requests.open", number))
    assert not chat.said("my_requests.withdraw")
    before = await key_snapshot(db)
    await chat.payload(encode("my_requests.withdraw", number))
    assert chat.said("my_requests.key_found_instead", number=number)
    assert await key_snapshot(db) == before
    assert await key_status(db, "3-1234567") == "lost"
    await chat.press_key("my_requests.key_found")
    assert chat.said("key_loss.ask_what", serial="3-1234567")
    await chat.press_key("key_loss.button_found")
    assert await key_status(db, "3-1234567") == "lost"  # nothing until the customer says yes
    assert chat.said("key_loss.found_question")  # withdraw the report? (its own rules)


async def test_once_the_session_has_passed_the_request_is_withdrawn_plainly(
    engine: Engine,  # noqa: F811
    clock: Clock,  # noqa: F811
) -> None:
    """My bookings lists upcoming sessions only: a past one's request keeps the plain
    withdrawal, not a button that leads to "no upcoming sessions"."""
    chat = Chat(engine)
    await book(chat, "direct")  # Tuesday 10:00
    number = int(str(chat.values_of("booking.booked")[0]["number"]))
    clock.advance(days=2)
    await chat.payload(encode("my_requests.open", number))
    assert chat.said("my_requests.withdraw")
    assert not chat.said("my_requests.manage_booking")


async def test_a_broken_key_report_is_withdrawn_here(
    db: Database,
    policy: Policy,
    clock: Clock,  # noqa: F811
) -> None:
    """Only a lost or stolen key goes back through "found"; a broken key's report is
    withdrawn plainly, as before."""
    keyed = await key_engine(db, policy, clock, KeyLossFlow(), MyRequestsFlow())
    chat = Chat(keyed)
    number = await report_key(db, chat, PETROV, "3-1234567", "broken")
    await chat.payload(encode("my_requests.open", number))
    assert chat.said("my_requests.withdraw")
    assert not chat.said("my_requests.key_found")
