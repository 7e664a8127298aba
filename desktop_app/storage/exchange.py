"""Exchange files (exchange-format.md): validate, merge into a session, export.

An import is one transaction. A file that fails anywhere writes nothing, and
the message names the first bad place as a JSON pointer. Merging follows
:mod:`desktop_app.core.merge`; export writes every entity, tombstones
included, so that a deletion travels to the other laptops too.
"""

from __future__ import annotations

import codecs
import errno
import json
import math
import os
import re
import socket
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app import __version__, paths
from desktop_app.core import labels
from desktop_app.core.errors import REASONS, ExchangeError, Reason, SessionFileError
from desktop_app.core.labels import Text
from desktop_app.core.merge import Outcome, ThemeClaim, merge_outcome, settle_theme_membership
from desktop_app.core.model import KIND_ORDER, Entity, Kind, SessionInfo
from desktop_app.core.privacy import (
    coarse_ballot_record,
    shared_votes,
    unordered,
    without_names,
)
from desktop_app.core.timestamps import (
    format_instant,
    is_date,
    is_instant,
    parse_instant,
    utc_now,
)
from desktop_app.storage import records
from desktop_app.storage.atomic import atomic_target
from desktop_app.storage.schema_check import Check, SchemaProblem, compile_schema, first_problem
from desktop_app.storage.session_file import Origin, SessionFile, replace_session_record

FORMAT = "tafelronde-exchange"
VERSION = 1

MAX_EXCHANGE_BYTES = 64 * 1024 * 1024
"""The largest exchange file read (64 MB): a session of 10,000 proposals is about 5 MB."""
MAX_DEPTH = 32
"""Deeper nesting is refused; the format itself needs 4 levels."""
LARGEST_INTEGER = 2**63 - 1
"""SQLite's largest integer."""
EARLIEST_YEAR = 1900
LATEST_YEAR = 2999
"""Dates outside these years are refused: Excel cannot show them (before 1900) and
nothing a session plans lies that far ahead."""
_NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}
_SURROGATE = re.compile("[\ud800-\udfff]")

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


