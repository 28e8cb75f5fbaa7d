"""The conversations this bot offers.

Order matters twice: it is the main-menu order, and the order in which flows are offered
input that arrives outside any conversation (``Flow.on_idle``): a shared contact goes to
linking, a backup file to booking, a CSV from a manager to the import, and only then is a
customer's free text or file relayed to their open request.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from handlers.desk.announce import AnnounceFlow
from handlers.desk.blocking import BlockingFlow
from handlers.desk.booking_desk import BookingDeskFlow
from handlers.desk.desk_actions import DeskActionsFlow
from handlers.desk.desk_commands import DeskCommandsFlow
from handlers.desk.invite import InviteFlow
from handlers.desk.linking_desk import LinkingDeskFlow
from handlers.desk.session_bill import SessionBillFlow
from handlers.desk.transfer_desk import TransferDeskFlow
from handlers.desk.web_link import WebLinkFlow
from handlers.engine.flow import Flow
from handlers.flows.announcements import AnnouncementsFlow
from handlers.flows.booking import BookingFlow
from handlers.flows.callback import CallbackFlow
from handlers.flows.consent import ConsentFlow
from handlers.flows.document_requests import DocumentRequestFlow
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.flows.link_request import LinkRequestFlow
from handlers.flows.linking import LinkingFlow
from handlers.flows.manager_contact import ManagerContactFlow
from handlers.flows.my_requests import MyRequestsFlow
from handlers.flows.privacy import PrivacyFlow
from handlers.flows.protection.flow import ProtectionFlow
from handlers.flows.rating import RatingFlow
from handlers.flows.relay import RelayFlow
from handlers.flows.reminders import ReminderSettingsFlow
from handlers.flows.renewal import RenewalFlow
from handlers.flows.support_faq import SupportFaqFlow
from handlers.flows.transfer.flow import TransferFlow
from storage.models import RequestKind


@cache
def document_flows() -> Mapping[RequestKind, str]:
    """The flow that collects the documents of each kind of request that can wait for
    them (the document reminder's "continue request N" button), read off the flows."""
    return MappingProxyType(
        {
            flow.request_kind: flow.name
            for flow in default_flows()
            if isinstance(flow, DocumentRequestFlow)
        }
    )


def default_flows(*, files_dir: Path | None = None) -> list[Flow]:
    """Every conversation; ``files_dir`` is where received files are stored (FILES_DIR)."""
    return [
        # Customers' main menu.
        RenewalFlow(),
        KeyLossFlow(),
        ProtectionFlow(),
        TransferFlow(),
        BookingFlow(),
        ManagerContactFlow(),
        CallbackFlow(),
        SupportFaqFlow(),
        LinkingFlow(),
        MyRequestsFlow(),
        # Managers' main menu and desk.
        DeskCommandsFlow(),
        InviteFlow(),
        DeskActionsFlow(),
        LinkingDeskFlow(),
        TransferDeskFlow(),
        SessionBillFlow(),
        BookingDeskFlow(),
        WebLinkFlow(),
        BlockingFlow(),
        AnnounceFlow(),
        # Started by other flows, commands or buttons only.
        ConsentFlow(),
        LinkRequestFlow(),
        PrivacyFlow(files_dir=files_dir),
        ReminderSettingsFlow(),
        AnnouncementsFlow(),
        RatingFlow(),
        # Last: a customer's free input goes to their open request.
        RelayFlow(),
    ]
