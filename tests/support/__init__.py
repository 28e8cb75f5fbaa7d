"""Shared test helpers: scripted chats, worlds of demo data, fake Telegram and VK servers."""
