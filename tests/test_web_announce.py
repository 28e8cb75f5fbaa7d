"""The web desk's Announcements page (docs/rules.md#announcements): the draft composed in a
form, counted filter by filter and per language exactly as the manager chat's ``/announce``
counts it, previewed as a customer sees it (escaped), sent to the manager's own messenger
chat as a test, sent to the audience in the outbox's bulk lane after a one-time
confirmation, and followed on its own page until the final report.

A generated portfolio (600 customers with their licenses, keys and chats) under the engine
with every flow; the pages through the aiohttp test client."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from handlers.desk import announcing
from handlers.desk.announcing import Draft
from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.flow_list import default_flows
from handlers.i18n import texts
from handlers.policy import Policy
from handlers.rules.announcements import SupportStatus
from storage import announcements, outbox, products
from storage.db import Database
from storage.models import Platform
from tests.support import web_desk
from tests.support.announce_desk import queued
from tests.support.announce_world import NOW, TODAY, generate_portfolio
from tests.support.chat import Clock
from tests.support.desk_world import console_manager
from tests.support.web_desk import add_manager, page_csrf, sign_in

client = web_desk.client
Client = TestClient[web.Request, web.Application]
RU = texts("ru")
#: The counts' texts, as the chat's draft screen shows them.
COUNT_KEYS = (
    "announce.stage_reachable",
    "announce.stage_platform",
    "announce.stage_language",
    "announce.stage_linked",
    "announce.stage_product",
    "announce.stage_support",
    "announce.stage_protection",
    "announce.opted_out",
    "announce.by_language",
    "announce.left_out",
    "announce.recipients",
)
_CONFIRMATION = re.compile(r'name="confirmation" value="([^"]+)"')


@pytest.fixture
async def engine(db: Database, policy: Policy) -> Engine:
    await generate_portfolio(db, 600, unlinked=30)
    return Engine(db, policy, default_flows(), desk=ManagerDesk.console_only(), clock=Clock(NOW))


def page_text(body: str) -> str:
    return html.unescape(body)


async def post(
    client: Client, csrf: str | None, form: Mapping[str, str | list[str]]
) -> tuple[int, str]:
    fields = [("csrf", csrf)] if csrf is not None else []
    answer = await client.post("/announce", data=[*fields, *_fields(form)], allow_redirects=False)
    return answer.status, await answer.text()


#: CAD, support ends within 30 days, protection connected, Telegram, linked: a Russian text.
FORM: dict[str, str | list[str]] = {
    "text_ru": "Вышла новая версия",
    "product": "1",
    "support": "ends_within",
    "days": "30",
    "protection": "yes",
    "platform": ["telegram"],
    "linked_only": "1",
}


async def test_the_counts_are_the_chats_counts_for_the_same_filters(
    engine: Engine, db: Database, client: Client
) -> None:
    desk = console_manager(engine)
    await desk.send("/announce")
    await desk.press_key("announce.edit_text", language="RU")
    await desk.send("Вышла новая версия")
    await desk.press_key("announce.change_product")  # → the first product
    await desk.press_key("announce.change_support")  # → active
    await desk.press_key("announce.change_support")  # → ends within 30 days
    await desk.press_key("announce.change_protection")  # → connected
    await desk.press_key("announce.change_platform")  # → Telegram
    await desk.press_key("announce.change_linked")
    in_chat = [desk.text_of(key) for key in COUNT_KEYS]
    assert desk.said("announce.left_out") and not desk.said("announce.recipients", count=0)

    async with db.unit() as unit:
        first_product = (await products.all(unit))[0].id  # the chat's first press

    await add_manager(db)
    csrf = await sign_in(client)
    status, body = await post(client, csrf, FORM | {"do": "count", "product": str(first_product)})

    assert status == 200
    shown = page_text(body)
    assert all(line in shown for line in in_chat), [x for x in in_chat if x not in shown]


async def test_the_preview_shows_the_text_as_a_customer_sees_it_escaped(
    engine: Engine, db: Database, client: Client
) -> None:
    await add_manager(db)
    csrf = await sign_in(client)
    status, body = await post(
        client,
        csrf,
        {"text_ru": "<script>alert(1)</script> Новая версия", "button": "manager", "do": "preview"},
    )
    assert status == 200
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Новая версия" in body
    shown = page_text(body)
    assert RU("announce.preview_title", language=RU.language_name("ru")) in shown
    assert RU("announcements.button_manager") in shown
    assert RU("announcements.button_stop") in shown
    assert await queued(db, prefix="") == []  # a preview sends nothing


async def test_without_a_text_nothing_is_previewed_or_sent(
    engine: Engine, db: Database, client: Client
) -> None:
    await add_manager(db)
    csrf = await sign_in(client)
    for action in ("preview", "sample", "confirm"):
        status, body = await post(client, csrf, {"do": action})
        assert status == 400 and RU("announce.no_texts_yet") in page_text(body)
    assert await queued(db, prefix="") == []


async def test_a_test_send_goes_to_the_managers_own_messenger_chat(
    engine: Engine, db: Database, client: Client
) -> None:
    manager_id = await add_manager(db)
    csrf = await sign_in(client)
    status, body = await post(client, csrf, FORM | {"do": "sample"})
    # A web manager with no messenger account: told so, nothing queued.
    assert status == 400 and RU("web_announce.no_messenger") in page_text(body)
    assert await queued(db, prefix="") == []

    async with db.unit() as unit:
        await unit.execute(
            "UPDATE web_managers SET messenger = 'telegram:777' WHERE id = ?", (manager_id,)
        )
    status, body = await post(client, csrf, FORM | {"do": "sample", "button": "manager"})
    assert status == 200 and RU("announce.test_sent") in page_text(body)
    async with db.unit() as unit:
        sent = await outbox.due(unit, Platform.TELEGRAM, NOW)
    assert [(m.chat_id, m.text) for m in sent] == [("777", "Вышла новая версия")]
    assert [label for row in sent[0].buttons for label, _ in row] == [
        RU("announcements.button_manager"),
        RU("announcements.button_stop"),
    ]


async def test_a_confirmed_send_queues_the_audience_once(
    engine: Engine, db: Database, client: Client
) -> None:
    await add_manager(db)
    csrf = await sign_in(client)
    draft = Draft(
        text_ru="Вышла новая версия",
        products=(1,),
        support=SupportStatus.ENDS_WITHIN,
        support_days=30,
        protection="yes",
        platforms=("telegram",),
        linked_only=True,
    )
    async with db.unit() as unit:
        counts = await announcing.count(unit, draft, TODAY)
    assert counts.recipients > 0

    status, body = await post(client, csrf, FORM | {"do": "confirm"})
    assert status == 200
    assert RU("announce.confirm", count=counts.recipients) in page_text(body)
    assert await queued(db) == []  # asked, not sent
    token = _CONFIRMATION.search(body)
    assert token is not None

    form = FORM | {"do": "send", "confirmation": token.group(1)}
    answer = await client.post(
        "/announce", data=[("csrf", csrf), *_fields(form)], allow_redirects=False
    )
    assert answer.status == 303 and answer.headers["Location"] == "/announce/1"
    rows = await queued(db)
    assert len(rows) == counts.recipients
    assert all(row.lane == 1 and row.text == "Вышла новая версия" for row in rows)
    assert {row.platform for row in rows} == {"telegram"}

    # Pressed again (a double click, the browser's back): nothing more is sent.
    again = await client.post(
        "/announce", data=[("csrf", csrf), *_fields(form)], allow_redirects=False
    )
    assert again.status == 303 and again.headers["Location"] == "/announce/1"
    assert len(await queued(db)) == counts.recipients


async def test_a_draft_changed_after_the_confirmation_is_confirmed_again(
    engine: Engine, db: Database, client: Client
) -> None:
    await add_manager(db)
    csrf = await sign_in(client)
    _, body = await post(client, csrf, FORM | {"do": "confirm"})
    token = _CONFIRMATION.search(body)
    assert token is not None
    status, body = await post(
        client, csrf, FORM | {"do": "send", "confirmation": token.group(1), "protection": ""}
    )
    assert status == 200 and RU("web_announce.confirm_again") in page_text(body)
    assert await queued(db) == []


async def test_a_send_without_the_forms_token_is_refused(
    engine: Engine, db: Database, client: Client
) -> None:
    await add_manager(db)
    csrf = await sign_in(client)
    _, body = await post(client, csrf, FORM | {"do": "confirm"})
    token = _CONFIRMATION.search(body)
    assert token is not None
    form = FORM | {"do": "send", "confirmation": token.group(1)}
    for csrf_sent in (None, "forged"):
        status, _ = await post(client, csrf_sent, form)
        assert status == 403
    assert await queued(db) == []
    async with db.unit() as unit:
        assert await announcements.latest(unit) == []


async def test_the_announcements_page_reports_what_became_of_it(
    engine: Engine, db: Database, client: Client
) -> None:
    await add_manager(db)
    csrf = await sign_in(client)
    _, body = await post(client, csrf, FORM | {"do": "confirm"})
    token = _CONFIRMATION.search(body)
    assert token is not None
    await post(client, csrf, FORM | {"do": "send", "confirmation": token.group(1)})
    page = page_text(await (await client.get("/announce/1")).text())
    assert RU("web_announce.going") in page

    # The senders deliver them all but two: one person blocked the bot, one chat failed.
    async with db.unit() as unit:
        rows = await outbox.by_key_prefix(unit, "announce:1:")
        for row in rows[:-2]:
            await outbox.mark_sent(unit, row.id, NOW)
        await outbox.mark_refused(unit, rows[-2].id, "Forbidden: bot was blocked", NOW)
        await outbox.mark_refused(unit, rows[-1].id, "too many tries", NOW, status="failed")
        account_id = int(rows[0].dedupe_key.rsplit(":", 1)[1])
        await announcements.record_press(unit, 1, account_id, NOW)
    async with db.unit() as unit:
        assert await announcing.report_finished(unit, NOW) == [1]
        sent = await announcements.get(unit, 1)
    assert sent is not None and sent.left_out > 0  # the English and Bulgarian chats
    # Reported on its page: no message to a web manager's "chat".
    async with db.unit() as unit:
        assert await outbox.pending_count(unit) == 0

    answer = await client.get("/announce/1")
    report = page_text(await answer.text())
    assert answer.status == 200
    assert (
        RU(
            "announce.report",
            number=1,
            recipients=len(rows),
            delivered=len(rows) - 2,
            blocked=1,
            failed=1,
            pressed=1,
            left_out=sent.left_out,
        )
        in report
    )
    assert "http-equiv" not in report  # finished: no more reloading
    listed = page_text(await (await client.get("/announce")).text())
    assert 'href="/announce/1"' in listed
    assert RU("web_announce.list_title") in listed
    assert (await client.get("/announce/99")).status == 404


async def test_the_page_is_in_the_bar_and_speaks_the_managers_language(
    engine: Engine, db: Database, client: Client
) -> None:
    await add_manager(db, language="bg")
    await sign_in(client)
    body = page_text(await (await client.get("/requests")).text())
    bg = texts("bg")
    assert 'href="/announce"' in body and bg("web_announce.nav") in body
    page = page_text(await (await client.get("/announce")).text())
    assert bg("announce.title") in page and bg("web_announce.count") in page
    csrf = await page_csrf(client, "/announce")
    assert csrf


def _fields(form: Mapping[str, str | list[str]]) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for name, value in form.items():
        fields += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
    return fields
