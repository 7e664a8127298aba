"""Automatic backups of a session, and restoring one.

Backups live in a folder ``NAME.backups`` beside ``NAME.tafelronde``, one
complete session file each, named after the moment (UTC) and the reason:
``20261123T100412.123456Z-phase.tafelronde``. They are written with SQLite's
backup API (never a file copy of a live database), switched to a rollback
journal so each is one self-contained file, checked with ``PRAGMA quick_check``
and only then given their name: a backup that is listed is whole.

What is kept: the newest :data:`KEEP_NEWEST`, plus the newest of every clock
hour, and never more than :data:`DISK_SHARE` of the disk space that would be
free without them (the oldest go first; a backup that alone would exceed it is
not written). The caller decides when (the console: at a phase change, before an
import, every ten minutes while there are changes); nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.core import labels
from desktop_app.core.errors import DamagedFileError, Reason, SessionFileError
from desktop_app.core.model import Kind
from desktop_app.core.timestamps import utc_now
from desktop_app.storage.file_format import APPLICATION_ID, SCHEMA_VERSION, SESSION_EXTENSION
from desktop_app.storage.session_file import SessionFile, read_header, read_only_uri
from desktop_app.storage.writer_lock import WriterLock

BACKUP_FOLDER_SUFFIX = ".backups"
KEEP_NEWEST = 20
DISK_SHARE = 0.10
"""Backups never take more than this share of the space that is free without them."""

PHASE = "phase"
IMPORT = "import"
TIMER = "timer"
RESTORE = "restore"
REASONS = (PHASE, IMPORT, TIMER, RESTORE)

_STAMP = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"^(\d{8}T\d{6}\.\d{6}Z)-([a-z]+)" + re.escape(SESSION_EXTENSION) + "$")
_PARTIAL_PREFIX = ".~partial-"
_one_at_a_time = threading.Lock()


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file: when it was made (UTC), why, and its size in bytes."""

    path: Path
    made_at: datetime
    reason: str
    size: int


@dataclass(frozen=True, slots=True)
class Contents:
    """What a backup holds, to choose one by: live proposals, themes and dots."""

    title: str
    proposals: int
    themes: int
    dots: int


def backup_folder(session_path: Path) -> Path:
    """``NAME.backups`` beside ``NAME.tafelronde``."""
    return session_path.with_name(session_path.stem + BACKUP_FOLDER_SUFFIX)


def list_backups(session_path: Path) -> list[Backup]:
    """The backups of a session, newest first (files of other names are ignored)."""
    return _scan(backup_folder(session_path))


def _scan(folder: Path) -> list[Backup]:
    found: list[Backup] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _NAME.match(entry.name)
            if match is None or not entry.is_file():
                continue
            made_at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append(Backup(Path(entry.path), made_at, match.group(2), entry.stat().st_size))
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def read_contents(backup: Backup) -> Contents | None:
    """Title and counts of a backup; None when it cannot be read as a session."""
    try:
        conn = _open_backup(backup.path)
    except sqlite3.Error:
        return None
    try:
        (title,) = conn.execute("SELECT title FROM session").fetchone()
        (proposals,) = conn.execute(
            f"SELECT count(*) FROM {Kind.PROPOSAL.value} WHERE deleted = 0"
        ).fetchone()
        (themes,) = conn.execute(
            f"SELECT count(*) FROM {Kind.THEME.value} WHERE deleted = 0"
        ).fetchone()
        (dots,) = conn.execute(
            f"SELECT coalesce(sum(dots), 0) FROM {Kind.VOTE.value} WHERE deleted = 0"
        ).fetchone()
        return Contents(str(title or ""), int(proposals), int(themes), int(dots))
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        conn.close()


def is_whole(path: Path) -> bool:
    """A session file of ours that passes ``quick_check``, of a version this app reads."""
    try:
        version, application_id = read_header(path)
    except SessionFileError:
        return False
    if application_id != APPLICATION_ID or version > SCHEMA_VERSION:
        return False
    try:
        conn = _open_backup(path)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return [tuple(row) for row in rows] == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def newest_whole_backup(session_path: Path) -> tuple[Backup, Contents] | None:
    """The newest backup that is whole and readable, with what it holds."""
    for backup in list_backups(session_path):
        contents = read_contents(backup)
        if contents is not None and is_whole(backup.path):
            return backup, contents
    return None


