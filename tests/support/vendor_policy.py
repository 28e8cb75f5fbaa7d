"""A policy ready for ``python -m bot run``: the demo policy with its placeholder contacts
filled (``run`` refuses placeholders, docs/rules.md#vendor-profiles)."""

from __future__ import annotations

from pathlib import Path

from handlers.policy import default_policy_path

#: The demo policy's placeholders and what a deployed vendor would write instead.
FILLED = {
    'email = ""': 'email = "help@vendor.test"',
    'phone = ""': 'phone = "+7 495 000-00-00"',
    'remote_tool = ""': 'remote_tool = "TeamViewer"',
    'voice_tool = ""': 'voice_tool = "Skype"',
    'policy_url = "https://example.com/personal-data-policy"': (
        'policy_url = "https://vendor.test/personal-data-policy"'
    ),
}


def ready_policy_file(folder: Path) -> Path:
    """Write the filled demo policy into ``folder`` and return its path."""
    text = default_policy_path().read_text(encoding="utf-8")
    for placeholder, value in FILLED.items():
        assert placeholder in text, f"the demo policy no longer has {placeholder}"
        text = text.replace(placeholder, value)
    path = folder / "ready-policy.toml"
    path.write_text(text, encoding="utf-8")
    return path
