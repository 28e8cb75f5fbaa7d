"""The web desk's Data page: requests and customers as CSV a Russian Excel opens as a
table (UTF-8 with BOM, ``;``), with column names, kinds, statuses, yes/no, languages and
times in the manager's language, and managers by name, never by their stored mark."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from handlers.desk.data_exports import customers_export, requests_export
from handlers.i18n import Texts
from storage import accounts, customers, licenses, requests
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE, load_demo
from storage.models import Platform, RequestKind, RequestStatus

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
MOSCOW = ZoneInfo("Europe/Moscow")


def read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


async def _requests(db: Database) -> int:
    assert (await load_demo(db, today=TODAY, now=NOW)).ok
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
        lic = await licenses.by_number(unit, "L-1001")
        assert petrov is not None and lic is not None
        account = await accounts.create(
            unit, Platform.TELEGRAM, "100", language="ru", display_name="Иван", now=NOW
        )
        await accounts.link_customer(unit, account.id, petrov.id, method="phone")
        await accounts.create(
            unit, Platform.TELEGRAM, "7", language="ru", display_name="Ольга", now=NOW
        )
        renewal = await requests.create(
            unit,
            RequestKind.RENEWAL,
            account_id=account.id,
            customer_id=petrov.id,
            verified=True,
            license_id=lic.id,
            amount=Decimal("1998.50"),
            now=NOW,
        )
        await requests.set_status(
            unit,
            renewal,
            RequestStatus.IN_WORK,
            actor="manager:telegram:7",
            manager="telegram:7",
            now=NOW + timedelta(minutes=5),
        )
        await requests.mark_first_answer(unit, renewal, NOW + timedelta(minutes=5))
        await requests.create(unit, RequestKind.QUESTION, account_id=None, now=NOW)
        return renewal


@pytest.mark.parametrize(
    ("language", "number", "kind", "status", "manager", "amount", "verified"),
    [
        ("ru", "Номер заявки", "Вид заявки", "Статус", "Ведёт", "1998,50", "да"),
        ("en", "Request number", "Kind of request", "Status", "Handled by", "1998.50", "yes"),
        ("bg", "Номер на заявката", "Вид заявка", "Статус", "Обработва", "1998,50", "да"),
    ],
)
async def test_requests_open_as_a_table_in_the_managers_language(
    db: Database,
    language: str,
    number: str,
    kind: str,
    status: str,
    manager: str,
    amount: str,
    verified: str,
) -> None:
    renewal = await _requests(db)
    t = Texts(language, "RUB")
    async with db.unit() as unit:
        data = (await requests_export(unit, t, MOSCOW)).content
    first, second = read(data)
    assert list(first)[:3] == [number, kind, status]
    assert first[number] == str(renewal)
    assert first[kind] == t("desk.kind_renewal")
    assert first[status] == t("desk.status_in_work")
    assert "telegram:7" not in data.decode("utf-8-sig")
    assert "Ольга" in first[manager]
    assert first[t("data_exports.amount")] == amount
    assert first[t("data_exports.verified")] == verified
    # Filed 07:00 UTC: 10:00 in Moscow, written the language's way.
    assert first[t("data_exports.created")] == t.moment(
        datetime(2026, 11, 23, 10, 0, tzinfo=MOSCOW)
    )
    assert first[t("data_exports.first_answer")] == t.moment(
        datetime(2026, 11, 23, 10, 5, tzinfo=MOSCOW)
    )
    assert (second[t("data_exports.customer")], second[manager]) == ("", "")


@pytest.mark.parametrize(
    ("language", "customer", "resident", "language_column"),
    [
        ("ru", "Клиент", "Резидент РФ", "русский"),
        ("en", "Customer", "Resident of Russia", "Russian"),
        ("bg", "Клиент", "Резидент на Русия", "руски"),
    ],
)
async def test_customers_open_as_a_table_in_the_managers_language(
    db: Database, language: str, customer: str, resident: str, language_column: str
) -> None:
    await _requests(db)
    t = Texts(language, "RUB")
    async with db.unit() as unit:
        rows = read((await customers_export(unit, t)).content)
    assert [row[customer] for row in rows] == ["Georgi Ivanov", "Анна Сидорова", "Иван Петров"]
    ivanov, _, petrov = rows
    assert (ivanov[resident], petrov[resident]) == (t("data_exports.no"), t("data_exports.yes"))
    assert petrov[t("data_exports.language")] == language_column
    assert petrov[t("data_exports.licenses")] == "2"
    assert petrov[t("data_exports.keys")] == "1"
    assert petrov[t("data_exports.accounts")] == "1"
    assert petrov[t("data_exports.open_requests")] == "1"
    assert petrov[t("data_exports.next_support_end")] == t.date(TODAY - timedelta(days=10))


async def test_text_that_excel_would_run_as_a_formula_is_disarmed(db: Database) -> None:
    async with db.unit() as unit:
        await accounts.create(
            unit, Platform.TELEGRAM, "9", language="ru", display_name="=HYPERLINK(1)", now=NOW
        )
        number = await requests.create(unit, RequestKind.QUESTION, account_id=None, now=NOW)
        await requests.set_status(
            unit,
            number,
            RequestStatus.IN_WORK,
            actor="manager:telegram:9",
            manager="telegram:9",
            now=NOW,
        )
        (row,) = read((await requests_export(unit, Texts("ru", "RUB"), MOSCOW)).content)
    assert row["Ведёт"].startswith("'=HYPERLINK(1)")
