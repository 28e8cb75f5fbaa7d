"""The web desk lets in only signed-in managers: every page but the sign-in asks for a
session, a wrong password is refused, guessing is slowed down per login and per address,
every form carries a CSRF token that is checked, and every answer carries the security
headers (docs/rules.md#web-desk)."""

from __future__ import annotations

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from handlers.policy import Policy
from storage import web_managers
from storage.db import Database
from tests.support import desk_world, web_desk
from tests.support.web_desk import (
    PASSWORD,
    ROUTES,
    add_manager,
    page_csrf,
    sign_in,
    try_sign_in,
)

clock, engine, client = desk_world.clock, desk_world.engine, web_desk.client
Client = TestClient[web.Request, web.Application]


@pytest.mark.parametrize(("method", "path"), ROUTES)
async def test_every_page_needs_a_signed_in_manager(client: Client, method: str, path: str) -> None:
    answer = await client.request(method, path, allow_redirects=False)
    if method == "GET":
        assert answer.status == 303 and answer.headers["Location"] == "/signin"
    else:
        assert answer.status == 403


async def test_a_manager_signs_in_and_sees_the_requests(client: Client, db: Database) -> None:
    await add_manager(db)
    await sign_in(client)
    page = await client.get("/requests")
    html = await page.text()
    assert page.status == 200 and "Заявки" in html and "Анна Петрова" in html


async def test_a_wrong_password_or_unknown_login_is_refused_alike(
    client: Client, db: Database
) -> None:
    await add_manager(db)
    wrong = await try_sign_in(client, "anna", "not the password")
    unknown = await try_sign_in(client, "boris", PASSWORD)
    assert wrong[0] == unknown[0] == 401
    assert "Неверный логин или пароль." in wrong[1] and "Неверный логин или пароль." in unknown[1]
    assert (await client.get("/requests", allow_redirects=False)).status == 303


async def test_a_disabled_manager_cannot_sign_in_and_is_signed_out(
    client: Client, db: Database
) -> None:
    manager_id = await add_manager(db)
    await sign_in(client)
    async with db.unit() as unit:
        await web_managers.set_disabled(unit, manager_id, True)
    assert (await client.get("/requests", allow_redirects=False)).status == 303
    assert (await try_sign_in(client, "anna", PASSWORD))[0] == 401


async def test_guessing_a_password_is_stopped_per_login(
    client: Client, db: Database, policy: Policy
) -> None:
    await add_manager(db)
    for _ in range(policy.web_desk.attempts_per_login):
        assert (await try_sign_in(client, "anna", "guess"))[0] == 401
    status, html = await try_sign_in(client, "anna", PASSWORD)
    assert status == 429 and "Слишком много неудачных попыток" in html


async def test_guessing_many_logins_from_one_address_is_stopped(
    client: Client, db: Database, policy: Policy
) -> None:
    await add_manager(db)
    for number in range(policy.web_desk.attempts_per_address):
        assert (await try_sign_in(client, f"user{number}", "guess"))[0] == 401
    assert (await try_sign_in(client, "anna", PASSWORD))[0] == 429


async def test_the_window_moves_on_and_the_manager_gets_in_again(
    client: Client, db: Database, policy: Policy, clock: desk_world.Clock
) -> None:
    await add_manager(db)
    for _ in range(policy.web_desk.attempts_per_login):
        await try_sign_in(client, "anna", "guess")
    clock.advance(minutes=policy.web_desk.attempts_window_minutes + 1)
    assert (await try_sign_in(client, "anna", PASSWORD))[0] == 303


async def test_a_form_without_or_with_a_wrong_csrf_token_changes_nothing(
    client: Client, db: Database
) -> None:
    await add_manager(db)
    token = await sign_in(client)
    for data in ({"language": "en"}, {"language": "en", "csrf": "forged"}):
        assert (await client.post("/language", data=data)).status == 403
    async with db.unit() as unit:
        manager = await web_managers.by_login(unit, "anna")
    assert manager is not None and manager.language == "ru"
    answer = await client.post("/language", data={"language": "en", "csrf": token})
    assert answer.status == 200 and "Requests" in await answer.text()


async def test_the_sign_in_form_needs_its_token_too(client: Client, db: Database) -> None:
    await add_manager(db)
    answer = await client.post("/signin", data={"login": "anna", "password": PASSWORD})
    assert answer.status == 403
    assert (await client.get("/requests", allow_redirects=False)).status == 303


