"""The session file: one SQLite database per session, and every command on it.

Opening checks the file's header before SQLite touches it, so a foreign or
newer file is refused unmodified. A writable open takes the writer lock,
migrates an older file after a backup, and sets WAL with ``synchronous=FULL``:
when a command returns, its change is on disk. Every command is one
transaction. When the outermost transaction commits, the listeners hear of it
once, with one :class:`Change` saying which rows of which kinds it changed
(plain callbacks; the UI turns them into one Qt signal); a transaction that an
operation named with a :class:`~desktop_app.core.actions.Label` also becomes
one undo step (see :mod:`desktop_app.storage.undo`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.core import rules
from desktop_app.core.actions import Label
from desktop_app.core.errors import DamagedFileError, Reason, SessionFileError, UserError
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
from desktop_app.core.privacy import ballot_stamp
from desktop_app.core.timestamps import Clock, format_instant, utc_now
from desktop_app.storage import records
from desktop_app.storage.file_format import APPLICATION_ID, SCHEMA_VERSION
from desktop_app.storage.file_health import check_session_health
from desktop_app.storage.undo import (
    ATTACHED,
    Image,
    Journal,
    RowChange,
    UndoHistory,
    UndoResult,
    UndoStep,
    apply_step,
)
from desktop_app.storage.writer_lock import WriterLock

SQLITE_HEADER = b"SQLite format 3\x00"

E = TypeVar("E", bound=Entity)


class Origin(StrEnum):
    """Where a change came from."""

    EDIT = "edit"  # an operation (or a storage command) made it
    UNDO = "undo"
    REDO = "redo"
    IMPORT = "import"  # an exchange file was merged
    STATE = "state"  # only this laptop's run state (timer, phase, reveal)


@dataclass(frozen=True, slots=True)
class Change:
    """What one committed transaction changed: one event per operation.

    ``ids`` holds, per kind, the ids of the entities whose row, local columns
    (position, colour, beamer moderation) or attached rows changed (a theme's
    proposal list; duplicate links count as both proposals; a carried-over row
    as its intervention); ``added`` those of them that are new rows.
    ``session`` is true when the session record changed, ``state`` names the
    run-state keys written, ``tables`` any other table. ``label`` is the
    operation's (also for its undo and redo); ``refused`` counts what an undo
    or redo left alone because it was changed since.
    """

    origin: Origin
    ids: Mapping[Kind, frozenset[str]] = field(default_factory=dict)
    added: Mapping[Kind, frozenset[str]] = field(default_factory=dict)
    session: bool = False
    state: frozenset[str] = frozenset()
    tables: frozenset[str] = frozenset()
    label: Label | None = None
    refused: int = 0

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(self.ids)

    def touches(self, *kinds: Kind) -> bool:
        """True when any of ``kinds`` changed."""
        return any(kind in self.ids for kind in kinds)

    def of(self, kind: Kind) -> frozenset[str]:
        """The ids of ``kind`` that changed (empty when none)."""
        return self.ids.get(kind, frozenset())

    def added_of(self, kind: Kind) -> frozenset[str]:
        return self.added.get(kind, frozenset())


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
        self._depth = 0
        self._label: Label | None = None
        self._origin: Origin | None = None
        self._refused = 0
        self.history = UndoHistory()
        """This run's undo steps (see :meth:`undo`); not kept across a restart."""
        self._journal: Journal | None = None
        if writable:
            try:
                self._journal = Journal(conn)
            except sqlite3.Error as error:
                conn.close()
                if lock is not None:
                    lock.release()
                raise translate_sqlite_error(error, path) from error
        self._cast_here: list[str] = []  # memory only: the file keeps no ballot order

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
        """Open to read (export, CLI): no lock, never written, nothing made beside it.

        Without a writer at work and without a ``-wal`` the file is read with
        ``immutable=1``: SQLite then makes no ``-shm``/``-wal`` beside it, so a
        session on a read-only USB stick can be exported and a writable folder
        is left as it was. A ``-wal`` a closed (or killed) writer left is read
        from a copy in a temporary folder; while a writer is at work its files
        are read as they are. An older file is migrated in memory only.
        """
        path = Path(path)
        version = check_session_header(path)
        writer_active = WriterLock(path).held_elsewhere()
        check_session_health(path, writer_active=writer_active)
        try:
            conn = _read_connection(path, writer_active=writer_active)
            if version < SCHEMA_VERSION:
                if conn.execute("PRAGMA database_list").fetchone()[2]:
                    conn = _in_memory(conn)
                _migrate(conn)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM session").fetchone()
        except sqlite3.Error as error:
            raise SessionFileError(
                "session_unreadable_here", path=str(path), reason=_read_reason(error)
            ) from error
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
    def transaction(
        self, label: Label | None = None, *, origin: Origin | None = None
    ) -> Iterator[None]:
        """One transaction; listeners hear of it once, after it committed.

        Nested use joins the outer transaction (a savepoint), as sqlite-utils'
        ``db.atomic()`` does; written out here so that opening a session does
        not need to import sqlite-utils (only migrations do). An operation
        passes its ``label``: the outermost transaction with a label becomes
        one undo step. ``origin`` says where a change came from (an import);
        by default an edit, or run state when only ``local_state`` was written.
        """
        if not self.writable:
            raise SessionFileError("read_only", path=str(self.path))
        outermost = self._depth == 0
        if outermost:
            self._label, self._origin, self._refused = label, origin, 0
        elif self._label is None and label is not None:
            self._label = label
        self._depth += 1
        rows: list[RowChange] = []
        try:
            with _atomic(self._conn, self._depth):
                if outermost and self._journal is not None:
                    self._journal.clear_strays()  # rows written outside any transaction
                yield
                if outermost and self._journal is not None:
                    # Images are needed only for a new undo step.
                    step = self._label is not None and self._origin is None
                    rows = self._journal.collect(images=step)
        except sqlite3.Error as error:
            raise translate_sqlite_error(error, self.path) from error
        finally:
            self._depth -= 1
        if outermost:
            self._committed(rows)

    def _committed(self, rows: list[RowChange]) -> None:
        label, origin, refused = self._label, self._origin, self._refused
        self._label = self._origin = None
        if origin is None and label is not None and rows:
            self.history.push(UndoStep(label, rows))
        change = _change_of(rows, origin, label, refused)
        if change is None:
            return
        for listener in list(self._listeners):
            listener(change)

    # ------------------------------------------------------------ undo/redo
    def undo(self) -> UndoResult | None:
        """Undo the last operation where that is safe (see :mod:`~desktop_app.storage.undo`).

        Returns what was restored and how many items were left alone because
        they were changed since, or None when there is nothing to undo. The
        writes are one transaction and one :class:`Change` of origin ``undo``.
        """
        step = self.history.next_undo()
        if step is None:
            return None
        result, rows = self._apply(step, undo=True)
        step.rows = rows
        self.history.undone(step)
        return result

    def redo(self) -> UndoResult | None:
        """Redo the last undone operation, with the same care as :meth:`undo`."""
        step = self.history.next_redo()
        if step is None:
            return None
        result, rows = self._apply(step, undo=False)
        step.rows = rows
        self.history.redone(step)
        return result

    def _apply(self, step: UndoStep, *, undo: bool) -> tuple[UndoResult, list[RowChange]]:
        assert self._journal is not None  # a writable file has one
        journal = self._journal
        with self.transaction(step.label, origin=Origin.UNDO if undo else Origin.REDO):
            result, rows = apply_step(
                self._conn, journal.tables, step, undo=undo, stamp=self._row_stamp
            )
            self._refused = result.refused
        return result, rows

    def _row_stamp(self, table: str, image: Image) -> str:
        """A fresh ``updated_at`` for a row an undo writes (a ballot's dots: the hour)."""
        if table == Kind.VOTE.value and image.get("ballot_id") is not None:
            return format_instant(self._clock().replace(minute=0, second=0, microsecond=0))
        return self.now()

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

    def entities_by_id(self, kind: Kind, ids: Iterable[str]) -> list[Entity]:
        """The entities of ``kind`` with these ids (tombstones too), in display order."""
        rows = self._conn.execute(
            f"SELECT * FROM {kind.value} WHERE id IN (SELECT value FROM json_each(?)) "
            f"ORDER BY {records.ORDER_BY[kind]}",
            (json.dumps(list(ids)),),
        ).fetchall()
        return [
            records.row_to_entity(kind, row, self._members(row["id"]) if kind is Kind.THEME else ())
            for row in rows
        ]

    def live_ids(self, kind: Kind) -> list[str]:
        """The ids of the live entities of ``kind``, in display order."""
        rows = self._conn.execute(
            f"SELECT id FROM {kind.value} WHERE deleted = 0 ORDER BY {records.ORDER_BY[kind]}"
        )
        return [row[0] for row in rows]

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

    def votes_for(self, item_id: str) -> list[Vote]:
        """The live vote records of one item (tallies and ballots), by id (votes keep no
        entry order: it would tell the order in which ballots were cast)."""
        rows = self._conn.execute(
            "SELECT * FROM votes WHERE item_id = ? AND deleted = 0 ORDER BY id", (item_id,)
        ).fetchall()
        return [
            e for e in (records.row_to_entity(Kind.VOTE, r) for r in rows) if isinstance(e, Vote)
        ]

    def has_ballot(self, ballot_id: str) -> bool:
        """True when a ballot with this id was stored (voided or not)."""
        row = self._conn.execute(
            "SELECT 1 FROM votes WHERE ballot_id = ? LIMIT 1", (ballot_id,)
        ).fetchone()
        return row is not None

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
            channels = self._vote_channels()
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
            vote_channels=channels,
        )

    def snapshot_after(
        self, previous: SessionSnapshot, changes: Sequence[Change]
    ) -> SessionSnapshot:
        """``previous`` brought up to date with ``changes`` committed since it was read.

        The same as :meth:`snapshot`, reading only what the changes touched: the
        long lists (proposals and votes, in entry order) by id, the short ones
        whole. An import (or a table the change cannot name) reads everything.
        """
        if any(c.origin is Origin.IMPORT or c.tables - _NOT_IN_SNAPSHOT for c in changes):
            return self.snapshot()
        touched: dict[Kind, set[str]] = {}
        for change in changes:
            for kind, ids in change.ids.items():
                touched.setdefault(kind, set()).update(ids)
        in_tx = self._conn.in_transaction
        if not in_tx:
            self._conn.execute("BEGIN")
        try:
            lists: dict[str, tuple[Entity, ...]] = {}
            for kind, changed_ids in touched.items():
                field_name = _SNAPSHOT_FIELDS[kind]
                if kind in _PATCHED:
                    old: tuple[Entity, ...] = getattr(previous, field_name)
                    patched = _patched(old, self.entities_by_id(kind, changed_ids))
                    if records.ORDER_BY[kind] == "id":  # votes: no entry order is kept
                        patched = tuple(sorted(patched, key=lambda entity: entity.id))
                    lists[field_name] = patched
                else:
                    lists[field_name] = tuple(self.entities(kind, include_deleted=True))
            info = self.session() if any(c.session for c in changes) else previous.session
            floor = previous.privacy_floor
            if any(c.state for c in changes):
                stored = self.state("privacy_floor", DEFAULT_PRIVACY_FLOOR)
                floor = int(stored) if isinstance(stored, int) else DEFAULT_PRIVACY_FLOOR
            hidden = (
                self.hidden_on_beamer()
                if Kind.PROPOSAL in touched
                else previous.hidden_proposal_ids
            )
            carried = (
                self._carried_over() if Kind.INTERVENTION in touched else previous.carried_over
            )
            channels = self._vote_channels() if Kind.VOTE in touched else previous.vote_channels
        finally:
            if not in_tx:
                self._conn.execute("COMMIT")
        return replace(
            previous,
            session=info,
            privacy_floor=floor,
            hidden_proposal_ids=hidden,
            carried_over=carried,
            vote_channels=channels,
            **lists,  # type: ignore[arg-type]
        )

    def _vote_channels(self) -> dict[str, str]:
        """Votes that came in through the room network (phone, ballot card)."""
        rows = self._conn.execute(
            "SELECT id, channel FROM votes WHERE channel IN ('phone', 'card')"
        ).fetchall()
        return {str(row[0]): str(row[1]) for row in rows}

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
        return updated

    def add(self, kind: Kind, entity: E, *, updated_at: str | None = None) -> E:
        """Add a new entity (its id must be new); stamps ``updated_at``."""
        stamped: E = replace(entity, updated_at=updated_at or self.now())
        rules.check_entity(kind, stamped, self._exists_for(stamped))
        with self.transaction():
            row = records.entity_to_row(kind, stamped)
            if kind in records.POSITIONED:
                row["position"] = self._next_position(kind)
            self._insert(kind, row)
            if isinstance(stamped, Theme):
                self._claim_for_theme(stamped.id, stamped.proposal_ids)
        return stamped

    def put(self, kind: Kind, entity: E) -> E:
        """Write a whole record over the stored one (edit, undo, redo)."""
        stamped: E = replace(entity, updated_at=self._stamp_for(entity))
        rules.check_entity(kind, stamped, self._exists_for(stamped))
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
        return stamped

    def _stamp_for(self, entity: Entity) -> str:
        """Now; for a ballot's dots only the hour, so no exact time points at a voter
        (and later than the stored hour, so that a void wins a merge)."""
        if isinstance(entity, Vote) and entity.ballot_id is not None:
            row = self._conn.execute(
                "SELECT updated_at FROM votes WHERE id = ?", (entity.id,)
            ).fetchone()
            return ballot_stamp(self._clock(), row[0] if row is not None else None)
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
        return self.put(kind, replace(current, deleted=True))

    def restore(self, kind: Kind, entity_id: str) -> Entity:
        current = self.get(kind, entity_id)
        if current is None:
            raise UserError("not_found", kind=kind.value, id=entity_id)
        return self.put(kind, replace(current, deleted=False))

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
        """Put proposals into a theme (or back in the tray with ``None``), one step.

        Only the live themes that hold one of them change (and are stamped).
        """
        ids = tuple(dict.fromkeys(proposal_ids))
        moving = set(ids)
        with self.transaction():
            for holder in self._live_holders(ids):
                if holder == theme_id:
                    continue
                theme = self.require(Kind.THEME, holder, Theme)
                kept = tuple(pid for pid in theme.proposal_ids if pid not in moving)
                self.put(Kind.THEME, replace(theme, proposal_ids=kept))
            if theme_id is not None:
                theme = self.require(Kind.THEME, theme_id, Theme)
                merged = tuple(pid for pid in theme.proposal_ids if pid not in moving)
                self.put(Kind.THEME, replace(theme, proposal_ids=merged + ids))

    def _live_holders(self, proposal_ids: Sequence[str]) -> list[str]:
        """The live themes holding any of ``proposal_ids``, in display order."""
        rows = self._conn.execute(
            f"SELECT id FROM clusters WHERE deleted = 0 AND id IN (SELECT cluster_id FROM "
            f"cluster_proposals WHERE proposal_id IN (SELECT value FROM json_each(?))) "
            f"ORDER BY {records.ORDER_BY[Kind.THEME]}",
            (json.dumps(list(proposal_ids)),),
        )
        return [row[0] for row in rows]

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
        coarse = ballot_stamp(self._clock(), None)
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
        self._cast_here.append(ballot_id)
        return ballot_id

    def ballots_cast_here(self) -> tuple[str, ...]:
        """The ballots cast through this open file, oldest first (for "void the last").

        Kept in memory only: the file itself keeps no order of ballots.
        """
        return tuple(self._cast_here)

    def set_hidden_on_beamer(self, proposal_id: str, hidden: bool) -> None:
        """Moderation: keep a proposal but do not project it."""
        with self.transaction():
            self._conn.execute(
                "UPDATE proposals SET hidden_on_beamer = ? WHERE id = ?",
                (1 if hidden else 0, proposal_id),
            )

    def set_theme_color(self, theme_id: str, color: str | None) -> None:
        with self.transaction():
            self._conn.execute("UPDATE clusters SET color = ? WHERE id = ?", (color, theme_id))

    def move_to_position(self, kind: Kind, ordered_ids: Sequence[str]) -> None:
        """Reorder tables, themes, interventions ...: positions follow ``ordered_ids``."""
        if kind not in records.POSITIONED:
            raise ValueError(kind)
        with self.transaction():
            self._conn.executemany(
                f"UPDATE {kind.value} SET position = ? WHERE id = ?",
                [(index, entity_id) for index, entity_id in enumerate(ordered_ids)],
            )

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
        """Set a theme's members, writing only the rows that change; with ``claim`` a
        proposal it gains leaves any other live theme (rule 8), which is stamped."""
        current = {
            row[0]: row[1]
            for row in self._conn.execute(
                "SELECT proposal_id, position FROM cluster_proposals WHERE cluster_id = ?",
                (theme_id,),
            )
        }
        wanted: dict[str, int] = {}
        for index, pid in enumerate(proposal_ids):
            wanted.setdefault(pid, index)
        gone = [(theme_id, pid) for pid in current if pid not in wanted]
        moved = [(i, theme_id, pid) for pid, i in wanted.items() if current.get(pid, i) != i]
        new = [pid for pid in wanted if pid not in current]
        if gone:
            self._conn.executemany(
                "DELETE FROM cluster_proposals WHERE cluster_id = ? AND proposal_id = ?", gone
            )
        if moved:
            self._conn.executemany(
                "UPDATE cluster_proposals SET position = ? "
                "WHERE cluster_id = ? AND proposal_id = ?",
                moved,
            )
        if claim and new:
            others = [holder for holder in self._live_holders(new) if holder != theme_id]
            if others:
                self._conn.execute(
                    "DELETE FROM cluster_proposals WHERE proposal_id IN "
                    "(SELECT value FROM json_each(?)) AND cluster_id != ? AND cluster_id IN "
                    "(SELECT id FROM clusters WHERE deleted = 0)",
                    (json.dumps(new), theme_id),
                )
                # Their proposal lists changed, so their records did: stamp them.
                self._conn.executemany(
                    "UPDATE clusters SET updated_at = ? WHERE id = ?",
                    [(self.now(), other) for other in others],
                )
        if new:
            self._conn.executemany(
                "INSERT INTO cluster_proposals (cluster_id, proposal_id, position) "
                "VALUES (?, ?, ?)",
                [(theme_id, pid, wanted[pid]) for pid in new],
            )

    def _exists_for(self, entity: Entity) -> Callable[[Kind, str], bool]:
        """Reference checks for ``entity``: a theme's proposals in one query, not one each."""
        if not isinstance(entity, Theme) or len(entity.proposal_ids) < 8:
            return self._reference_exists
        known = {
            row[0]
            for row in self._conn.execute(
                "SELECT id FROM proposals WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(entity.proposal_ids)),),
            )
        }

        def exists(kind: Kind, entity_id: str) -> bool:
            if kind is Kind.PROPOSAL:
                return entity_id in known
            return self._reference_exists(kind, entity_id)

        return exists

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
        """Kept for storage modules written before the journal; adds nothing.

        The journal sees every row a transaction writes, also through
        :attr:`connection`, so a module need not report its writes.
        """


