"""Business rules of docs/rules.md as pure functions of their inputs (no I/O, explicit
today/now)."""
