"""The Telegram channel (aiogram 3): a thin adapter between Telegram and the neutral core.

Modules, in the order an update travels:

* :mod:`.polling` / :mod:`.webhook` — receive updates and store them in the inbox
  (:mod:`storage.inbox`) before acknowledging them (polling hands each one on parsed);
* :mod:`.processor` — handles stored updates in order per chat, each exactly once, through
  :mod:`.channel` (update ↔ ``Incoming``/``Reply``, with
  :mod:`.adapter` for the Telegram shapes and :mod:`.managers` for who is a manager);
  :mod:`.courier` sends the answers at once;
* :mod:`.sender` — drains the outbox within Telegram's limits (:mod:`.limits`), putting a
  request's messages into its forum topic in the manager chat (:mod:`.topics`);
* :mod:`.errors` — what a failed Bot API call means (retry, final, topic gone);
* :mod:`.files` — downloads the files people sent into FILES_DIR;
* :mod:`.commands` — the command menu in every language;
* :mod:`.service` — builds all of it from the settings for ``python -m bot run``.

This package's ``__init__`` imports nothing from aiogram, so :mod:`.limits` stays cheap to
import in tests.
"""
