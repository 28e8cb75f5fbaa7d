"""The vendor's CSV import: formats Excel writes, upsert without duplicates, bad rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from handlers.flows.linking import MAX_NUMBER_LENGTH
from storage import customers, keys, licenses, products
from storage.db import Database
from storage.importer import (
    COLUMNS,
    MAX_LENGTHS,
    MAX_OTHER_LENGTH,
    MAX_TEXT_LENGTHS,
    OPTIONAL_COLUMNS,
    ImportProblem,
    ImportReport,
    Problem,
    Progress,
    import_csv,
)

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)

BASE = {
    "customer_name": "Иван Петров",
    "company": "ООО «Мебель-Про»",
    "phone": "8 (999) 000-11-22",
    "email": "Ivan@Mebel-Pro.example",
    "resident": "да",
    "language": "ru",
    "product_code": "BZ-REPORT",
    "product_name": "Базис-Отчёт",
    "product_price": "7 990,00",
    "support_months": "6",
    "product_protection": "codemeter",
    "license_number": "L-1001",
    "workplaces": "1",
    "support_end": "13.11.2026",
    "license_end": "",
    "subscription": "нет",
    "key_serial": "3-1234567",
    "key_kind": "codemeter",
    "protection_service": "Да",
    "protection_connected_on": "01.05.2026",
    "programmed_until": "01.12.2026",
}


def row(**changes: str) -> dict[str, str]:
    return BASE | changes


def csv_text(
    rows: Sequence[dict[str, str]],
    *,
    delimiter: str = ";",
    columns: Sequence[str] = COLUMNS,
) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write(path: Path, text: str, *, bom: bool = True) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


async def run(
    db: Database,
    path: Path,
    *,
    progress: Progress | None = None,
    default_support_months: int = 6,
    batch_size: int = 500,
) -> ImportReport:
    return await import_csv(
        db,
        path,
        now=NOW,
        progress=progress,
        default_support_months=default_support_months,
        batch_size=batch_size,
    )


async def counts(db: Database) -> dict[str, int]:
    async with db.unit() as unit:
        found = {}
        for table in ("customers", "products", "licenses", "keys", "key_licenses"):
            result = await unit.fetchone(f"SELECT COUNT(*) FROM {table}")
            assert result is not None
            found[table] = result[0]
    return found


async def dump(db: Database) -> list[tuple[object, ...]]:
    """Every imported value, to compare a database before and after a re-import."""
    async with db.unit() as unit:
        rows = []
        for table in ("customers", "products", "licenses", "keys", "key_licenses"):
            rows += [(table, *r) for r in await unit.fetchall(f"SELECT * FROM {table}")]
    return rows


async def test_excel_russian_file_bom_semicolons_dotted_dates_da_net(
    db: Database, tmp_path: Path
) -> None:
    sofia = row(
        customer_name="Georgi Ivanov",
        company="Sofia Furniture EOOD",
        phone="+359 888 123 456",
        email="",
        resident="НЕТ",
        language="BG",
        product_code="BZ-MEBEL",
        product_name="Базис-Мебельщик",
        product_price="52000",
        license_number="L-1003",
        support_end="23.11.2026",
        license_end="23.11.2027",
        subscription="да",
        key_serial="",
        key_kind="",
        protection_service="",
        protection_connected_on="",
        programmed_until="",
    )
    path = write(tmp_path / "export.csv", csv_text([row(), sofia]))
    report = await run(db, path)

    assert report.ok, report.errors
    assert (report.rows, report.imported) == (2, 2)
    assert report.created == {
        "customers": 2,
        "products": 2,
        "licenses": 2,
        "keys": 1,
        "key_links": 1,
    }
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, "+79990001122")
        bulgarian = await customers.find_by_phone(unit, "+359888123456")
        product = await products.by_code(unit, "BZ-REPORT")
        lic = await licenses.by_number(unit, "L-1001")
        subscription = await licenses.by_number(unit, "L-1003")
        key = await keys.by_serial(unit, "3-1234567")
    assert petrov is not None
    assert petrov.email == "ivan@mebel-pro.example"
    assert petrov.resident is True
    assert bulgarian is not None
    assert (bulgarian.resident, bulgarian.language, bulgarian.email) == (False, "bg", "")
    assert product is not None and product.price == Decimal("7990")
    assert lic is not None
    assert lic.support_end == date(2026, 11, 13)
    assert lic.license_end is None
    assert lic.customer_id == petrov.id
    assert subscription is not None
    assert subscription.subscription is True
    assert subscription.license_end == date(2027, 11, 23)
    assert key is not None
    assert key.protection_service is True
    assert key.protection_connected_on == date(2026, 5, 1)
    assert key.programmed_until == date(2026, 12, 1)


async def test_comma_file_without_bom_with_iso_dates(db: Database, tmp_path: Path) -> None:
    text = csv_text(
        [row(support_end="2026-11-13", protection_service="yes", resident="TRUE")],
        delimiter=",",
    )
    report = await run(db, write(tmp_path / "plain.csv", text, bom=False))
    assert report.ok, report.errors
    async with db.unit() as unit:
        lic = await licenses.by_number(unit, "L-1001")
    assert lic is not None and lic.support_end == date(2026, 11, 13)


async def test_second_import_of_the_same_file_changes_nothing(db: Database, tmp_path: Path) -> None:
    rows = [
        row(),
        row(license_number="L-1002", product_code="BZ-MEBEL", product_name="Базис-Мебельщик"),
        row(
            customer_name="Анна Сидорова",
            company="ИП Сидорова",
            phone="",
            email="",
            license_number="L-1004",
            key_serial="M-100200",
            key_kind="module",
            protection_service="нет",
            protection_connected_on="",
            programmed_until="",
        ),
    ]
    path = write(tmp_path / "export.csv", csv_text(rows))
    first = await run(db, path)
    before = await dump(db)
    second = await run(db, path)

    assert first.ok and second.ok
    assert sum(first.created.values()) > 0
    assert second.created == dict.fromkeys(second.created, 0)
    assert second.updated == dict.fromkeys(second.updated, 0)
    assert second.imported == 3
    assert await dump(db) == before


async def test_a_key_bound_to_two_licenses(db: Database, tmp_path: Path) -> None:
    rows = [row(), row(license_number="L-1002", support_end="23.12.2026")]
    report = await run(db, write(tmp_path / "export.csv", csv_text(rows)))
    assert report.ok, report.errors
    assert report.created["keys"] == 1
    assert report.created["key_links"] == 2
    async with db.unit() as unit:
        key = await keys.by_serial(unit, "3-1234567")
        assert key is not None
        on_key = await keys.licenses_of_key(unit, key.id)
    assert [lic.number for lic in on_key] == ["L-1001", "L-1002"]


async def test_bad_rows_are_reported_by_line_and_column_good_rows_land(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        row(  # lines 2–3: a quoted line break
            customer_name="Пётр",
            company="ООО «Мебель»\nфилиал",
            phone="",
            email="",
            license_number="L-1000",
            key_serial="",
        ),
        row(license_number="L-1002", support_end="31.02.2026"),  # line 4
        row(license_number="L-1003"),  # line 5
        row(license_number="L-1004", phone="12", product_price="abc", key_kind="usb"),  # 6
        row(license_number="L-1005", workplaces="0"),  # line 7
    ]
    report = await run(db, write(tmp_path / "export.csv", csv_text(rows)))

    assert not report.ok
    assert report.rows == 5
    assert report.imported == 2
    assert report.bad_lines == [4, 6, 7]
    assert report.errors == [
        ImportProblem(4, Problem.NOT_A_DATE, "support_end", {"value": "31.02.2026"}),
        ImportProblem(6, Problem.NOT_A_PHONE, "phone", {"value": "12"}),
        ImportProblem(6, Problem.NOT_AN_AMOUNT, "product_price", {"value": "abc"}),
        ImportProblem(
            6, Problem.NOT_ONE_OF, "key_kind", {"value": "usb", "allowed": ("codemeter", "module")}
        ),
        ImportProblem(
            7, Problem.NOT_A_WHOLE_NUMBER, "workplaces", {"value": "0", "low": 1, "high": 100000}
        ),
    ]
    async with db.unit() as unit:
        landed = [
            number
            for number in ("L-1000", "L-1001", "L-1002", "L-1003", "L-1004", "L-1005")
            if await licenses.by_number(unit, number)
        ]
    assert landed == ["L-1000", "L-1003"]
    async with db.unit() as unit:
        (branch,) = await customers.search(unit, "филиал")
    assert branch.company == "ООО «Мебель»\nфилиал"


async def test_missing_columns_import_nothing(db: Database, tmp_path: Path) -> None:
    text = csv_text([row()])
    header, body = text.split("\r\n", 1)
    header = header.replace(";support_end", "").replace(";key_kind", "")
    report = await run(db, write(tmp_path / "export.csv", header + "\r\n" + body))

    assert not report.ok
    assert report.errors == [
        ImportProblem(
            1,
            Problem.MISSING_COLUMNS,
            "",
            {"columns": ("support_end", "key_kind"), "count": 2},
        )
    ]
    assert report.imported == 0
    assert set((await counts(db)).values()) == {0}


async def test_a_row_of_the_wrong_width_is_refused(db: Database, tmp_path: Path) -> None:
    text = csv_text([row()]) + "Пётр;ООО;+79990009999\r\n"
    report = await run(db, write(tmp_path / "export.csv", text))
    assert report.imported == 1
    assert report.errors == [ImportProblem(3, Problem.WRONG_WIDTH, "", {"found": 3, "width": 21})]


async def test_a_file_that_is_not_utf8_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes(csv_text([row()]).encode("cp1251"))
    report = await run(db, path)
    assert not report.ok
    assert [problem.code for problem in report.errors] == [Problem.NOT_UTF8]
    assert (await counts(db))["customers"] == 0


async def test_changes_in_a_new_export_update_the_records(db: Database, tmp_path: Path) -> None:
    await run(db, write(tmp_path / "old.csv", csv_text([row()])))
    newer = row(
        customer_name="Иван Сергеевич Петров",  # matched by phone
        product_price="8490",
        support_end="13.11.2027",
        protection_connected_on="",  # empty: the stored dates stay
        programmed_until="",
    )
    report = await run(db, write(tmp_path / "new.csv", csv_text([newer])))

    assert report.ok, report.errors
    assert report.created == dict.fromkeys(report.created, 0)
    assert report.updated == {
        "customers": 1,
        "products": 1,
        "licenses": 1,
        "keys": 0,
        "key_links": 0,
    }
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, "+79990001122")
        product = await products.by_code(unit, "BZ-REPORT")
        lic = await licenses.by_number(unit, "L-1001")
        key = await keys.by_serial(unit, "3-1234567")
    assert petrov is not None and petrov.name == "Иван Сергеевич Петров"
    assert product is not None and product.price == Decimal("8490")
    assert lic is not None and lic.support_end == date(2027, 11, 13)
    assert key is not None and key.programmed_until == date(2026, 12, 1)
    assert (await counts(db))["customers"] == 1


async def test_customer_matched_by_email_then_by_name_and_company(
    db: Database, tmp_path: Path
) -> None:
    await run(
        db,
        write(
            tmp_path / "a.csv",
            csv_text(
                [
                    row(),
                    row(
                        customer_name="Анна Сидорова",
                        company="ИП Сидорова",
                        phone="",
                        email="",
                        license_number="L-2",
                        key_serial="",
                    ),
                ]
            ),
        ),
    )
    later = [
        row(phone="+7 999 111-22-33", license_number="L-3", key_serial=""),  # same e-mail
        row(
            customer_name="Анна Сидорова",
            company="ИП Сидорова",
            phone="",
            email="",
            license_number="L-4",
            key_serial="",
        ),
    ]
    report = await run(db, write(tmp_path / "b.csv", csv_text(later)))
    assert report.ok, report.errors
    assert report.created["customers"] == 0
    assert report.updated["customers"] == 1  # Петров's new phone
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, "89991112233")
        l3 = await licenses.by_number(unit, "L-3")
        l2 = await licenses.by_number(unit, "L-2")
        l4 = await licenses.by_number(unit, "L-4")
    assert petrov is not None and l3 is not None and l3.customer_id == petrov.id
    assert l2 is not None and l4 is not None and l4.customer_id == l2.customer_id


async def test_rows_contradicting_each_other_are_errors(db: Database, tmp_path: Path) -> None:
    rows = [
        row(),
        row(  # another customer claims the same key: line 3
            customer_name="Пётр",
            company="ООО Другое",
            phone="+79995550000",
            email="",
            license_number="L-2",
        ),
        row(license_number="L-3", product_price="9000"),  # the same product, other price
    ]
    report = await run(db, write(tmp_path / "export.csv", csv_text(rows)))
    assert report.imported == 1
    assert report.errors == [
        ImportProblem(3, Problem.OTHER_CUSTOMER, "customer_name", {"entity": "key", "first": 2}),
        ImportProblem(
            4,
            Problem.DIFFERS,
            "product_price",
            {
                "entity": "product",
                "first": 2,
                "new": Decimal("9000.00"),
                "old": Decimal("7990.00"),
            },
        ),
    ]
    # Still true on a second run: the result does not depend on what is already stored.
    again = await run(db, write(tmp_path / "export.csv", csv_text(rows)))
    assert again.errors == report.errors
    assert sum(again.created.values()) == 0


async def test_defaults_for_empty_optional_values(db: Database, tmp_path: Path) -> None:
    bare = row(
        resident="",
        language="",
        support_months="",
        workplaces="",
        subscription="",
        key_serial="",
        key_kind="",
        protection_service="",
    )
    other = row(license_number="L-2", product_code="BZ-X", support_months="", key_serial="")
    report = await run(
        db,
        write(tmp_path / "export.csv", csv_text([bare, other])),
        default_support_months=12,
    )
    assert report.ok, report.errors
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, "+79990001122")
        product = await products.by_code(unit, "BZ-REPORT")
        lic = await licenses.by_number(unit, "L-1001")
    assert customer is not None and (customer.resident, customer.language) == (True, "ru")
    assert product is not None and product.support_months == 12
    assert lic is not None and (lic.workplaces, lic.subscription) == (1, False)
    assert report.created["keys"] == 0


async def test_service_on_a_module_is_refused(db: Database, tmp_path: Path) -> None:
    text = csv_text([row(key_kind="module", protection_service="да")])
    report = await run(db, write(tmp_path / "export.csv", text))
    assert report.errors == [
        ImportProblem(2, Problem.SERVICE_NEEDS_CODEMETER, "protection_service")
    ]


@pytest.mark.parametrize(
    ("price", "stored"),
    [("7990", "7990.00"), ("7990.00", "7990.00"), ("7 990,00", "7990.00"), ("7990,5", "7990.50")],
)
async def test_money_forms(db: Database, tmp_path: Path, price: str, stored: str) -> None:
    report = await run(db, write(tmp_path / "e.csv", csv_text([row(product_price=price)])))
    assert report.ok, report.errors
    async with db.unit() as unit:
        result = await unit.fetchone("SELECT price FROM products")
    assert result is not None and result[0] == stored


@pytest.mark.parametrize("price", ["7,990", "7.990", "1,234.50", "-5", "7990.001", ""])
async def test_ambiguous_or_wrong_money_is_refused(
    db: Database, tmp_path: Path, price: str
) -> None:
    report = await run(db, write(tmp_path / "e.csv", csv_text([row(product_price=price)])))
    assert [(problem.line, problem.column) for problem in report.errors] == [(2, "product_price")]


async def test_a_10000_character_name_refuses_its_row_and_stores_nothing_of_it(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        row(license_number="L-1001"),  # line 2
        row(  # line 3: everything of it is new, so anything stored of it would show
            customer_name="Я" * 10_000,
            company="ООО «Длинное»",
            phone="+7 999 555-44-33",
            email="long@example.ru",
            product_code="BZ-LONG",
            license_number="L-LONG",
            key_serial="3-7654321",
        ),
        row(license_number="L-1003", key_serial=""),  # line 4
    ]
    report = await run(db, write(tmp_path / "export.csv", csv_text(rows)))

    assert (report.rows, report.imported) == (3, 2)
    assert report.errors == [
        ImportProblem(3, Problem.TOO_LONG, "customer_name", {"length": 10000, "limit": 200})
    ]
    assert await counts(db) == {
        "customers": 1,
        "products": 1,
        "licenses": 2,
        "keys": 1,
        "key_licenses": 1,
    }
    async with db.unit() as unit:
        assert await licenses.by_number(unit, "L-LONG") is None
        assert await keys.by_serial(unit, "3-7654321") is None
        assert await products.by_code(unit, "BZ-LONG") is None
        assert await customers.find_by_phone(unit, "+79995554433") is None
        longest = await unit.fetchone("SELECT MAX(LENGTH(name)) FROM customers")
    assert longest is not None and longest[0] == len("Иван Петров")


def _at_limit(column: str, limit: int) -> str:
    """A valid value of ``column`` exactly ``limit`` characters long."""
    if column == "phone":  # spaces inside a phone are allowed: "+7          (999) 000-11-22"
        return "+7" + " " * (limit - 18) + " (999) 000-11-22"
    if column == "email":
        return "i" * (limit - len("@mebel-pro.example")) + "@mebel-pro.example"
    return "Ж" * limit


@pytest.mark.parametrize("column", sorted(MAX_TEXT_LENGTHS))
async def test_every_text_column_takes_its_limit_and_refuses_one_more(
    db: Database, tmp_path: Path, column: str
) -> None:
    limit = MAX_LENGTHS[column]
    exact = _at_limit(column, limit)
    assert len(exact) == limit
    longer = exact[:2] + (" " if column == "phone" else "Ж") + exact[2:]  # still valid
    second = row(**({"license_number": "L-2", "key_serial": ""} | {column: longer}))
    report = await run(
        db, write(tmp_path / "export.csv", csv_text([row(**{column: exact}), second]))
    )

    assert report.imported == 1
    assert report.errors == [
        ImportProblem(3, Problem.TOO_LONG, column, {"length": limit + 1, "limit": limit})
    ]
    assert (await counts(db))["licenses"] == 1
    async with db.unit() as unit:
        stored = await unit.fetchone(
            "SELECT c.name, c.company, c.phone, c.email, p.code, p.name, l.number "
            "FROM licenses l JOIN customers c ON c.id = l.customer_id "
            "JOIN products p ON p.id = l.product_id"
        )
        serial = await unit.fetchone("SELECT serial FROM keys")
    assert stored is not None and serial is not None
    assert (exact if column != "phone" else "+79990001122") in (*stored, serial[0])


@pytest.mark.parametrize("column", sorted(set(COLUMNS) - set(MAX_TEXT_LENGTHS)))
async def test_other_columns_refuse_a_huge_value_without_quoting_it(
    db: Database, tmp_path: Path, column: str
) -> None:
    """yes/no, dates, numbers, codes: 100,000 characters there make one short error, not
    100,000 characters of error text (nor 100,000 digits parsed as a number)."""
    huge = "1" * 100_000
    report = await run(db, write(tmp_path / "export.csv", csv_text([row(**{column: huge})])))
    assert report.errors == [
        ImportProblem(2, Problem.TOO_LONG, column, {"length": 100_000, "limit": MAX_OTHER_LENGTH})
    ]
    assert (await counts(db))["licenses"] == 0


def test_license_numbers_and_serials_fit_what_a_customer_can_type() -> None:
    """Linking takes a license number and a key serial as typed, up to a length: an imported
    one longer than that could never be linked."""
    assert set(MAX_LENGTHS) == set(COLUMNS) | set(OPTIONAL_COLUMNS)
    assert MAX_LENGTHS["license_number"] <= MAX_NUMBER_LENGTH
    assert MAX_LENGTHS["key_serial"] <= MAX_NUMBER_LENGTH


async def test_large_files_go_in_batches_with_progress(db: Database, tmp_path: Path) -> None:
    rows = [
        row(
            customer_name=f"Клиент {n // 3}",
            company="",
            phone=f"+7999{n // 3:07d}",
            email="",
            license_number=f"L-{n}",
            key_serial=f"3-{n // 3:07d}-{n % 3 // 2}",  # customers hold 2 keys
        )
        for n in range(23)
    ]
    seen: list[tuple[int, int]] = []
    report = await run(
        db,
        write(tmp_path / "export.csv", csv_text(rows)),
        batch_size=5,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert report.ok, report.errors
    assert seen == [(5, 23), (10, 23), (15, 23), (20, 23), (23, 23)]
    assert report.created == {
        "customers": 8,
        "products": 1,
        "licenses": 23,
        "keys": 15,
        "key_links": 23,
    }
    assert await counts(db) == {
        "customers": 8,
        "products": 1,
        "licenses": 23,
        "keys": 15,
        "key_licenses": 23,
    }


async def test_erased_customers_are_not_matched_again(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", csv_text([row()]))
    await run(db, path)
    async with db.unit() as unit:
        petrov = await customers.find_by_phone(unit, "+79990001122")
        assert petrov is not None
        await customers.erase_personal_data(unit, petrov.id, NOW)
    report = await run(db, path)
    assert report.created["customers"] == 1


async def test_a_database_failure_stops_the_import_without_half_written_rows(
    db: Database, tmp_path: Path
) -> None:
    async with db.unit() as unit:
        await unit.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON licenses WHEN NEW.number = 'L-BAD' "
            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
        )
    rows = [
        row(license_number="L-1", key_serial=""),
        row(license_number="L-2", key_serial=""),
        row(license_number="L-3", key_serial="", customer_name="Новый", phone="", email=""),
        row(license_number="L-BAD", key_serial=""),
        row(license_number="L-5", key_serial=""),
    ]
    report = await run(db, write(tmp_path / "export.csv", csv_text(rows)), batch_size=2)

    assert not report.ok
    assert report.imported == 2
    assert report.errors == [
        ImportProblem(
            4, Problem.BATCH_FAILED, "", {"first": 4, "last": 5, "reason": "disk on fire"}
        )
    ]
    assert await counts(db) == {
        "customers": 1,  # "Новый" of the rolled-back batch is not there either
        "products": 1,
        "licenses": 2,
        "keys": 0,
        "key_licenses": 0,
    }


# -- when support was paid (docs/rules.md#protection-service) -------------------------------

WITH_PAID_ON = (*COLUMNS, "support_paid_on")


async def support_record(db: Database, number: str) -> tuple[str, str | None, str | None]:
    async with db.unit() as unit:
        found = await unit.fetchone(
            "SELECT support_end, support_paid_on, previous_support_end FROM licenses "
            "WHERE number = ?",
            (number,),
        )
    assert found is not None
    return found["support_end"], found["support_paid_on"], found["previous_support_end"]


async def import_on(db: Database, path: Path, today: date) -> ImportReport:
    report = await import_csv(db, path, now=NOW, today=today)
    assert report.ok, report.errors
    return report


async def test_when_support_was_paid_is_the_files_date_or_the_day_the_end_was_first_seen(
    db: Database, tmp_path: Path
) -> None:
    first = write(tmp_path / "first.csv", csv_text([row()]))  # no support_paid_on column
    await import_on(db, first, date(2026, 6, 1))
    assert await support_record(db, "L-1001") == ("2026-11-13", "2026-06-01", None)

    # The old end again on the 28th: the new one first seen on the 29th was paid on the
    # 29th at the earliest (the day after the previous import).
    await import_on(db, first, date(2026, 11, 28))
    renewed = write(tmp_path / "renewed.csv", csv_text([row(support_end="13.11.2027")]))
    report = await import_on(db, renewed, date(2026, 11, 29))
    assert report.updated["licenses"] == 1
    assert await support_record(db, "L-1001") == ("2027-11-13", "2026-11-29", "2026-11-13")

    # The same file later changes nothing: the end was first seen on the 29th.
    again = await import_on(db, renewed, date(2026, 12, 20))
    assert again.updated["licenses"] == 0
    assert await support_record(db, "L-1001") == ("2027-11-13", "2026-11-29", "2026-11-13")


async def test_a_payment_first_seen_after_a_long_gap_counts_from_the_day_after_the_last_import(
    db: Database, tmp_path: Path
) -> None:
    """An import made late must not make an on-time payment look late: without the column
    the earliest day it can have been paid is the day after the previous import."""
    first = write(tmp_path / "first.csv", csv_text([row()]))
    await import_on(db, first, date(2026, 6, 1))
    renewed = write(tmp_path / "renewed.csv", csv_text([row(support_end="13.11.2027")]))
    await import_on(db, renewed, date(2026, 11, 29))
    assert await support_record(db, "L-1001") == ("2027-11-13", "2026-06-02", "2026-11-13")

    # The vendor adds the column: its date is when it was paid.
    paid = row(support_end="13.11.2027", support_paid_on="25.11.2026")
    await import_on(
        db, write(tmp_path / "paid.csv", csv_text([paid], columns=WITH_PAID_ON)), date(2026, 12, 21)
    )
    assert await support_record(db, "L-1001") == ("2027-11-13", "2026-11-25", "2026-11-13")


async def test_a_renewal_imported_with_its_payment_date(db: Database, tmp_path: Path) -> None:
    await import_on(db, write(tmp_path / "a.csv", csv_text([row()])), date(2026, 6, 1))
    paid = row(support_end="13.11.2027", support_paid_on="2026-11-27")
    text = csv_text([paid], columns=WITH_PAID_ON, delimiter=",")
    await import_on(db, write(tmp_path / "b.csv", text), date(2026, 12, 5))
    assert await support_record(db, "L-1001") == ("2027-11-13", "2026-11-27", "2026-11-13")


async def test_a_bad_payment_date_refuses_its_row(db: Database, tmp_path: Path) -> None:
    rows = [row(support_paid_on="вчера"), row(license_number="L-1002", support_paid_on="")]
    report = await run(db, write(tmp_path / "bad.csv", csv_text(rows, columns=WITH_PAID_ON)))
    assert report.errors == [
        ImportProblem(2, Problem.NOT_A_DATE, "support_paid_on", {"value": "вчера"})
    ]
    assert report.imported == 1


async def test_two_rows_of_a_license_with_different_payment_dates_contradict(
    db: Database, tmp_path: Path
) -> None:
    rows = [row(support_paid_on="01.11.2026"), row(support_paid_on="02.11.2026")]
    report = await run(db, write(tmp_path / "two.csv", csv_text(rows, columns=WITH_PAID_ON)))
    assert [(p.line, p.code, p.column) for p in report.errors] == [
        (3, Problem.DIFFERS, "support_paid_on")
    ]


async def test_a_key_the_bot_disconnected_stays_off_until_the_file_connects_it_again(
    db: Database, tmp_path: Path
) -> None:
    """The accounting export still says "yes" after the bot disconnected the service: that
    does not connect it again for free; a connection date after the disconnection does."""
    export = write(tmp_path / "export.csv", csv_text([row()]))
    await run(db, export)
    async with db.unit() as unit:
        stored = await keys.by_serial(unit, "3-1234567")
        assert stored is not None
        await keys.set_protection_disconnected(unit, [stored.id], date(2026, 12, 1))

    report = await run(db, export)
    assert report.updated["keys"] == 0
    async with db.unit() as unit:
        still = await keys.by_serial(unit, "3-1234567")
    assert still is not None and not still.protection_service
    assert still.protection_disconnected_on == date(2026, 12, 1)

    reconnected = row(protection_connected_on="05.12.2026")
    await run(db, write(tmp_path / "paid.csv", csv_text([reconnected])))
    async with db.unit() as unit:
        again = await keys.by_serial(unit, "3-1234567")
    assert again is not None and again.protection_service
    assert again.protection_connected_on == date(2026, 12, 5)
    assert again.protection_disconnected_on is None
