"""The web desk in a real browser (Chromium through Playwright): a manager signs in, finds a
customer's request by searching, opens it and replies; the reply waits in the outbox for the
customer's messenger and shows in the page's history; from a request the customer's name
opens their page with their licenses; the Figures page draws its charts; a CSV with a bad
row uploaded on the Data page ends in the report listing the row's error in the manager's
language; the top bar keeps to one line on a 1280 px screen in every language
(docs/rules.md#web-desk).

The desk is the real application on a free local port; the browser waits for what a manager
would see (Playwright's auto-waiting), never for a time. Without Chromium these tests skip
(fail under ``CI=true``): see tests/support/browser.py.
"""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal
from pathlib import Path

from playwright.async_api import Page, expect

from handlers.engine.dispatcher import Engine
from handlers.i18n import texts
from storage.db import Database
from storage.importer import write_csv
from tests.support import browser as browser_support
from tests.support import desk_world
from tests.support.browser import sign_in
from tests.support.chat import Chat
from tests.support.desk_world import file_renewal, link_demo_customer
from tests.support.web_desk import BAD_DATE_ROW, NEW_CUSTOMER_ROW, PASSWORD, add_manager

clock, engine = desk_world.clock, desk_world.engine
browser, page, desk_url = browser_support.browser, browser_support.page, browser_support.desk_url

QUESTION = "Добрый день! Не запускается программа после обновления."
REPLY = "Счёт на продление отправлен на вашу почту."


async def last_request(db: Database) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT MAX(id) FROM requests")
    assert row is not None and row[0] is not None
    return int(row[0])


