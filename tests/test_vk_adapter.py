"""VK shapes: keyboards within VK's limits for each kind of client, payloads read strictly,
texts split at VK's length, random_id unique per outbox row and call."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from bot.channels.vk import adapter
from bot.channels.vk.adapter import (
    INVALID_PAYLOAD,
    Keyboard,
    Pressed,
    keyboard_kind,
    keyboard_pages,
    random_id,
    read_payload,
    reply_calls,
)
from handlers.engine.messages import Button, Reply
from handlers.engine.payloads import encode


def buttons(count: int, per_row: int = 1) -> tuple[tuple[Button, ...], ...]:
    flat = [Button(f"Choice {i}", encode("test.pick", i)) for i in range(count)]
    return tuple(tuple(flat[i : i + per_row]) for i in range(0, count, per_row))


def within_limits(page: list[list[Button]], kind: Keyboard) -> bool:
    return (
        len(page) <= kind.max_rows
        and sum(len(row) for row in page) <= kind.max_buttons
        and all(1 <= len(row) <= 5 for row in page)
    )


@pytest.mark.parametrize("kind", list(Keyboard))
@pytest.mark.parametrize(("count", "per_row"), [(1, 1), (9, 1), (10, 1), (10, 2), (23, 3), (45, 1)])
def test_every_keyboard_fits_vk_limits_and_keeps_every_button_in_order(
    kind: Keyboard, count: int, per_row: int
) -> None:
    pages = keyboard_pages(buttons(count, per_row), kind)
    assert all(within_limits(page, kind) for page in pages)
    flat = [b for page in pages for row in page for b in row]
    assert flat == [b for row in buttons(count, per_row) for b in row]


def test_the_main_menu_pairs_up_single_rows_to_fit_six_rows_inline() -> None:
    menu = (*buttons(8), (Button("Language", "1:lang"), Button("Help", "1:help")))
    [page] = keyboard_pages(menu, Keyboard.CALLBACK)
    assert [len(row) for row in page] == [2, 2, 2, 2, 2]


def test_more_buttons_than_a_keyboard_holds_go_to_a_further_message() -> None:
    calls = reply_calls(Reply("Pick a time", buttons(14)), Keyboard.CALLBACK, more="More:")
    assert [c.message for c in calls] == ["Pick a time", "More:"]
    first, second = (json.loads(c.keyboard or "{}") for c in calls)
    assert sum(map(len, first["buttons"])) == 10 and sum(map(len, second["buttons"])) == 4
    assert first["inline"] is True and first["buttons"][0][0]["action"]["type"] == "callback"


def test_keyboard_kinds_follow_the_client() -> None:
    callback = SimpleNamespace(button_actions=["text", "callback"], inline_keyboard=True)
    inline = SimpleNamespace(button_actions=["text"], inline_keyboard=True)
    old = SimpleNamespace(button_actions=["text"], inline_keyboard=False, keyboard=True)
    assert keyboard_kind(callback) is Keyboard.CALLBACK
    assert keyboard_kind(inline) is Keyboard.INLINE
    assert keyboard_kind(old) is Keyboard.STANDARD
    assert keyboard_kind(None) is Keyboard.CALLBACK
    standard = json.loads(adapter.keyboard_json([[Button("A", "1:menu")]], Keyboard.STANDARD))
    assert standard["inline"] is False and standard["one_time"] is True
    assert standard["buttons"][0][0]["action"]["type"] == "text"


def test_labels_and_payloads_stay_within_vk_limits() -> None:
    long_label = "Базис-Мебельщик · лицензия L-1004 · поддержка до 31.12.2026"
    page = json.loads(
        adapter.keyboard_json([[Button(long_label, encode("renewal.lic", 12))]], Keyboard.CALLBACK)
    )
    action = page["buttons"][0][0]["action"]
    assert len(action["label"]) == 40 and action["label"].endswith("…")
    assert len(action["payload"]) <= 255
    assert read_payload(action["payload"]) == "1:renewal.lic:12"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"p":"1:menu"}', "1:menu"),
        ({"p": "1:go:renewal"}, "1:go:renewal"),  # message_event gives an object
        ('{"command":"start"}', Pressed.START),
        (None, Pressed.NOTHING),
        ("", Pressed.NOTHING),
        ("not json", INVALID_PAYLOAD),
        ('{"p": 5}', INVALID_PAYLOAD),
        ('{"p":"1:menu","x":1}', INVALID_PAYLOAD),
        ('{"button":"1"}', INVALID_PAYLOAD),
        (json.dumps({"p": "1:" + "a" * 300}), INVALID_PAYLOAD),
        ([1, 2], INVALID_PAYLOAD),
    ],
)
def test_payloads_are_read_strictly(raw: object, expected: object) -> None:
    assert read_payload(raw) == expected


def test_long_texts_are_split_at_vk_limit_on_line_breaks() -> None:
    text = "\n".join(f"Line {i}: " + "x" * 90 for i in range(120))
    calls = reply_calls(Reply(text, buttons(2)), Keyboard.CALLBACK, more="More:")
    assert len(calls) >= 3
    assert all(len(c.message.encode("utf-16-le")) // 2 <= 4096 for c in calls)
    assert [c.keyboard is not None for c in calls] == [False] * (len(calls) - 1) + [True]
    assert "\n".join(c.message for c in calls) == text


def test_random_ids_are_positive_int32_distinct_and_stable() -> None:
    seen = {random_id(row, call) for row in range(1, 3000) for call in range(4)}
    assert len(seen) == 2999 * 4
    assert all(0 < rid < 2**31 for rid in seen)
    assert random_id(41, 2) == random_id(41, 2)
    with pytest.raises(ValueError):
        random_id(1, adapter.CALLS_PER_ROW)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [("inv_AbC-12_x", "inv_AbC-12_x"), ("../etc", None), ("", None), (None, None), ("a b", None)],
)
def test_only_token_shaped_refs_become_a_start_argument(
    ref: str | None, expected: str | None
) -> None:
    assert adapter.start_ref(ref) == expected
