"""Exchange files (exchange-format.md): validate, merge into a session, export.

An import is one transaction. A file that fails anywhere writes nothing, and
the message names the first bad place as a JSON pointer. Merging follows
:mod:`desktop_app.core.merge`; export writes every entity, tombstones
included, so that a deletion travels to the other laptops too.
"""

from __future__ import annotations

import json
import socket
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app import __version__, paths
from desktop_app.core.errors import REASONS, ExchangeError, Reason, SessionFileError
from desktop_app.core.merge import Outcome, ThemeClaim, merge_outcome, settle_theme_membership
from desktop_app.core.model import KIND_ORDER, Entity, Kind, SessionInfo
from desktop_app.core.privacy import (
    coarse_ballot_record,
    shared_votes,
    unordered,
    without_names,
)
from desktop_app.core.timestamps import format_instant, is_date, is_instant, utc_now
from desktop_app.storage import records
from desktop_app.storage.atomic import atomic_target
from desktop_app.storage.schema_check import Check, SchemaProblem, compile_schema, first_problem
from desktop_app.storage.session_file import Origin, SessionFile, replace_session_record

FORMAT = "tafelronde-exchange"
VERSION = 1

# Our extension: context items for the opening, an extra top-level list.
CONTEXT_ITEMS_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "title"],
        "properties": {
            "id": {"$ref": "#/$defs/id"},
            "kind": {"enum": ["risk", "figure", "note"]},
            "title": {"$ref": "#/$defs/name"},
            "text": {"$ref": "#/$defs/text"},
            "updated_at": {"$ref": "#/$defs/timestamp"},
            "deleted": {"type": "boolean"},
        },
    },
}

# What each reference field points at, per kind (None: a cluster or a proposal).
REFERENCES: dict[Kind, tuple[tuple[str, tuple[Kind, ...], bool], ...]] = {
    Kind.TABLE: (("target_group_id", (Kind.TARGET_GROUP,), False),),
    Kind.PROPOSAL: (
        ("round_id", (Kind.ROUND,), False),
        ("table_id", (Kind.TABLE,), False),
        ("target_group_id", (Kind.TARGET_GROUP,), False),
    ),
    Kind.THEME: (("proposal_ids", (Kind.PROPOSAL,), True),),
    Kind.VOTE: (
        ("item_id", (Kind.THEME, Kind.PROPOSAL), False),
        ("target_group_id", (Kind.TARGET_GROUP,), False),
        ("table_id", (Kind.TABLE,), False),
    ),
    Kind.INTERVENTION: (
        ("cluster_id", (Kind.THEME,), False),
        ("target_group_ids", (Kind.TARGET_GROUP,), True),
    ),
}

WHAT: dict[Kind, str] = {
    Kind.TARGET_GROUP: "target group",
    Kind.TABLE: "table",
    Kind.ROUND: "round",
    Kind.PROPOSAL: "proposal",
    Kind.THEME: "cluster",
    Kind.VOTE: "vote",
    Kind.INTERVENTION: "intervention",
    Kind.CONTEXT_ITEM: "context item",
}


@dataclass
class ImportReport:
    """What one import did, per kind: added, updated, unchanged."""

    source: str
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    session_title: str = ""

    def count(self, kind: str, outcome: Outcome) -> None:
        self.counts.setdefault(kind, Counter())[outcome.value] += 1

    def total(self, outcome: Outcome) -> int:
        return sum(counter[outcome.value] for counter in self.counts.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            kind: {o.value: counter[o.value] for o in Outcome}
            for kind, counter in self.counts.items()
        }


def exchange_schema() -> dict[str, Any]:
    """The project's copy of the exchange schema, with our ``context_items`` list."""
    schema: dict[str, Any] = json.loads(
        paths.resource("schema/exchange.schema.json").read_text("utf-8")
    )
    schema["properties"]["context_items"] = CONTEXT_ITEMS_SCHEMA
    return schema


@cache
def _schema_check() -> Check:
    return compile_schema(exchange_schema(), {"date": is_date, "date-time": is_instant})


def pointer(path: Iterable[str | int]) -> str:
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else "/"


