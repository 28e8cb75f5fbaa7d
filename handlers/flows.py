"""The conversations this bot offers, in main-menu order."""

from __future__ import annotations

from handlers.consent import ConsentFlow
from handlers.flow import Flow
from handlers.renewal import RenewalFlow


def default_flows() -> list[Flow]:
    return [RenewalFlow(), ConsentFlow()]
