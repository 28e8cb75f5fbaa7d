"""Neutral message types: what every messenger adapter turns its updates into and back."""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.models import Platform


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    payload: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file the person sent. ``file_id`` is the messenger's handle, or a local path."""

    file_id: str
    name: str
    size: int
    mime: str = ""


@dataclass(frozen=True, slots=True)
class Contact:
    """A shared contact; ``user_id`` is whose contact it is (Telegram tells, VK cannot)."""

    phone: str
    user_id: str | None


@dataclass(frozen=True, slots=True)
class Incoming:
    platform: Platform
    chat_id: str
    user_id: str
    text: str = ""
    payload: str | None = None
    contact: Contact | None = None
    attachments: tuple[Attachment, ...] = ()
    language: str | None = None
    display_name: str = ""
    from_manager: bool = False
    #: The messenger can share the person's phone at a button press (Telegram's contact
    #: button in a private chat, the console's ``/contact``); VK cannot, so its people are
    #: asked to type it or to link another way.
    can_share_contact: bool = True

    @property
    def command(self) -> tuple[str, str] | None:
        """``('/start', 'TOKEN')`` for a command message, else None."""
        text = self.text.strip()
        if not text.startswith("/") or self.payload is not None:
            return None
        name, _, argument = text.partition(" ")
        return name.split("@", 1)[0].lower(), argument.strip()


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    buttons: Keyboard = ()
    request_contact: bool = False
    document: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    #: The question asks for a number typed as text (a count): a channel that presses
    #: buttons by typed numbers (the console) must take a typed number as the answer.
    expects_number: bool = False


def keyboard(*rows: list[Button] | tuple[Button, ...] | Button) -> Keyboard:
    """Rows of buttons; a bare Button is a row of its own."""
    return tuple((row,) if isinstance(row, Button) else tuple(row) for row in rows)
