"""The web desk's Customer page and Customers search: a customer's whole file as a manager
looks it up (contacts, linked accounts, licenses with today's quote, keys with their
protection and monthly runs, requests, sessions, consents, reminders sent, who is
blocked and why), reached from a request, from the request list or by searching; an id
that is not a known customer's is the desk's own "not found" page, and what customers
wrote shows as text (docs/rules.md#web-desk)."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from markupsafe import escape

from handlers.engine.dispatcher import Engine
from handlers.i18n import CATALOGUE_DIR, Texts, texts
from handlers.policy import Policy
from storage import (
    blocks,
    bookings,
    customers,
    requests,
)
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE
from tests.support import desk_world, web_desk
from tests.support.chat import Chat
from tests.support.customer_file import RUN_ON, RUN_UNTIL, petrovs_file
from tests.support.desk_world import NOW, TODAY, file_renewal, link_demo_customer
from tests.support.web_desk import add_manager, sign_in

clock, engine, client = desk_world.clock, desk_world.engine, web_desk.client
Client = TestClient[web.Request, web.Application]
COMPANY = "<script>alert('x')</script> ООО «Мебель-Про»"
REASON = "Оскорбления в чате"
SESSION_AT = NOW + timedelta(days=2)


def shown(text: str) -> str:
    """``text`` as the page's HTML carries it (escaped as the templates escape)."""
    return str(escape(text))


def main_text(html: str) -> str:
    """What a manager reads in the page's main part: no tags, no navigation bar."""
    main = html[html.index("<main>") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


async def petrov_on_file(db: Database) -> tuple[int, int]:
    """The demo customer Иван Петров's file (``tests.support.customer_file``) with a company
    name that is a script and his Telegram account blocked: (customer id, the session's
    request number)."""
    on_file = await petrovs_file(db, now=NOW, today=TODAY, linked_at=NOW)
    async with db.unit() as unit:
        await unit.execute(
            "UPDATE customers SET company = ? WHERE id = ?", (COMPANY, on_file.customer_id)
        )
        await blocks.block(
            unit,
            on_file.account_id,
            request_id=on_file.request_number,
            reason=REASON,
            by="manager:telegram:7",
            now=NOW,
        )
    return on_file.customer_id, on_file.request_number


def expected_lines(t: Texts, number: int) -> list[str]:
    """What a manager looks for on Иван Петров's page, in the language of ``t``."""
    tz = SESSION_AT.tzinfo
    assert tz is not None
    return [
        "Иван Петров",
        DEMO_CUSTOMER_PHONE,
        # contacts and the linked account, how it was linked and blocked
        t("web_customer.platform_telegram"),
        t("web_customer.linked_phone"),
        t("web_customer.blocked_badge", reason=REASON),
        # L-1001: support ended 10 days ago, the preferential 25 % of 7 990 today
        "L-1001",
        t("web_customer.support_lapsed", days=10),
        t.money(Decimal("1998")),
        t("web_customer.support_ending", days=30),
        # the key: its protection and what the November run did
        "3-1234567",
        t("web_customer.protection_connected", end=t.date(TODAY + timedelta(days=30))),
        t("web_customer.run_prolonged", when=t.date(RUN_ON), until=t.date(RUN_UNTIL)),
        # the session and its request
        f"№{number}",
        t("web_customer.session_backup"),
        t("web_customer.session_estimate", amount=t.money(Decimal("1300"))),
        # the consent and the reminder sent
        "2026-01",
        t("web_customer.reminder_before_end", days=30),
        # who is blocked and why
        t("web_customer.blocked_title"),
        REASON,
    ]  # fmt: skip


async def test_the_customer_page_shows_the_customers_whole_file(
    client: Client, db: Database, engine: Engine
) -> None:
    petrov, number = await petrov_on_file(db)
    await add_manager(db)
    await sign_in(client)
    answer = await client.get(f"/customers/{petrov}")
    assert answer.status == 200
    assert answer.headers["Cache-Control"] == "no-store"
    html = await answer.text()
    text = main_text(html)
    t = texts("ru")
    for line in expected_lines(t, number):
        assert shown(line) in html, line
    assert f'href="/requests/{number}"' in html
    assert t.moment(SESSION_AT.astimezone(engine.policy.tz)) in text
    blocked = html[html.index('class="notice blocked"') :]
    assert shown(REASON) in blocked[: blocked.index("</section>")]


async def test_a_script_in_the_customers_name_or_company_shows_as_text(
    client: Client, db: Database, engine: Engine
) -> None:
    petrov, _ = await petrov_on_file(db)
    async with db.unit() as unit:
        await unit.execute(
            "UPDATE customers SET name = ? WHERE id = ?", ("<script>alert(1)</script>", petrov)
        )
    await add_manager(db)
    await sign_in(client)
    html = await (await client.get(f"/customers/{petrov}")).text()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ООО «Мебель-Про»" in html


@pytest.mark.parametrize(
    "path",
    [
        "/customers/999",
        "/customers/0",
        "/customers/abc",
        "/customers/-1",
        "/customers/1.5",
        "/customers/%C2%B2",  # "²", a digit to str.isdigit
        "/customers/" + "9" * 20,
    ],
)
async def test_an_unknown_or_malformed_customer_id_is_not_found_in_the_managers_language(
    client: Client, db: Database, engine: Engine, path: str
) -> None:
    await add_manager(db, language="bg")
    await sign_in(client)
    answer = await client.get(path)
    assert answer.status == 404
    assert answer.headers["Cache-Control"] == "no-store"
    html = await answer.text()
    assert texts("bg")("web_customer.not_found") in html
    assert "Traceback" not in html


async def test_a_request_and_the_request_list_link_to_the_customer(
    client: Client, db: Database, engine: Engine
) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)
    await customer.send("/menu")
    await customer.send("Добрый день! Не запускается программа после обновления.")
    stranger = await file_renewal(db, Chat(engine, user_id="1002"))
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
        assert petrov is not None
        (filed,) = await requests.of_customer(unit, petrov.id)
    linked = filed.id
    await add_manager(db)
    await sign_in(client)
    link = f'href="/customers/{petrov.id}"'
    page = await (await client.get(f"/requests/{linked}")).text()
    assert f"{link}>Иван Петров (ООО «Мебель-Про»)</a>" in page
    assert "/customers/" not in (await (await client.get(f"/requests/{stranger}")).text())
    listed = await (await client.get("/requests")).text()
    assert listed.count(link) == 1
    found = await (await client.get("/requests", params={"q": "L-1001"})).text()
    assert link in found


