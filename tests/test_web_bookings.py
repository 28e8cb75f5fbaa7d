"""The web desk's Bookings page: a week of sessions as days × working-hour slots, each
session linking to its request (a cancelled one struck), the weeks before and after, a
checked ``?week=``; a booking's page moves it to a free start of a chosen day or cancels
it with a reason, through the desk's own actions (docs/rules.md#web-desk)."""

from __future__ import annotations

import html as html_module
from datetime import UTC, datetime
from decimal import Decimal

from aiohttp import web
from aiohttp.test_utils import TestClient

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.booking.common import local_when
from handlers.i18n import texts
from handlers.policy import Policy
from storage import accounts, bookings, requests
from storage.db import Database
from storage.models import Platform, RequestKind
from tests.support import booking_steps, web_desk
from tests.support.booking_steps import NOW, book, occupy, rows, snapshot, the_booking
from tests.support.chat import Chat
from tests.support.web_desk import add_manager, page_csrf, sign_in

clock, engine, client = booking_steps.clock, booking_steps.engine, web_desk.client
Client = TestClient[web.Request, web.Application]
RU = texts("ru")
#: Wednesday 25 Nov 2026, 15:00 in Moscow.
WEDNESDAY_15 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SCRIPT = "<script>alert(1)</script>"


def shown(text: str) -> str:
    """A catalogue text as the page writes it (escaped)."""
    return html_module.escape(text, quote=False)


async def book_as(db: Database, name: str, starts_at: datetime) -> int:
    """A one-hour backup review booked by a messenger account named ``name``; its id."""
    async with db.unit() as unit:
        account = await accounts.create(
            unit, Platform.TELEGRAM, "555", language="ru", display_name=name, now=NOW
        )
        number = await requests.create(unit, RequestKind.BOOKING, account_id=account.id, now=NOW)
        return await bookings.create(
            unit,
            request_id=number,
            account_id=account.id,
            customer_id=None,
            kind=bookings.BACKUP,
            starts_at=starts_at,
            hours=1,
            connection_fee=Decimal("0"),
            estimate=Decimal("1300"),
            now=NOW,
        )


async def customer_texts(db: Database, chat: Chat) -> list[str]:
    found = await rows(
        db,
        "SELECT text FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id",
        (chat.platform.value, chat.user_id),
    )
    return [str(row["text"]) for row in found]


async def test_the_week_shows_sessions_in_their_slots_linked_to_their_requests(
    client: Client, db: Database, engine: Engine
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=2)  # Tuesday 10:00–12:00 Moscow
    kept = await the_booking(db)
    await book(customer, "direct", day=booking_steps.WEDNESDAY, time="14:00", hours=1)
    await booking_steps.cancel_booking_at(customer, "14:00", count=2)
    cancelled = await the_booking(db)
    await add_manager(db)
    await sign_in(client)
    page = await client.get("/bookings")
    html = await page.text()
    assert page.status == 200
    assert f'<a href="/bookings">{RU("web.nav_bookings")}</a>' in html.replace(
        ' class="current"', ""
    )
    assert shown(RU("web.bookings_week", first="23.11.2026", last="29.11.2026")) in html
    assert f'href="/requests/{kept["request_id"]}"' in html
    assert f'href="/bookings/{kept["id"]}"' in html  # still booked: it can be changed
    assert f'<s><a href="/requests/{cancelled["request_id"]}">' in html  # struck
    assert f'href="/bookings/{cancelled["id"]}"' not in html
    assert "10:00–12:00" in html and RU("web.bookings_continues") in html
    assert RU("web.bookings_free", count=1, of=2) in html


async def test_weeks_before_and_after_and_a_bad_week_in_the_managers_language(
    client: Client, db: Database, engine: Engine
) -> None:
    await book(Chat(engine), "backup", day=datetime(2026, 12, 1).date(), hours=1)
    number = (await the_booking(db))["request_id"]
    await add_manager(db, "bob", language="en")
    await sign_in(client, "bob")
    this_week = await (await client.get("/bookings")).text()
    assert 'href="/bookings?week=2026-11-30"' in this_week
    assert 'href="/bookings?week=2026-11-16"' in this_week
    assert f'href="/requests/{number}"' not in this_week
    following = await (await client.get("/bookings?week=2026-12-03")).text()
    assert f'href="/requests/{number}"' in following  # any day picks its week
    assert 'href="/bookings?week=2026-11-23"' in following
    bad = await client.get("/bookings?week=2026-13-45")
    body = await bad.text()
    assert bad.status == 400
    assert texts("en")("web.bookings_not_a_date") in body
    assert 'value="2026-11-23"' in body  # the current week instead


async def test_names_are_escaped(client: Client, db: Database) -> None:
    booking_id = await book_as(db, SCRIPT, datetime(2026, 11, 24, 11, 0, tzinfo=UTC))
    await add_manager(db)
    await sign_in(client)
    for path in ("/bookings", f"/bookings/{booking_id}"):
        html = await (await client.get(path)).text()
        assert SCRIPT not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


