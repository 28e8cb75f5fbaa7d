"""The README's picture of the web desk: the requests page on the demo data, as
``python -m bot web --demo`` serves it, taken with the machine's Chromium (Playwright).

    .venv/bin/python docs/screenshots.py            # writes docs/images/web-requests.png

The desk runs in this process on a temporary database (the demo data set and its one
question, filed as ``--demo`` files it) with a manager named as a real one would be.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from aiohttp import web
from playwright.async_api import async_playwright

from bot.app import open_app
from bot.settings import load_settings
from bot.web.app import web_application
from bot.web.cli import ensure_demo_request
from bot.web.passwords import hash_password
from handlers.i18n import texts
from handlers.rules.dates import local_today
from storage import web_managers
from storage.demo import load_demo

HERE = Path(__file__).resolve().parent
PICTURE = HERE / "images" / "web-requests.png"
LOGIN, PASSWORD, NAME = "anna", "screenshot-desk-2026", "Анна Петрова"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


async def take(folder: Path) -> None:
    settings = load_settings(files_dir=folder / "files")
    async with open_app(settings, database_path=folder / "desk.sqlite3") as app:
        now = app.engine.clock()
        report = await load_demo(app.db, today=local_today(now, app.policy), now=now)
        assert report.ok, report.errors
        async with app.db.unit() as unit:
            await web_managers.create(
                unit,
                LOGIN,
                display_name=NAME,
                password_hash=hash_password(PASSWORD),
                language="ru",
                now=now,
            )
        await ensure_demo_request(app, now)
        runner = web.AppRunner(web_application(app.engine))
        await runner.setup()
        listening = socket.create_server(("127.0.0.1", 0))  # a free port
        await web.SockSite(runner, listening).start()
        url = f"http://127.0.0.1:{listening.getsockname()[1]}"
        try:
            await shoot(url)
        finally:
            await runner.cleanup()


async def shoot(url: str) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("No Chromium on this machine (Debian: apt-get install chromium).")
    t = texts("ru")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = await browser.new_page(viewport={"width": 1280, "height": 800}, locale="ru-RU")
        await page.goto(f"{url}/signin")
        await page.get_by_label(t("web.login")).fill(LOGIN)
        await page.get_by_label(t("web.password")).fill(PASSWORD)
        await page.get_by_role("button", name=t("web.sign_in")).click()
        await page.wait_for_url(f"{url}/requests**")
        await page.locator("table.requests").wait_for()
        PICTURE.parent.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(PICTURE))
        await browser.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(take(Path(folder)))
    print(f"Wrote {PICTURE.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
