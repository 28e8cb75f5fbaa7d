"""``python -m bot check``: is this installation ready to run? One line per item.

Each item is :class:`Finding` — ``ok``, ``warning`` (works, but not as well as it could),
``problem`` (will not work as configured) or ``off`` (not configured) — with what was found
and, for anything not ok, the fix. The items: settings and policy (placeholders included),
the database and the folders (writable), and for each configured messenger its token, the
manager chat and the bot's rights there, the community, the webhook
(:mod:`bot.channels.telegram.check`, :mod:`bot.channels.vk.check`).

``python -m bot run`` makes the same checks at start and logs them; a finding marked
``fatal`` (a rejected token, a token of another community) stops it with one line naming
the setting, as the channel itself would.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import secrets
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.settings import Settings
from handlers.policy import Policy, PolicyError, load_policy, policy_path
from storage import web_managers
from storage.db import Database, MigrationError, migration_files

log = logging.getLogger(__name__)

#: Longest wait for one messenger API answer while checking.
API_TIMEOUT = 10


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"
    OFF = "off"


@dataclass(frozen=True, slots=True)
class Finding:
    item: str
    status: Status
    detail: str
    fix: str = ""
    #: ``run`` must not start (the channel would stop on it too): the line it prints.
    fatal: str = ""

    def line(self) -> str:
        text = f"{self.status.value:<8} {self.item}: {self.detail}"
        return f"{text} (fix: {self.fix})" if self.fix else text

    @property
    def failed(self) -> bool:
        return self.status is Status.PROBLEM


def ok(item: str, detail: str) -> Finding:
    return Finding(item, Status.OK, detail)


def problem(item: str, detail: str, fix: str, *, fatal: str = "") -> Finding:
    return Finding(item, Status.PROBLEM, detail, fix, fatal)


def warning(item: str, detail: str, fix: str) -> Finding:
    return Finding(item, Status.WARNING, detail, fix)


def check_policy(settings: Settings) -> tuple[Policy | None, list[Finding]]:
    path = policy_path(settings.policy_file)
    try:
        policy = load_policy(settings.policy_file)
    except PolicyError as exc:
        return None, [problem("policy", str(exc), f"correct {path} (POLICY_FILE)")]
    unset = policy.unset_values()
    if unset:
        return policy, [
            problem(
                "policy",
                f"{path}: placeholders or values to be set: {', '.join(unset)}",
                "set them in the policy file (docs/rules.md#vendor-profiles)",
            )
        ]
    return policy, [ok("policy", f"{path} ({policy.language}, {policy.timezone})")]


async def check_database(path: Path) -> Finding:
    item = "database"
    try:
        db = await Database.open(path, migrate=False)  # `check` changes nothing
    except (OSError, MigrationError) as exc:
        return problem(item, f"{path}: {exc}", "make DATABASE_PATH a writable file path")
    except Exception as exc:  # sqlite3.DatabaseError: not a database, locked …
        return problem(item, f"{path}: {exc}", "point DATABASE_PATH at the bot's SQLite file")
    try:
        version = await db.schema_version()
        async with db.transaction():  # BEGIN IMMEDIATE: takes the write lock
            pass
    except Exception as exc:
        return problem(
            item,
            f"{path} cannot be written ({exc})",
            "let the bot's user write the file and its folder (SQLite adds -wal and -shm files)",
        )
    finally:
        await db.close()
    latest = len(migration_files())
    if version > latest:
        return problem(
            item,
            f"{path} has schema {version}, newer than this program's {latest}",
            "install the bot's newer version (or restore a backup made for this one)",
        )
    pending = (
        f" ({latest - version} migrations pending: applied at start)" if version < latest else ""
    )
    return ok(item, f"{path} writable, schema {version}{pending}")


def check_folder(setting: str, folder: Path) -> Finding:
    item = setting
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".check-{secrets.token_hex(4)}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return problem(
            item,
            f"{folder} is not writable ({exc.strerror or exc})",
            f"create {folder} and let the bot's user write there, or set {setting}",
        )
    return ok(item, f"{folder} writable")


def check_port(setting: str, host: str, port: int | None, *, what: str) -> Finding:
    """Can ``run`` listen on ``host:port``? (It binds and closes at once.)"""
    if port is None:
        return Finding(setting, Status.OFF, f"not set: {what} is not served")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return problem(
                setting,
                f"{host}:{port} is in use (another program, or this bot already running)",
                f"stop the program listening there or choose another {setting}",
            )
        return problem(
            setting,
            f"cannot listen on {host}:{port} ({exc.strerror or exc})",
            f"choose a port above 1023 the bot's user may open, and a host of this machine "
            f"({setting}, {setting.replace('PORT', 'HOST')})",
        )
    return ok(setting, f"{what} on {host}:{port}")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def check_web_desk(settings: Settings, database_path: Path) -> list[Finding]:
    """The desk's port, whether its address is private or https, and who can sign in."""
    if settings.web_port is None:
        return [check_port("WEB_PORT", settings.web_host, None, what="the managers' web desk")]
    findings = [
        check_port("WEB_PORT", settings.web_host, settings.web_port, what="the managers' web desk")
    ]
    public = str(settings.web_public_url or "")
    if public.startswith("http://") or (not public and not _loopback(settings.web_host)):
        address = public or f"http://{settings.web_host}:{settings.web_port}"
        findings.append(
            warning(
                "web desk address",
                f"managers open {address}: passwords and sessions travel unencrypted",
                "serve the desk behind a reverse proxy with TLS and set "
                "WEB_PUBLIC_URL=https://… (docs/deploy.md)",
            )
        )
    try:
        db = await Database.open(database_path, migrate=False)
    except Exception:  # the database line already says what is wrong with it
        return findings
    try:
        async with db.unit() as unit:
            managers = [m for m in await web_managers.all_managers(unit) if not m.disabled]
    except Exception:  # an older schema: the accounts come with the migrations at start
        managers = []
    finally:
        await db.close()
    findings.append(
        ok(
            "web desk accounts",
            f"{len(managers)} manager(s) can sign in with a password; "
            "managers of the manager chat can also ask the bot for a /web link",
        )
    )
    return findings


