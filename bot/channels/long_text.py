"""Texts longer than a messenger takes in one message, as several messages.

Each messenger states its own limit (Telegram and VK: 4,096), counted in UTF-16 code units
as both count (an emoji outside the BMP is two). A text is cut at the last line break that
leaves the part at least half full, else at the last such space, else hard at the limit.
Only what the cut falls on is dropped: the line break (with any blank lines around it, so
no part starts or ends empty-lined) or the one space. Everything else stays as written,
the indentation at the start of the next part included.
"""

from __future__ import annotations

#: Line breaks: a cut at one drops the run of them around it (``\r\n`` counts as one).
_BREAKS = "\r\n"


def utf16_units(text: str) -> int:
    """The length messengers count: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int) -> list[str]:
    """Parts of at most ``limit`` UTF-16 units, cut at a line break, else a space, else hard.

    ``"".join``-ing the parts with what each cut dropped gives the text back; a text within
    the limit is one part, itself.
    """
    parts: list[str] = []
    rest = text
    while utf16_units(rest) > limit:
        # The longest prefix within the limit (code points ≤ units, so start from there).
        end = min(len(rest), limit)
        while utf16_units(rest[:end]) > limit:
            end -= 1
        cut = rest.rfind("\n", 0, end + 1)
        if cut >= end // 2:
            part, rest = rest[:cut].rstrip(_BREAKS), rest[cut:].lstrip(_BREAKS)
        else:
            cut = rest.rfind(" ", 0, end + 1)
            if cut >= end // 2:
                part, rest = rest[:cut], rest[cut + 1 :]
            else:
                part, rest = rest[:end], rest[end:]
        if part:
            parts.append(part)
    if rest or not parts:
        parts.append(rest)
    return parts
