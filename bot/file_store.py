"""Where received files are kept: FILES_DIR/<request>/<random>.<ext>.

The stored name is generated; the sender's file name is kept only as metadata in the
database (a name like ``../../etc/passwd`` never becomes a path).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from handlers.rules.uploads import file_extension

_SAFE_EXTENSION = re.compile(r"^[a-z0-9]{1,10}$")


def stored_file_path(files_dir: Path, request_id: int, original_name: str) -> Path:
    extension = file_extension(original_name)
    suffix = f".{extension}" if _SAFE_EXTENSION.match(extension) else ""
    return files_dir / str(int(request_id)) / f"{secrets.token_hex(16)}{suffix}"