async def test_the_customer_search_finds_a_customer_without_any_request(
    client: Client, db: Database, engine: Engine
) -> None:
    async with db.unit() as unit:
        sidorova = await customers.find_by_phone(unit, "+79990003344")
    assert sidorova is not None
    await add_manager(db)
    await sign_in(client)
    start = await (await client.get("/requests")).text()
    assert 'href="/customers"' in start  # in the bar
    t = texts("ru")
    listed = await (await client.get("/customers")).text()  # no search: everyone, by company
    assert t("web_customer.search_prompt") in listed
    assert f'href="/customers/{sidorova.id}"' in listed
    assert t("web.page_of", page=1, pages=1) in listed
    for text in ("Сидорова", "сидорова", "+79990003344", "L-1004", "M-100200", str(sidorova.id)):
        html = await (await client.get("/customers", params={"q": text})).text()
        assert f'href="/customers/{sidorova.id}"' in html, text
    nobody = await (await client.get("/customers", params={"q": "нет такого"})).text()
    assert t("web_customer.search_none") in nobody and 'href="/customers/' not in nobody
    page = await (await client.get(f"/customers/{sidorova.id}")).text()
    assert shown(t("web_customer.requests_none")) in page
    assert shown(t("web_customer.protection_not_available")) in page  # her module


def _english_only_texts() -> list[str]:
    """The page's English texts without arguments that read differently in Russian."""
    english, russian = texts("en"), texts("ru")
    found = []
    for line in (CATALOGUE_DIR / "en" / "web_customer.ftl").read_text().splitlines():
        key, sep, value = line.partition(" = ")
        if sep and "{" not in value and key.startswith("web_customer-"):
            name = key.replace("-", ".", 1)
            if english(name) != russian(name):
                found.append(english(name))
    return found


@pytest.mark.parametrize("language", ["ru", "en", "bg"])
async def test_the_page_speaks_the_managers_language_only(
    client: Client, db: Database, engine: Engine, language: str
) -> None:
    petrov, number = await petrov_on_file(db)
    await add_manager(db, language=language)
    await sign_in(client)
    html = await (await client.get(f"/customers/{petrov}")).text()
    t = texts(language)
    for line in expected_lines(t, number):
        assert shown(line) in html, line
    for key in ("contacts", "accounts", "licenses", "keys", "requests", "bookings", "consents"):
        assert shown(t(f"web_customer.{key}")) in html, key
    if language == "ru":
        async with db.unit() as unit:
            customer = await customers.get(unit, petrov)
        assert customer is not None
        for data in (COMPANY, customer.email):  # the customer's own, not the desk's words
            html = html.replace(shown(data), "")
        text = main_text(html)
        english = [line for line in _english_only_texts() if len(line) > 3 and line in text]
        assert english == []
        words = set(re.findall(r"[A-Za-z]{2,}", text))
        # the data itself: the messenger's name, the key kind, the consent text's version
        assert words <= {"Telegram", "CodeMeter"}, words


async def test_a_held_session_shows_its_bill_and_minutes(
    client: Client, db: Database, engine: Engine
) -> None:
    petrov, number = await petrov_on_file(db)
    async with db.unit() as unit:
        booking = await bookings.by_request(unit, number)
        assert booking is not None
        await bookings.set_minutes_and_bill(
            unit, booking.id, 45, Decimal("975"), NOW, connection_fee=Decimal("0")
        )
    await add_manager(db)
    await sign_in(client)
    html = await (await client.get(f"/customers/{petrov}")).text()
    t = texts("ru")
    assert shown(t("web_customer.session_done")) in html
    assert shown(t("web_customer.session_bill", amount=t.money(Decimal("975")), minutes=45)) in html
    assert "45 минут" in html


async def test_without_a_search_the_customers_come_a_page_at_a_time(
    client: Client, db: Database, policy: Policy
) -> None:
    size = policy.web_desk.page_size
    async with db.unit() as unit:
        _, total = await customers.in_order(unit, offset=0, limit=1)
        for n in range(size + 1 - total):  # one more than a page
            await unit.execute(
                "INSERT INTO customers (name, company, phone, created_at, updated_at) "
                "VALUES (?, 'ЯЯЯ', ?, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
                (f"Клиент {n:03}", f"+7999100{n:04}"),
            )
    await add_manager(db)
    await sign_in(client)
    t = texts("ru")
    first = await (await client.get("/customers")).text()
    assert first.count('href="/customers/') == size
    assert t("web.page_of", page=1, pages=2) in first and 'href="/customers?page=2"' in first
    second = await (await client.get("/customers", params={"page": "2"})).text()
    assert second.count('href="/customers/') == 1 and "Клиент" in second  # company ЯЯЯ: last
    odd = await client.get("/customers", params={"page": "abc"})
    assert odd.status == 200 and t("web.page_of", page=1, pages=2) in await odd.text()
