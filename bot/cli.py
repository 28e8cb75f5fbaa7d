"""Command line: ``python -m bot console|migrate|import|export|jobs|check|run|backup|restore|web|
managers``."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from bot.app import App, open_app
from bot.backup_cli import add_commands, backup_command, restore_command
from bot.logs import configure_logging
from bot.settings import Settings, SettingsError, load_settings
from bot.web.cli import add_commands as add_web_commands
from handlers.i18n import LANGUAGES, default_language, texts
from handlers.policy import PolicyError, bundled_profiles, policy_path
from handlers.rules.dates import local_today
from storage import products
from storage.db import MigrationError
from storage.demo import link_demo_customer
from storage.models import Platform
from storage.restore import DatabaseInUse, database_lock


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Vendor support bot")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    console = commands.add_parser("console", help="talk to the bot in this terminal")
    console.add_argument("--demo", action="store_true", help="load the demo data set first")
    console.add_argument("--as-manager", action="store_true", help="be a manager")
    console.add_argument("--db", type=Path, help="SQLite file (default: DATABASE_PATH)")
    console.add_argument("--lang", choices=LANGUAGES, help="language of a new conversation")
    console.add_argument(
        "--policy",
        metavar="NAME",
        help=f"a vendor profile ({', '.join(bundled_profiles())}) or a policy file "
        "(default: POLICY_FILE)",
    )

    migrate = commands.add_parser("migrate", help="apply pending database migrations")
    migrate.add_argument("--db", type=Path)

    importer = commands.add_parser("import", help="import customers, licenses and keys (CSV)")
    importer.add_argument("file", type=Path)
    importer.add_argument("--db", type=Path)

    exporter = commands.add_parser("export", help="export requests to CSV")
    exporter.add_argument("file", type=Path)
    exporter.add_argument("--db", type=Path)

    checker = commands.add_parser(
        "check",
        help="check settings, policy, database, folders, tokens and manager chat rights",
    )
    checker.add_argument("--db", type=Path)

    runner = commands.add_parser(
        "run", help="serve the messengers (Telegram when TELEGRAM_TOKEN is set) until stopped"
    )
    runner.add_argument("--db", type=Path)

    job = commands.add_parser("jobs", help="run a scheduled job now (same guarantees)")
    which = job.add_subparsers(dest="job", required=True, metavar="JOB")
    reminders = which.add_parser("reminders", help="support-expiry reminders of a day")
    reminders.add_argument(
        "--date", type=_day, help="YYYY-MM-DD, as if it were today (default: today)"
    )
    reminders.add_argument("--db", type=Path)
    renewals = which.add_parser("renewals", help="the monthly key-renewal run")
    renewals.add_argument("--month", type=_month, help="YYYY-MM (default: the latest run)")
    renewals.add_argument("--db", type=Path)
    add_commands(commands)
    add_web_commands(commands)
    return parser


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def _month(value: str) -> str:
    try:
        year, month = value.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError(value)
        date(int(year), int(month), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month YYYY-MM: {value!r}") from None
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        if args.command == "check":
            print(f"{'problem':<8} settings: {exc} (fix: correct it in .env or the environment)")
            return 1
        print(f"Settings error: {exc}", file=sys.stderr)
        return 2
    # No personal data in the log at any level, and no token or secret.
    configure_logging(
        settings.log_level, log_format=settings.log_format, secrets=settings.secret_values()
    )
    if getattr(args, "policy", None):
        settings = settings.model_copy(update={"policy_file": Path(args.policy)})
    try:
        if args.command == "backup":
            return backup_command(args, settings)
        if args.command == "restore":
            return restore_command(args, settings)
        if args.command == "check":
            return asyncio.run(_check(settings, args.db))
        # Held while the command runs: a restore refuses to replace the database under it.
        with database_lock(args.db or settings.database_path, exclusive=False):
            return asyncio.run(_run(args, settings))
    except DatabaseInUse as exc:
        print(f"Database error: {exc}", file=sys.stderr)
        return 2
    except PolicyError as exc:
        print(f"Policy error: {exc}", file=sys.stderr)
        return 2
    except MigrationError as exc:
        print(f"Database error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"File error: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    async with open_app(settings, database_path=args.db) as app:
        if args.command == "migrate":
            print(f"Database {app.db.path} is at schema {await app.db.schema_version()}.")
            return 0
        if args.command == "console":
            return await _console(app, args)
        if args.command == "import":
            return await _import(app, args.file)
        if args.command == "export":
            return await _export(app, args.file)
        if args.command == "run":
            from bot.run import run

            unset = app.policy.unset_values()
            if unset:
                print(
                    f"Policy {policy_path(settings.policy_file)}: set these before running "
                    f"for customers: {', '.join(unset)} (placeholders or values the vendor's "
                    "document does not give; see docs/rules.md#vendor-profiles).",
                    file=sys.stderr,
                )
                return 2
            if not await _checks_at_start(app, args.db):
                return 2
            # What start-up built (modules, aiogram's and pydantic's types, catalogues, the
            # policy) lives as long as the process: kept out of the garbage collector's
            # sight, its full collections stop walking it again and again (they took about
            # an eighth of the bot's time in benchmarks/telegram_e2e.py).
            gc.freeze()
            return await run(app)
        if args.command == "jobs":
            return await _jobs(app, args)
        if args.command == "web":
            from bot.web.cli import web_command

            return await web_command(app, args)
        if args.command == "managers":
            from bot.web.cli import managers_command

            return await managers_command(app, args)
    raise AssertionError(args.command)


async def _check(settings: Settings, database_path: Path | None) -> int:
    """``check``: one line per item; 1 when any is a problem."""
    from bot.check import all_checks
    from bot.logs import scrub, secret_parts

    findings = await all_checks(settings, database_path)
    hidden = secret_parts(settings.secret_values())
    for finding in findings:
        print(scrub(finding.line(), hidden))  # an error quoting a Bot API address has the token
    failed = [finding for finding in findings if finding.failed]
    if failed:
        print(f"{len(failed)} problem(s): `python -m bot run` will not work as configured.")
        return 1
    print("Ready to run.")
    return 0


async def _checks_at_start(app: App, database_path: Path | None) -> bool:
    """``run``: the checks of ``check``, logged; False (after one line naming the setting)
    when one means the bot cannot start, e.g. a rejected token."""
    from bot.check import all_checks, log_findings

    findings = await all_checks(app.settings, database_path)
    log_findings(findings)
    fatal = next((finding.fatal for finding in findings if finding.fatal), None)
    if fatal is not None:
        print(f"Settings error: {fatal}", file=sys.stderr)
        return False
    return True


async def _console(app: App, args: argparse.Namespace) -> int:
    from bot.channels.console import CUSTOMER_CHAT, ConsoleChannel

    stand_ins = app.policy.demo_stand_ins()
    if stand_ins:
        print(f"policy: demo values stand in for {', '.join(stand_ins)}", file=sys.stderr)

    channel = ConsoleChannel(
        app.engine,
        app.db,
        as_manager=args.as_manager,
        language=args.lang,
        files_dir=app.settings.files_dir,
    )
    if not args.demo:
        async with app.db.unit() as unit:
            empty = not await products.all(unit)
        if empty:
            print(
                "The database has no products yet: add --demo for the demo data set, or "
                "load the vendor's with `python -m bot import FILE.csv`.",
                file=sys.stderr,
            )
    if args.demo:
        from storage.demo import load_demo

        now = app.engine.clock()
        report = await load_demo(app.db, today=local_today(now, app.policy), now=now)
        if not report.ok:
            from handlers.desk.import_report import problem_lines

            for line in problem_lines(texts(args.lang or default_language()), report.errors):
                print(f"demo data: {line}", file=sys.stderr)
            return 1
        if not args.as_manager:
            await _sign_in_demo_customer(app, CUSTOMER_CHAT, args.lang, now)
    await channel.run()
    return 0


async def _sign_in_demo_customer(
    app: App, chat_id: str, language: str | None, now: datetime
) -> None:
    """Link the console customer to the demo customer, as a verified phone would."""
    async with app.db.unit() as unit:
        account, customer = await link_demo_customer(
            unit,
            Platform.CONSOLE,
            chat_id,
            language=language or default_language(),
            display_name=texts(language or default_language())("console.customer_name"),
            now=now,
        )
    print(
        texts(language or account.language)(
            "console.demo_signed_in", name=customer.name, company=customer.company
        )
    )


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // total if total else width
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr)
    if done >= total:
        print(file=sys.stderr)


async def _import(app: App, file: Path) -> int:
    """Import the vendor's CSV: the summary on stdout, every refused row on stderr, in the
    managers' language (``MANAGER_LANGUAGE``: the catalogue and formats a manager reads)."""
    from handlers.desk.import_report import kept_lines, problem_lines, summary_lines
    from storage.importer import import_csv

    now = datetime.now(UTC)
    report = await import_csv(
        app.db,
        file,
        now=now,
        today=local_today(now, app.policy),
        progress=_progress,
        default_support_months=app.policy.support.default_term_months,
    )
    t = texts(app.manager_language)
    print("\n".join(summary_lines(t, file.name, report) + kept_lines(t, report)))
    for line in problem_lines(t, report.errors):
        print(line, file=sys.stderr)
    return 0 if report.ok else 1


async def _export(app: App, file: Path) -> int:
    from storage.exporter import export_requests_csv

    count = await export_requests_csv(app.db, file)
    t = texts(app.manager_language)
    print(t("desk_commands.export_written", count=count, path=str(file)))
    return 0


async def _jobs(app: App, args: argparse.Namespace) -> int:
    """``jobs reminders|renewals``: run a scheduled job now and print what it did, in the
    managers' language (the log keeps its English)."""
    from scheduler import job_report, jobs

    t = texts(app.manager_language)
    now = datetime.now(UTC)
    try:
        if args.job == "reminders":
            reminders = await jobs.run_reminders(app.db, app.policy, app.desk, now, day=args.date)
            print(job_report.reminders_text(t, reminders))
        else:
            renewals = await jobs.run_renewals(
                app.db,
                app.policy,
                app.desk,
                now,
                batch_dir=app.settings.renewal_batch_dir,
                month=args.month,
            )
            print(job_report.renewals_text(t, renewals))
    except jobs.JobRefused as exc:
        print(job_report.refusal_text(t, exc), file=sys.stderr)
        return 1
    return 0
