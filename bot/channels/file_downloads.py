"""The round of owed file downloads every messenger channel shares.

A flow that accepts a file records only the messenger's reference to it
(:mod:`handlers.attachments`); a channel's fetcher subclasses :class:`OwedDownloads` and
supplies how one file is fetched (``_download``) and how its errors read (``_describe``).
The round is the same for all: each owed file (:mod:`storage.downloads`) is stored under a
generated name (:func:`bot.file_store.stored_file_path`, never the sender's file name) and
its stored path recorded; a download that fails is tried again on the next round (and after
a restart), and logged once per distinct error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from bot.file_store import stored_file_path
from storage import downloads
from storage.db import Database
from storage.models import Platform


class OwedDownloads:
    """Downloads one platform's owed files into ``files_dir``."""

    platform: Platform
    #: What the log calls a file of this platform ("file", "VK file").
    file_label = "file"

    def __init__(
        self,
        db: Database,
        files_dir: Path,
        *,
        interval: float,
        on_stored: Callable[[int], None],
    ) -> None:
        self.db = db
        self.files_dir = files_dir
        self.interval = interval
        self.on_stored = on_stored
        self.wake = asyncio.Event()
        self._failed: dict[int, str] = {}
        #: The channel module's own logger, as if it logged itself.
        self.log = logging.getLogger(type(self).__module__)

    # -- what a channel supplies -----------------------------------------------------------

    async def _download(self, platform_file: str, target: Path) -> None:
        """Fetch the file into ``target`` (whole or not at all)."""
        raise NotImplementedError

    def _describe(self, exc: BaseException) -> str:
        return str(exc)

    # -- the round -------------------------------------------------------------------------

    async def fetch_pending(self) -> int:
        """Download every owed file once; returns how many were stored."""
        async with self.db.unit() as unit:
            owed = await downloads.pending(unit, self.platform, limit=100)
        stored = 0
        for item in owed:
            target = stored_file_path(self.files_dir, item.request_id, item.original_name)
            try:
                await self._download(item.platform_file, target)
            except Exception as exc:  # retried on the next round
                error = self._describe(exc)
                if self._failed.get(item.attachment_id) != error:
                    self.log.warning(
                        "%s %r of request %s not downloaded yet: %s",
                        self.file_label,
                        item.original_name,
                        item.request_id,
                        error,
                    )
                self._failed[item.attachment_id] = error
                continue
            self._failed.pop(item.attachment_id, None)
            async with self.db.unit() as unit:
                await downloads.mark_stored(unit, item.attachment_id, str(target))
            stored += 1
            self.on_stored(item.request_id)
        return stored
