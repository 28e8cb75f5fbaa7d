"""The booking conversation's data as typed records (handlers/flows/booking/data.py): a chat
saved in the JSON shape earlier code wrote continues with the next message, writing keeps
that shape and what this version does not know, and a booking's request details read and
write the same way."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.booking.data import (
    BillData,
    BookingData,
    BookingDetails,
    Consent,
    ConsentsData,
    EstimateData,
    Stale,
)
from handlers.rules.sessions import SessionBill, SessionEstimate, SessionKind
from storage import conversations
from storage.db import Database
from storage.models import ConversationState
from tests.support import booking_steps
from tests.support.booking_steps import NOW, book, rows, the_booking
from tests.support.chat import Chat

#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine

PROBLEM = "После обновления программа не открывает базу, ошибка 42"
#: Consent to pay, given a while before the chat was saved (so it is told from "now").
PAY_GIVEN = "2026-11-23T08:55:00+00:00"

#: A direct session on Tuesday 10:00 Moscow, as earlier code kept it after the duration
#: (the first direct session: the connection fee is due).
AFTER_ESTIMATE: dict[str, Any] = {
    "kind": "direct",
    "problem": PROBLEM,
    "phone": "+79991234567",
    "day": "2026-11-24",
    "start": "2026-11-24T07:00:00+00:00",
    "hours": 2,
    "estimate": {"hours": 2, "rate": "1300", "time": "2600", "fee": "4000", "total": "6600"},
    "consents": {},
}
#: The same with the first of three consents given.
HALF_CONSENTED: dict[str, Any] = {**AFTER_ESTIMATE, "consents": {"pay": PAY_GIVEN}}
#: Moving booking 1 (2 hours): Wednesday picked, the time not yet.
MOVING: dict[str, Any] = {
    "booking_id": 1,
    "move": 1,
    "hours": 2,
    "kind": "direct",
    "day": "2026-11-25",
}
#: A booking request's details as earlier code filed them (card lines shortened).
FILED: dict[str, Any] = {
    "topic": "booking",
    "kind": "backup",
    "starts_at": "2026-11-24T07:00:00+00:00",
    "hours": 2,
    "phone": "+79991234567",
    "problem": PROBLEM,
    "estimate": {"hours": 2, "rate": "1300", "time": "2600", "fee": "0", "total": "2600"},
    "consents": {"pay": PAY_GIVEN, "backup": PAY_GIVEN},
    "amount_in_lines": True,
    "card": [["booking.card_kind", {"kind": {"text": "booking.kind_name_backup"}}]],
    "who": {"name": "User 1001", "messenger": "telegram"},
}


async def store(db: Database, chat: Chat, flow: str, step: str, data: dict[str, Any]) -> None:
    async with db.unit() as unit:
        state = ConversationState(flow, step, data)
        await conversations.save(unit, chat.platform, chat.user_id, state, now=NOW)


async def saved(db: Database, chat: Chat) -> ConversationState:
    async with db.unit() as unit:
        return await conversations.load(unit, chat.platform, chat.user_id)


async def details_of(db: Database, request_id: int) -> dict[str, Any]:
    found = await rows(db, "SELECT details FROM requests WHERE id = ?", (request_id,))
    details: dict[str, Any] = json.loads(found[0]["details"])
    return details


# -- the records alone --------------------------------------------------------------------


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"kind": "backup"},
        {"kind": "direct", "problem": PROBLEM},
        AFTER_ESTIMATE,
        HALF_CONSENTED,
        {"booking_id": 3},
        MOVING,
        {**MOVING, "start": "2026-11-25T12:00:00+00:00"},
    ],
)
def test_the_data_earlier_code_kept_reads_and_writes_back_the_same(stored: dict[str, Any]) -> None:
    assert BookingData.from_stored(stored).to_stored() == stored


def test_the_data_reads_as_typed_values() -> None:
    data = BookingData.from_stored(HALF_CONSENTED)
    assert data.need_kind() is SessionKind.DIRECT
    assert (data.need_day(), data.need_start()) == (
        date(2026, 11, 24),
        datetime(2026, 11, 24, 7, tzinfo=UTC),
    )
    assert data.need_hours() == 2 and data.move is None
    estimate = data.need_estimate()
    assert (estimate.hourly_rate, estimate.connection_fee, estimate.total) == (
        Decimal("1300"),
        Decimal("4000"),
        Decimal("6600"),
    )
    consents = data.given_consents()
    assert consents.at(Consent.PAY) == datetime(2026, 11, 23, 8, 55, tzinfo=UTC)
    assert not consents.have((Consent.PAY, Consent.ACCESS))
    given = consents.given(Consent.ACCESS, NOW).given(Consent.BACKUP, NOW)
    assert given.have((Consent.PAY, Consent.ACCESS, Consent.BACKUP))
    assert given.to_stored() == {
        "pay": PAY_GIVEN,
        "access": NOW.isoformat(),
        "backup": NOW.isoformat(),
    }


@pytest.mark.parametrize(
    ("stored", "missing"),
    [
        ({}, "kind"),
        ({"kind": "video"}, "kind"),  # a kind this version does not know
        ({"kind": "direct", "day": "24.11.2026"}, "day"),
        ({"kind": "direct", "hours": "two"}, "hours"),
        ({**AFTER_ESTIMATE, "estimate": {"hours": 2, "rate": "1300"}}, "estimate"),
    ],
)
def test_what_a_step_needs_and_the_chat_lacks_is_stale(
    stored: dict[str, Any], missing: str
) -> None:
    data = BookingData.from_stored(stored)
    needs = {
        "kind": data.need_kind,
        "day": data.need_day,
        "hours": data.need_hours,
        "estimate": data.need_estimate,
    }
    with pytest.raises(Stale, match=missing):
        needs[missing]()


def test_a_zero_fee_and_no_consents_yet_are_still_written() -> None:
    data = BookingData(
        kind=SessionKind.BACKUP,
        estimate=EstimateData(
            hours=1,
            rate=Decimal("1300"),
            time=Decimal("1300"),
            fee=Decimal("0"),
            total=Decimal("1300"),
        ),
        consents=ConsentsData(),
    )
    assert data.to_stored() == {
        "kind": "backup",
        "estimate": {"hours": 1, "rate": "1300", "time": "1300", "fee": "0", "total": "1300"},
        "consents": {},
    }


def test_a_request_filed_earlier_reads_and_writes_back_the_same() -> None:
    details = BookingDetails.from_stored(FILED)
    assert details.to_stored() == FILED
    assert details.kind is SessionKind.BACKUP and details.phone == "+79991234567"
    assert details.starts_at == datetime(2026, 11, 24, 7, tzinfo=UTC)
    assert set(details.unknown) == {"card", "who"}  # the cards module's keys, kept
    assert BookingDetails.from_stored({}).to_stored() == {}


def test_amounts_from_an_estimate_or_a_bill_are_written_as_plain_digits() -> None:
    """As earlier code wrote them (``format(amount, "f")``), whatever their exponent."""
    estimate = SessionEstimate(
        kind=SessionKind.BACKUP,
        hours=2,
        hourly_rate=Decimal("1.3E+3"),
        time_amount=Decimal("2.6E+3"),
        connection_fee=Decimal("0"),
        total=Decimal("2600"),
    )
    assert EstimateData.of(estimate).to_stored() == {
        "hours": 2,
        "rate": "1300",
        "time": "2600",
        "fee": "0",
        "total": "2600",
    }
    bill = SessionBill(
        kind=SessionKind.BACKUP,
        minutes_spent=95,
        billed_minutes=95,
        hourly_rate=Decimal("1300"),
        time_amount=Decimal("2.058E+3"),
        connection_fee=Decimal("0"),
        total=Decimal("2058"),
    )
    assert BillData.of(bill, by="manager:telegram:900").to_stored() == {
        "minutes_spent": 95,
        "billed_minutes": 95,
        "time": "2058",
        "fee": "0",
        "total": "2058",
        "by": "manager:telegram:900",
    }


# -- saved chats continue -----------------------------------------------------------------


async def test_a_chat_saved_after_the_kind_continues(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await store(db, chat, "booking", "problem", {"kind": "direct"})
    await chat.send(PROBLEM)
    assert chat.said("consent.text")
    await chat.payload(encode("consent.yes"))
    assert chat.said("booking.ask_phone")
    assert await saved(db, chat) == ConversationState(
        "booking", "phone", {"kind": "direct", "problem": PROBLEM}
    )
    await chat.send("+7 999 123-45-67")
    assert chat.said("booking.pick_day")
    assert await saved(db, chat) == ConversationState(
        "booking", "day", {"kind": "direct", "problem": PROBLEM, "phone": "+79991234567"}
    )


async def test_a_chat_saved_with_the_consents_half_given_continues_to_the_booking(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await store(db, chat, "booking", "consent_access", HALF_CONSENTED)
    await chat.payload(encode("booking.agree", "access"))
    assert chat.said("booking.consent_backup", number=3, total=3)
    assert await saved(db, chat) == ConversationState(
        "booking",
        "consent_backup",
        {**HALF_CONSENTED, "consents": {"pay": PAY_GIVEN, "access": NOW.isoformat()}},
    )
    await chat.payload(encode("booking.agree", "backup"))
    assert chat.said("booking.confirm_summary", hours=2, phone="+79991234567")
    await chat.payload(encode("booking.confirm"))
    assert chat.said("booking.booked", number=1, hours=2)
    assert await saved(db, chat) == ConversationState()

    booking = await the_booking(db)
    assert (booking["kind"], booking["starts_at"], booking["estimate"]) == (
        "direct",
        "2026-11-24T07:00:00+00:00",
        "6600",
    )
    details = await details_of(db, booking["request_id"])
    consents = {"pay": PAY_GIVEN, "access": NOW.isoformat(), "backup": NOW.isoformat()}
    assert {key: value for key, value in details.items() if key not in ("card", "who")} == {
        "topic": "booking",
        "kind": "direct",
        "starts_at": "2026-11-24T07:00:00+00:00",
        "hours": 2,
        "phone": "+79991234567",
        "problem": PROBLEM,
        "estimate": AFTER_ESTIMATE["estimate"],
        "consents": consents,
        "amount_in_lines": True,
    }
    # The consent given before the chat was saved is on the card at its own time.
    consent_lines = [values for key, values in details["card"] if key == "booking.card_consent"]
    assert consent_lines[0]["at"] == {"moment": PAY_GIVEN}


async def test_a_chat_saved_with_the_estimate_shown_asks_the_first_consent_again(
    engine: Engine, db: Database
) -> None:
    """A confirmation pressed ahead of the consents (an old button) asks the missing one."""
    chat = Chat(engine)
    await chat.send("/start")
    await store(db, chat, "booking", "consent_pay", AFTER_ESTIMATE)
    await chat.payload(encode("booking.confirm"))
    assert chat.said("booking.consent_pay_hint")
    assert await saved(db, chat) == ConversationState("booking", "consent_pay", AFTER_ESTIMATE)


async def test_a_chat_saved_while_moving_a_booking_continues(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=2)
    booking = await the_booking(db)
    filed = await details_of(db, booking["request_id"])
    await store(db, chat, "booking", "time", MOVING)
    await chat.payload(encode("booking.time", "1500"))
    assert chat.said("booking.move_question", hours=2)
    assert await saved(db, chat) == ConversationState(
        "booking", "move_confirm", {**MOVING, "start": "2026-11-25T12:00:00+00:00"}
    )
    await chat.payload(encode("booking.move_yes"))
    assert chat.said("booking.moved", hours=2)
    assert (await the_booking(db, booking["id"]))["starts_at"] == "2026-11-25T12:00:00+00:00"
    moved = await details_of(db, booking["request_id"])
    assert moved["starts_at"] == "2026-11-25T12:00:00+00:00"
    assert moved["card"][-1][0] == "booking.card_moved"
    unchanged = {key: value for key, value in filed.items() if key not in ("starts_at", "card")}
    assert {key: moved[key] for key in unchanged} == unchanged


async def test_a_key_this_version_does_not_know_is_kept(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    stored = {**HALF_CONSENTED, "channel": {"source": "reminder"}}
    await store(db, chat, "booking", "consent_access", stored)
    await chat.payload(encode("booking.agree", "access"))
    assert chat.said("booking.consent_backup")
    after = await saved(db, chat)
    assert after.data == {
        **stored,
        "consents": {"pay": PAY_GIVEN, "access": NOW.isoformat()},
    }


async def test_a_saved_chat_lacking_what_its_step_needs_is_told_it_is_stale(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await store(db, chat, "booking", "time", {"kind": "direct", "day": "someday"})
    await chat.payload(encode("booking.time", "1000"))
    assert chat.said("booking.stale")
    assert await saved(db, chat) == ConversationState()
