"""An announcement through the fake VK API (docs/rules.md#announcements): the batch goes out
within the community token's limit, an answer to a customer queued meanwhile leaves in the
next pass ahead of that customer's announcement, and a person who does not allow the
community's messages (VK error 901) is recorded as having blocked the bot."""

from __future__ import annotations

from pathlib import Path

from handlers.desk import announcing
from handlers.desk.announcing import Author, Draft
from handlers.policy import Policy
from storage import announcements, outbox
from storage.db import Database
from storage.models import Platform
from tests.support.vk_world import MANAGER, NOW, VKWorld, vk_world

VK = Platform.VK
RECIPIENTS = 300
FIRST_USER = 700_000
REFUSING = {FIRST_USER + n for n in range(3, RECIPIENTS, 50)}


async def pending(world: VKWorld) -> int:
    async with world.db.unit() as unit:
        return await outbox.pending_count(unit, VK)


async def one_pass(world: VKWorld) -> None:
    await world.sender.dispatch_due()
    await world.sender.settle()


async def test_an_answer_overtakes_the_batch_and_a_refusal_counts_as_blocked(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    async with vk_world(db, policy, tmp_path, demo=False) as world:
        users = [FIRST_USER + n for n in range(RECIPIENTS)]
        world.fake.allowed.update(users)
        world.fake.refusing.update(REFUSING)
        async with db.unit() as unit:
            await unit.executemany(
                "INSERT INTO accounts (platform, user_id, language, created_at) "
                "VALUES ('vk', ?, 'ru', ?)",
                ((str(user), NOW.isoformat()) for user in users),
            )
            number, queued = await announcing.send(
                unit,
                Draft(text_ru="Вышла версия 2027", platforms=("vk",)),
                Author(f"manager:vk:{MANAGER}", VK, str(MANAGER), "ru"),
                today=NOW.date(),
                now=NOW,
            )
        assert queued == RECIPIENTS
        while len(world.fake.sent) < 50:
            await one_pass(world)
        customer = users[-1]  # their announcement is still waiting
        async with db.unit() as unit:
            await outbox.enqueue(unit, VK, str(customer), "Ответ менеджера", now=NOW)
        before = len(world.fake.sent)
        while len(world.fake.sent) == before:
            await one_pass(world)
        assert world.fake.sent[before].peer_id == customer  # first in the very next pass
        assert world.fake.sent[before].text == "Ответ менеджера"
        while await pending(world):
            await one_pass(world)
        assert [s.text for s in world.fake.to(customer)] == [
            "Ответ менеджера",
            "Вышла версия 2027",
        ]
        async with db.unit() as unit:
            progress = await announcements.progress(unit, number)
        assert (progress.delivered, progress.blocked, progress.failed) == (
            RECIPIENTS - len(REFUSING),
            len(REFUSING),
            0,
        )
