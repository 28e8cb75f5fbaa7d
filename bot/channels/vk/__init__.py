"""The VK channel (vkbottle 4): a community's messages in the neutral core and back.

Modules, in the order an event travels:

* :mod:`.polling` / :mod:`.callback` — receive events (Bots Long Poll, resuming from the
  stored ``ts``; or the Callback API endpoint) and store them in the inbox
  (:mod:`storage.inbox`) before acknowledging them;
* :mod:`.processor` — handles stored events in order per chat, each exactly once, through
  the vkbottle bot of :mod:`.channel` (event ↔ ``Incoming``, with :mod:`.adapter` for the
  VK shapes and keyboards and :mod:`.files` for the size of photos);
* :mod:`.sender` — drains the outbox within the token's request limit (:mod:`.api`), with
  ``random_id`` from the outbox row so nothing shows twice; what VK refuses for good and
  the customer was owed becomes a managers' task (:mod:`.undelivered`);
* :mod:`.files` — downloads the documents and photos people sent into FILES_DIR;
* :mod:`.service` — builds all of it from the settings for ``python -m bot run``.

This package's ``__init__`` imports nothing from vkbottle; nor does :mod:`.adapter`.
"""
