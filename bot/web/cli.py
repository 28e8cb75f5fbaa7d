"""``python -m bot web`` (serve the desk alone) and ``python -m bot managers
add|list|password|disable`` (the desk's accounts). Both print to the operator in English,
like ``migrate`` and ``run``."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime
from pathlib import Path

from bot.app import App
from bot.web.passwords import MIN_LENGTH, hash_password
from handlers.i18n import LANGUAGES
from handlers.rules.dates import local_today
from storage import web_managers
from storage.web_managers import LoginTaken

#: The demo's web manager (``python -m bot web --demo``; README, "Web desk").
DEMO_LOGIN = "demo"
DEMO_PASSWORD = "demo-desk-2026"
DEMO_NAME = "Мария Соколова"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser("web", help="serve the managers' web desk alone")
    serve.add_argument("--demo", action="store_true", help="load the demo data set first")
    serve.add_argument("--host", help="address to listen on (default: WEB_HOST)")
    serve.add_argument("--port", type=int, help="port (default: WEB_PORT, else 8090)")
    serve.add_argument("--db", type=Path, help="SQLite file (default: DATABASE_PATH)")

    managers = commands.add_parser(
        "managers", help="web desk accounts: add, list, password, disable"
    )
    which = managers.add_subparsers(dest="managers_command", required=True, metavar="ACTION")
    add = which.add_parser("add", help="add a manager (asks for the password)")
    add.add_argument("login")
    add.add_argument("--name", required=True, help="the name shown to colleagues and customers")
    add.add_argument("--lang", choices=LANGUAGES, default=None, help="the desk's language")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.add_argument("--db", type=Path)
    listing = which.add_parser("list", help="list the managers")
    listing.add_argument("--db", type=Path)
    password = which.add_parser("password", help="set a manager's password (asks for it)")
    password.add_argument("login")
    password.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    password.add_argument("--db", type=Path)
    disable = which.add_parser("disable", help="disable a manager (signs them out)")
    disable.add_argument("login")
    disable.add_argument("--db", type=Path)


#: The port of ``python -m bot web`` when neither --port nor WEB_PORT is given.
DEFAULT_PORT = 8090


def _read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        print("The passwords differ.", file=sys.stderr)
        return None
    return first


async def managers_command(app: App, args: argparse.Namespace) -> int:
    now = app.engine.clock()
    if args.managers_command == "list":
        async with app.db.unit() as unit:
            found = await web_managers.all_managers(unit)
        if not found:
            print("No web desk managers yet: add one with `python -m bot managers add LOGIN`.")
        for manager in found:
            state = "disabled" if manager.disabled else "active"
            sign_in = "password" if manager.password_hash else "link only"
            print(
                f"{manager.login}\t{manager.display_name}\t{manager.language}\t{state}\t"
                f"{sign_in}\t{manager.created_at:%Y-%m-%d}"
            )
        return 0
    if args.managers_command == "disable":
        async with app.db.unit() as unit:
            disabled = await web_managers.by_login(unit, args.login)
            if disabled is not None:
                await web_managers.set_disabled(unit, disabled.id, True)
        if disabled is None:
            print(f"No web desk manager {args.login!r}.", file=sys.stderr)
            return 1
        print(f"Disabled {disabled.login}: signed out everywhere, links no longer work.")
        return 0
    password = _read_password(args.password_stdin)
    if password is None:
        return 1
    if len(password) < MIN_LENGTH:
        print(f"The password needs at least {MIN_LENGTH} characters.", file=sys.stderr)
        return 1
    if args.managers_command == "password":
        async with app.db.unit() as unit:
            changed = await web_managers.by_login(unit, args.login)
            if changed is not None:
                await web_managers.set_password(unit, changed.id, hash_password(password))
        if changed is None:
            print(f"No web desk manager {args.login!r}.", file=sys.stderr)
            return 1
        print(f"Set the password of {changed.login}.")
        return 0
    login = args.login.strip()
    if not login or len(login) > 64 or any(ch.isspace() for ch in login):
        print("A login is 1 to 64 characters without spaces.", file=sys.stderr)
        return 1
    try:
        async with app.db.unit() as unit:
            await web_managers.create(
                unit,
                login,
                display_name=args.name.strip() or login,
                password_hash=hash_password(password),
                language=args.lang or app.manager_language,
                now=now,
            )
    except LoginTaken:
        print(f"The login {login!r} is taken.", file=sys.stderr)
        return 1
    print(f"Added {login}: signs in to the web desk with the password given.")
    return 0


async def ensure_demo_manager(app: App, now: datetime) -> None:
    async with app.db.unit() as unit:
        if await web_managers.by_login(unit, DEMO_LOGIN) is None:
            await web_managers.create(
                unit,
                DEMO_LOGIN,
                display_name=DEMO_NAME,
                password_hash=hash_password(DEMO_PASSWORD),
                language=app.manager_language,
                now=now,
            )


#: What the demo customer asks (in the console's chat) when the demo desk has no request yet.
DEMO_QUESTION = (
    "Здравствуйте! После обновления программа не запускается и пишет, что лицензия не найдена."
)


async def ensure_demo_request(app: App, now: datetime) -> None:
    """A question from the demo customer, filed through the engine as the console files it,
    so the demo desk has a request to work on."""
    from bot.channels.console import CUSTOMER_CHAT
    from handlers.engine.messages import Incoming
    from storage.demo import link_demo_customer
    from storage.models import Platform

    async with app.db.unit() as unit:
        if await unit.fetchone("SELECT 1 FROM requests LIMIT 1") is not None:
            return
        await link_demo_customer(
            unit,
            Platform.CONSOLE,
            CUSTOMER_CHAT,
            language=app.policy.language,
            now=now,
        )
    await app.engine.handle(
        Incoming(Platform.CONSOLE, CUSTOMER_CHAT, CUSTOMER_CHAT, text=DEMO_QUESTION)
    )


async def web_command(app: App, args: argparse.Namespace) -> int:
    from bot.run import serve
    from bot.web.service import WebService

    if args.demo:
        from storage.demo import load_demo

        now = app.engine.clock()
        report = await load_demo(app.db, today=local_today(now, app.policy), now=now)
        if not report.ok:
            print("The demo data set did not load.", file=sys.stderr)
            return 1
        await ensure_demo_manager(app, now)
        await ensure_demo_request(app, now)
        print(f"Demo web manager: login {DEMO_LOGIN}, password {DEMO_PASSWORD}")
    service = WebService(
        app, host=args.host, port=args.port or app.settings.web_port or DEFAULT_PORT
    )
    print(f"Web desk on http://{service.host}:{service.port} (Ctrl+C stops it)", flush=True)
    return await serve([service])
