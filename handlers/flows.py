"""The conversations this bot offers.

Order matters twice: it is the main-menu order, and the order in which flows are offered
input that arrives outside any conversation (``Flow.on_idle``): a shared contact goes to
linking, a backup file to booking, a CSV from a manager to the import, and only then is a
customer's free text or file relayed to their open request.
"""

from __future__ import annotations

from pathlib import Path

from handlers.booking import BookingFlow
from handlers.callback import CallbackFlow
from handlers.consent import ConsentFlow
from handlers.desk_actions import DeskActionsFlow
from handlers.desk_commands import DeskCommandsFlow
from handlers.flow import Flow
from handlers.invitations import InviteFlow
from handlers.key_loss import KeyLossFlow
from handlers.linking import LinkingFlow, LinkRequestFlow
from handlers.linking_desk import LinkingDeskFlow
from handlers.manager_contact import ManagerContactFlow
from handlers.privacy import PrivacyFlow
from handlers.rating import RatingFlow
from handlers.relay import RelayFlow
from handlers.reminder_settings import ReminderSettingsFlow
from handlers.renewal import RenewalFlow
from handlers.session_bill import SessionBillFlow
from handlers.support_faq import SupportFaqFlow
from handlers.transfer import TransferFlow
from handlers.transfer_desk import TransferDeskFlow


def default_flows(*, files_dir: Path | None = None) -> list[Flow]:
    """Every conversation; ``files_dir`` is where received files are stored (FILES_DIR)."""
    return [
        # Customers' main menu.
        RenewalFlow(),
        KeyLossFlow(),
        TransferFlow(),
        BookingFlow(),
        ManagerContactFlow(),
        CallbackFlow(),
        SupportFaqFlow(),
        LinkingFlow(),
        # Managers' main menu and desk.
        DeskCommandsFlow(),
        InviteFlow(),
        DeskActionsFlow(),
        LinkingDeskFlow(),
        TransferDeskFlow(),
        SessionBillFlow(),
        # Started by other flows, commands or buttons only.
        ConsentFlow(),
        LinkRequestFlow(),
        PrivacyFlow(files_dir=files_dir),
        ReminderSettingsFlow(),
        RatingFlow(),
        # Last: a customer's free input goes to their open request.
        RelayFlow(),
    ]