async def test_a_manager_moves_a_booking_to_a_free_start_of_a_chosen_day(
    client: Client, db: Database, engine: Engine, policy: Policy
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    await occupy(db, datetime(2026, 11, 25, 7, 0, tzinfo=UTC), count=2)  # Wed 10:00 full
    await add_manager(db)
    token = await sign_in(client)
    bad_day = await client.get(f"/bookings/{booking['id']}?day=tomorrow")
    assert bad_day.status == 400 and RU("web.bookings_not_a_date") in await bad_day.text()
    page = await (await client.get(f"/bookings/{booking['id']}?day=2026-11-25")).text()
    assert 'value="202611251500"' in page
    assert 'value="202611251000"' not in page  # both consultants taken
    answer = await client.post(
        f"/bookings/{booking['id']}/move", data={"csrf": token, "start": "202611251500"}
    )
    assert answer.status == 200
    moved_text = RU(
        "booking_desk.moved",
        number=booking["request_id"],
        old=local_when(RU, policy, booking_steps.TUESDAY_10),
        new=local_when(RU, policy, WEDNESDAY_15),
    )
    assert shown(moved_text) in await answer.text()
    moved = await the_booking(db, booking["id"])
    assert moved["starts_at"].startswith("2026-11-25T12:00")
    assert "15:00" in (await customer_texts(db, customer))[-1]

    # The slot is taken meanwhile: a stale form changes nothing.
    before = await snapshot(db)
    answer = await client.post(
        f"/bookings/{booking['id']}/move", data={"csrf": token, "start": "202611251000"}
    )
    taken = RU(
        "booking_desk.move_slot_taken",
        when=local_when(RU, policy, datetime(2026, 11, 25, 7, 0, tzinfo=UTC)),
    )
    assert shown(taken) in await answer.text()
    assert await snapshot(db) == before
    refused = await client.post(
        f"/bookings/{booking['id']}/move", data={"csrf": token, "start": "soon"}
    )
    assert refused.status == 400
    assert await snapshot(db) == before


async def test_a_manager_cancels_a_booking_with_a_reason(
    client: Client, db: Database, engine: Engine, policy: Policy
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    manager = await add_manager(db)
    token = await sign_in(client)
    path = f"/bookings/{booking['id']}/cancel"
    when = local_when(RU, policy, booking_steps.TUESDAY_10)
    before = await snapshot(db)
    empty = await client.post(path, data={"csrf": token, "reason": "  "})
    assert RU("web.text_empty") in await empty.text()
    assert await snapshot(db) == before

    answer = await client.post(path, data={"csrf": token, "reason": "Консультант заболел"})
    html = await answer.text()
    assert shown(RU("booking_desk.cancelled", number=booking["request_id"], when=when)) in html
    assert RU("web.bookings_not_changeable") in html
    assert (await the_booking(db, booking["id"]))["status"] == "cancelled"
    assert "Консультант заболел" in (await customer_texts(db, customer))[-1]
    waiting = await rows(
        db, "SELECT flow FROM conversations WHERE platform = 'web' AND chat_id = ?", (str(manager),)
    )
    assert all(row["flow"] is None for row in waiting)  # the desk waits for no more text

    # The same form again (another tab): said, nothing changes.
    before = await snapshot(db)
    again = await client.post(path, data={"csrf": token, "reason": "Ещё раз"})
    stale = RU("booking_desk.already_cancelled", number=booking["request_id"], when=when)
    assert shown(stale) in await again.text()
    assert await snapshot(db) == before


async def test_forms_need_the_csrf_token_and_a_known_booking(
    client: Client, db: Database, engine: Engine
) -> None:
    await book(Chat(engine), "backup", hours=1)
    booking = await the_booking(db)
    await add_manager(db)
    token = await sign_in(client)
    before = await snapshot(db)
    for action, data in (("cancel", {"reason": "Причина"}), ("move", {"start": "202611251500"})):
        missing = await client.post(f"/bookings/{booking['id']}/{action}", data=data)
        assert missing.status == 403
        forged = await client.post(
            f"/bookings/{booking['id']}/{action}", data={**data, "csrf": "forged"}
        )
        assert forged.status == 403
        unknown = await client.post(f"/bookings/999/{action}", data={**data, "csrf": token})
        assert unknown.status == 404
    assert (await client.get("/bookings/999")).status == 404
    assert await snapshot(db) == before
    assert await page_csrf(client, "/bookings") == token


async def test_the_cancel_button_of_a_booking_card_works_on_the_request_page(
    client: Client, db: Database, engine: Engine
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    number = booking["request_id"]
    await add_manager(db)
    token = await sign_in(client)
    page = await (await client.get(f"/requests/{number}")).text()
    payload = encode("booking_desk.cancel", number)
    assert f'value="{payload}"' in page
    asked = await client.post(f"/requests/{number}/press", data={"csrf": token, "payload": payload})
    assert shown(RU("booking_desk.ask_reason", number=number)) in await asked.text()
    await client.post(f"/requests/{number}/answer", data={"csrf": token, "text": "Праздник"})
    assert (await the_booking(db, booking["id"]))["status"] == "cancelled"
    assert "Праздник" in (await customer_texts(db, customer))[-1]
