"""The managers' web desk: server-rendered pages on aiohttp (docs/rules.md#web-desk).

A channel-like part of the shell: a signed-in manager works requests through the same desk
code as in Telegram (:mod:`bot.web.desk_bridge` hands their presses and texts to the
engine as a manager of the ``web`` platform), and reads what the storage keeps.
"""
