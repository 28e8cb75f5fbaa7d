"""Who is a manager in Telegram, checked on every update (buttons included).

``MANAGER_TELEGRAM_IDS`` when set; otherwise the members of the manager chat
(``MANAGER_TELEGRAM_CHAT_ID``), asked with getChatMember and remembered briefly (a
minute for a manager, ten for anyone else). With
neither configured nobody is a manager (fail closed), and an error asking Telegram counts
as "not a manager" too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from aiogram import Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramAPIError

log = logging.getLogger(__name__)

MEMBER_STATUSES = frozenset(
    {ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}
)


class ManagerCheck:
    def __init__(
        self,
        bot: Bot,
        *,
        manager_ids: Iterable[int] = (),
        manager_chat_id: int | None = None,
        ttl: float = 60.0,
        ttl_not_manager: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bot = bot
        self.ids = frozenset(int(i) for i in manager_ids)
        self.chat_id = manager_chat_id
        self.ttl = ttl
        self.ttl_not_manager = ttl_not_manager
        self.clock = clock
        self._cache: dict[int, tuple[bool, float]] = {}

    @property
    def configured(self) -> bool:
        return bool(self.ids) or self.chat_id is not None

    async def is_manager(self, user_id: int) -> bool:
        if self.ids:
            return user_id in self.ids
        if self.chat_id is None:
            return False
        now = self.clock()
        cached = self._cache.get(user_id)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            member = await self.bot.get_chat_member(self.chat_id, user_id)
        except TelegramAPIError as exc:
            log.warning("cannot check whether %s is a manager (%s): treated as not", user_id, exc)
            return False
        status = member.status
        result = status in MEMBER_STATUSES or (
            status == ChatMemberStatus.RESTRICTED and bool(getattr(member, "is_member", False))
        )
        # A removed manager loses the right within a minute; customers (most people) are
        # asked about less often.
        self._cache[user_id] = (result, now + (self.ttl if result else self.ttl_not_manager))
        return result
