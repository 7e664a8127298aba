"""The session file: one SQLite database per session, and every command on it.

Opening checks the file's header before SQLite touches it, so a foreign or
newer file is refused unmodified. A writable open takes the writer lock,
migrates an older file after a backup, and sets WAL with ``synchronous=FULL``:
when a command returns, its change is on disk. Every command is one
transaction and then tells the listeners what changed (plain callbacks; the UI
turns them into one Qt signal).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.core import rules
from desktop_app.core.errors import DamagedFileError, SessionFileError, UserError
from desktop_app.core.model import (
    DEFAULT_PRIVACY_FLOOR,
    KIND_ORDER,
    CarriedOver,
    ContextItem,
    Entity,
    Intervention,
    Kind,
    Proposal,
    Round,
    SessionInfo,
    SessionSnapshot,
    Table,
    TargetGroup,
    Theme,
    Vote,
)
from desktop_app.core.timestamps import Clock, format_instant, utc_now
from desktop_app.storage import records
from desktop_app.storage.file_format import APPLICATION_ID, SCHEMA_VERSION
from desktop_app.storage.file_health import check_session_health
from desktop_app.storage.writer_lock import WriterLock

SQLITE_HEADER = b"SQLite format 3\x00"

E = TypeVar("E", bound=Entity)


@dataclass(frozen=True, slots=True)
class Change:
    """What a command changed: a kind of entity (or "session"/"state") and ids.

    ``action`` is one of add, edit, delete, restore, import, state.
    """

    kind: str
    ids: tuple[str, ...]
    action: str


Listener = Callable[[Change], None]


def new_id() -> str:
    return str(uuid.uuid4())


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` read-only; '#', '?' and '%' in names are escaped."""
    return path.resolve().as_uri() + "?mode=ro"


