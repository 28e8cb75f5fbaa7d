"""A question typed at the menu that plainly asks for one of the flows: the customer is
offered that flow's button and "Send to a manager", never a dead end, and nothing they
wrote is lost."""

from __future__ import annotations

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import CONSOLE_DESK, last_to, requests_filed, state_of

clock, engine = desk_world.clock, desk_world.engine
TG = Platform.TELEGRAM


async def test_lost_key_typed_at_the_menu_offers_the_key_loss_flow(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    await customer.send("Здравствуйте, мы потеряли ключ")
    assert customer.said("relay.offer")
    assert customer.button_of("key_loss.menu").payload == encode("go", "key_loss")
    assert customer.button_of("relay.send_to_manager")
    assert await requests_filed(db) == []  # nothing filed before the customer chooses
    await customer.press_key("key_loss.menu")
    assert (await state_of(db, TG, "1001"))[0] == "key_loss"


async def test_send_to_a_manager_files_the_question_as_written(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    await customer.send("Сколько стоит продление для двух рабочих мест?")
    assert customer.button_of("menu.renewal")
    await customer.press_key("relay.send_to_manager")
    (filed,) = await requests_filed(db)
    assert customer.said("relay.question_filed", number=filed["id"])
    card = await last_to(db, *CONSOLE_DESK)
    assert "Сколько стоит продление для двух рабочих мест?" in card.text
    # The offer's button is spent: pressed again it changes nothing.
    await customer.payload(encode("relay.send"))
    assert customer.said("common.stale_button")
    assert len(await requests_filed(db)) == 1


async def test_writing_again_instead_of_pressing_sends_both_messages(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001", language="en")
    await customer.send("/start")
    await customer.send("Please call me back")
    assert customer.said("relay.offer")
    await customer.send("Tomorrow after 3 pm is fine")
    (filed,) = await requests_filed(db)
    assert customer.said("relay.question_filed", number=filed["id"])
    card = await last_to(db, *CONSOLE_DESK)
    assert "Please call me back\nTomorrow after 3 pm is fine" in card.text
