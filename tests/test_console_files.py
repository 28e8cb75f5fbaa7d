"""Files sent in the console are stored under generated names inside FILES_DIR, once their
content is found to be what their name says (a program named scan.pdf is refused)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.channels.console import ConsoleChannel
from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.flow_list import default_flows
from handlers.policy import Policy
from storage import accounts, downloads, requests
from storage.db import Database
from storage.models import Platform, RequestKind
from tests.support.telegram_world import UploadFlow

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def test_sent_file_is_copied_under_a_generated_name(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.7 letter")
    files_dir = tmp_path / "files"
    async with db.unit() as unit:
        account = await accounts.create(
            unit, Platform.CONSOLE, "customer", language="ru", display_name="", now=NOW
        )
        request_id = await requests.create(
            unit, RequestKind.KEY_LOSS, account_id=account.id, now=NOW
        )
        await requests.add_attachment(
            unit,
            request_id,
            role="letter",
            original_name="../../../etc/passwd.pdf",
            stored_path=None,
            platform_file=str(source),
            mime="",
            size=15,
            now=NOW,
        )
    engine = Engine(db, policy, default_flows(), desk=ManagerDesk.console_only())
    channel = ConsoleChannel(engine, db, files_dir=files_dir, output=io.StringIO())

    await channel.store_files()

    async with db.unit() as unit:
        stored = await requests.attachments(unit, request_id)
        assert await downloads.pending(unit, Platform.CONSOLE) == []
    path = Path(stored[0].stored_path or "")
    assert path.parent == files_dir / str(request_id)
    assert path.suffix == ".pdf" and "passwd" not in path.name
    assert path.read_bytes() == b"%PDF-1.7 letter"
    assert stored[0].original_name == "../../../etc/passwd.pdf"


PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(48)
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(16)


async def send_through_console(
    db: Database, policy: Policy, tmp_path: Path, source: Path
) -> tuple[str, Path]:
    """``/upload`` then ``/file SOURCE`` typed into the console (piped, in English)."""
    files_dir = tmp_path / "files"
    engine = Engine(db, policy, [*default_flows(), UploadFlow()], desk=ManagerDesk.console_only())
    output = io.StringIO()
    channel = ConsoleChannel(engine, db, language="en", files_dir=files_dir, output=output)
    await channel.run(io.StringIO(f"/upload\n/file {source}\n"))
    return output.getvalue(), files_dir


async def test_a_program_named_pdf_is_refused_and_nothing_is_kept(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(PROGRAM)

    shown, files_dir = await send_through_console(db, policy, tmp_path, source)

    assert "Received scan.pdf." in shown
    refusal = shown[shown.index("Received scan.pdf.") :]
    assert "The file scan.pdf is not really PDF: its content does not match its name." in refusal
    assert "PDF, JPG, JPEG, PNG, up to 10 MB" in refusal
    async with db.unit() as unit:
        assert await requests.attachments(unit, 1) == []
        assert await downloads.pending(unit, Platform.CONSOLE) == []
        managers = await unit.fetchall("SELECT text FROM outbox WHERE chat_id != 'customer'")
    assert any("scan.pdf" in row["text"] and "не PDF" in row["text"] for row in managers)
    assert not files_dir.exists() or [p for p in files_dir.rglob("*") if p.is_file()] == []
    assert source.read_bytes() == PROGRAM  # the sender's own file is left alone


@pytest.mark.parametrize(("name", "content"), [("scan.pdf", PDF), ("act.png", PNG)])
async def test_a_real_scan_passes_the_content_check(
    db: Database, policy: Policy, tmp_path: Path, name: str, content: bytes
) -> None:
    source = tmp_path / name
    source.write_bytes(content)

    shown, files_dir = await send_through_console(db, policy, tmp_path, source)

    assert "not really" not in shown
    async with db.unit() as unit:
        [stored] = await requests.attachments(unit, 1)
    assert stored.original_name == name
    assert Path(stored.stored_path or "").read_bytes() == content
    assert Path(stored.stored_path or "").parent == files_dir / "1"
