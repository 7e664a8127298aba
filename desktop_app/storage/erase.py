"""Erase a session after the event: every file of it this app made, and its log lines.

"Sessie > Wissen na afloop" first shows what :func:`erase_plan` found, then
(with the session closed) calls :func:`erase_session`. What belongs to a session
``NAME.tafelronde``:

* the file itself and its SQLite and lock sidecars (``-wal``, ``-shm``, ``.lock``);
* the automatic backups in the folder ``NAME.backups/`` beside it;
* the copies made before a migration (``NAME.v4-backup.tafelronde``, ``-2`` …)
  and a damaged file set aside (``NAME (beschadigd …).tafelronde``);
* when the session is a demo copy: every demo copy in the demo folder;
* the records of the app's log (``tafelronde.log`` and its older ``.1``-``.3``)
  that name any of those files; the rest of the log stays.

Exports the user saved elsewhere (Excel, PDF, JSON) and files on USB sticks or
table laptops are not the app's to find: the confirmation says so. No Qt.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core import labels
from desktop_app.core.errors import SessionFileError, UserError
from desktop_app.storage.file_format import SESSION_EXTENSION
from desktop_app.storage.writer_lock import WriterLock, lock_path_for

SIDECARS = ("-wal", "-shm", ".lock", "-journal")
BACKUP_FOLDER_SUFFIX = ".backups"  # storage/backups.py: NAME.backups beside NAME.tafelronde
DEMO_PATTERN = f"Demo-*{SESSION_EXTENSION}"
LOG_NAMES = ("tafelronde.log", "tafelronde.log.1", "tafelronde.log.2", "tafelronde.log.3")
# A log record starts with logging's asctime ("2026-03-12 15:24:12,123 "); the
# lines after it up to the next record (a traceback) belong to it.
RECORD_START = re.compile(rb"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} ")


@dataclass(frozen=True, slots=True)
class ErasePlan:
    """What erasing a session removes; every path listed exists (when planned)."""

    session: Path
    files: tuple[Path, ...]  # the session, its sidecars, migration copies, demo copies
    folders: tuple[Path, ...]  # NAME.backups/
    folder_files: int  # files inside those folders
    copies: tuple[Path, ...]  # copies beside it: before a migration, set aside as damaged
    demo_copies: tuple[Path, ...]  # the other demo copies (when the session is one)
    log_files: tuple[Path, ...]  # logs with records that name the session
    log_records: int
    log_names: tuple[str, ...]  # a log record that names one of these is the session's


@dataclass(frozen=True, slots=True)
class EraseReport:
    removed_files: int
    removed_log_records: int


def _with_sidecars(path: Path) -> list[Path]:
    return [path, *(Path(f"{path}{suffix}") for suffix in SIDECARS)]


def _session_copies(session: Path) -> list[Path]:
    """Copies made of the session beside it: before a migration, or set aside as damaged."""
    stem = re.escape(session.stem)
    suffix = re.escape(session.suffix)
    damaged = "|".join(re.escape(word) for word in labels.FILE_NAME["damaged"])
    pattern = re.compile(rf"^{stem}(\.v\d+-backup(-\d+)?| \(({damaged}) [^)]*\)){suffix}$")
    try:
        entries = list(session.parent.iterdir())
    except OSError:
        return []
    return sorted(p for p in entries if pattern.match(p.name) and p.is_file())


def is_demo_copy(session: Path, demo_folder: Path) -> bool:
    return session.parent.resolve() == demo_folder.resolve() and session.match(DEMO_PATTERN)


def _files_in(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _log_records(path: Path, names: Iterable[bytes]) -> tuple[list[bytes], int]:
    """The log's records (each with its continuation lines) and how many name ``names``."""
    try:
        data = path.read_bytes()
    except OSError:
        return [], 0
    records: list[bytes] = []
    for line in data.splitlines(keepends=True):
        if RECORD_START.match(line) or not records:
            records.append(line)
        else:
            records[-1] += line
    wanted = [name for name in names if name]
    hits = sum(1 for record in records if any(name in record for name in wanted))
    return records, hits


def _name_bytes(names: Iterable[str]) -> list[bytes]:
    return [name.encode("utf-8") for name in names]


