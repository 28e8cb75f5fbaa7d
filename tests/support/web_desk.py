"""The web desk as the tests drive it: the aiohttp application on the desk world's engine
(demo data, the clock at NOW), a test client, managers made in the database, signing in
through the sign-in form, and the CSRF token of a signed-in page."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import web_application
from bot.web.passwords import hash_password
from handlers.engine.dispatcher import Engine
from storage import web_managers
from storage.db import Database
from tests.support.desk_world import NOW

PASSWORD = "correct horse battery"
#: Every page a signed-in manager may open or post to, as (method, path).
ROUTES = [
    ("GET", "/"),
    ("GET", "/requests"),
    ("GET", "/requests/counts"),
    ("GET", "/requests/1"),
    ("GET", "/requests/1/files/1"),
    ("POST", "/requests/1/press"),
    ("POST", "/requests/1/reply"),
    ("POST", "/requests/1/reject"),
    ("POST", "/requests/1/answer"),
    ("POST", "/requests/1/cancel"),
    ("POST", "/requests/1/minutes"),
    ("GET", "/bookings"),
    ("GET", "/bookings/1"),
    ("POST", "/bookings/1/cancel"),
    ("POST", "/bookings/1/move"),
    ("GET", "/figures"),
    ("GET", "/data"),
    ("POST", "/data/import"),
    ("GET", "/data/imports/abc"),
    ("GET", "/data/requests.csv"),
    ("GET", "/data/customers.csv"),
    ("GET", "/customers"),
    ("GET", "/customers/1"),
    ("GET", "/announce"),
    ("POST", "/announce"),
    ("GET", "/announce/1"),
    ("POST", "/language"),
    ("POST", "/signout"),
]

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture
async def client(engine: Engine) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    async with TestClient(TestServer(web_application(engine))) as test_client:
        yield test_client


async def add_manager(
    db: Database,
    login: str = "anna",
    *,
    name: str = "Анна Петрова",
    language: str = "ru",
    password: str | None = PASSWORD,
) -> int:
    async with db.unit() as unit:
        return await web_managers.create(
            unit,
            login,
            display_name=name,
            password_hash=hash_password(password) if password is not None else None,
            language=language,
            now=NOW,
        )


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found is not None, html[:500]
    return found.group(1)


async def try_sign_in(
    client: TestClient[web.Request, web.Application], login: str, password: str
) -> tuple[int, str]:
    """Post the sign-in form as a browser would; (status, page) without following."""
    page = await client.get("/signin")
    token = csrf_of(await page.text())
    answer = await client.post(
        "/signin",
        data={"csrf": token, "login": login, "password": password},
        allow_redirects=False,
    )
    return answer.status, await answer.text()


async def sign_in(client: TestClient[web.Request, web.Application], login: str = "anna") -> str:
    """Sign in; the CSRF token of the signed-in pages."""
    status, _ = await try_sign_in(client, login, PASSWORD)
    assert status == 303
    return await page_csrf(client)


async def page_csrf(
    client: TestClient[web.Request, web.Application], path: str = "/requests"
) -> str:
    page = await client.get(path)
    assert page.status == 200
    return csrf_of(await page.text())


#: One row of the vendor's CSV for a new customer (the Data page's import tests).
NEW_CUSTOMER_ROW = {
    "customer_name": "Ольга Новикова",
    "company": "ООО «Новый клиент»",
    "phone": "8 (999) 555-44-33",
    "email": "olga@new.example",
    "resident": "да",
    "language": "ru",
    "product_code": "BZ-REPORT",
    "product_name": "Базис-Отчёт",
    "product_price": "7 990,00",
    "support_months": "6",
    "product_protection": "codemeter",
    "license_number": "L-9001",
    "workplaces": "1",
    "support_end": "13.11.2026",
    "license_end": "",
    "subscription": "нет",
    "key_serial": "3-9000001",
    "key_kind": "codemeter",
    "protection_service": "нет",
    "protection_connected_on": "",
    "programmed_until": "",
}
#: Another customer's row whose support end is no date (31 February): a row error.
BAD_DATE_ROW = NEW_CUSTOMER_ROW | {
    "customer_name": "Пётр Плохой",
    "phone": "8 (999) 555-44-34",
    "license_number": "L-9002",
    "key_serial": "3-9000002",
    "support_end": "31.02.2026",
}