def read_header(path: Path) -> tuple[int, int]:
    """(user_version, application_id) read from the file's first 100 bytes.

    Raises ``not_sqlite`` for anything that is not an SQLite 3 database.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise SessionFileError("file_missing", path=str(path)) from None
    except OSError as error:
        raise SessionFileError("unreadable", path=str(path), reason=error.strerror) from None
    if not header:
        raise DamagedFileError("damaged_empty", path=str(path))
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise SessionFileError("not_sqlite", path=str(path))
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    return user_version, application_id


def check_session_header(path: Path) -> int:
    """Refuse a file that is not a session or is newer than this app; return its version."""
    user_version, application_id = read_header(path)
    if application_id != APPLICATION_ID:
        raise SessionFileError("foreign_sqlite", path=str(path))
    if user_version > SCHEMA_VERSION:
        raise SessionFileError("too_new", path=str(path), found=user_version, known=SCHEMA_VERSION)
    return user_version


def translate_sqlite_error(error: sqlite3.Error, path: Path) -> UserError:
    """Turn an error the environment caused into a message for the user."""
    text = str(error).lower()
    if "full" in text:
        return SessionFileError("disk_full")
    if "disk i/o error" in text:
        return SessionFileError("io_error", path=str(path))
    if "readonly" in text or "read-only" in text:
        return SessionFileError("read_only", path=str(path))
    if "locked" in text or "busy" in text:
        return SessionFileError("locked", path=str(path), holder="")
    return SessionFileError("write_failed", path=str(path), reason=str(error))


class SessionFile:
    """An open session file. Use :meth:`create`, :meth:`open` or :meth:`open_readonly`."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        writable: bool,
        lock: WriterLock | None,
        clock: Clock,
    ) -> None:
        self.path = path
        self.writable = writable
        self._conn = conn
        self._lock = lock
        self._clock = clock
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        self._depth = 0

    # ------------------------------------------------------------------ open
    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        title: str = "",
        language: str = "nl",
        session_id: str | None = None,
        clock: Clock = utc_now,
    ) -> SessionFile:
        """Create a new, empty session file; refuse if something is at ``path``."""
        path = Path(path)
        if path.exists():
            raise SessionFileError("write_failed", path=str(path), reason="exists")
        if not path.parent.is_dir():
            raise SessionFileError("target_folder_missing", folder=str(path.parent))
        lock = WriterLock(path)
        lock.acquire()
        try:
            conn = _connect(path)
            try:
                _create_schema(conn)
                conn.execute(
                    "INSERT INTO session (id, title, language) VALUES (?, ?, ?)",
                    (session_id or new_id(), title, language),
                )
            except sqlite3.Error as error:
                conn.close()
                raise translate_sqlite_error(error, path) from error
        except BaseException:
            lock.release()
            raise
        return cls(path, conn, writable=True, lock=lock, clock=clock)

    @classmethod
    def open(cls, path: Path | str, *, clock: Clock = utc_now) -> SessionFile:
        """Open for writing: checks, lock, backup-then-migrate when older."""
        path = Path(path)
        version = check_session_header(path)
        lock = WriterLock(path)
        lock.acquire()
        try:
            # Checked again under the lock: another process may have changed it.
            version = check_session_header(path)
            # Before the first write (a checkpoint, a migration): damage is refused.
            check_session_health(path)
            if version < SCHEMA_VERSION:
                _backup_file(path, path.with_name(f"{path.stem}.v{version}-backup{path.suffix}"))
            conn = _connect(path)
            try:
                _configure(conn)
                if version < SCHEMA_VERSION:
                    _migrate(conn)
            except sqlite3.Error as error:
                conn.close()
                raise translate_sqlite_error(error, path) from error
        except BaseException:
            lock.release()
            raise
        return cls(path, conn, writable=True, lock=lock, clock=clock)

    @classmethod
    def open_readonly(cls, path: Path | str) -> SessionFile:
        """Open to read (export, CLI): no lock, never written.

        An older file is migrated in memory only, so reading never changes it.
        """
        path = Path(path)
        version = check_session_header(path)
        check_session_health(path, writer_active=WriterLock(path).held_elsewhere())
        try:
            source = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
            if version < SCHEMA_VERSION:
                conn = sqlite3.connect(":memory:", isolation_level=None)
                source.backup(conn)
                source.close()
                _migrate(conn)
            else:
                conn = source
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM session").fetchone()
        except sqlite3.Error as error:
            raise SessionFileError("unreadable", path=str(path), reason=str(error)) from error
        return cls(path, conn, writable=False, lock=None, clock=utc_now)

    def close(self) -> None:
        try:
            if self.writable:
                # If this fails the data is safe in the WAL; the next open checkpoints.
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> SessionFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ listeners
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every committed change; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def now(self) -> str:
        return format_instant(self._clock())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; listeners hear of its changes only after it committed.

        Nested use joins the outer transaction (a savepoint), as sqlite-utils'
        ``db.atomic()`` does; written out here so that opening a session does
        not need to import sqlite-utils (only migrations do).
        """
        if not self.writable:
            raise SessionFileError("read_only", path=str(self.path))
        self._depth += 1
        try:
            with _atomic(self._conn, self._depth):
                yield
        except sqlite3.Error as error:
            if self._depth == 1:
                self._pending.clear()
            raise translate_sqlite_error(error, self.path) from error
        except BaseException:
            if self._depth == 1:
                self._pending.clear()
            raise
        finally:
            self._depth -= 1
        if self._depth == 0:
            pending, self._pending = self._pending, []
            for change in pending:
                for listener in list(self._listeners):
                    listener(change)

    def _changed(self, kind: str, ids: Iterable[str], action: str) -> None:
        self._pending.append(Change(kind, tuple(ids), action))

    # ----------------------------------------------------------------- reads
    def session(self) -> SessionInfo:
        row = self._conn.execute("SELECT * FROM session").fetchone()
        return _session_from_row(row)

    def get(self, kind: Kind, entity_id: str) -> Entity | None:
        row = self._conn.execute(
            f"SELECT * FROM {kind.value} WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            return None
        return records.row_to_entity(
            kind, row, self._members(entity_id) if kind is Kind.THEME else ()
        )

    def require(self, kind: Kind, entity_id: str, entity_type: type[E]) -> E:
        entity = self.get(kind, entity_id)
        if not isinstance(entity, entity_type):
            raise UserError("not_found", kind=kind.value, id=entity_id)
        return entity

    def entities(self, kind: Kind, *, include_deleted: bool = False) -> list[Entity]:
        where = "" if include_deleted else " WHERE deleted = 0"
        rows = self._conn.execute(
            f"SELECT * FROM {kind.value}{where} ORDER BY {records.ORDER_BY[kind]}"
        ).fetchall()
        members = self._all_members() if kind is Kind.THEME else {}
        return [records.row_to_entity(kind, row, members.get(row["id"], ())) for row in rows]

    def target_groups(self) -> list[TargetGroup]:
        return [e for e in self.entities(Kind.TARGET_GROUP) if isinstance(e, TargetGroup)]

    def tables(self) -> list[Table]:
        return [e for e in self.entities(Kind.TABLE) if isinstance(e, Table)]

    def rounds(self) -> list[Round]:
        return [e for e in self.entities(Kind.ROUND) if isinstance(e, Round)]

    def themes(self) -> list[Theme]:
        return [e for e in self.entities(Kind.THEME) if isinstance(e, Theme)]

    def interventions(self) -> list[Intervention]:
        return [e for e in self.entities(Kind.INTERVENTION) if isinstance(e, Intervention)]

    def proposals(
        self, *, round_id: str | None = None, table_id: str | None = None
    ) -> list[Proposal]:
        """Live proposals in entry order, optionally of one round and/or table."""
        sql = "SELECT * FROM proposals WHERE deleted = 0"
        args: list[str] = []
        if round_id is not None:
            sql += " AND round_id = ?"
            args.append(round_id)
        if table_id is not None:
            sql += " AND table_id = ?"
            args.append(table_id)
        rows = self._conn.execute(sql + " ORDER BY seq", args).fetchall()
        return [_proposal_from_row(row) for row in rows]

    def proposal_counts(self) -> dict[tuple[str, str], int]:
        """(round id, table id) -> number of live proposals: the World Café grid."""
        rows = self._conn.execute(
            "SELECT round_id, table_id, count(*) FROM proposals WHERE deleted = 0 "
            "GROUP BY round_id, table_id"
        ).fetchall()
        return {(row[0], row[1]): row[2] for row in rows}

    def is_empty(self) -> bool:
        """True for a new session: nothing in it yet and never edited."""
        if self.session().updated_at is not None:
            return False
        return all(
            self._conn.execute(f"SELECT 1 FROM {kind.value} LIMIT 1").fetchone() is None
            for kind in KIND_ORDER
        )

    def hidden_on_beamer(self) -> frozenset[str]:
        rows = self._conn.execute(
            "SELECT id FROM proposals WHERE hidden_on_beamer = 1 AND deleted = 0"
        ).fetchall()
        return frozenset(row[0] for row in rows)

    def theme_colors(self) -> dict[str, str]:
        rows = self._conn.execute("SELECT id, color FROM clusters WHERE color IS NOT NULL")
        return {row[0]: row[1] for row in rows}

    def snapshot(self) -> SessionSnapshot:
        """Everything, tombstones included, read in one read transaction."""
        in_tx = self._conn.in_transaction
        if not in_tx:
            self._conn.execute("BEGIN")
        try:
            lists: dict[Kind, tuple[Entity, ...]] = {
                kind: tuple(self.entities(kind, include_deleted=True)) for kind in KIND_ORDER
            }
            info = self.session()
            floor = self.state("privacy_floor", DEFAULT_PRIVACY_FLOOR)
            hidden = self.hidden_on_beamer()
            carried = self._carried_over()
        finally:
            if not in_tx:
                self._conn.execute("COMMIT")
        return SessionSnapshot(
            session=info,
            target_groups=_only(lists[Kind.TARGET_GROUP], TargetGroup),
            tables=_only(lists[Kind.TABLE], Table),
            rounds=_only(lists[Kind.ROUND], Round),
            proposals=_only(lists[Kind.PROPOSAL], Proposal),
            themes=_only(lists[Kind.THEME], Theme),
            votes=_only(lists[Kind.VOTE], Vote),
            interventions=_only(lists[Kind.INTERVENTION], Intervention),
            context_items=_only(lists[Kind.CONTEXT_ITEM], ContextItem),
            privacy_floor=int(floor) if isinstance(floor, int) else DEFAULT_PRIVACY_FLOOR,
            hidden_proposal_ids=hidden,
            carried_over=carried,
        )

    def _carried_over(self) -> tuple[CarriedOver, ...]:
        rows = self._conn.execute(
            "SELECT intervention_id, source_session_title, source_session_date, earlier_status "
            "FROM carried_interventions ORDER BY rowid"
        ).fetchall()
        return tuple(CarriedOver(row[0], row[1], row[2], row[3]) for row in rows)

    def _members(self, theme_id: str) -> tuple[str, ...]:
        rows = self._conn.execute(
            "SELECT proposal_id FROM cluster_proposals WHERE cluster_id = ? ORDER BY position",
            (theme_id,),
        )
        return tuple(row[0] for row in rows)

    def _all_members(self) -> dict[str, tuple[str, ...]]:
        result: dict[str, list[str]] = {}
        rows = self._conn.execute(
            "SELECT cluster_id, proposal_id FROM cluster_proposals ORDER BY cluster_id, position"
        )
        for cluster_id, proposal_id in rows:
            result.setdefault(cluster_id, []).append(proposal_id)
        return {key: tuple(value) for key, value in result.items()}

    # ---------------------------------------------------------- local state
    def state(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_state(self, key: str, value: Any) -> None:
        """Store this laptop's run state (timer, phase, reveal); not exchanged."""
        with self.transaction():
            self._conn.execute(
                "INSERT INTO local_state (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )
            self._changed("state", (key,), "state")

    # ------------------------------------------------------------- commands
    def update_session(self, **fields: Any) -> SessionInfo:
        """Edit the session record (title, purpose, voting rules ...)."""
        current = self.session()
        updated = rules.checked_session(replace(current, **fields, updated_at=self.now()))
        with self.transaction():
            self._conn.execute(
                "UPDATE session SET title=?, organisation=?, date=?, location=?, purpose=?, "
                "language=?, dots_per_participant=?, max_dots_per_item=?, vote_target=?, "
                "updated_at=?",
                _session_values(updated),
            )
            self._changed("session", (updated.id,), "edit")
        return updated

    def add(self, kind: Kind, entity: E, *, updated_at: str | None = None) -> E:
        """Add a new entity (its id must be new); stamps ``updated_at``."""
        stamped: E = replace(entity, updated_at=updated_at or self.now())
        rules.check_entity(kind, stamped, self._reference_exists)
        with self.transaction():
            row = records.entity_to_row(kind, stamped)
            if kind in records.POSITIONED:
                row["position"] = self._next_position(kind)
            self._insert(kind, row)
            if isinstance(stamped, Theme):
                self._claim_for_theme(stamped.id, stamped.proposal_ids)
            self._changed(kind.value, (stamped.id,), "add")
        return stamped

    def put(self, kind: Kind, entity: E, *, action: str = "edit") -> E:
        """Write a whole record over the stored one (edit, undo, redo)."""
        stamped: E = replace(entity, updated_at=self._stamp_for(entity))
        rules.check_entity(kind, stamped, self._reference_exists)
        with self.transaction():
            row = records.entity_to_row(kind, stamped)
            exists = self._conn.execute(
                f"SELECT 1 FROM {kind.value} WHERE id = ?", (stamped.id,)
            ).fetchone()
            if exists is None:
                if kind in records.POSITIONED:
                    row["position"] = self._next_position(kind)
                self._insert(kind, row)
            else:
                assignments = ", ".join(f"{column} = ?" for column in row if column != "id")
                self._conn.execute(
                    f"UPDATE {kind.value} SET {assignments} WHERE id = ?",
                    [*(value for column, value in row.items() if column != "id"), stamped.id],
                )
            if isinstance(stamped, Theme):
                # A tombstoned theme keeps its list (so restore brings it back whole)
                # but claims nothing: its proposals are in the tray, or in live themes.
                self._claim_for_theme(stamped.id, stamped.proposal_ids, claim=not stamped.deleted)
            self._changed(kind.value, (stamped.id,), action)
        return stamped

    def _stamp_for(self, entity: Entity) -> str:
        """Now; for a ballot's dots only the hour, so no exact time points at a voter."""
        if isinstance(entity, Vote) and entity.ballot_id is not None:
            return format_instant(self._clock().replace(minute=0, second=0, microsecond=0))
        return self.now()

    def update(self, kind: Kind, entity_id: str, **fields: Any) -> Entity:
        current = self.get(kind, entity_id)
        if current is None:
            raise UserError("not_found", kind=kind.value, id=entity_id)
        return self.put(kind, replace(current, **fields))

    def delete(self, kind: Kind, entity_id: str) -> Entity:
        """Tombstone: hidden everywhere, kept for merging and restore."""
        current = self.get(kind, entity_id)
        if current is None:
            raise UserError("not_found", kind=kind.value, id=entity_id)
        return self.put(kind, replace(current, deleted=True), action="delete")

    def restore(self, kind: Kind, entity_id: str) -> Entity:
        current = self.get(kind, entity_id)
        if current is None:
            raise UserError("not_found", kind=kind.value, id=entity_id)
        return self.put(kind, replace(current, deleted=False), action="restore")

    def add_proposal(
        self,
        round_id: str,
        table_id: str,
        text: str,
        *,
        details: str | None = None,
        proposal_id: str | None = None,
    ) -> Proposal:
        """The scribe's Enter: one proposal, on disk when this returns."""
        now = self.now()
        table = self.get(Kind.TABLE, table_id)
        target_group_id = table.target_group_id if isinstance(table, Table) else None
        proposal = Proposal(
            id=proposal_id or new_id(),
            round_id=round_id,
            table_id=table_id,
            text=text,
            details=details,
            target_group_id=target_group_id,
            created_at=now,
        )
        return self.add(Kind.PROPOSAL, proposal)

    def move_proposals(self, proposal_ids: Sequence[str], theme_id: str | None) -> None:
        """Put proposals into a theme (or back in the tray with ``None``), one step."""
        with self.transaction():
            touched: set[str] = set()
            for theme in self.themes():
                kept = tuple(pid for pid in theme.proposal_ids if pid not in proposal_ids)
                if theme.id != theme_id and kept != theme.proposal_ids:
                    self.put(Kind.THEME, replace(theme, proposal_ids=kept))
                    touched.add(theme.id)
            if theme_id is not None:
                theme = self.require(Kind.THEME, theme_id, Theme)
                merged = tuple(pid for pid in theme.proposal_ids if pid not in proposal_ids)
                self.put(Kind.THEME, replace(theme, proposal_ids=merged + tuple(proposal_ids)))

    def cast_ballot(
        self,
        dots: Mapping[str, int],
        *,
        target_group_id: str | None,
        budget: int,
        cap: int,
        ballot_id: str | None = None,
        vote_ids: Mapping[str, str] | None = None,
    ) -> str:
        """Store one anonymous ballot: one vote record per item, sharing a ballot id.

        Refuses a ballot over the budget or the per-item cap. Records get the
        same coarse timestamp (the hour), so no exact time identifies a voter.
        ``ballot_id`` and ``vote_ids`` (item id -> vote id) may be chosen by the
        caller, so that the GUI knows beforehand what to undo.
        """
        rules.check_ballot(dots, budget=budget, cap=cap)
        ballot_id = ballot_id or new_id()
        vote_ids = vote_ids or {}
        coarse = format_instant(self._clock().replace(minute=0, second=0, microsecond=0))
        with self.transaction():
            for item_id, count in dots.items():
                if count > 0:
                    self.add(
                        Kind.VOTE,
                        Vote(
                            id=vote_ids.get(item_id) or new_id(),
                            item_id=item_id,
                            dots=count,
                            target_group_id=target_group_id,
                            ballot_id=ballot_id,
                        ),
                        updated_at=coarse,
                    )
        return ballot_id

    def set_hidden_on_beamer(self, proposal_id: str, hidden: bool) -> None:
        """Moderation: keep a proposal but do not project it."""
        with self.transaction():
            self._conn.execute(
                "UPDATE proposals SET hidden_on_beamer = ? WHERE id = ?",
                (1 if hidden else 0, proposal_id),
            )
            self._changed(Kind.PROPOSAL.value, (proposal_id,), "edit")

    def set_theme_color(self, theme_id: str, color: str | None) -> None:
        with self.transaction():
            self._conn.execute("UPDATE clusters SET color = ? WHERE id = ?", (color, theme_id))
            self._changed(Kind.THEME.value, (theme_id,), "edit")

    def move_to_position(self, kind: Kind, ordered_ids: Sequence[str]) -> None:
        """Reorder tables, themes, interventions ...: positions follow ``ordered_ids``."""
        if kind not in records.POSITIONED:
            raise ValueError(kind)
        with self.transaction():
            self._conn.executemany(
                f"UPDATE {kind.value} SET position = ? WHERE id = ?",
                [(index, entity_id) for index, entity_id in enumerate(ordered_ids)],
            )
            self._changed(kind.value, tuple(ordered_ids), "edit")

    def backup_to(self, target: Path | str) -> None:
        """A consistent copy through SQLite's backup API (never a file copy)."""
        target = Path(target)
        destination = sqlite3.connect(target)
        try:
            self._conn.backup(destination)
        finally:
            destination.close()

    # -------------------------------------------------------------- helpers
    def _insert(self, kind: Kind, row: Mapping[str, Any]) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self._conn.execute(
            f"INSERT INTO {kind.value} ({columns}) VALUES ({marks})", list(row.values())
        )

    def _next_position(self, kind: Kind) -> int:
        row = self._conn.execute(
            f"SELECT coalesce(max(position), -1) + 1 FROM {kind.value}"
        ).fetchone()
        return int(row[0])

    def _claim_for_theme(
        self, theme_id: str, proposal_ids: Sequence[str], *, claim: bool = True
    ) -> None:
        """Set a theme's members; a proposal leaves any other live theme (rule 8)."""
        self._conn.execute("DELETE FROM cluster_proposals WHERE cluster_id = ?", (theme_id,))
        if not proposal_ids:
            return
        rows = [(theme_id, pid, index) for index, pid in enumerate(proposal_ids)]
        insert = (
            "INSERT INTO cluster_proposals (cluster_id, proposal_id, position) VALUES (?, ?, ?)"
        )
        if not claim:
            self._conn.executemany(insert, rows)
            return
        marks = ", ".join("?" for _ in proposal_ids)
        others = self._conn.execute(
            f"SELECT DISTINCT cp.cluster_id FROM cluster_proposals cp JOIN clusters c "
            f"ON c.id = cp.cluster_id WHERE c.deleted = 0 AND cp.proposal_id IN ({marks})",
            list(proposal_ids),
        ).fetchall()
        if others:
            self._conn.execute(
                f"DELETE FROM cluster_proposals WHERE proposal_id IN ({marks}) AND cluster_id IN "
                f"(SELECT id FROM clusters WHERE deleted = 0)",
                list(proposal_ids),
            )
            self._changed(Kind.THEME.value, tuple(row[0] for row in others), "edit")
        self._conn.executemany(insert, rows)

    def _reference_exists(self, kind: Kind, entity_id: str) -> bool:
        return (
            self._conn.execute(f"SELECT 1 FROM {kind.value} WHERE id = ?", (entity_id,)).fetchone()
            is not None
        )

    # Used by the exchange import, which writes rows as they come.
    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    def note_change(self, kind: str, ids: Iterable[str], action: str) -> None:
        """Record a change made inside :meth:`transaction` by a storage module."""
        self._changed(kind, ids, action)


@contextmanager
def _atomic(conn: sqlite3.Connection, depth: int) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or a savepoint when nested; rolled back on any error."""
    if depth > 1:
        name = f"nested_{depth}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _empty_schema_cache() -> Path:
    from desktop_app import paths

    return paths.user_data_dir() / "cache" / f"empty-session-v{SCHEMA_VERSION}.sqlite"


def _create_schema(conn: sqlite3.Connection) -> None:
    """Give a new file the current schema, from a cached empty file when there is one.

    Running the migrations needs sqlite-utils, whose import (with numpy) is the
    largest part of the app's start; an empty file of the current version, made
    once by the migrations, is copied with the backup API instead. A cache that
    is missing, foreign or of another version is ignored (and made anew).
    """
    cache = _empty_schema_cache()
    try:
        if check_session_header(cache) == SCHEMA_VERSION:
            source = sqlite3.connect(read_only_uri(cache), uri=True)
            try:
                source.backup(conn)
            finally:
                source.close()
            _configure(conn)
            return
    except (SessionFileError, sqlite3.Error):
        pass
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _configure(conn)
    _migrate(conn)
    with contextlib.suppress(OSError, sqlite3.Error):
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{uuid.uuid4().hex}.tmp")
        target = sqlite3.connect(partial)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        partial.replace(cache)


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations (imports sqlite-utils only when a file needs it)."""
    from sqlite_utils import Database

    from desktop_app.storage.schema import migrations

    migrations.apply(Database(conn))


def _only(entities: tuple[Entity, ...], entity_type: type[E]) -> tuple[E, ...]:
    return tuple(e for e in entities if isinstance(e, entity_type))


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=2.0)
    conn.row_factory = sqlite3.Row
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _backup_file(source: Path, target: Path) -> None:
    """Copy a session file with the backup API before a migration changes it."""
    counter = 1
    final = target
    while final.exists():
        counter += 1
        final = target.with_name(f"{target.stem}-{counter}{target.suffix}")
    src = sqlite3.connect(read_only_uri(source), uri=True)
    dst = sqlite3.connect(final)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _session_from_row(row: Mapping[str, Any]) -> SessionInfo:
    return SessionInfo(
        id=row["id"],
        title=row["title"],
        organisation=row["organisation"],
        date=row["date"],
        location=row["location"],
        purpose=row["purpose"],
        language=row["language"],
        dots_per_participant=row["dots_per_participant"],
        max_dots_per_item=row["max_dots_per_item"],
        vote_target=row["vote_target"],
        updated_at=row["updated_at"],
    )


def _session_values(info: SessionInfo) -> tuple[Any, ...]:
    return (
        info.title,
        info.organisation,
        info.date,
        info.location,
        info.purpose,
        info.language,
        info.dots_per_participant,
        info.max_dots_per_item,
        info.vote_target,
        info.updated_at,
    )


def _proposal_from_row(row: Mapping[str, Any]) -> Proposal:
    entity = records.row_to_entity(Kind.PROPOSAL, row)
    assert isinstance(entity, Proposal)
    return entity


def replace_session_record(session_file: SessionFile, info: SessionInfo) -> None:
    """Write a whole session record as it came (exchange merge), id included."""
    session_file.connection.execute(
        "UPDATE session SET id=?, title=?, organisation=?, date=?, location=?, purpose=?, "
        "language=?, dots_per_participant=?, max_dots_per_item=?, vote_target=?, updated_at=?",
        (info.id, *_session_values(info)),
    )
    session_file.note_change("session", (info.id,), "import")
