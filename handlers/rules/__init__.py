"""Business rules of SPEC.md as pure functions of their inputs (no I/O, explicit today/now)."""
