"""Reading what people type: dates in the forms customers use, free-text answers of a
sensible length, and key serials or license numbers typed in any case."""

from __future__ import annotations

import re
from datetime import date

from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from storage import keys, licenses
from storage.db import Unit
from storage.models import Key, License

_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str) -> date | None:
    """'05.12.2026', '5.12.2026', '05/12/2026' or '2026-12-05' → date; anything else → None."""
    value = text.strip()
    if match := _ISO.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.match(value):
        day, month, year = (int(part) for part in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def free_text(msg: Incoming, payload: Payload | None, length: tuple[int, int]) -> str | None:
    """A typed answer of a sensible length, white space folded (a button, a file or an
    empty message is not one)."""
    if payload is not None or msg.attachments:
        return None
    text = " ".join(msg.text.split())
    low, high = length
    return text if low <= len(text) <= high else None


async def key_by_serial(unit: Unit, serial: str) -> Key | None:
    """The key with this serial as typed, or in capitals (serials are printed in capitals)."""
    key = await keys.by_serial(unit, serial)
    if key is None and serial.upper() != serial:
        key = await keys.by_serial(unit, serial.upper())
    return key


async def license_by_number(unit: Unit, number: str) -> License | None:
    """The license with this number as typed, or in capitals."""
    found = await licenses.by_number(unit, number)
    if found is None and number.upper() != number:
        found = await licenses.by_number(unit, number.upper())
    return found
