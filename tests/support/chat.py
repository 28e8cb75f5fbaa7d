"""A scripted chat through the engine: send text, press buttons by label, read replies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Button, Contact, Incoming, Reply
from handlers.i18n import RenderedText, recording_texts
from storage.models import Platform


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
        labels = {
            text.text
            for text in self.rendered
            if text.key == key and all(text.values.get(n) == v for n, v in values.items())
        }
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
        return any(
            text.key == key and all(text.values.get(name) == v for name, v in values.items())
            for text in self.rendered
        )

    @property
    def keys(self) -> list[str]:
        return [text.key for text in self.rendered]

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    @property
    def labels(self) -> list[str]:
        return [b.label for r in self.replies for row in r.buttons for b in row]
