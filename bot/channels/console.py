"""The console channel: talk to the bot in a terminal, no tokens, local SQLite.

Each reply is printed with its buttons numbered ``[1] Label``; typing the number or the
exact label presses the button. ``/contact +79990001122`` shares your own phone,
``/file PATH`` sends a file as a document; any other line is text. Works interactively
and with piped stdin, and exits at the end of input. Messages queued for this console
chat in the outbox (a manager's card, an answer to the customer) are printed too. Input
that is not valid text (bytes that are not UTF-8) is read with U+FFFD in their place, as
every channel does (:mod:`bot.channels.intake`).
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TextIO

from bot.channels.file_downloads import OwedDownloads
from bot.channels.intake import lenient_input, repair_text
from handlers.desk.manager_desk import CONSOLE_MANAGER_CHAT
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment, Button, Contact, Incoming, Reply
from handlers.i18n import Texts, default_language, texts
from storage import accounts, outbox
from storage.db import Database
from storage.models import Platform

CUSTOMER_CHAT = "customer"
OUTBOX_POLL_SECONDS = 1.0


class ConsoleChannel:
    def __init__(
        self,
        engine: Engine,
        db: Database,
        *,
        as_manager: bool = False,
        language: str | None = None,
        files_dir: Path = Path("data/files"),
        output: TextIO = sys.stdout,
    ) -> None:
        self.engine = engine
        self.db = db
        self.as_manager = as_manager
        self.language = language
        self.output = output
        self.files_dir = files_dir
        self.chat_id = CONSOLE_MANAGER_CHAT if as_manager else CUSTOMER_CHAT
        self.buttons: list[Button] = []
        #: The last question asks for a typed number: a bare number answers it.
        self.expects_number = False
        #: The console's own texts, in the conversation's language (see :meth:`follow_language`).
        self.t: Texts = texts(language or default_language())
        self.files = ConsoleFiles(
            db, files_dir, interval=0.0, on_stored=lambda _id: None, refuse=engine.refuse_upload
        )

    # -- input ---------------------------------------------------------------------

    def to_incoming(self, line: str) -> Incoming | None:
        """Turn a typed line into what a messenger would deliver (None: nothing to send)."""
        text = repair_text(line).strip()
        incoming = partial(
            Incoming,
            platform=Platform.CONSOLE,
            chat_id=self.chat_id,
            user_id=self.chat_id,
            language=self.language,
            display_name=self.t(
                "console.manager_name" if self.as_manager else "console.customer_name"
            ),
            from_manager=self.as_manager,
            can_share_contact=True,  # /contact
        )
        pressed = text.removeprefix("#")
        if (text.startswith("#") or not self.expects_number) and pressed.isdigit():
            # "#3" always presses button 3; a bare 3 does too, unless the question asks
            # for a number (then it is the answer, typed as in a messenger).
            if 1 <= int(pressed) <= len(self.buttons):
                return incoming(payload=self.buttons[int(pressed) - 1].payload)
            if text.startswith("#"):
                self._print_message(self.t("console.no_such_button", number=pressed))
                return None
        for button in self.buttons:
            if text == button.label:
                return incoming(payload=button.payload)
        if text.startswith("/contact "):
            phone = text.removeprefix("/contact ").strip()
            return incoming(contact=Contact(phone=phone, user_id=self.chat_id))
        if text.startswith("/file "):
            path = Path(text.removeprefix("/file ").strip()).expanduser()
            if not path.is_file():
                self._print_message(self.t("console.no_such_file", path=str(path)))
                return None
            attachment = Attachment(file_id=str(path), name=path.name, size=path.stat().st_size)
            return incoming(attachments=(attachment,))
        return incoming(text=text)

    # -- output --------------------------------------------------------------------

    def show(self, replies: Sequence[Reply]) -> None:
        if replies:
            self.expects_number = replies[-1].expects_number
        for reply in replies:
            self._print_message(reply.text)
            if reply.document:
                self.output.write(f"  {self.t('console.document', path=reply.document)}\n")
            if reply.request_contact:
                self.output.write(f"  {self.t('console.share_phone')}\n")
            self._print_buttons(reply.buttons)
        self.output.flush()

    def _print_message(self, text: str) -> None:
        self.output.write("\n" + text + "\n")

    def _print_buttons(self, rows: Sequence[Sequence[Button]]) -> None:
        self.buttons = []
        for row in rows:
            cells = []
            for button in row:
                self.buttons.append(button)
                cells.append(f"[{len(self.buttons)}] {button.label}")
            self.output.write("  " + "   ".join(cells) + "\n")

    async def deliver_outbox(self) -> int:
        """Print and mark sent the outbox messages addressed to this console chat."""
        now = self.engine.clock()
        async with self.db.unit() as unit:
            due = [
                message
                for message in await outbox.due(unit, Platform.CONSOLE, now, limit=100)
                if message.chat_id == self.chat_id
            ]
            for message in due:
                title = (
                    self.t("console.outbox_manager", number=message.id)
                    if self.as_manager
                    else self.t("console.outbox_customer")
                )
                self.output.write(f"\n──── {title} ────\n{message.text}\n")
                if message.document:
                    self.output.write(f"  {self.t('console.document', path=message.document)}\n")
                if message.buttons:
                    self.expects_number = False  # the numbers now press these buttons
                    self._print_buttons(
                        [
                            [Button(label, payload) for label, payload in row]
                            for row in message.buttons
                        ]
                    )
                await outbox.mark_sent(unit, message.id, now)
        self.output.flush()
        return len(due)

    async def follow_language(self) -> None:
        """Print the console's own texts in the conversation's language: the account's
        (a resumed conversation, or one switched with /language), else ``--lang``."""
        async with self.db.unit() as unit:
            account = await accounts.find(unit, Platform.CONSOLE, self.chat_id)
        language = account.language if account is not None else self.language
        self.t = texts(language or default_language())

    async def store_files(self) -> None:
        """Copy the files this console sent into FILES_DIR (the console's "download"),
        checked by their content like a messenger's (:class:`ConsoleFiles`)."""
        await self.files.fetch_pending()

    # -- loop ------------------------------------------------------------------------

    async def run(self, lines: TextIO = sys.stdin) -> None:
        interactive = lines.isatty()
        lenient_input(lines)
        await self.follow_language()
        resumed = await self.engine.resume(
            Platform.CONSOLE, self.chat_id, self.chat_id, from_manager=self.as_manager
        )
        if not resumed:
            start = self.to_incoming("/start")
            assert start is not None
            resumed = await self.engine.handle(start)
            await self.follow_language()
        self.show(resumed)
        # Messages that arrived while the console was closed, last: their buttons are the
        # ones a number presses (as the newest message in a messenger).
        await self.deliver_outbox()
        poller = asyncio.create_task(self._poll_outbox()) if interactive else None
        try:
            while True:
                if interactive:
                    self.output.write("> ")
                    self.output.flush()
                line = await asyncio.to_thread(lines.readline)
                if not line:
                    break
                if not line.strip():
                    continue
                if not interactive:
                    self.output.write(f"\n> {repair_text(line).strip()}\n")
                incoming = self.to_incoming(line)
                if incoming is not None:
                    replies = await self.engine.handle(incoming)
                    await self.follow_language()
                    self.show(replies)
                    if incoming.attachments:
                        await self.store_files()
                await self.deliver_outbox()
        finally:
            if poller is not None:
                poller.cancel()
        await self.deliver_outbox()

    async def _poll_outbox(self) -> None:
        while True:
            await asyncio.sleep(OUTBOX_POLL_SECONDS)
            await self.deliver_outbox()


class ConsoleFiles(OwedDownloads):
    """The files sent with ``/file PATH``: "downloading" one copies it from PATH."""

    platform = Platform.CONSOLE
    file_label = "console file"

    async def _download(self, platform_file: str, target: Path) -> None:
        await asyncio.to_thread(_copy, Path(platform_file), target)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
