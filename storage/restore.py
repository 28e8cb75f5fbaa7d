"""Putting a backup back, and the lock that keeps it from happening under a running bot.

Every command that opens the database (``run``, ``console``, ``jobs``, ``import``…) holds a
shared lock on ``<database>.lock`` (``flock``; the system drops it when the process ends,
even on a crash). A restore takes it exclusively: it is refused while any of them runs,
and they refuse to start while a restore runs.

The restore checks the backup first (:func:`storage.backups.verify_backup`) and changes
nothing if it fails. Then it copies the database and the files beside their places
(``<name>.restoring``), moves the current ones aside as a safety copy
(``<name>.before-restore-<time>``) and renames the copies into place: at every moment
each path holds either the old or the new whole, never half of one.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storage.backups import DATABASE, FILES, BackupError, Manifest, verify_backup

_LOCK_ENDS = ("-wal", "-shm", "-journal")


class DatabaseInUse(BackupError):
    """Another process holds the database lock (the message says who can)."""


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".lock")


@contextmanager
def database_lock(database_path: Path, *, exclusive: bool) -> Iterator[None]:
    """Hold the database's lock file: shared for users, exclusive for a restore.

    Raises :class:`DatabaseInUse` at once when it cannot be had (never waits).
    """
    if str(database_path) == ":memory:":
        yield
        return
    path = lock_path(database_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as handle:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
        except BlockingIOError:
            if exclusive:
                raise DatabaseInUse(
                    f"the database {database_path} is in use (the bot or another "
                    "`python -m bot` command is running on it): stop it first"
                ) from None
            raise DatabaseInUse(
                f"a restore is replacing the database {database_path}: start again when it "
                "has finished"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@dataclass(frozen=True, slots=True)
class Restored:
    manifest: Manifest
    database_path: Path
    files_dir: Path
    #: Where the replaced database and files folder were moved (None: there was none).
    old_database: Path | None
    old_files: Path | None


def restore_backup(
    backup: Path,
    database_path: Path,
    files_dir: Path,
    *,
    newest_schema: int,
    now: datetime,
) -> Restored:
    """Check ``backup``, then replace the database and the files folder with its copies."""
    if _inside(database_path, files_dir):
        raise BackupError(
            f"the database {database_path} is inside the files folder {files_dir}: restore by hand"
        )
    if _inside(backup, files_dir):
        raise BackupError(
            f"the backup {backup} is inside the files folder {files_dir}, which the restore "
            "replaces: move it out first"
        )
    manifest = verify_backup(backup, newest_schema=newest_schema)
    with database_lock(database_path, exclusive=True):
        stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        new_database = _beside(database_path, "restoring")
        new_files = _beside(files_dir, "restoring")
        for leftover in (new_database, new_files):
            _remove(leftover)
        database_path.parent.mkdir(parents=True, exist_ok=True)
        _copy_synced(backup / DATABASE, new_database)
        if (backup / FILES).is_dir():
            shutil.copytree(backup / FILES, new_files)
        else:
            new_files.mkdir(parents=True)
        old_database = _move_database_aside(database_path, stamp)
        new_database.rename(database_path)
        old_files = None
        if files_dir.exists():
            old_files = _beside(files_dir, f"before-restore-{stamp}")
            files_dir.rename(old_files)
        new_files.rename(files_dir)
    return Restored(manifest, database_path, files_dir, old_database, old_files)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _beside(path: Path, label: str) -> Path:
    return path.with_name(f"{path.name}.{label}")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def _copy_synced(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _move_database_aside(database_path: Path, stamp: str) -> Path | None:
    """Move the database and its journal files aside together (SQLite finds
    ``<name>-wal`` beside ``<name>``, so the safety copy opens with its last commits)."""
    if not database_path.exists():
        return None
    aside = _beside(database_path, f"before-restore-{stamp}")
    for end in _LOCK_ENDS:
        journal = database_path.with_name(database_path.name + end)
        if journal.exists():
            journal.rename(aside.with_name(aside.name + end))
    database_path.rename(aside)
    return aside
