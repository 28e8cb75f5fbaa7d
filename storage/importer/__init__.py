"""Import of the vendor's accounting export: one flat CSV, one row per license.

The import runs in three steps, one module each:

* :mod:`~storage.importer.parse` reads the file: encoding, delimiter, header, and every
  value of every row into typed records, one line at a time (the file's format and each
  value's rules are described there; pure, runs in a thread);
* :mod:`~storage.importer.reconcile` resolves the rows in memory against what is stored
  and against earlier rows of the file: the upsert rules and contradictions (pure);
* :mod:`~storage.importer.write` loads what a batch refers to and writes it in one
  transaction with a few set-wise queries and ``executemany``.

:mod:`~storage.importer.records` holds what they hand each other: the row's values, the
:class:`ImportProblem` list and the :class:`ImportReport`.

Memory
    The file is read twice, a line at a time: first to check that all of it is UTF-8 and to
    count its rows (a bad byte anywhere imports nothing), then to validate and write it
    batch by batch while the next batch is read. What the import keeps across batches is a
    few bytes per record (:class:`~storage.importer.reconcile.Touched`), so a million
    licenses import in tens of megabytes (``benchmarks/scale.py``).

Problems
    Every row is validated fully before it is written; a bad row is reported as one
    :class:`ImportProblem` per bad value (its line, the column as the header names it, a
    :class:`Problem` code and the values to show) and skipped, the good rows are imported.
    The report holds no sentences: ``handlers.desk.import_report`` words the problems in the
    reader's language.

The names below are the importer's public API; import them from ``storage.importer``.
"""

from storage.importer.parse import (
    COLUMNS,
    DEFAULT_SUPPORT_MONTHS,
    MAX_LENGTHS,
    MAX_OTHER_LENGTH,
    MAX_TEXT_LENGTHS,
    OPTIONAL_COLUMNS,
    ParsedFile,
    RowRefused,
    parse_csv_text,
    parse_row,
    read_csv_file,
    write_csv,
)
from storage.importer.records import (
    ENTITIES,
    CustomerValues,
    ImportProblem,
    ImportReport,
    ImportRow,
    KeyValues,
    LicenseValues,
    Problem,
    ProductValues,
)
from storage.importer.write import BATCH_ROWS, Progress, import_csv, import_parsed

__all__ = [
    "BATCH_ROWS",
    "COLUMNS",
    "DEFAULT_SUPPORT_MONTHS",
    "ENTITIES",
    "MAX_LENGTHS",
    "MAX_OTHER_LENGTH",
    "MAX_TEXT_LENGTHS",
    "OPTIONAL_COLUMNS",
    "CustomerValues",
    "ImportProblem",
    "ImportReport",
    "ImportRow",
    "KeyValues",
    "LicenseValues",
    "ParsedFile",
    "Problem",
    "ProductValues",
    "Progress",
    "RowRefused",
    "import_csv",
    "import_parsed",
    "parse_csv_text",
    "parse_row",
    "read_csv_file",
    "write_csv",
]
