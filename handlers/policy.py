"""The business policy: every number of docs/rules.md, loaded from ``policy.toml``.

The rules in :mod:`handlers.rules` take a :class:`Policy` instead of constants, so a vendor
changes a rate, a price or working hours in one file. Loading validates every value and a
bad one is reported as ``policy.toml: support.standard_rate: ...`` so the operator knows
which line to fix. Loading a policy also makes its currency and text overrides those of
every text the process renders (:func:`handlers.i18n.use_policy_texts`).
"""

from __future__ import annotations

import tomllib
from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.numbers import list_currencies
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from handlers.i18n import CatalogueError, use_policy_texts

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Rate = Annotated[Decimal, Field(gt=0, le=1)]
PositiveInt = Annotated[int, Field(gt=0)]
NonNegativeInt = Annotated[int, Field(ge=0)]


#: Written in a vendor profile where its document gives no value: the vendor sets it.
#: Loading puts the demo policy's value in its place (so the console demo runs) and
#: :meth:`Policy.unset_values` names the key, so ``python -m bot run`` refuses to start.
TO_BE_SET = "to be set"

#: Addresses that stand for a real one in examples and must never reach a customer.
_PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net")

#: Bundled vendor profiles, chosen as ``POLICY_FILE=v8pro`` (docs/rules.md#vendor-profiles).
PROFILES_DIR = Path(__file__).with_name("policies")


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file and the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Services(_Section):
    """The services the vendor offers; the main menu shows only these
    (a flow names its service in :attr:`handlers.engine.flow.Flow.service`)."""

    #: Support-renewal quotes and the "About support" questions (seed 002).
    renewal: bool = True
    #: Reports of lost, stolen or broken keys (seeds 000, 001).
    key_loss: bool = True
    #: The additional protection service of CodeMeter keys and its monthly run (seed 000).
    protection: bool = True
    #: Transfers, merges and redistribution of licenses between keys (seed 001).
    transfer: bool = True
    #: Paid remote help: a backup sent by e-mail and reviewed (seed 004, 2.1) ...
    backup_review: bool = True
    #: ... and a direct connection to the customer's computer (seeds 003, 004 2.2).
    direct_connection: bool = True
    #: "Leave your phone and we call you back" (seed 000's after-hours widget).
    callback: bool = True

    def offers(self, service: str | None) -> bool:
        """Whether a flow of ``service`` is offered (None: every vendor has it)."""
        if service is None:
            return True
        if service == "sessions":
            return self.backup_review or self.direct_connection
        return bool(getattr(self, service))


class Contacts(_Section):
    """How customers reach the vendor outside the bot (docs/rules.md#contacts).

    A channel left out is one the vendor does not have; one written as ``""`` (or an
    ``example.com`` address) is a placeholder the vendor must fill before ``run``.
    """

    #: The support e-mail customers send scans and backups to ("" until the vendor sets it:
    #: a policy file written before contacts existed still loads, and ``run`` refuses it).
    email: str = ""
    #: The phone line (a consultation line, or the number a call-back comes from).
    phone: str | None = None
    #: False: the vendor gives no support by phone (v8PRO, seed 002).
    phone_support: bool = True
    whatsapp: str | None = None
    #: The chat on the vendor's site (its address).
    web_chat: str | None = None
    vk_group: str | None = None
    telegram: str | None = None
    #: The program a consultant connects with in a direct session (TeamViewer, seed 004).
    remote_tool: str | None = None
    #: The voice program used during a direct session (Skype, seed 004).
    voice_tool: str | None = None

    def listed(self) -> list[tuple[str, str]]:
        """The channels a customer is told about, as (kind, address), in this order."""
        kinds = ("phone", "email", "whatsapp", "web_chat", "vk_group", "telegram")
        return [
            (kind, value)
            for kind in kinds
            if (value := getattr(self, kind)) is not None and not is_placeholder(value)
        ]


def is_placeholder(value: str) -> bool:
    """An empty value, :data:`TO_BE_SET`, or an address at ``example.com`` (or one of its
    subdomains; ``myexample.com`` is a real domain)."""
    text = value.strip().lower()
    if not text or text == TO_BE_SET:
        return True
    host = text.split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    return any(host == domain or host.endswith(f".{domain}") for domain in _PLACEHOLDER_DOMAINS)


class SupportPolicy(_Section):
    default_term_months: PositiveInt = 6
    renewal_term_months: PositiveInt = 12
    preferential_rate: Rate = Decimal("0.25")
    standard_rate: Rate = Decimal("0.45")
    preferential_grace_months: NonNegativeInt = 1