def _schema_reason(problem: SchemaProblem) -> Reason:
    """The schema's complaint in the user's words, by JSON Schema keyword."""
    keyword, value = problem.keyword, problem.value
    if keyword == "type" and isinstance(value, list):
        value = " / ".join(value)
    elif keyword == "enum":
        value = ", ".join(str(v) for v in value)
    elif keyword == "oneOf":
        keyword, value = "pattern", ""
    if f"schema_{keyword}" not in REASONS:
        keyword, value = "other", keyword
    return Reason(f"schema_{keyword}", value=value)


def read_exchange_file(path: Path | str) -> dict[str, Any]:
    """Read and parse a file; refuse what is not a JSON object."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SessionFileError("file_missing", path=str(path)) from None
    except OSError as error:
        raise SessionFileError("unreadable", path=str(path), reason=error.strerror) from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExchangeError("not_json", path=str(path), reason=str(error)) from None
    if not isinstance(document, dict):
        raise ExchangeError(
            "invalid_exchange", pointer="/", path=str(path), reason="not a JSON object"
        )
    return document


def validate_document(document: Mapping[str, Any], source: str) -> None:
    """Schema (with formats) plus in-file rules; raises with the first bad place."""
    problem = first_problem(_schema_check(), document)
    if problem is not None:
        raise ExchangeError(
            "invalid_exchange",
            pointer=pointer(problem.path),
            path=source,
            reason=_schema_reason(problem),
        )
    seen: dict[str, Kind] = {}
    for kind in KIND_ORDER:
        for index, record in enumerate(document.get(kind.value) or []):
            entity_id = record["id"]
            if entity_id in seen:
                code = "duplicate_id" if seen[entity_id] is kind else "id_kind_clash"
                raise ExchangeError(
                    "invalid_exchange",
                    pointer=pointer([kind.value, index, "id"]),
                    path=source,
                    reason=Reason(code, id=entity_id),
                )
            seen[entity_id] = kind
    holder: dict[str, int] = {}
    for index, record in enumerate(document.get(Kind.THEME.value) or []):
        if record.get("deleted"):
            continue
        for position, pid in enumerate(record.get("proposal_ids") or []):
            if pid in holder:
                raise ExchangeError(
                    "invalid_exchange",
                    pointer=pointer([Kind.THEME.value, index, "proposal_ids", position]),
                    path=source,
                    reason=Reason("two_themes", id=pid),
                )
            holder[pid] = index


def _kinds_of_ids(session_file: SessionFile) -> dict[str, Kind]:
    result: dict[str, Kind] = {}
    conn = session_file.connection
    for kind in KIND_ORDER:
        for (entity_id,) in conn.execute(f"SELECT id FROM {kind.value}"):
            result[entity_id] = kind
    return result


def _check_references(document: Mapping[str, Any], known: Mapping[str, Kind], source: str) -> None:
    """Rule 6: every reference resolves in the file or the session, to the right kind."""
    in_file = {
        record["id"]: kind for kind in KIND_ORDER for record in document.get(kind.value) or []
    }
    for kind in KIND_ORDER:
        for index, record in enumerate(document.get(kind.value) or []):
            entity_id = record["id"]
            stored_kind = known.get(entity_id)
            if stored_kind is not None and stored_kind is not kind:
                raise ExchangeError(
                    "invalid_exchange",
                    pointer=pointer([kind.value, index, "id"]),
                    path=source,
                    reason=Reason("id_kind_clash", id=entity_id),
                )
            for name, targets, is_list in REFERENCES.get(kind, ()):
                value = record.get(name)
                if value is None:
                    continue
                values = list(enumerate(value)) if is_list else [(None, value)]
                for position, ref in values:
                    target_kind = in_file.get(ref) or known.get(ref)
                    if target_kind not in targets:
                        where: list[str | int] = [kind.value, index, name]
                        if position is not None:
                            where.append(position)
                        raise ExchangeError(
                            "invalid_exchange",
                            pointer=pointer(where),
                            path=source,
                            reason=Reason(
                                "dangling",
                                what=" / ".join(WHAT[t] for t in targets),
                                id=ref,
                            ),
                        )


def _session_from_record(record: Mapping[str, Any]) -> SessionInfo:
    voting = record.get("voting") or {}
    return SessionInfo(
        id=record["id"],
        title=record["title"],
        organisation=record.get("organisation"),
        date=record.get("date"),
        location=record.get("location"),
        purpose=record.get("purpose"),
        language=record.get("language"),
        dots_per_participant=voting.get("dots_per_participant"),
        max_dots_per_item=voting.get("max_dots_per_item"),
        vote_target=voting.get("target"),
        updated_at=record.get("updated_at"),
    )


def session_to_record(info: SessionInfo) -> dict[str, Any]:
    record: dict[str, Any] = {"id": info.id, "title": info.title}
    for name in ("organisation", "date", "location", "purpose", "language"):
        value = getattr(info, name)
        if value is not None:
            record[name] = value
    voting: dict[str, Any] = {}
    if info.dots_per_participant is not None:
        voting["dots_per_participant"] = info.dots_per_participant
    if info.max_dots_per_item is not None:
        voting["max_dots_per_item"] = info.max_dots_per_item
    if info.vote_target is not None:
        voting["target"] = info.vote_target
    if voting:
        record["voting"] = voting
    if info.updated_at is not None:
        record["updated_at"] = info.updated_at
    return record


def import_document(
    session_file: SessionFile, document: Mapping[str, Any], *, source: str = "-"
) -> ImportReport:
    """Merge one exchange document into the session, all or nothing."""
    validate_document(document, source)
    report = ImportReport(source=source)
    with session_file.transaction(origin=Origin.IMPORT):
        conn = session_file.connection
        stored_session = session_file.session()
        incoming_session = _session_from_record(document["session"])
        if incoming_session.id != stored_session.id:
            if not session_file.is_empty():
                raise ExchangeError(
                    "other_session",
                    path=source,
                    file_title=incoming_session.title,
                    session_title=stored_session.title,
                )
            replace_session_record(session_file, incoming_session)
            report.count("session", Outcome.ADDED)
        else:
            outcome = merge_outcome(
                {"updated_at": stored_session.updated_at},
                {"updated_at": incoming_session.updated_at},
            )
            if outcome is Outcome.UPDATED:
                replace_session_record(session_file, incoming_session)
            report.count("session", outcome)
        _check_references(document, _kinds_of_ids(session_file), source)
        touched_themes = False
        for kind in KIND_ORDER:
            incoming = document.get(kind.value) or []
            if not incoming:
                continue
            if kind is Kind.VOTE:
                # A ballot keeps the hour at most, wherever it comes from.
                incoming = [coarse_ballot_record(record) for record in incoming]
            stored_at = dict(conn.execute(f"SELECT id, updated_at FROM {kind.value}").fetchall())
            added: list[Mapping[str, Any]] = []
            changed: list[str] = []
            for record in incoming:
                entity_id = record["id"]
                stored = {"updated_at": stored_at[entity_id]} if entity_id in stored_at else None
                outcome = merge_outcome(stored, record)
                report.count(kind.value, outcome)
                if outcome is Outcome.ADDED:
                    added.append(record)
                elif outcome is Outcome.UPDATED:
                    _update_record(session_file, kind, record)
                else:
                    continue
                stored_at[entity_id] = record.get("updated_at")
                changed.append(entity_id)
            _insert_records(session_file, kind, added)
            if changed:
                touched_themes = touched_themes or kind is Kind.THEME
                session_file.note_change(kind.value, changed, "import")
        if touched_themes:
            _settle_themes(session_file)
        report.session_title = session_file.session().title
    return report


def _insert_records(
    session_file: SessionFile, kind: Kind, added: Sequence[Mapping[str, Any]]
) -> None:
    """Insert new records in one statement per kind, in the file's order."""
    if not added:
        return
    conn = session_file.connection
    rows = [records.exchange_to_row(kind, record) for record in added]
    columns = list(rows[0])
    if kind in records.POSITIONED:
        start = conn.execute(
            f"SELECT coalesce(max(position), -1) + 1 FROM {kind.value}"
        ).fetchone()[0]
        for offset, row in enumerate(rows):
            row["position"] = start + offset
        columns.append("position")
    marks = ", ".join("?" for _ in columns)
    conn.executemany(
        f"INSERT INTO {kind.value} ({', '.join(columns)}) VALUES ({marks})",
        [[row[c] for c in columns] for row in rows],
    )
    if kind is Kind.THEME:
        conn.executemany(
            "INSERT INTO cluster_proposals (cluster_id, proposal_id, position) VALUES (?, ?, ?)",
            [
                (record["id"], pid, i)
                for record in added
                for i, pid in enumerate(record.get("proposal_ids") or [])
            ],
        )


