"""The web desk's Data page: the vendor's CSV imported by upload as the manager chat imports
it (rows with errors skipped and listed in the manager's language, the good rows in), the
chat's upload checks, a progress page until the report is in, and the requests and
customers as CSV downloads with a BOM and the headers in the manager's language
(docs/rules.md#web-desk)."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path
from typing import Any

import pytest
from aiohttp import FormData, web
from aiohttp.test_utils import TestClient

from bot.web import data_page
from bot.web.data_page import IMPORTS
from handlers.engine.dispatcher import Engine
from storage.db import Database
from storage.importer import ImportReport, write_csv
from tests.support import desk_world, web_desk
from tests.support.chat import Chat
from tests.support.desk_world import file_renewal
from tests.support.web_desk import BAD_DATE_ROW, NEW_CUSTOMER_ROW, add_manager, sign_in

clock, engine, client = desk_world.clock, desk_world.engine, web_desk.client
Client = TestClient[web.Request, web.Application]


def csv_file(tmp_path: Path, rows: list[dict[str, str]]) -> bytes:
    path = tmp_path / "clients.csv"
    write_csv(path, rows)
    return path.read_bytes()


async def upload(client: Client, token: str, name: str, content: bytes) -> web.StreamResponse:
    form = FormData()
    form.add_field("csrf", token)
    form.add_field("file", content, filename=name, content_type="text/csv")
    return await client.post("/data/import", data=form, allow_redirects=False)  # type: ignore[return-value]


async def customer_names(db: Database) -> set[str]:
    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT name FROM customers")
    return {row["name"] for row in rows}


async def finished_import(client: Client, location: str) -> str:
    """The import's page once it has finished."""
    runs = client.server.app[IMPORTS]
    for run in runs.values():
        assert run.task is not None
        await asyncio.wait_for(asyncio.shield(run.task), 30)
    page = await client.get(location)
    assert page.status == 200
    return await page.text()


async def test_an_upload_imports_the_good_rows_and_lists_the_bad_rows_error(
    client: Client, db: Database, engine: Engine, tmp_path: Path
) -> None:
    await add_manager(db)
    token = await sign_in(client)
    answer = await upload(
        client, token, "clients.csv", csv_file(tmp_path, [NEW_CUSTOMER_ROW, BAD_DATE_ROW])
    )
    assert answer.status == 303
    location = answer.headers["Location"]
    assert location.startswith("/data/imports/")
    html = await finished_import(client, location)
    assert "строка 3: support_end: «31.02.2026» — не дата" in html
    assert 'http-equiv="refresh"' not in html
    names = await customer_names(db)
    assert "Ольга Новикова" in names and "Пётр Плохой" not in names


async def test_the_import_page_refreshes_with_a_progress_bar_until_done(
    client: Client, db: Database, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = asyncio.Event()
    real_import = data_page.import_csv

    async def held_import(*args: Any, **kwargs: Any) -> ImportReport:
        kwargs["progress"](0, 1)
        await release.wait()
        return await real_import(*args, **kwargs)

    monkeypatch.setattr(data_page, "import_csv", held_import)
    await add_manager(db)
    token = await sign_in(client)
    answer = await upload(client, token, "clients.csv", csv_file(tmp_path, [NEW_CUSTOMER_ROW]))
    location = answer.headers["Location"]
    page = await (await client.get(location)).text()
    assert "<progress" in page and 'http-equiv="refresh"' in page
    release.set()
    done = await finished_import(client, location)
    assert "<progress" not in done and "Ошибок нет." in done


async def test_an_upload_is_checked_as_the_chat_checks_a_file(
    client: Client, db: Database, engine: Engine, tmp_path: Path
) -> None:
    await add_manager(db, language="en")
    token = await sign_in(client)
    before = await desk_world.snapshot(db)
    refused = {
        ("clients.xlsx", b"PK\x03\x04 a workbook"): "These will do: CSV",
        ("clients.csv", b""): "The file is empty",
        ("clients.csv", b"MZ\x00\x00\x01 a program"): "is not a CSV text file",
    }
    for (name, content), error in refused.items():
        answer = await upload(client, token, name, content)
        assert answer.status == 400 and error in await answer.text(), name
    assert client.server.app[IMPORTS] == {}
    assert await desk_world.snapshot(db) == before


async def test_another_managers_import_or_an_unknown_one_is_not_found(
    client: Client, db: Database, engine: Engine, tmp_path: Path
) -> None:
    await add_manager(db)
    await add_manager(db, "boris", name="Борис")
    token = await sign_in(client)
    answer = await upload(client, token, "clients.csv", csv_file(tmp_path, [NEW_CUSTOMER_ROW]))
    location = answer.headers["Location"]
    await finished_import(client, location)
    assert (await client.get("/data/imports/unknown")).status == 404
    await client.post("/signout", data={"csrf": token})
    await sign_in(client, "boris")
    assert (await client.get(location)).status == 404


async def test_the_downloads_are_csv_for_excel_in_the_managers_language(
    client: Client, db: Database, engine: Engine
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    await add_manager(db, language="en")
    await sign_in(client)
    download = await client.get("/data/requests.csv")
    content = await download.read()
    assert download.status == 200 and content.startswith(b"\xef\xbb\xbf")
    assert download.headers["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Request number" and rows[-1][0] == str(number)
    customers = await client.get("/data/customers.csv")
    content = await customers.read()
    assert content.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert header[0] == "Customer"
