"""The Figures page: the charts of a period (this month, the last 30 days, or the days a
manager picks), each with its numbers as a table under it, and the times by kind.

The SVG is drawn on the server (:mod:`handlers.desk_views.figure_charts`, which escapes
every text it writes) and embedded in the page: markup, no script.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import aiohttp_jinja2
from aiohttp import web
from markupsafe import Markup

from bot.web.app import desk_of, manager_of, page_context
from handlers.desk_views.figure_charts import figure_charts, times_by_kind_table
from handlers.desk_views.figures import figures
from handlers.i18n import Texts, texts
from handlers.rules.dates import local_today

#: The period choices of the form.
THIS_MONTH, LAST_30_DAYS, CUSTOM = "month", "30days", "custom"
LAST_DAYS = 30


@dataclass(frozen=True, slots=True)
class Choice:
    """The period as the form sent it (kept to fill the form again)."""

    period: str
    first: str
    last: str


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def chosen_period(t: Texts, choice: Choice, today: date, max_days: int) -> tuple[date, date] | str:
    """The days the form asks for, or the error to show."""
    if choice.period == LAST_30_DAYS:
        return today - timedelta(days=LAST_DAYS - 1), today
    if choice.period != CUSTOM:
        return today.replace(day=1), today
    first, last = _day(choice.first), _day(choice.last)
    if first is None or last is None:
        return t("web.figures_not_a_date")
    if last < first:
        return t("web.figures_backwards")
    if (last - first).days + 1 > max_days:
        return t("web.figures_too_long", days=max_days)
    return first, last


async def figures_page(request: web.Request) -> web.Response:
    desk = desk_of(request)
    engine = desk.engine
    policy = engine.policy
    t = texts(manager_of(request).language)
    today = local_today(engine.clock(), policy)
    query = request.query
    choice = Choice(
        query.get("period", THIS_MONTH),
        query.get("from", "")[:20],
        query.get("to", "")[:20],
    )
    found = chosen_period(t, choice, today, policy.web_desk.figures_max_days)
    error = found if isinstance(found, str) else None
    first, last = found if not isinstance(found, str) else (today.replace(day=1), today)
    async with engine.db.unit() as unit:
        counted = await figures(unit, first=first, last=last, policy=policy)
    # figure_charts escapes every text it writes into the SVG: safe to embed as markup.
    charts = [(chart, Markup(chart.svg)) for chart in figure_charts(counted, t)]
    return aiohttp_jinja2.render_template(
        "figures.html",
        request,
        page_context(
            request,
            choice=choice,
            first=first,
            last=last,
            period_text=t("web.figures_period", first=t.date(first), last=t.date(last)),
            error=error,
            charts=charts,
            by_kind=times_by_kind_table(counted, t),
        ),
        status=400 if error else 200,
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/figures", figures_page)
