"""Announcements (docs/rules.md#announcements): who gets one, its messages in the outbox's
bulk lane, what became of them, and the customers' choice not to receive any.

The audience is a set of messenger accounts chosen by SQL (:func:`audience`,
:func:`funnel`): a portfolio of many thousand licenses is counted in one query per filter.
The filters that concern licenses (product, support end) must both hold for one license of
the account's customer; that license (the earliest support end among them) is the one the
"Renew support" button quotes. The protection service is the customer's: a key of theirs
with the service connected, or none. Which support ends a status means is
decided by the caller (``handlers.rules.announcements``); storage takes the dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from storage.columns import date_to_db, json_from_db, json_to_db, time_from_db, time_to_db
from storage.db import Unit
from storage.models import Platform
from storage.outbox import Buttons

#: The outbox lane of announcements (0: service messages, sent first).
BULK_LANE = 1
#: Platforms an announcement can reach (the console is a developer's desk).
MESSENGERS = (Platform.TELEGRAM, Platform.VK)


def message_key(announcement_id: int, account_id: int) -> str:
    """The dedupe key of one announcement's message to one account."""
    return f"announce:{announcement_id}:{account_id}"


def _key_bounds(announcement_id: int) -> tuple[str, str]:
    prefix = f"announce:{announcement_id}:"
    return prefix, prefix[:-1] + ";"  # ';' follows ':'


# -- opting out ------------------------------------------------------------------------------


async def opted_out(unit: Unit, account_id: int) -> bool:
    row = await unit.fetchone(
        "SELECT 1 FROM announcement_optouts WHERE account_id = ?", (account_id,)
    )
    return row is not None


async def opt_out(unit: Unit, account_id: int, now: datetime) -> None:
    await unit.execute(
        "INSERT INTO announcement_optouts (account_id, at) VALUES (?, ?) "
        "ON CONFLICT (account_id) DO NOTHING",
        (account_id, time_to_db(now)),
    )


async def opt_in(unit: Unit, account_id: int) -> None:
    await unit.execute("DELETE FROM announcement_optouts WHERE account_id = ?", (account_id,))


# -- the audience ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """Who an announcement is for; an empty choice means "any"."""

    platforms: tuple[Platform, ...] = ()
    languages: tuple[str, ...] = ()
    linked_only: bool = False
    product_ids: tuple[int, ...] = ()
    #: The support end of the license lies in [first, last] (None: open on that side).
    support_from: date | None = None
    support_to: date | None = None
    #: The customer has a key with the protection service connected (True), has none (False).
    protection: bool | None = None

    @property
    def by_license(self) -> bool:
        return bool(
            self.product_ids or self.support_from is not None or self.support_to is not None
        )

    @property
    def by_customer(self) -> bool:
        return self.by_license or self.protection is not None


@dataclass(frozen=True, slots=True)
class Recipient:
    account_id: int
    platform: Platform
    user_id: str
    language: str
    #: The matching license the "Renew support" button quotes (None: none, or not linked).
    license_id: int | None


def _license_clause(filters: Filters, params: list[Any]) -> str:
    """Conditions on ``l`` (a license of the account's customer) for ``filters``."""
    parts = ["l.customer_id = a.customer_id"]
    if filters.product_ids:
        parts.append(f"l.product_id IN ({', '.join('?' * len(filters.product_ids))})")
        params.extend(filters.product_ids)
    if filters.support_from is not None:
        parts.append("l.support_end >= ?")
        params.append(date_to_db(filters.support_from))
    if filters.support_to is not None:
        parts.append("l.support_end <= ?")
        params.append(date_to_db(filters.support_to))
    return " AND ".join(parts)


#: The stages of :func:`funnel`, in the order they narrow the audience.
STAGES = ("reachable", "platform", "language", "linked", "product", "support", "protection")


