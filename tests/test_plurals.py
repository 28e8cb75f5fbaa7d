"""Counts read in the plural form of their language: ``1 день, 2 дня, 5 дней``,
``1 ден, 5 дни``, ``1 day, 2 days`` — never ``5 дн.`` or ``5 h``.

One representative text per counted noun, rendered for numbers that exercise every CLDR
category (ru: one/few/many, bg and en: one/other); the expected forms are written out
here by hand, not derived from CLDR, so a wrong rule or a wrong variant both fail. Then
the catalogues themselves: no number is followed by an abbreviated unit, and every plural
selector has the categories of its language.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from handlers.desk.cards import render_lines
from handlers.i18n import CATALOGUE_DIR, LANGUAGES, Texts, catalogue_files, parsed

#: The CLDR category of each tested number in Russian (one: 1, 21, 101…; few: 2–4, 22…;
#: many: 0, 5–20, 25, 111…). Bulgarian and English have one (exactly 1) and other.
RUSSIAN = {
    0: "many",
    1: "one",
    2: "few",
    5: "many",
    11: "many",
    21: "one",
    22: "few",
    25: "many",
    101: "one",
    111: "many",
}
NUMBERS = list(RUSSIAN)


class Noun:
    """A counted noun: the text that shows it, the counting argument, and its forms."""

    def __init__(
        self,
        key: str,
        argument: str,
        ru: tuple[str, str, str],
        bg: tuple[str, str],
        en: tuple[str, str],
        **values: Any,
    ) -> None:
        self.key, self.argument, self.values = key, argument, values
        self.forms = {
            "ru": dict(zip(("one", "few", "many"), ru, strict=True)),
            "bg": dict(zip(("one", "other"), bg, strict=True)),
            "en": dict(zip(("one", "other"), en, strict=True)),
        }

    def render(self, language: str, count: int) -> str:
        return _texts(language)(self.key, **{**self.values, self.argument: count})

    def form(self, language: str, count: int) -> str:
        category = RUSSIAN[count] if language == "ru" else ("one" if count == 1 else "other")
        return self.forms[language][category]

    def __repr__(self) -> str:
        return f"{self.key}:{self.argument}"


@cache
def _texts(language: str) -> Texts:
    return Texts(language, "RUB")


_IMPORTED = {"customers": 0, "products": 0, "licenses": 0, "keys": 0}
_BILL = {"time": "1 300 ₽", "fee": "0 ₽", "total": "1 300 ₽"}

# fmt: off
NOUNS = [
    Noun("key_loss.later_text", "days", ("день", "дня", "дней"), ("ден", "дни"),
         ("day", "days"), number=7),
    Noun("booking.duration_button", "hours", ("час", "часа", "часов"), ("час", "часа"),
         ("hour", "hours")),
    # "меньше N часов": after "less than" Russian counts in the genitive.
    Noun("booking.not_changeable", "hours", ("часа", "часов", "часов"), ("час", "часа"),
         ("hour", "hours")),
    Noun("desk_commands.duration_minutes", "minutes", ("минута", "минуты", "минут"),
         ("минута", "минути"), ("minute", "minutes")),
    Noun("history.session_billed", "minutes", ("минута", "минуты", "минут"),
         ("минута", "минути"), ("minute", "minutes"), **_BILL, billed=0),
    Noun("history.session_billed", "billed", ("минута", "минуты", "минут"),
         ("минута", "минути"), ("minute", "minutes"), **_BILL, minutes=0),
    Noun("renewal.quote_amount", "months", ("месяц", "месяца", "месяцев"),
         ("месец", "месеца"), ("month", "months"), amount="1 998 ₽"),
    Noun("privacy.forgotten", "requests", ("заявка", "заявки", "заявок"),
         ("заявка", "заявки"), ("request", "requests"), files=0),
    Noun("privacy.forgotten", "files", ("файл", "файла", "файлов"), ("файл", "файла"),
         ("file", "files"), requests=0),
    Noun("desk_commands.import_created", "licenses", ("лицензия", "лицензии", "лицензий"),
         ("лиценз", "лиценза"), ("license", "licenses"), **_IMPORTED),
    Noun("desk_commands.import_created", "keys", ("ключ", "ключа", "ключей"),
         ("ключ", "ключа"), ("key", "keys"), **_IMPORTED),
    Noun("desk_commands.import_created", "customers", ("клиент", "клиента", "клиентов"),
         ("клиент", "клиенти"), ("customer", "customers"), **_IMPORTED),
    Noun("desk_commands.import_created", "products", ("продукт", "продукта", "продуктов"),
         ("продукт", "продукта"), ("product", "products"), **_IMPORTED),
    Noun("desk_commands.import_report", "rows", ("строка", "строки", "строк"),
         ("ред", "реда"), ("row", "rows"), name="clients.csv", imported=0),
    Noun("transfer.license_button", "workplaces",
         ("рабочее место", "рабочих места", "рабочих мест"),
         ("работно място", "работни места"), ("workplace", "workplaces"),
         mark="▫️", number="L-1001", product="Базис"),
    # "после N попыток": after "after" Russian counts in the genitive.
    Noun("telegram.set_aside", "tries", ("попытки", "попыток", "попыток"), ("опит", "опита"),
         ("time", "times"), update="u-1", chat="c-1", error="timeout"),
    Noun("booking.problem_too_long", "length", ("знак", "знака", "знаков"), ("знак", "знака"),
         ("character", "characters"), max=1000),
    # "не больше N символов": the genitive again.
    Noun("callback.too_long", "limit", ("символа", "символов", "символов"), ("знак", "знака"),
         ("character", "characters")),
]
# fmt: on


def reads(text: str, count: int, form: str) -> bool:
    """``count`` followed by exactly ``form`` (``2 часа``, not ``2 час`` inside it)."""
    return re.search(rf"(?<![\d.,]){count} {re.escape(form)}(?!\w)", text) is not None


@pytest.mark.parametrize("count", NUMBERS)
@pytest.mark.parametrize("noun", NOUNS, ids=repr)
@pytest.mark.parametrize("language", ["ru", "bg"])
def test_a_count_takes_the_plural_form_of_its_number(noun: Noun, language: str, count: int) -> None:
    text = noun.render(language, count)
    assert reads(text, count, noun.form(language, count)), text


@pytest.mark.parametrize(("count", "category"), [(1, "one"), (2, "other")])
@pytest.mark.parametrize("noun", NOUNS, ids=repr)
def test_english_counts_one_and_more(noun: Noun, count: int, category: str) -> None:
    text = noun.render("en", count)
    assert reads(text, count, noun.forms["en"][category]), text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "1 день 2 часа 5 минут"),
        ("bg", "1 ден 2 часа 5 минути"),
        ("en", "1 day 2 hours 5 minutes"),
    ],
)
def test_a_duration_spells_each_of_its_units(language: str, expected: str) -> None:
    t = Texts(language, "RUB")
    assert t("desk_commands.duration_days", days=1, hours=2, minutes=5) == expected


def test_a_card_re_rendered_later_keeps_its_counts_numbers() -> None:
    """Card lines are stored and rendered again in each manager's language: a count must
    reach the text as a number, or every form would be the default one (``2 часов``)."""
    start = {"moment": datetime(2026, 11, 24, 7, 0, tzinfo=UTC).isoformat()}
    lines = [("booking.card_start", {"start": start, "hours": 2})]
    assert render_lines(Texts("ru", "RUB"), lines, UTC) == ["Начало: 24.11.2026 07:00, 2 часа"]
    assert render_lines(Texts("en", "RUB"), lines, UTC) == ["Start: 24 Nov 2026 07:00, 2 hours"]
    lines = [("session_bill.card_bill", {"minutes": 21, "billed": 60, "fee": "0", "total": "1"})]
    assert (
        "Проведено: 21 минута, к оплате 60 минут;"
        in render_lines(Texts("ru", "RUB"), lines, UTC)[0]
    )


# -- the catalogues themselves ----------------------------------------------------------------

#: A number argument followed by a unit abbreviation that stands for a plural noun
#: (``{ $days } дн.``, ``{ $hours } ч``, ``{ $minutes } min``, ``{ $months } мес.``).
ABBREVIATED = re.compile(r"\$\w+ \}? ?(дн|д|ч|мин|мес|шт|h|d|hrs?|mins?|mo)\b\.?")


def _messages(language: str) -> list[tuple[Path, ast.Message, str]]:
    """(file, message, source text) of every message of a language."""
    found = []
    for path in catalogue_files(CATALOGUE_DIR, language):
        source = path.read_text(encoding="utf-8")
        for entry in parsed(path).body:
            if isinstance(entry, ast.Message) and entry.span is not None:
                found.append((path, entry, source[entry.span.start : entry.span.end]))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_count_is_followed_by_an_abbreviated_unit(language: str) -> None:
    abbreviated = [
        f"{path.name}:{message.id.name}: {match.group(0)!r}"
        for path, message, source in _messages(language)
        for match in ABBREVIATED.finditer(source)
    ]
    assert abbreviated == []


class _Selectors(Visitor):
    def __init__(self) -> None:
        self.found: list[tuple[str, set[str], str]] = []

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        if isinstance(node.selector, ast.VariableReference):
            keys = {
                variant.key.name
                for variant in node.variants
                if isinstance(variant.key, ast.Identifier)
            }
            default = next(variant for variant in node.variants if variant.default)
            name = default.key.name if isinstance(default.key, ast.Identifier) else "?"
            self.found.append((node.selector.id.name, keys, name))
        self.generic_visit(node)


#: The plural categories a selector on a count must offer (integers; ru ``other`` is only
#: for fractions, so it may be added but is never the default), and the default one.
CATEGORIES = {
    "ru": ({"one", "few", "many"}, {"one", "few", "many", "other"}, "many"),
    "bg": ({"one", "other"}, {"one", "other"}, "other"),
    "en": ({"one", "other"}, {"one", "other"}, "other"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_selector_has_the_categories_of_its_language(language: str) -> None:
    required, allowed, default = CATEGORIES[language]
    wrong = []
    selectors = 0
    for path, message, _ in _messages(language):
        visitor = _Selectors()
        visitor.visit(message)
        for argument, keys, chosen in visitor.found:
            if "one" not in keys:
                continue  # not a plural selector
            selectors += 1
            if not required <= keys <= allowed or chosen != default:
                wrong.append(f"{path.name}:{message.id.name}:{argument} {sorted(keys)} *{chosen}")
    assert wrong == []
    assert selectors >= len({(noun.key, noun.argument) for noun in NOUNS})