def make_backup(session_path: Path, reason: str, *, now: datetime | None = None) -> Backup:
    """Write a checked backup of the session at ``session_path``; prune the folder after.

    Reads through its own read-only connection, in one read transaction, so it
    may run in another thread while the writer goes on (SQLite's WAL lets a
    reader and a writer work at once). One backup at a time per process.
    Raises :class:`SessionFileError` (``backup_no_room``, ``backup_failed``)
    when no backup was made; the session itself is never touched.
    """
    if reason not in REASONS:
        raise ValueError(reason)
    moment = (now or utc_now()).astimezone(UTC)
    folder = backup_folder(session_path)
    with _one_at_a_time:
        try:
            folder.mkdir(exist_ok=True)
            _remove_partials(folder)
            source = sqlite3.connect(read_only_uri(session_path), uri=True)
            try:
                needed = _database_size(source)
                budget = _budget(folder)
                if needed > budget:
                    raise SessionFileError(
                        "backup_no_room",
                        share=round(DISK_SHARE * 100),
                        needed=_megabytes(needed),
                    )
                _prune(
                    _scan(folder),
                    budget=budget - needed,
                    keep_newest=KEEP_NEWEST - 1,
                    protect_newest=False,
                )
                target, moment = _free_name(folder, moment, reason)
                partial = folder / f"{_PARTIAL_PREFIX}{uuid.uuid4().hex}{SESSION_EXTENSION}"
                try:
                    destination = sqlite3.connect(partial)
                    try:
                        source.backup(destination)
                    finally:
                        destination.close()
                    _seal(partial)
                    os.replace(partial, target)
                finally:
                    with contextlib.suppress(OSError):
                        partial.unlink(missing_ok=True)
            finally:
                source.close()
        except sqlite3.Error as error:
            raise _backup_failed(error) from error
        except OSError as error:
            raise _backup_failed(error) from error
        backup = Backup(target, moment, reason, target.stat().st_size)
        # Within the share again, counting what this backup really took.
        with contextlib.suppress(OSError):
            _prune(_scan(folder), budget=_budget(folder))
    return backup


def restore_backup(
    session_file: SessionFile, backup: Backup, *, now: datetime | None = None
) -> Backup:
    """Put a backup's contents into the open session, after backing up what is there now.

    The contents are copied into the open connection with the backup API: one
    write, under the writer lock the session already holds. An older backup
    (made before an app update) is migrated in a copy first. Returns the
    backup of the state before restoring (reason ``restore``). Raises
    :class:`DamagedFileError` for a backup that is not whole; nothing changes.
    The caller reopens the session so every view reads the restored contents.
    """
    if not is_whole(backup.path):
        raise DamagedFileError("backup_unusable", name=backup.path.name)
    before = make_backup(session_file.path, RESTORE, now=now)
    version, _application_id = read_header(backup.path)
    try:
        if version == SCHEMA_VERSION:
            source = _open_backup(backup.path)
            try:
                source.backup(session_file.connection)
            finally:
                source.close()
        else:
            _restore_older(session_file, backup.path)
    except sqlite3.Error as error:
        raise _backup_failed(error) from error
    return before


def restore_damaged(
    session_path: Path,
    backup: Backup,
    *,
    now: datetime | None = None,
    damaged_label: str = labels.pick(labels.FILE_NAME["damaged"]),
) -> Path:
    """Put a whole backup in place of a damaged session file; keep the damaged one.

    The damaged file (with its ``-wal``, if any, which may be what is wrong) is
    renamed to ``NAME (beschadigd YYYY-MM-DD HH.MM).tafelronde`` (the label in
    the user's language), never written to, and the backup takes the session's
    name, so the recent list and the backups folder go on as before. Returns
    the damaged file's new path.
    """
    if not is_whole(backup.path):
        raise DamagedFileError("backup_unusable", name=backup.path.name)
    moment = (now or utc_now()).astimezone()
    lock = WriterLock(session_path)
    lock.acquire()
    try:
        label = f"{damaged_label} {moment:%Y-%m-%d %H.%M}"
        kept = _unused(
            session_path.with_name(f"{session_path.stem} ({label}){session_path.suffix}")
        )
        partial = session_path.with_name(f"{_PARTIAL_PREFIX}{uuid.uuid4().hex}")
        try:
            source = _open_backup(backup.path)
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
            _seal(partial)
            for suffix in ("", "-wal", "-shm"):
                sidecar = Path(f"{session_path}{suffix}")
                if sidecar.exists():
                    os.replace(sidecar, Path(f"{kept}{suffix}"))
            os.replace(partial, session_path)
        except sqlite3.Error as error:
            raise _backup_failed(error) from error
        except OSError as error:
            raise _backup_failed(error) from error
        finally:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
    finally:
        lock.release()
    return kept


