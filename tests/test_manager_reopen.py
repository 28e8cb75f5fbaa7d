"""A manager who opens the chat again (the console at start) sees the requests waiting for
them, new ones and those they took, after the menu (so a typed number opens one), or
before the question they were answering (which stays last)."""

from __future__ import annotations

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.i18n import recording_texts
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import console_manager, file_renewal

clock, engine = desk_world.clock, desk_world.engine


async def test_the_requests_waiting_for_a_manager_come_last_at_the_menu(
    engine: Engine, db: Database
) -> None:
    first = await file_renewal(db, Chat(engine, user_id="1001"))
    second = await file_renewal(db, Chat(engine, user_id="1002"))
    taken_by_other = await file_renewal(db, Chat(engine, user_id="1003"))
    other = Chat(engine, user_id="m2", platform=Platform.CONSOLE, manager=True)
    await other.payload(encode("desk_actions.take", taken_by_other))
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.take", first))
    await manager.send("/menu")

    with recording_texts() as rendered:
        replies = await engine.resume(Platform.CONSOLE, "managers", "managers", from_manager=True)
    keys = [text.key for text in rendered]
    assert keys.index("menu.title_manager") < keys.index("desk_commands.waiting_title")
    waiting = [t for t in rendered if t.key == "desk_commands.waiting_title"]
    assert waiting[0].values == {"count": 2}  # the one taken by another manager is not
    numbers = [b.payload for row in replies[-1].buttons for b in row]
    assert numbers == [encode("desk_commands.card", n) for n in (second, first)]


async def test_a_question_in_progress_stays_the_last_thing_shown(
    engine: Engine, db: Database
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    with recording_texts() as rendered:
        replies = await engine.resume(Platform.CONSOLE, "managers", "managers", from_manager=True)
    shown = {text.key: text.text for text in rendered}
    assert replies[-1].text == shown["desk_actions.ask_reply"]  # the question stays last
    assert replies[0].text.startswith(shown["desk_commands.waiting_title"])
