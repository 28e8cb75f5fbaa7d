"""Deployment settings from the environment or ``.env`` (business numbers live in policy.toml).

A wrong value stops the start with one line naming the variable, e.g.
``VK_GROUP_ID: Input should be a valid integer``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

IdList = Annotated[list[int], NoDecode]


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the environment variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    telegram_token: SecretStr | None = None
    telegram_api_url: AnyHttpUrl = AnyHttpUrl("https://api.telegram.org")
    telegram_webhook_url: AnyHttpUrl | None = None
    telegram_webhook_secret: SecretStr | None = None
    #: Where the webhook server listens (a reverse proxy serves TELEGRAM_WEBHOOK_URL over https).
    telegram_webhook_host: str = "0.0.0.0"
    telegram_webhook_port: Annotated[int, Field(gt=0, lt=65536)] = 8080
    #: Multiplies Telegram's sending limits (30/s overall, 1/s per chat, 20/min per group):
    #: lower it if Telegram still answers 429; raise it only for a test server.
    telegram_limits_scale: Annotated[float, Field(gt=0, le=1000)] = 1.0
    vk_token: SecretStr | None = None
    vk_group_id: Annotated[int, Field(gt=0)] | None = None
    vk_api_url: AnyHttpUrl = AnyHttpUrl("https://api.vk.ru/method/")
    vk_callback_secret: SecretStr | None = None
    vk_confirmation_code: str | None = None
    #: Where the Callback API endpoint listens (a reverse proxy serves it to VK over https).
    vk_callback_host: str = "0.0.0.0"
    vk_callback_port: Annotated[int, Field(gt=0, lt=65536)] = 8081
    database_path: Path = Path("data/bot.sqlite3")
    policy_file: Path | None = None
    manager_telegram_chat_id: int | None = None
    manager_telegram_ids: IdList = []
    manager_vk_ids: IdList = []
    #: The language of the manager chats: cards, digests, notices (ru, en or bg); unset:
    #: the vendor's language (the policy's ``language``).
    manager_language: Literal["ru", "en", "bg"] | None = None
    files_dir: Path = Path("data/files")
    renewal_batch_dir: Path = Path("data/renewals")
    #: Where the daily backup (and ``python -m bot backup`` without a path) writes.
    backup_dir: Path = Path("data/backups")
    #: How many daily backups are kept (the oldest go once a new one is verified); 0: the
    #: bot takes none.
    backup_keep: Annotated[int, Field(ge=0, le=10000)] = 14
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    #: ``text`` (one readable line per record) or ``json`` (one JSON object per line).
    log_format: Literal["text", "json"] = "text"
    #: ``/healthz`` and ``/metrics`` (Prometheus) on this port; unset: not served.
    metrics_port: Annotated[int, Field(gt=0, lt=65536)] | None = None
    metrics_host: str = "127.0.0.1"
    #: ``/healthz`` reports the outbox stuck when a due message has waited this long.
    health_outbox_max_age: Annotated[int, Field(gt=0)] = 600
    #: The managers' web desk on this port (with ``/healthz`` and ``/metrics``); unset: off.
    web_port: Annotated[int, Field(gt=0, lt=65536)] | None = None
    web_host: str = "127.0.0.1"
    #: The desk's address as managers open it (the base of ``/web`` sign-in links), e.g.
    #: ``https://desk.example.com``; unset: ``http://WEB_HOST:WEB_PORT``.
    web_public_url: AnyHttpUrl | None = None

    @field_validator("manager_telegram_ids", "manager_vk_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    def secret_values(self) -> list[str]:
        """Tokens and secrets: never written to the log."""
        return [
            secret.get_secret_value()
            for secret in (
                self.telegram_token,
                self.vk_token,
                self.telegram_webhook_secret,
                self.vk_callback_secret,
            )
            if secret is not None
        ]

    @field_validator(
        "telegram_token",
        "vk_token",
        "telegram_webhook_secret",
        "vk_callback_secret",
        "vk_confirmation_code",
        "policy_file",
        "telegram_webhook_url",
        "manager_telegram_chat_id",
        "vk_group_id",
        "manager_language",
        "metrics_port",
        "web_port",
        "web_public_url",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _telegram_secret_charset(cls, value: SecretStr | None) -> SecretStr | None:
        secret = value.get_secret_value() if value else None
        if secret is not None and not (
            1 <= len(secret) <= 256
            and all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in secret)
        ):
            raise ValueError("1-256 characters A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.telegram_webhook_url and not self.telegram_token:
            raise ValueError("TELEGRAM_WEBHOOK_URL: set TELEGRAM_TOKEN too")
        if self.telegram_webhook_url and self.telegram_webhook_url.scheme != "https":
            raise ValueError("TELEGRAM_WEBHOOK_URL: Telegram calls webhooks over https only")
        if self.vk_token and self.vk_group_id is None:
            raise ValueError("VK_GROUP_ID: required when VK_TOKEN is set")
        if self.vk_confirmation_code and self.vk_callback_secret is None:
            # Without it only the public community id tells VK's events from forged ones.
            raise ValueError(
                "VK_CALLBACK_SECRET: required for the Callback API (VK_CONFIRMATION_CODE is "
                "set): choose a secret key in the community's Callback API settings and set "
                "the same here"
            )
        return self


def load_settings(**overrides: object) -> Settings:
    """Read settings; raise :class:`SettingsError` with one line naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["loc"]:
            name = str(error["loc"][0]).upper()
            raise SettingsError(f"{name}: {message}") from exc
        raise SettingsError(message) from exc
