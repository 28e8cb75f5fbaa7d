"""Export of requests: a CSV a Russian Excel opens as a table, written atomically."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from storage import accounts, keys, licenses, requests
from storage.db import Database
from storage.demo import load_demo
from storage.exporter import HEADER, export_requests_csv
from storage.models import Platform, RequestKind, RequestStatus

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def read_back(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


async def _two_requests(db: Database) -> tuple[int, int]:
    assert (await load_demo(db, today=TODAY, now=NOW)).ok
    async with db.unit() as unit:
        account = await accounts.create(
            unit, Platform.TELEGRAM, "100", language="ru", display_name="", now=NOW
        )
        lic = await licenses.by_number(unit, "L-1001")
        key = await keys.by_serial(unit, "3-1234567")
        assert lic is not None and key is not None
        renewal = await requests.create(
            unit,
            RequestKind.RENEWAL,
            account_id=account.id,
            customer_id=lic.customer_id,
            verified=True,
            license_id=lic.id,
            key_id=key.id,
            amount=Decimal("1998"),
            details={"rate": "preferential", "note": '=HYPERLINK("x")'},
            now=NOW,
        )
        question = await requests.create(
            unit, RequestKind.QUESTION, account_id=account.id, details={}, now=NOW
        )
        await requests.set_status(
            unit, renewal, RequestStatus.DONE, actor="manager:7", manager="=cmd|calc", now=NOW
        )
        await requests.mark_first_answer(unit, renewal, NOW + timedelta(minutes=3))
        await requests.set_rating(unit, renewal, 5, NOW)
    return renewal, question


async def test_round_trip(db: Database, tmp_path: Path) -> None:
    renewal, question = await _two_requests(db)
    path = tmp_path / "out" / "requests.csv"
    written = await export_requests_csv(db, path)

    assert written == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text(encoding="utf-8-sig").splitlines()[0] == ";".join(HEADER)
    first, second = read_back(path)
    assert first["id"] == str(renewal)
    assert (first["kind"], first["status"]) == ("renewal", "done")
    assert first["created_at"] == "2026-11-23T07:00:00+00:00"
    assert (first["customer_name"], first["company"]) == ("Иван Петров", "ООО «Мебель-Про»")
    assert first["phone"] == "+79990001122"
    assert first["verified"] == "yes"
    assert (first["license_number"], first["key_serial"]) == ("L-1001", "3-1234567")
    assert first["amount"] == "1998"
    assert first["first_answer_at"] == "2026-11-23T07:03:00+00:00"
    assert first["rating"] == "5"
    assert json.loads(first["details"]) == {"rate": "preferential", "note": '=HYPERLINK("x")'}
    assert first["manager"] == "'=cmd|calc"  # never a formula in Excel
    assert second["id"] == str(question)
    assert (second["customer_name"], second["verified"], second["amount"]) == ("", "no", "")


async def test_export_replaces_the_old_file_and_leaves_no_temporary_files(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "requests.csv"
    path.write_text("old contents", encoding="utf-8")
    assert await export_requests_csv(db, path) == 0
    assert read_back(path) == []
    assert path.read_text(encoding="utf-8-sig").strip() == ";".join(HEADER)
    assert [p.name for p in folder.iterdir()] == ["requests.csv"]


async def test_amount_uses_a_decimal_comma(db: Database, tmp_path: Path) -> None:
    async with db.unit() as unit:
        account = await accounts.create(
            unit, Platform.VK, "1", language="ru", display_name="", now=NOW
        )
        await requests.create(
            unit, RequestKind.BOOKING, account_id=account.id, amount=Decimal("1625.50"), now=NOW
        )
    await export_requests_csv(db, tmp_path / "r.csv")
    (only,) = read_back(tmp_path / "r.csv")
    assert only["amount"] == "1625,50"
