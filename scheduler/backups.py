"""The daily backup: the database and the files folder into ``BACKUP_DIR``, keeping the
newest ``BACKUP_KEEP`` (see :mod:`storage.backups`).

The old backups are deleted only after the new one is complete and verified, so a failing
backup (a full disk) leaves every earlier one in place. The copy runs in a thread: the
bot goes on answering while it is taken.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from storage.backups import Backup, describe, new_backup_path, prune, take_backup

#: When the daily backup runs (the vendor's time zone, like every job): a quiet hour, away
#: from the monthly key run at 00:05.
BACKUP_AT = time(3, 30)


@dataclass(frozen=True, slots=True)
class BackupPlan:
    """What to back up and where (from the deployment settings)."""

    database_path: Path
    files_dir: Path
    backup_dir: Path
    keep: int


@dataclass(frozen=True, slots=True)
class BackupRun:
    backup: Backup
    removed: tuple[Path, ...]

    def __str__(self) -> str:
        line = f"Backup {self.backup.path}: {describe(self.backup.manifest)}"
        if self.removed:
            line += f"; {len(self.removed)} older deleted"
        return line


def back_up(plan: BackupPlan, now: datetime) -> BackupRun:
    """Take a backup, verify it, then delete the oldest beyond ``plan.keep`` (blocking)."""
    destination = new_backup_path(plan.backup_dir, now)
    backup = take_backup(plan.database_path, plan.files_dir, destination, now=now)
    removed = prune(plan.backup_dir, plan.keep, newest=backup.path)
    return BackupRun(backup, removed)


async def run_backup(plan: BackupPlan, now: datetime) -> BackupRun:
    return await asyncio.to_thread(back_up, plan, now)
