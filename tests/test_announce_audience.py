"""Who an announcement reaches (docs/rules.md#announcements): the audience filters on a
generated portfolio of 12,000 licenses, each filter's count stated, the support statuses
checked against the pure rule, and the queries on the licenses' index."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from handlers.desk.announcing import Draft, count
from handlers.rules.announcements import SupportStatus, in_status, support_end_range
from storage import announcements
from storage.db import Database
from tests.support.announce_world import TODAY, Portfolio, PortfolioLicense, generate_portfolio

ANY = SupportStatus.ANY

#: Filters → the number of chats they choose (6,000 customers with 12,000 licenses; 6,000
#: chats, 300 of them linked to nobody and 120 opted out).
TABLE: list[tuple[str, Draft, int]] = [
    ("everyone reachable", Draft(), 5880),
    ("telegram", Draft(platforms=("telegram",)), 4629),
    ("vk", Draft(platforms=("vk",)), 1251),
    ("english", Draft(languages=("en",)), 1960),
    ("russian or bulgarian in vk", Draft(languages=("ru", "bg"), platforms=("vk",)), 834),
    ("linked only", Draft(linked_only=True), 5586),
    ("product CAD", Draft(products=(1,)), 3724),
    ("product CAD or EST", Draft(products=(1, 3)), 5586),
    ("support active", Draft(support=SupportStatus.ACTIVE), 4326),
    ("ends within 30 days", Draft(support=SupportStatus.ENDS_WITHIN, support_days=30), 2645),
    ("lapsed", Draft(support=SupportStatus.LAPSED), 4076),
    ("lapsed over 60 days", Draft(support=SupportStatus.LAPSED_OVER, support_days=60), 2058),
    ("protection connected", Draft(protection="yes"), 1764),
    ("protection not connected", Draft(protection="no"), 3822),
    (
        "CAD, ends within 30 days, connected, telegram",
        Draft(
            products=(1,),
            support=SupportStatus.ENDS_WITHIN,
            support_days=30,
            protection="yes",
            platforms=("telegram",),
        ),
        239,
    ),
]


@pytest.fixture
async def portfolio(db: Database) -> Portfolio:
    return await generate_portfolio(db)


def expected(portfolio: Portfolio, draft: Draft) -> int:
    """The same audience counted in Python from the generated rows and the pure rule."""
    licenses: dict[int, list[PortfolioLicense]] = {}
    for lic in portfolio.licenses:
        licenses.setdefault(lic.customer, []).append(lic)
    protected = {lic.customer for lic in portfolio.licenses if lic.protected}
    by_license = bool(draft.products or draft.support is not ANY)
    chosen = 0
    for account in portfolio.accounts:
        if account.opted_out:
            continue
        if draft.platforms and account.platform not in draft.platforms:
            continue
        if draft.languages and account.language not in draft.languages:
            continue
        if (draft.linked_only or by_license or draft.protection) and account.customer is None:
            continue
        if by_license and not any(
            (not draft.products or lic.product in draft.products)
            and in_status(draft.support, draft.support_days, lic.support_end, TODAY)
            for lic in licenses.get(account.customer or 0, [])
        ):
            continue
        if draft.protection and (account.customer in protected) != (draft.protection == "yes"):
            continue
        chosen += 1
    return chosen


@pytest.mark.parametrize(("name", "draft", "chats"), TABLE, ids=[row[0] for row in TABLE])
async def test_each_filter_chooses_the_stated_number_of_chats(
    db: Database, portfolio: Portfolio, name: str, draft: Draft, chats: int
) -> None:
    async with db.unit() as unit:
        counted = await count(unit, draft, TODAY)
        listed = await announcements.audience(unit, draft.filters(TODAY))
    assert counted.total == chats
    assert len(listed) == chats
    assert expected(portfolio, draft) == chats
    assert sum(counted.by_language.values()) == chats


async def test_the_funnel_narrows_filter_by_filter(db: Database, portfolio: Portfolio) -> None:
    draft = Draft(
        platforms=("telegram",),
        languages=("ru",),
        linked_only=True,
        products=(1,),
        support=SupportStatus.LAPSED,
        protection="no",
    )
    async with db.unit() as unit:
        counted = await count(unit, draft, TODAY)
    assert counted.funnel == [
        ("reachable", 5880),
        ("platform", 4629),
        ("language", 1543),
        ("linked", 1470),
        ("product", 980),
        ("support", 588),
        ("protection", 294),
    ]
    assert counted.opted_out == 96  # of Telegram's chats: not counted in any stage
    assert counted.by_language == {"ru": 294}


async def test_chats_without_a_text_in_their_language_are_counted_before_sending(
    db: Database, portfolio: Portfolio
) -> None:
    draft = Draft(text_ru="Новая версия", text_en="New version")
    async with db.unit() as unit:
        without_fallback = await count(unit, draft, TODAY)
        with_fallback = await count(unit, Draft(text_ru="Новая версия", fallback="ru"), TODAY)
    assert without_fallback.by_language == {"ru": 1960, "en": 1960, "bg": 1960}
    assert without_fallback.left_out == 1960  # the Bulgarian chats: no text, no fallback
    assert without_fallback.recipients == 3920
    assert with_fallback.left_out == 0 and with_fallback.recipients == 5880


async def test_the_renew_button_quotes_the_matching_license_with_the_earliest_end(
    db: Database, portfolio: Portfolio
) -> None:
    draft = Draft(support=SupportStatus.LAPSED, products=(2,))
    async with db.unit() as unit:
        listed = await announcements.audience(unit, draft.filters(TODAY))
    licenses = {lic.id: lic for lic in portfolio.licenses}
    for recipient in listed:
        assert recipient.license_id is not None
        chosen = licenses[recipient.license_id]
        assert chosen.product == 2 and chosen.support_end < TODAY


@pytest.mark.parametrize(
    ("status", "days", "first", "last"),
    [
        (SupportStatus.ACTIVE, 0, TODAY, None),
        (SupportStatus.ENDS_WITHIN, 30, TODAY, TODAY + timedelta(days=30)),
        (SupportStatus.LAPSED, 0, None, TODAY - timedelta(days=1)),
        (SupportStatus.LAPSED_OVER, 60, None, TODAY - timedelta(days=61)),
        (SupportStatus.ANY, 0, None, None),
    ],
)
def test_a_support_status_is_a_range_of_support_ends(
    status: SupportStatus, days: int, first: date | None, last: date | None
) -> None:
    assert support_end_range(status, days, TODAY) == (first, last)
    for offset in range(-100, 101):
        end = TODAY + timedelta(days=offset)
        inside = (first is None or end >= first) and (last is None or end <= last)
        assert in_status(status, days, end, TODAY) == inside, (status, offset)


async def test_the_audience_query_uses_the_license_index(
    db: Database, portfolio: Portfolio
) -> None:
    draft = Draft(products=(1,), support=SupportStatus.ACTIVE, protection="yes")
    params: list[object] = []
    where = announcements.audience_where(draft.filters(TODAY), params)
    async with db.unit() as unit:
        plan = await unit.fetchall(
            f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM accounts a WHERE {where}", params
        )
    details = " | ".join(row["detail"] for row in plan)
    assert "licenses_customer" in details, details
    assert "SCAN l" not in details, details
