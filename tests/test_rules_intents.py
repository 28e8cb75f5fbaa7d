"""Typed questions find their flow (handlers/rules/intents.py) with the catalogue's
phrases: inflected forms and small typos in ru, en and bg; other talk finds nothing."""

from __future__ import annotations

import pytest

from handlers.i18n import texts
from handlers.rules.intents import IntentMatcher

FLOWS = ("key_loss", "protection", "renewal", "transfer", "booking", "callback", "support_faq")


def matcher(language: str) -> IntentMatcher:
    t = texts(language)
    return IntentMatcher.build(language, {f: t(f"intents.{f}").splitlines() for f in FLOWS})


@pytest.mark.parametrize(
    ("language", "text", "intent"),
    [
        ("ru", "потеряли ключ", "key_loss"),
        ("ru", "Мы потеряли ключ защиты", "key_loss"),
        ("ru", "ключ потерялся", "key_loss"),
        ("ru", "Ключ сломался!", "key_loss"),
        ("ru", "у нас украли ключ", "key_loss"),
        ("ru", "потеряли ключь", "key_loss"),  # a typo
        ("ru", "Сколько стоит дополнительная защита?", "protection"),
        ("ru", "хотим отказаться от защиты", "protection"),
        ("ru", "Мы потеряли ключ с дополнительной защитой", None),  # a tie: both named
        ("en", "how much is the additional protection", "protection"),
        ("bg", "колко струва допълнителната защита", "protection"),
        ("ru", "сколько стоит продление", "renewal"),
        ("ru", "Хотим продлить поддержку", "renewal"),
        ("ru", "продлить подержку", "renewal"),  # a typo
        ("ru", "перенести лицензию на другой компьютер", "transfer"),
        ("ru", "нужна удалёнка", "booking"),
        ("ru", "перезвоните", "callback"),
        ("ru", "Перезвоните мне, пожалуйста", "callback"),
        ("en", "We lost the key", "key_loss"),
        ("en", "how much is renewal?", "renewal"),
        ("en", "Can you call me back", "callback"),
        ("en", "I need a remote session", "booking"),
        ("bg", "изгубихме ключа", "key_loss"),
        ("bg", "ключът се счупи", "key_loss"),
        ("bg", "колко струва подновяването", "renewal"),
        ("bg", "обадете ми се", "callback"),
        ("bg", "трябва ни дистанционна помощ", "booking"),
        ("ru", "Спасибо, оплатили", None),
        ("ru", "Добрый день! Не запускается программа после обновления.", None),
        ("ru", "Когда будет счёт?", None),
        ("ru", "ключ", None),  # one word of a phrase is not the phrase
        ("en", "thanks a lot", None),
        ("bg", "благодаря", None),
        ("ru", "", None),
    ],
)
def test_a_typed_question_finds_its_flow(language: str, text: str, intent: str | None) -> None:
    assert matcher(language).match(text) == intent


def test_a_tie_between_two_flows_is_no_match() -> None:
    both = IntentMatcher.build("ru", {"a": ["новый ключ"], "b": ["ключ новый"]})
    assert both.match("нужен новый ключ") is None


def test_a_vendors_phrase_is_matched_in_its_inflected_forms() -> None:
    own = IntentMatcher.build("ru", {"booking": ["настроить обмен"]})
    assert own.match("помогите настроить обмены") == "booking"
