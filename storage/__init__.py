"""The records: aiosqlite database, numbered migrations, repositories, CSV import/export.

Imports nothing of the project above it.
"""
