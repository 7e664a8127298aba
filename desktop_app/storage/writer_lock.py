"""One writer per session file, with a lock the operating system lets go of.

The lock is an OS file lock (``flock`` on Unix, ``msvcrt.locking`` on Windows)
on a small sidecar file ``<session>.lock``. The OS releases it when the process
ends however it ends, so a crash or ``kill -9`` never leaves a lock that blocks
the next open (the sidecar then stays and means nothing while unlocked). A clean
close removes the sidecar while it still holds the lock; whoever locks a sidecar
checks that it is still the file on disk under that name, so two processes can
never each hold a lock on a different file of the same name.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from typing import IO

from desktop_app.core.errors import SessionFileError


def lock_path_for(session_path: Path) -> Path:
    return session_path.with_name(session_path.name + ".lock")


class WriterLock:
    def __init__(self, session_path: Path) -> None:
        self.path = lock_path_for(session_path)
        self._session_path = session_path
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`SessionFileError` ``locked`` at once."""
        for _attempt in range(10):  # bounded: a sidecar removed under us is rare
            handle = self._open_and_lock()
            if _is_current(handle, self.path):
                break
            # Removed (or replaced) by a clean close between our open and our lock.
            _unlock(handle)
            handle.close()
        else:
            raise SessionFileError("locked", path=str(self._session_path), holder="")
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} @ {socket.gethostname()}")
        handle.flush()
        self._handle = handle

    def _open_and_lock(self) -> IO[str]:
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open
        except OSError as error:
            # A read-only folder or USB stick: no writer can work here.
            raise SessionFileError("read_only", path=str(self._session_path)) from error
        try:
            _lock(handle)
        except OSError:
            holder = ""
            with contextlib.suppress(OSError):  # on Windows the locked byte cannot be read
                handle.seek(0)
                holder = handle.read().strip()
            handle.close()
            raise SessionFileError(
                "locked",
                path=str(self._session_path),
                holder=f" ({holder})" if holder else "",
            ) from None
        return handle

    def held_elsewhere(self) -> bool:
        """True while another process (or window) holds this lock: a writer is at work.

        Takes the lock for a moment and lets it go. Without a lock file, or in a
        folder where it cannot be opened for writing (read-only), there is no writer.
        """
        if not self.path.exists():
            return False
        try:
            self.acquire()
        except SessionFileError as error:
            return error.code == "locked"
        self.release()
        return False

    def release(self) -> None:
        """Let go of the lock; a clean close leaves no sidecar behind."""
        if self._handle is None:
            return
        try:
            # Removed while still locked (see the module's docstring). On Windows an
            # open file cannot be removed: the sidecar then stays, harmless. A disk that
            # turned read-only (a failing USB stick) cannot clear the holder's note; the
            # lock itself goes with the handle all the same.
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            with contextlib.suppress(OSError):
                self._handle.seek(0)
                self._handle.truncate()
            with contextlib.suppress(OSError):
                _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None


def _is_current(handle: IO[str], path: Path) -> bool:
    """True when the locked file is the one on disk at ``path`` (not removed since)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