def _year_fits(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def date_in_range(text: str) -> bool:
    """A calendar date ``YYYY-MM-DD`` in a year the exports can show."""
    return is_date(text) and _year_fits(int(text[:4]))


def instant_in_range(text: str) -> bool:
    """A date-time with offset, in a year the exports can show (in UTC and locally)."""
    if not is_instant(text):
        return False
    return _year_fits(parse_instant(text).year)


@cache
def _schema_check() -> Check:
    return compile_schema(exchange_schema(), {"date": date_in_range, "date-time": instant_in_range})


def pointer(path: Iterable[str | int]) -> str:
    """A JSON pointer; a lone surrogate in a key is shown escaped (it cannot be printed)."""
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    text = "/" + "/".join(parts) if parts else "/"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _value_at(document: Any, path: Iterable[str | int]) -> Any:
    value = document
    for step in path:
        value = value[step]
    return value


def _schema_reason(problem: SchemaProblem, document: Any = None) -> Reason:
    """The schema's complaint in the user's words, by JSON Schema keyword."""
    keyword, value = problem.keyword, problem.value
    if keyword == "format" and document is not None:
        try:
            text = _value_at(document, problem.path)
        except (KeyError, IndexError, TypeError):
            text = None  # the place is named anyway; only the reason is plainer
        fits = {"date": is_date, "date-time": is_instant}.get(value)
        if isinstance(text, str) and fits is not None and fits(text):
            return Reason("year_range", low=EARLIEST_YEAR, high=LATEST_YEAR)
    if keyword == "type" and isinstance(value, list):
        value = " / ".join(value)
    elif keyword == "enum":
        value = ", ".join(str(v) for v in value)
    elif keyword == "oneOf":
        keyword, value = "pattern", ""
    if f"schema_{keyword}" not in REASONS:
        keyword, value = "other", keyword
    return Reason(f"schema_{keyword}", value=value)


def _not_a_file(mode: int) -> str | None:
    """The kind of a file that is not a regular file (a reason code), else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _read_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_EXCHANGE_BYTES`.

    A FIFO, a device (``/dev/zero``), a folder or a symlink loop is refused
    before it is read; the file is opened without blocking and read up to one
    byte past the limit, so a file that grows while it is read is refused too.
    """
    source = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SessionFileError("file_missing", path=source) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ExchangeError(
                "exchange_not_a_file", path=source, what=Reason("symlink_loop")
            ) from None
        raise SessionFileError("unreadable", path=source, reason=error.strerror) from None
    kind = _not_a_file(info.st_mode)
    if kind is not None:
        raise ExchangeError("exchange_not_a_file", path=source, what=Reason(kind))
    limit = _megabytes(MAX_EXCHANGE_BYTES)
    if info.st_size > MAX_EXCHANGE_BYTES:
        raise ExchangeError(
            "exchange_too_big", path=source, size=_megabytes(info.st_size), limit=limit
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise SessionFileError("unreadable", path=source, reason=error.strerror) from None
    try:
        kind = _not_a_file(os.fstat(descriptor).st_mode)  # swapped in since the stat?
        if kind is not None:
            raise ExchangeError("exchange_not_a_file", path=source, what=Reason(kind))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            raw = handle.read(MAX_EXCHANGE_BYTES + 1)
    except OSError as error:
        raise SessionFileError("unreadable", path=source, reason=error.strerror) from None
    finally:
        os.close(descriptor)
    if len(raw) > MAX_EXCHANGE_BYTES:
        raise ExchangeError("exchange_too_big", path=source, size=f"> {limit}", limit=limit)
    return raw


# Python's JSON complaints in the user's words (in the catalogue, core/labels.py).
JSON_ERRORS: dict[str, Text] = labels.JSON_ERROR


class JsonReason(Reason):
    """A JSON syntax error (line, column) in the user's language."""

    def __init__(self, error: json.JSONDecodeError) -> None:
        super().__init__("json_syntax")
        self.error = error

    def text(self, lang: str) -> str:
        nl, en = JSON_ERRORS.get(self.error.msg, ("ongeldige JSON", "invalid JSON"))
        what = en if lang == "en" else nl
        where = (
            f"line {self.error.lineno}, column {self.error.colno}"
            if lang == "en"
            else f"regel {self.error.lineno}, kolom {self.error.colno}"
        )
        return f"{where}: {what}"


class _NotUtf8(Exception):
    def __init__(self, position: int) -> None:
        super().__init__(position)
        self.position = position


_UTF8_CHECK_STEP = 1 << 20
# Each byte by what it starts: 1 a character beyond Latin-1 within the BMP, 2 one
# beyond the BMP, 0 anything else (ASCII, Latin-1, continuation bytes).
_LEADS = bytes(1 if 0xC4 <= b <= 0xEF else 2 if 0xF0 <= b <= 0xF4 else 0 for b in range(256))
# The first bytes of the characters to escape, marked 1: all beyond Latin-1 (Python
# holds a text with one of them at 2 bytes a character), or only beyond the BMP (4).
_MARK_WIDE = bytes(1 if 0xC4 <= b <= 0xF4 else 0 for b in range(256))
_MARK_BEYOND_BMP = bytes(1 if 0xF0 <= b <= 0xF4 else 0 for b in range(256))
#: At most this many characters are escaped (each costs a Python call): a text
#: dense with wide characters is held at its width instead, which costs no more.
_MOST_ESCAPES = 1_000_000


def _check_utf8(raw: bytes) -> None:
    """Raise :class:`_NotUtf8` with the file's byte offset of the first byte that is
    not UTF-8; a megabyte at a time, so that no decoded copy of the whole is made."""
    view = memoryview(raw)
    start, size = 0, len(raw)
    while start < size:
        cut = min(size, start + _UTF8_CHECK_STEP)
        back = cut
        while back > start and back < size and 0x80 <= raw[back] <= 0xBF:
            back -= 1  # not inside a character
        cut = back if back > start else cut
        try:
            codecs.utf_8_decode(view[start:cut], "strict", True)
        except UnicodeDecodeError as error:
            raise _NotUtf8(start + error.start) from None
        start = cut


def _compact_json(raw: bytes) -> str:
    """The file's text (UTF-8, a byte order mark allowed) as Python holds it cheaply.

    Python keeps a text at the width of its widest character: one emoji anywhere
    makes the whole file 4 bytes a character, one dash or Cyrillic letter 2. So a
    few such characters are written as JSON ``\\u`` escapes, which parse to the
    same values (outside strings they are an error either way): whichever of
    escaping the characters beyond Latin-1, escaping only those beyond the BMP, or
    nothing leaves the smallest text (a Russian session stays 2 bytes a
    character, a Dutch one with a few emoji and dashes 1). Not where a backslash
    escapes the character: an invalid escape as written stays, so the parser says so.
    Raises :class:`_NotUtf8` with the byte offset of the first byte that is not UTF-8.
    """
    _check_utf8(raw)
    classes = raw.translate(_LEADS)
    wide, beyond = classes.count(1), classes.count(2)
    del classes
    size = len(raw)  # characters, at most
    costs: list[tuple[int, bytes | None]] = [
        (4 * size if beyond else 2 * size if wide else size, None)
    ]
    if beyond and beyond <= _MOST_ESCAPES:
        costs.append((2 * size + 16 * beyond if wide else size + 8 * beyond, _MARK_BEYOND_BMP))
    if wide + beyond <= _MOST_ESCAPES:
        costs.append((size + 4 * wide + 8 * beyond, _MARK_WIDE))
    marking = min(costs, key=lambda cost: cost[0])[1]
    if marking is None:
        return raw.decode("utf-8-sig")
    marks = raw.translate(marking)
    view = memoryview(raw)
    out = bytearray()
    done = 0
    at = marks.find(1, len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
    while at != -1:
        length = 2 if raw[at] < 0xE0 else 3 if raw[at] < 0xF0 else 4
        backslashes = 0
        while at - backslashes > 0 and raw[at - backslashes - 1] == 0x5C:
            backslashes += 1
        if not backslashes % 2:  # after an escaping backslash it stays as written
            out += view[done:at]
            char = codecs.utf_8_decode(view[at : at + length], "strict", True)[0]
            out += json.encoder.encode_basestring_ascii(char)[1:-1].encode("ascii")
            done = at + length
        at = marks.find(1, at + length)
    del marks
    out += view[done:]
    view.release()
    return out.decode("utf-8-sig")


def _syntax_error_as_written(path: Path, error: json.JSONDecodeError) -> json.JSONDecodeError:
    """The error with the line and column of the file as written (escapes shift
    columns): found again by parsing the text as decoded, which only a broken file
    pays for."""
    try:
        json.loads(_read_limited(path).decode("utf-8-sig"))
    except json.JSONDecodeError as as_written:
        return as_written
    except (ExchangeError, SessionFileError, UnicodeDecodeError, RecursionError):
        pass
    return error


def read_exchange_file(path: Path | str) -> dict[str, Any]:
    """Read and parse a file; refuse what is not a JSON object.

    Refused with a message, before any session is touched: a file that is not a
    regular file or is larger than :data:`MAX_EXCHANGE_BYTES`, bytes that are not
    UTF-8 (a UTF-8 BOM is allowed), JSON with a syntax error or nested too deep,
    and the values :func:`check_values` refuses.
    """
    path = Path(path)
    raw = _read_limited(path)
    try:
        text = _compact_json(raw)
    except _NotUtf8 as error:
        raise ExchangeError(
            "not_json", path=str(path), reason=Reason("not_utf8", position=error.position)
        ) from None
    del raw
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        del text
        raise ExchangeError(
            "not_json", path=str(path), reason=JsonReason(_syntax_error_as_written(path, error))
        ) from None
    except RecursionError:
        raise ExchangeError(
            "invalid_exchange",
            pointer="/",
            path=str(path),
            reason=Reason("too_deep", limit=MAX_DEPTH),
        ) from None
    if not isinstance(document, dict):
        raise ExchangeError(
            "invalid_exchange", pointer="/", path=str(path), reason=Reason("not_object")
        )
    check_values(document, str(path))
    return document


def check_values(document: Any, source: str) -> None:
    """Refuse what no session file or export can hold, naming its place.

    Nesting deeper than :data:`MAX_DEPTH`, a lone surrogate in a text or a key
    (it cannot be stored as UTF-8), NaN and Infinity, and numbers beyond SQLite's
    64-bit integers. One pass, without recursion, in the document's order.
    """
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        value, where = stack.pop()
        problem: Reason | None = None
        if isinstance(value, dict):
            if len(where) >= MAX_DEPTH:
                problem = Reason("too_deep", limit=MAX_DEPTH)
            else:
                for key in value:
                    if _SURROGATE.search(key):
                        problem = Reason("lone_surrogate", value=_escaped(key))
                        break
                else:
                    stack.extend((item, (*where, key)) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            if len(where) >= MAX_DEPTH:
                problem = Reason("too_deep", limit=MAX_DEPTH)
            else:
                stack.extend((value[i], (*where, i)) for i in range(len(value) - 1, -1, -1))
        elif isinstance(value, str):
            if _SURROGATE.search(value):
                problem = Reason("lone_surrogate", value=_escaped(_SURROGATE.findall(value)[0]))
        elif isinstance(value, bool) or value is None:
            pass
        elif isinstance(value, int):
            if abs(value) > LARGEST_INTEGER:
                problem = Reason("int_too_big", limit=LARGEST_INTEGER)
        elif isinstance(value, float):
            if not math.isfinite(value):
                problem = Reason("not_a_number", value=_NON_FINITE.get(repr(value), repr(value)))
            elif abs(value) > LARGEST_INTEGER:
                problem = Reason("int_too_big", limit=LARGEST_INTEGER)
        if problem is not None:
            raise ExchangeError(
                "invalid_exchange", pointer=pointer(where), path=source, reason=problem
            )


def _escaped(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")[:40]


def validate_document(document: Mapping[str, Any], source: str) -> None:
    """Values, schema (with formats) plus in-file rules; raises with the first bad place."""
    check_values(document, source)
    problem = first_problem(_schema_check(), document)
    if problem is not None:
        raise ExchangeError(
            "invalid_exchange",
            pointer=pointer(problem.path),
            path=source,
            reason=_schema_reason(problem, document),
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
    session_file: SessionFile,
    document: Mapping[str, Any],
    *,
    source: str = "-",
    checked: bool = False,
    consume: bool = False,
) -> ImportReport:
    """Merge one exchange document into the session, all or nothing.

    ``checked``: :func:`validate_document` already passed (see :func:`read_exchange_files`).
    ``consume``: the document is the caller's to give away (read for this import
    only); each kind's records are dropped from it once stored, so that a large
    file is not held twice, as records and as the journal of what they changed.
    """
    if not checked:
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
            if consume and isinstance(document, MutableMapping):
                del document[kind.value]
            del incoming, added, changed, stored_at
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
    # One row at a time into SQLite: a list of every row beside the records would
    # double what a large file costs in memory.
    columns = list(records.exchange_to_row(kind, added[0]))
    positioned = kind in records.POSITIONED
    start = (
        conn.execute(f"SELECT coalesce(max(position), -1) + 1 FROM {kind.value}").fetchone()[0]
        if positioned
        else 0
    )

    def values() -> Iterator[list[Any]]:
        for offset, record in enumerate(added):
            row = records.exchange_to_row(kind, record)
            yield [row[c] for c in columns] + ([start + offset] if positioned else [])

    names = [*columns, "position"] if positioned else columns
    marks = ", ".join("?" for _ in names)
    conn.executemany(f"INSERT INTO {kind.value} ({', '.join(names)}) VALUES ({marks})", values())
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
    return import_documents(session_file, read_exchange_files(files))


def read_exchange_files(files: Sequence[Path | str]) -> list[tuple[str, dict[str, Any]]]:
    """Read and check every file (all but its references into the session): before
    any session is opened, locked or backed up."""
    documents = [(str(f), read_exchange_file(f)) for f in files]
    for source, document in documents:
        validate_document(document, source)
    return documents


def import_documents(
    session_file: SessionFile, documents: Sequence[tuple[str, Mapping[str, Any]]]
) -> list[ImportReport]:
    """Import documents read by :func:`read_exchange_files` as one transaction; the
    documents are consumed (their records dropped as they are stored)."""
    reports: list[ImportReport] = []
    with session_file.transaction(origin=Origin.IMPORT):
        for source, document in documents:
            reports.append(
                import_document(session_file, document, source=source, checked=True, consume=True)
            )
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
