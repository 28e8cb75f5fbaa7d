"""A vendor rewords a text without editing the package: the policy's ``texts_dir``."""

from __future__ import annotations

from pathlib import Path

from handlers.policy import default_policy_path
from tests.support.cli import run_bot


def vendor_policy(tmp_path: Path, override: str) -> Path:
    """A copy of the packaged policy naming ``texts`` beside it, with one Russian file."""
    folder = tmp_path / "vendor"
    (folder / "texts" / "ru").mkdir(parents=True)
    (folder / "texts" / "ru" / "greeting.ftl").write_text(override, encoding="utf-8")
    policy = default_policy_path().read_text(encoding="utf-8")
    policy = policy.replace('currency = "RUB"\n', 'currency = "RUB"\ntexts_dir = "texts"\n', 1)
    (folder / "policy.toml").write_text(policy, encoding="utf-8")
    return folder / "policy.toml"


def test_an_overridden_greeting_is_what_the_customer_reads(tmp_path: Path) -> None:
    policy = vendor_policy(
        tmp_path, "common-welcome = Здравствуйте! Вас приветствует поддержка «Ромашки».\n"
    )
    result = run_bot(
        "console", "--demo", tmp_path=tmp_path, stdin="/start\n", env={"POLICY_FILE": str(policy)}
    )
    assert result.returncode == 0, result.stderr
    assert "Здравствуйте! Вас приветствует поддержка «Ромашки»." in result.stdout
    assert "Я бот технической поддержки" not in result.stdout
    assert "Главное меню. Что вас интересует?" in result.stdout  # the rest as shipped

    english = run_bot(
        "console",
        "--lang",
        "en",
        tmp_path=tmp_path,
        stdin="/start\n",
        env={"POLICY_FILE": str(policy), "DATABASE_PATH": str(tmp_path / "en.sqlite3")},
    )
    assert "«Ромашки»" not in english.stdout, english.stderr


def test_a_misspelt_override_stops_the_start_naming_the_text(tmp_path: Path) -> None:
    policy = vendor_policy(tmp_path, "common-welcom = Здравствуйте!\n")
    result = run_bot("console", tmp_path=tmp_path, env={"POLICY_FILE": str(policy)})
    assert result.returncode != 0
    assert "common.welcom" in result.stderr and "greeting.ftl" in result.stderr
    assert "Traceback" not in result.stderr
