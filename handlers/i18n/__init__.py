"""Translation catalogues (ru default, en, bg) in Project Fluent, with CLDR formatting.

Catalogues are Fluent files in one folder per language (``ru/renewal.ftl``…), one file per
conversation so each flow's texts sit together. Code names a text ``section.key``; in the
file it is the message ``section-key``, with named arguments (``{ $days }``) and selectors
for plural forms (``{ $days -> [one] день [few] дня *[many] дней }``), whose categories
come from CLDR for the language (ru: one/few/many/other, bg and en: one/other).

Money, numbers, percentages, dates, times, weekday, time-zone and language names are
formatted by Babel from CLDR for the person's language (:class:`Texts`): ``1 998 ₽``,
``25%``, ``5 Dec 2026``, ``понеделник``, ``Московско време``; call sites never write them by
hand (``%H:%M``, ``tzname()``). Where a sentence needs a form CLDR does not give (the
Russian accusative "в среду"), the message selects on a number argument (the ISO weekday)
inside one message.

The vendor's currency and an optional folder of catalogue files that take precedence over
the package's own (a vendor rewording a greeting without editing the package) come from
the policy: :func:`use_policy_texts` makes them the process's texts, and loading a policy
calls it (``handlers.policy.load_policy``), since one process serves one vendor.

Integers are shown without digit grouping (``№1234``, not ``№1 234``): most are request
numbers and years; amounts go through :meth:`Texts.money`, which groups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from decimal import Decimal, DecimalTuple
from functools import cache
from pathlib import Path
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_time, get_day_names, get_timezone_name
from babel.numbers import get_currency_symbol
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser, ast

LANGUAGES = ("ru", "en", "bg")
DEFAULT_LANGUAGE = "ru"
CATALOGUE_DIR = Path(__file__).parent

#: How long a weekday name is (CLDR widths): ``понедельник``, ``пн``, ``П``.
DayWidth = Literal["abbreviated", "narrow", "short", "wide"]


@dataclass(frozen=True)
class LanguageFormats:
    """How a language writes dates: the CLDR locale, and one of its date lengths or a
    pattern in CLDR's syntax.

    English uses the British locale's medium date (``5 Dec 2026``): day first and the month
    spelled, so a reader anywhere cannot take 05/12 for May 12. Bulgarian uses CLDR's
    medium date without its trailing ``г.`` (``5.12.2026``), which texts ending a sentence
    with a date would double into ``г..``.
    """

    locale: str
    date_format: str = "short"


FORMATS = {
    "ru": LanguageFormats("ru"),
    "en": LanguageFormats("en_GB", "medium"),
    "bg": LanguageFormats("bg", "d.MM.y"),
}


class CatalogueError(ValueError):
    """A catalogue file that does not parse, or an override of a text that does not exist."""


#: Sections renamed with their flow (a flow, its texts and its buttons share one name): card
#: lines and history notes stored before the rename name their texts the old way.
FORMER_SECTIONS = {"keyloss": "key_loss", "transferdesk": "transfer_desk"}


def message_id(key: str) -> str:
    """The Fluent message of a code key: ``renewal.quote_amount`` → ``renewal-quote_amount``
    (``keyloss.card_key`` → ``key_loss-card_key``, :data:`FORMER_SECTIONS`)."""
    section, dot, rest = key.partition(".")
    if not dot:
        return key
    return f"{FORMER_SECTIONS.get(section, section)}-{rest}"


def text_key(identifier: str) -> str:
    return identifier.replace("-", ".", 1)


def catalogue_files(folder: Path, language: str) -> list[Path]:
    return sorted((folder / language).glob("*.ftl"))


@cache
def parsed(path: Path) -> ast.Resource:
    """A catalogue file's syntax tree; a line Fluent cannot read raises, naming it."""
    source = path.read_text(encoding="utf-8")
    resource = FluentParser().parse(source)
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            where = entry.annotations[0] if entry.annotations else entry
            line = source.count("\n", 0, where.span.start if where.span else 0) + 1
            reason = entry.annotations[0].message if entry.annotations else "not Fluent syntax"
            raise CatalogueError(f"{path}:{line}: {reason}")
    return resource


