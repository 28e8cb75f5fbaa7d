"""A ``Bot`` whose session records every request and answers from :class:`FakeTelegram`.

aiogram's own tests use this pattern (``tests/mocked_bot.py``): a ``BaseSession`` whose
``make_request`` never touches the network and whose answers go through the real
``check_response``, so errors come out as the exceptions aiogram raises for Telegram's.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from tests.support.telegram_fakes import TOKEN, FakeTelegram


class RecordingSession(BaseSession):
    def __init__(self, fake: FakeTelegram) -> None:
        super().__init__()
        self.fake = fake
        self.requests: list[TelegramMethod[Any]] = []

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> TelegramType:
        self.requests.append(method)
        queued = self.fake.queued_errors.get(method.__api_method__)
        dropped = queued[0] if queued else None
        if dropped is not None and dropped.status == 0:  # the connection dropped: no answer
            queued.popleft()
            raise TelegramNetworkError(method=method, message=dropped.description)
        files: dict[str, Any] = {}
        params: dict[str, Any] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files, _dumps_json=False)
            if prepared is not None:
                params[key] = prepared
        for key, value in params.items():
            if isinstance(value, str) and value.startswith("attach://"):
                params[key] = "attached"
                params[f"{key}_name"] = files[value.removeprefix("attach://")].filename
                break
        status, body = self.fake.answer(method.__api_method__, params)
        response = self.check_response(bot, method, status, json.dumps(body))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - BaseSession signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        path = url.split("/file/bot", 1)[1].split("/", 1)[1]
        content = self.fake.file_content(path)
        if content is None:
            raise FileNotFoundError(path)
        yield content

    async def close(self) -> None:
        pass


def recording_bot(fake: FakeTelegram) -> Bot:
    return Bot(TOKEN, session=RecordingSession(fake))