def _update_record(session_file: SessionFile, kind: Kind, record: Mapping[str, Any]) -> None:
    """Replace the stored record as a whole (rule 3); local columns stay."""
    conn = session_file.connection
    row = records.exchange_to_row(kind, record)
    assignments = ", ".join(f"{column} = ?" for column in row if column != "id")
    conn.execute(
        f"UPDATE {kind.value} SET {assignments} WHERE id = ?",
        [*(v for c, v in row.items() if c != "id"), row["id"]],
    )
    if kind is Kind.THEME:
        conn.execute("DELETE FROM cluster_proposals WHERE cluster_id = ?", (row["id"],))
        conn.executemany(
            "INSERT INTO cluster_proposals (cluster_id, proposal_id, position) VALUES (?, ?, ?)",
            [(row["id"], pid, i) for i, pid in enumerate(record.get("proposal_ids") or [])],
        )


def _settle_themes(session_file: SessionFile) -> None:
    """Rule 8 after a merge: one live theme per proposal, the latest theme keeps it."""
    conn = session_file.connection
    claims = [
        ThemeClaim(theme.id, theme.updated_at, theme.proposal_ids)
        for theme in session_file.themes()
    ]
    for theme_id, kept in settle_theme_membership(claims).items():
        conn.execute("DELETE FROM cluster_proposals WHERE cluster_id = ?", (theme_id,))
        conn.executemany(
            "INSERT INTO cluster_proposals (cluster_id, proposal_id, position) VALUES (?, ?, ?)",
            [(theme_id, pid, i) for i, pid in enumerate(kept)],
        )


