"""Backups: a consistent copy of the database and the files folder, checked before use.

A backup is a folder ``bot-backup-YYYYMMDDTHHMMSSZ`` (UTC) holding

* ``bot.sqlite3``: the database, copied with SQLite's online backup API in one step, so it
  is the state of one instant even while the bot writes (in WAL mode the copy reads a
  snapshot and writers go on); it is a self-contained file (journal mode DELETE);
* ``files/``: the files folder (``FILES_DIR``), copied after the database, so every file
  the copied database names is in it (files are written before their row is committed
  and never changed afterwards);
* ``manifest.json``: the time, the schema version, the rows per table, and the size and
  SHA-256 of the database copy and of every file.

The folder is written as ``<name>.partial`` and renamed when it is complete and has
passed :func:`verify_backup`; a folder without the suffix is therefore whole. The work is
blocking file I/O: the running bot calls it in a thread.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

MANIFEST = "manifest.json"
DATABASE = "bot.sqlite3"
FILES = "files"
FORMAT = 1
PREFIX = "bot-backup-"
_NAME = re.compile(r"^bot-backup-\d{8}T\d{6}Z(-\d+)?$")
_CHUNK = 1 << 20


class BackupError(RuntimeError):
    """A backup cannot be taken, or a copy cannot be used; the message names the problem."""


class BackupDamaged(BackupError):
    """The copy fails a check; nothing was changed."""


@dataclass(frozen=True, slots=True)
class StoredFile:
    path: str  # relative, with "/"
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    taken_at: datetime
    schema_version: int
    database_size: int
    database_sha256: str
    counts: dict[str, int]
    files: tuple[StoredFile, ...]

    @property
    def files_size(self) -> int:
        return sum(item.size for item in self.files)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "taken_at": self.taken_at.isoformat(),
            "schema_version": self.schema_version,
            "database": {
                "name": DATABASE,
                "bytes": self.database_size,
                "sha256": self.database_sha256,
            },
            "counts": self.counts,
            "files": [
                {"path": item.path, "bytes": item.size, "sha256": item.sha256}
                for item in self.files
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """Parse a manifest; :class:`BackupDamaged` naming what is wrong with it."""
        try:
            data: Any = json.loads(text)
            if data.get("format") != FORMAT:
                raise BackupDamaged(f"{MANIFEST}: unknown format {data.get('format')!r}")
            database = data["database"]
            files = tuple(
                StoredFile(str(item["path"]), int(item["bytes"]), str(item["sha256"]))
                for item in data["files"]
            )
            return cls(
                taken_at=datetime.fromisoformat(data["taken_at"]),
                schema_version=int(data["schema_version"]),
                database_size=int(database["bytes"]),
                database_sha256=str(database["sha256"]),
                counts={str(name): int(count) for name, count in data["counts"].items()},
                files=files,
            )
        except BackupDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupDamaged(f"{MANIFEST} is unreadable ({exc!r})") from exc


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    manifest: Manifest


def backup_name(now: datetime) -> str:
    return PREFIX + now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def new_backup_path(backup_dir: Path, now: datetime) -> Path:
    """A fresh timestamped path in ``backup_dir`` (``-2``, ``-3``… within one second)."""
    base = backup_dir / backup_name(now)
    path, number = base, 1
    while path.exists() or path.with_name(path.name + ".partial").exists():
        number += 1
        path = base.with_name(f"{base.name}-{number}")
    return path


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def take_backup(
    database_path: Path, files_dir: Path, destination: Path, *, now: datetime
) -> Backup:
    """Copy the database and the files folder into the new folder ``destination``."""
    if not database_path.is_file():
        raise BackupError(f"no database at {database_path}")
    if destination.exists():
        raise BackupError(f"{destination} already exists: choose a new path")
    if _inside(destination, files_dir):
        raise BackupError(
            f"{destination} is inside the files folder {files_dir}: choose a place outside it"
        )
    partial = destination.with_name(destination.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)  # left by an interrupted backup
    partial.mkdir(parents=True)
    try:
        schema, counts = _copy_database(database_path, partial / DATABASE)
        size, digest = _digest(partial / DATABASE)
        skip = {database_path.with_name(database_path.name + end) for end in _DATABASE_ENDS}
        files = tuple(_copy_files(files_dir, partial / FILES, skip))
        manifest = Manifest(now.astimezone(UTC), schema, size, digest, counts, files)
        _write_synced(partial / MANIFEST, manifest.to_json())
        verify_backup(partial)
        partial.rename(destination)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Backup(destination, manifest)


_DATABASE_ENDS = ("", "-wal", "-shm", "-journal", ".lock")


def _copy_database(source: Path, target: Path) -> tuple[int, dict[str, int]]:
    """The online backup in one step (a snapshot), then checks of the copy."""
    live = sqlite3.connect(source, timeout=30)
    try:
        copy = sqlite3.connect(target)
        try:
            live.backup(copy)  # pages=-1: everything in one step, from one read snapshot
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise BackupError(f"the copied database fails integrity_check: {problems[:3]}")
            schema = int(copy.execute("PRAGMA user_version").fetchone()[0])
            counts = _row_counts(copy)
        finally:
            copy.close()
    finally:
        live.close()
    return schema, counts


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return {
        table: int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
        for table in tables
    }


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            yield Path(root) / name


def _copy_files(source: Path, target: Path, skip: set[Path]) -> Iterator[StoredFile]:
    target.mkdir()
    if not source.is_dir():
        return
    skipped = {path.resolve() for path in skip}
    for path in _walk(source):
        if path.is_symlink() or not path.is_file() or path.resolve() in skipped:
            continue
        relative = path.relative_to(source)
        copied = target / relative
        copied.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        with path.open("rb") as reader, copied.open("wb") as writer:
            while chunk := reader.read(_CHUNK):
                digest.update(chunk)
                writer.write(chunk)
                size += len(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        shutil.copystat(path, copied)
        yield StoredFile(relative.as_posix(), size, digest.hexdigest())


def _digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as writer:
        writer.write(text)
        writer.flush()
        os.fsync(writer.fileno())


def verify_backup(path: Path, *, newest_schema: int | None = None) -> Manifest:
    """Check a backup folder; :class:`BackupDamaged` names the first problem found.

    The manifest must be readable; the database copy must have the size and checksum the
    manifest gives, pass ``PRAGMA integrity_check`` and carry the manifest's schema
    version (at most ``newest_schema``, the newest this program knows); every listed
    file must be there with its size and checksum.
    """
    if not path.is_dir():
        raise BackupDamaged(f"{path} is not a backup folder")
    try:
        text = (path / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BackupDamaged(f"{path} has no {MANIFEST}: not a backup of this bot") from None
    except (OSError, UnicodeError) as exc:
        raise BackupDamaged(f"{MANIFEST} is unreadable ({exc})") from exc
    manifest = Manifest.from_json(text)
    database = path / DATABASE
    if not database.is_file():
        raise BackupDamaged(f"the database copy {DATABASE} is missing")
    size, digest = _digest(database)
    if (size, digest) != (manifest.database_size, manifest.database_sha256):
        raise BackupDamaged(
            f"the database copy {DATABASE} is damaged: {size} bytes, checksum "
            f"{digest[:12]}…, the manifest says {manifest.database_size} bytes, "
            f"{manifest.database_sha256[:12]}…"
        )
    schema = _check_database(database)
    if schema != manifest.schema_version:
        raise BackupDamaged(
            f"the database copy is at schema {schema}, the manifest says {manifest.schema_version}"
        )
    if newest_schema is not None and schema > newest_schema:
        raise BackupDamaged(
            f"the database copy is at schema {schema}, newer than this program knows "
            f"({newest_schema}): restore it with the version of the bot that took it"
        )
    for item in manifest.files:
        _check_file(path / FILES, item)
    return manifest


def _check_database(database: Path) -> int:
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
            schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupDamaged(f"the database copy {DATABASE} is damaged: {exc}") from exc
    if problems != ["ok"]:
        raise BackupDamaged(
            f"the database copy {DATABASE} fails integrity_check: {'; '.join(problems[:3])}"
        )
    return schema


def _check_file(folder: Path, item: StoredFile) -> None:
    relative = PurePosixPath(item.path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupDamaged(f"{MANIFEST} names a file outside the backup: {item.path!r}")
    path = folder.joinpath(*relative.parts)
    if not path.is_file():
        raise BackupDamaged(f"the file {FILES}/{item.path} is missing")
    if _digest(path) != (item.size, item.sha256):
        raise BackupDamaged(f"the file {FILES}/{item.path} is damaged (checksum differs)")


def complete_backups(backup_dir: Path) -> list[Path]:
    """The finished backups in ``backup_dir`` (by this bot's naming), oldest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(
        path
        for path in backup_dir.iterdir()
        if path.is_dir() and _NAME.match(path.name) and (path / MANIFEST).is_file()
    )


def prune(backup_dir: Path, keep: int, *, newest: Path) -> tuple[Path, ...]:
    """Delete the oldest finished backups beyond ``keep``; ``newest`` (the one just taken
    and verified) is always kept. Returns what was deleted."""
    backups = [path for path in complete_backups(backup_dir) if path.name != newest.name]
    extra = len(backups) - max(keep - 1, 0)
    removed = tuple(backups[: max(extra, 0)])
    for path in removed:
        shutil.rmtree(path)
    return removed


#: The tables whose rows :func:`describe` counts.
DESCRIBED_TABLES = ("customers", "licenses", "requests")


def describe(manifest: Manifest) -> str:
    """One line for the operator: when, schema, main counts, files."""
    counts = ", ".join(
        f"{manifest.counts[name]} {name}" for name in DESCRIBED_TABLES if name in manifest.counts
    )
    return (
        f"taken {manifest.taken_at:%Y-%m-%d %H:%M:%S} UTC, schema {manifest.schema_version}"
        f"{', ' + counts if counts else ''}, {len(manifest.files)} files "
        f"({manifest.files_size} bytes)"
    )
