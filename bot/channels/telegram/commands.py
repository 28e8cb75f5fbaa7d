"""The command menu Telegram shows, registered with setMyCommands in every language.

Customers see the built-in commands and those of the customer flows in private chats;
the manager chat, and the private chats of ``MANAGER_TELEGRAM_IDS``, also see the
managers' commands. A description comes from ``telegram.command_<name>`` in the
catalogue (a new flow's command without one shows as "Command /name").
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import SetMyCommands
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat

from bot.channels.telegram.errors import Verdict, classify, describe
from handlers.engine.dispatcher import BUILT_IN_COMMANDS, Engine
from handlers.i18n import LANGUAGES, Texts, default_language, texts

log = logging.getLogger(__name__)

BUILT_IN_ORDER = ("/start", "/menu", "/help", "/cancel", "/language")
GROUP_BUILT_INS = ("/menu", "/help", "/cancel")


def command_names(engine: Engine) -> tuple[list[str], list[str]]:
    """(customer commands, manager-only commands), in menu order."""
    assert set(BUILT_IN_ORDER) == set(BUILT_IN_COMMANDS)
    customer = list(BUILT_IN_ORDER)
    manager: list[str] = []
    for flow in engine.flows.values():
        for command in flow.commands:
            (manager if flow.for_managers is True else customer).append(command)
    return customer, manager


def bot_commands(names: Iterable[str], t: Texts) -> list[BotCommand]:
    commands = []
    for name in names:
        bare = name.lstrip("/").lower()
        key = f"telegram.command_{bare}"
        description = t(key) if t.has(key) else t("telegram.command_other", command=name)
        commands.append(BotCommand(command=bare, description=description[:256]))
    return commands


async def register_commands(
    bot: Bot, engine: Engine, *, manager_chat_id: int | None, manager_ids: Iterable[int]
) -> None:
    customer, manager = command_names(engine)
    managers = list(manager_ids)
    for language in (None, *LANGUAGES):
        t = texts(language or default_language())
        calls = [
            SetMyCommands(
                commands=bot_commands(customer, t),
                scope=BotCommandScopeAllPrivateChats(),
                language_code=language,
            )
        ]
        if manager_chat_id is not None:
            calls.append(
                SetMyCommands(
                    commands=bot_commands([*GROUP_BUILT_INS, *manager], t),
                    scope=BotCommandScopeChat(chat_id=manager_chat_id),
                    language_code=language,
                )
            )
        calls.extend(
            SetMyCommands(
                commands=bot_commands([*customer, *manager], t),
                scope=BotCommandScopeChat(chat_id=user_id),
                language_code=language,
            )
            for user_id in managers
        )
        for call in calls:
            try:
                await _with_retries(bot, call)
            except TelegramAPIError as exc:  # e.g. a manager who never opened the bot
                log.info(
                    "setMyCommands (%s, %s): %s",
                    call.scope.type if call.scope else "-",
                    language or "default",
                    describe(exc),
                )


async def _with_retries(bot: Bot, call: SetMyCommands, tries: int = 3) -> None:
    for attempt in range(tries):
        try:
            await bot(call)
            return
        except TelegramAPIError as exc:
            failure = classify(exc, attempt, base=0.5)
            if failure.verdict is not Verdict.RETRY or attempt == tries - 1:
                raise
            await asyncio.sleep(failure.delay)
