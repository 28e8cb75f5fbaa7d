"""A scripted chat through the engine: send text, press buttons by label, read replies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from handlers.engine import Engine
from handlers.messages import Button, Contact, Incoming, Reply
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
    replies: list[Reply] = field(default_factory=list)

    def _incoming(self, **fields: object) -> Incoming:
        return Incoming(
            platform=self.platform,
            chat_id=self.user_id,
            user_id=self.user_id,
            language=self.language,
            display_name=f"User {self.user_id}",
            from_manager=self.manager,
            **fields,  # type: ignore[arg-type]
        )

    async def send(self, text: str) -> list[Reply]:
        self.replies = await self.engine.handle(self._incoming(text=text))
        return self.replies

    async def payload(self, payload: str) -> list[Reply]:
        self.replies = await self.engine.handle(self._incoming(payload=payload))
        return self.replies

    async def contact(self, phone: str, owner: str | None = None) -> list[Reply]:
        contact = Contact(phone=phone, user_id=owner or self.user_id)
        self.replies = await self.engine.handle(self._incoming(contact=contact))
        return self.replies

    def button(self, label_part: str) -> Button:
        found = [b for r in self.replies for row in r.buttons for b in row if label_part in b.label]
        if len(found) != 1:
            labels = [b.label for r in self.replies for row in r.buttons for b in row]
            raise AssertionError(f"{len(found)} buttons match {label_part!r} among {labels}")
        return found[0]

    async def press(self, label_part: str) -> list[Reply]:
        return await self.payload(self.button(label_part).payload)

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    @property
    def labels(self) -> list[str]:
        return [b.label for r in self.replies for row in r.buttons for b in row]