def audience_where(filters: Filters, params: list[Any], *, upto: str = STAGES[-1]) -> str:
    """The WHERE clause of the accounts ``a`` chosen by ``filters`` up to stage ``upto``."""
    stages = STAGES[: STAGES.index(upto) + 1]
    messengers = (filters.platforms if "platform" in stages else ()) or MESSENGERS
    parts = [
        f"a.platform IN ({', '.join('?' * len(messengers))})",
        "NOT EXISTS (SELECT 1 FROM announcement_optouts o WHERE o.account_id = a.id)",
        "a.manager = 0",
    ]
    params.extend(Platform(p).value for p in messengers)
    if "language" in stages and filters.languages:
        parts.append(f"a.language IN ({', '.join('?' * len(filters.languages))})")
        params.extend(filters.languages)
    if "linked" in stages and (filters.linked_only or filters.by_customer):
        parts.append("a.customer_id IS NOT NULL")
    narrowed = Filters(
        product_ids=filters.product_ids if "product" in stages else (),
        support_from=filters.support_from if "support" in stages else None,
        support_to=filters.support_to if "support" in stages else None,
    )
    if narrowed.by_license:
        parts.append(f"EXISTS (SELECT 1 FROM licenses l WHERE {_license_clause(narrowed, params)})")
    if "protection" in stages and filters.protection is not None:
        connected = (
            "EXISTS (SELECT 1 FROM keys k WHERE k.customer_id = a.customer_id "
            "AND k.protection_service = 1)"
        )
        parts.append(connected if filters.protection else f"NOT {connected}")
    return " AND ".join(parts)


async def funnel(unit: Unit, filters: Filters) -> list[tuple[str, int]]:
    """How many accounts remain after each filter (:data:`STAGES`), the first being every
    chat an announcement could reach (not opted out)."""
    counts = []
    for stage in STAGES:
        params: list[Any] = []
        where = audience_where(filters, params, upto=stage)
        row = await unit.fetchone(f"SELECT COUNT(*) FROM accounts a WHERE {where}", params)
        counts.append((stage, int(row[0]) if row else 0))
    return counts


async def opted_out_count(unit: Unit, filters: Filters) -> int:
    """Chats of the audience's platforms that asked for no announcements."""
    messengers = filters.platforms or MESSENGERS
    row = await unit.fetchone(
        "SELECT COUNT(*) FROM announcement_optouts o JOIN accounts a ON a.id = o.account_id "
        f"WHERE a.platform IN ({', '.join('?' * len(messengers))})",
        [Platform(p).value for p in messengers],
    )
    return int(row[0]) if row else 0


async def by_language(unit: Unit, filters: Filters) -> dict[str, int]:
    """The audience counted by the chats' language."""
    params: list[Any] = []
    where = audience_where(filters, params)
    rows = await unit.fetchall(
        f"SELECT a.language, COUNT(*) AS n FROM accounts a WHERE {where} GROUP BY a.language",
        params,
    )
    return {row["language"]: int(row["n"]) for row in rows}


async def audience(unit: Unit, filters: Filters) -> list[Recipient]:
    """Every account the announcement is for, with the license its button would quote."""
    params: list[Any] = []
    pick: list[Any] = []
    license_pick = (
        f"(SELECT l.id FROM licenses l WHERE {_license_clause(filters, pick)} "
        "ORDER BY l.support_end, l.id LIMIT 1)"
    )
    where = audience_where(filters, params)
    rows = await unit.fetchall(
        f"SELECT a.id, a.platform, a.user_id, a.language, "
        f"CASE WHEN a.customer_id IS NULL THEN NULL ELSE {license_pick} END AS license_id "
        f"FROM accounts a WHERE {where} ORDER BY a.id",
        [*pick, *params],
        heavy=True,
    )
    return [
        Recipient(
            account_id=row["id"],
            platform=Platform(row["platform"]),
            user_id=row["user_id"],
            language=row["language"],
            license_id=row["license_id"],
        )
        for row in rows
    ]


# -- an announcement and its messages --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Announcement:
    id: int
    created_at: datetime
    author: str
    report_platform: Platform
    report_chat: str
    report_language: str
    texts: dict[str, str]
    fallback: str | None
    button: str
    filters: dict[str, Any]
    recipients: int
    left_out: int
    reported_at: datetime | None


@dataclass(frozen=True, slots=True)
class NewAnnouncement:
    #: From :func:`next_id`, in the same transaction (the messages' buttons name it).
    announcement_id: int
    author: str
    report_platform: Platform
    report_chat: str
    report_language: str
    texts: dict[str, str]
    fallback: str | None
    button: str
    filters: dict[str, Any] = field(default_factory=dict)


#: One message: (account id, platform, chat id, text, buttons).
Message = tuple[int, Platform, str, str, Buttons]


async def next_id(unit: Unit) -> int:
    """The id the next announcement gets; starts the write transaction, so it is this
    unit's until it commits."""
    await unit.begin()
    row = await unit.fetchone("SELECT COALESCE(MAX(id), 0) + 1 FROM announcements")
    assert row is not None
    return int(row[0])


