"""Shared steps of the booking tests: the engine (and the ``clock`` and ``engine``
fixtures, used as ``clock, engine = booking_steps.clock, booking_steps.engine``), the steps
of a booking pressing buttons by the catalogue keys of their labels (a reworded catalogue
does not break them), sending files, the tables."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment, Reply
from handlers.flow_list import default_flows
from handlers.policy import Policy
from storage import accounts, bookings, requests
from storage.db import Database
from storage.models import Platform, RequestKind
from tests.support.chat import Chat, Clock

# Monday 23 Nov 2026, 12:00 in Moscow: a working day, its morning already gone.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)
# Tuesday 10:00 Moscow = 07:00 UTC.
TUESDAY_10 = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
# Noon in Moscow on Tuesday and on Wednesday: the morning's sessions have been held.
TUESDAY_NOON = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
WEDNESDAY_NOON = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

#: What the booking tests type or press by label, in each language: the problem the customer
#: describes, and the menu items that open the customer's own bookings.
LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "menu": "Удалённая консультация",
        "problem": "После обновления программа не открывает базу, ошибка 42",
        "mine": "Мои записи",
    },
    "en": {
        "menu": "Remote session",
        "problem": "After the update the program does not open the database, error 42",
        "mine": "My bookings",
    },
    "bg": {
        "menu": "Дистанционна помощ",
        "problem": "След обновяването програмата не отваря базата, грешка 42",
        "mine": "Моите записвания",
    },
}


def make_engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    flows = default_flows()
    return Engine(db, policy, flows, desk=ManagerDesk.console_only(), clock=clock)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return make_engine(db, policy, clock)


def with_consultants(policy: Policy, consultants: int) -> Policy:
    sessions = policy.sessions.model_copy(update={"consultants": consultants})
    return policy.model_copy(update={"sessions": sessions})


def day_label(chat: Chat, day: date) -> str:
    return day.strftime("%d %b %Y") if chat.language == "en" else day.strftime("%d.%m.%Y")


# -- the steps of a booking, pressing buttons by the catalogue keys of their labels ----------


async def start_booking(chat: Chat, kind: str) -> None:
    """Menu → kind → problem → (personal-data consent) → the phone question."""
    await chat.send("/start")
    await chat.press_key("booking.menu")
    await chat.press_key(f"booking.kind_{kind}")
    await chat.send(LABELS[chat.language or "ru"]["problem"])  # what the customer types
    if chat.said("consent.agree"):
        await chat.press_key("consent.agree")


async def reach_consents(
    chat: Chat,
    kind: str,
    *,
    day: date = TUESDAY,
    time: str = "10:00",
    hours: int = 2,
    phone: str = "+7 999 123-45-67",
) -> None:
    """A booking up to the first consent (the estimate is on screen)."""
    await start_booking(chat, kind)
    await chat.send(phone)
    await chat.press_key("booking.day_button", date=day_label(chat, day))
    await chat.press(time)  # a start time's button reads the time alone
    await chat.press_key("booking.duration_button", hours=hours)


async def give_consents(chat: Chat, kind: str) -> None:
    """To pay for the time; a direct connection also to the remote access and to make a
    backup before it (a backup review has no connection)."""
    await chat.press_key("booking.agree_pay")
    if kind == "direct":
        await chat.press_key("booking.agree_access")
        await chat.press_key("booking.agree_backup")


async def book(
    chat: Chat,
    kind: str,
    *,
    day: date = TUESDAY,
    time: str = "10:00",
    hours: int = 2,
    phone: str = "+7 999 123-45-67",
) -> list[Reply]:
    """A whole booking by buttons; returns the replies to the confirmation."""
    await reach_consents(chat, kind, day=day, time=time, hours=hours, phone=phone)
    await give_consents(chat, kind)
    return await chat.press_key("booking.confirm")


def manager_chat(engine: Engine, language: str = "ru") -> Chat:
    """A manager's own chat with the bot (its answers come in ``language``)."""
    return Chat(engine, user_id="900", language=language, manager=True)


async def open_booking_at(chat: Chat, time: str, *, count: int = 1) -> None:
    """Main menu → the booking item → "My bookings (count)" → the booking starting at
    ``time``."""
    await chat.send("/menu")
    await chat.press_key("booking.menu")
    await chat.press_key("booking.my_bookings_count", count=count)
    when = chat.text_of("booking.when", time=time)
    await chat.press_key("booking.booking_button", when=when)


async def cancel_booking_at(chat: Chat, time: str, *, count: int = 1) -> list[Reply]:
    """The customer cancels their booking starting at ``time`` from "My bookings"."""
    await open_booking_at(chat, time, count=count)
    await chat.press_key("booking.cancel")
    return await chat.press_key("booking.cancel_yes")


async def send_files(chat: Chat, *files: Attachment) -> list[Reply]:
    """``chat`` sends ``files`` in one message; ``chat.said`` then tells the answer."""
    return await chat.send_files(files)


def backup_file(name: str = "base.zip", size: int = 5 * 1024 * 1024) -> Attachment:
    return Attachment(file_id=f"tg-file-{name}", name=name, size=size, mime="")


async def occupy(db: Database, starts_at: datetime, hours: int = 1, *, count: int = 1) -> None:
    """Bookings of other customers taking ``count`` places at ``starts_at``."""
    async with db.unit() as unit:
        for i in range(count):
            account = await accounts.create(
                unit,
                Platform.VK,
                f"other-{starts_at:%d%H}-{hours}-{i}",
                language="ru",
                display_name="",
                now=NOW,
            )
            request_id = await requests.create(
                unit, RequestKind.BOOKING, account_id=account.id, now=NOW
            )
            await bookings.create(
                unit,
                request_id=request_id,
                account_id=account.id,
                customer_id=None,
                kind=bookings.BACKUP,
                starts_at=starts_at,
                hours=hours,
                connection_fee=Decimal("0"),
                estimate=Decimal("1300") * hours,
                now=NOW,
            )


async def rows(db: Database, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    async with db.unit() as unit:
        return [dict(row) for row in await unit.fetchall(sql, params)]


async def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Everything a booking or a bill may change: compared before and after a refusal."""
    tables = ("bookings", "requests", "request_events", "outbox", "attachments")
    return {table: await rows(db, f"SELECT * FROM {table} ORDER BY id") for table in tables}


async def state_of(db: Database, chat: Chat) -> tuple[str | None, str | None]:
    found = await rows(
        db,
        "SELECT flow, step FROM conversations WHERE platform = ? AND chat_id = ?",
        (chat.platform.value, chat.user_id),
    )
    return (found[0]["flow"], found[0]["step"]) if found else (None, None)


async def the_booking(db: Database, booking_id: int | None = None) -> dict[str, Any]:
    found = await rows(
        db,
        "SELECT * FROM bookings WHERE id = ? OR ? IS NULL ORDER BY id DESC LIMIT 1",
        (booking_id, booking_id),
    )
    assert found, "no booking"
    return found[0]
