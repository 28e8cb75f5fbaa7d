"""The round of owed file downloads every messenger channel shares.

A flow that accepts a file records only the messenger's reference to it
(:mod:`handlers.engine.attachments`); a channel's fetcher subclasses :class:`OwedDownloads` and
supplies how one file is fetched (``_download``) and how its errors read (``_describe``).
The round is the same for all: each owed file (:mod:`storage.downloads`) is stored under a
generated name (:func:`bot.file_store.stored_file_path`, never the sender's file name) and
its stored path recorded; a download that fails is tried again on the next round (and after
a restart), and logged once per distinct error.

A downloaded file is checked by its content before its path is recorded
(:func:`handlers.rules.uploads.check_content`): one that is not what its name says (a
program named ``scan.pdf``) is deleted and handed to ``refuse``
(:meth:`handlers.engine.dispatcher.Engine.refuse_upload`), which takes it off the request and tells
the sender why through the outbox. Should that fail, the file is still owed and the next
round downloads and refuses it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.file_store import stored_file_path
from handlers.rules.uploads import HEAD_BYTES, check_content
from storage import downloads
from storage.db import Database
from storage.models import Platform

#: Takes a refused file (by attachment id) off its request and tells its sender; False when
#: it was no longer owed.
Refuse = Callable[[int], Awaitable[bool]]


def discard_if_not_what_named(path: Path, original_name: str) -> bool:
    """Check a downloaded file's first bytes against its name; delete it (and its request's
    folder, left empty) when they do not match. True when it was deleted."""
    with path.open("rb") as file:
        head = file.read(HEAD_BYTES)
    if check_content(original_name, head) is None:
        return False
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # other files of the request are there
        path.parent.rmdir()
    return True


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
        refuse: Refuse,
    ) -> None:
        self.db = db
        self.files_dir = files_dir
        self.interval = interval
        self.on_stored = on_stored
        self.refuse = refuse
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
                refused = await asyncio.to_thread(
                    discard_if_not_what_named, target, item.original_name
                )
                if refused:
                    await self.refuse(item.attachment_id)
            except Exception as exc:  # retried on the next round
                error = self._describe(exc)
                if self._failed.get(item.attachment_id) != error:
                    self.log.warning(  # the file's number: its name may name a person
                        "%s #%s of request %s not downloaded yet: %s",
                        self.file_label,
                        item.attachment_id,
                        item.request_id,
                        error,
                    )
                self._failed[item.attachment_id] = error
                continue
            self._failed.pop(item.attachment_id, None)
            if refused:
                self.log.info(
                    "%s #%s of request %s refused: its content is not what its name says",
                    self.file_label,
                    item.attachment_id,
                    item.request_id,
                )
                continue
            async with self.db.unit() as unit:
                await downloads.mark_stored(unit, item.attachment_id, str(target))
            stored += 1
            self.on_stored(item.request_id)
        return stored