def outbox_to(database: Path, chat_id: str) -> list[tuple[str, int | None]]:
    """The outbox rows to one Telegram chat, read from the SQLite file itself."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT text, request_id FROM outbox WHERE platform = 'telegram' AND chat_id = ? "
            "ORDER BY id",
            (chat_id,),
        ).fetchall()
    return [(str(text), request_id) for text, request_id in rows]


async def test_a_manager_finds_a_request_by_the_customer_and_replies_from_the_browser(
    page: Page, desk_url: str, db: Database, engine: Engine, tmp_path: Path
) -> None:
    t = texts("ru")
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)  # Иван Петров of the demo data
    await customer.send("/menu")
    await customer.send(QUESTION)
    number = await last_request(db)
    await file_renewal(db, Chat(engine, user_id="1002"))  # someone else's, not found
    await add_manager(db)
    await sign_in(page, desk_url, "anna", PASSWORD)

    await page.get_by_label(t("web.filter_search")).fill("Петров")
    await page.get_by_role("button", name=t("web.filter_apply")).click()
    found = page.locator("table.requests tbody tr")
    await expect(found).to_have_count(1)
    await expect(found).to_contain_text("Иван Петров")
    await page.get_by_role("link", name=f"№{number}").click()
    await expect(page).to_have_url(f"{desk_url}/requests/{number}")

    before = outbox_to(tmp_path / "bot.sqlite3", "1001")
    await page.get_by_label(t("web.reply")).fill(REPLY)
    await page.get_by_role("button", name=t("web.reply_send")).click()
    await expect(page.get_by_role("status")).to_contain_text(f"№{number}")
    await expect(page.locator("section.history")).to_contain_text(REPLY)
    await expect(page.locator("section.history")).to_contain_text("Анна Петрова")

    sent = outbox_to(tmp_path / "bot.sqlite3", "1001")[len(before) :]
    assert len(sent) == 1
    text, request_id = sent[0]
    assert REPLY in text and "Анна Петрова" in text and request_id == number


async def test_from_a_request_the_customers_name_opens_their_page_with_their_licenses(
    page: Page, desk_url: str, db: Database, engine: Engine
) -> None:
    t = texts("ru")
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)  # Иван Петров of the demo data
    await customer.send("/menu")
    await customer.send(QUESTION)
    number = await last_request(db)
    await add_manager(db)
    await sign_in(page, desk_url, "anna", PASSWORD)

    await page.goto(f"{desk_url}/requests/{number}")
    await page.get_by_role("link", name="Иван Петров").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Иван Петров")
    licenses = page.locator("section.licenses")
    await expect(licenses).to_contain_text("L-1001")
    await expect(licenses).to_contain_text(t("web_customer.support_lapsed", days=10))
    await expect(licenses).to_contain_text(t.money(Decimal("1998")))
    await page.get_by_role("link", name=f"№{number}").click()
    await expect(page).to_have_url(f"{desk_url}/requests/{number}")


async def test_the_figures_page_shows_its_charts_in_the_browser(
    page: Page, desk_url: str, db: Database, engine: Engine, tmp_path: Path
) -> None:
    t = texts("ru")
    await file_renewal(db, Chat(engine, user_id="1001"))
    await file_renewal(db, Chat(engine, user_id="1002"))
    await add_manager(db)
    await sign_in(page, desk_url, "anna", PASSWORD)

    await page.get_by_role("link", name=t("web.nav_figures")).click()
    await expect(page).to_have_url(f"{desk_url}/figures")
    await expect(page.get_by_role("heading", level=1)).to_have_text(t("web.nav_figures"))
    charts = page.locator("section.figure .chart svg")
    await expect(charts.first).to_be_visible()
    for number in range(await charts.count()):
        await expect(charts.nth(number)).to_be_visible()
    await expect(page.locator("#chart-requests")).to_contain_text(t("figures.requests_title"))
    picture = tmp_path / "figures.png"
    await page.screenshot(path=str(picture), full_page=True)
    assert picture.read_bytes().startswith(b"\x89PNG")


def customer_names(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {str(name) for (name,) in connection.execute("SELECT name FROM customers")}


async def test_a_csv_with_a_bad_row_lists_the_rows_error_in_the_managers_language(
    page: Page, desk_url: str, db: Database, tmp_path: Path
) -> None:
    t = texts("en")
    upload = tmp_path / "clients.csv"
    write_csv(upload, [NEW_CUSTOMER_ROW, BAD_DATE_ROW])
    await add_manager(db, "bob", name="Bob Smith", language="en")
    await sign_in(page, desk_url, "bob", PASSWORD)

    await page.get_by_role("link", name=t("web.nav_data")).click()
    await expect(page).to_have_url(f"{desk_url}/data")
    await page.locator('input[type="file"][name="file"]').set_input_files(upload)
    await page.get_by_role("button", name=t("web.data_import_send")).click()
    await expect(page).to_have_url(re.compile(re.escape(f"{desk_url}/data/imports/")))
    # The progress page reloads itself until the report is in.
    errors = page.locator("#import-errors")
    await expect(errors).to_be_visible(timeout=30_000)
    problem = t("import.not_a_date", column="support_end", value="31.02.2026")
    await expect(errors).to_contain_text(t("import.line", line=3, problems=problem))
    await expect(errors.get_by_role("heading")).to_have_text(t("web.data_import_errors"))
    report = page.locator("#import-report")
    await expect(report).to_contain_text(
        t("desk_commands.import_report", name="clients.csv", rows=2, imported=1)
    )
    await expect(page.locator("progress")).to_have_count(0)

    names = customer_names(tmp_path / "bot.sqlite3")
    assert "Пётр Плохой" not in names  # the bad row's customer, license and key stay out
    assert "Ольга Новикова" in names  # the good row is imported, as in the chat


async def bar_rows(page: Page) -> list[tuple[float, float]]:
    """The (top, bottom) of each item of the top bar, as laid out."""
    boxes = [await item.bounding_box() for item in await page.locator("header.bar > *").all()]
    return [(box["y"], box["y"] + box["height"]) for box in boxes if box is not None]


async def test_the_top_bar_keeps_to_one_line_at_1280_pixels_in_every_language(
    page: Page, desk_url: str, db: Database, engine: Engine, tmp_path: Path
) -> None:
    for user in range(12):  # two-digit counts in the bar
        await file_renewal(db, Chat(engine, user_id=f"20{user:02d}"))
    await add_manager(db, name="Анна Петрова-Сидоренко")
    await page.set_viewport_size({"width": 1280, "height": 800})
    await sign_in(page, desk_url, "anna", PASSWORD)
    bar = page.locator("header.bar")
    for language in ("ru", "en", "bg"):
        t = texts(language)
        if language != "ru":  # chosen in the bar's list: the page comes back in it
            await bar.locator("select[name=language]").select_option(language)
        await expect(bar.get_by_role("link", name=t("web.nav_requests"))).to_be_visible()
        await expect(bar.locator("#counts a").first).to_be_visible()  # the counts are in
        rows = await bar_rows(page)
        tallest = max(bottom - top for top, bottom in rows)
        top, bottom = min(top for top, _ in rows), max(bottom for _, bottom in rows)
        assert bottom - top <= tallest + 2, (language, rows)  # every item on one line
        box = await bar.bounding_box()
        assert box is not None and box["height"] < 2 * tallest, (language, box)
        picture = tmp_path / f"bar-{language}.png"
        await page.screenshot(path=str(picture))
        assert picture.read_bytes().startswith(b"\x89PNG")

    await page.set_viewport_size({"width": 600, "height": 800})
    rows = await bar_rows(page)  # narrower, the items wrap inside the bar, none is cut
    box = await bar.bounding_box()
    assert box is not None and all(bottom <= box["y"] + box["height"] for _, bottom in rows)
    overflow = "(bar) => bar.scrollWidth - bar.clientWidth"
    assert await bar.evaluate(overflow) == 0  # nor wider than the window
