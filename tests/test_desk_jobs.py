"""Work deferred until the step has committed (Context.after_commit), and the request
statistics query behind /stats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.flow import Context, Flow
from handlers.engine.payloads import Payload
from handlers.policy import Policy
from storage import requests
from storage.db import Database
from storage.models import RequestKind, RequestStatus
from tests.support.chat import Chat, Clock

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class _Deferring(Flow):
    """Files a request, then (after commit) reads it in a unit of its own."""

    name = "deferring"
    for_managers = None
    commands = ("/defer", "/defer_and_fail")

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        request_id = await requests.create(
            ctx.unit, RequestKind.QUESTION, account_id=ctx.account.id, now=ctx.now
        )

        async def job(db: Database) -> None:
            async with db.unit() as unit:  # would deadlock inside the step's unit
                request = await requests.get(unit, request_id)
            ctx.say(f"after commit: request {request.id if request else None}")

        ctx.after_commit(job)
        ctx.say("in the step")
        if name == "/defer_and_fail":
            raise RuntimeError("the step failed")

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()


async def test_a_job_runs_after_the_commit_and_its_replies_come_last(
    db: Database, policy: Policy
) -> None:
    engine = Engine(db, policy, [_Deferring()], desk=ManagerDesk.console_only(), clock=Clock(NOW))
    chat = Chat(engine)
    await chat.send("/defer")
    assert [r.text for r in chat.replies] == ["in the step", "after commit: request 1"]


async def test_no_job_runs_when_the_step_fails(db: Database, policy: Policy) -> None:
    engine = Engine(db, policy, [_Deferring()], desk=ManagerDesk.console_only(), clock=Clock(NOW))
    chat = Chat(engine)
    try:
        await chat.send("/defer_and_fail")
    except RuntimeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the step should have failed")
    async with db.unit() as unit:
        assert await requests.get(unit, 1) is None


async def test_stats_median_of_an_even_count_and_counts_by_kind_and_status(db: Database) -> None:
    async with db.unit() as unit:
        for minutes, kind in (
            (10, RequestKind.RENEWAL),
            (30, RequestKind.RENEWAL),
            (50, RequestKind.CALLBACK),
            (120, RequestKind.RENEWAL),
        ):
            request_id = await requests.create(unit, kind, account_id=None, now=NOW)
            await requests.mark_first_answer(unit, request_id, NOW + timedelta(minutes=minutes))
        waiting = await requests.create(unit, RequestKind.CALLBACK, account_id=None, now=NOW)
        await requests.set_status(unit, waiting, RequestStatus.CANCELLED, actor="customer", now=NOW)
    async with db.unit() as unit:
        stats = await requests.stats(unit)
    assert stats.median_first_answer == timedelta(minutes=40)
    assert stats.p90_first_answer == timedelta(minutes=120)  # nearest rank: the 4th of 4
    assert stats.answered == 4 and stats.total == 5
    assert stats.counts == {
        (RequestKind.RENEWAL, RequestStatus.NEW): 3,
        (RequestKind.CALLBACK, RequestStatus.NEW): 1,
        (RequestKind.CALLBACK, RequestStatus.CANCELLED): 1,
    }


async def test_stats_of_no_requests(db: Database) -> None:
    async with db.unit() as unit:
        stats = await requests.stats(unit)
    assert (stats.total, stats.answered, stats.median_first_answer) == (0, 0, None)
    assert stats.p90_first_answer is None


async def test_the_ninetieth_percentile_is_the_nearest_rank(db: Database) -> None:
    async with db.unit() as unit:
        for minutes in range(1, 21):  # 1 … 20 minutes: the 18th is the 90th percentile
            request_id = await requests.create(unit, RequestKind.QUESTION, account_id=None, now=NOW)
            await requests.mark_first_answer(unit, request_id, NOW + timedelta(minutes=minutes))
    async with db.unit() as unit:
        stats = await requests.stats(unit)
    assert stats.p90_first_answer == timedelta(minutes=18)
