"""Flood control (docs/rules.md#flood-control): a chat that writes faster than the policy's
limit a minute has every message kept in its request's history, but the managers get one
update per burst instead of a notice per message, and the customer one polite answer. A
person not linked to a customer has the stricter limit. Below the limit nothing changes.
Real SQLite, the engine with every flow, a controllable clock; Telegram, VK and the console
alike."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from storage import delivery, outbox
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (
    CONSOLE_DESK,
    events_of,
    link_demo_customer,
    managers_sent,
    messages_to,
    payloads,
)

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

    # All 100 are handled before the sender takes anything from the outbox.
    said = await write_many(customer, clock, 100, every=0.5)

    number = await only_request(db)
    assert await customer_notes(db, number) == [f"Сообщение {n}" for n in range(1, 101)]
    to_managers = await messages_to(db, *CONSOLE_DESK)
    # The new question's card, then exactly one update carrying the other 99 messages.
    assert len(to_managers) == 2
    assert all(message.request_id == number for message in to_managers)
    update = to_managers[-1].text
    assert customer.text_of("relay.flood_to_managers", number=number) in update
    assert customer.text_of("relay.notice_latest", count=99) in update
    assert "/request" in update and "Сообщение 100" in update
    # The customer: told once, politely; not answered message by message after that.
    notices = [keys for keys in said if "relay.flood_notice" in keys]
    assert len(notices) == 1 and "relay.flood_notice" in said[LINKED_LIMIT]
    assert all("(silence)" in keys for keys in said[LINKED_LIMIT + 1 :])
    assert all("relay.joined" in keys for keys in said[1:LINKED_LIMIT])


async def test_two_chats_flooding_at_once_keep_their_own_updates(
    engine: Engine, db: Database, clock: Clock
) -> None:
    first, second = Chat(engine, user_id="1001"), Chat(engine, user_id="2002")
    await link_demo_customer(db, first)
    await second.send("/start")

    for n in range(1, 41):
        await first.send(f"Первый {n}")
        await second.send(f"Второй {n}")
        clock.advance(seconds=1)

    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT id, account_id FROM requests ORDER BY id")
    assert len(rows) == 2
    updates = {}
    for row in rows:
        notes = await customer_notes(db, row["id"])
        assert len(notes) == 40
        about = [m for m in await messages_to(db, *CONSOLE_DESK) if m.request_id == row["id"]]
        assert len(about) == 2  # its card and one update
        updates[notes[0].split()[0]] = about[-1].text
    assert "Первый 40" in updates["Первый"] and "Второй" not in updates["Первый"]
    assert "Второй 40" in updates["Второй"] and "Первый" not in updates["Второй"]


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
    # Its card and one update (nothing was sent meanwhile: every message joined it).
    assert len(await messages_to(db, *CONSOLE_DESK)) == 2


async def test_a_conversation_the_managers_keep_up_with_is_a_notice_per_message(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)

    said = []
    for number in range(1, LINKED_LIMIT + 1):
        await customer.send(f"Сообщение {number}")
        said.append(set(customer.keys))
        await managers_sent(db, clock.now)  # the sender keeps up
        clock.advance(seconds=1)

    assert not any(
        "relay.flood_notice" in keys or "relay.flood_to_managers" in keys for keys in said
    )
    assert all("relay.joined" in keys and "relay.to_managers" in keys for keys in said[1:])
    to_managers = await messages_to(db, *CONSOLE_DESK)
    assert len(to_managers) == LINKED_LIMIT
    assert [m.text.splitlines()[-1] for m in to_managers[1:]] == [
        f"Сообщение {n}" for n in range(2, LINKED_LIMIT + 1)
    ]


async def test_messages_waiting_for_the_sender_join_one_notice(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)
    await customer.send("Сообщение 1")
    await managers_sent(db, clock.now)
    number = await only_request(db)

    for n in range(2, 5):
        clock.advance(seconds=10)
        await customer.send(f"Сообщение {n}")

    waiting = (await messages_to(db, *CONSOLE_DESK))[1:]
    assert len(waiting) == 1
    assert customer.text_of("relay.to_managers_many", number=number, count=3) in waiting[0].text
    assert all(f"Сообщение {n}" in waiting[0].text for n in range(2, 5))
    assert payloads(waiting[0]) == [
        encode("desk_actions.reply", number),
        encode("desk_actions.done", number),
    ]


async def test_a_notice_the_sender_took_never_changes(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    await link_demo_customer(db, customer)
    await customer.send("Сообщение 1")
    await managers_sent(db, clock.now)
    await customer.send("Сообщение 2")
    # The sender reads the notice, another message comes, then the sender claims it: what it
    # sends is the notice as claimed, with both messages.
    async with db.unit() as unit:
        (read,) = [
            m
            for m in await outbox.due(unit, *CONSOLE_DESK[:1], clock.now)
            if m.chat_id == CONSOLE_DESK[1]
        ]
    await customer.send("Сообщение 3")
    async with db.unit() as unit:
        claimed = await delivery.claim(unit, read.id)
    assert claimed is not None and "Сообщение 2" in claimed.text and "Сообщение 3" in claimed.text
    assert "Сообщение 3" not in read.text

    # Claimed (being sent): the next message gets a notice of its own.
    await customer.send("Сообщение 4")
    to_managers = await messages_to(db, *CONSOLE_DESK)
    assert [m.id for m in to_managers[1:]] == [
        read.id,
        to_managers[-1].id,
    ] and read.id != to_managers[-1].id
    assert to_managers[1].text == claimed.text
    assert to_managers[-1].text.splitlines()[-1] == "Сообщение 4"
    assert len(await customer_notes(db, await only_request(db))) == 4


async def test_after_a_calm_minute_messages_reach_the_managers_again(
    engine: Engine, db: Database, clock: Clock
) -> None:
    stranger = Chat(engine, user_id="2002")
    await stranger.send("/start")
    first_burst = await write_many(stranger, clock, 12, every=1)
    assert sum("relay.flood_notice" in keys for keys in first_burst) == 1

    clock.advance(minutes=2)
    await managers_sent(db, clock.now)  # the update went out during the calm
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
