"""The command line as an operator uses it: real subprocesses, real files, no tokens."""

from __future__ import annotations

import csv
import re
from datetime import timedelta
from pathlib import Path

import pytest

from handlers.policy import load_policy
from handlers.rules.dates import add_months, local_today
from storage.importer import COLUMNS
from tests.support.cli import run_bot

ROOT = Path(__file__).resolve().parent.parent


def test_console_demo_piped_renewal_quote_of_1998(tmp_path: Path) -> None:
    """The issue's "done when": the README's console, /start, then the quote buttons."""
    result = run_bot("console", "--demo", tmp_path=tmp_path, stdin="/start\n1\n1\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Главное меню" in out
    assert "[1] Продление поддержки" in out
    assert "1\u00a0998\u00a0₽" in out
    from datetime import UTC, datetime

    today = local_today(datetime.now(UTC), load_policy())
    new_end = add_months(today - timedelta(days=10), 12)
    assert new_end.strftime("%d.%m.%Y") in out


def test_manager_console_sees_the_customers_request_card(tmp_path: Path) -> None:
    customer = run_bot("console", "--demo", tmp_path=tmp_path, stdin="1\n1\n1\n")
    assert "№1" in customer.stdout, customer.stderr
    manager = run_bot("console", "--as-manager", tmp_path=tmp_path)
    assert manager.returncode == 0, manager.stderr
    assert "Заявка №1" in manager.stdout
    assert "Взять" in manager.stdout
    # Delivered once: a second manager session does not show it again.
    again = run_bot("console", "--as-manager", tmp_path=tmp_path)
    assert "Заявка №1" not in again.stdout


def test_console_in_english_and_state_survives_a_restart(tmp_path: Path) -> None:
    first = run_bot("console", "--demo", "--lang", "en", tmp_path=tmp_path, stdin="1\n")
    assert "Choose the license" in first.stdout, first.stderr
    second = run_bot("console", tmp_path=tmp_path)
    assert "Choose the license" in second.stdout


def test_a_russian_console_session_prints_its_own_texts_in_russian(tmp_path: Path) -> None:
    """The console's chrome (hints, separators, names) is in the session's language: no
    Latin word in a Russian session but the demo's license number L-1001 (commands, paths
    and the like, which contain a slash, aside)."""
    unlinked = run_bot(
        "console", "--lang", "ru", tmp_path=tmp_path, stdin="/file nowhere/scan.pdf\n8\n"
    )
    assert "Файл nowhere/scan.pdf не найден" in unlinked.stdout, unlinked.stderr
    assert "(поделиться своим телефоном: /contact +79990001122)" in unlinked.stdout
    customer = run_bot(
        "console", "--demo", "--lang", "ru", tmp_path=tmp_path, stdin="/menu\n1\n1\n1\n"
    )
    assert "Заявка №1" in customer.stdout, customer.stderr
    manager = run_bot(
        "console",
        "--as-manager",
        "--lang",
        "ru",
        tmp_path=tmp_path,
        stdin="1\n/request 1\n/export\n",
    )
    assert "──── чат менеджеров, сообщение 1 из очереди ────" in manager.stdout, manager.stderr
    assert "Ведёт: Менеджер в консоли (консоль)" in manager.stdout
    assert "Менеджер в консоли (консоль) · новая → в работе" in manager.stdout
    assert "  (документ: " in manager.stdout
    told = run_bot("console", tmp_path=tmp_path)
    assert "──── новое сообщение ────\nВаша заявка №1 взята в работу" in told.stdout, told.stderr

    printed = "".join(run.stdout for run in (unlinked, customer, manager, told))
    latin = {
        word
        for token in printed.split()
        if "/" not in token
        for word in re.findall(r"[A-Za-z]+", token)
    }
    assert latin <= {"L"}


def test_bad_setting_is_one_clear_line_naming_the_variable(tmp_path: Path) -> None:
    result = run_bot("migrate", tmp_path=tmp_path, env={"VK_GROUP_ID": "club42"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Settings error: VK_GROUP_ID:")
    assert not (tmp_path / "bot.sqlite3").exists()


def test_bad_policy_value_names_its_key_and_writes_nothing(tmp_path: Path) -> None:
    policy = (ROOT / "handlers" / "policy.toml").read_text(encoding="utf-8")
    bad = tmp_path / "policy.toml"
    bad.write_text(policy.replace('standard_rate = "0.45"', 'standard_rate = "45"'), "utf-8")
    result = run_bot("migrate", tmp_path=tmp_path, env={"POLICY_FILE": str(bad)})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "support.standard_rate" in lines[0]
    assert not (tmp_path / "bot.sqlite3").exists()


def test_migrate_reports_the_schema(tmp_path: Path) -> None:
    result = run_bot("migrate", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "schema" in result.stdout


def _row(**values: str) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        customer_name="Иван Петров",
        company="ООО Ромашка",
        phone="8 (999) 000-11-22",
        resident="да",
        product_code="BZ-1",
        product_name="Базис-Отчёт",
        product_price="7990",
        support_months="6",
        product_protection="codemeter",
        workplaces="1",
        support_end="13.11.2026",
        subscription="нет",
    )
    row.update(values)
    return row


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_import_reports_a_bad_row_by_line_and_exits_non_zero(
    tmp_path: Path, delimiter: str
) -> None:
    file = tmp_path / "export.csv"
    with file.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter=delimiter)
        writer.writeheader()
        writer.writerow(_row(license_number="L-1"))
        writer.writerow(_row(license_number="L-2", support_end="31.02.2026"))
    result = run_bot("import", str(file), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "строка 3: support_end: «31.02.2026» — не дата" in result.stderr
    again = run_bot("import", str(file), tmp_path=tmp_path)
    assert again.returncode == 1
    exported = run_bot("export", str(tmp_path / "requests.csv"), tmp_path=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == f"Выгружено заявок: 0. Файл: {tmp_path / 'requests.csv'}\n"


def test_import_reports_in_the_policy_language(tmp_path: Path) -> None:
    """The operator reads the report in the default language of the texts (Russian): the
    summary on stdout, each refused row on stderr naming its line and the file's column;
    no English word but the file's own (column names, accepted values)."""
    file = tmp_path / "export.csv"
    with file.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter=";")
        writer.writeheader()
        writer.writerow(_row(license_number="L-1"))
        writer.writerow(_row(license_number="L-2", support_end="31.02.2026"))
        writer.writerow(_row(license_number="L-3", product_protection="usb"))
        writer.writerow(_row(license_number="L-4", customer_name="Я" * 201))
    result = run_bot("import", str(file), tmp_path=tmp_path)

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Загрузка export.csv: 4 строки, загружено 1.",
        "Создано: 1 клиент, 1 продукт, 1 лицензия, 0 ключей.",
        "Обновлено: 0 клиентов, 0 продуктов, 0 лицензий, 0 ключей.",
        "Ошибок: 3. Строки с ошибками пропущены:",
    ]
    refused = [line for line in result.stderr.splitlines() if not line.startswith(("[", " "))]
    refused = [line for line in refused if line]
    assert refused == [
        "строка 3: support_end: «31.02.2026» — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
        "строка 4: product_protection: «usb» — нужно одно из: codemeter | module | none",
        "строка 5: customer_name: 201 символ, а можно не больше 200",
    ]
    file_words = {"usb", "codemeter", "module", "none"} | {
        part for column in COLUMNS for part in column.split("_")
    }
    assert set(re.findall(r"[A-Za-z]+", "\n".join(refused))) <= file_words
