"""``tafelronde export`` never harms the session, and a failing command writes nothing.

Issue 15 defects 1, 7 and 8 and issue 13's multi-output export, in a subprocess as
a user runs them: an output that is the session (or its -wal, -shm, lock or a
backup, by any name) is refused; a read-only folder can be exported from; several
outputs appear together or not at all; messages are plain sentences.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.paths import shipped_data_dir
from desktop_app.storage import backups, export_targets
from desktop_app.storage.backups import make_backup
from desktop_app.storage.exchange import import_files
from desktop_app.storage.session_file import SessionFile

ROOT = Path(__file__).resolve().parents[2]


def tafelronde(*args: str, lang: str = "nl", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "TAFELRONDE_LANG": lang, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=180,
    )


def assert_refused(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Errno" not in result.stderr
    assert result.stdout == ""


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    session = folder / "demo.tafelronde"
    with SessionFile.create(session) as session_file:
        import_files(session_file, [shipped_data_dir() / "demo.json"])
    return session


@pytest.fixture
def session(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "sessie.tafelronde"
    shutil.copyfile(demo_file, path)
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("kind", ["--pdf", "--xlsx", "--json"])
def test_an_export_onto_the_session_itself_is_refused(session: Path, kind: str) -> None:
    before = session.read_bytes()
    result = tafelronde("export", str(session), kind, str(session))
    assert_refused(result)
    assert "sessiebestand" in result.stderr and "niets geschreven" in result.stderr
    assert session.read_bytes() == before
    assert listing(session.parent) == ["sessie.tafelronde"]


def test_relative_symlinked_and_hard_linked_names_of_the_session_are_refused(
    session: Path,
) -> None:
    before = session.read_bytes()
    (session.parent / "link.pdf").symlink_to(session)
    os.link(session, session.parent / "hard.xlsx")
    (session.parent / "sub").mkdir()
    for target, cwd in [
        ("sessie.tafelronde", session.parent),
        ("./sub/../sessie.tafelronde", session.parent),
        (str(session.parent / "link.pdf"), ROOT),
        (str(session.parent / "hard.xlsx"), ROOT),
    ]:
        result = tafelronde("export", str(session), "--pdf", target, cwd=cwd)
        assert_refused(result)
        assert session.read_bytes() == before


@pytest.mark.parametrize("suffix", ["-wal", "-shm", ".lock"])
def test_the_files_beside_the_session_are_refused(session: Path, suffix: str) -> None:
    target = Path(f"{session}{suffix}")
    result = tafelronde("export", str(session), "--json", str(target))
    assert_refused(result)
    assert not target.exists()


def test_a_backup_of_the_session_is_refused_and_stays_whole(session: Path) -> None:
    assert export_targets.BACKUP_FOLDER_SUFFIX == backups.BACKUP_FOLDER_SUFFIX
    backup = make_backup(session, "phase")
    before = backup.path.read_bytes()
    for target in (backup.path, backup.path.parent / "nieuw.pdf"):
        result = tafelronde("export", str(session), "--pdf", str(target), lang="en")
        assert_refused(result)
        assert "belongs to a session" in result.stderr
    assert backup.path.read_bytes() == before
    assert listing(backup.path.parent) == [backup.path.name]


def test_another_session_file_is_never_overwritten_by_an_export(
    session: Path, demo_file: Path
) -> None:
    other = session.parent / "andere.tafelronde"
    shutil.copyfile(demo_file, other)
    before = other.read_bytes()
    assert_refused(tafelronde("export", str(session), "--xlsx", str(other)))
    assert other.read_bytes() == before


def test_a_failing_output_writes_none_of_the_others(session: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    result = tafelronde(
        "export",
        str(session),
        "--json",
        str(out / "a.json"),
        "--pdf",
        str(out / "c.pdf"),
        "--xlsx",
        str(tmp_path / "ontbreekt" / "b.xlsx"),
    )
    assert_refused(result)
    assert "De map" in result.stderr and "bestaat niet" in result.stderr
    assert listing(out) == []
    assert listing(tmp_path) == ["sessie.tafelronde", "uit"]


def test_several_outputs_appear_together(session: Path, tmp_path: Path) -> None:
    targets = [tmp_path / "a.json", tmp_path / "b.xlsx", tmp_path / "c.pdf"]
    targets[1].write_bytes(b"old workbook")
    result = tafelronde(
        "export",
        str(session),
        "--json",
        str(targets[0]),
        "--xlsx",
        str(targets[1]),
        "--pdf",
        str(targets[2]),
    )
    assert result.returncode == 0, result.stderr
    assert targets[0].read_text("utf-8").startswith("{")
    assert targets[1].read_bytes()[:2] == b"PK"
    assert targets[2].read_bytes()[:5] == b"%PDF-"
    # Exports leave no -wal/-shm (nor hidden temporary files) behind.
    assert listing(tmp_path) == ["a.json", "b.xlsx", "c.pdf", "sessie.tafelronde"]


def test_the_same_target_twice_is_refused(session: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.out"
    result = tafelronde("export", str(session), "--json", str(target), "--pdf", str(target))
    assert_refused(result)
    assert not target.exists()


def test_a_session_with_a_left_behind_wal_exports_without_touching_it(
    session: Path, tmp_path: Path
) -> None:
    """A writer killed with its -wal beside the file: read from a copy, nothing added."""
    script = (
        "import os, sys\n"
        "from desktop_app.storage.session_file import SessionFile\n"
        "sf = SessionFile.open(sys.argv[1])\n"
        "sf.update_session(title='Na de kill')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(session)], check=True, cwd=ROOT)
    wal = Path(f"{session}-wal")
    assert wal.stat().st_size > 0
    before = (session.read_bytes(), wal.read_bytes())
    names = set(listing(tmp_path))
    target = tmp_path / "uit.json"
    result = tafelronde("export", str(session), "--json", str(target))
    assert result.returncode == 0, result.stderr
    assert '"Na de kill"' in target.read_text("utf-8")
    target.unlink()
    # The file and its -wal byte for byte; nothing new beside them (the killed
    # writer's stale lock note may be cleared).
    assert (session.read_bytes(), wal.read_bytes()) == before
    assert set(listing(tmp_path)) <= names


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """A read-only bind mount as root (root writes through permissions), else chmod."""
    if os.geteuid() == 0:
        if shutil.which("mount") is None:
            pytest.skip("needs mount to make a read-only folder as root")
        first = subprocess.run(["mount", "--bind", str(folder), str(folder)], check=False)
        if first.returncode:
            pytest.skip("cannot bind-mount here")
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_a_session_on_a_read_only_stick_can_be_exported(session: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    on_stick = stick / "sessie.tafelronde"
    shutil.move(session, on_stick)
    out = tmp_path / "uit"
    out.mkdir()
    with read_only_folder(stick):
        result = tafelronde(
            "export", str(on_stick), "--xlsx", str(out / "hr.xlsx"), "--pdf", str(out / "o.pdf")
        )
        assert result.returncode == 0, result.stderr
        assert listing(stick) == ["sessie.tafelronde"]
        # And writing onto the stick: one plain sentence, nothing left.
        refused = tafelronde("export", str(on_stick), "--pdf", str(stick / "o.pdf"))
        assert_refused(refused)
        assert "alleen-lezen" in refused.stderr
        assert listing(stick) == ["sessie.tafelronde"]
    assert listing(out) == ["hr.xlsx", "o.pdf"]


def test_a_full_disk_leaves_no_output_and_says_so_plainly(session: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs (CI runs as root)")
    point = tmp_path / "vol"
    point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(point)], check=False
    )
    if mounted.returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        for lang, words in (("nl", "De schijf is vol"), ("en", "The disk is full")):
            result = tafelronde(
                "export",
                str(session),
                "--json",
                str(point / "a.json"),
                "--xlsx",
                str(point / "b.xlsx"),
                "--pdf",
                str(point / "c.pdf"),
                lang=lang,
            )
            assert_refused(result)
            assert words in result.stderr
            assert "opgeslagen" not in result.stderr and "not saved" not in result.stderr
            assert listing(point) == []
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
