"""The session file: create, reopen, migrate, refuse, one writer, tombstones, listeners."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.core.errors import SessionFileError, ValidationError
from desktop_app.core.model import Kind, Proposal, Round, Table, TargetGroup, Theme
from desktop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from desktop_app.storage.session_file import Change, Origin, SessionFile

FIXTURES = Path(__file__).parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def seeded(sf: SessionFile) -> tuple[Table, Round]:
    group = sf.add(
        Kind.TARGET_GROUP,
        TargetGroup(id="11111111-1111-4111-8111-111111111111", name="Monteurs", participants=12),
    )
    table = sf.add(
        Kind.TABLE,
        Table(id="22222222-2222-4222-8222-222222222222", name="Tafel 1", target_group_id=group.id),
    )
    round_ = sf.add(
        Kind.ROUND,
        Round(id="33333333-3333-4333-8333-333333333333", number=1, question="Wat houdt je gezond?"),
    )
    return table, round_


def test_create_sets_wal_full_sync_foreign_keys_and_marks(session_file: SessionFile) -> None:
    conn = session_file.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_what_was_added_is_there_after_reopening(session_path: Path) -> None:
    with SessionFile.create(session_path, title="Zwolle") as sf:
        table, round_ = seeded(sf)
        proposal = sf.add_proposal(round_.id, table.id, "=1+1 🙂 " + "x" * 1900)
    with SessionFile.open(session_path) as sf:
        assert sf.session().title == "Zwolle"
        [again] = sf.proposals()
        assert again.text == proposal.text
        assert again.target_group_id == "11111111-1111-4111-8111-111111111111"


def test_older_file_is_backed_up_then_migrated(tmp_path: Path) -> None:
    old = tmp_path / "oud.tafelronde"
    shutil.copy(FIXTURES / "session-v1.tafelronde", old)
    before = digest(old)
    with SessionFile.open(old) as sf:
        assert sf.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [p.text for p in sf.proposals()] == ["Fysio op locatie"]
        assert sf.session().title == "Sessie van versie 1"
        sf.set_state("phase", 2)  # a table added by the migration works
    backup = tmp_path / "oud.v1-backup.tafelronde"
    assert backup.exists() and before != digest(old)
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT text FROM proposals").fetchall() == [("Fysio op locatie",)]
    conn.close()


def test_older_file_read_only_is_never_changed(tmp_path: Path) -> None:
    old = tmp_path / "oud.tafelronde"
    shutil.copy(FIXTURES / "session-v1.tafelronde", old)
    before = digest(old)
    with SessionFile.open_readonly(old) as sf:
        assert [p.text for p in sf.snapshot().live_proposals()] == ["Fysio op locatie"]
    assert digest(old) == before
    assert not (tmp_path / "oud.v1-backup.tafelronde").exists()


def test_newer_file_is_refused_untouched(session_path: Path) -> None:
    SessionFile.create(session_path).close()
    conn = sqlite3.connect(session_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.close()
    before = digest(session_path)
    for opener in (SessionFile.open, SessionFile.open_readonly):
        with pytest.raises(SessionFileError) as refused:
            opener(session_path)
        assert refused.value.code == "too_new"
        assert "nieuwere versie" in refused.value.message("nl")
    assert digest(session_path) == before


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "boekhouding.tafelronde"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(foreign)
    with pytest.raises(SessionFileError) as refused:
        SessionFile.open(foreign)
    assert refused.value.code == "foreign_sqlite"
    assert digest(foreign) == before
    assert not Path(f"{foreign}-wal").exists()


@pytest.mark.parametrize("content", [b"hello, this is a text file\n" * 10, b"\x89PNG" + bytes(200)])
def test_non_sqlite_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    bogus = tmp_path / "notities.tafelronde"
    bogus.write_bytes(content)
    with pytest.raises(SessionFileError) as refused:
        SessionFile.open(bogus)
    assert refused.value.code == "not_sqlite"
    assert "geen Tafelronde-sessiebestand" in refused.value.message("nl")
    assert bogus.read_bytes() == content


SECOND_WRITER = textwrap.dedent(
    """
    import sys
    from desktop_app.core.errors import SessionFileError
    from desktop_app.storage.session_file import SessionFile
    try:
        SessionFile.open(sys.argv[1])
    except SessionFileError as error:
        print(error.code)
        print(error.message("en"))
        sys.exit(3)
    print("opened")
    """
)


def test_second_writer_in_another_process_is_refused_at_once(session_file: SessionFile) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SECOND_WRITER, str(session_file.path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert result.stdout.splitlines()[0] == "locked"
    assert "already open in another Tafelronde window" in result.stdout


def test_lock_of_a_killed_process_does_not_block(session_path: Path) -> None:
    SessionFile.create(session_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom desktop_app.storage.session_file import SessionFile\n"
            "sf = SessionFile.open(sys.argv[1])\nprint('holding', flush=True)\nsys.stdin.read()",
            str(session_path),
        ],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    with pytest.raises(SessionFileError):
        SessionFile.open(session_path)
    holder.kill()  # SIGKILL: no cleanup runs
    holder.wait(timeout=30)
    holder.stdout.close()
    assert holder.stdin is not None
    holder.stdin.close()
    with SessionFile.open(session_path) as sf:
        assert sf.session() is not None


def test_readers_are_welcome_while_a_writer_has_it_open(session_file: SessionFile) -> None:
    table, round_ = seeded(session_file)
    session_file.add_proposal(round_.id, table.id, "Fruit in de kantine")
    with SessionFile.open_readonly(session_file.path) as reader:
        assert [p.text for p in reader.snapshot().live_proposals()] == ["Fruit in de kantine"]


def test_tombstone_hides_everywhere_and_restore_brings_back(session_file: SessionFile) -> None:
    table, round_ = seeded(session_file)
    kept = session_file.add_proposal(round_.id, table.id, "Blijft")
    gone = session_file.add_proposal(round_.id, table.id, "Weg")
    session_file.delete(Kind.PROPOSAL, gone.id)
    snapshot = session_file.snapshot()
    assert [p.text for p in snapshot.live_proposals()] == ["Blijft"]
    assert [p.text for p in session_file.proposals()] == ["Blijft"]
    assert session_file.proposal_counts() == {(round_.id, table.id): 1}
    assert {p.id for p in snapshot.proposals} == {kept.id, gone.id}  # kept for merging
    session_file.restore(Kind.PROPOSAL, gone.id)
    assert [p.text for p in session_file.proposals()] == ["Blijft", "Weg"]


def test_listeners_hear_after_commit_and_never_of_a_refused_change(
    session_file: SessionFile,
) -> None:
    table, round_ = seeded(session_file)
    heard: list[Change] = []
    session_file.subscribe(heard.append)
    proposal = session_file.add_proposal(round_.id, table.id, "Nieuw")
    assert heard == [
        Change(
            Origin.EDIT,
            ids={Kind.PROPOSAL: frozenset({proposal.id})},
            added={Kind.PROPOSAL: frozenset({proposal.id})},
        )
    ]
    with pytest.raises(ValidationError):
        session_file.add_proposal(round_.id, table.id, "x" * 2001)
    with pytest.raises(ValidationError):
        session_file.add_proposal(round_.id, table.id, "   ")
    assert len(heard) == 1
    assert len(session_file.proposals()) == 1


def test_dangling_reference_is_refused(session_file: SessionFile) -> None:
    with pytest.raises(ValidationError):
        session_file.add(
            Kind.PROPOSAL,
            Proposal(
                id="44444444-4444-4444-8444-444444444444",
                round_id="nope",
                table_id="nope",
                text="x",
            ),
        )
    assert session_file.proposals() == []


def test_a_proposal_belongs_to_one_live_theme(session_file: SessionFile) -> None:
    table, round_ = seeded(session_file)
    p = session_file.add_proposal(round_.id, table.id, "Sportschool")
    a = session_file.add(
        Kind.THEME, Theme(id="55555555-5555-4555-8555-555555555555", name="Bewegen")
    )
    b = session_file.add(Kind.THEME, Theme(id="66666666-6666-4666-8666-666666666666", name="Sport"))
    session_file.move_proposals([p.id], a.id)
    session_file.move_proposals([p.id], b.id)
    themes = {t.name: t.proposal_ids for t in session_file.themes()}
    assert themes == {"Bewegen": (), "Sport": (p.id,)}
    session_file.move_proposals([p.id], None)
    assert all(t.proposal_ids == () for t in session_file.themes())


def test_full_disk_is_a_clear_message_and_changes_nothing(session_file: SessionFile) -> None:
    table, round_ = seeded(session_file)
    session_file.add_proposal(round_.id, table.id, "Voor de volle schijf")
    pages = session_file.connection.execute("PRAGMA page_count").fetchone()[0]
    session_file.connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(SessionFileError) as refused:
        for _ in range(200):
            session_file.add_proposal(round_.id, table.id, "y" * 1999)
    assert refused.value.code == "disk_full"
    assert "schijf is vol" in refused.value.message("nl")
    texts = [p.text for p in session_file.proposals()]
    assert texts[0] == "Voor de volle schijf"
    assert all(t == "y" * 1999 for t in texts[1:])  # whole proposals only


def test_ballot_over_budget_or_cap_is_refused(session_file: SessionFile) -> None:
    theme = session_file.add(Kind.THEME, Theme(id="77777777-7777-4777-8777-777777777777", name="T"))
    with pytest.raises(ValidationError):
        session_file.cast_ballot({theme.id: 3}, target_group_id=None, budget=5, cap=2)
    ballot = session_file.cast_ballot({theme.id: 2}, target_group_id=None, budget=5, cap=2)
    [vote] = session_file.snapshot().live_votes()
    assert vote.ballot_id == ballot and vote.dots == 2
    assert vote.updated_at is not None and vote.updated_at.endswith(":00:00.000000Z")


def test_backup_is_a_consistent_session_file(session_file: SessionFile, tmp_path: Path) -> None:
    table, round_ = seeded(session_file)
    session_file.add_proposal(round_.id, table.id, "In de kopie")
    copy = tmp_path / "kopie.tafelronde"
    session_file.backup_to(copy)
    with SessionFile.open(copy) as sf:
        assert [p.text for p in sf.proposals()] == ["In de kopie"]


def test_schema_version_counts_the_migrations() -> None:
    from desktop_app.storage.schema import migrations

    assert (
        len(migrations.pending(__import__("sqlite_utils").Database(memory=True))) == SCHEMA_VERSION
    )


def test_opening_a_current_file_does_not_import_sqlite_utils(session_file: SessionFile) -> None:
    script = (
        "import sys\nfrom desktop_app.storage.session_file import SessionFile\n"
        "sf = SessionFile.open(sys.argv[1]); sf.set_state('x', 1); sf.close()\n"
        "print('sqlite_utils' in sys.modules)"
    )
    session_file.close()
    result = subprocess.run(
        [sys.executable, "-c", script, str(session_file.path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_new_files_come_from_the_cached_empty_schema_without_sqlite_utils(tmp_path: Path) -> None:
    SessionFile.create(tmp_path / "eerste.tafelronde").close()  # makes the cache
    script = (
        "import sys\nfrom desktop_app.storage.session_file import SessionFile\n"
        "sf = SessionFile.create(sys.argv[1], title='Tweede')\n"
        "print(sf.session().title, sf.connection.execute('PRAGMA user_version').fetchone()[0])\n"
        "sf.close()\nprint('sqlite_utils' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "tweede.tafelronde")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["Tweede", str(SCHEMA_VERSION), "False"], result.stderr
    with SessionFile.open(tmp_path / "tweede.tafelronde") as sf:
        assert sf.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert sf.connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        sf.set_state("phase", 1)


def test_a_damaged_schema_cache_is_ignored(tmp_path: Path) -> None:
    from desktop_app.storage.session_file import _empty_schema_cache

    cache = _empty_schema_cache()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"not a database at all")
    with SessionFile.create(tmp_path / "s.tafelronde", title="Toch") as sf:
        assert sf.session().title == "Toch"
    assert cache.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize(
    "name", ["Sessie #3.tafelronde", "Wat?.tafelronde", "100% zeker.tafelronde"]
)
def test_names_with_uri_characters_open_migrate_and_read(tmp_path: Path, name: str) -> None:
    odd = tmp_path / name
    shutil.copy(FIXTURES / "session-v1.tafelronde", odd)
    with SessionFile.open_readonly(odd) as reader:
        assert [p.text for p in reader.snapshot().live_proposals()] == ["Fysio op locatie"]
    with SessionFile.open(odd) as sf:
        assert [p.text for p in sf.proposals()] == ["Fysio op locatie"]
    backup = odd.with_name(f"{odd.stem}.v1-backup{odd.suffix}")
    with SessionFile.open_readonly(backup) as reader:
        assert [p.text for p in reader.snapshot().live_proposals()] == ["Fysio op locatie"]
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(odd.stem)] == []


def test_a_deleted_theme_frees_its_proposals_and_restore_brings_them_back(
    session_file: SessionFile,
) -> None:
    table, round_ = seeded(session_file)
    p = session_file.add_proposal(round_.id, table.id, "Fietsplan")
    theme = session_file.add(
        Kind.THEME, Theme(id="88888888-8888-4888-8888-888888888888", name="Bewegen")
    )
    session_file.move_proposals([p.id], theme.id)
    session_file.delete(Kind.THEME, theme.id)
    assert session_file.snapshot().theme_of() == {}  # back in the tray
    session_file.restore(Kind.THEME, theme.id)
    assert session_file.snapshot().theme_of() == {p.id: theme.id}