def import_files(session_file: SessionFile, files: Sequence[Path | str]) -> list[ImportReport]:
    """Import several files as one step: if one is refused, none is imported."""
    documents = [(str(f), read_exchange_file(f)) for f in files]
    reports: list[ImportReport] = []
    with session_file.transaction(origin=Origin.IMPORT):
        for source, document in documents:
            reports.append(import_document(session_file, document, source=source))
    return reports


def export_document(
    session_file: SessionFile, *, include_context: bool = True, names: bool = True
) -> dict[str, Any]:
    """The whole session as an exchange document, tombstones included.

    ``names=False`` gives a copy to share beyond HR: no table hosts, owners or
    device name, and the privacy floor applied to the votes
    (:func:`desktop_app.core.privacy.shared_votes`).
    """
    snapshot = session_file.snapshot()
    source: dict[str, Any] = {"app": "Tafelronde", "app_version": __version__}
    if names:
        source["device"] = socket.gethostname()
    else:
        snapshot = without_names(snapshot)
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": format_instant(utc_now()),
        "source": source,
        "session": session_to_record(snapshot.session),
    }
    lists: dict[Kind, Sequence[Entity]] = {
        Kind.TARGET_GROUP: snapshot.target_groups,
        Kind.TABLE: snapshot.tables,
        Kind.ROUND: snapshot.rounds,
        Kind.PROPOSAL: snapshot.proposals,
        Kind.THEME: snapshot.themes,
        Kind.VOTE: snapshot.votes,
        Kind.INTERVENTION: snapshot.interventions,
        Kind.CONTEXT_ITEM: snapshot.context_items,
    }
    for kind in KIND_ORDER:
        if kind is Kind.CONTEXT_ITEM and not include_context:
            continue
        entities = lists[kind]
        if kind is Kind.VOTE:
            # In an order from a hash of their ids, ballots with the hour only: the
            # file does not tell in which order or when voters cast their ballots.
            votes = unordered(snapshot.votes) if names else shared_votes(snapshot)
            document[kind.value] = [
                dict(coarse_ballot_record(records.entity_to_exchange(kind, e))) for e in votes
            ]
            continue
        document[kind.value] = [records.entity_to_exchange(kind, e) for e in entities]
    return document


def write_json_atomically(document: Mapping[str, Any], target: Path | str) -> None:
    """Write beside the target and rename, so a crash never leaves half a file."""
    with atomic_target(target) as temporary, open(temporary, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def export_file(session_file: SessionFile, target: Path | str, *, names: bool = True) -> None:
    write_json_atomically(export_document(session_file, names=names), target)
