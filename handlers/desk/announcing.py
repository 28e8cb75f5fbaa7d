"""Announcements without a messenger (docs/rules.md#announcements): the draft a manager
composes, its audience counted, each recipient's message rendered, the batch queued in the
outbox's bulk lane, and the report of what became of it.

The manager chat's ``/announce`` conversation (:mod:`handlers.desk.announce`) is one way
to drive these functions; a web desk can call them the same way (a ``Unit``, the policy,
the draft and explicit times).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from handlers.engine.messages import Button, Keyboard
from handlers.engine.payloads import encode
from handlers.engine.stored import Stored
from handlers.i18n import LANGUAGES, Texts, texts
from handlers.rules.announcements import SupportStatus, support_end_range, text_language
from storage import announcements, outbox
from storage.announcements import Filters, Recipient
from storage.db import Unit
from storage.models import Platform

#: The announcement's own button: none, the renewal quote, or a manager.
BUTTONS = ("none", "renew", "manager")
#: The longest number of days a support filter takes (about 10 years).
MAX_DAYS = 3660


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft(Stored):
    """An announcement being composed: texts, fallback, button and audience."""

    text_ru: str = ""
    text_en: str = ""
    text_bg: str = ""
    #: The language whose text a chat without its own gets ("" : such chats get none).
    fallback: str = ""
    button: str = "none"
    #: Audience: empty tuples mean any.
    platforms: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    linked_only: bool = False
    products: tuple[int, ...] = ()
    support: SupportStatus = SupportStatus.ANY
    support_days: int = 0
    #: "" any, "yes" connected, "no" not connected.
    protection: str = ""

    @property
    def texts(self) -> dict[str, str]:
        written = {"ru": self.text_ru, "en": self.text_en, "bg": self.text_bg}
        return {language: text for language, text in written.items() if text.strip()}

    def with_text(self, language: str, text: str) -> Draft:
        """The draft with ``language``'s text (ru, en or bg) replaced."""
        if language == "en":
            return replace(self, text_en=text)
        if language == "bg":
            return replace(self, text_bg=text)
        return replace(self, text_ru=text)

    def filters(self, today: date) -> Filters:
        first, last = support_end_range(self.support, self.support_days, today)
        return Filters(
            platforms=tuple(Platform(p) for p in self.platforms),
            languages=self.languages,
            linked_only=self.linked_only,
            product_ids=self.products,
            support_from=first,
            support_to=last,
            protection={"yes": True, "no": False}.get(self.protection),
        )

    def described(self) -> dict[str, object]:
        """The audience as stored with the announcement."""
        return {
            "platforms": list(self.platforms),
            "languages": list(self.languages),
            "linked_only": self.linked_only,
            "products": list(self.products),
            "support": self.support.value,
            "support_days": self.support_days,
            "protection": self.protection,
        }


@dataclass(frozen=True, slots=True)
class Counts:
    """The audience before sending: the funnel of filters, per language, and what the
    texts leave out."""

    funnel: list[tuple[str, int]]
    opted_out: int
    by_language: dict[str, int]
    #: Chats whose language has no text and no fallback: they get nothing.
    left_out: int

    @property
    def total(self) -> int:
        return self.funnel[-1][1] if self.funnel else 0

    @property
    def recipients(self) -> int:
        return self.total - self.left_out


async def count(unit: Unit, draft: Draft, today: date) -> Counts:
    filters = draft.filters(today)
    per_language = await announcements.by_language(unit, filters)
    written = draft.texts
    fallback = draft.fallback or None
    left_out = sum(
        n
        for language, n in per_language.items()
        if text_language(language, written, fallback) is None
    )
    return Counts(
        funnel=await announcements.funnel(unit, filters),
        opted_out=await announcements.opted_out_count(unit, filters),
        by_language=per_language,
        left_out=left_out,
    )


def message_buttons(
    t: Texts, button: str, announcement_id: int, license_id: int | None
) -> Keyboard:
    """The buttons under one recipient's message, in their language."""
    rows: list[tuple[Button, ...]] = []
    if button == "renew":
        rows.append(
            (
                Button(
                    t("announcements.button_renew"),
                    encode("announcements.renew", announcement_id, license_id or 0),
                ),
            )
        )
    elif button == "manager":
        rows.append(
            (
                Button(
                    t("announcements.button_manager"),
                    encode("announcements.manager", announcement_id),
                ),
            )
        )
    rows.append((Button(t("announcements.button_stop"), encode("announcements.stop")),))
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    buttons: Keyboard


def render_for(
    draft: Draft, language: str, announcement_id: int, license_id: int | None
) -> Rendered | None:
    """What a chat in ``language`` receives (None: no text for it)."""
    chosen = text_language(language, draft.texts, draft.fallback or None)
    if chosen is None:
        return None
    # The buttons speak the chat's language even when the text is the fallback's.
    t = texts(language if language in LANGUAGES else chosen)
    return Rendered(
        draft.texts[chosen], message_buttons(t, draft.button, announcement_id, license_id)
    )


