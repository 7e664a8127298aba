"""Sessions from templates: shipped exchange files in ``resources/templates/``.

A template is an exchange file without outcomes. A new session made from one
gets FRESH ids for itself and for every entity (references mapped along), so
two sessions made from the same template never share an id and can never be
merged into each other by mistake. Dutch templates are ``name.json``, English
ones ``name.en.json``.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from desktop_app import paths
from desktop_app.core.model import KIND_ORDER
from desktop_app.core.timestamps import format_instant, utc_now
from desktop_app.storage.exchange import import_document, read_exchange_file
from desktop_app.storage.file_format import SESSION_EXTENSION
from desktop_app.storage.session_file import SessionFile

#: Shipped templates in the order the start page offers them.
TEMPLATE_ORDER = ("pmo-samen-ontwerpen", "pmo-uitkomsten-bespreken", "world-cafe-3-rondes", "leeg")

# Fields that hold an id of another entity, single or a list.
_SINGLE_REFS = ("round_id", "table_id", "target_group_id", "item_id", "cluster_id", "ballot_id")
_LIST_REFS = ("proposal_ids", "target_group_ids")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


@dataclass(frozen=True, slots=True)
class Template:
    key: str  # file stem without language: "pmo-samen-ontwerpen"
    path: Path
    name: str
    description: str
    tables: int
    rounds: int


def templates_dir() -> Path:
    return paths.resource("templates")


def template_path(key: str, language: str = "nl") -> Path:
    folder = templates_dir()
    if language == "en" and (folder / f"{key}.en.json").is_file():
        return folder / f"{key}.en.json"
    return folder / f"{key}.json"


def list_templates(language: str = "nl") -> list[Template]:
    """The shipped templates in the user's language (Dutch when no English one exists)."""
    keys = [k for k in TEMPLATE_ORDER if (templates_dir() / f"{k}.json").is_file()]
    extra = sorted(
        p.name.removesuffix(".json")
        for p in templates_dir().glob("*.json")
        if not p.name.endswith(".en.json") and p.name.removesuffix(".json") not in keys
    )
    result: list[Template] = []
    for key in [*keys, *extra]:
        path = template_path(key, language)
        document = read_exchange_file(path)
        about = (document.get("source") or {}).get("template") or {}
        result.append(
            Template(
                key=key,
                path=path,
                name=str(about.get("name") or document["session"].get("title") or key),
                description=str(about.get("description") or ""),
                tables=len(document.get("tables") or []),
                rounds=len(document.get("rounds") or []),
            )
        )
    return result


def fresh_ids(document: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy with a new uuid4 for the session and every entity, references mapped."""
    result = copy.deepcopy(dict(document))
    mapping: dict[str, str] = {}
    lists = [kind.value for kind in KIND_ORDER]
    for name in lists:
        for record in result.get(name) or []:
            mapping[record["id"]] = str(uuid.uuid4())
    for name in lists:
        for record in result.get(name) or []:
            record["id"] = mapping[record["id"]]
            for field in _SINGLE_REFS:
                value = record.get(field)
                if isinstance(value, str):
                    record[field] = mapping.get(
                        value, str(uuid.uuid4()) if field == "ballot_id" else value
                    )
            for field in _LIST_REFS:
                values = record.get(field)
                if isinstance(values, list):
                    record[field] = [mapping.get(v, v) for v in values]
    result["session"]["id"] = str(uuid.uuid4())
    return result


def _stamp(document: dict[str, Any], moment: str) -> None:
    document["session"]["updated_at"] = moment
    for kind in KIND_ORDER:
        for record in document.get(kind.value) or []:
            record["updated_at"] = moment


def safe_file_stem(title: str) -> str:
    """A file name made of a session title: no characters any OS refuses."""
    stem = _UNSAFE.sub(" ", title).strip(" .")
    return re.sub(r"\s+", " ", stem)[:80] or "Sessie"


def unique_session_path(folder: Path, title: str) -> Path:
    """``folder/title.tafelronde``, or ``title (2).tafelronde`` ... when taken."""
    stem = safe_file_stem(title)
    candidate = folder / f"{stem}{SESSION_EXTENSION}"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{stem} ({counter}){SESSION_EXTENSION}"
    return candidate


def create_from_template(
    template: Path | str,
    target: Path | str,
    *,
    title: str | None = None,
    date: Date | str | None = None,
) -> Path:
    """Write a new session file at ``target`` from a template; return its path.

    The session and every entity get fresh ids. ``title`` and ``date`` (ISO or
    a date) replace the template's. Refuses (``UserError``) when ``target``
    exists or its folder is missing; nothing is left behind on failure.
    """
    document = fresh_ids(read_exchange_file(template))
    session = document["session"]
    if title is not None and title.strip():
        session["title"] = title
    if date is not None:
        session["date"] = date.isoformat() if isinstance(date, Date) else date
    _stamp(document, format_instant(utc_now()))
    return _write_new_session(document, Path(target), str(template))


def create_from_exchange(source: Path | str, target: Path | str) -> Path:
    """A new session file holding an exchange file as it is, ids kept.

    For a table laptop that receives the facilitator's session as an exchange
    file: its export later merges back into the same session.
    """
    document = read_exchange_file(source)
    return _write_new_session(document, Path(target), str(source))


def _write_new_session(document: Mapping[str, Any], target: Path, source: str) -> Path:
    session_file = SessionFile.create(target, language=document["session"].get("language") or "nl")
    try:
        import_document(session_file, document, source=source)
    except BaseException:
        session_file.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    session_file.close()
    return target
