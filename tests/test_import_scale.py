"""A large vendor file is imported in bounded memory (storage/importer/__init__.py):
the file is read one line at a time and written batch by batch, so what the import holds
does not grow with the file, and bad rows are reported exactly as for a small file."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, date, datetime
from pathlib import Path

from storage.db import Database
from storage.importer import ImportProblem, Problem, import_csv
from storage.portfolio import BAD_SUPPORT_END, write_portfolio

ROWS = 200_000
#: Bad rows at the start, in the middle and at the very end of the file.
BAD_LINES = (2, 100_001, ROWS + 1)
#: What the import may hold at once, whatever the file's size: a batch of rows, the
#: problems, a few bytes per imported record (about 6 MB here). The former import held
#: the whole file: 272 MB of resident memory for 100,000 rows (benchmarks/scale.py).
BOUND_MB = 16


async def test_a_200k_row_file_imports_in_bounded_memory_with_the_same_report(
    db: Database, tmp_path: Path
) -> None:
    path = write_portfolio(
        tmp_path / "export.csv", ROWS, today=date(2027, 3, 15), bad_lines=BAD_LINES
    )
    assert path.stat().st_size > 35 * 2**20
    seen: list[tuple[int, int]] = []
    tracemalloc.start()
    try:
        report = await import_csv(
            db,
            path,
            now=datetime(2027, 2, 1, tzinfo=UTC),
            progress=lambda done, total: seen.append((done, total)),
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < BOUND_MB * 2**20, f"peak {peak / 2**20:.0f} MB"
    assert report.rows == ROWS
    assert report.imported == ROWS - len(BAD_LINES)
    assert report.errors == [
        ImportProblem(line, Problem.NOT_A_DATE, "support_end", {"value": BAD_SUPPORT_END})
        for line in BAD_LINES
    ]
    assert report.bad_lines == list(BAD_LINES)
    assert report.created["licenses"] == ROWS - len(BAD_LINES)
    assert seen[-1] == (ROWS, ROWS)
    async with db.unit() as unit:
        stored = await unit.fetchone("SELECT COUNT(*) FROM licenses")
    assert stored is not None and stored[0] == ROWS - len(BAD_LINES)