async def create(
    unit: Unit,
    new: NewAnnouncement,
    messages: Sequence[Message],
    *,
    left_out: int,
    now: datetime,
) -> int:
    """Record the announcement and queue its messages in the bulk lane, in one transaction."""
    await unit.begin()
    at = time_to_db(now)
    await unit.execute(
        "INSERT INTO announcements (id, created_at, author, report_platform, report_chat, "
        "report_language, texts, fallback, button, filters, recipients, left_out) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new.announcement_id,
            at,
            new.author,
            Platform(new.report_platform).value,
            new.report_chat,
            new.report_language,
            json_to_db(new.texts),
            new.fallback,
            new.button,
            json_to_db(new.filters),
            len(messages),
            left_out,
        ),
    )
    announcement_id = new.announcement_id
    await unit.executemany(
        "INSERT INTO outbox (platform, chat_id, text, buttons, next_attempt_at, dedupe_key, "
        "created_at, lane) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING",
        (
            (
                Platform(platform).value,
                chat_id,
                text,
                json_to_db([[list(button) for button in line] for line in buttons]),
                at,
                message_key(announcement_id, account_id),
                at,
                BULK_LANE,
            )
            for account_id, platform, chat_id, text, buttons in messages
        ),
    )
    return announcement_id


def _announcement(row: Any) -> Announcement:
    created_at = time_from_db(row["created_at"])
    assert created_at is not None
    return Announcement(
        id=row["id"],
        created_at=created_at,
        author=row["author"],
        report_platform=Platform(row["report_platform"]),
        report_chat=row["report_chat"],
        report_language=row["report_language"],
        texts=dict(json_from_db(row["texts"])),
        fallback=row["fallback"],
        button=row["button"],
        filters=dict(json_from_db(row["filters"])),
        recipients=int(row["recipients"]),
        left_out=int(row["left_out"]),
        reported_at=time_from_db(row["reported_at"]),
    )


async def get(unit: Unit, announcement_id: int) -> Announcement | None:
    row = await unit.fetchone("SELECT * FROM announcements WHERE id = ?", (announcement_id,))
    return _announcement(row) if row else None


async def latest(unit: Unit, limit: int = 3) -> list[Announcement]:
    rows = await unit.fetchall("SELECT * FROM announcements ORDER BY id DESC LIMIT ?", (limit,))
    return [_announcement(row) for row in rows]


async def unreported(unit: Unit) -> list[Announcement]:
    rows = await unit.fetchall("SELECT * FROM announcements WHERE reported_at IS NULL ORDER BY id")
    return [_announcement(row) for row in rows]


async def mark_reported(unit: Unit, announcement_id: int, now: datetime) -> bool:
    """True for the one caller that marks it (a repeated run reports nothing twice)."""
    cursor = await unit.execute(
        "UPDATE announcements SET reported_at = ? WHERE id = ? AND reported_at IS NULL",
        (time_to_db(now), announcement_id),
    )
    return cursor.rowcount == 1


@dataclass(frozen=True, slots=True)
class Progress:
    """What became of one announcement's messages."""

    waiting: int
    delivered: int
    #: The person blocked the bot or the chat is gone (refused for good).
    blocked: int
    failed: int
    pressed: int

    @property
    def finished(self) -> bool:
        return self.waiting == 0


async def progress(unit: Unit, announcement_id: int) -> Progress:
    low, high = _key_bounds(announcement_id)
    rows = await unit.fetchall(
        "SELECT status, COUNT(*) AS n FROM outbox WHERE dedupe_key >= ? AND dedupe_key < ? "
        "GROUP BY status",
        (low, high),
    )
    counts = {row["status"]: int(row["n"]) for row in rows}
    pressed = await unit.fetchone(
        "SELECT COUNT(*) FROM announcement_presses WHERE announcement_id = ?",
        (announcement_id,),
    )
    return Progress(
        waiting=counts.get("pending", 0) + counts.get("sending", 0),
        delivered=counts.get("sent", 0),
        blocked=counts.get("refused", 0),
        failed=counts.get("failed", 0),
        pressed=int(pressed[0]) if pressed else 0,
    )


async def record_press(unit: Unit, announcement_id: int, account_id: int, now: datetime) -> None:
    """The account pressed the announcement's button (once counts; the first time stays)."""
    await unit.execute(
        "INSERT INTO announcement_presses (announcement_id, account_id, at) "
        "SELECT id, ?, ? FROM announcements WHERE id = ? "
        "ON CONFLICT (announcement_id, account_id) DO NOTHING",
        (account_id, time_to_db(now), announcement_id),
    )


async def was_sent_to(unit: Unit, announcement_id: int, account_id: int) -> bool:
    row = await unit.fetchone(
        "SELECT 1 FROM outbox WHERE dedupe_key = ?", (message_key(announcement_id, account_id),)
    )
    return row is not None