async def local_checks(settings: Settings, database_path: Path | None = None) -> list[Finding]:
    """Settings (already loaded), policy, database and folders."""
    findings = [ok("settings", "read from the environment and .env")]
    _, policy_findings = check_policy(settings)
    findings += policy_findings
    findings.append(await check_database(database_path or settings.database_path))
    findings.append(check_folder("FILES_DIR", settings.files_dir))
    findings.append(check_folder("RENEWAL_BATCH_DIR", settings.renewal_batch_dir))
    findings += await check_web_desk(settings, database_path or settings.database_path)
    findings.append(
        check_port(
            "METRICS_PORT",
            settings.metrics_host,
            settings.metrics_port,
            what="/healthz and /metrics",
        )
    )
    return findings


async def messenger_checks(settings: Settings) -> list[Finding]:
    """The configured messengers, over their APIs."""
    from bot.channels.telegram.check import check_telegram
    from bot.channels.vk.check import check_vk

    findings: list[Finding] = []
    if settings.telegram_token is None and settings.vk_token is None:
        findings.append(
            problem(
                "messengers",
                "neither TELEGRAM_TOKEN nor VK_TOKEN is set: `run` has nothing to serve",
                "set TELEGRAM_TOKEN (from @BotFather) or VK_TOKEN and VK_GROUP_ID",
            )
        )
    findings += await check_telegram(settings)
    findings += await check_vk(settings)
    return findings


async def all_checks(settings: Settings, database_path: Path | None = None) -> list[Finding]:
    return [*await local_checks(settings, database_path), *await messenger_checks(settings)]


def log_findings(findings: Sequence[Finding]) -> None:
    """How ``run`` reports the checks at start."""
    for finding in findings:
        level = {
            Status.PROBLEM: logging.ERROR,
            Status.WARNING: logging.WARNING,
        }.get(finding.status, logging.INFO)
        log.log(level, "check: %s", finding.line())
