"""Write a file beside its target and rename it into place.

A crash, a full disk or a target held open by Excel never leaves half a file
and never damages the file that was there; the user gets one clear message.
An export never lands on a session file or a file that belongs to one
(:func:`~desktop_app.storage.export_targets.refuse_session_target`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.errors import Reason, SessionFileError
from desktop_app.storage.export_targets import refuse_session_target, translate_export_error


@contextmanager
def atomic_target(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``.

    Raises :class:`SessionFileError` (folder missing, read-only, in use, disk
    full, a session file); the temporary file is removed and ``target`` is
    untouched.
    """
    target = Path(target)
    refuse_session_target(target)
    if not target.parent.is_dir():
        raise SessionFileError("target_folder_missing", folder=str(target.parent))
    if target.is_dir():
        raise SessionFileError("export_failed", path=str(target), reason=Reason("is_folder"))
    temporary = target.with_name(f".~{target.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        raise translate_export_error(error, target) from None
    finally:
        with contextlib.suppress(OSError):  # never hide the real message behind a clean-up error
            temporary.unlink(missing_ok=True)
