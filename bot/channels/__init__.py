"""Messenger channels: thin adapters between a messenger and the conversation engine."""