def copy_session(source: Path, target: Path) -> None:
    """A whole copy of a session at ``target`` (a new file), from wherever it is.

    Through SQLite (the backup API) so a writer elsewhere never tears it. In a
    read-only folder SQLite cannot make the ``-shm`` a reader needs when a
    ``-wal`` is there; nobody can be writing there, so the file and its ``-wal``
    are copied as they are to a folder beside ``target`` and read from there.
    Raises :class:`DamagedFileError` for a damaged source; ``target`` is then
    not made.
    """
    try:
        with SessionFile.open_readonly(source) as session_file:
            session_file.backup_to(target)
        return
    except DamagedFileError:
        raise
    except SessionFileError as error:
        if error.code != "unreadable":
            raise
    work = target.with_name(f"{_PARTIAL_PREFIX}{uuid.uuid4().hex}")
    work.mkdir()
    try:
        for suffix in ("", "-wal"):
            sidecar = Path(f"{source}{suffix}")
            if sidecar.exists():
                shutil.copyfile(sidecar, work / f"{source.name}{suffix}")
        with SessionFile.open_readonly(work / source.name) as session_file:
            session_file.backup_to(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def choose_kept(
    backups: Sequence[Backup], *, keep_newest: int = KEEP_NEWEST
) -> tuple[list[Backup], list[Backup]]:
    """(kept, dropped): the newest ``keep_newest`` plus the newest of each clock hour.

    Hours are the user's local hours, so "one per hour of the day" reads as the
    facilitator's day went. ``backups`` may be in any order.
    """
    newest_first = sorted(backups, key=lambda backup: backup.made_at, reverse=True)
    kept_paths = {backup.path for backup in newest_first[:keep_newest]}
    hours_seen: set[datetime] = set()
    for backup in newest_first:
        hour = backup.made_at.astimezone().replace(minute=0, second=0, microsecond=0)
        if hour not in hours_seen:
            hours_seen.add(hour)
            kept_paths.add(backup.path)
    kept = [backup for backup in newest_first if backup.path in kept_paths]
    dropped = [backup for backup in newest_first if backup.path not in kept_paths]
    return kept, dropped


# ----------------------------------------------------------------- helpers


def _prune(
    backups: Sequence[Backup],
    *,
    budget: float,
    keep_newest: int = KEEP_NEWEST,
    protect_newest: bool = True,
) -> list[Path]:
    """Delete what :func:`choose_kept` drops, then the oldest until within ``budget``.

    With ``protect_newest`` the newest backup stays whatever the budget: it is
    the one a restore needs (before a new backup is written it is not needed:
    the new one takes its place). Returns what was deleted.
    """
    kept, dropped = choose_kept(backups, keep_newest=keep_newest)
    removed: list[Path] = []
    for backup in dropped:
        if _delete(backup.path):
            removed.append(backup.path)
    total = sum(backup.size for backup in kept)
    for backup in reversed(kept[1:] if protect_newest else kept):
        if total <= budget:
            break
        if _delete(backup.path):
            removed.append(backup.path)
            total -= backup.size
    return removed


def _delete(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _budget(folder: Path) -> float:
    """:data:`DISK_SHARE` of the space that would be free without the backups."""
    used = sum(backup.size for backup in _scan(folder))
    return DISK_SHARE * (shutil.disk_usage(folder).free + used)


def _database_size(conn: sqlite3.Connection) -> int:
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    return int(pages) * int(page_size)


def _free_name(folder: Path, moment: datetime, reason: str) -> tuple[Path, datetime]:
    """A name no backup has yet (a microsecond later if two come at once)."""
    while True:
        target = folder / f"{moment.strftime(_STAMP)}-{reason}{SESSION_EXTENSION}"
        if not target.exists():
            return target, moment
        moment += timedelta(microseconds=1)


def _unused(path: Path) -> Path:
    candidate, counter = path, 1
    while any(Path(f"{candidate}{s}").exists() for s in ("", "-wal", "-shm")):
        counter += 1
        candidate = path.with_name(f"{path.stem} {counter}{path.suffix}")
    return candidate


def _seal(path: Path) -> None:
    """One self-contained file (rollback journal), checked, and on the disk."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        rows = conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise SessionFileError("backup_failed", reason=Reason("backup_not_whole"))
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _open_backup(path: Path) -> sqlite3.Connection:
    """Read a backup without a lock or sidecar files: nothing else writes to it."""
    return sqlite3.connect(read_only_uri(path) + "&immutable=1", uri=True)


def _restore_older(session_file: SessionFile, backup_path: Path) -> None:
    """Migrate a copy of an older backup (as opening it would), then copy that in."""
    folder = backup_folder(session_file.path)
    work = folder / f"{_PARTIAL_PREFIX}{uuid.uuid4().hex}"
    work.mkdir()
    try:
        copy = work / f"restore{SESSION_EXTENSION}"
        source = _open_backup(backup_path)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        with SessionFile.open(copy) as migrated:
            migrated.connection.backup(session_file.connection)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remove_partials(folder: Path) -> None:
    """Left by a backup that was cut off (the app killed while writing one)."""
    for entry in folder.iterdir():
        if entry.name.startswith(_PARTIAL_PREFIX):
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    entry.unlink()


def _backup_failed(error: BaseException) -> SessionFileError:
    if isinstance(error, SessionFileError):
        return error
    text = str(error).lower()
    number = getattr(error, "errno", None)
    if number in (errno.ENOSPC, errno.EDQUOT) or "full" in text:
        return SessionFileError("backup_failed", reason=Reason("backup_disk_full"))
    if number in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text:
        return SessionFileError("backup_failed", reason=Reason("backup_read_only"))
    return SessionFileError("backup_failed", reason=Reason("backup_io", detail=str(error)))


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
