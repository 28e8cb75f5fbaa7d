"""The VK part of ``python -m bot check`` (:mod:`bot.check`): the community token and its
community (groups.getById), and Bots Long Poll when the Callback API is not used
(groups.getLongPollServer)."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.channels.vk.api import CommunityAPI
from bot.channels.vk.errors import code_of, describe
from bot.channels.vk.service import SETTING_ERRORS
from bot.check import API_TIMEOUT, Finding, Status, ok, problem
from bot.settings import Settings

FIXES = {
    "VK_TOKEN": "create a community access token with the messages permission (community "
    "→ Manage → API usage) and put it in VK_TOKEN",
    "VK_GROUP_ID": "set VK_GROUP_ID to the numeric id of the community the token belongs to",
}


async def check_vk(settings: Settings) -> list[Finding]:
    if settings.vk_token is None or settings.vk_group_id is None:
        return [Finding("VK", Status.OFF, "VK_TOKEN is not set")]
    api_url = str(settings.vk_api_url)
    api = CommunityAPI(settings.vk_token.get_secret_value(), api_url=api_url)
    try:
        return await _check(api, settings.vk_group_id, api_url, settings)
    finally:
        await api.close()


async def _check(
    api: CommunityAPI, group_id: int, api_url: str, settings: Settings
) -> list[Finding]:
    item = "VK community"

    async def call(method: str, **params: Any) -> Any:
        return await asyncio.wait_for(api.call(method, **params), API_TIMEOUT)

    try:
        answer = await call("groups.getById")
    except Exception as exc:
        setting = SETTING_ERRORS.get(code_of(exc) or 0)
        if setting is not None:
            line = f"{setting}: rejected by the VK API at {api_url} ({describe(exc)})"
            return [problem(item, line, FIXES[setting], fatal=line)]
        return [
            problem(
                item,
                f"the VK API at {api_url} did not answer ({describe(exc)})",
                "check the network and VK_API_URL; `run` keeps trying",
            )
        ]
    groups = answer.get("groups", []) if isinstance(answer, dict) else answer
    group = groups[0] if groups else {}
    if group.get("id") != group_id:
        line = f"VK_GROUP_ID: the token belongs to community {group.get('id')}, not {group_id}"
        return [problem(item, line, FIXES["VK_GROUP_ID"], fatal=line)]
    findings = [ok(item, f"{group.get('name')!r} (club{group_id}) via {api_url}")]
    if settings.vk_confirmation_code:
        findings.append(
            ok(
                "VK receiving",
                f"Callback API on {settings.vk_callback_host}:{settings.vk_callback_port}",
            )
        )
        return findings
    try:
        await call("groups.getLongPollServer", group_id=group_id)
    except Exception as exc:
        findings.append(
            problem(
                "VK receiving",
                f"Bots Long Poll is not available ({describe(exc)})",
                "turn on Bots Long Poll API with the message events (community → Manage → "
                "API usage → Long Poll API), or set up the Callback API",
            )
        )
    else:
        findings.append(ok("VK receiving", "Bots Long Poll"))
    return findings
