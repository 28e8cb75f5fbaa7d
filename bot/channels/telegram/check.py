"""The Telegram part of ``python -m bot check`` (:mod:`bot.check`): the token (getMe), the
manager chat and the bot's rights there (getChat, getChatMember: may it post, may it manage
the forum's topics), and the webhook Telegram has on record (getWebhookInfo)."""

from __future__ import annotations

import asyncio
from typing import Any

from aiogram import Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.methods import GetChat, GetChatMember, GetMe, GetWebhookInfo
from aiogram.types import User
from aiohttp import ClientError

from bot.channels.telegram.errors import describe
from bot.channels.telegram.service import ChannelError, make_bot
from bot.check import API_TIMEOUT, Finding, Status, ok, problem, warning
from bot.settings import Settings

TOKEN_FIX = "copy the token @BotFather gave the bot (/mybots → API Token) into TELEGRAM_TOKEN"
UNREACHABLE = (TelegramAPIError, ClientError, TimeoutError, asyncio.TimeoutError)


async def check_telegram(settings: Settings) -> list[Finding]:
    if settings.telegram_token is None:
        return [Finding("Telegram", Status.OFF, "TELEGRAM_TOKEN is not set")]
    api_url = str(settings.telegram_api_url).rstrip("/")
    try:
        bot = make_bot(settings.telegram_token.get_secret_value(), api_url)
    except ChannelError as exc:
        return [problem("Telegram token", str(exc), TOKEN_FIX, fatal=str(exc))]
    try:
        return await _check(bot, settings, api_url)
    finally:
        await bot.session.close()


async def _check(bot: Bot, settings: Settings, api_url: str) -> list[Finding]:
    async def call(method: Any) -> Any:
        return await bot(method, request_timeout=API_TIMEOUT)

    try:
        me: User = await call(GetMe())
    except TelegramUnauthorizedError as exc:
        line = f"TELEGRAM_TOKEN: rejected by the Bot API at {api_url} ({exc})"
        return [problem("Telegram token", line, TOKEN_FIX, fatal=line)]
    except UNREACHABLE as exc:
        return [
            problem(
                "Telegram token",
                f"the Bot API at {api_url} did not answer ({describe(exc)})",
                "check the network and TELEGRAM_API_URL; `run` keeps trying",
            )
        ]
    findings = [ok("Telegram token", f"the bot @{me.username} via {api_url}")]
    findings.append(await _manager_chat(call, settings, me.id))
    findings.append(await _webhook(call, settings))
    return findings


async def _manager_chat(call: Any, settings: Settings, bot_id: int) -> Finding:
    item = "Telegram manager chat"
    chat_id = settings.manager_telegram_chat_id
    if chat_id is None:
        return warning(
            item,
            "MANAGER_TELEGRAM_CHAT_ID is not set: request cards reach no Telegram chat",
            "add the bot to the managers' group and set MANAGER_TELEGRAM_CHAT_ID to its id",
        )
    try:
        chat = await call(GetChat(chat_id=chat_id))
        member = await call(GetChatMember(chat_id=chat_id, user_id=bot_id))
    except TelegramUnauthorizedError:
        raise
    except UNREACHABLE as exc:
        return problem(
            item,
            f"{chat_id} cannot be read ({describe(exc)})",
            "add the bot to the managers' group and set MANAGER_TELEGRAM_CHAT_ID to the "
            "group's id (-100…)",
        )
    status = member.status
    if status in (ChatMemberStatus.LEFT, ChatMemberStatus.KICKED):
        return problem(item, f"the bot is not a member of {chat_id}", "add the bot to the group")
    if status == ChatMemberStatus.RESTRICTED and not getattr(member, "can_send_messages", True):
        return problem(
            item, f"the bot may not post in {chat_id}", "let the bot send messages in the group"
        )
    name = f"{chat.title or chat_id}"
    if not chat.is_forum:
        return warning(
            item,
            f"{name}: the bot can post; Topics are off, so request cards are plain messages",
            "turn Topics on in the group's settings for one topic per request",
        )
    if status == ChatMemberStatus.CREATOR or (
        status == ChatMemberStatus.ADMINISTRATOR and getattr(member, "can_manage_topics", False)
    ):
        return ok(item, f"{name}: the bot can post and manage topics (one topic per request)")
    lacks = (
        "is not an administrator"
        if status != ChatMemberStatus.ADMINISTRATOR
        else "lacks the administrator right “Manage topics”"
    )
    return problem(
        item,
        f"{name} is a forum but the bot {lacks}: cards would be plain messages",
        "make the bot an administrator of the group with the right “Manage topics”",
    )


async def _webhook(call: Any, settings: Settings) -> Finding:
    item = "Telegram webhook"
    try:
        info = await call(GetWebhookInfo())
    except UNREACHABLE as exc:
        return problem(item, f"getWebhookInfo failed ({describe(exc)})", "try again")
    wanted = str(settings.telegram_webhook_url) if settings.telegram_webhook_url else ""
    if not wanted:
        if info.url:
            return warning(
                item,
                f"Telegram delivers to a webhook ({info.url}); `run` removes it and polls",
                "set TELEGRAM_WEBHOOK_URL to keep the webhook",
            )
        return ok(item, "none: long polling")
    if not info.url:
        return ok(item, f"not set yet: `run` sets {wanted}")
    if info.url != wanted:
        return warning(
            item,
            f"Telegram delivers to {info.url}; `run` sets {wanted}",
            "nothing, unless another installation uses that webhook",
        )
    if info.last_error_message:
        return problem(
            item,
            f"{wanted}: Telegram's last delivery failed ({info.last_error_message}); "
            f"{info.pending_update_count} updates waiting",
            f"make the reverse proxy serve {wanted} over https with a valid certificate and "
            f"forward it to {settings.telegram_webhook_host}:{settings.telegram_webhook_port}",
        )
    return ok(item, f"{wanted}, {info.pending_update_count} updates waiting")
