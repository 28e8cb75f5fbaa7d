"""A scripted chat through the engine: send text, files and contacts, press buttons by label
or by catalogue key, read the replies and what the bot said, by catalogue key and values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment, Button, Contact, Incoming, Reply
from handlers.i18n import RenderedText, recording_texts
from storage.models import Platform


def is_text(text: RenderedText, key: str, values: dict[str, object]) -> bool:
    """Whether ``text`` is catalogue text ``key`` rendered with (at least) these values."""
    return text.key == key and all(text.values.get(name) == v for name, v in values.items())


def first_rendered(said: Iterable[RenderedText], key: str, /, **values: object) -> RenderedText:
    """The first of ``said`` (e.g. what ``recording_texts()`` recorded outside a chat) that
    is text ``key`` with (at least) these values; AssertionError listing the keys if none."""
    texts = list(said)
    for text in texts:
        if is_text(text, key, values):
            return text
    raise AssertionError(f"{key} {values} not rendered; rendered: {[t.key for t in texts]}")


@dataclass
class Clock:
    """A controllable clock: tests move time explicitly, never sleep."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Chat:
    engine: Engine
    user_id: str = "1001"
    platform: Platform = Platform.TELEGRAM
    language: str | None = "ru"
    manager: bool = False
    #: Whether the messenger can share a contact; None: as its adapter says (VK cannot).
    can_share_contact: bool | None = None
    replies: list[Reply] = field(default_factory=list)
    #: The texts rendered while answering the last message, by catalogue key and values.
    rendered: list[RenderedText] = field(default_factory=list)

    async def _handle(self, incoming: Incoming) -> list[Reply]:
        with recording_texts() as rendered:
            self.replies = await self.engine.handle(incoming)
        self.rendered = rendered
        return self.replies

    def _incoming(self, **fields: object) -> Incoming:
        return Incoming(
            platform=self.platform,
            chat_id=self.user_id,
            user_id=self.user_id,
            language=self.language,
            display_name=f"User {self.user_id}",
            from_manager=self.manager,
            can_share_contact=(
                self.platform is not Platform.VK
                if self.can_share_contact is None
                else self.can_share_contact
            ),
            **fields,  # type: ignore[arg-type]
        )

    async def send(self, text: str) -> list[Reply]:
        return await self._handle(self._incoming(text=text))

    async def payload(self, payload: str) -> list[Reply]:
        return await self._handle(self._incoming(payload=payload))

    async def contact(self, phone: str, owner: str | None = None) -> list[Reply]:
        contact = Contact(phone=phone, user_id=owner or self.user_id)
        return await self._handle(self._incoming(contact=contact))

    async def send_files(self, attachments: Iterable[Attachment], text: str = "") -> list[Reply]:
        """Send ``attachments`` in one message (with ``text`` as its caption); what the bot
        said is recorded, so :meth:`said` and :attr:`keys` describe the answer to them."""
        return await self._handle(self._incoming(text=text, attachments=tuple(attachments)))

    def button(self, label_part: str) -> Button:
        found = [b for r in self.replies for row in r.buttons for b in row if label_part in b.label]
        if len(found) != 1:
            labels = [b.label for r in self.replies for row in r.buttons for b in row]
            raise AssertionError(f"{len(found)} buttons match {label_part!r} among {labels}")
        return found[0]

    async def press(self, label_part: str) -> list[Reply]:
        return await self.payload(self.button(label_part).payload)

    def button_of(self, key: str, **values: object) -> Button:
        """The button whose label is the catalogue text ``key`` (with these values)
        rendered while answering the last message: found whatever the wording."""
        labels = {text.text for text in self.rendered if is_text(text, key, values)}
        found = [b for r in self.replies for row in r.buttons for b in row if b.label in labels]
        if len(found) != 1:
            raise AssertionError(f"{len(found)} buttons labelled {key!r} {values or ''}")
        return found[0]

    async def press_key(self, key: str, **values: object) -> list[Reply]:
        """Press the button labelled with catalogue text ``key`` (see :meth:`button_of`)."""
        return await self.payload(self.button_of(key, **values).payload)

    def said(self, key: str, **values: object) -> bool:
        """Whether answering the last message rendered ``key`` with (at least) these values.

        States what the bot said independent of wording: ``chat.said("renewal.quote_amount",
        months=12)`` survives a rephrased catalogue text, ``"на 12 месяцев" in chat.text``
        does not.
        """
        return any(is_text(text, key, values) for text in self.rendered)

    def said_in(self, language: str, key: str, /, **values: object) -> bool:
        """Whether answering the last message rendered ``key`` with (at least) these values,
        in ``language``."""
        return any(
            text.language == language and is_text(text, key, values) for text in self.rendered
        )

    def rendered_text(self, key: str, /, **values: object) -> RenderedText:
        """The first text ``key`` with (at least) these values rendered while answering the
        last message: its language, all its values and the text it became."""
        return first_rendered(self.rendered, key, **values)

    def rendered_once(self, key: str, /, **values: object) -> RenderedText:
        """The text ``key`` with (at least) these values, rendered exactly once while
        answering the last message (AssertionError otherwise): what a message queued to
        another chat is compared with, whatever the wording."""
        found = [text for text in self.rendered if is_text(text, key, values)]
        assert len(found) == 1, (key, values, self.keys)
        return found[0]

    def text_of(self, key: str, /, **values: object) -> str:
        """The one text ``key`` (with at least these values) became while answering the last
        message, whatever its wording: for a text whose value is another rendered text.
        AssertionError when it was not rendered or became several different texts."""
        found = {text.text for text in self.rendered if is_text(text, key, values)}
        assert len(found) == 1, f"{key} {values}: {sorted(found)} among {self.keys}"
        return found.pop()

    def values_of(self, key: str) -> list[dict[str, object]]:
        """The values of every rendering of ``key`` in the last answer, in order."""
        return [text.values for text in self.rendered if text.key == key]

    def mentions(self, fragment: str) -> bool:
        """Whether any value put into the last answer's texts contains ``fragment``."""
        return any(
            fragment in str(value) for text in self.rendered for value in text.values.values()
        )

    @property
    def keys(self) -> list[str]:
        """The catalogue keys rendered while answering the last message, in order."""
        return [text.key for text in self.rendered]

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    @property
    def labels(self) -> list[str]:
        return [b.label for r in self.replies for row in r.buttons for b in row]
