"""One writer per session file; a clean close leaves no ``.lock`` sidecar behind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app.core.errors import SessionFileError
from desktop_app.storage import writer_lock
from desktop_app.storage.session_file import SessionFile
from desktop_app.storage.writer_lock import WriterLock, lock_path_for


def test_a_clean_close_removes_the_lock_file(session_path: Path) -> None:
    first = SessionFile.create(session_path, title="Slot")
    lock = lock_path_for(session_path)
    assert lock.exists()
    with pytest.raises(SessionFileError) as refused:
        SessionFile.open(session_path)
    assert refused.value.code == "locked"
    first.close()
    assert not lock.exists()
    again = SessionFile.open(session_path)  # the next writer is welcome
    assert lock.exists()
    again.close()
    assert sorted(p.name for p in session_path.parent.iterdir() if p.suffix == ".lock") == []


@pytest.mark.skipif(sys.platform == "win32", reason="an open file cannot be removed there")
def test_a_lock_on_a_removed_sidecar_does_not_count(session_path: Path) -> None:
    """Another process opened the sidecar just before the holder closed (and removed it):
    its lock is on a file that no longer has the name, so it must open the new one."""
    holder = WriterLock(session_path)
    holder.acquire()
    late = open(holder.path, "a+", encoding="utf-8")  # noqa: SIM115 - the late opener
    try:
        holder.release()
        assert not holder.path.exists()
        writer_lock._lock(late)  # succeeds: nobody holds the old file any more
        assert not writer_lock._is_current(late, holder.path)
        # The proper way in finds that and takes a lock on a fresh sidecar instead.
        fresh = WriterLock(session_path)
        fresh.acquire()
        assert holder.path.exists()
        assert writer_lock._is_current(fresh._handle, fresh.path)  # type: ignore[arg-type]
        fresh.release()
    finally:
        late.close()
