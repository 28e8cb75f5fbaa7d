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
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.numbers import list_currencies
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from handlers.i18n import CatalogueError, use_policy_texts

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Rate = Annotated[Decimal, Field(gt=0, le=1)]
PositiveInt = Annotated[int, Field(gt=0)]
NonNegativeInt = Annotated[int, Field(ge=0)]


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file and the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class Policy(_Section):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    timezone: str = "Europe/Moscow"
    #: ISO 4217 code of the vendor's prices; texts write it as CLDR does per language.
    currency: str = "RUB"
    #: A folder of catalogue files (``ru/common.ftl``…) whose texts replace the package's
    #: own; relative to the policy file. None: the package's texts as they are.
    texts_dir: Path | None = None
    support: SupportPolicy
    protection: ProtectionPolicy
    keys: KeyPrices
    sessions: SessionPolicy
    working_hours: WorkingHours
    reminders: ReminderPolicy
    uploads: UploadPolicy
    linking: LinkingPolicy
    consent: ConsentPolicy
    ratings: RatingPolicy = RatingPolicy()
    desk: DeskPolicy = DeskPolicy()

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


def default_policy_path() -> Path:
    """The ``policy.toml`` shipped inside the package."""
    return Path(__file__).with_name("policy.toml")


def load_policy(path: str | Path | None = None) -> Policy:
    """Read and validate a policy file; raise :class:`PolicyError` naming the bad key."""
    file = Path(path) if path else default_policy_path()
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PolicyError(f"{file}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{file}: not valid TOML: {exc}") from exc
    try:
        policy = Policy.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise PolicyError(f"{file}: {key}: {error['msg']}") from exc
    if policy.texts_dir is not None:
        folder = (file.parent / policy.texts_dir).resolve()
        if not folder.is_dir():
            raise PolicyError(f"{file}: texts_dir: {folder} is not a folder")
        policy = policy.model_copy(update={"texts_dir": folder})
    try:
        use_policy_texts(policy.currency, policy.texts_dir)
    except CatalogueError as exc:
        raise PolicyError(f"{file}: texts_dir: {exc}") from exc
    return policy
