"""Button payloads: short, versioned, strictly parsed.

A payload is ``"1:<action>[:<arg>...]"``. Telegram allows 64 bytes of callback data and VK
255 bytes of payload, so every payload is kept under 64 bytes. A payload comes from the
client and may be forged: :func:`parse` accepts only the exact shape, and the flow that
receives it re-checks ownership and state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "1"
MAX_BYTES = 64
_ACTION = re.compile(r"^[a-z][a-z0-9_.]{0,31}$")
_ARG = re.compile(r"^[A-Za-z0-9_.+-]{0,40}$")


class PayloadError(ValueError):
    """A payload that does not parse: refused with a clear answer, nothing changes."""


@dataclass(frozen=True, slots=True)
class Payload:
    action: str
    args: tuple[str, ...] = ()

    def arg(self, index: int) -> str:
        try:
            return self.args[index]
        except IndexError:
            raise PayloadError(f"{self.action}: argument {index} missing") from None

    def int_arg(self, index: int) -> int:
        value = self.arg(index)
        if not value.isdigit() or len(value) > 12:
            raise PayloadError(f"{self.action}: argument {index} is not a number")
        return int(value)

    def optional_int(self, index: int) -> int | None:
        """Like :meth:`int_arg`, but None where the argument is missing or not a number:
        for a flow that answers such a button in its own words instead of "bad button"."""
        value = self.args[index] if index < len(self.args) else ""
        return int(value) if value.isdigit() and len(value) <= 12 else None


#: Actions :func:`encode` found well formed (the code's own: a few dozen).
_WELL_FORMED: set[str] = set()


def encode(action: str, *args: str | int) -> str:
    if action not in _WELL_FORMED:
        if not _ACTION.match(action):
            raise ValueError(f"bad action {action!r}")
        _WELL_FORMED.add(action)
    parts = [VERSION, action, *(str(arg) for arg in args)]
    for arg in parts[2:]:
        if not _ARG.match(arg):
            raise ValueError(f"bad payload argument {arg!r}")
    payload = ":".join(parts)
    if len(payload.encode()) > MAX_BYTES:
        raise ValueError(f"payload longer than {MAX_BYTES} bytes: {payload!r}")
    return payload


def parse(raw: str) -> Payload:
    if len(raw.encode()) > MAX_BYTES:
        raise PayloadError("payload too long")
    version, _, rest = raw.partition(":")
    if version != VERSION:
        raise PayloadError("unknown payload version")
    action, *args = rest.split(":")
    if not _ACTION.match(action) or not all(_ARG.match(arg) for arg in args):
        raise PayloadError("malformed payload")
    return Payload(action, tuple(args))