async def test_signing_out_ends_the_session(client: Client, db: Database) -> None:
    await add_manager(db)
    token = await sign_in(client)
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["desk_session"].value
    await client.post("/signout", data={"csrf": token}, allow_redirects=False)
    client.session.cookie_jar.update_cookies({"desk_session": cookie})  # kept by an attacker
    assert (await client.get("/requests", allow_redirects=False)).status == 303


async def test_a_session_ends_after_its_hours(
    client: Client, db: Database, policy: Policy, clock: desk_world.Clock
) -> None:
    await add_manager(db)
    await sign_in(client)
    clock.advance(hours=policy.web_desk.session_hours, seconds=1)
    assert (await client.get("/requests", allow_redirects=False)).status == 303


async def test_the_session_cookie_is_http_only_and_same_site(client: Client, db: Database) -> None:
    await add_manager(db)
    page = await client.get("/signin")
    token = web_desk.csrf_of(await page.text())
    answer = await client.post(
        "/signin",
        data={"csrf": token, "login": "anna", "password": PASSWORD},
        allow_redirects=False,
    )
    cookie = answer.cookies["desk_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["max-age"]


@pytest.mark.parametrize("path", ["/signin", "/requests", "/requests/counts", "/nowhere"])
async def test_every_answer_carries_the_security_headers(
    client: Client, db: Database, path: str
) -> None:
    await add_manager(db)
    await sign_in(client)
    answer = await client.get(path)
    headers = answer.headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"


async def test_the_pages_load_no_inline_script_and_nothing_from_elsewhere(
    client: Client, db: Database
) -> None:
    await add_manager(db)
    await sign_in(client)
    html = await (await client.get("/requests")).text()
    assert "<script>" not in html and "http://" not in html and "https://" not in html
    assert '<script src="/static/desk.js" defer></script>' in html
    assert (await client.get("/static/desk.js")).status == 200


async def test_the_desk_speaks_the_managers_language(client: Client, db: Database) -> None:
    await add_manager(db, language="bg")
    await sign_in(client)
    html = await (await client.get("/requests")).text()
    assert "Заявки" in html and "Пулт на мениджърите" in html
    token = await page_csrf(client)
    await client.post("/language", data={"language": "en", "csrf": token})
    assert "Sign out" in await (await client.get("/requests")).text()


async def test_the_sign_in_page_speaks_the_browsers_language(client: Client) -> None:
    english = await client.get("/signin", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert '<html lang="en">' in await english.text()
    bulgarian = await (await client.get("/signin", headers={"Accept-Language": "bg"})).text()
    assert "Вход в пулта на мениджърите" in bulgarian


async def test_bad_input_is_answered_in_the_managers_language_with_the_desk_around_it(
    client: Client, db: Database
) -> None:
    await add_manager(db, language="bg")
    token = await sign_in(client)
    missing = await client.get("/requests/999999")
    html = await missing.text()
    assert missing.status == 404
    assert "Няма такава заявка." in html and "Анна Петрова" in html  # the bar is there
    stale = await client.post("/language", data={"language": "en", "csrf": "forged"})
    assert stale.status == 403 and "Формулярът е остарял" in await stale.text()
    odd = await client.post("/language", data={"language": "xx", "csrf": token})
    assert odd.status == 400 and "В пулта няма такъв език." in await odd.text()
    nowhere = await client.get("/requests/abc")  # no page has this address
    wrong_way = await client.get("/requests/1/reply")  # a form's address, opened
    assert nowhere.status == 404 and wrong_way.status == 405
    for answer in (nowhere, wrong_way):
        assert "В пулта няма такава страница." in await answer.text()
    for answer in (missing, stale, odd, nowhere, wrong_way):
        assert "No such" not in await answer.text()
        assert answer.headers["Cache-Control"] == "no-store"


async def test_a_form_sent_without_a_session_says_so_in_the_browsers_language(
    client: Client,
) -> None:
    answer = await client.post(
        "/requests/1/reply", data={"text": "hi"}, headers={"Accept-Language": "en-GB,en"}
    )
    html = await answer.text()
    assert answer.status == 403 and "Sign in to the desk to continue." in html
    assert 'href="/signin"' in html
    russian = await client.post("/language", data={"language": "en"})
    assert "Войдите в пульт, чтобы продолжить." in await russian.text()