# The snapshot's list of each kind; the long ones are patched by id (entry order).
_SNAPSHOT_FIELDS: dict[Kind, str] = {
    Kind.TARGET_GROUP: "target_groups",
    Kind.TABLE: "tables",
    Kind.ROUND: "rounds",
    Kind.PROPOSAL: "proposals",
    Kind.THEME: "themes",
    Kind.VOTE: "votes",
    Kind.INTERVENTION: "interventions",
    Kind.CONTEXT_ITEM: "context_items",
}
_PATCHED = frozenset({Kind.PROPOSAL, Kind.VOTE})
# Local tables no snapshot field is read from: a change of them alone is patched.
_NOT_IN_SNAPSHOT = frozenset({"room_proposals"})


def _patched(old: tuple[E, ...], fresh: Sequence[Entity]) -> tuple[Entity, ...]:
    """``old`` with ``fresh`` put in place by id; new ones (later in entry order) at the end."""
    by_id = {entity.id: entity for entity in fresh}
    kept = [by_id.pop(entity.id, entity) for entity in old]
    return (*kept, *(entity for entity in fresh if entity.id in by_id))


def _change_of(
    rows: Sequence[RowChange], origin: Origin | None, label: Label | None, refused: int
) -> Change | None:
    """The one event for a committed transaction (None when it changed nothing)."""
    if not rows and not refused:
        return None
    ids: dict[Kind, set[str]] = {}
    added: dict[Kind, set[str]] = {}
    session = False
    state: set[str] = set()
    tables: set[str] = set()
    for row in rows:
        if row.table == "session":
            session = True
        elif row.table == "local_state":
            state.add(row.key)
        elif row.table in ATTACHED:
            kind, columns = ATTACHED[row.table]
            for image in (row.before, row.after):
                if image is not None:
                    ids.setdefault(kind, set()).update(str(image[c]) for c in columns)
        else:
            try:
                kind = Kind(row.table)
            except ValueError:
                tables.add(row.table)
                continue
            ids.setdefault(kind, set()).add(row.key)
            if row.before is None:
                added.setdefault(kind, set()).add(row.key)
    if origin is None:
        only_state = bool(state) and not (ids or session or tables)
        origin = Origin.STATE if only_state else Origin.EDIT
    return Change(
        origin=origin,
        ids={kind: frozenset(values) for kind, values in ids.items()},
        added={kind: frozenset(values) for kind, values in added.items()},
        session=session,
        state=frozenset(state),
        tables=frozenset(tables),
        label=label,
        refused=refused,
    )


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