class ProtectionPolicy(_Section):
    programming_days: PositiveInt = 30
    renewal_run_day: Annotated[int, Field(ge=1, le=28)] = 1
    reconnect_after_days: NonNegativeInt = 14
    price_resident: Money
    price_non_resident: Money


class KeyPrices(_Section):
    price_codemeter: Money
    price_module: Money
    delivery_price: Money


class SessionPolicy(_Section):
    hourly_rate: Money = Decimal("1300")
    minimum_hours: PositiveInt = 1
    billing_step_minutes: Annotated[int, Field(ge=1, le=60)] = 1
    connection_fee: Money = Decimal("4000")
    durations_hours: list[PositiveInt] = [1, 2, 3]
    consultants: PositiveInt = 1
    change_until_hours: NonNegativeInt = 2
    #: A session starts at least this many hours after it is booked or moved: seed 004 3.1,
    #: remote support "в отличие от «консультационной линии» не может быть предоставлена
    #: сразу в момент обращения" (unlike the phone line, not given on the spot).
    min_notice_hours: NonNegativeInt = 2
    booking_days_ahead: PositiveInt = 14
    day_before_at: time = time(10, 0)
    hours_before: PositiveInt = 1

    @field_validator("durations_hours")
    @classmethod
    def _durations_not_empty(cls, value: list[int]) -> list[int]:
        if not value:
            raise ValueError("at least one duration is needed")
        return sorted(set(value))


