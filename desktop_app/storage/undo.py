"""Undo and redo kept by the session file itself: row images, no Qt.

**Capture.** Every table of the file gets three TEMP triggers on the writing
connection that copy a row's *before-image* (as JSON) into the temporary table
``undo_journal`` the first time a transaction touches it (``NULL``: the row did
not exist). TEMP triggers were chosen over capture in the write helpers
because they see every write, whoever makes it: the storage commands, the
exchange import's bulk statements, the duplicate links, the follow-up's
carried-over rows, a colour, a position, a table a later migration adds. No
caller lists what it will change, and none can forget to. They live only on
this connection (nothing is written into the file's schema), cost one indexed
insert per touched row, and roll back with the transaction they belong to.

At the end of the outermost transaction :meth:`Journal.collect` reads the
after-image of each touched row and keeps the rows that really changed: that
is both the change event (which rows of which kinds) and, for an operation,
its undo step.

**Undo and redo** (:func:`apply_step`) write back a row only when its current
value still equals what the step left (for redo: what the undo left) and leave
it alone otherwise: another laptop's import or a later edit changed it since,
and it is counted as *refused*, never overwritten. Values are compared on
every column except ``updated_at``: a fresh stamp with the same content is not
a different value (our own undo of a later step re-stamps rows). What is
written gets a fresh ``updated_at`` when an exchanged field changes (a moved
position or a colour is local and is not stamped), so an undo travels to the
other laptops like any edit; an undone insert becomes a tombstone for
entities (so the deletion travels) and a deleted row for local tables. A
theme whose membership rows were restored is stamped too, since its proposal
list is part of its exchanged record.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.actions import Label
from desktop_app.core.model import KIND_ORDER, Kind
from desktop_app.storage import records

JOURNAL = "undo_journal"
Image = dict[str, Any]
#: The images of a row journaled without images (see :meth:`Journal.collect`) whose
#: key names its entity: what a change event reads of it is its key. Shared by all
#: such rows; nothing writes to it.
KEY_ONLY: Image = {}
RowKey = tuple[str, str]  # (table, key)

# Tables a theme's exchanged record is made of besides its own row.
MEMBERSHIP_TABLE = "cluster_proposals"
# Local tables whose rows belong to entities: the kind and the columns naming them.
ATTACHED: dict[str, tuple[Kind, tuple[str, ...]]] = {
    MEMBERSHIP_TABLE: (Kind.THEME, ("cluster_id",)),
    "duplicate_links": (Kind.PROPOSAL, ("proposal_id", "kept_proposal_id")),
    "carried_interventions": (Kind.INTERVENTION, ("intervention_id",)),
}
THEME_TABLE = Kind.THEME.value
# Steps kept; the oldest go first (a merge of 1,800 cards is a few hundred rows).
MAX_STEPS = 200


@dataclass(frozen=True, slots=True)
class TableInfo:
    """How the journal names and rewrites the rows of one table."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    """``id`` where there is one (entities, the session), else the primary key."""
    stamped: bool
    """The table has ``updated_at``: rows are stamped when an exchanged field changes."""
    tombstone: bool
    """The table has ``deleted``: an undone insert becomes a tombstone, not a DELETE."""
    exchanged: frozenset[str]
    """Columns that travel in exchange files (a change of one needs a new stamp)."""
    kind: Kind | None
    """The kind of entity the rows are (None: the session, a local table)."""

    def key_sql(self, prefix: str = "") -> str:
        cols = [f'{prefix}"{c}"' for c in self.key]
        return cols[0] if len(cols) == 1 else f"json_array({', '.join(cols)})"

    def image_sql(self, prefix: str = "") -> str:
        pairs = ", ".join(f"'{c}', {prefix}\"{c}\"" for c in self.columns)
        return f"json_object({pairs})"

    def key_values(self, key: str) -> list[Any]:
        return [key] if len(self.key) == 1 else list(json.loads(key))

    def where(self) -> str:
        return " AND ".join(f'"{c}" = ?' for c in self.key)


def _exchanged_columns(table: str, columns: Sequence[str]) -> frozenset[str]:
    if table == "session":
        return frozenset(c for c in columns if c != "updated_at")
    try:
        kind = Kind(table)
    except ValueError:
        return frozenset()
    return frozenset(c for c in records.COLUMNS[kind] if c != "updated_at")


def table_infos(conn: sqlite3.Connection) -> dict[str, TableInfo]:
    """Every table of the file (not SQLite's or sqlite-utils' own), as it is now."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]
    result: dict[str, TableInfo] = {}
    for name in names:
        info = conn.execute(f'PRAGMA main.table_info("{name}")').fetchall()
        columns = tuple(str(row[1]) for row in info)
        if "id" in columns:
            key: tuple[str, ...] = ("id",)
        else:
            key = tuple(str(row[1]) for row in sorted(info, key=lambda r: r[5]) if row[5] > 0)
        if not key:
            continue  # no way to name a row (no such table in the schema today)
        result[name] = TableInfo(
            name=name,
            columns=columns,
            key=key,
            stamped="updated_at" in columns,
            tombstone="deleted" in columns,
            exchanged=_exchanged_columns(name, columns),
            kind=next((k for k in Kind if k.value == name), None),
        )
    return result


