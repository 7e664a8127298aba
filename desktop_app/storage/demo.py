"""The demo session: a fresh copy of the shipped exchange file, never the file itself."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from desktop_app import paths
from desktop_app.core.errors import UserError
from desktop_app.storage.backups import backup_folder
from desktop_app.storage.exchange import import_document, read_exchange_file
from desktop_app.storage.file_format import SESSION_EXTENSION
from desktop_app.storage.session_file import SessionFile
from desktop_app.storage.writer_lock import WriterLock

KEEP_DEMO_COPIES = 5


def demo_source() -> Path:
    return paths.shipped_data_dir() / "demo.json"


def create_demo_copy(folder: Path | None = None) -> Path:
    """Write a new session file holding the demo; return its path.

    Copies live in the user's data folder; only the newest few are kept.
    """
    folder = folder or paths.user_data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"Demo-{stamp}{SESSION_EXTENSION}"
    document = read_exchange_file(demo_source())
    session_file = SessionFile.create(target)
    try:
        import_document(session_file, document, source=demo_source().name)
    finally:
        session_file.close()
    _prune(folder)
    return target


def _prune(folder: Path) -> None:
    copies = sorted(folder.glob(f"Demo-*{SESSION_EXTENSION}"))
    for old in copies[:-KEEP_DEMO_COPIES]:
        lock = WriterLock(old)
        try:
            lock.acquire()
        except UserError:
            continue  # open in another window: leave it
        try:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{old}{suffix}").unlink(missing_ok=True)
            shutil.rmtree(backup_folder(old), ignore_errors=True)
        except OSError:
            pass
        finally:
            lock.release()
            lock.path.unlink(missing_ok=True)
