"""Files sent in the console are stored under generated names inside FILES_DIR."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from bot.channels.console import ConsoleChannel
from handlers.desk import ManagerDesk
from handlers.engine import Engine
from handlers.flows import default_flows
from handlers.policy import Policy
from storage import accounts, downloads, requests
from storage.db import Database
from storage.models import Platform, RequestKind

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
