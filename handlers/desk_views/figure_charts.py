"""The Figures page's charts (SVG text) and, under each, the same numbers as a table,
worded in the reader's language (``i18n/<lang>/figures.ftl``; kinds as the cards name them).

:func:`figure_charts` is the page's one call: the charts in the page's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from handlers.desk.desk_commands import duration_text
from handlers.desk_views.figures import KEY_RUN_OUTCOMES, Figures, Spread, Times
from handlers.desk_views.svg_charts import ChartText, Series, bar_chart, line_chart
from handlers.i18n import Texts

_RATING_TOP = 5.0


@dataclass(frozen=True, slots=True)
class Table:
    """Numbers as the page shows them under a chart: every cell already worded."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    id: str
    """Unique on the page (the SVG's title and desc ids start with it)."""
    title: str
    svg: str
    table: Table


def _hours(value: timedelta | None) -> float | None:
    return None if value is None else value.total_seconds() / 3600


def _number(t: Texts, value: float) -> str:
    """An axis value: whole numbers as such, else one decimal, the language's way."""
    rounded = Decimal(str(round(value, 1))).normalize()
    return t.number(rounded if rounded != rounded.to_integral_value() else int(rounded))


def _duration(t: Texts, value: timedelta | None) -> str:
    return t("figures.none") if value is None else duration_text(t, value)


def requests_chart(f: Figures, t: Texts) -> Chart:
    """Requests per day, bars stacked by kind."""
    kinds = f.kinds
    names = [t(f"desk.kind_{kind.value}") for kind in kinds]
    days = [t.date(d.day) for d in f.requests_per_day]
    text = ChartText(
        title=t("figures.requests_title"),
        desc=t(
            "figures.requests_desc",
            first=t.date(f.period.first),
            last=t.date(f.period.last),
            total=f.overall.filed,
        ),
        x_label=t("figures.axis_day"),
        y_label=t("figures.axis_requests"),
    )
    series = [
        Series(name, tuple(float(d.by_kind.get(kind, 0)) for d in f.requests_per_day))
        for kind, name in zip(kinds, names, strict=True)
    ]
    svg = bar_chart("requests", text, days, series, value_text=lambda v: _number(t, v))
    table = Table(
        header=(t("figures.column_day"), *names, t("figures.column_total")),
        rows=tuple(
            (
                day,
                *(str(d.by_kind.get(kind, 0)) for kind in kinds),
                str(d.total),
            )
            for day, d in zip(days, f.requests_per_day, strict=True)
        ),
    )
    return Chart("requests", text.title, svg, table)


def _spread_cells(t: Texts, value: Spread) -> tuple[str, ...]:
    return (
        str(value.count),
        _duration(t, value.p50),
        _duration(t, value.p90),
        _duration(t, value.max),
    )


def times_chart(f: Figures, t: Texts) -> Chart:
    """First response and resolution (median, 9 in 10) per week, lines in hours."""
    weeks = [t.date(w.week) for w in f.weekly_times]
    text = ChartText(
        title=t("figures.times_title"),
        desc=t("figures.times_desc", first=t.date(f.period.first), last=t.date(f.period.last)),
        x_label=t("figures.axis_week"),
        y_label=t("figures.axis_hours"),
    )
    series = [
        Series(
            t("figures.series_first_p50"),
            tuple(_hours(w.first_response.p50) for w in f.weekly_times),
        ),
        Series(
            t("figures.series_first_p90"),
            tuple(_hours(w.first_response.p90) for w in f.weekly_times),
        ),
        Series(
            t("figures.series_resolution_p50"),
            tuple(_hours(w.resolution.p50) for w in f.weekly_times),
        ),
        Series(
            t("figures.series_resolution_p90"),
            tuple(_hours(w.resolution.p90) for w in f.weekly_times),
        ),
    ]
    svg = line_chart(
        "times",
        text,
        weeks,
        series,
        value_text=lambda v: _number(t, v),
        point_text=lambda v: duration_text(t, timedelta(hours=v)),
    )
    table = Table(
        header=_times_header(t, t("figures.column_week")),
        rows=tuple(
            (week, *_spread_cells(t, w.first_response), *_spread_cells(t, w.resolution))
            for week, w in zip(weeks, f.weekly_times, strict=True)
        ),
    )
    return Chart("times", text.title, svg, table)


def _times_header(t: Texts, first: str) -> tuple[str, ...]:
    return (
        first,
        t("figures.column_answered"),
        t("figures.column_first_p50"),
        t("figures.column_first_p90"),
        t("figures.column_first_max"),
        t("figures.column_closed"),
        t("figures.column_resolution_p50"),
        t("figures.column_resolution_p90"),
        t("figures.column_resolution_max"),
    )


