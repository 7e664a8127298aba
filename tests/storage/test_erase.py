"""Erasing a session after the event: its files, backups, copies, demo copies and log
records go; everything else stays, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.core.errors import SessionFileError
from desktop_app.core.model import Kind, Theme
from desktop_app.storage.erase import erase_plan, erase_session
from desktop_app.storage.session_file import SessionFile, new_id
from desktop_app.storage.writer_lock import WriterLock

FIXTURES = Path(__file__).parent / "fixtures"

OTHER_RECORD = b"2026-03-12 15:00:01,000 INFO tafelronde: opened ander.tafelronde\n"
THEIR_RECORD = (
    b"2026-03-12 15:02:03,456 ERROR tafelronde: could not export PMO 2026.tafelronde\n"
    b"Traceback (most recent call last):\n"
    b'  File "x.py", line 1, in <module>\n'
    b"OSError: [Errno 28] No space left on device\n"
)
BACKUP_RECORD = b"2026-03-12 15:05:00,000 WARNING tafelronde: PMO 2026.backups is big\n"
LAST_RECORD = b"2026-03-12 16:00:00,000 INFO tafelronde: quit\n"


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    found = {
        "sessions": tmp_path / "Documenten",
        "log_folder": tmp_path / "data" / "logs",
        "demo_folder": tmp_path / "data" / "demo",
    }
    for folder in found.values():
        folder.mkdir(parents=True)
    return found


def a_session(path: Path) -> None:
    with SessionFile.create(path, title="PMO 2026") as sf:
        sf.add(Kind.THEME, Theme(new_id(), "Beweging"))


def everything_in(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_session_and_all_that_belongs_to_it_go_the_rest_stays(
    folders: dict[str, Path],
) -> None:
    sessions, logs = folders["sessions"], folders["log_folder"]
    session = sessions / "PMO 2026.tafelronde"
    a_session(session)
    open_again = SessionFile.open(session)  # leaves -wal, -shm and .lock while open
    open_again.add(Kind.THEME, Theme(new_id(), "Voeding"))
    backups = sessions / "PMO 2026.backups"
    (backups / "sub").mkdir(parents=True)
    for name in ("20261123T100412.123456Z-phase.tafelronde", "sub/x.tafelronde"):
        (backups / name).write_bytes(b"backup")
    (sessions / "PMO 2026.v3-backup.tafelronde").write_bytes(b"old")
    (sessions / "PMO 2026.v3-backup-2.tafelronde").write_bytes(b"old")
    (sessions / "PMO 2026 (beschadigd 2026-03-12 15.04).tafelronde").write_bytes(b"bad")
    # Not this session's: other sessions, lookalikes and what the user saved.
    a_session(sessions / "ander.tafelronde")
    (sessions / "PMO 2026 - werkmap HR.xlsx").write_bytes(b"export")
    (sessions / "PMO 2026.tafelronde.json").write_bytes(b"{}")
    (sessions / "PMO 2026 kopie.tafelronde").write_bytes(b"copy the user made")
    (logs / "tafelronde.log").write_bytes(OTHER_RECORD + THEIR_RECORD + BACKUP_RECORD + LAST_RECORD)
    (logs / "tafelronde.log.1").write_bytes(THEIR_RECORD)
    (logs / "tafelronde.log.2").write_bytes(OTHER_RECORD)

    plan = erase_plan(session, **{k: v for k, v in folders.items() if k != "sessions"})
    names = {p.name for p in plan.files}
    assert {
        "PMO 2026.tafelronde",
        "PMO 2026.tafelronde-wal",
        "PMO 2026.tafelronde.lock",
        "PMO 2026.v3-backup.tafelronde",
        "PMO 2026.v3-backup-2.tafelronde",
        "PMO 2026 (beschadigd 2026-03-12 15.04).tafelronde",
    } <= names
    assert not {n for n in names if "ander" in n or "kopie" in n or n.endswith((".xlsx", ".json"))}
    assert plan.folders == (backups.absolute(),) and plan.folder_files == 2
    assert plan.log_records == 3 and {p.name for p in plan.log_files} == {
        "tafelronde.log",
        "tafelronde.log.1",
    }
    open_again.close()

    kept_before = {
        name: data
        for name, data in everything_in(sessions).items()
        if name.startswith(("ander", "PMO 2026 - ", "PMO 2026.tafelronde.json", "PMO 2026 kopie"))
    }
    report = erase_session(session, **{k: v for k, v in folders.items() if k != "sessions"})
    assert everything_in(sessions) == kept_before
    assert not backups.exists()
    assert report.removed_log_records == 3
    assert (logs / "tafelronde.log").read_bytes() == OTHER_RECORD + LAST_RECORD
    assert (logs / "tafelronde.log.1").read_bytes() == b""
    assert (logs / "tafelronde.log.2").read_bytes() == OTHER_RECORD


def test_a_migrated_sessions_copy_from_before_the_migration_goes_too(
    folders: dict[str, Path],
) -> None:
    session = folders["sessions"] / "oud.tafelronde"
    shutil.copy(FIXTURES / "session-v1.tafelronde", session)
    SessionFile.open(session).close()  # migrates, after a copy with the backup API
    assert (folders["sessions"] / "oud.v1-backup.tafelronde").exists()
    erase_session(session, log_folder=folders["log_folder"], demo_folder=folders["demo_folder"])
    assert list(folders["sessions"].iterdir()) == []


def test_a_demo_copy_takes_every_demo_copy_with_it_except_one_open_elsewhere(
    folders: dict[str, Path],
) -> None:
    demo = folders["demo_folder"]
    copies = [demo / f"Demo-2026031{n}-120000-000000.tafelronde" for n in range(4)]
    for copy in copies:
        a_session(copy)
    (demo / "notes.txt").write_text("mine")
    elsewhere = WriterLock(copies[3])
    elsewhere.acquire()  # another window has this one open
    try:
        plan = erase_plan(copies[0], log_folder=folders["log_folder"], demo_folder=demo)
        assert set(plan.demo_copies) == {c.absolute() for c in copies[1:]}
        erase_session(copies[0], log_folder=folders["log_folder"], demo_folder=demo)
        left = sorted(p.name for p in demo.iterdir())
        assert left == [copies[3].name, copies[3].name + ".lock", "notes.txt"]
    finally:
        elsewhere.release()


def test_a_session_open_elsewhere_is_refused_and_nothing_is_removed(
    folders: dict[str, Path],
) -> None:
    session = folders["sessions"] / "open.tafelronde"
    a_session(session)
    backups = folders["sessions"] / "open.backups"
    backups.mkdir()
    (backups / "b.tafelronde").write_bytes(b"x")
    before = everything_in(folders["sessions"])
    with SessionFile.open(session), pytest.raises(SessionFileError) as refused:
        erase_session(session, log_folder=folders["log_folder"], demo_folder=folders["demo_folder"])
    assert refused.value.code == "locked"
    after = everything_in(folders["sessions"])
    assert after.keys() >= before.keys() and after["open.backups/b.tafelronde"] == b"x"
