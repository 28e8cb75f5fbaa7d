"""Telegram shapes: escaping, keyboards under long texts, the stored answers (the cutting
itself: ``test_long_text``)."""

from __future__ import annotations

from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.channels.telegram.adapter import (
    Target,
    escape,
    replies_from_json,
    replies_to_json,
    reply_methods,
)
from handlers.engine.messages import Button, Reply
from handlers.i18n import texts


def test_escape_shows_markup_characters_as_typed() -> None:
    assert escape('<b>Tom & "Jerry"</b>') == '&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt;'


def test_buttons_go_under_the_last_part() -> None:
    reply = Reply("a" * 5000, ((Button("OK", "1:menu"),),))
    methods = reply_methods([reply], Target(1), texts("en"))
    assert len(methods) == 2
    assert all(isinstance(m, SendMessage) for m in methods)
    assert methods[0].reply_markup is None
    assert isinstance(methods[1].reply_markup, InlineKeyboardMarkup)


def test_phone_question_with_choices_sends_the_choices_below() -> None:
    reply = Reply("Your phone?", ((Button("Skip", "1:x.skip"),),), request_contact=True)
    first, second = reply_methods([reply], Target(1), texts("en"))
    assert isinstance(first.reply_markup, ReplyKeyboardMarkup)
    assert first.reply_markup.keyboard[0][0].request_contact
    assert second.text == "Or choose:"
    assert isinstance(second.reply_markup, InlineKeyboardMarkup)


def test_after_a_shared_contact_the_phone_keyboard_is_removed() -> None:
    methods = reply_methods([Reply("Thanks")], Target(1, remove_keyboard=True), texts("en"))
    assert isinstance(methods[0].reply_markup, ReplyKeyboardRemove)


def test_a_payload_over_64_bytes_is_dropped_not_sent() -> None:
    reply = Reply("Pick", ((Button("Bad", "1:" + "x" * 70), Button("Good", "1:ok")),))
    (method,) = reply_methods([reply], Target(1), texts("en"))
    assert isinstance(method.reply_markup, InlineKeyboardMarkup)
    assert [b.text for b in method.reply_markup.inline_keyboard[0]] == ["Good"]


def test_replies_survive_the_inbox_round_trip() -> None:
    replies = [
        Reply("One", ((Button("A", "1:a"), Button("B", "1:b")),)),
        Reply("Two", request_contact=True),
    ]
    assert replies_from_json(replies_to_json(replies)) == replies
    target = Target(-100, thread_id=7, reply_to=3, remove_keyboard=True)
    assert Target.from_json(target.to_json()) == target
