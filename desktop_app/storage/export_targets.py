"""Where an export may write, and writing several exports as one step.

An export never overwrites the session it comes from, nor the files that belong
to it: its ``-wal``, ``-shm`` and ``.lock`` beside it and the backups in its
``NAME.backups`` folder. Paths are compared after resolving symlinks and
relative parts, and existing files by identity (``os.path.samestat``), so a
hard link or a second name for the same file is refused too. Any existing
Tafelronde session file is refused as an export target as well, whichever
session is exported (:func:`refuse_session_target`, used by every writer).

:func:`write_outputs` writes several exports (``--json a --xlsx b --pdf c``)
each to a hidden file beside its target and moves them into place only when
all of them were written: a command that fails leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from desktop_app.core.errors import Reason, SessionFileError
from desktop_app.storage.file_format import APPLICATION_ID

SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
BACKUP_FOLDER_SUFFIX = ".backups"  # as desktop_app.storage.backups
SQLITE_HEADER = b"SQLite format 3\x00"

Writer = Callable[[Path], None]


def _refused(target: Path) -> SessionFileError:
    return SessionFileError("output_is_session", path=str(target))


def _resolved(path: Path) -> Path:
    """The absolute path with symlinks and ``..`` resolved (also when it does not exist)."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, RuntimeError, ValueError):  # a symlink loop on some Pythons
        return Path(os.path.abspath(path))


def session_family(session_path: Path) -> list[Path]:
    """The session file and the files beside it that belong to it."""
    return [session_path] + [
        session_path.with_name(session_path.name + suffix) for suffix in SIDE_SUFFIXES
    ]


def is_session_file(path: Path) -> bool:
    """True when ``path`` is a regular file with Tafelronde's mark in its header."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    return (
        len(header) == 100
        and header.startswith(SQLITE_HEADER)
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def refuse_session_target(target: Path) -> None:
    """Refuse to write an export over any session file or a file that belongs to one.

    Without knowing which session is exported: an existing Tafelronde session,
    ``S-wal``/``S-shm``/``S.lock`` beside an existing session ``S``, and
    anything inside a ``NAME.backups`` folder beside ``NAME.tafelronde``.
    """
    target = Path(target)
    if is_session_file(target):
        raise _refused(target)
    real = _resolved(target)
    for candidate in {target, real}:
        for suffix in SIDE_SUFFIXES:
            if candidate.name.endswith(suffix):
                owner = candidate.with_name(candidate.name[: -len(suffix)])
                if is_session_file(owner):
                    raise _refused(target)
        for folder in candidate.parents:
            if folder.name.endswith(BACKUP_FOLDER_SUFFIX):
                stem = folder.name[: -len(BACKUP_FOLDER_SUFFIX)]
                if any(
                    is_session_file(sibling)
                    for sibling in folder.parent.glob(f"{_glob_escape(stem)}.*")
                ):
                    raise _refused(target)


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def refuse_own_files(session_path: Path, targets: Iterable[Path]) -> None:
    """Refuse a target that is ``session_path``, a file beside it that belongs to it,
    or a file in its backups folder: by name (resolved) and by identity (hard links).
    """
    family = session_family(session_path)
    names = {_resolved(p) for p in family}
    backups = _resolved(session_path.with_name(session_path.stem + BACKUP_FOLDER_SUFFIX))
    identities = set()
    for path in family:
        with contextlib.suppress(OSError):
            stat = path.stat()
            identities.add((stat.st_dev, stat.st_ino))
    if backups.is_dir():
        with contextlib.suppress(OSError):
            for entry in os.scandir(backups):
                with contextlib.suppress(OSError):
                    stat = entry.stat(follow_symlinks=True)
                    identities.add((stat.st_dev, stat.st_ino))
    for target in targets:
        real = _resolved(target)
        if real in names or real == backups or backups in real.parents:
            raise _refused(target)
        with contextlib.suppress(OSError):
            stat = target.stat()
            if (stat.st_dev, stat.st_ino) in identities:
                raise _refused(target)


def _staging_name(target: Path) -> Path:
    return target.with_name(f".~{target.name}.{os.getpid()}.part")


def check_target(target: Path) -> None:
    """The checks a target passes before anything is written: folder, not a folder."""
    refuse_session_target(target)
    if not target.parent.is_dir():
        raise SessionFileError("target_folder_missing", folder=str(target.parent))
    if target.is_dir():
        raise SessionFileError("export_failed", path=str(target), reason=Reason("is_folder"))


def write_outputs(outputs: Sequence[tuple[Path, Writer]]) -> None:
    """Write every ``(target, writer)`` or none.

    Each writer writes its file to a hidden name beside its target (the writers
    themselves write atomically, so that name is whole or absent); only when
    every one succeeded are they renamed into place. On any failure every
    hidden file is removed and the targets are as they were.
    """
    targets = [Path(target) for target, _ in outputs]
    if len({_resolved(t) for t in targets}) != len(targets):
        raise SessionFileError("export_twice", path=str(targets[-1]))
    for target in targets:
        check_target(target)
    staged: list[tuple[Path, Path]] = []
    try:
        for (_, writer), path in zip(outputs, targets, strict=True):
            staging = _staging_name(path)
            staged.append((staging, path))
            writer(staging)
        for staging, path in staged:
            try:
                os.replace(staging, path)
            except OSError as error:
                raise translate_export_error(error, path) from None
    finally:
        for staging, _ in staged:
            with contextlib.suppress(OSError):
                staging.unlink(missing_ok=True)


def translate_export_error(error: OSError, target: Path) -> SessionFileError:
    """An OS error while writing an export, as a plain sentence (no ``[Errno 28]``)."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return SessionFileError("export_disk_full", path=str(target))
    if code == errno.EFBIG:
        return SessionFileError("export_failed", path=str(target), reason=Reason("too_big"))
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
        if target.exists() and os.access(target.parent, os.W_OK) and code != errno.EROFS:
            return SessionFileError("target_in_use", path=str(target))
        return SessionFileError("export_read_only", path=str(target), folder=str(target.parent))
    if code == errno.ENOENT:
        return SessionFileError("target_folder_missing", folder=str(target.parent))
    if code == errno.EISDIR:
        return SessionFileError("export_failed", path=str(target), reason=Reason("is_folder"))
    if code == errno.EIO:
        return SessionFileError("export_io", path=str(target))
    return SessionFileError(
        "export_failed", path=str(target), reason=Reason("os_error", detail=os_detail(error))
    )


def os_detail(error: OSError) -> str:
    """The operating system's own words, without Python's ``[Errno N]`` prefix."""
    return error.strerror or type(error).__name__