@dataclass(slots=True)
class RowChange:
    """One row an operation changed: its image before and after (None: absent)."""

    table: str
    key: str
    before: Image | None
    after: Image | None


def same(a: Image | None, b: Image | None) -> bool:
    """Equal rows: the same columns and values, ``updated_at`` aside."""
    if a is None or b is None:
        return a is None and b is None
    return {k: v for k, v in a.items() if k != "updated_at"} == {
        k: v for k, v in b.items() if k != "updated_at"
    }


class Journal:
    """The TEMP triggers and table that record before-images on one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.tables = table_infos(conn)
        conn.execute("PRAGMA temp_store = MEMORY")  # never a temporary file on disk
        conn.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {JOURNAL} (tbl TEXT NOT NULL, key TEXT NOT NULL, "
            "before TEXT, UNIQUE (tbl, key))"
        )
        for info in self.tables.values():
            self._install(info)
        self._settled = conn.total_changes

    def _install(self, info: TableInfo) -> None:
        t = info.name
        record = f"INSERT OR IGNORE INTO {JOURNAL} (tbl, key, before) VALUES ('{t}', "
        new_key, old_key = info.key_sql("NEW."), info.key_sql("OLD.")
        old_image = info.image_sql("OLD.")
        statements = {
            "insert": f'AFTER INSERT ON main."{t}" BEGIN {record}{new_key}, NULL); END',
            "update": (
                f'AFTER UPDATE ON main."{t}" BEGIN {record}{old_key}, {old_image}); '
                f"INSERT OR IGNORE INTO {JOURNAL} (tbl, key, before) "
                f"SELECT '{t}', {new_key}, NULL WHERE {new_key} IS NOT {old_key}; END"
            ),
            "delete": f'AFTER DELETE ON main."{t}" BEGIN {record}{old_key}, {old_image}); END',
        }
        for event, body in statements.items():
            self._conn.execute(f'CREATE TEMP TRIGGER IF NOT EXISTS "undo_{t}_{event}" {body}')

    def clear(self) -> None:
        self._conn.execute(f"DELETE FROM {JOURNAL}")
        self._settled = self._conn.total_changes

    def clear_strays(self) -> None:
        """Forget rows written since the last :meth:`collect` outside any transaction
        (a module writing in autocommit): they belong to no operation. Free when
        there were none."""
        if self._conn.total_changes != self._settled:
            self.clear()

    def collect(self, *, images: bool = True) -> list[RowChange]:
        """The rows changed since the journal was last cleared; clears it.

        Without ``images`` (a transaction that makes no undo step: an import, an
        undo itself, run state) only what the change event needs is read: which
        rows, whether each is new, and the images of rows attached to an entity
        (``ATTACHED``); other images are ``{}`` and unchanged rows are not
        filtered out.
        """
        if not images:
            return self._collect_names()
        rows = self._conn.execute(
            f"SELECT tbl, key, before FROM {JOURNAL} ORDER BY rowid"  # the order written
        ).fetchall()
        if not rows:
            self._settled = self._conn.total_changes
            return []
        self.clear()
        keys_by_table: dict[str, list[tuple[str, str | None]]] = {}
        for tbl, key, before in rows:
            keys_by_table.setdefault(tbl, []).append((key, before))
        result: list[RowChange] = []
        for tbl, entries in keys_by_table.items():
            info = self.tables.get(tbl)
            if info is not None:
                result.extend(self._with_images(info, entries))
        return result

    def _with_images(
        self, info: TableInfo, entries: Sequence[tuple[str, str | None]]
    ) -> Iterator[RowChange]:
        after = read_images(self._conn, info, [key for key, _ in entries])
        for key, before_text in entries:
            before = json.loads(before_text) if before_text is not None else None
            now = after.get(key)
            if before is None and now is None:
                continue  # inserted and deleted again
            if before is not None and now is not None and before == now:
                continue  # written with the same values
            yield RowChange(info.name, key, before, now)

    def _collect_names(self) -> list[RowChange]:
        """:meth:`collect` without images, lean: an import of 180,000 proposals and
        their memberships journals 370,000 rows, and a list of them as read plus a
        dict per row cost more memory than the file's own records. Each table's rows
        are read in the order written; a row whose key names its entity (most) gets
        the shared :data:`KEY_ONLY` as its images, and an attached row the key
        columns that name its entity, one dict per entity."""
        tables = [
            tbl
            for (tbl,) in self._conn.execute(
                f"SELECT tbl FROM {JOURNAL} GROUP BY tbl ORDER BY min(rowid)"
            )
        ]
        if not tables:
            self._settled = self._conn.total_changes
            return []
        result: list[RowChange] = []
        select = f"SELECT key, before FROM {JOURNAL} WHERE tbl = ? ORDER BY rowid"
        for tbl in tables:
            info = self.tables.get(tbl)
            if info is None:
                continue
            attached = ATTACHED.get(tbl)
            if attached is None:
                for key, before in self._conn.execute(select, (tbl,)):
                    result.append(
                        RowChange(tbl, key, None if before is None else KEY_ONLY, KEY_ONLY)
                    )
            elif set(attached[1]) <= set(info.key):
                shared: dict[tuple[Any, ...], Image] = {}
                for key, before in self._conn.execute(select, (tbl,)):
                    values = dict(zip(info.key, info.key_values(key), strict=True))
                    named = tuple(values[c] for c in attached[1])
                    image = shared.get(named)
                    if image is None:
                        image = shared[named] = dict(zip(attached[1], named, strict=True))
                    result.append(RowChange(tbl, key, None if before is None else image, image))
            else:
                entries = self._conn.execute(select, (tbl,)).fetchall()
                result.extend(self._with_images(info, entries))
        self.clear()
        return result


def read_images(conn: sqlite3.Connection, info: TableInfo, keys: Sequence[str]) -> dict[str, Image]:
    """Current images of some rows of one table, by key (absent rows left out).

    The keys go to SQLite as one JSON list; a composite key is matched by its
    first column (the primary key's index) and then as a whole.
    """
    if not keys:
        return {}
    listed = json.dumps(list(keys))
    select = f'SELECT {info.key_sql()}, {info.image_sql()} FROM main."{info.name}"'
    if len(info.key) == 1:
        rows = conn.execute(
            f'{select} WHERE "{info.key[0]}" IN (SELECT value FROM json_each(?))', (listed,)
        )
    else:
        rows = conn.execute(
            f'{select} WHERE "{info.key[0]}" IN '
            "(SELECT DISTINCT json_extract(value, '$[0]') FROM json_each(?1)) "
            f"AND {info.key_sql()} IN (SELECT value FROM json_each(?1))",
            (listed,),
        )
    return {str(key): json.loads(image) for key, image in rows}


# ---------------------------------------------------------------- history


@dataclass(slots=True)
class UndoStep:
    """One operation: its label and the rows it changed."""

    label: Label
    rows: list[RowChange]


@dataclass(frozen=True, slots=True)
class UndoResult:
    """What an undo or redo did: ``restored`` rows written, ``refused`` items left
    alone because they were changed since (counted per entity: a theme's
    membership rows count as that theme)."""

    label: Label
    restored: int
    refused: int


@dataclass
class UndoHistory:
    """The undo steps of this run of the session, and where we are among them.

    Kept in memory only: a restart starts with an empty history. It survives
    imports: the per-row check above keeps an undo from overwriting what an
    import brought.
    """

    steps: list[UndoStep] = field(default_factory=list)
    index: int = 0
    """Steps ``[:index]`` can be undone, ``[index:]`` redone."""

    def push(self, step: UndoStep) -> None:
        del self.steps[self.index :]
        self.steps.append(step)
        if len(self.steps) > MAX_STEPS:
            del self.steps[: len(self.steps) - MAX_STEPS]
        self.index = len(self.steps)

    def clear(self) -> None:
        self.steps.clear()
        self.index = 0

    @property
    def can_undo(self) -> bool:
        return self.index > 0

    @property
    def can_redo(self) -> bool:
        return self.index < len(self.steps)

    @property
    def undo_label(self) -> Label | None:
        return self.steps[self.index - 1].label if self.can_undo else None

    @property
    def redo_label(self) -> Label | None:
        return self.steps[self.index].label if self.can_redo else None

    def next_undo(self) -> UndoStep | None:
        return self.steps[self.index - 1] if self.can_undo else None

    def next_redo(self) -> UndoStep | None:
        return self.steps[self.index] if self.can_redo else None

    def undone(self, step: UndoStep) -> None:
        """``step`` (the next to undo) was undone; drop it when nothing of it is left."""
        self.index -= 1
        if not step.rows:
            del self.steps[self.index]

    def redone(self, step: UndoStep) -> None:
        if step.rows:
            self.index += 1
        else:
            del self.steps[self.index]


# -------------------------------------------------------------- write-back

Stamp = Callable[[str, Image], str]
"""(table, the image about to be written) -> a fresh updated_at for it."""


def _write_order(info: TableInfo, target: Image | None) -> tuple[int, int]:
    """Deletions of local rows first, then entities in reference order, then the rest."""
    if target is None and not info.tombstone:
        return (0, 0)
    if info.kind is not None:
        return (1, KIND_ORDER.index(info.kind))
    return (1, -1) if info.name == "session" else (2, 0)


def apply_step(
    conn: sqlite3.Connection,
    tables: Mapping[str, TableInfo],
    step: UndoStep,
    *,
    undo: bool,
    stamp: Stamp,
) -> tuple[UndoResult, list[RowChange]]:
    """Write one step back (undo) or forward (redo), row by row, where that is safe.

    Call inside a transaction. Returns what happened and the step's rows as
    they are now (images as written; rows left alone are dropped, so a redo
    never touches them): the caller puts them in the step once the
    transaction has committed, so a failed write leaves the step as it was.
    """
    rows_in = [RowChange(r.table, r.key, r.before, r.after) for r in step.rows]
    by_table: dict[str, list[RowChange]] = {}
    for row in rows_in:
        by_table.setdefault(row.table, []).append(row)
    current: dict[RowKey, Image] = {}
    for tbl, rows in by_table.items():
        info = tables.get(tbl)
        if info is not None:
            for key, found in read_images(conn, info, [r.key for r in rows]).items():
                current[(tbl, key)] = found

    writer = _Batched(conn)
    kept: list[RowChange] = []
    refused: set[RowKey] = set()
    written: list[tuple[RowChange, Image | None, Image | None]] = []
    inserted_members: list[tuple[str, str]] = []
    revived_themes: set[str] = set()
    order = sorted(
        rows_in,
        key=lambda r: (
            _write_order(tables[r.table], r.before if undo else r.after)
            if r.table in tables
            else (3, 0)
        ),
    )
    for row in order:
        info = tables.get(row.table)
        if info is None:
            continue
        expected, wanted = (row.after, row.before) if undo else (row.before, row.after)
        now = current.get((row.table, row.key))
        if not same(now, expected):
            if same(now, wanted) or (wanted is None and now is not None and now.get("deleted")):
                kept.append(row)  # already as wanted (an import brought the same)
                _set_side(row, undo, now)
            else:
                refused.add(_owner(row))
            continue
        image = _write_row(writer, info, row.key, wanted, now, stamp)
        _set_side(row, undo, image)
        kept.append(row)
        written.append((row, image, now))
        if row.table == MEMBERSHIP_TABLE and image is not None and now is None:
            inserted_members.append((str(image["cluster_id"]), str(image["proposal_id"])))
        if (
            row.table == THEME_TABLE
            and image is not None
            and not image.get("deleted")
            and (now is None or now.get("deleted"))
        ):
            revived_themes.add(row.key)
    writer.flush()

    # A proposal belongs to one live theme: a restored claim that meets a claim
    # made since (an import) gives way and counts as not undone.
    for theme_id, proposal_id in _double_claims(conn, inserted_members, revived_themes):
        conn.execute(
            f"DELETE FROM {MEMBERSHIP_TABLE} WHERE cluster_id = ? AND proposal_id = ?",
            (theme_id, proposal_id),
        )
        refused.add((THEME_TABLE, theme_id))
        member_key = json.dumps([theme_id, proposal_id], separators=(",", ":"))
        kept = [r for r in kept if not (r.table == MEMBERSHIP_TABLE and r.key == member_key)]

    # A theme's proposal list travels in its record: stamp themes whose
    # membership was restored unless their own row was just written.
    stamped_rows = {
        (r.table, r.key)
        for r, image, before in written
        if image is not None
        and (before is None or image.get("updated_at") != before.get("updated_at"))
    }
    members_of = {
        str(image["cluster_id"]) if image is not None else str(json.loads(r.key)[0])
        for r, image, _ in written
        if r.table == MEMBERSHIP_TABLE
    }
    theme_info = tables.get(THEME_TABLE)
    for theme_id in sorted(members_of):
        if (THEME_TABLE, theme_id) in stamped_rows or theme_info is None:
            continue
        row_image = read_images(conn, theme_info, [theme_id]).get(theme_id)
        if row_image is not None:
            conn.execute(
                f"UPDATE {THEME_TABLE} SET updated_at = ? WHERE id = ?",
                (stamp(THEME_TABLE, row_image), theme_id),
            )
    return UndoResult(step.label, restored=len(written), refused=len(refused)), kept


def _set_side(row: RowChange, undo: bool, image: Image | None) -> None:
    if undo:
        row.before = image
    else:
        row.after = image


def _owner(row: RowChange) -> RowKey:
    """The entity a row belongs to, for counting what could not be undone."""
    if row.table == MEMBERSHIP_TABLE:
        return (THEME_TABLE, str(json.loads(row.key)[0]))
    return (row.table, row.key)


class _Batched:
    """Runs statements in order, joining runs of the same statement into one
    ``executemany`` (an undo of a merge restores hundreds of alike rows)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._sql = ""
        self._params: list[Sequence[Any]] = []

    def __call__(self, sql: str, params: Sequence[Any]) -> None:
        if sql != self._sql:
            self.flush()
            self._sql = sql
        self._params.append(params)

    def flush(self) -> None:
        if self._params:
            self._conn.executemany(self._sql, self._params)
        self._sql, self._params = "", []


def _write_row(
    write: _Batched,
    info: TableInfo,
    key: str,
    wanted: Image | None,
    now: Image | None,
    stamp: Stamp,
) -> Image | None:
    """Make the row ``wanted`` (None: gone); returns the image as written."""
    known = wanted if wanted is not None else now
    values = [known[c] for c in info.key] if known is not None else info.key_values(key)
    if wanted is None:
        if now is None:
            return None
        if not info.tombstone:
            write(_statement("delete", info, ()), values)
            return None
        image = dict(now)
        image["deleted"] = 1
    else:
        image = dict(wanted)
    if info.stamped:
        changed = now is None or any(image.get(c) != now.get(c) for c in info.exchanged)
        if changed:
            image["updated_at"] = stamp(info.name, image)
        elif now is not None:
            image["updated_at"] = now.get("updated_at")
    columns = tuple(c for c in info.columns if c in image)
    if now is None:
        write(_statement("insert", info, columns), [image[c] for c in columns])
    else:
        settable = tuple(c for c in columns if c not in info.key and image[c] != now.get(c))
        if settable:
            write(_statement("update", info, settable), [*(image[c] for c in settable), *values])
    return image


@functools.cache
def _statement(verb: str, info: TableInfo, columns: tuple[str, ...]) -> str:
    """The SQL that deletes, inserts or updates a row (kept: an undo repeats them)."""
    table = f'main."{info.name}"'
    if verb == "delete":
        return f"DELETE FROM {table} WHERE {info.where()}"
    if verb == "insert":
        names = ", ".join(f'"{c}"' for c in columns)
        return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
    assignments = ", ".join(f'"{c}" = ?' for c in columns)
    return f"UPDATE {table} SET {assignments} WHERE {info.where()}"


def _double_claims(
    conn: sqlite3.Connection,
    inserted: Iterable[tuple[str, str]],
    revived: set[str],
) -> list[tuple[str, str]]:
    """Claims made by this write-back on proposals that another live theme holds."""
    ours: dict[str, set[str]] = {}
    for theme_id, proposal_id in inserted:
        ours.setdefault(proposal_id, set()).add(theme_id)
    for theme_id in revived:
        for (proposal_id,) in conn.execute(
            f"SELECT proposal_id FROM {MEMBERSHIP_TABLE} WHERE cluster_id = ?", (theme_id,)
        ):
            ours.setdefault(str(proposal_id), set()).add(theme_id)
    losing: list[tuple[str, str]] = []
    if not ours:
        return losing
    holders_of: dict[str, set[str]] = {}
    for proposal_id, theme_id in conn.execute(
        f"SELECT cp.proposal_id, cp.cluster_id FROM {MEMBERSHIP_TABLE} cp JOIN {THEME_TABLE} c "
        "ON c.id = cp.cluster_id WHERE c.deleted = 0 "
        "AND cp.proposal_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ours)),),
    ):
        holders_of.setdefault(str(proposal_id), set()).add(str(theme_id))
    for proposal_id, mine in sorted(ours.items()):
        holders = holders_of.get(proposal_id, set())
        if len(holders) > 1 and holders - mine:
            losing.extend((theme_id, proposal_id) for theme_id in sorted(mine & holders))
    return losing
