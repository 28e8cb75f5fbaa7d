"""Translation catalogues (ru default, en, bg) and locale-aware formatting of money and dates.

Catalogues are TOML files in one folder per language (``ru/renewal.toml``…), one file per
conversation so each flow's texts sit together: sections of ``key = "text"`` with
``{placeholders}`` for :meth:`str.format`. A key missing in a language falls back to
Russian; a test keeps the three catalogues' keys identical.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("ru", "en", "bg")
DEFAULT_LANGUAGE = "ru"
_DIR = Path(__file__).parent


def _flatten(prefix: str, tree: dict[str, Any], into: dict[str, str]) -> None:
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(f"{name}.", value, into)
        else:
            into[name] = str(value)


@cache
def catalogue(language: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((_DIR / language).glob("*.toml")):
        tree = tomllib.loads(path.read_text(encoding="utf-8"))
        duplicated = set(tree) & {key.split(".")[0] for key in texts}
        if duplicated:
            raise ValueError(f"{path}: sections {sorted(duplicated)} defined twice")
        _flatten("", tree, texts)
    return texts


def pick_language(hint: str | None) -> str:
    """The catalogue for a messenger's language code ('en-US' → 'en'); ru otherwise."""
    code = (hint or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


class Texts:
    """The texts of one language, with money and date formatting."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self._texts = catalogue(self.language)
        self._fallback = catalogue(DEFAULT_LANGUAGE)

    def __call__(self, key: str, **values: Any) -> str:
        template = self._texts.get(key) or self._fallback.get(key)
        if template is None:
            raise KeyError(f"no text {key!r}")
        return template.format(**values) if values else template

    def money(self, amount: Decimal) -> str:
        """'1 998 ₽' (ru, bg) or '1,998 RUB' (en); kopecks only when there are any."""
        whole = amount == amount.to_integral_value()
        number = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
        if self.language == "en":
            return f"{number} RUB"
        return number.replace(",", "\u00a0").replace(".", ",") + "\u00a0₽"

    def date(self, value: date) -> str:
        if self.language == "en":
            return value.strftime("%d %b %Y")
        return value.strftime("%d.%m.%Y")

    def has(self, key: str) -> bool:
        return key in self._texts or key in self._fallback


@cache
def texts(language: str) -> Texts:
    return Texts(language)
