"""Long texts as several messages, the same way in Telegram and VK: parts within the
messenger's limit (UTF-16 units), cut at a line break, else a space, else hard; only what
the cut falls on is dropped, indentation inside a part and at the start of the next stays."""

from __future__ import annotations

import html
from collections.abc import Callable

import pytest
from aiogram.methods import SendMessage

from bot.channels.long_text import split_text, utf16_units
from bot.channels.telegram import adapter as telegram
from bot.channels.vk import adapter as vk
from handlers.engine.messages import Reply
from handlers.i18n import texts

LIMITS = pytest.mark.parametrize("limit", [telegram.MAX_TEXT, vk.MAX_TEXT], ids=["telegram", "vk"])


def telegram_parts(text: str) -> list[str]:
    """The texts Telegram is sent for ``text`` (unescaped: the adapter escapes for HTML)."""
    methods = telegram.reply_methods([Reply(text)], telegram.Target(1), texts("en"))
    assert all(isinstance(method, SendMessage) for method in methods)
    return [html.unescape(method.text) for method in methods if isinstance(method, SendMessage)]


def vk_parts(text: str) -> list[str]:
    """The texts VK is sent for ``text``."""
    return [call.message for call in vk.reply_calls(Reply(text), vk.Keyboard.CALLBACK, more="")]


MESSENGERS = pytest.mark.parametrize(
    ("send", "limit"),
    [(telegram_parts, telegram.MAX_TEXT), (vk_parts, vk.MAX_TEXT)],
    ids=["telegram", "vk"],
)


def test_both_messengers_take_4096_units() -> None:
    assert telegram.MAX_TEXT == vk.MAX_TEXT == 4096


def test_units_are_utf16_code_units() -> None:
    assert utf16_units("я") == 1
    assert utf16_units("😀") == 2


@LIMITS
def test_short_text_is_one_part(limit: int) -> None:
    assert split_text("Hello", limit) == ["Hello"]
    assert split_text("", limit) == [""]


@LIMITS
def test_a_text_of_exactly_the_limit_is_one_part(limit: int) -> None:
    text = "x" * (limit - 1) + "\n"
    assert split_text(text, limit) == [text]


@LIMITS
def test_long_text_is_cut_at_line_breaks_under_the_limit(limit: int) -> None:
    lines = [f"Line {i}: " + "x" * 90 for i in range(120)]
    text = "\n".join(lines)
    parts = split_text(text, limit)
    assert len(parts) == 3
    assert all(utf16_units(part) <= limit for part in parts)
    assert "\n".join(parts) == text
    assert all(part.startswith("Line ") for part in parts)


@LIMITS
def test_indentation_stays_inside_a_part_and_at_the_start_of_the_next(limit: int) -> None:
    lines = [f"  item {i}:\n      " + "x" * 90 for i in range(80)]
    text = "\n".join(lines)
    parts = split_text(text, limit)
    assert len(parts) > 1
    assert all(utf16_units(part) <= limit for part in parts)
    # Only the line break at each cut is gone: every other character is where it was.
    assert "\n".join(parts) == text
    assert all(part.startswith("  ") for part in parts)
    assert all("\n      x" in part for part in parts)


@LIMITS
def test_blank_lines_at_a_cut_are_dropped_with_the_break(limit: int) -> None:
    first = "a" * (limit - 100)
    second = "b" * 200
    parts = split_text(f"{first}\n\n\n{second}", limit)
    assert parts == [first, second]


@LIMITS
def test_windows_line_breaks_are_dropped_whole(limit: int) -> None:
    first = "a" * (limit - 100)
    parts = split_text(f"{first}\r\n  {'b' * 200}", limit)
    assert parts == [first, "  " + "b" * 200]


@LIMITS
def test_without_line_breaks_only_the_space_at_the_cut_is_dropped(limit: int) -> None:
    words = ["word" * (i % 7 + 1) for i in range(1500)]
    text = " ".join(words)
    parts = split_text(text, limit)
    assert len(parts) > 1
    assert all(utf16_units(part) <= limit for part in parts)
    assert " ".join(parts) == text


@LIMITS
def test_a_run_of_spaces_loses_one_space_at_the_cut(limit: int) -> None:
    first = "a" * (limit - 100)
    parts = split_text(first + "   " + "b" * 200, limit)
    assert parts == [first + "  ", "b" * 200]


@LIMITS
def test_text_without_breaks_is_cut_hard_and_nothing_is_lost(limit: int) -> None:
    text = "я" * 10_000
    parts = split_text(text, limit)
    assert [len(p) for p in parts] == [limit, limit, 10_000 - 2 * limit]
    assert "".join(parts) == text


@LIMITS
def test_emoji_count_double_towards_the_limit(limit: int) -> None:
    text = "😀" * 3000  # 6,000 UTF-16 units
    parts = split_text(text, limit)
    assert all(utf16_units(p) <= limit for p in parts)
    assert "".join(parts) == text


@MESSENGERS
def test_each_messenger_sends_the_same_parts(send: Callable[[str], list[str]], limit: int) -> None:
    lines = [f"    {i}. " + "слово " * 15 for i in range(100)]
    text = "Заголовок:\n" + "\n".join(lines)
    sent = send(text)
    assert sent == split_text(text, limit)
    assert len(sent) > 1
    assert all(utf16_units(part) <= limit for part in sent)
    assert "\n".join(sent) == text
    assert all(part.startswith("    ") for part in sent[1:])
