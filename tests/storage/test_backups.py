"""Automatic backups: written with the backup API and checked, kept by a stated rule,
never more than a stated share of the free disk, restored after a backup of what was there."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from damage import flip_bytes_in_last_page

from desktop_app.core.errors import DamagedFileError, SessionFileError
from desktop_app.core.model import Kind
from desktop_app.storage import backups
from desktop_app.storage.backups import (
    DISK_SHARE,
    KEEP_NEWEST,
    backup_folder,
    choose_kept,
    list_backups,
    make_backup,
    newest_whole_backup,
    read_contents,
    restore_backup,
    restore_damaged,
)
from desktop_app.storage.exchange import import_document
from desktop_app.storage.file_format import SCHEMA_VERSION
from desktop_app.storage.session_file import SessionFile

FIXTURES = Path(__file__).parent / "fixtures"
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_proposals(sf: SessionFile, *texts: str) -> None:
    table = sf.entities(Kind.TABLE)[0]
    round_ = sf.entities(Kind.ROUND)[0]
    for text in texts:
        sf.add_proposal(round_.id, table.id, text)


def live_texts(sf: SessionFile) -> list[str]:
    return [p.text for p in sf.proposals()]


def test_a_backup_is_a_whole_checked_copy_beside_the_session(demo_session: SessionFile) -> None:
    backup = make_backup(demo_session.path, backups.PHASE, now=START)
    folder = demo_session.path.with_name("demo.backups")
    assert backup_folder(demo_session.path) == folder
    assert backup.path.parent == folder
    assert backup.path.name == "20261123T080000.000000Z-phase.tafelronde"
    # One self-contained file: rollback journal, no -wal or -shm beside it.
    assert sorted(p.name for p in folder.iterdir()) == [backup.path.name]
    conn = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    snapshot = demo_session.snapshot()
    contents = read_contents(backup)
    assert contents is not None
    assert contents.title == snapshot.session.title
    assert contents.proposals == len(snapshot.live_proposals()) == 75
    assert contents.themes == len(snapshot.live_themes())
    assert contents.dots == sum(v.dots for v in snapshot.live_votes())
    with SessionFile.open_readonly(backup.path) as copy:
        assert copy.snapshot().proposals == snapshot.proposals


def test_listed_newest_first_with_their_reasons(demo_session: SessionFile) -> None:
    for minutes, reason in enumerate(backups.REASONS):
        make_backup(demo_session.path, reason, now=START + timedelta(minutes=minutes))
    listed = list_backups(demo_session.path)
    assert [b.reason for b in listed] == list(reversed(backups.REASONS))
    assert [b.made_at for b in listed] == sorted((b.made_at for b in listed), reverse=True)


def test_keeps_the_last_twenty_plus_the_newest_of_every_hour(demo_session: SessionFile) -> None:
    # A day of backups every ten minutes from 08:00 to 15:50 (48 of them).
    made = [
        make_backup(demo_session.path, backups.TIMER, now=START + timedelta(minutes=10 * n))
        for n in range(48)
    ]
    listed = list_backups(demo_session.path)
    newest_twenty = made[-KEEP_NEWEST:]
    by_hour: dict[datetime, backups.Backup] = {}
    for backup in made:
        by_hour[backup.made_at.astimezone().replace(minute=0, second=0, microsecond=0)] = backup
    expected = {b.path for b in newest_twenty} | {b.path for b in by_hour.values()}
    assert {b.path for b in listed} == expected
    assert len(listed) == KEEP_NEWEST + 8 - 4  # 8 hours, the last 4 inside the newest twenty
    kept, dropped = choose_kept(listed)
    assert dropped == [] and kept == listed


def test_a_cut_off_backup_is_never_listed_and_is_cleared_away(demo_session: SessionFile) -> None:
    folder = backup_folder(demo_session.path)
    folder.mkdir()
    partial = folder / ".~partial-0123.tafelronde"
    partial.write_bytes(b"SQLite format 3\x00" + bytes(500))  # a kill -9 while writing
    assert list_backups(demo_session.path) == []
    make_backup(demo_session.path, backups.PHASE, now=START)
    assert not partial.exists()
    assert len(list_backups(demo_session.path)) == 1


def test_restore_puts_the_backup_back_after_backing_up_the_present(
    demo_session: SessionFile,
) -> None:
    earlier = make_backup(demo_session.path, backups.PHASE, now=START)
    add_proposals(demo_session, "Na de reservekopie 1", "Na de reservekopie 2")
    present = live_texts(demo_session)

    before = restore_backup(demo_session, earlier, now=START + timedelta(minutes=5))

    assert before.reason == backups.RESTORE
    assert "Na de reservekopie 1" not in live_texts(demo_session)
    assert len(live_texts(demo_session)) == 75
    # The state before restoring is itself a backup: restoring it undoes the restore.
    restore_backup(demo_session, before, now=START + timedelta(minutes=6))
    assert live_texts(demo_session) == present
    demo_session.close()
    with SessionFile.open(demo_session.path) as reopened:
        assert live_texts(reopened) == present


def test_a_backup_of_an_older_version_is_migrated_when_restored(
    demo_session: SessionFile,
) -> None:
    folder = backup_folder(demo_session.path)
    folder.mkdir()
    old = folder / "20260101T090000.000000Z-timer.tafelronde"
    shutil.copy(FIXTURES / "session-v1.tafelronde", old)
    [backup] = list_backups(demo_session.path)
    restore_backup(demo_session, backup, now=START)
    assert live_texts(demo_session) == ["Fysio op locatie"]
    version = demo_session.connection.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    assert digest(old) == digest(FIXTURES / "session-v1.tafelronde")
    assert [p.name for p in folder.iterdir() if p.name.startswith(".~")] == []


def test_a_damaged_backup_is_skipped_and_refused(demo_session: SessionFile) -> None:
    good = make_backup(demo_session.path, backups.PHASE, now=START)
    bad = make_backup(demo_session.path, backups.TIMER, now=START + timedelta(minutes=10))
    flip_bytes_in_last_page(bad.path)
    newest = newest_whole_backup(demo_session.path)
    assert newest is not None and newest[0].path == good.path
    add_proposals(demo_session, "Blijft staan")
    with pytest.raises(DamagedFileError) as refused:
        restore_backup(demo_session, bad, now=START + timedelta(minutes=20))
    assert refused.value.code == "backup_unusable"
    assert "Blijft staan" in live_texts(demo_session)
    assert len(list_backups(demo_session.path)) == 2  # no backup made for a refused restore


def test_a_damaged_session_is_replaced_by_its_backup_and_kept_aside(
    tmp_path: Path, demo_document: dict[str, object]
) -> None:
    path = tmp_path / "Zwolle.tafelronde"
    with SessionFile.create(path) as sf:
        import_document(sf, demo_document, source="demo.json")
        add_proposals(sf, "In de reservekopie")
        make_backup(sf.path, backups.PHASE, now=START)
        add_proposals(sf, "Alleen in het bestand")
    path.write_bytes(path.read_bytes()[:-1])  # cut short by one byte
    damaged = digest(path)
    with pytest.raises(DamagedFileError):
        SessionFile.open(path)
    found = newest_whole_backup(path)
    assert found is not None
    backup, contents = found
    assert contents.proposals == 76

    kept = restore_damaged(path, backup, now=START + timedelta(hours=1))

    assert kept.name.startswith("Zwolle (beschadigd ") and kept.suffix == ".tafelronde"
    assert digest(kept) == damaged  # the damaged file itself, never written to
    with SessionFile.open(path) as restored:
        assert live_texts(restored)[-1] == "In de reservekopie"
    assert len(list_backups(path)) == 1  # the same backups folder goes on


# ------------------------------------------------------------ the disk share


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 16 MB file system (tmpfs), as root (CI); skipped elsewhere."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir())


def test_backups_never_take_more_than_their_share_of_the_free_disk(
    small_disk: Path, demo_document: dict[str, object]
) -> None:
    path = small_disk / "sessie.tafelronde"
    with SessionFile.create(path) as sf:
        import_document(sf, demo_document, source="demo.json")
        folder = backup_folder(path)
        for n in range(12):
            add_proposals(sf, f"Voorstel {n}")
            newest = make_backup(sf.path, backups.TIMER, now=START + timedelta(minutes=10 * n))
            used = folder_size(folder)
            free_without = shutil.disk_usage(small_disk).free + used
            assert used <= DISK_SHARE * free_without
            assert list_backups(path)[0] == newest  # the newest is always there
        assert 2 <= len(list_backups(path)) < 12, [b.size for b in list_backups(path)]


def test_no_backup_when_even_one_would_exceed_the_share(
    small_disk: Path, demo_document: dict[str, object]
) -> None:
    path = small_disk / "sessie.tafelronde"
    with SessionFile.create(path) as sf:
        import_document(sf, demo_document, source="demo.json")
        filler = small_disk / "film.mp4"
        free = shutil.disk_usage(small_disk).free
        filler.write_bytes(bytes(free - 1_000_000))  # leave 1 MB: 10% of it is 100 kB
        with pytest.raises(SessionFileError) as refused:
            make_backup(sf.path, backups.PHASE, now=START)
        assert refused.value.code == "backup_no_room"
        assert "10%" in refused.value.message("nl") and "veilig" in refused.value.message("nl")
        assert list_backups(path) == []
        add_proposals(sf, "De sessie werkt gewoon door")  # the session itself is untouched
        assert live_texts(sf)[-1] == "De sessie werkt gewoon door"


def test_old_demo_copies_go_with_their_backups(tmp_path: Path) -> None:
    from desktop_app.storage.demo import KEEP_DEMO_COPIES, create_demo_copy

    first = create_demo_copy(tmp_path)
    with SessionFile.open(first) as sf:
        make_backup(sf.path, backups.PHASE, now=START)
    assert backup_folder(first).is_dir()
    for _ in range(KEEP_DEMO_COPIES):
        create_demo_copy(tmp_path)
    assert not first.exists() and not backup_folder(first).exists()


KILLED_WRITER = """
import os, signal, sys
from desktop_app.storage.session_file import SessionFile
sf = SessionFile.open(sys.argv[1])
table, round_ = sf.tables()[0], sf.rounds()[0]
sf.add_proposal(round_.id, table.id, "Alleen in de -wal")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_copy_comes_whole_out_of_a_read_only_folder_with_a_wal(
    tmp_path: Path, demo_document: dict[str, object]
) -> None:
    """A USB stick locked read-only, holding a session its laptop never closed."""
    import sys

    stick = tmp_path / "stick"
    stick.mkdir()
    source = stick / "PMO.tafelronde"
    with SessionFile.create(source) as sf:
        import_document(sf, demo_document, source="demo.json")
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(source)], check=False, timeout=60)
    assert Path(f"{source}-wal").stat().st_size > 0
    before = {p.name: digest(p) for p in stick.iterdir()}
    as_root = os.geteuid() == 0
    if as_root:
        for args in (["--bind", str(stick), str(stick)], ["-o", "remount,ro,bind", str(stick)]):
            if subprocess.run(["mount", *args], capture_output=True).returncode != 0:
                pytest.skip("cannot make a read-only mount here")
    else:
        stick.chmod(0o555)
    try:
        target = tmp_path / "kopie.tafelronde"
        backups.copy_session(source, target)
        with SessionFile.open(target) as copy:
            assert live_texts(copy)[-1] == "Alleen in de -wal"
            assert len(live_texts(copy)) == 76
        assert {p.name: digest(p) for p in stick.iterdir()} == before
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []
    finally:
        if as_root:
            subprocess.run(["umount", "-l", str(stick)], check=False)
        else:
            stick.chmod(0o755)
