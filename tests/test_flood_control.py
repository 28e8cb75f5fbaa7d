"""Flood control (docs/rules.md#flood-control): a chat that writes faster than the policy's
limit a minute has every message kept in its request's history, but the managers get one
update per burst instead of a notice per message, and the customer one polite answer. A
person not linked to a customer has the stricter limit. Below the limit nothing changes.
Real SQLite, the engine with every flow, a controllable clock; Telegram, VK and the console
alike."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import CONSOLE_DESK, events_of, link_demo_customer, messages_to

clock, engine = desk_world.clock, desk_world.engine
#: The shipped policy's limits a minute (handlers/policy.toml, [flood]).
LINKED_LIMIT, UNLINKED_LIMIT = 20, 6


async def only_request(db: Database) -> int:
    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT id FROM requests")
    assert len(rows) == 1, [tuple(row) for row in rows]
    return int(rows[0]["id"])


async def customer_notes(db: Database, request_id: int) -> list[str]:
    events = await events_of(db, request_id)
    return [note for actor, _, _, note in events if actor == "customer" and note]


async def write_many(chat: Chat, clock: Clock, count: int, *, every: float) -> list[set[str]]:
    """``chat`` writes ``count`` messages, ``every`` seconds apart; the catalogue keys of
    each answer (the managers' texts rendered meanwhile included)."""
    said = []
    for number in range(1, count + 1):
        await chat.send(f"Сообщение {number}")
        said.append(set(chat.keys) | ({"(silence)"} if not chat.replies else set()))
        clock.advance(seconds=every)
    return said


async def test_a_flood_of_100_messages_is_one_update_for_the_managers_and_all_kept(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)

    said = await write_many(customer, clock, 100, every=0.5)

    number = await only_request(db)
    assert await customer_notes(db, number) == [f"Сообщение {n}" for n in range(1, 101)]
    to_managers = await messages_to(db, *CONSOLE_DESK)
    # The new question's card, a notice for each message within the limit, then exactly
    # one update for the whole burst, and nothing for the 79 messages after it.
    assert len(to_managers) == 1 + (LINKED_LIMIT - 1) + 1
    assert all(message.request_id == number for message in to_managers)
    updates = [keys for keys in said if "relay.flood_to_managers" in keys]
    assert len(updates) == 1 and "relay.flood_to_managers" in said[LINKED_LIMIT]
    assert "Сообщение 21" in to_managers[-1].text and "/request" in to_managers[-1].text
    # The customer: told once, politely; not answered message by message after that.
    notices = [keys for keys in said if "relay.flood_notice" in keys]
    assert len(notices) == 1 and "relay.flood_notice" in said[LINKED_LIMIT]
    assert all(keys == {"(silence)"} for keys in said[LINKED_LIMIT + 1 :])
    assert all("relay.joined" in keys for keys in said[1:LINKED_LIMIT])


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.VK, Platform.CONSOLE])
async def test_a_stranger_hits_the_stricter_limit(
    engine: Engine, db: Database, clock: Clock, platform: Platform
) -> None:
    stranger = Chat(engine, user_id="2002", platform=platform)
    await stranger.send("/start")

    said = await write_many(stranger, clock, 10, every=2)

    number = await only_request(db)
    assert len(await customer_notes(db, number)) == 10
    assert [i for i, keys in enumerate(said) if "relay.flood_notice" in keys] == [UNLINKED_LIMIT]
    assert len(await messages_to(db, *CONSOLE_DESK)) == 1 + (UNLINKED_LIMIT - 1) + 1


async def test_below_the_limit_every_message_reaches_the_managers(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)

    said = await write_many(customer, clock, LINKED_LIMIT, every=1)

    assert not any(
        "relay.flood_notice" in keys or "relay.flood_to_managers" in keys for keys in said
    )
    assert all("relay.joined" in keys and "relay.to_managers" in keys for keys in said[1:])
    assert len(await messages_to(db, *CONSOLE_DESK)) == LINKED_LIMIT


async def test_after_a_calm_minute_messages_reach_the_managers_again(
    engine: Engine, db: Database, clock: Clock
) -> None:
    stranger = Chat(engine, user_id="2002")
    await stranger.send("/start")
    first_burst = await write_many(stranger, clock, 12, every=1)
    assert sum("relay.flood_notice" in keys for keys in first_burst) == 1

    clock.advance(minutes=2)
    await stranger.send("Вы здесь?")
    assert stranger.said("relay.joined") and stranger.said("relay.to_managers")

    second_burst = await write_many(stranger, clock, 8, every=1)
    # A new burst: told again, once.
    assert sum("relay.flood_notice" in keys for keys in second_burst) == 1
    number = await only_request(db)
    assert len(await customer_notes(db, number)) == 12 + 1 + 8


async def test_a_flood_after_reply_is_kept_with_that_request(
    engine: Engine, db: Database, clock: Clock
) -> None:
    stranger = Chat(engine, user_id="2002")
    await stranger.send("/start")
    await write_many(stranger, clock, UNLINKED_LIMIT, every=1)
    number = await only_request(db)
    await stranger.payload(f"1:relay.to:{number}")
    await stranger.send("Ещё одно")
    assert stranger.said("relay.flood_notice", number=number)
    assert (await customer_notes(db, number))[-1] == "Ещё одно"
