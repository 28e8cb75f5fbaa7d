"""The Figures page's charts: SVG that parses as XML, names itself for screen readers,
labels both axes and its legend in the reader's language, escapes every text that comes
from data, and carries its numbers as a table."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from handlers.desk_views.figure_charts import Chart, figure_charts, times_by_kind_table
from handlers.desk_views.figures import Figures, Period, count_figures
from handlers.i18n import Texts
from storage.figures import KeyRunMonth, Rating, RequestTimes
from storage.models import RequestKind, RequestStatus

SVG = "{http://www.w3.org/2000/svg}"
MOSCOW = ZoneInfo("Europe/Moscow")
PERIOD = Period(date(2026, 11, 2), date(2026, 11, 15))


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def scripted() -> Figures:
    def times(n: int, kind: RequestKind, filed: datetime, reply: int | None, close: int | None):
        return RequestTimes(
            n,
            kind,
            RequestStatus.DONE if close is not None else RequestStatus.NEW,
            filed,
            filed + timedelta(minutes=reply) if reply is not None else None,
            filed + timedelta(minutes=close) if close is not None else None,
        )

    requests = [
        times(1, RequestKind.QUESTION, utc(2, 7), 10, 120),
        times(2, RequestKind.QUESTION, utc(2, 20, 30), 30, 1440),
        times(3, RequestKind.RENEWAL, utc(3, 8), None, 180),
        times(4, RequestKind.KEY_LOSS, utc(10, 9), 60, None),
    ]
    ratings = [
        Rating(1, RequestKind.QUESTION, 5, utc(2, 10)),
        Rating(2, RequestKind.QUESTION, 2, utc(4, 9)),
    ]
    runs = [KeyRunMonth("2026-11", date(2026, 11, 1), True, {"prolonged": 3, "disconnected": 1})]
    return count_figures(PERIOD, MOSCOW, requests, ratings, {"2026-11": 7}, runs)


def parsed(chart: Chart) -> ET.Element:
    root = ET.fromstring(chart.svg)  # raises on anything that is not well-formed XML
    assert root.tag == f"{SVG}svg"
    return root


def texts_of(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("language", ["ru", "en", "bg"])
def test_every_chart_parses_names_itself_and_labels_its_axes_and_legend(language: str) -> None:
    t = Texts(language, "RUB")
    charts = figure_charts(scripted(), t)
    assert [chart.id for chart in charts] == ["requests", "times", "ratings", "renewals", "key-run"]
    for chart in charts:
        root = parsed(chart)
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and desc is not None
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert title.text == chart.title
        assert desc.text
    requests = texts_of(parsed(charts[0]))
    assert t("figures.axis_day") in requests and t("figures.axis_requests") in requests
    for kind in ("question", "renewal", "key_loss"):
        assert t(f"desk.kind_{kind}") in requests  # the legend
    assert t.date(date(2026, 11, 2)) in requests  # the day under its bar
    points = ["".join(node.itertext()) for node in parsed(charts[1]).iter(f"{SVG}title")]
    median = t("desk_commands.duration_minutes", minutes=20)  # of 10 and 30 minutes
    assert f"{t.date(date(2026, 11, 2))} — {t('figures.series_first_p50')}: {median}" in points


@pytest.mark.parametrize(
    ("language", "day", "week", "kind"),
    [
        ("ru", "День", "Неделя с", "Вид заявки"),
        ("en", "Day", "Week from", "Kind of request"),
        ("bg", "Ден", "Седмица от", "Вид заявка"),
    ],
)
def test_the_tables_under_the_charts_speak_the_readers_language(
    language: str, day: str, week: str, kind: str
) -> None:
    t = Texts(language, "RUB")
    found = scripted()
    requests, times, ratings, renewals, key_run = figure_charts(found, t)
    assert requests.table.header[0] == day
    assert len(requests.table.rows) == 14
    first = requests.table.rows[0]
    assert first[0] == t.date(date(2026, 11, 2)) and first[-1] == "2"
    assert times.table.header[0] == week
    assert ratings.table.header[0] == week
    average = found.ratings[0].average
    assert average is not None
    assert ratings.table.rows[0] == (t.date(date(2026, 11, 2)), "2", t.number(average))
    assert ratings.table.rows[1] == (t.date(date(2026, 11, 9)), "0", "—")
    assert renewals.table.rows == ((t.month(date(2026, 11, 1)), "7", "1", "1"),)
    assert key_run.table.rows[0][2:6] == ("3", "0", "1", "0")
    by_kind = times_by_kind_table(found, t)
    assert by_kind.header[0] == kind
    assert by_kind.rows[0][0] == t("figures.all_kinds")
    # All four: 3 answered (10, 30, 60 minutes), median 30 minutes.
    assert by_kind.rows[0][1:4] == (
        "4",
        "3",
        t("desk_commands.duration_minutes", minutes=30),
    )


def test_a_kind_named_with_markup_characters_is_escaped_in_every_place(tmp_path: Path) -> None:
    folder = tmp_path / "ru"
    folder.mkdir()
    (folder / "desk.ftl").write_text(
        'desk-kind_question = Вопрос <b>&amp; "ответ"</b> & <script>\n', encoding="utf-8"
    )
    t = Texts("ru", "RUB", tmp_path)
    name = t("desk.kind_question")
    requests = figure_charts(scripted(), t)[0]
    assert "<script>" not in requests.svg and "<b>" not in requests.svg
    assert "&lt;b&gt;&amp;amp;" in requests.svg
    root = parsed(requests)
    assert name in texts_of(root)  # the legend reads the name as it is
    tooltips = ["".join(node.itertext()) for node in root.iter(f"{SVG}title")]
    assert any(tip.startswith(f"{t.date(date(2026, 11, 2))} — {name}: ") for tip in tooltips)


def test_a_period_without_anything_still_draws_empty_charts() -> None:
    t = Texts("en", "RUB")
    empty = count_figures(PERIOD, MOSCOW, [])
    for chart in figure_charts(empty, t):
        root = parsed(chart)
        bars = [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
        assert bars == []
    assert figure_charts(empty, t)[4].table.rows == ()