def erase_plan(session: Path, *, log_folder: Path, demo_folder: Path) -> ErasePlan:
    """Everything that erasing ``session`` would remove, as it is now."""
    session = session.absolute()
    candidates = _with_sidecars(session)
    copies = _session_copies(session)
    for copy in copies:
        candidates += _with_sidecars(copy)
    demo: list[Path] = []
    if is_demo_copy(session, demo_folder):
        for other in sorted(demo_folder.glob(DEMO_PATTERN)):
            if other.name != session.name:
                demo.append(other)
                candidates += _with_sidecars(other)
    files = tuple(dict.fromkeys(p for p in candidates if p.is_file()))
    backups = session.with_name(session.stem + BACKUP_FOLDER_SUFFIX)
    folders = (backups,) if backups.is_dir() and not backups.is_symlink() else ()
    log_names = tuple(dict.fromkeys([*(p.name for p in candidates), backups.name]))
    names = _name_bytes(log_names)
    log_files: list[Path] = []
    count = 0
    for name in LOG_NAMES:
        _records, hits = _log_records(log_folder / name, names)
        if hits:
            log_files.append(log_folder / name)
            count += hits
    return ErasePlan(
        session=session,
        files=files,
        folders=folders,
        folder_files=sum(_files_in(f) for f in folders),
        copies=tuple(copies),
        demo_copies=tuple(p for p in demo if p.is_file()),
        log_files=tuple(log_files),
        log_records=count,
        log_names=log_names,
    )


def _remove_log_records(path: Path, names: Sequence[bytes]) -> int:
    """Rewrite ``path`` without the records that name ``names``; in place, so a
    handler that appends to it (this app's own log) goes on writing at its end."""
    for handler in logging.getLogger().handlers:
        with contextlib.suppress(Exception):
            handler.flush()
    records, hits = _log_records(path, names)
    if not hits:
        return 0
    kept = b"".join(r for r in records if not any(name in r for name in names))
    with open(path, "r+b") as handle:
        handle.write(kept)
        handle.truncate()
    return hits


def erase_session(session: Path, *, log_folder: Path, demo_folder: Path) -> EraseReport:
    """Remove the session and what belongs to it (see the module); the session must be
    closed. Planned again here, so a backup written since the confirmation goes too.

    Refuses (``locked``, nothing removed) while another window or program has the
    session open. A demo copy that is open elsewhere is left. Raises
    :class:`SessionFileError` ``erase_incomplete`` naming what could not be removed.
    """
    plan = erase_plan(session, log_folder=log_folder, demo_folder=demo_folder)
    locks: list[WriterLock] = []
    try:
        for path in (plan.session, *plan.demo_copies):
            if not path.exists():
                continue
            lock = WriterLock(path)
            try:
                lock.acquire()
            except UserError:
                if path == plan.session:
                    raise
                continue  # another window has this demo copy open: leave it
            locks.append(lock)
        locked = {lock.path for lock in locks}
        left: list[Path] = []
        removed = 0
        for path in plan.files:
            if path.suffix == ".lock" and path in locked:
                continue  # released below, then removed
            demo_copy = next((d for d in plan.demo_copies if str(path).startswith(str(d))), None)
            if demo_copy is not None and lock_path_for(demo_copy) not in locked:
                continue
            try:
                path.unlink(missing_ok=True)
                removed += 1
            except OSError:
                left.append(path)
        for folder in plan.folders:
            inside = _files_in(folder)
            try:
                shutil.rmtree(folder)
                removed += inside
            except OSError:
                left.append(folder)
    finally:
        for lock in locks:
            lock.release()
    for lock in locks:
        try:
            lock.path.unlink(missing_ok=True)
            removed += 1
        except OSError:
            left.append(lock.path)
    records = 0
    names = _name_bytes(plan.log_names)
    for log in plan.log_files:
        try:
            records += _remove_log_records(log, names)
        except OSError:
            left.append(log)
    if left:
        raise SessionFileError("erase_incomplete", paths=", ".join(str(p) for p in left))
    return EraseReport(removed_files=removed, removed_log_records=records)
