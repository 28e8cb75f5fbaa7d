"""The conversation core: neutral messages, the engine, flows, business rules, texts.

Nothing here imports aiogram or vkbottle; messengers are adapters in ``bot/``.
"""
