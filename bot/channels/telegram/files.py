"""Fetches the files people sent (recorded by the flows) into FILES_DIR with getFile.

A flow only records the Telegram ``file_id`` on the request (:mod:`handlers.engine.attachments`);
this downloads each owed file (:mod:`storage.downloads`) under a generated name
(:func:`bot.file_store.stored_file_path`, never the sender's file name) and records the
stored path (or, when its content is not what its name says, deletes it and has it
refused: :mod:`bot.channels.file_downloads`). Downloads go through ``TELEGRAM_API_URL``
like every call; a local Bot API server in ``--local`` mode answers getFile with a path on
its own disk, which is copied.

Telegram lets bots download files up to 20 MB; bigger ones are refused on arrival with an
answer suggesting e-mail (:mod:`.channel`), so they never get here. A download that fails
is tried again on the next round (and after a restart); it is never dropped.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from aiogram import Bot

from bot.channels.file_downloads import OwedDownloads, Refuse
from bot.channels.telegram.errors import describe
from bot.channels.telegram.limits import wait_any
from bot.rate_limits import backoff
from storage.db import Database
from storage.models import Platform

log = logging.getLogger(__name__)


class FileFetcher(OwedDownloads):
    platform = Platform.TELEGRAM

    def __init__(
        self,
        bot: Bot,
        db: Database,
        files_dir: Path,
        *,
        refuse: Refuse,
        interval: float = 60.0,
        on_stored: Callable[[int], None] = lambda _request_id: None,
    ) -> None:
        super().__init__(db, files_dir, interval=interval, on_stored=on_stored, refuse=refuse)
        self.bot = bot

    def _describe(self, exc: BaseException) -> str:
        return describe(exc)

    async def _download(self, file_id: str, target: Path) -> None:
        file = await self.bot.get_file(file_id)
        if not file.file_path:
            raise RuntimeError("Telegram gave no file path (over the 20 MB bot limit?)")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        local = Path(file.file_path)
        try:
            if local.is_absolute() and await asyncio.to_thread(local.is_file):
                # A local Bot API server (--local) keeps files on its own disk.
                await asyncio.to_thread(shutil.copyfile, local, partial)
            else:
                await self.bot.download_file(file.file_path, destination=partial, timeout=120)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)

    async def run(self, stopping: asyncio.Event) -> None:
        rounds_failing = 0
        while not stopping.is_set():
            self.wake.clear()
            try:
                await self.fetch_pending()
                failing = bool(self._failed)
            except Exception as exc:
                log.warning("file downloads: %s", describe(exc))
                failing = True
            # A file that did not come is asked for again soon, then less and less often.
            rounds_failing = rounds_failing + 1 if failing else 0
            wait = self.interval
            if rounds_failing:
                wait = min(self.interval, backoff(rounds_failing - 1, base=2.0))
            await wait_any(self.wake, stopping, seconds=wait)
