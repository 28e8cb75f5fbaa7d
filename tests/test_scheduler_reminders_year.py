"""A year of daily support-expiry reminders, simulated day by day on a real database:
exactly the expected reminders each day, never twice, a renewal in the middle starting a
fresh series, muted and unlinked customers, a key reported lost before its E + 10."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.payloads import encode
from handlers.policy import Policy
from handlers.rules.dates import add_months
from scheduler import jobs
from scheduler.support_reminders import parse_dedupe_key, send_support_reminders
from storage import accounts, keys
from storage.db import Database
from storage.models import KeyStatus, Platform
from tests.support.scheduler_world import (
    Person,
    count,
    key_of,
    last_outbox_id,
    license_id,
    license_row,
    link,
    load,
    local,
    outbox_rows,
)

DESK = ManagerDesk.console_only()
YEAR = 2027
PETROV = Person("Иван Петров", "+79990001122", company="ООО «Мебель-Про»")
SOFIA = Person("Georgi Ivanov", "+359888123456", "en", resident=False)
QUIET = Person("Тихон Тихий", "+79990005566")
NOBODY = Person("Олег Безчатов", "+79990007788")
RENEWER = Person("Анна Сидорова", "+79990003344")

# license → (support end, key serial with the protection service or "")
PORTFOLIO = {
    "L-01": (PETROV, "REPORT", date(2027, 1, 15), ""),
    "L-02": (SOFIA, "MEBEL", date(2027, 3, 31), ""),
    "L-03": (PETROV, "MEBEL", date(2027, 2, 28), "3-0000003"),
    "L-04": (QUIET, "REPORT", date(2027, 6, 10), ""),
    "L-05": (NOBODY, "REPORT", date(2027, 7, 20), ""),
    "L-06": (RENEWER, "SHKAF", date(2027, 2, 20), ""),
    "L-07": (RENEWER, "REPORT", date(2027, 12, 31), ""),
    "L-08": (SOFIA, "REPORT", date(2027, 1, 31), ""),
    "L-10": (PETROV, "REPORT", date(2027, 9, 15), "3-0000010"),
}
RENEWED_ON = date(2027, 2, 22)
RENEWED_END = date(2027, 8, 20)
LOST_ON = date(2027, 9, 1)


def rows(overrides: dict[str, date] | None = None) -> list[dict[str, str]]:
    result = []
    for number, (person, product, end, serial) in PORTFOLIO.items():
        end = (overrides or {}).get(number, end)
        result.append(license_row(person, product, number, end, key=serial, service=bool(serial)))
    return result


def series(end: date, protected: bool) -> dict[date, set[str]]:
    """The series of one support end (docs/rules.md#support-expiry-reminders), written out
    independently of the rules."""
    days: dict[date, set[str]] = defaultdict(set)
    for n in (30, 7, 1):
        days[end - timedelta(days=n)].add(f"before_end:{n}")
    days[end + timedelta(days=1)].add("after_end:1")
    days[add_months(end, 1) - timedelta(days=3)].add("before_preferential_end:3")
    if protected:
        days[end + timedelta(days=10)].add("protection:10")
    return days


def expected_year() -> dict[date, set[tuple[str, str]]]:
    """(license, kind) decided on each day of the year."""
    expected: dict[date, set[tuple[str, str]]] = defaultdict(set)
    for number, (_, _, end, serial) in PORTFOLIO.items():
        for day, kinds in series(end, bool(serial)).items():
            if number == "L-06" and day >= RENEWED_ON:
                continue  # the old series stops at the renewal
            if number == "L-10" and day > LOST_ON and "protection:10" in kinds:
                kinds = kinds - {"protection:10"}  # the key was reported lost
            expected[day].update((number, kind) for kind in kinds)
    for day, kinds in series(RENEWED_END, False).items():
        if day >= RENEWED_ON:
            expected[day].update(("L-06", kind) for kind in kinds)
    return {day: found for day, found in expected.items() if day.year == YEAR and found}


@pytest.fixture
async def world(db: Database) -> dict[str, int]:
    await load(db, rows(), datetime(2026, 12, 1, tzinfo=UTC))
    return {
        "petrov": await link(db, PETROV, "101"),
        "sofia_tg": await link(db, SOFIA, "201"),
        "sofia_vk": await link(db, SOFIA, "202", platform=Platform.VK, language="bg"),
        "quiet": await link(db, QUIET, "301", muted=True),
        "renewer": await link(db, RENEWER, "501"),
    }


async def run_day(db: Database, policy: Policy, day: date, *, hour: int = 10) -> None:
    """The job for exactly ``day`` (no catch-up of the days before: focused tests)."""
    await send_support_reminders(
        db, policy, day=day, now=local(day, hour, 0, policy), catch_up=False
    )


async def max_log_id(db: Database) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT COALESCE(MAX(id), 0) FROM reminder_log")
    assert row is not None
    return int(row[0])


def test_the_written_out_series_has_the_dates_spec_7_names() -> None:
    assert series(date(2027, 3, 31), False)[date(2027, 4, 27)] == {"before_preferential_end:3"}
    assert series(date(2027, 1, 31), False)[date(2027, 2, 25)] == {"before_preferential_end:3"}
    assert series(date(2027, 2, 28), True)[date(2027, 3, 10)] == {"protection:10"}
    assert series(date(2027, 2, 28), True)[date(2027, 1, 29)] == {"before_end:30"}


async def test_a_year_day_by_day_sends_exactly_the_series_never_twice(
    db: Database, policy: Policy, world: dict[str, int]
) -> None:
    expected = expected_year()
    numbers = {await license_id(db, number): number for number in PORTFOLIO}
    decided: dict[date, set[tuple[str, str]]] = {}
    sent_to: dict[tuple[str, str], set[int]] = defaultdict(set)
    day = date(YEAR, 1, 1)
    while day.year == YEAR:
        if day == RENEWED_ON:  # the vendor's export says L-06 was renewed
            await load(db, rows({"L-06": RENEWED_END}), local(day, 9, 0, policy))
        if day == LOST_ON:
            lost = await key_of(db, "3-0000010")
            async with db.unit() as unit:
                await keys.set_status(unit, lost.id, KeyStatus.LOST, local(day, 9, 0, policy))
        before = await last_outbox_id(db)
        logged_before = await max_log_id(db)
        result = await jobs.run_reminders(db, policy, DESK, local(day, 10, 0, policy))
        assert result.first == day and result.skipped == 0
        messages = await outbox_rows(db, after=before, prefix="reminder:")
        for message in messages:
            address = parse_dedupe_key(message["dedupe_key"])
            assert address is not None
            sent_to[(numbers[address.license_id], address.kind)].add(address.account_id)
        async with db.unit() as unit:
            logged = await unit.fetchall(
                "SELECT license_id, kind FROM reminder_log WHERE id > ?", (logged_before,)
            )
        today = {(numbers[row["license_id"]], row["kind"]) for row in logged}
        if today:
            decided[day] = today
        assert result.reminders == len(today)
        if day.day % 7 == 0:  # a second run the same day changes nothing
            again = await jobs.run_reminders(db, policy, DESK, local(day, 15, 0, policy))
            assert again.nothing_to_do and await last_outbox_id(db) == before + len(messages)
        day += timedelta(days=1)

    assert decided == expected
    # Each reminder reached each listening chat exactly once (dedupe keys are unique).
    accounts_of = {
        "L-01": {world["petrov"]},
        "L-03": {world["petrov"]},
        "L-10": {world["petrov"]},
        "L-02": {world["sofia_tg"], world["sofia_vk"]},
        "L-08": {world["sofia_tg"], world["sofia_vk"]},
        "L-06": {world["renewer"]},
        "L-07": {world["renewer"]},
        "L-04": set(),  # muted
        "L-05": set(),  # no linked chat
    }
    all_decided = {pair for pairs in decided.values() for pair in pairs}
    for number, kind in all_decided:
        assert sent_to.get((number, kind), set()) == accounts_of[number], (number, kind)
    # L-01's before_end:30 fell on 16 Dec 2026, before the bot ran: never sent late.
    assert await count(db, "reminder_log") == sum(len(v) for v in expected.values())


async def test_a_reminder_carries_the_quote_and_the_buttons_in_each_chats_language(
    db: Database, policy: Policy, world: dict[str, int]
) -> None:
    await run_day(db, policy, date(2027, 3, 30))  # L-02 (52 000 ₽): support ends tomorrow
    messages = {m["platform"]: m for m in await outbox_rows(db, prefix="reminder:")}
    english, bulgarian = messages["telegram"], messages["vk"]
    assert english["chat_id"] == "201" and bulgarian["chat_id"] == "202"
    assert (
        "Technical support for Базис-Мебельщик (license L-02) ends on 31 Mar 2027."
        in (english["text"])
    )
    assert "RUB\u00a013,000 (preferential price, 25% of the product price)" in english["text"]
    assert "valid until 31 Mar 2028" in english["text"]
    assert (
        "изтича на 31.03.2027" in bulgarian["text"] and "13\u00a0000\u00a0RUB" in bulgarian["text"]
    )
    assert json.loads(english["buttons"]) == [
        [["Renew support", encode("go", "renewal")]],
        [["Mute reminders", encode("reminders.mute")]],
    ]


async def test_the_protection_reminder_names_e_plus_14_and_the_reconnection_price(
    db: Database, policy: Policy, world: dict[str, int]
) -> None:
    await run_day(db, policy, date(2027, 3, 10))
    (message,) = await outbox_rows(db, prefix="reminder:")
    assert message["chat_id"] == "101"
    text = message["text"]
    assert "закончилась 28.02.2027" in text and "до 14.03.2027" in text  # E + 14
    assert "2\u00a0500\u00a0₽" in text  # resident's reconnection price
    assert "13\u00a0000\u00a0₽ (льготная цена, 25\u00a0%" in text
    await run_day(db, policy, date(2027, 3, 25))
    last = (await outbox_rows(db, prefix="reminder:"))[-1]
    assert "действует до 28.03.2027" in last["text"]  # before_preferential_end:3


async def test_a_vendor_without_renewals_reminds_of_the_protection_deadline_only(
    db: Database, policy: Policy, world: dict[str, int]
) -> None:
    """BAZIS's profile quotes no renewals: the E + 10 reminder keeps the deadline and the
    reconnection price, with no renewal price and a manager instead of a quote."""
    bazis = policy.model_copy(
        update={"services": policy.services.model_copy(update={"renewal": False})}
    )
    await run_day(db, bazis, date(2027, 3, 10))
    (message,) = await outbox_rows(db, prefix="reminder:")
    assert "до 14.03.2027" in message["text"] and "2\u00a0500\u00a0₽" in message["text"]
    assert "льготная цена" not in message["text"]
    assert json.loads(message["buttons"]) == [
        [["Связаться с менеджером", encode("go", "manager_contact")]],
        [["Отключить напоминания", encode("reminders.mute")]],
    ]
    await run_day(db, bazis, date(2027, 3, 25))  # before_preferential_end:3 of a renewal
    assert len(await outbox_rows(db, prefix="reminder:")) == 1


async def test_unmuting_resumes_the_series_with_the_next_reminder(
    db: Database, policy: Policy, world: dict[str, int]
) -> None:
    await run_day(db, policy, date(2027, 6, 3))
    assert await outbox_rows(db, prefix="reminder:") == []  # L-04 before_end:7, muted
    async with db.unit() as unit:
        await accounts.set_reminders_muted(unit, world["quiet"], False)
    await run_day(db, policy, date(2027, 6, 3), hour=16)
    assert await outbox_rows(db, prefix="reminder:") == []  # decided, not re-sent
    await run_day(db, policy, date(2027, 6, 9))
    (message,) = await outbox_rows(db, prefix="reminder:")
    assert message["chat_id"] == "301" and "заканчивается 10.06.2027" in message["text"]


async def test_the_pay_by_reminder_goes_to_the_license_that_keeps_the_key(
    db: Database, policy: Policy
) -> None:
    """Key 3-0000500 carries L-51 (support ends 1 March) and L-52 (15 April): the service
    is the key's and lives on with L-52, so L-51 is never told "pay by 15 March or the
    service is lost"; its reminders say which license keeps the service. L-52 is."""
    owner = Person("Мария Двухлицензионная", "+79990005500")
    await load(
        db,
        [
            license_row(owner, "REPORT", "L-51", date(2027, 3, 1), key="3-0000500", service=True),
            license_row(owner, "MEBEL", "L-52", date(2027, 4, 15), key="3-0000500", service=True),
        ],
        datetime(2026, 12, 1, tzinfo=UTC),
    )
    await link(db, owner, "551")

    await run_day(db, policy, date(2027, 3, 2))  # L-51: after_end:1
    (ended,) = await outbox_rows(db, prefix="reminder:")
    assert "закончилась 01.03.2027" in ended["text"]
    assert (
        "Дополнительную защиту ключа 3-0000500 сохраняет лицензия L-52: её поддержка "
        "действует до 15.04.2027." in ended["text"]
    )
    assert "Оплатите продление до" not in ended["text"]

    before = await last_outbox_id(db)
    await run_day(db, policy, date(2027, 3, 11))  # L-51's E + 10: nothing due for it
    assert await outbox_rows(db, after=before, prefix="reminder:") == []

    await run_day(db, policy, date(2027, 4, 25))  # L-52's E + 10
    (protection,) = await outbox_rows(db, after=before, prefix="reminder:")
    address = parse_dedupe_key(protection["dedupe_key"])
    assert address is not None and address.kind == "protection:10"
    assert address.license_id == await license_id(db, "L-52")
    assert "вашего ключа 3-0000500 будет отключена" in protection["text"]
    assert "Оплатите продление до 29.04.2027" in protection["text"]
