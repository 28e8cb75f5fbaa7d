"""Files people sent in VK: their size on arrival, and their download into FILES_DIR.

A VK document arrives with its size; a photo does not, so :meth:`FileFetcher.size_of` asks
the photo's address (HEAD) before the conversation step checks the file against the
policy's types and sizes. A flow that accepts a file records only its VK address
(:mod:`handlers.engine.attachments`); :meth:`FileFetcher.fetch_pending` then downloads each owed
file (:mod:`storage.downloads`) under a generated name (:func:`bot.file_store.stored_file_path`,
never the sender's file name), stopping at the policy's largest size, and records the
stored path (or refuses a file whose content is not what its name says:
:mod:`bot.channels.file_downloads`). A download that fails is tried again on the next
round (and after a restart).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from aiohttp import ClientSession, ClientTimeout

from bot.channels.file_downloads import OwedDownloads, Refuse
from bot.channels.vk.errors import describe
from bot.rate_limits import wait_any
from handlers.policy import Policy
from handlers.rules.uploads import BYTES_PER_MB
from storage.db import Database
from storage.models import Platform

log = logging.getLogger(__name__)

CHUNK = 64 * 1024


class TooLarge(Exception):
    """The file is bigger than any upload the policy accepts."""


class FileFetcher(OwedDownloads):
    platform = Platform.VK
    file_label = "VK file"

    def __init__(
        self,
        db: Database,
        policy: Policy,
        files_dir: Path,
        *,
        refuse: Refuse,
        interval: float = 60.0,
        timeout: float = 120.0,
        on_stored: Callable[[int], None] = lambda _request_id: None,
    ) -> None:
        super().__init__(db, files_dir, interval=interval, on_stored=on_stored, refuse=refuse)
        uploads = policy.uploads
        self.max_bytes = (
            max(uploads.document_max_mb, uploads.backup_max_mb, uploads.license_file_max_mb)
            * BYTES_PER_MB
        )
        self.timeout = ClientTimeout(total=timeout)
        self._session: ClientSession | None = None

    def _describe(self, exc: BaseException) -> str:
        return describe(exc)

    def _http(self) -> ClientSession:
        if self._session is None or self._session.closed:
            self._session = ClientSession(timeout=self.timeout)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def size_of(self, url: str) -> int:
        """The size of a file at ``url`` (a photo): its Content-Length, else counted while
        reading (up to one byte over the policy's largest limit)."""
        async with self._http().head(url, allow_redirects=True) as response:
            response.raise_for_status()
            if response.content_length is not None:
                return response.content_length
        size = 0
        async with self._http().get(url) as response:
            response.raise_for_status()
            async for chunk in response.content.iter_chunked(CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    break
        return size

    async def _download(self, url: str, target: Path) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("not a VK file address")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            async with self._http().get(url, allow_redirects=True) as response:
                response.raise_for_status()
                size = 0
                with partial.open("wb") as out:
                    async for chunk in response.content.iter_chunked(CHUNK):
                        size += len(chunk)
                        if size > self.max_bytes:
                            raise TooLarge(f"over {self.max_bytes} bytes")
                        out.write(chunk)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)

    async def run(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            self.wake.clear()
            try:
                await self.fetch_pending()
            except Exception as exc:
                log.warning("VK file downloads: %s", describe(exc))
            await wait_any(self.wake, stopping, seconds=self.interval)
