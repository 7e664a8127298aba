"""The session file's schema as numbered migrations (sqlite-utils ``Migrations``).

Each migration runs in its own transaction with the record of it having run and
sets ``PRAGMA user_version`` to its number, so the version the file claims is
always the schema it has. Add a migration at the end; never change one that has
shipped.
"""

from __future__ import annotations

import contextlib

from sqlite_utils import Database, Migrations

from desktop_app.storage.file_format import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "migrations"]
MIGRATION_SET = "tafelronde"

migrations = Migrations(MIGRATION_SET)


def _run(db: Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's
    transaction half-way."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="m001_session_entities")
def m001_session_entities(db: Database) -> None:
    """The session and every entity of exchange format v1."""
    _run(
        db,
        """
        CREATE TABLE session (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            organisation TEXT, date TEXT, location TEXT, purpose TEXT, language TEXT,
            dots_per_participant INTEGER, max_dots_per_item INTEGER, vote_target TEXT,
            updated_at TEXT
        );
        CREATE TABLE target_groups (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, participants INTEGER,
            position INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE tables (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, host TEXT,
            target_group_id TEXT REFERENCES target_groups(id),
            position INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE rounds (
            id TEXT PRIMARY KEY, number INTEGER NOT NULL, question TEXT NOT NULL,
            minutes INTEGER,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE proposals (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            round_id TEXT NOT NULL REFERENCES rounds(id),
            table_id TEXT NOT NULL REFERENCES tables(id),
            text TEXT NOT NULL, details TEXT,
            target_group_id TEXT REFERENCES target_groups(id),
            created_at TEXT,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX proposals_by_cell ON proposals(round_id, table_id);
        CREATE TABLE clusters (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE cluster_proposals (
            cluster_id TEXT NOT NULL REFERENCES clusters(id),
            proposal_id TEXT NOT NULL REFERENCES proposals(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (cluster_id, proposal_id)
        );
        CREATE INDEX cluster_proposals_by_proposal ON cluster_proposals(proposal_id);
        CREATE TABLE votes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL, dots INTEGER NOT NULL,
            target_group_id TEXT REFERENCES target_groups(id),
            table_id TEXT REFERENCES tables(id),
            ballot_id TEXT,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX votes_by_item ON votes(item_id);
        CREATE TABLE interventions (
            id TEXT PRIMARY KEY, title TEXT NOT NULL,
            cluster_id TEXT REFERENCES clusters(id),
            description TEXT, target_group_ids TEXT NOT NULL DEFAULT '[]',
            periodicity TEXT, location TEXT, owner TEXT, start TEXT, follow_up TEXT,
            status TEXT, impact INTEGER, effort INTEGER,
            value_for_employee TEXT, value_for_organisation TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        """,
    )
    db.execute("PRAGMA user_version = 1")


@migrations(name="m002_opening_and_local_state")
def m002_opening_and_local_state(db: Database) -> None:
    """Context items for the opening, beamer moderation, theme colours, local state.

    ``local_state`` holds what belongs to this laptop's run of the session and
    is never exchanged: the round timer, the current phase, the reveal.
    """
    _run(
        db,
        """
        CREATE TABLE context_items (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'note', title TEXT NOT NULL,
            text TEXT, position INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        );
        ALTER TABLE proposals ADD COLUMN hidden_on_beamer INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE clusters ADD COLUMN color TEXT;
        CREATE TABLE local_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )
    db.execute("PRAGMA user_version = 2")


@migrations(name="m003_carried_interventions")
def m003_carried_interventions(db: Database) -> None:
    """Follow-up across cycles: interventions taken over from an earlier session.

    One row per intervention of this session that came from an earlier one:
    where it came from and the status it had there. Local, never exchanged
    (exchange format v1 has no field for it); see storage/follow_up.py.
    """
    _run(
        db,
        """
        CREATE TABLE carried_interventions (
            intervention_id TEXT PRIMARY KEY REFERENCES interventions(id),
            source_session_id TEXT,
            source_session_title TEXT NOT NULL DEFAULT '',
            source_session_date TEXT,
            source_intervention_id TEXT,
            earlier_status TEXT,
            carried_at TEXT
        );
        CREATE INDEX carried_by_source ON carried_interventions(source_intervention_id);
        """,
    )
    db.execute("PRAGMA user_version = 3")


@migrations(name="m004_duplicate_links")
def m004_duplicate_links(db: Database) -> None:
    """Near-duplicate proposals the facilitator merged on the cluster board.

    Both proposals stay (both texts are kept); the linked one points at the kept
    one, whose card shows how many tables said it. Local, never exchanged
    (exchange format v1 has no field for it); see storage/duplicates.py.
    """
    _run(
        db,
        """
        CREATE TABLE duplicate_links (
            proposal_id TEXT PRIMARY KEY REFERENCES proposals(id),
            kept_proposal_id TEXT NOT NULL REFERENCES proposals(id)
        );
        CREATE INDEX duplicate_links_by_kept ON duplicate_links(kept_proposal_id);
        """,
    )
    db.execute("PRAGMA user_version = 4")


@migrations(name="m005_privacy")
def m005_privacy(db: Database) -> None:
    """Ballots carry no order and no exact time (issue 15, defect 9).

    ``votes.seq`` (AUTOINCREMENT) kept the order in which ballots were cast, and
    a rowid would keep it too: the table is rebuilt ``WITHOUT ROWID``, keyed by
    the vote's random id, so nothing in it follows the order of storing. A
    ballot's ``updated_at`` is cut to the hour (tallies keep theirs: they are
    no one's ballot). ``secure_delete`` makes SQLite overwrite the old table's
    pages with zeros, so the old order and times are not left in free pages.
    (The copy made before migrating keeps the file as it was; "Sessie > Wissen
    na afloop" removes it with the session.)
    """
    from desktop_app.core.privacy import hour_of

    db.execute("PRAGMA secure_delete = ON")
    columns = "id, item_id, dots, target_group_id, table_id, ballot_id, updated_at, deleted"
    rows = [list(row) for row in db.execute(f"SELECT {columns} FROM votes").fetchall()]
    for row in rows:
        if row[5] is not None and isinstance(row[6], str):
            # Not a timestamp: left as it is; the next change stamps it anew.
            with contextlib.suppress(ValueError):
                row[6] = hour_of(row[6])
    _run(
        db,
        """
        DROP TABLE votes;
        CREATE TABLE votes (
            id TEXT PRIMARY KEY,
            item_id TEXT NOT NULL, dots INTEGER NOT NULL,
            target_group_id TEXT REFERENCES target_groups(id),
            table_id TEXT REFERENCES tables(id),
            ballot_id TEXT,
            updated_at TEXT, deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX votes_by_item ON votes(item_id);
        """,
    )
    db.conn.executemany(
        f"INSERT INTO votes ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sorted(rows)
    )
    db.execute("PRAGMA user_version = 5")


@migrations(name="m006_room")
def m006_room(db: Database) -> None:
    """The room network (issue 16): phones, ballot cards, one count over every channel.

    ``_room_used_tokens`` holds the SHA-256 hashes of one-time ballot tokens
    already spent (phone and card), and nothing else: no device, no address,
    no time, no ballot id; keyed by the hash ``WITHOUT ROWID``, so not even the
    order of voting is kept. ``_room_card_tokens`` the hashes of printed ballot
    cards that may vote. ``room_proposals`` marks proposals sent from a phone:
    the hash of the sending device (only to let a scribe edit its own entries)
    and ``pending`` while a participant's proposal waits for the facilitator's
    approval (it is hidden on the beamer meanwhile). ``votes.channel`` says how a
    vote came in ("sticker", "kiosk", "card", "phone") so the workbook can count
    per channel; it is local (not exchanged). Older votes get theirs from
    whether they are a tally or a ballot.
    """
    _run(
        db,
        """
        CREATE TABLE _room_used_tokens (token_hash TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE _room_card_tokens (token_hash TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE room_proposals (
            proposal_id TEXT PRIMARY KEY REFERENCES proposals(id),
            device_hash TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'scribe',
            pending INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX room_proposals_by_device ON room_proposals(device_hash);
        ALTER TABLE votes ADD COLUMN channel TEXT;
        UPDATE votes SET channel = CASE WHEN ballot_id IS NULL THEN 'sticker' ELSE 'kiosk' END
        """,
    )
    db.execute("PRAGMA user_version = 6")
