"""Ballots carry no order and the hour at most: in the file, after a migration, on import
and export, and in the shipped demo (issue 15, defect 9)."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop_app import paths
from desktop_app.core.model import Kind, TargetGroup, Theme, Vote
from desktop_app.core.privacy import ballot_stamp, hour_of
from desktop_app.core.voting import compute_results
from desktop_app.storage.exchange import (
    export_document,
    import_document,
    read_exchange_file,
    validate_document,
)
from desktop_app.storage.file_format import APPLICATION_ID, SCHEMA_VERSION
from desktop_app.storage.schema import migrations
from desktop_app.storage.session_file import SessionFile

SESSION = "33333333-3333-4333-8333-333333333333"
GROUP = "11111111-1111-4111-8111-111111111111"
THEMES = [f"22222222-2222-4222-8222-22222222222{n}" for n in range(3)]
# Ballots cast at these exact moments, in this order, by an older version of the app.
CAST = [
    ("aaaaaaaa-0000-4000-8000-00000000000{n}", f"2026-03-12T15:{17 + n:02d}:{n * 7:02d}+01:00")
    for n in range(6)
]


def old_session(path: Path, *, more: int = 0) -> None:
    """A session file of schema version 4: votes with ``seq`` and exact ballot times.

    ``more`` ballots of one dot each are added (enough pages that SQLite would
    leave some of the old table's content behind in free pages).
    """
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    migrations.apply(Database(conn), stop_before="m005_privacy")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    conn.execute("INSERT INTO session (id, title) VALUES (?, 'Oud')", (SESSION,))
    conn.execute(
        "INSERT INTO target_groups (id, name, participants) VALUES (?, 'Monteurs', 20)", (GROUP,)
    )
    for n, theme in enumerate(THEMES):
        conn.execute("INSERT INTO clusters (id, name) VALUES (?, ?)", (theme, f"Thema {n}"))
    conn.execute(
        "INSERT INTO votes (id, item_id, dots, target_group_id, updated_at) "
        "VALUES ('99999999-0000-4000-8000-000000000001', ?, 9, ?, '2026-03-12T15:30:01+01:00')",
        (THEMES[0], GROUP),
    )
    for index, (ballot, moment) in enumerate(CAST):
        for item in range(2):
            conn.execute(
                "INSERT INTO votes (id, item_id, dots, target_group_id, ballot_id, updated_at) "
                "VALUES (?, ?, 1, ?, ?, ?)",
                (
                    f"bbbbbbbb-0000-4000-8000-0000000000{index}{item}",
                    THEMES[(index + item) % 3],
                    GROUP,
                    ballot.format(n=index),
                    moment,
                ),
            )
    for index in range(more):
        conn.execute(
            "INSERT INTO votes (id, item_id, dots, target_group_id, ballot_id, updated_at) "
            "VALUES (?, ?, 1, ?, ?, ?)",
            (
                f"dddddddd-0000-4000-8000-{index:012d}",
                THEMES[index % 3],
                GROUP,
                f"eeeeeeee-0000-4000-8000-{index:012d}",
                more_moment(index),
            ),
        )
    conn.close()


def more_moment(index: int) -> str:
    return f"2026-03-12T16:{index % 60:02d}:{(index * 7) % 60:02d}+01:00"


def test_the_migration_removes_the_cast_order_and_the_exact_times(tmp_path: Path) -> None:
    path = tmp_path / "oud.tafelronde"
    old_session(path, more=800)
    with SessionFile.open_readonly(path) as before_file:
        before = compute_results(before_file.snapshot())
    with SessionFile.open(path) as sf:
        assert compute_results(sf.snapshot()) == before  # nothing lost
        conn = sf.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [row[1] for row in conn.execute("PRAGMA table_info(votes)")]
        assert "seq" not in columns
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("SELECT rowid FROM votes")  # WITHOUT ROWID: no hidden order either
        assert ("votes",) not in conn.execute("SELECT name FROM sqlite_sequence").fetchall()
        ballots = "SELECT ballot_id, updated_at FROM votes WHERE ballot_id IS NOT NULL"
        stamps = dict(conn.execute(ballots))
        assert set(stamps.values()) == {
            "2026-03-12T14:00:00.000000Z",  # 15:17 ... 15:22 at +01:00
            "2026-03-12T15:00:00.000000Z",  # the 800 more, 16:xx at +01:00
        }
        tally = conn.execute("SELECT updated_at FROM votes WHERE ballot_id IS NULL").fetchone()
        assert tally[0] == "2026-03-12T15:30:01+01:00"  # a tally is no one's ballot
    # Not even in free pages or the log: the old times are gone from the file's bytes.
    content = path.read_bytes()
    for moment in [m for _ballot, m in CAST] + [more_moment(i) for i in range(800)]:
        assert moment.encode() not in content
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    # The copy made before migrating keeps the old file as it was (erased with the session).
    assert (tmp_path / "oud.v4-backup.tafelronde").exists()


def test_the_order_of_storing_leaves_no_trace_in_the_snapshot(tmp_path: Path) -> None:
    orders = []
    ballots = [ballot.format(n=n) for n, (ballot, _moment) in enumerate(CAST)]
    for name, in_order in (("a", ballots), ("b", list(reversed(ballots)))):
        with SessionFile.create(tmp_path / f"{name}.tafelronde", session_id=SESSION) as sf:
            sf.add(Kind.TARGET_GROUP, TargetGroup(GROUP, "Monteurs", 20))
            sf.add(Kind.THEME, Theme(THEMES[0], "Thema"))
            for ballot in in_order:
                sf.cast_ballot(
                    {THEMES[0]: 1},
                    target_group_id=GROUP,
                    budget=2,
                    cap=1,
                    ballot_id=ballot,
                    vote_ids={THEMES[0]: "cccccccc" + ballot[8:]},
                )
            orders.append([v.ballot_id for v in sf.snapshot().votes])
    assert orders[0] == orders[1]


def clock_at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_a_cast_ballot_carries_the_hour_and_a_void_wins_a_merge(tmp_path: Path) -> None:
    stamps = iter(
        [
            clock_at("2026-03-12T15:10:00+01:00"),  # the theme
            clock_at("2026-03-12T15:17:54+01:00"),  # the ballot
            clock_at("2026-03-12T15:41:03+01:00"),  # its void, in the same hour
        ]
    )
    path = tmp_path / "laptop.tafelronde"
    sf = SessionFile.create(path, session_id=SESSION, clock=lambda: next(stamps))
    try:
        sf.add(Kind.THEME, Theme(THEMES[1], "Thema"))
        ballot = sf.cast_ballot({THEMES[1]: 2}, target_group_id=None, budget=3, cap=2)
        shared = export_document(sf)
        (record,) = [v for v in sf.snapshot().votes if v.ballot_id == ballot]
        assert record.updated_at == "2026-03-12T14:00:00.000000Z"
        voided = sf.delete(Kind.VOTE, record.id)
        assert voided.updated_at == "2026-03-12T15:00:00.000000Z"  # the next hour: later
        assert sf.ballots_cast_here() == (ballot,)
        after = export_document(sf)
    finally:
        sf.close()
    other = SessionFile.create(tmp_path / "ander.tafelronde")
    try:
        import_document(other, shared)
        assert [v for v in other.snapshot().live_votes() if v.ballot_id == ballot]
        import_document(other, after)
        assert not [v for v in other.snapshot().live_votes() if v.ballot_id == ballot]
    finally:
        other.close()
    with SessionFile.open(path) as again:
        assert again.ballots_cast_here() == ()  # memory only


def test_ballot_stamp_is_the_hour_and_later_than_the_stored_one() -> None:
    now = datetime(2026, 3, 12, 14, 41, 3, tzinfo=UTC)
    assert ballot_stamp(now, None) == "2026-03-12T14:00:00.000000Z"
    assert ballot_stamp(now, "2026-03-12T13:00:00.000000Z") == "2026-03-12T14:00:00.000000Z"
    assert ballot_stamp(now, "2026-03-12T14:00:00.000000Z") == "2026-03-12T15:00:00.000000Z"
    assert ballot_stamp(now, "2026-03-12T15:00:00+00:00") == "2026-03-12T16:00:00.000000Z"
    assert hour_of("2026-03-12T15:24:12+05:30") == "2026-03-12T09:00:00.000000Z"


def test_an_import_keeps_the_hour_of_a_ballot_and_a_second_import_changes_nothing(
    session_file: SessionFile, demo_document: dict[str, object]
) -> None:
    document = json.loads(json.dumps(demo_document))
    ballot = next(v for v in document["votes"] if v.get("ballot_id"))
    ballot["updated_at"] = "2026-03-12T15:24:12.123+01:00"
    import_document(session_file, document)
    stored = session_file.get(Kind.VOTE, ballot["id"])
    assert isinstance(stored, Vote) and stored.updated_at == "2026-03-12T14:00:00.000000Z"
    report = import_document(session_file, document)
    assert report.as_dict()["votes"]["updated"] == 0
    assert report.as_dict()["votes"]["added"] == 0


def test_the_exchange_file_lists_ballots_by_hash_with_the_hour_and_still_validates(
    demo_session: SessionFile,
) -> None:
    # Ids that hold their time (like UUID v7) and ascend in casting order.
    theme = demo_session.themes()[0].id
    cast = [f"0190a000-0000-7000-8000-00000000000{n}" for n in range(8)]
    for ballot in cast:
        demo_session.cast_ballot(
            {theme: 1}, target_group_id=None, budget=4, cap=2, ballot_id=ballot
        )
    document = export_document(demo_session)
    validate_document(document, "export")
    votes = document["votes"]
    listed = [v["ballot_id"] for v in votes if v.get("ballot_id") in cast]
    assert sorted(listed) == cast and listed != cast  # all there, not in the order cast
    ballots = [v for v in votes if v.get("ballot_id")]
    assert all(re.search(r"T\d\d:00:00(\.0+)?(Z|[+-]\d\d:00)$", v["updated_at"]) for v in ballots)
    assert all("ballot_id" not in v for v in votes[: len(votes) - len(ballots)])


def test_the_shipped_demo_has_ballots_with_the_hour_only_in_no_order() -> None:
    document = read_exchange_file(paths.shipped_data_dir() / "demo.json")
    validate_document(document, "demo.json")
    ballots = [v for v in document["votes"] if v.get("ballot_id")]
    assert ballots
    assert {v["updated_at"] for v in ballots} == {"2026-03-12T14:00:00.000000Z"}
    seen: list[str] = []
    for vote in ballots:  # each ballot's records together
        if not seen or seen[-1] != vote["ballot_id"]:
            assert vote["ballot_id"] not in seen
            seen.append(vote["ballot_id"])