class WorkingHours(_Section):
    weekdays: list[Annotated[int, Field(ge=1, le=7)]] = [1, 2, 3, 4, 5]
    start: time = time(9, 0)
    end: time = time(18, 0)
    holiday_country: str = "RU"

    @model_validator(mode="after")
    def _start_before_end(self) -> WorkingHours:
        if self.start >= self.end:
            raise ValueError("start must be before end")
        if not self.weekdays:
            raise ValueError("weekdays must name at least one day")
        return self

    @field_validator("holiday_country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        import holidays

        if value.upper() not in holidays.list_supported_countries():
            raise ValueError(f"unknown holiday country {value!r}")
        return value.upper()


class ReminderPolicy(_Section):
    daily_at: time = time(10, 0)
    days_before_end: list[PositiveInt] = [30, 7, 1]
    days_after_end: list[PositiveInt] = [1]
    days_before_preferential_end: list[PositiveInt] = [3]
    protection_days_after_end: list[PositiveInt] = [10]
    documents_after_days: PositiveInt = 3


class UploadPolicy(_Section):
    document_types: list[str] = ["pdf", "jpg", "jpeg", "png"]
    document_max_mb: PositiveInt = 10
    backup_types: list[str] = ["zip", "rar", "7z", "bak", "gz"]
    backup_max_mb: PositiveInt = 20
    # License files sent for a transfer (docs/rules.md#license-transfer): CodeMeter
    # update/context files, module license files, or an archive of them.
    license_file_types: list[str] = [
        "wibucmrau",
        "wibucmrac",
        "wibucmlif",
        "lic",
        "dat",
        "key",
        "txt",
        "zip",
        "rar",
        "7z",
    ]
    license_file_max_mb: PositiveInt = 10
    # Files a customer sends with a message of their own (docs/rules.md#uploads): scans
    # and photos, voice messages and recordings, short videos, office files, archives.
    message_types: list[str] = [
        "pdf",
        "jpg",
        "jpeg",
        "png",
        "ogg",
        "oga",
        "mp3",
        "m4a",
        "wav",
        "mp4",
        "mov",
        "txt",
        "docx",
        "xlsx",
        "zip",
    ]
    message_max_mb: PositiveInt = 20

    @field_validator("document_types", "backup_types", "license_file_types", "message_types")
    @classmethod
    def _lower_extensions(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("at least one file type is needed")
        return [ext.lower().lstrip(".") for ext in value]


class LinkingPolicy(_Section):
    max_attempts: PositiveInt = 5
    attempts_window_minutes: PositiveInt = 60
    invitation_valid_hours: PositiveInt = 72


class ConsentPolicy(_Section):
    text_version: str
    policy_url: str
    #: The personal-data law the consent names: Russia's 152-FZ, or the EU's GDPR.
    law: Literal["152-FZ", "GDPR"] = "152-FZ"


class RatingPolicy(_Section):
    # A customer's rating (1 to 5) of a done request at or below this alerts the managers.
    alert_at_most: Annotated[int, Field(ge=0, le=5)] = 2


class DeskPolicy(_Section):
    #: The first answer promised to a customer who writes, in working minutes (counted
    #: only within working hours on working days).
    first_response_minutes: PositiveInt = 60
    #: A request closed as done is reopened by the customer's message within this many
    #: days; a message after that opens a new request that names the old one.
    reopen_days: NonNegativeInt = 7
    #: A manager's answer shows the manager's name (from their messenger profile).
    show_manager_names: bool = True


class WebDeskPolicy(_Section):
    #: A signed-in manager's session ends this many hours after sign-in.
    session_hours: PositiveInt = 12
    #: A sign-in link from ``/web`` works once, within this many minutes.
    sign_in_link_minutes: PositiveInt = 15
    #: Failed sign-ins allowed within the window for one login, and from one address.
    attempts_per_login: PositiveInt = 5
    attempts_per_address: PositiveInt = 20
    attempts_window_minutes: PositiveInt = 15
    #: Requests on one page of the list.
    page_size: PositiveInt = 25
    #: The longest period the Figures page counts, in days.
    figures_max_days: PositiveInt = 366
    #: The largest CSV file the Data page imports, in MiB.
    import_max_mb: PositiveInt = 20


class FloodPolicy(_Section):
    """Flood control (docs/rules.md#flood-control): beyond this many messages a minute a
    chat's messages are kept in the request's history without a notice each."""

    #: A person linked to a customer.
    messages_per_minute: PositiveInt = 20
    #: A person not linked to a customer: stricter (at most the linked customers' limit).
    unlinked_messages_per_minute: PositiveInt = 6

    @model_validator(mode="after")
    def _unlinked_stricter(self) -> FloodPolicy:
        if self.unlinked_messages_per_minute > self.messages_per_minute:
            raise ValueError(
                "unlinked_messages_per_minute must not exceed messages_per_minute "
                f"({self.unlinked_messages_per_minute} > {self.messages_per_minute})"
            )
        return self


class AnnouncementPolicy(_Section):
    #: Not in the vendors' documents: the days a manager's "ends within N days" and "lapsed
    #: more than N days" start from (they type another number to change them).
    ends_within_days: PositiveInt = 30
    lapsed_over_days: PositiveInt = 90


class Policy(_Section):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    #: Keys the file left :data:`TO_BE_SET` (filled with the demo values meanwhile).
    _unset: tuple[str, ...] = PrivateAttr(default=())

    #: The vendor's name as its customers know it (greeting, help).
    vendor: str = ""
    #: The language of a new conversation when the messenger does not name one we speak.
    language: Literal["ru", "en", "bg"] = "ru"
    timezone: str = "Europe/Moscow"
    #: ISO 4217 code of the vendor's prices; texts write it as CLDR does per language.
    currency: str = "RUB"
    #: A folder of catalogue files (``ru/common.ftl``…) whose texts replace the package's
    #: own; relative to the policy file. None: the package's texts as they are.
    texts_dir: Path | None = None
    services: Services = Services()
    contacts: Contacts = Contacts()
    working_hours: WorkingHours
    consent: ConsentPolicy
    # Sections of a service the vendor does not offer may be left out of the file: loading
    # takes the demo policy's (never used) (:data:`SERVICE_SECTIONS`).
    protection: ProtectionPolicy
    keys: KeyPrices
    sessions: SessionPolicy
    # Mechanics with the bot's defaults (docs/rules.md): a vendor copies a section from
    # handlers/policy.toml to change it.
    support: SupportPolicy = SupportPolicy()
    reminders: ReminderPolicy = ReminderPolicy()
    uploads: UploadPolicy = UploadPolicy()
    linking: LinkingPolicy = LinkingPolicy()
    ratings: RatingPolicy = RatingPolicy()
    desk: DeskPolicy = DeskPolicy()
    web_desk: WebDeskPolicy = WebDeskPolicy()
    flood: FloodPolicy = FloodPolicy()
    announcements: AnnouncementPolicy = AnnouncementPolicy()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if value not in list_currencies():
            raise ValueError(f"unknown currency {value!r}: use an ISO 4217 code such as RUB")
        return value

    @property
    def tz(self) -> ZoneInfo:
        """The vendor's time zone: 'today' and working hours are read in it.

        A plain property (ZoneInfo caches zones itself): a cached one would survive
        ``model_copy(update={"timezone": ...})`` with the old zone.
        """
        return ZoneInfo(self.timezone)

    def demo_stand_ins(self) -> list[str]:
        """The keys left :data:`TO_BE_SET`, whose demo values are in use meanwhile."""
        return sorted(self._unset)

    def unset_values(self) -> list[str]:
        """The keys ``run`` refuses to start with: values the vendor's profile leaves to
        the vendor (:data:`TO_BE_SET`) and contacts that are still placeholders."""
        unset = list(self._unset)
        for name in Contacts.model_fields:
            value = getattr(self.contacts, name)
            if isinstance(value, str) and is_placeholder(value):
                unset.append(f"contacts.{name}")
        if self.services.direct_connection and self.contacts.remote_tool is None:
            unset.append("contacts.remote_tool")  # direct sessions name their program
        if is_placeholder(self.consent.policy_url):
            unset.append("consent.policy_url")
        return sorted(set(unset))


def default_policy_path() -> Path:
    """The ``policy.toml`` shipped inside the package: the demo vendor, every service on."""
    return Path(__file__).with_name("policy.toml")


def bundled_profiles() -> list[str]:
    """The names of the bundled vendor profiles (``bazis``, ``v8pro``…)."""
    return sorted(path.stem for path in PROFILES_DIR.glob("*.toml"))


def policy_path(name: str | Path | None) -> Path:
    """The file of ``POLICY_FILE``: a bundled profile's name, or a path."""
    if name is None or str(name) == "":
        return default_policy_path()
    text = str(name)
    if text in bundled_profiles():
        return PROFILES_DIR / f"{text}.toml"
    return Path(name)


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        known = ", ".join(bundled_profiles())
        raise PolicyError(f"{file}: file not found (bundled profiles: {known})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{file}: not valid TOML: {exc}") from exc


#: The policy sections only a service reads, by that service (:meth:`Services.offers`).
SERVICE_SECTIONS = {"protection": "protection", "keys": "key_loss", "sessions": "sessions"}


def _fill_off_services(raw: dict[str, Any], demo: dict[str, Any]) -> None:
    """A section of a service the vendor does not offer, left out of its file, is the demo
    policy's: nothing reads it, and the file stays about what the vendor does."""
    try:
        services = Services.model_validate(raw.get("services", {}))
    except ValidationError:
        return  # validating the whole file names the bad key
    for section, service in SERVICE_SECTIONS.items():
        if section not in raw and not services.offers(service):
            raw[section] = demo[section]


def _fill_unset(
    raw: dict[str, Any], demo: dict[str, Any], file: Path, prefix: str = ""
) -> list[str]:
    """Replace every :data:`TO_BE_SET` value by the demo policy's; return their keys."""
    unset: list[str] = []
    for key, value in raw.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            inner = demo.get(key)
            unset.extend(
                _fill_unset(value, inner if isinstance(inner, dict) else {}, file, f"{dotted}.")
            )
        elif value == TO_BE_SET:
            if key not in demo:
                raise PolicyError(f"{file}: {dotted}: has no demo value to use meanwhile")
            raw[key] = demo[key]
            unset.append(dotted)
    return unset


def load_policy(path: str | Path | None = None) -> Policy:
    """Read and validate a policy file (a path, or a bundled profile's name); raise
    :class:`PolicyError` naming the bad key."""
    file = policy_path(path)
    raw = _read_toml(file)
    demo = _read_toml(default_policy_path())
    unset = _fill_unset(raw, demo, file)
    try:
        _fill_off_services(raw, demo)
        policy = Policy.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        message = str(error["msg"]).removeprefix("Value error, ")
        raise PolicyError(f"{file}: {key}: {message}") from exc
    policy._unset = tuple(unset)
    if policy.texts_dir is not None:
        folder = (file.parent / policy.texts_dir).resolve()
        if not folder.is_dir():
            raise PolicyError(f"{file}: texts_dir: {folder} is not a folder")
        policy = policy.model_copy(update={"texts_dir": folder})
    try:
        use_policy_texts(
            policy.currency, policy.texts_dir, language=policy.language, terms=text_terms(policy)
        )
    except CatalogueError as exc:
        raise PolicyError(f"{file}: texts_dir: {exc}") from exc
    return policy


def text_terms(policy: Policy) -> dict[str, str]:
    """The vendor's contacts as the catalogues name them (``{ -support-email }``); a
    placeholder is left out, so the catalogue's own wording ("the support e-mail") shows."""
    values = {
        "support-email": policy.contacts.email,
        "support-phone": policy.contacts.phone,
        "remote-tool": policy.contacts.remote_tool,
        "voice-tool": policy.contacts.voice_tool,
    }
    return {
        name: value
        for name, value in values.items()
        if value is not None and not is_placeholder(value)
    }