def times_by_kind_table(f: Figures, t: Texts) -> Table:
    """First response and resolution of all requests of the period, then of each kind."""

    def row(times: Times) -> tuple[str, ...]:
        name = t("figures.all_kinds") if times.kind is None else t(f"desk.kind_{times.kind.value}")
        return (
            name,
            str(times.filed),
            *_spread_cells(t, times.first_response),
            *_spread_cells(t, times.resolution),
        )

    header = _times_header(t, t("figures.column_kind"))
    return Table(
        header=(header[0], t("figures.column_filed"), *header[1:]),
        rows=tuple(row(times) for times in (f.overall, *f.by_kind)),
    )


def ratings_chart(f: Figures, t: Texts) -> Chart:
    """The average rating per week, a line on the 0–5 scale."""
    weeks = [t.date(w.week) for w in f.ratings]
    text = ChartText(
        title=t("figures.ratings_title"),
        desc=t(
            "figures.ratings_desc",
            first=t.date(f.period.first),
            last=t.date(f.period.last),
            count=sum(w.count for w in f.ratings),
        ),
        x_label=t("figures.axis_week"),
        y_label=t("figures.axis_rating"),
    )
    averages = tuple(None if w.average is None else float(w.average) for w in f.ratings)
    svg = line_chart(
        "ratings",
        text,
        weeks,
        [Series(t("figures.series_average"), averages)],
        value_text=lambda v: _number(t, v),
        top=_RATING_TOP,
    )
    table = Table(
        header=(t("figures.column_week"), t("figures.column_ratings"), t("figures.column_average")),
        rows=tuple(
            (week, str(w.count), t("figures.none") if w.average is None else t.number(w.average))
            for week, w in zip(weeks, f.ratings, strict=True)
        ),
    )
    return Chart("ratings", text.title, svg, table)


def renewals_chart(f: Figures, t: Texts) -> Chart:
    """Per month: quotes sent with reminders beside the renewal invoices asked for."""
    months = [t.month(m.month) for m in f.renewals]
    text = ChartText(
        title=t("figures.renewals_title"),
        desc=t("figures.renewals_desc", first=t.date(f.period.first), last=t.date(f.period.last)),
        x_label=t("figures.axis_month"),
        y_label=t("figures.axis_number"),
    )
    series = [
        Series(t("figures.series_quoted"), tuple(float(m.quoted) for m in f.renewals)),
        Series(t("figures.series_requested"), tuple(float(m.requested) for m in f.renewals)),
    ]
    svg = bar_chart(
        "renewals", text, months, series, stacked=False, value_text=lambda v: _number(t, v)
    )
    table = Table(
        header=(
            t("figures.column_month"),
            t("figures.column_quoted"),
            t("figures.column_requested"),
            t("figures.column_done"),
        ),
        rows=tuple(
            (month, str(m.quoted), str(m.requested), str(m.done))
            for month, m in zip(months, f.renewals, strict=True)
        ),
    )
    return Chart("renewals", text.title, svg, table)


def key_run_chart(f: Figures, t: Texts) -> Chart:
    """Per month with a run: the keys by outcome, stacked bars."""
    months = [t.month(run.month) for run in f.key_runs]
    names = [t(f"figures.outcome_{outcome}") for outcome in KEY_RUN_OUTCOMES]
    text = ChartText(
        title=t("figures.keyrun_title"),
        desc=t("figures.keyrun_desc", first=t.date(f.period.first), last=t.date(f.period.last)),
        x_label=t("figures.axis_month"),
        y_label=t("figures.axis_keys"),
    )
    series = [
        Series(name, tuple(float(run.outcomes[outcome]) for run in f.key_runs))
        for outcome, name in zip(KEY_RUN_OUTCOMES, names, strict=True)
    ]
    svg = bar_chart("key-run", text, months, series, value_text=lambda v: _number(t, v))
    table = Table(
        header=(
            t("figures.column_month"),
            t("figures.column_run_on"),
            *names,
            t("figures.column_keys"),
            t("figures.column_finished"),
        ),
        rows=tuple(
            (
                month,
                t.date(run.run_on),
                *(str(run.outcomes[outcome]) for outcome in KEY_RUN_OUTCOMES),
                str(run.keys),
                t("figures.yes" if run.finished else "figures.no"),
            )
            for month, run in zip(months, f.key_runs, strict=True)
        ),
    )
    return Chart("key-run", text.title, svg, table)


def figure_charts(f: Figures, t: Texts) -> tuple[Chart, ...]:
    """Every chart of the Figures page, in its order (the times by kind have no chart:
    :func:`times_by_kind_table`)."""
    return (
        requests_chart(f, t),
        times_chart(f, t),
        ratings_chart(f, t),
        renewals_chart(f, t),
        key_run_chart(f, t),
    )