def _in_memory(source: sqlite3.Connection) -> sqlite3.Connection:
    """A copy of ``source`` in memory; ``source`` is closed."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        source.backup(conn)
    finally:
        source.close()
    return conn


def _read_connection(path: Path, *, writer_active: bool) -> sqlite3.Connection:
    """A connection that reads ``path`` and never writes beside it (see ``open_readonly``)."""
    wal = path.with_name(path.name + "-wal")
    try:
        wal_size = wal.stat().st_size
    except OSError:
        wal_size = 0
    if writer_active:
        return sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    if not wal_size:
        uri = path.resolve().as_uri() + "?immutable=1"
        return sqlite3.connect(uri, uri=True, isolation_level=None)
    # A -wal left behind: replay it in a copy, never beside the original.
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tafelronde-read-") as folder:
        copy = Path(folder) / "session.tafelronde"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        except OSError as error:
            raise sqlite3.OperationalError(f"copy failed: {error.strerror}") from error
        return _in_memory(sqlite3.connect(copy, isolation_level=None))


def _read_reason(error: sqlite3.Error) -> Reason:
    text = str(error).lower()
    if "i/o" in text:
        return Reason("sqlite_io")
    if "full" in text:
        return Reason("disk_is_full")
    return Reason("os_error", detail=str(error))


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
