"""Whether a messenger can share the person's phone is the channel's to say
(``Incoming.can_share_contact``): Telegram in a private chat and the console can, VK cannot.
Linking asks for a shared contact only where it can be shared, whatever the platform."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiogram.types import CallbackQuery, Message

from bot.channels.console import ConsoleChannel
from bot.channels.telegram import adapter as telegram
from bot.channels.vk import adapter as vk
from handlers.engine.dispatcher import Engine
from storage.db import Database
from storage.models import Platform
from tests.support import linking_support
from tests.support.chat import Chat

#: The linking tests' fixtures: the clock at NOW, an engine with the demo data.
clock, engine = linking_support.clock, linking_support.engine

NOW = int(datetime(2026, 11, 23, 9, 0, tzinfo=UTC).timestamp())


def chat_of(chat_id: int) -> dict[str, Any]:
    if chat_id < 0:
        return {"id": chat_id, "type": "supergroup", "title": "Managers"}
    return {"id": chat_id, "type": "private", "first_name": "Anna"}


def telegram_message(chat_id: int, user_id: int = 1001) -> Message:
    return Message.model_validate(
        {
            "message_id": 1,
            "date": NOW,
            "chat": chat_of(chat_id),
            "from": {"id": user_id, "is_bot": False, "first_name": "Anna"},
            "text": "hello",
        }
    )


def telegram_press(chat_id: int, user_id: int = 1001) -> CallbackQuery:
    return CallbackQuery.model_validate(
        {
            "id": "q1",
            "from": {"id": user_id, "is_bot": False, "first_name": "Anna"},
            "chat_instance": "c1",
            "data": "1:menu",
            "message": {
                "message_id": 2,
                "date": NOW,
                "chat": chat_of(chat_id),
                "from": {"id": 42, "is_bot": True, "first_name": "Bot"},
                "text": "Menu",
            },
        }
    )


# -- each channel says it ----------------------------------------------------------------


def test_telegram_can_share_a_contact_in_a_private_chat_only() -> None:
    private = telegram.message_incoming(telegram_message(1001), from_manager=False)
    group = telegram.message_incoming(telegram_message(-100500), from_manager=True)
    assert private.can_share_contact
    assert not group.can_share_contact


def test_a_telegram_button_press_tells_it_by_the_chat_of_the_message() -> None:
    private = telegram.callback_incoming(telegram_press(1001), from_manager=False, chat_id="1001")
    group = telegram.callback_incoming(
        telegram_press(-100500), from_manager=True, chat_id="-100500"
    )
    assert private.can_share_contact
    assert not group.can_share_contact


def test_vk_never_can() -> None:
    message = SimpleNamespace(
        text="hello", payload=None, peer_id=777, from_id=777, attachments=[], client_info=None
    )
    assert not vk.message_incoming(message, from_manager=False).can_share_contact
    pressed = vk.event_incoming(
        user_id=777, peer_id=777, payload={"p": "1:menu"}, from_manager=False
    )
    assert not pressed.can_share_contact


async def test_the_console_can_with_contact(engine: Engine, db: Database, tmp_path: Path) -> None:
    channel = ConsoleChannel(engine, db, files_dir=tmp_path, output=io.StringIO())
    typed = channel.to_incoming("hello")
    shared = channel.to_incoming("/contact +79990001122")
    assert typed is not None and typed.can_share_contact
    assert shared is not None and shared.can_share_contact


# -- linking follows it, not the platform ----------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "can_share"),
    [
        (Platform.TELEGRAM, True),
        (Platform.CONSOLE, True),
        (Platform.VK, False),
        (Platform.TELEGRAM, False),
        (Platform.VK, True),
    ],
)
async def test_linking_offers_the_contact_button_only_where_it_can_be_shared(
    engine: Engine, platform: Platform, can_share: bool
) -> None:
    chat = Chat(engine, platform=platform, user_id="4242", can_share_contact=can_share)
    await chat.send("/start")
    await chat.press("Привязать мой аккаунт")
    asks_contact = any(reply.request_contact for reply in chat.replies)
    assert asks_contact is can_share
    assert chat.said("linking.choose" if can_share else "linking.choose_vk")
    assert "Номер лицензии и ключа" in chat.labels

    await chat.press("Заявка менеджеру")
    await chat.press("Согласен")
    await chat.send("Иван Петров")
    await chat.press("Пропустить")
    assert any(reply.request_contact for reply in chat.replies) is can_share
    assert chat.said("link_request.ask_phone" if can_share else "link_request.ask_phone_typed")
