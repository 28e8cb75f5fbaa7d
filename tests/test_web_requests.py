"""The web desk's requests: the list (filters, search, pages, live counts), a request's
page (card, whole history, files) and the desk's actions through the same desk code as
the manager chat: a reply from the web reaches the customer's messenger, and replies made
on either desk show in the other's history (docs/rules.md#web-desk)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage import requests
from storage.db import Database
from storage.models import Platform, RequestKind
from tests.support import desk_world, web_desk
from tests.support.chat import Chat
from tests.support.desk_world import (
    NOW,
    console_manager,
    events_of,
    file_renewal,
    last_to,
    messages_to,
    request_row,
)
from tests.support.web_desk import add_manager, page_csrf, sign_in

clock, engine, client = desk_world.clock, desk_world.engine, web_desk.client
Client = TestClient[web.Request, web.Application]


def numbers_listed(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'href="/requests/(\d+)"', html)]


async def signed_in(client: Client, db: Database) -> str:
    await add_manager(db)
    return await sign_in(client)


async def test_the_list_shows_open_requests_newest_first_and_filters_them(
    client: Client, db: Database, engine: Engine
) -> None:
    first = await file_renewal(db, Chat(engine, user_id="1001"))
    second = await file_renewal(db, Chat(engine, user_id="1002"))
    await console_manager(engine).payload(encode("desk_actions.done", first))
    await signed_in(client, db)
    assert numbers_listed(await (await client.get("/requests")).text()) == [second]
    everything = await (await client.get("/requests?status=all")).text()
    assert numbers_listed(everything) == [second, first]
    done = await (await client.get("/requests?status=done")).text()
    assert numbers_listed(done) == [first]
    other_kind = await (await client.get("/requests?status=all&kind=booking")).text()
    assert numbers_listed(other_kind) == []
    renewals = await (await client.get("/requests?status=all&kind=renewal")).text()
    assert numbers_listed(renewals) == [second, first]


async def test_the_list_finds_a_request_by_number_customer_phone_license_or_key(
    client: Client, db: Database, engine: Engine
) -> None:
    unlinked = await file_renewal(db, Chat(engine, user_id="1001"))
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT c.id, c.name, c.phone, l.number, k.serial FROM customers c "
            "JOIN licenses l ON l.customer_id = c.id JOIN keys k ON k.customer_id = c.id "
            "WHERE c.phone IS NOT NULL LIMIT 1"
        )
        assert row is not None
        linked = await requests.create(
            unit, RequestKind.QUESTION, account_id=None, customer_id=row["id"], now=NOW
        )
    await signed_in(client, db)
    searches = {
        str(linked): [linked],
        f"№{unlinked}": [unlinked],
        row["name"]: [linked],
        row["name"].lower(): [linked],
        row["phone"]: [linked],
        row["number"]: [linked],
        row["serial"]: [linked],
        "User 1001": [unlinked],  # filed before linking: the name they wrote under
        "нет такого": [],
    }
    for text, expected in searches.items():
        html = await (await client.get("/requests", params={"q": text})).text()
        assert numbers_listed(html) == expected, text


async def test_the_list_pages(client: Client, db: Database, policy: Policy) -> None:
    size = policy.web_desk.page_size
    async with db.unit() as unit:
        for _ in range(size + 2):
            await requests.create(unit, RequestKind.QUESTION, account_id=None, now=NOW)
    await signed_in(client, db)
    first = await (await client.get("/requests")).text()
    second = await (await client.get("/requests?page=2")).text()
    assert len(numbers_listed(first)) == size and len(numbers_listed(second)) == 2
    assert "Страница 2 из 2" in second and 'href="/requests?status=open&amp;page=1"' in second


async def test_overdue_lists_the_requests_whose_promised_first_answer_passed(
    client: Client, db: Database, engine: Engine, clock: desk_world.Clock, policy: Policy
) -> None:
    late = await file_renewal(db, Chat(engine, user_id="1001"))
    taken = await file_renewal(db, Chat(engine, user_id="1002"))
    await console_manager(engine).payload(encode("desk_actions.take", taken))
    await signed_in(client, db)
    assert numbers_listed(await (await client.get("/requests?overdue=1")).text()) == []
    assert "Просрочено: 0" in await (await client.get("/requests/counts")).text()
    clock.advance(minutes=policy.desk.first_response_minutes + 1)  # Monday noon: working time
    assert numbers_listed(await (await client.get("/requests?overdue=1")).text()) == [late]
    counts = await (await client.get("/requests/counts")).text()
    assert "Открыто: 2" in counts and "Новых: 1" in counts and "Просрочено: 1" in counts


async def test_the_manager_filter_shows_mine_and_nobodys(
    client: Client, db: Database, engine: Engine
) -> None:
    mine = await file_renewal(db, Chat(engine, user_id="1001"))
    nobodys = await file_renewal(db, Chat(engine, user_id="1002"))
    token = await signed_in(client, db)
    await client.post(
        f"/requests/{mine}/press",
        data={"csrf": token, "payload": encode("desk_actions.take", mine)},
    )
    assert numbers_listed(await (await client.get("/requests?manager=mine")).text()) == [mine]
    assert numbers_listed(await (await client.get("/requests?manager=none")).text()) == [nobodys]


async def test_the_request_page_shows_the_card_and_the_whole_history_as_text(
    client: Client, db: Database, engine: Engine
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await customer.send("<script>alert('x')</script> и ещё вопрос")
    await signed_in(client, db)
    html = await (await client.get(f"/requests/{number}")).text()
    assert f"Заявка №{number}" in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; и ещё вопрос" in html


async def test_a_file_is_served_only_as_a_file_of_its_own_request(
    client: Client, db: Database, engine: Engine, tmp_path: Path
) -> None:
    own = await file_renewal(db, Chat(engine, user_id="1001"))
    other = await file_renewal(db, Chat(engine, user_id="1002"))
    stored = tmp_path / "files" / "scan.pdf"
    stored.parent.mkdir()
    stored.write_bytes(b"%PDF-1.4 a scan")
    async with db.unit() as unit:
        file_id = await requests.add_attachment(
            unit, own, "document", '<img src=x onerror=alert(1)>.pdf', str(stored), None,
            "application/pdf", stored.stat().st_size, NOW,
        )  # fmt: skip
    await signed_in(client, db)
    html = await (await client.get(f"/requests/{own}")).text()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;.pdf" in html
    download = await client.get(f"/requests/{own}/files/{file_id}")
    assert download.status == 200 and await download.read() == b"%PDF-1.4 a scan"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["Content-Type"] == "application/octet-stream"
    shown = await client.get(f"/requests/{own}/files/{file_id}?view=1")
    assert shown.headers["Content-Type"] == "application/pdf"
    assert "sandbox" in shown.headers["Content-Security-Policy"]
    assert (await client.get(f"/requests/{other}/files/{file_id}")).status == 404
    assert (await client.get(f"/requests/{own}/files/{file_id + 1}")).status == 404


async def test_unknown_requests_are_not_found(client: Client, db: Database) -> None:
    token = await signed_in(client, db)
    assert (await client.get("/requests/999")).status == 404
    assert (await client.get("/requests/abc")).status == 404
    pressed = await client.post(
        "/requests/999/press", data={"csrf": token, "payload": encode("desk_actions.take", 999)}
    )
    assert pressed.status == 404


async def test_a_button_of_another_request_is_not_pressed_from_this_page(
    client: Client, db: Database, engine: Engine
) -> None:
    shown = await file_renewal(db, Chat(engine, user_id="1001"))
    other = await file_renewal(db, Chat(engine, user_id="1002"))
    token = await signed_in(client, db)
    before = await desk_world.snapshot(db)
    for payload in (encode("desk_actions.done", other), "1:desk_commands.card:1", "garbage"):
        answer = await client.post(
            f"/requests/{shown}/press", data={"csrf": token, "payload": payload}
        )
        assert answer.status == 400, payload
    assert await desk_world.snapshot(db) == before


async def test_a_reply_from_the_web_reaches_the_customer_and_the_history(
    client: Client, db: Database, engine: Engine
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    token = await signed_in(client, db)
    answer = await client.post(
        f"/requests/{number}/reply", data={"csrf": token, "text": "Счёт <b>отправлен</b>"}
    )
    html = await answer.text()
    assert (
        answer.status == 200 and f"Ответ по заявке №{number} отправлен клиенту." in html
    )  # the desk's answer
    to_customer = await last_to(db, Platform.TELEGRAM, "1001")
    assert "Счёт <b>отправлен</b>" in to_customer.text and "Анна Петрова" in to_customer.text
    assert to_customer.request_id == number
    assert (await request_row(db, number))["status"] == "waiting_customer"
    assert "Счёт &lt;b&gt;отправлен&lt;/b&gt;" in html
    assert "Анна Петрова (веб-пульт)" in html
    chat_manager = console_manager(engine)
    await chat_manager.send(f"/request {number}")  # the manager chat's history has it too
    assert "Счёт <b>отправлен</b>" in chat_manager.text
    assert "Анна Петрова (веб-пульт)" in chat_manager.text


async def test_a_reply_from_the_manager_chat_shows_in_the_web_history(
    client: Client, db: Database, engine: Engine
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    manager = Chat(engine, user_id="555", manager=True)
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send("Ответ из Telegram")
    await signed_in(client, db)
    html = await (await client.get(f"/requests/{number}")).text()
    assert "Ответ из Telegram" in html and "(Telegram)" in html


async def test_take_done_and_reject_work_as_in_the_manager_chat(
    client: Client, db: Database, engine: Engine
) -> None:
    done = await file_renewal(db, Chat(engine, user_id="1001"))
    rejected = await file_renewal(db, Chat(engine, user_id="1002"))
    token = await signed_in(client, db)
    await client.post(
        f"/requests/{done}/press",
        data={"csrf": token, "payload": encode("desk_actions.take", done)},
    )
    assert (await request_row(db, done))["manager"] == "web:1"
    await client.post(
        f"/requests/{done}/press",
        data={"csrf": token, "payload": encode("desk_actions.done", done)},
    )
    assert (await request_row(db, done))["status"] == "done"
    await client.post(f"/requests/{rejected}/reject", data={"csrf": token, "text": "Дубликат"})
    assert (await request_row(db, rejected))["status"] == "rejected"
    assert ("manager:web:1", "new", "rejected", "Дубликат") in await events_of(db, rejected)
    told = [m.text for m in await messages_to(db, Platform.TELEGRAM, "1002")]
    assert any("Дубликат" in text for text in told)
    page = await (await client.get(f"/requests/{done}")).text()
    assert "desk_actions.done" not in page  # a closed request has no buttons


async def test_a_request_closed_meanwhile_is_not_answered_twice(
    client: Client, db: Database, engine: Engine
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    token = await signed_in(client, db)
    await page_csrf(client, f"/requests/{number}")
    await console_manager(engine).payload(encode("desk_actions.done", number))
    answer = await client.post(f"/requests/{number}/reply", data={"csrf": token, "text": "Поздно"})
    assert answer.status == 400  # the page's reply form belonged to an open request
    assert not any("Поздно" in m.text for m in await messages_to(db, Platform.TELEGRAM, "1001"))


async def test_two_replies_sent_at_once_each_reach_their_own_request(
    client: Client, db: Database, engine: Engine
) -> None:
    first = await file_renewal(db, Chat(engine, user_id="1001"))
    second = await file_renewal(db, Chat(engine, user_id="1002"))
    token = await signed_in(client, db)
    await asyncio.gather(
        client.post(f"/requests/{first}/reply", data={"csrf": token, "text": "Первому"}),
        client.post(f"/requests/{second}/reply", data={"csrf": token, "text": "Второму"}),
    )
    assert "Первому" in (await last_to(db, Platform.TELEGRAM, "1001")).text
    assert "Второму" in (await last_to(db, Platform.TELEGRAM, "1002")).text
