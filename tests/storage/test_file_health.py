"""Damaged session files are refused before anything writes to them, with a clear reason.

Each kind of damage is made for real on a copy of the demo session: cut short by
one byte, bytes flipped in a later page (its structure, or a text in it), zero
bytes, Tafelronde's mark without a session, and a ``-wal`` beside the file that
belongs to another copy or another session. Each is refused by the writer (the
GUI and ``tafelronde import``) and by readers (exports), and the file and its
``-wal`` are byte for byte what they were. A ``-wal`` left by a killed writer is
no damage: it is replayed and nothing typed is lost.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from damage import flip_bytes_in_last_page

from desktop_app import cli
from desktop_app.core.errors import DamagedFileError, SessionFileError
from desktop_app.core.model import Kind
from desktop_app.storage.exchange import import_document
from desktop_app.storage.file_format import APPLICATION_ID
from desktop_app.storage.session_file import SessionFile

DEMO_PROPOSAL = "Fysiotherapeut op locatie"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def digests(path: Path) -> dict[str, str]:
    return {suffix: digest(Path(f"{path}{suffix}")) for suffix in ("", "-wal")}


@pytest.fixture
def demo_file(tmp_path: Path, demo_document: dict[str, object]) -> Path:
    """A closed session file holding the demo (checkpointed: no -wal)."""
    path = tmp_path / "demo.tafelronde"
    with SessionFile.create(path) as sf:
        import_document(sf, demo_document, source="demo.json")
    return path


KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from desktop_app.core.model import Kind
    from desktop_app.storage.session_file import SessionFile
    sf = SessionFile.open(sys.argv[1])
    table = sf.entities(Kind.TABLE)[0]
    round_ = sf.entities(Kind.ROUND)[0]
    for text in sys.argv[2:]:
        sf.add_proposal(round_.id, table.id, text)
    print("written", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint: the -wal stays
    """
)


def write_then_get_killed(path: Path, *texts: str) -> None:
    """Proposals committed by a writer that is then killed: they live in the -wal only."""
    result = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(path), *texts],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "written", result.stderr
    assert Path(f"{path}-wal").stat().st_size > 0


def add_and_close(path: Path, *texts: str) -> None:
    with SessionFile.open(path) as sf:
        table = sf.entities(Kind.TABLE)[0]
        round_ = sf.entities(Kind.ROUND)[0]
        for text in texts:
            sf.add_proposal(round_.id, table.id, text)


def texts_in(path: Path) -> list[str]:
    with SessionFile.open_readonly(path) as sf:
        return [p.text for p in sf.proposals()]


# ----------------------------------------------------------- kinds of damage


def cut_one_byte(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-1])


