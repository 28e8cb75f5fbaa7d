"""``python -m bot jobs`` as an operator uses it, on the demo data: the key run writes the
batch file and the manager console shows the summary; a second run has nothing to do."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.test_cli import run_bot


def test_jobs_renewals_twice_writes_the_batch_once_and_managers_see_the_summary(
    tmp_path: Path,
) -> None:
    env = {"RENEWAL_BATCH_DIR": str(tmp_path / "renewals")}
    demo = run_bot("console", "--demo", tmp_path=tmp_path, env=env)
    assert demo.returncode == 0, demo.stderr

    first = run_bot("jobs", "renewals", tmp_path=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    (batch,) = (tmp_path / "renewals").glob("renewals-*.csv")
    assert f"batch file {batch}" in first.stdout and "prolonged 1" in first.stdout
    with batch.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["serial", "customer", "programmed_until"]
    assert [row[:2] for row in rows[1:]] == [["3-1234567", "Иван Петров (ООО «Мебель-Про»)"]]

    second = run_bot("jobs", "renewals", tmp_path=tmp_path, env=env)
    assert second.returncode == 0, second.stderr
    assert "nothing to do" in second.stdout
    assert list((tmp_path / "renewals").iterdir()) == [batch]  # no temporary file left

    manager = run_bot("console", "--as-manager", tmp_path=tmp_path, env=env)
    assert "Ежемесячное продление ключей" in manager.stdout
    assert str(batch) in manager.stdout


def test_jobs_reminders_twice_and_refusals(tmp_path: Path) -> None:
    assert run_bot("console", "--demo", tmp_path=tmp_path).returncode == 0
    first = run_bot("jobs", "reminders", tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    # L-1001 (E + 10, protection service) and L-1002 (30 days before) to the console chat
    assert "reminders 2, messages queued 2" in first.stdout
    second = run_bot("jobs", "reminders", tmp_path=tmp_path)
    assert second.returncode == 0 and "nothing to do" in second.stdout

    future = run_bot("jobs", "reminders", "--date", "2999-01-01", tmp_path=tmp_path)
    assert future.returncode == 1 and "in the future" in future.stderr
    bad = run_bot("jobs", "renewals", "--month", "2026-13", tmp_path=tmp_path)
    assert bad.returncode == 2 and "not a month YYYY-MM" in bad.stderr
    ahead = run_bot("jobs", "renewals", "--month", "2999-01", tmp_path=tmp_path)
    assert ahead.returncode == 1 and "not yet come" in ahead.stderr

    customer = run_bot("console", tmp_path=tmp_path)
    assert "Отключить напоминания" in customer.stdout
