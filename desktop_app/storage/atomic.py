"""Write a file beside its target and rename it into place.

A crash, a full disk or a target held open by Excel never leaves half a file
and never damages the file that was there; the user gets one clear message.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.errors import SessionFileError


def _translate(error: OSError, target: Path) -> SessionFileError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return SessionFileError("disk_full")
    if isinstance(error, PermissionError) or error.errno in (
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
    ):
        if target.exists() and os.access(target.parent, os.W_OK):
            return SessionFileError("target_in_use", path=str(target))
        return SessionFileError("read_only", path=str(target))
    return SessionFileError("write_failed", path=str(target), reason=error.strerror or str(error))


@contextmanager
def atomic_target(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``.

    Raises :class:`SessionFileError` (folder missing, read-only, in use, disk
    full); the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise SessionFileError("target_folder_missing", folder=str(target.parent))
    if target.is_dir():
        raise SessionFileError("write_failed", path=str(target), reason="is a folder")
    temporary = target.with_name(f".~{target.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        raise _translate(error, target) from None
    finally:
        with contextlib.suppress(OSError):  # never hide the real message behind a clean-up error
            temporary.unlink(missing_ok=True)