def flip_bytes_in_a_text(path: Path) -> None:
    """Bytes inside a proposal's text flipped, the page's structure intact."""
    data = bytearray(path.read_bytes())
    start = data.find(DEMO_PROPOSAL.encode())
    assert start > 4096  # in a later page, not the header
    for index in range(start, start + 5):
        data[index] ^= 0x80
    path.write_bytes(bytes(data))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def no_session_row(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM session")
    conn.commit()
    conn.close()


def no_session_row_older_version(path: Path) -> None:
    """An older file (it would be backed up and migrated) without its session."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM session")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def only_the_mark(path: Path) -> None:
    """Tafelronde's application id and nothing else (a creation cut off at its start)."""
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE x (y)")  # SQLite writes a file only with a page
    conn.execute("DROP TABLE x")
    conn.commit()
    conn.close()


DAMAGE: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "cut short by one byte": (cut_one_byte, "damaged", "korter dan het hoort"),
    "bytes flipped in a later page": (flip_bytes_in_last_page, "damaged", "opbouw"),
    "bytes flipped in a text": (flip_bytes_in_a_text, "damaged", "onleesbaar"),
    "zero bytes": (empty, "damaged_empty", "leeg (0 bytes)"),
    "no session record": (no_session_row, "damaged", "geen sessie"),
    "no session record, older version": (no_session_row_older_version, "damaged", "geen sessie"),
    "only Tafelronde's mark": (only_the_mark, "damaged", "geen sessie"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_is_refused_by_writer_and_readers_and_changes_nothing(
    demo_file: Path, kind: str
) -> None:
    damage, code, dutch = DAMAGE[kind]
    damage(demo_file)
    before = digests(demo_file)
    folder = sorted(p.name for p in demo_file.parent.iterdir())
    for opener in (SessionFile.open, SessionFile.open_readonly):
        with pytest.raises(DamagedFileError) as refused:
            opener(demo_file)
        assert refused.value.code == code
        assert dutch in refused.value.message("nl")
        assert "Er is niets aan veranderd" in refused.value.message("nl")
        assert "Nothing was changed" in refused.value.message("en")
    assert digests(demo_file) == before
    # Not backed up, not migrated: nothing new beside it but the (empty) lock file.
    assert sorted(p.name for p in demo_file.parent.iterdir() if p.suffix != ".lock") == [
        name for name in folder if not name.endswith(".lock")
    ]


@pytest.mark.parametrize("kind", ["cut short by one byte", "bytes flipped in a text"])
def test_the_command_line_refuses_in_one_line_and_writes_nothing(
    demo_file: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    DAMAGE[kind][0](demo_file)
    before = digests(demo_file)
    exchange = tmp_path / "laptop.json"
    with SessionFile.create(tmp_path / "other.tafelronde") as other:
        from desktop_app.storage.exchange import export_file

        export_file(other, exchange)
    for argv in (
        ["import", str(exchange), "--session", str(demo_file)],
        ["export", str(demo_file), "--xlsx", str(tmp_path / "out.xlsx")],
        ["export", str(demo_file), "--json", str(tmp_path / "out.json")],
    ):
        assert cli.main(argv) == cli.EXIT_ERROR
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is beschadigd" in err and "Traceback" not in err
    assert digests(demo_file) == before
    assert not (tmp_path / "out.xlsx").exists() and not (tmp_path / "out.json").exists()


# ------------------------------------------------------------------ the -wal


def test_a_wal_left_by_a_killed_writer_is_replayed_not_refused(demo_file: Path) -> None:
    write_then_get_killed(demo_file, "Na de crash nog hier", "En deze ook")
    assert texts_in(demo_file)[-2:] == ["Na de crash nog hier", "En deze ook"]
    with SessionFile.open(demo_file) as sf:
        assert [p.text for p in sf.proposals()][-2:] == ["Na de crash nog hier", "En deze ook"]


@pytest.mark.parametrize("other_has_work", [True, False], ids=["with work", "still empty"])
def test_a_wal_of_another_session_is_refused_and_both_files_stay_as_they_are(
    demo_file: Path, tmp_path: Path, other_has_work: bool
) -> None:
    from desktop_app.storage.templates import create_from_template, list_templates

    other = tmp_path / "andere.tafelronde"
    cafe = next(t for t in list_templates() if t.key == "world-cafe-3-rondes")
    create_from_template(cafe.path, other, title="Andere sessie")
    if other_has_work:
        add_and_close(other, "Eigen voorstel 1", "Eigen voorstel 2")
    write_then_get_killed(demo_file, "Alleen in de -wal")
    shutil.copy(f"{demo_file}-wal", f"{other}-wal")
    before = digests(other)
    for opener in (SessionFile.open, SessionFile.open_readonly):
        with pytest.raises(DamagedFileError) as refused:
            opener(other)
        assert "andere.tafelronde-wal" in refused.value.message("nl")
        assert "hoort er niet bij" in refused.value.message("nl")
    assert digests(other) == before


def test_a_wal_of_a_copy_that_went_its_own_way_is_refused(demo_file: Path, tmp_path: Path) -> None:
    """Two copies of one session, each typed on; one's -wal beside the other."""
    copy = tmp_path / "kopie.tafelronde"
    shutil.copy(demo_file, copy)
    write_then_get_killed(demo_file, *(f"Op laptop A {n}" for n in range(30)))
    add_and_close(copy, *(f"Op laptop B {n}" for n in range(30)))
    shutil.copy(f"{demo_file}-wal", f"{copy}-wal")
    before = digests(copy)
    with pytest.raises(DamagedFileError) as refused:
        SessionFile.open(copy)
    assert "kopie.tafelronde-wal" in refused.value.message("nl")
    assert digests(copy) == before
    # Without the stray -wal, laptop B's work is all there.
    Path(f"{copy}-wal").unlink()
    assert [t for t in texts_in(copy) if t.startswith("Op laptop")] == [
        f"Op laptop B {n}" for n in range(30)
    ]


def test_an_old_wal_of_the_same_file_put_back_is_refused(demo_file: Path, tmp_path: Path) -> None:
    """A stale -wal (say from a USB stick) beside a file that has moved on since."""
    write_then_get_killed(demo_file, *(f"Eerst {n}" for n in range(20)))
    stale = tmp_path / "stale-wal"
    shutil.copy(f"{demo_file}-wal", stale)
    add_and_close(demo_file, *(f"Daarna {n}" for n in range(40)))
    assert not Path(f"{demo_file}-wal").exists() or not Path(f"{demo_file}-wal").stat().st_size
    shutil.copy(stale, f"{demo_file}-wal")
    before = digests(demo_file)
    with pytest.raises(DamagedFileError):
        SessionFile.open(demo_file)
    assert digests(demo_file) == before


def test_a_reader_leaves_the_wal_of_a_working_writer_alone(demo_file: Path) -> None:
    with SessionFile.open(demo_file) as writer:
        table = writer.entities(Kind.TABLE)[0]
        round_ = writer.entities(Kind.ROUND)[0]
        writer.add_proposal(round_.id, table.id, "Net getypt")
        assert texts_in(demo_file)[-1] == "Net getypt"


def test_a_healthy_file_and_the_empty_schema_cache_open_as_before(session_path: Path) -> None:
    with SessionFile.create(session_path, title="Nieuw"):
        pass
    with SessionFile.open(session_path) as sf:
        assert sf.session().title == "Nieuw"
    with pytest.raises(SessionFileError) as refused:
        SessionFile.open(session_path.with_name("bestaat-niet.tafelronde"))
    assert refused.value.code == "file_missing"
