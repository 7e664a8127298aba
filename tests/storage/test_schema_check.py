"""The fast schema check agrees with jsonschema on accept/refuse, and finds the first place."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from desktop_app.core.timestamps import is_date, is_instant
from desktop_app.storage.exchange import _schema_check, exchange_schema

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=False, width=32)
    | st.text(max_size=5)
    | st.sampled_from(
        ["2026-03-12", "2026-03-12T10:00:00Z", "4b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01", ""]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)

VALID: dict[str, Any] = {
    "format": "tafelronde-exchange",
    "version": 1,
    "session": {
        "id": "4b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01",
        "title": "T",
        "date": "2026-03-12",
        "voting": {"dots_per_participant": 4, "target": "cluster"},
    },
    "tables": [
        {"id": "5b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01", "name": "Tafel 1", "target_group_id": None}
    ],
    "proposals": [
        {
            "id": "6b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01",
            "round_id": "7b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01",
            "table_id": "5b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01",
            "text": "x",
            "updated_at": "2026-03-12T10:00:00+01:00",
        }
    ],
    "clusters": [
        {
            "id": "8b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01",
            "name": "A",
            "proposal_ids": ["6b0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01"],
        }
    ],
}

PLACES = [
    ("format",),
    ("version",),
    ("session",),
    ("session", "id"),
    ("session", "title"),
    ("session", "date"),
    ("session", "voting"),
    ("session", "voting", "target"),
    ("tables",),
    ("tables", 0),
    ("tables", 0, "name"),
    ("tables", 0, "target_group_id"),
    ("proposals", 0, "text"),
    ("proposals", 0, "updated_at"),
    ("proposals", 0, "round_id"),
    ("clusters", 0, "proposal_ids"),
    ("clusters", 0, "proposal_ids", 0),
    ("votes",),
]


def reference_validator() -> Draft202012Validator:
    checker = FormatChecker(formats=())
    checker.checks("date")(lambda v: not isinstance(v, str) or is_date(v))
    checker.checks("date-time")(lambda v: not isinstance(v, str) or is_instant(v))
    return Draft202012Validator(exchange_schema(), format_checker=checker)


REFERENCE = reference_validator()


def put(document: dict[str, Any], place: tuple[Any, ...], value: Any) -> None:
    node: Any = document
    for step in place[:-1]:
        node = node[step]
    if isinstance(node, list) and place[-1] >= len(node):
        node.append(value)
    else:
        node[place[-1]] = value


def test_a_valid_document_passes_both() -> None:
    assert REFERENCE.is_valid(VALID)
    assert _schema_check()(VALID) is None


@settings(max_examples=400, deadline=None)
@given(place=st.sampled_from(PLACES), value=json_values)
def test_fast_check_accepts_and_refuses_what_jsonschema_does(
    place: tuple[Any, ...], value: Any
) -> None:
    document = copy.deepcopy(VALID)
    put(document, place, value)
    problem = _schema_check()(document)
    assert (problem is None) == REFERENCE.is_valid(document)
    if problem is not None:
        paths = {tuple(error.absolute_path) for error in REFERENCE.iter_errors(document)}
        assert problem.path in paths