def count_lines(t: Texts, counts: Counts) -> list[str]:
    """The counts as the manager reads them: recipients filter by filter, the chats that
    stopped announcements, per language, the chats left without a text, the total."""
    lines = [t("announce.counts_title")]
    lines += [t(f"announce.stage_{stage}", count=n) for stage, n in counts.funnel]
    lines.append(t("announce.opted_out", count=counts.opted_out))
    per_language = ", ".join(
        t("announce.language_count", language=t.language_name(code), count=counts.by_language[code])
        for code in languages_of(counts.by_language)
    )
    lines.append(t("announce.by_language", values=per_language or "—"))
    if counts.left_out:
        lines.append(t("announce.left_out", count=counts.left_out))
    lines.append(t("announce.recipients", count=counts.recipients))
    return lines


def preview_languages(draft: Draft, counts: Counts) -> list[str]:
    """The languages whose message a preview shows: those the audience will get (a chat's
    own or the fallback), else every language with a text."""
    fallback = draft.fallback or None
    reached = [
        code
        for code in languages_of(counts.by_language)
        if text_language(code, draft.texts, fallback) is not None
    ]
    return reached or [code for code in LANGUAGES if code in draft.texts]


def sample_message(draft: Draft, language: str) -> Rendered | None:
    """What a test send to a manager whose chat speaks ``language`` shows (their language's
    text, else the fallback's, else the first written); None: the draft has no text."""
    if not draft.texts:
        return None
    return render_for(draft, language, 0, None) or render_for(
        draft, next(iter(draft.texts)), 0, None
    )


async def queue_sample(
    unit: Unit, draft: Draft, platform: Platform, chat_id: str, language: str, *, now: datetime
) -> bool:
    """Queue the test message to a manager's own private chat (its buttons work); False
    when the draft has no text."""
    rendered = sample_message(draft, language)
    if rendered is None:
        return False
    buttons = [[(b.label, b.payload) for b in row] for row in rendered.buttons]
    await outbox.enqueue(unit, platform, chat_id, rendered.text, buttons, now=now)
    return True


@dataclass(frozen=True, slots=True)
class Author:
    """The manager sending an announcement and where their report goes."""

    actor: str
    platform: Platform
    chat_id: str
    language: str


async def send(
    unit: Unit, draft: Draft, author: Author, *, today: date, now: datetime
) -> tuple[int, int]:
    """Queue the announcement to its audience in the bulk lane; returns (its id, the
    number of messages queued)."""
    recipients: list[Recipient] = await announcements.audience(unit, draft.filters(today))
    next_id = await announcements.next_id(unit)
    messages: list[announcements.Message] = []
    left_out = 0
    for recipient in recipients:
        rendered = render_for(draft, recipient.language, next_id, recipient.license_id)
        if rendered is None:
            left_out += 1
            continue
        messages.append(
            (
                recipient.account_id,
                recipient.platform,
                recipient.user_id,
                rendered.text,
                [[(b.label, b.payload) for b in row] for row in rendered.buttons],
            )
        )
    announcement_id = await announcements.create(
        unit,
        announcements.NewAnnouncement(
            announcement_id=next_id,
            author=author.actor,
            report_platform=author.platform,
            report_chat=author.chat_id,
            report_language=author.language,
            texts=draft.texts,
            fallback=draft.fallback or None,
            button=draft.button,
            filters=draft.described(),
        ),
        messages,
        left_out=left_out,
        now=now,
    )
    return announcement_id, len(messages)


async def progress_line(unit: Unit, t: Texts, sent: announcements.Announcement, tz: tzinfo) -> str:
    """One announcement's progress for the manager: delivered, blocked, failed, waiting,
    pressed."""
    progress = await announcements.progress(unit, sent.id)
    return t(
        "announce.status_line",
        number=sent.id,
        when=t.moment(sent.created_at.astimezone(tz)),
        recipients=sent.recipients,
        delivered=progress.delivered,
        blocked=progress.blocked,
        failed=progress.failed,
        waiting=progress.waiting,
        pressed=progress.pressed,
    )


async def report_finished(unit: Unit, now: datetime) -> list[int]:
    """Report every announcement whose messages are all delivered or given up to the
    manager chat it was sent from, once; returns their ids (the scheduler calls it every
    minute). One sent from the web desk is marked reported without a message: its page
    shows the report."""
    reported = []
    for sent in await announcements.unreported(unit):
        progress = await announcements.progress(unit, sent.id)
        if not progress.finished:
            continue
        await unit.begin()
        if not await announcements.mark_reported(unit, sent.id, now):
            continue
        reported.append(sent.id)
        if sent.report_platform is Platform.WEB:
            continue  # the web desk's page of the announcement shows its report
        t = texts(sent.report_language)
        await outbox.enqueue(
            unit,
            sent.report_platform,
            sent.report_chat,
            t(
                "announce.report",
                number=sent.id,
                recipients=sent.recipients,
                delivered=progress.delivered,
                blocked=progress.blocked,
                failed=progress.failed,
                pressed=progress.pressed,
                left_out=sent.left_out,
            ),
            now=now,
            dedupe_key=f"announce-report:{sent.id}",
        )
    return reported


def languages_of(counts: Mapping[str, int]) -> list[str]:
    """Languages in the catalogue's order, then any other a chat has."""
    return [*[c for c in LANGUAGES if c in counts], *sorted(set(counts) - set(LANGUAGES))]
