"""Phone numbers in one form, E.164 (``+79990001122``), so a phone typed or shared in any
of the usual Russian ways finds the same customer.

No external package: the rules below cover what customers and accounting exports write.

* spaces (also non-breaking), dashes, dots and parentheses are ignored;
* ``+<digits>`` (or ``00<digits>``) is kept as is when it has 8 to 15 digits (E.164's
  limit), except that ``+7`` numbers must have the 10-digit national number Russia uses;
* without a country prefix, for the default country RU (and KZ, which shares +7):
  ``8XXXXXXXXXX`` and ``7XXXXXXXXXX`` (11 digits) and ``XXXXXXXXXX`` (10 digits) → ``+7…``;
* anything else (letters, extensions, other lengths, other default countries without a
  ``+``) is not a phone: ``None``.
"""

from __future__ import annotations

import re

_IGNORED = re.compile(r"[\s\-.()\u00a0\u2007\u202f\u2010-\u2015]")
_DIGITS = re.compile(r"[0-9]+")
_TRUNK_PREFIX_COUNTRIES = {"RU": "7", "KZ": "7"}
"""Countries whose national numbers we can complete: country code, 10-digit numbers."""


def normalize_phone(text: str, default_country: str = "RU") -> str | None:
    """``text`` as E.164 (``+79990001122``), or None when it is not a phone number."""
    compact = _IGNORED.sub("", text or "")
    if compact.startswith("+"):
        digits = compact[1:]
    elif compact.startswith("00"):
        digits = compact[2:]
    else:
        return _national(compact, default_country.upper())
    if not _DIGITS.fullmatch(digits) or not 8 <= len(digits) <= 15:
        return None
    if digits.startswith("7") and len(digits) != 11:
        return None
    return "+" + digits


def _national(digits: str, country: str) -> str | None:
    code = _TRUNK_PREFIX_COUNTRIES.get(country)
    if code is None or not _DIGITS.fullmatch(digits):
        return None
    if len(digits) == 11 and digits[0] in "78":
        return f"+{code}{digits[1:]}"
    if len(digits) == 10:
        return f"+{code}{digits}"
    return None
