"""Stopping announcements (docs/rules.md#announcements): every announcement carries "Stop
announcements"; one tap asks to confirm, the confirmation stops them for this chat, and
``/announcements on`` (or the button) brings them back. ``/mydata`` shows the choice;
service messages (reminders) are not affected."""

from __future__ import annotations

from handlers.desk.announcing import Draft, render_for
from handlers.engine.dispatcher import Engine
from storage import accounts, announcements
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import TODAY, link_demo_customer

clock, engine = desk_world.clock, desk_world.engine


async def audience_ids(db: Database) -> set[str]:
    async with db.unit() as unit:
        found = await announcements.audience(unit, Draft(linked_only=True).filters(TODAY))
    return {recipient.user_id for recipient in found}


async def press_stop(chat: Chat) -> None:
    rendered = render_for(Draft(text_ru="Новая версия"), "ru", 1, None)
    assert rendered is not None
    stop = [b for row in rendered.buttons for b in row if b.payload == "1:announcements.stop"]
    assert len(stop) == 1  # every announcement carries it
    await chat.payload(stop[0].payload)


async def test_stop_asks_to_confirm_and_then_leaves_the_chat_out(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)
    assert "1001" in await audience_ids(db)

    await press_stop(customer)
    assert customer.said("announcements.confirm_stop")
    assert "1001" in await audience_ids(db)  # not yet: one tap only asks

    await customer.press_key("announcements.button_stop_yes")
    assert customer.said("announcements.stopped")
    assert "1001" not in await audience_ids(db)
    async with db.unit() as unit:
        account = await accounts.find(unit, Platform.TELEGRAM, "1001")
    assert account is not None and not account.reminders_muted  # reminders still come

    await customer.send("/mydata")
    assert customer.said("privacy.announcements_off")


async def test_keep_changes_nothing(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)
    await press_stop(customer)
    await customer.press_key("announcements.button_keep")
    assert customer.said("announcements.kept")
    assert "1001" in await audience_ids(db)


async def test_announcements_on_brings_them_back(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)
    await press_stop(customer)
    await customer.press_key("announcements.button_stop_yes")

    await customer.send("/announcements")
    assert customer.said("announcements.status_off")
    await customer.send("/announcements on")
    assert customer.said("announcements.turned_on")
    assert "1001" in await audience_ids(db)
    await customer.send("/mydata")
    assert customer.said("privacy.announcements_on")

    await customer.send("/announcements off")
    assert customer.said("announcements.confirm_stop")
    await customer.press_key("announcements.button_stop_yes")
    assert "1001" not in await audience_ids(db)
    await customer.press_key("announcements.button_on")
    assert customer.said("announcements.turned_on")
    assert "1001" in await audience_ids(db)


async def test_each_chat_chooses_for_itself(engine: Engine, db: Database) -> None:
    telegram = Chat(engine, user_id="1001")
    vk = Chat(engine, user_id="2002", platform=Platform.VK)
    await link_demo_customer(db, telegram)
    await link_demo_customer(db, vk)
    await press_stop(telegram)
    await telegram.press_key("announcements.button_stop_yes")
    assert await audience_ids(db) == {"2002"}
