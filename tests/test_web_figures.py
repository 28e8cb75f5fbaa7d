"""The web desk's Figures page: a period (this month, the last 30 days, dates a manager
picks, checked), the charts as SVG with their numbers in a table under each, and the times
by kind, worded in the manager's language (docs/rules.md#web-desk, docs/rules.md#figures)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from aiohttp import web
from aiohttp.test_utils import TestClient

from handlers.engine.dispatcher import Engine
from storage import requests
from storage.db import Database
from storage.models import RequestKind, RequestStatus
from tests.support import desk_world, web_desk
from tests.support.web_desk import add_manager, sign_in

clock, engine, client = desk_world.clock, desk_world.engine, web_desk.client
Client = TestClient[web.Request, web.Application]
MANAGER = "manager:telegram:7"
SCRIPTED = {"period": "custom", "from": "2026-11-02", "to": "2026-11-08"}


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


async def script_requests(db: Database) -> None:
    """Monday 2 November (Moscow): two renewals, one answered after 30 minutes and done
    after 2 hours; Wednesday 4 November: a question nobody answered."""
    async with db.unit() as unit:
        first = await requests.create(unit, RequestKind.RENEWAL, account_id=None, now=utc(2, 7))
        await requests.create(unit, RequestKind.RENEWAL, account_id=None, now=utc(2, 8))
        await requests.create(unit, RequestKind.QUESTION, account_id=None, now=utc(4, 10))
        await requests.set_status(
            unit, first, RequestStatus.WAITING_CUSTOMER, actor=MANAGER, now=utc(2, 7, 30)
        )
        await requests.add_note(unit, first, actor=MANAGER, note="Счёт готов", now=utc(2, 7, 30))
        await requests.set_status(unit, first, RequestStatus.DONE, actor=MANAGER, now=utc(2, 9))


def table_rows(html: str, caption: str) -> list[list[str]]:
    """The rows of the table with this caption, each cell's text."""
    start = html.index(f"<caption>{caption}</caption>")
    body = html[start : html.index("</table>", start)]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>.*?</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


async def test_the_figures_page_draws_each_chart_with_its_numbers_under_it(
    client: Client, db: Database, engine: Engine
) -> None:
    await script_requests(db)
    await add_manager(db)
    await sign_in(client)
    page = await client.get("/figures", params=SCRIPTED)
    html = await page.text()
    assert page.status == 200
    assert "С 02.11.2026 по 08.11.2026" in html
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 5
    for svg in svgs:
        ET.fromstring(svg)  # well-formed markup, embedded as is
    titles = ["Заявки по дням", "Первый ответ и решение по неделям"]
    for title in titles:
        assert f"<h2>{title}</h2>" in html
    per_day = table_rows(html, "Заявки по дням")
    assert per_day[0][0] == "День" and per_day[0][-1] == "Всего"
    monday, wednesday = per_day[1], per_day[3]
    assert monday[-1] == "2" and wednesday[-1] == "1"
    by_kind = table_rows(html, "Первый ответ и решение по видам заявок")
    assert by_kind[1][:3] == ["Все заявки", "3", "1"]
    assert "30 мин" in " ".join(by_kind[1])
    assert "<script" not in html.replace('<script src="/static/desk.js" defer></script>', "")


async def test_this_month_and_the_last_30_days_count_up_to_today(
    client: Client, db: Database, engine: Engine
) -> None:
    await add_manager(db, language="en")
    await sign_in(client)
    month = await (await client.get("/figures")).text()
    assert "From 1 Nov 2026 to 23 Nov 2026" in month
    last_30 = await (await client.get("/figures", params={"period": "30days"})).text()
    assert "From 25 Oct 2026 to 23 Nov 2026" in last_30


async def test_a_wrong_period_is_explained_and_this_month_shown(
    client: Client, db: Database, engine: Engine
) -> None:
    await add_manager(db, language="en")
    await sign_in(client)
    wrong = {
        ("2026-11-10", "2026-11-01"): "ends before it starts",
        ("2026-11-10", "soon"): "Choose both dates",
        ("", ""): "Choose both dates",
        ("2020-01-01", "2026-11-01"): "at most 366 days",
    }
    for (first, last), error in wrong.items():
        page = await client.get("/figures", params={"period": "custom", "from": first, "to": last})
        html = await page.text()
        assert page.status == 400 and error in html, (first, last)
        assert "From 1 Nov 2026 to 23 Nov 2026" in html
        assert html.count("<svg") == 5
