"""The Figures page's numbers: requests per vendor-local day by kind, first response and
resolution (p50, p90, max) overall and by kind, ratings per week, renewals quoted and asked
for, and the monthly key runs, on a scripted set of requests with known times."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from handlers.desk_views.figures import Figures, Period, Spread, figures, spread
from handlers.policy import Policy
from storage import keys, licenses, privacy, reminder_log, renewal_batches, requests
from storage.db import Database
from storage.demo import load_demo
from storage.models import RequestKind, RequestStatus
from storage.renewal_batches import BatchKey

M = timedelta(minutes=1)
H = timedelta(hours=1)
MANAGER = "manager:telegram:7"
#: Monday 2 November … Sunday 15 November 2026, Moscow days.
PERIOD = (date(2026, 11, 2), date(2026, 11, 15))


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("minutes", "p50", "p90", "largest"),
    [
        ([], None, None, None),
        ([5], 5, 5, 5),
        ([60, 10, 30, 20], 25, 60, 60),
        (list(range(1, 11)), 5.5, 9, 10),
        (list(range(1, 12)), 6, 10, 11),
        ([3, 3, 3], 3, 3, 3),
    ],
    ids=["none", "one", "four-unsorted", "ten", "eleven", "equal"],
)
def test_median_nearest_rank_p90_and_max(
    minutes: list[int], p50: float | None, p90: int | None, largest: int | None
) -> None:
    def span(value: float | None) -> timedelta | None:
        return None if value is None else value * M

    assert spread(m * M for m in minutes) == Spread(
        len(minutes), span(p50), span(p90), span(largest)
    )


async def _scripted(db: Database) -> None:
    """Requests with known times (UTC; Moscow is UTC+3)."""
    assert (await load_demo(db, today=date(2026, 11, 1), now=utc(1, 7))).ok
    async with db.unit() as unit:

        async def filed(kind: RequestKind, at: datetime) -> int:
            return await requests.create(unit, kind, account_id=None, now=at)

        async def reply(number: int, at: datetime) -> None:
            await requests.set_status(
                unit, number, RequestStatus.WAITING_CUSTOMER, actor=MANAGER, now=at
            )
            await requests.add_note(unit, number, actor=MANAGER, note="Ответ", now=at)

        async def close(number: int, status: RequestStatus, at: datetime, note: str = "") -> None:
            await requests.set_status(unit, number, status, actor=MANAGER, note=note, now=at)

        async def rate(number: int, rating: int, at: datetime) -> None:
            await requests.set_rating(unit, number, rating, at)
            await requests.add_note(
                unit,
                number,
                actor="customer",
                note_line=("history.rating", {"rating": rating}),
                now=at,
            )

        # 2 Nov 10:00 Moscow: answered in 10 minutes, done in 2 hours, rated 5 that day.
        one = await filed(RequestKind.QUESTION, utc(2, 7))
        await reply(one, utc(2, 7, 10))
        await close(one, RequestStatus.DONE, utc(2, 9))
        await rate(one, 5, utc(2, 10))
        # 2 Nov 23:30 Moscow: answered in 30 minutes, done a day later, rated 2 on 4 Nov.
        two = await filed(RequestKind.QUESTION, utc(2, 20, 30))
        await reply(two, utc(2, 21))
        await close(two, RequestStatus.DONE, utc(3, 20, 30))
        await rate(two, 2, utc(4, 9))
        # 3 Nov 00:30 Moscow (still 2 Nov in UTC): taken at once but nobody wrote; done in 3 h.
        three = await filed(RequestKind.RENEWAL, utc(2, 21, 30))
        await requests.set_status(
            unit,
            three,
            RequestStatus.IN_WORK,
            actor=MANAGER,
            manager="telegram:7",
            now=utc(2, 21, 35),
        )
        await requests.mark_first_answer(unit, three, utc(2, 21, 35))
        await close(three, RequestStatus.DONE, utc(3, 0, 30))
        await rate(three, 4, utc(11, 8))
        # 3 Nov: rejected with a reason after 20 minutes (the reason is the first response).
        four = await filed(RequestKind.KEY_LOSS, utc(3, 8))
        await close(four, RequestStatus.REJECTED, utc(3, 8, 20), note="Нужен серийный номер")
        # 10 Nov: answered in an hour, still waiting for the customer.
        five = await filed(RequestKind.QUESTION, utc(10, 9))
        await reply(five, utc(10, 10))
        # 10 Nov: withdrawn by the customer, nobody answered.
        six = await filed(RequestKind.QUESTION, utc(10, 10))
        await close(six, RequestStatus.CANCELLED, utc(10, 11))
        # Outside the period: 1 Nov 23:00 Moscow and 16 Nov 00:30 Moscow.
        await filed(RequestKind.QUESTION, utc(1, 20))
        await filed(RequestKind.RENEWAL, utc(15, 21, 30))

        lic = await licenses.by_number(unit, "L-1001")
        key = await keys.by_serial(unit, "3-1234567")
        assert lic is not None and key is not None
        await reminder_log.record(
            unit, lic.id, "before_7", date(2026, 11, 30), date(2026, 11, 5), utc(5, 7)
        )
        await reminder_log.record(
            unit, lic.id, "before_1", date(2026, 11, 30), date(2026, 11, 29), utc(29, 7)
        )
        await reminder_log.record(
            unit, lic.id, "before_30", date(2026, 11, 30), date(2026, 10, 31), utc(1, 7)
        )
        for month, outcome in (("2026-10", "support_ended"), ("2026-11", "prolonged")):
            batch = await renewal_batches.start(
                unit, month, date.fromisoformat(f"{month}-01"), utc(1, 7)
            )
            assert batch is not None
            await renewal_batches.add_keys(
                unit, batch, month, [BatchKey(key.id, outcome, date(2026, 12, 1))]
            )
            await renewal_batches.finish(unit, batch, None, {}, utc(1, 7))


async def _figures(db: Database, policy: Policy) -> Figures:
    await _scripted(db)
    async with db.unit() as unit:
        return await figures(unit, first=PERIOD[0], last=PERIOD[1], policy=policy)


Q, R, K = RequestKind.QUESTION, RequestKind.RENEWAL, RequestKind.KEY_LOSS


@pytest.mark.parametrize(
    ("day", "by_kind"),
    [
        (date(2026, 11, 2), {Q: 2}),  # 10:00 and 23:30 Moscow
        (date(2026, 11, 3), {R: 1, K: 1}),  # 00:30 Moscow is the 3rd, though UTC says the 2nd
        (date(2026, 11, 4), {}),
        (date(2026, 11, 10), {Q: 2}),
        (date(2026, 11, 15), {}),  # 00:30 on the 16th in Moscow is not the 15th
    ],
)
async def test_requests_are_counted_on_the_vendors_day_by_kind(
    db: Database, policy: Policy, day: date, by_kind: dict[RequestKind, int]
) -> None:
    found = await _figures(db, policy)
    assert len(found.requests_per_day) == 14
    (counted,) = [d for d in found.requests_per_day if d.day == day]
    assert counted.by_kind == by_kind
    assert counted.total == sum(by_kind.values())
    assert found.kinds == (R, K, Q)  # the order of the kinds everywhere


async def test_first_response_is_a_managers_first_written_word_and_resolution_the_close(
    db: Database, policy: Policy
) -> None:
    found = await _figures(db, policy)
    overall = found.overall
    assert overall.filed == 6
    # 10, 30, 20 (the rejection's reason), 60 minutes; the renewal only taken: not counted.
    assert overall.first_response == Spread(4, 25 * M, 60 * M, 60 * M)
    # 2 h, 24 h, 3 h, 20 min; the open and the cancelled one are left out.
    assert overall.resolution == Spread(4, 2.5 * H, 24 * H, 24 * H)
    by_kind = {times.kind: times for times in found.by_kind}
    assert by_kind[Q].filed == 4
    assert by_kind[Q].first_response == Spread(3, 30 * M, 60 * M, 60 * M)
    assert by_kind[Q].resolution == Spread(2, 13 * H, 24 * H, 24 * H)
    assert by_kind[R].first_response == Spread(0, None, None, None)
    assert by_kind[R].resolution == Spread(1, 3 * H, 3 * H, 3 * H)
    assert by_kind[K].first_response == by_kind[K].resolution == Spread(1, 20 * M, 20 * M, 20 * M)
    week_one, week_two = found.weekly_times
    assert (week_one.week, week_one.first_response.count, week_one.resolution.count) == (
        date(2026, 11, 2),
        3,
        4,
    )
    assert week_two.first_response == Spread(1, H, H, H)
    assert week_two.resolution.count == 0


async def test_a_request_reopened_and_closed_again_is_resolved_at_its_last_close(
    db: Database, policy: Policy
) -> None:
    async with db.unit() as unit:
        number = await requests.create(unit, Q, account_id=None, now=utc(4, 7))
        await requests.set_status(unit, number, RequestStatus.DONE, actor=MANAGER, now=utc(4, 8))
        await requests.reopen(unit, number, actor="customer", now=utc(5, 7))
        await requests.set_status(unit, number, RequestStatus.DONE, actor=MANAGER, now=utc(5, 11))
        found = await figures(unit, first=PERIOD[0], last=PERIOD[1], policy=policy)
    assert found.overall.resolution == Spread(1, 28 * H, 28 * H, 28 * H)
    assert found.overall.first_response.count == 0  # done without a word: no response


async def test_ratings_are_counted_and_averaged_by_the_week_they_were_given(
    db: Database, policy: Policy
) -> None:
    found = await _figures(db, policy)
    assert [(w.week, w.count, w.average) for w in found.ratings] == [
        (date(2026, 11, 2), 2, Decimal("3.50")),
        (date(2026, 11, 9), 1, Decimal("4.00")),
    ]


async def test_renewals_quoted_by_reminders_against_invoices_asked_for(
    db: Database, policy: Policy
) -> None:
    found = await _figures(db, policy)
    (november,) = found.renewals
    # The reminder due on 5 Nov counts; 29 Nov and 31 Oct are outside the period.
    assert (november.month, november.quoted, november.requested, november.done) == (
        date(2026, 11, 1),
        1,
        1,
        1,
    )


async def test_the_key_runs_of_the_periods_months(db: Database, policy: Policy) -> None:
    found = await _figures(db, policy)
    (run,) = found.key_runs
    assert (run.month, run.run_on, run.finished, run.keys) == (
        date(2026, 11, 1),
        date(2026, 11, 1),
        True,
        1,
    )
    assert run.outcomes == {
        "prolonged": 1,
        "support_ended": 0,
        "disconnected": 0,
        "excluded_status": 0,
    }


async def test_an_answer_erased_with_the_customers_data_still_counts_as_the_first_response(
    db: Database, policy: Policy
) -> None:
    async with db.unit() as unit:
        answered = await requests.create(unit, Q, account_id=None, now=utc(4, 7))
        await requests.add_note(unit, answered, actor=MANAGER, note="Ответ", now=utc(4, 7, 40))
        rejected = await requests.create(unit, Q, account_id=None, now=utc(4, 8))
        await requests.set_status(
            unit, rejected, RequestStatus.REJECTED, actor=MANAGER, note="Причина", now=utc(4, 8, 20)
        )
        # The manager's own card-line notes are not a written answer.
        noted = await requests.create(unit, Q, account_id=None, now=utc(4, 9))
        await requests.add_note(
            unit,
            noted,
            actor=MANAGER,
            note_line=("history.rating", {"rating": 3}),
            now=utc(4, 9, 5),
        )
        # /forget blanks every free-text note of the person's requests.
        await privacy.replace_request_details(
            unit, [(answered, {}), (rejected, {}), (noted, {})], utc(5, 7)
        )
        found = await figures(unit, first=PERIOD[0], last=PERIOD[1], policy=policy)
    assert found.overall.first_response == Spread(2, 30 * M, 40 * M, 40 * M)


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Period(date(2026, 11, 2), date(2026, 11, 1))
