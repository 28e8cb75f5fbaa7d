"""``python -m bot backup [PATH]`` and ``python -m bot restore PATH`` (see README, "Backups").

Both print to the operator in English, like ``migrate`` and ``run``; neither opens the
database through the bot (no migration, no policy needed).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.settings import Settings
from storage.backups import BackupError, describe, new_backup_path, take_backup
from storage.db import migration_files
from storage.restore import restore_backup


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser(
        "backup", help="copy the database and FILES_DIR while the bot runs (default: BACKUP_DIR)"
    )
    backup.add_argument(
        "path", nargs="?", type=Path, help="a new folder (default: BACKUP_DIR/bot-backup-<time>)"
    )
    backup.add_argument("--db", type=Path)
    restore = commands.add_parser(
        "restore", help="check a backup, then put it in place of the database and FILES_DIR"
    )
    restore.add_argument("path", type=Path, help="a backup folder")
    restore.add_argument("--db", type=Path)


def backup_command(args: argparse.Namespace, settings: Settings) -> int:
    now = datetime.now(UTC)
    database = args.db or settings.database_path
    destination = args.path or new_backup_path(settings.backup_dir, now)
    try:
        backup = take_backup(database, settings.files_dir, destination, now=now)
    except BackupError as exc:
        print(f"Backup refused: {exc}", file=sys.stderr)
        return 1
    print(f"Backup written and verified: {backup.path} ({describe(backup.manifest)}).")
    return 0


def restore_command(args: argparse.Namespace, settings: Settings) -> int:
    database: Path = args.db or settings.database_path
    newest = len(migration_files())
    try:
        restored = restore_backup(
            args.path,
            database,
            settings.files_dir,
            newest_schema=newest,
            now=datetime.now(UTC),
        )
    except BackupError as exc:  # damaged, too new, or the database in use
        print(f"Restore refused, nothing changed: {exc}", file=sys.stderr)
        return 1
    lines = [
        f"Restored {args.path} ({describe(restored.manifest)}):",
        f"  database -> {restored.database_path}",
        f"  {len(restored.manifest.files)} files -> {restored.files_dir}",
    ]
    kept = [str(path) for path in (restored.old_database, restored.old_files) if path]
    if kept:
        lines.append(f"The replaced ones are kept as {' and '.join(kept)}; delete them when sure.")
    if restored.manifest.schema_version < newest:
        lines.append(
            f"The copy is at schema {restored.manifest.schema_version}; the next start "
            f"migrates it to {newest}."
        )
    print("\n".join(lines))
    return 0