def message_ids(paths: Iterable[Path]) -> list[str]:
    return [
        entry.id.name
        for path in paths
        for entry in parsed(path).body
        if isinstance(entry, ast.Message)
    ]


@cache
def _package_ids() -> frozenset[str]:
    return frozenset(message_ids(catalogue_files(CATALOGUE_DIR, DEFAULT_LANGUAGE)))


def _bundle(
    language: str, overrides: Path | None, terms: tuple[tuple[str, str], ...] = ()
) -> FluentBundle:
    formats = FORMATS[language]
    bundle = FluentBundle([formats.locale.replace("_", "-")], use_isolating=False)
    seen: dict[str, Path] = {}
    for path in catalogue_files(CATALOGUE_DIR, language):
        for identifier in message_ids([path]):
            if identifier in seen:
                raise CatalogueError(f"{path}: {identifier} is also in {seen[identifier]}")
            seen[identifier] = path
        parsed(path)
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    if overrides is not None:
        for path in catalogue_files(overrides, language):
            unknown = sorted(set(message_ids([path])) - _package_ids())
            if unknown:
                raise CatalogueError(
                    f"{path}: no such text to override: {', '.join(map(text_key, unknown))}"
                )
            bundle.add_resource(
                FluentResource(path.read_text(encoding="utf-8")), allow_overrides=True
            )
    if terms:
        bundle.add_resource(FluentResource(_terms_source(terms)), allow_overrides=True)
    return bundle


def _terms_source(terms: tuple[tuple[str, str], ...]) -> str:
    """Fluent terms holding the vendor's own words (``-support-email = { "a@b.ru" }``):
    each is a string literal, so no character of an address is read as syntax."""
    lines = []
    for name, value in terms:
        literal = value.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'-{name} = {{ "{literal}" }}')
    return "\n".join(lines) + "\n"


