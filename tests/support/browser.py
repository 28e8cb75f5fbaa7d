"""A real browser on the web desk: the system's Chromium driven by Playwright, on the real
aiohttp application served on a free local port of the test's own event loop.

Playwright never downloads a browser here: it starts the Chromium of the machine
(``chromium`` on the PATH, as Debian's package installs it; ``.ci/run`` installs it in CI).
Without it the browser tests are skipped with the reason, except under ``CI=true``, where a
missing Chromium fails them: CI must not pass without having run them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Page, async_playwright

from bot.web.app import web_application
from handlers.engine.dispatcher import Engine
from handlers.i18n import texts

#: Chromium's flags for a container without a display or a network beyond the desk.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: A desktop window, as a manager's.
VIEWPORT = {"width": 1280, "height": 800}


def chromium_path() -> str:
    """The system's Chromium; skips the test without it (fails it under ``CI=true``)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        reason = "no Chromium on this machine (Debian: apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)
    return found


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    executable = chromium_path()
    async with async_playwright() as playwright:
        started = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield started
        finally:
            await started.close()


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(viewport=VIEWPORT, locale="ru-RU")
    try:
        yield await context.new_page()
    finally:
        await context.close()


@pytest.fixture
async def desk_url(engine: Engine) -> AsyncIterator[str]:
    """The web desk on ``engine`` (its database, desk and clock), at this address."""
    server = TestServer(web_application(engine), host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


async def sign_in(page: Page, desk_url: str, login: str, password: str) -> None:
    """Sign in through the sign-in form, as a manager types it (Russian desk)."""
    t = texts("ru")
    await page.goto(f"{desk_url}/signin")
    await page.get_by_label(t("web.login")).fill(login)
    await page.get_by_label(t("web.password")).fill(password)
    await page.get_by_role("button", name=t("web.sign_in")).click()
    await page.wait_for_url(f"{desk_url}/requests**")
