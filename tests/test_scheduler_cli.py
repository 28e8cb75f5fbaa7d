"""``python -m bot jobs`` as an operator uses it, on the demo data: the key run writes the
batch file and the manager console shows the summary; a second run has nothing to do. The
operator reads what a job did in the managers' language (``MANAGER_LANGUAGE``)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from tests.support.cli import run_bot


def test_jobs_renewals_twice_writes_the_batch_once_and_managers_see_the_summary(
    tmp_path: Path,
) -> None:
    env = {"RENEWAL_BATCH_DIR": str(tmp_path / "renewals")}
    demo = run_bot("console", "--demo", tmp_path=tmp_path, env=env)
    assert demo.returncode == 0, demo.stderr

    first = run_bot("jobs", "renewals", tmp_path=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    (batch,) = (tmp_path / "renewals").glob("renewals-*.csv")
    # the month as a calendar names it and the run date, whichever month this runs in
    assert re.match(
        r"Ежемесячное продление ключей, [а-я]+ \d{4} \(дата прогона \d\d\.\d\d\.\d{4}\): "
        r"выполнено\.\n",
        first.stdout,
    )
    assert "• продлено: 1\n" in first.stdout
    assert f"Файл для оператора ключей: {batch}\n" in first.stdout
    with batch.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["serial", "customer", "programmed_until"]
    assert [row[:2] for row in rows[1:]] == [["3-1234567", "Иван Петров (ООО «Мебель-Про»)"]]

    second = run_bot("jobs", "renewals", tmp_path=tmp_path, env=env)
    assert second.returncode == 0, second.stderr
    assert "делать нечего, прогон уже выполнен" in second.stdout
    assert list((tmp_path / "renewals").iterdir()) == [batch]  # no temporary file left

    manager = run_bot("console", "--as-manager", tmp_path=tmp_path, env=env)
    assert "Ежемесячное продление ключей" in manager.stdout
    assert str(batch) in manager.stdout


def test_jobs_reminders_twice_and_refusals(tmp_path: Path) -> None:
    assert run_bot("console", "--demo", tmp_path=tmp_path).returncode == 0
    first = run_bot("jobs", "reminders", tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    # L-1002 (30 days before) to the console chat; L-1001's E + 10 "pay by E + 14 or lose
    # the protection service" is not due: L-1002 on the same key keeps the service.
    assert "• отправлено напоминаний: 1, сообщений в очереди: 1\n" in first.stdout
    second = run_bot("jobs", "reminders", tmp_path=tmp_path)
    assert second.returncode == 0 and ": делать нечего." in second.stdout
    english = run_bot("jobs", "reminders", tmp_path=tmp_path, env={"MANAGER_LANGUAGE": "en"})
    assert english.returncode == 0 and english.stdout.startswith("Support-expiry reminders of ")
    assert english.stdout.rstrip().endswith(": nothing to do.")

    future = run_bot("jobs", "reminders", "--date", "2999-01-01", tmp_path=tmp_path)
    assert future.returncode == 1
    assert future.stderr.startswith("01.01.2999 ещё не наступило (сегодня ")
    bad = run_bot("jobs", "renewals", "--month", "2026-13", tmp_path=tmp_path)
    assert bad.returncode == 2 and "not a month YYYY-MM" in bad.stderr
    ahead = run_bot("jobs", "renewals", "--month", "2999-01", tmp_path=tmp_path)
    assert ahead.returncode == 1
    assert "Прогон за январь 2999 назначен на 01.01.2999 и ещё не наступил." in ahead.stderr

    customer = run_bot("console", tmp_path=tmp_path)
    assert "Отключить напоминания" in customer.stdout