def pick_language(hint: str | None) -> str:
    """The catalogue for a messenger's language code ('en-US' → 'en'); otherwise the
    vendor's language (:func:`default_language`)."""
    code = (hint or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else default_language()


@dataclass(frozen=True)
class RenderedText:
    """One text rendered while :func:`recording_texts` was on: its key, values and the
    text it became (a test finds a button by the key of its label)."""

    language: str
    key: str
    values: dict[str, Any]
    text: str = ""


_recording: ContextVar[list[RenderedText] | None] = ContextVar("recording_texts", default=None)


@contextmanager
def recording_texts() -> Iterator[list[RenderedText]]:
    """Collect every text rendered inside the block (and the tasks it starts).

    For tests that state what the bot said by catalogue key and values, so a wording fix
    in a catalogue does not break them.
    """
    rendered: list[RenderedText] = []
    token = _recording.set(rendered)
    try:
        yield rendered
    finally:
        _recording.reset(token)


def _fluent_value(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return fluent_number(value, useGrouping=False)
    return value


#: How many formatted texts with values (and dates) a :class:`Texts` remembers.
_REMEMBERED = 4096


class Texts:
    """The texts of one language, and its way of writing money, dates and times."""

    def __init__(
        self,
        language: str,
        currency: str,
        overrides: Path | None = None,
        terms: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self.currency = currency
        self.locale = Locale.parse(FORMATS[self.language].locale)
        self._date_format = FORMATS[self.language].date_format
        self._bundle = _bundle(self.language, overrides, terms)
        self._fallback = (
            self._bundle
            if self.language == DEFAULT_LANGUAGE
            else _bundle(DEFAULT_LANGUAGE, overrides, terms)
        )
        #: The texts without values, as formatted (:meth:`__call__`).
        self._constant: dict[str, str] = {}
        #: Texts with values, dates, amounts and rates, as formatted lately
        #: (:meth:`_with_values`, :meth:`date`, :meth:`money`, :meth:`percent`): at most
        #: :data:`_REMEMBERED` of each, then all forgotten at once.
        self._valued: dict[tuple[str, tuple[tuple[str, Any], ...]], str] = {}
        self._dates: dict[date, str] = {}
        self._amounts: dict[DecimalTuple, str] = {}
        self._rates: dict[DecimalTuple, str] = {}

    def __call__(self, key: str, **values: Any) -> str:
        if values:
            text = self._with_values(key, values)
        else:
            # A text without values always reads the same (its bundle never changes):
            # formatted once (button labels, titles: most of what a step renders).
            cached = self._constant.get(key)
            text = cached if cached is not None else self._constant_text(key)
        recording = _recording.get()
        if recording is not None:
            recording.append(RenderedText(self.language, key, values, text))
        return text

    def _constant_text(self, key: str) -> str:
        text = self._constant[key] = self._format(key, {})
        return text

    def _with_values(self, key: str, values: dict[str, Any]) -> str:
        """Formatted, or as formatted before with the same values when they are all texts
        and whole numbers (equal values of other types may read differently: ``True`` and
        ``1``, ``Decimal("1.0")`` and ``Decimal("1")``)."""
        if not all(type(value) is str or type(value) is int for value in values.values()):
            return self._format(key, values)
        cache_key = (key, tuple(values.items()))
        text = self._valued.get(cache_key)
        if text is None:
            if len(self._valued) >= _REMEMBERED:
                self._valued.clear()
            text = self._valued[cache_key] = self._format(key, values)
        return text

    def _format(self, key: str, values: dict[str, Any]) -> str:
        identifier = message_id(key)
        bundle = self._bundle if self._bundle.has_message(identifier) else self._fallback
        if not bundle.has_message(identifier):
            raise KeyError(f"no text {key!r}")
        message = bundle.get_message(identifier)
        if message.value is None:
            raise KeyError(f"text {key!r} has no value")
        args = {name: _fluent_value(value) for name, value in values.items()}
        text, errors = bundle.format_pattern(message.value, args)
        if errors:
            raise KeyError(f"text {key!r}: {'; '.join(map(str, errors))}")
        return str(text)

    def has(self, key: str) -> bool:
        identifier = message_id(key)
        return self._bundle.has_message(identifier) or self._fallback.has_message(identifier)

    def money(self, amount: Decimal) -> str:
        """The amount in the vendor's currency as CLDR writes it for the language:
        ``1 998 ₽``, ``7 990,50 ₽``, ``RUB 1,998``; kopecks (cents) only when there are any.
        """
        exact = amount.as_tuple()  # Decimal("-0") equals 0 but is written "-0"
        text = self._amounts.get(exact)
        if text is None:
            if len(self._amounts) >= _REMEMBERED:
                self._amounts.clear()
            text = self._amounts[exact] = self._money(amount)
        return text

    def _money(self, amount: Decimal) -> str:
        standard = self.locale.currency_formats["standard"]
        digits = 0 if amount == amount.to_integral_value() else 2
        pattern = copy(standard)
        pattern.frac_prec = (digits, digits)
        text = pattern.apply(amount, self.locale, currency=self.currency, currency_digits=False)
        return _space_after_letters(text, get_currency_symbol(self.currency, self.locale))

    def number(self, value: int | Decimal) -> str:
        """A quantity with the language's digit grouping and decimal sign (``12 500``)."""
        return str(fluent_number(value).format(self.locale))

    def date(self, value: date) -> str:
        """``05.12.2026`` (ru), ``5 Dec 2026`` (en), ``5.12.2026`` (bg)."""
        if type(value) is not date:  # a datetime: its date, not remembered
            return str(format_date(value, self._date_format, locale=self.locale))
        text = self._dates.get(value)
        if text is None:
            if len(self._dates) >= _REMEMBERED:
                self._dates.clear()
            text = self._dates[value] = str(
                format_date(value, self._date_format, locale=self.locale)
            )
        return text

    def month(self, value: dt.date) -> str:
        """The month of ``value`` with its year, as a calendar heads it: ``декабрь 2026``,
        ``December 2026``, ``декември 2026`` (CLDR's stand-alone month name)."""
        return str(format_date(value, "LLLL y", locale=self.locale))

    def time(self, value: time | datetime) -> str:
        """``14:30`` in the language's clock (24-hour in all three)."""
        return str(format_time(value, "short", locale=self.locale))

    def moment(self, value: datetime) -> str:
        """A date with its time, ``value`` already in the zone the reader is told."""
        return f"{self.date(value.date())} {self.time(value)}"

    def weekday(self, value: dt.date | int, width: DayWidth = "wide") -> str:
        """The weekday's CLDR name: ``понедельник``/``Monday`` (wide), ``пн``/``Mon``
        (abbreviated); ``value`` is a date or an ISO weekday number (1 = Monday)."""
        number = value if isinstance(value, int) else value.isoweekday()
        return str(get_day_names(width, "format", self.locale)[number - 1])

    def zone(self, value: datetime | tzinfo) -> str:
        """The time zone's CLDR name in the language, for a moment in it or the zone
        itself: ``Москва``, ``Moscow Time``, ``Московско време`` (never ``MSK`` or
        ``Europe/Moscow``); a zone CLDR does not name reads as its offset (``GMT+03:00``)."""
        moment = value if isinstance(value, datetime) else datetime.now(value)
        return str(get_timezone_name(moment, "long", locale=self.locale, zone_variant="generic"))

    def percent(self, rate: Decimal) -> str:
        """A rate (``0.25``) as the language writes a percentage: ``25 %`` (ru), ``25%``
        (en, bg), ``45,5 %``; decimals only when the rate has them."""
        exact = rate.as_tuple()
        text = self._rates.get(exact)
        if text is None:
            if len(self._rates) >= _REMEMBERED:
                self._rates.clear()
            text = self._rates[exact] = self._percent(rate)
        return text

    def _percent(self, rate: Decimal) -> str:
        hundredths = (rate * 100).normalize()
        digits = max(0, -int(hundredths.as_tuple().exponent))
        pattern = copy(self.locale.percent_formats[None])
        pattern.frac_prec = (digits, digits)
        return str(pattern.apply(rate, self.locale))

    def language_name(self, code: str) -> str:
        """A language's CLDR name as it is written inside a sentence of this language:
        ``русский``, ``English``, ``български``."""
        return str(self.locale.languages.get(code, code))


def _space_after_letters(text: str, symbol: str) -> str:
    """CLDR's currency spacing, which Babel leaves out: a symbol made of letters (``RUB``)
    is parted from the digits by a no-break space (``RUB 1,998``, not ``RUB1,998``)."""
    if not symbol or (not symbol[-1].isalpha() and not symbol[0].isalpha()):
        return text
    if text.startswith(symbol) and text[len(symbol) : len(symbol) + 1].isdigit():
        return f"{symbol}\u00a0{text[len(symbol) :]}"
    if text.endswith(symbol) and text[: -len(symbol)][-1:].isdigit():
        return f"{text[: -len(symbol)]}\u00a0{symbol}"
    return text


@dataclass(frozen=True)
class TextSettings:
    """What the vendor's policy decides about texts."""

    currency: str = "RUB"
    overrides: Path | None = None
    #: A new conversation's language when the messenger names none of ours.
    language: str = DEFAULT_LANGUAGE
    #: The vendor's own words the catalogues use as Fluent terms: ``-support-email``,
    #: ``-support-phone``, ``-remote-tool``, ``-voice-tool``, ``-vendor``. One left out
    #: keeps the catalogue's generic wording ("the support e-mail").
    terms: tuple[tuple[str, str], ...] = ()


_active = TextSettings()


def use_policy_texts(
    currency: str,
    overrides: Path | None,
    *,
    language: str = DEFAULT_LANGUAGE,
    terms: Mapping[str, str] | None = None,
) -> None:
    """Make the vendor's currency, override folder, language and contacts those of every
    later :func:`texts`.

    Checks the override folder at once (syntax, unknown texts), so a bad file stops the
    start with a message naming it rather than a customer's conversation later.
    """
    global _active
    settings = TextSettings(currency, overrides, language, tuple(sorted((terms or {}).items())))
    for code in LANGUAGES:
        _texts(code, settings)
    _active = settings


def default_language() -> str:
    """The vendor's language (the policy's ``language``): that of a new conversation."""
    return _active.language


@cache
def _texts(language: str, settings: TextSettings) -> Texts:
    return Texts(language, settings.currency, settings.overrides, settings.terms)


def texts(language: str) -> Texts:
    """The texts of ``language`` (the vendor's when it has no catalogue) under the active
    policy."""
    return _texts(language if language in LANGUAGES else _active.language, _active)
