"""Issue 15 defect 5: the PDF (and the workbook) take every field at the rules' maximum.

Every text of the demo (session, target groups, tables, rounds, proposals, themes,
interventions, context items) is filled to the longest the exchange schema and
the rules allow, as words, as one unbroken word and in wide letters. The report
is built, opened again with pypdf and shows the start of the long owner; rows
that do not fit a page are split over pages, never refused.
"""

from __future__ import annotations

import copy
import json
from functools import reduce
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.core import rules
from desktop_app.export.report import write_report
from desktop_app.export.workbook import write_workbook
from desktop_app.paths import shipped_data_dir
from desktop_app.storage.exchange import exchange_schema, import_document
from desktop_app.storage.session_file import SessionFile

DEMO: dict[str, Any] = json.loads((shipped_data_dir() / "demo.json").read_text("utf-8"))
SHAPES = {
    "words": "Lange eigenaar met een heel verhaal ",
    "one_word": "Onafgebrokenwoord",
    "wide": "WMW—",
}


def longest(schema: dict[str, Any], prop: dict[str, Any]) -> int | None:
    if "$ref" in prop:
        prop = reduce(lambda node, step: node[step], prop["$ref"][2:].split("/"), schema)
    if prop.get("type") == "string" and "maxLength" in prop and "format" not in prop:
        return int(prop["maxLength"])
    return None


SHORT_FIELDS = {"owner", "title", "name", "host", "location", "question"}
"""The fast variant: the fields that broke the report (fpdf2 takes about a second per
10,000-character paragraph, so every text at its maximum is the slow variant)."""


def filled(shape: str, only: set[str] | None = None) -> dict[str, Any]:
    schema = exchange_schema()
    document = copy.deepcopy(DEMO)
    piece = SHAPES[shape]

    def fill(record: dict[str, Any], properties: dict[str, Any]) -> None:
        for name, prop in properties.items():
            limit = longest(schema, prop)
            if limit is None or name == "language" or (only and name not in only):
                continue
            if name == "text" and "round_id" in record:
                limit = min(limit, rules.MAX_PROPOSAL_LENGTH)
            record[name] = (f"{name.upper()} " + piece * (limit // len(piece) + 1))[:limit]

    fill(document["session"], schema["properties"]["session"]["properties"])
    for kind, spec in schema["properties"].items():
        if spec.get("type") == "array" and kind in document:
            for record in document[kind]:
                fill(record, spec["items"]["properties"])
    return document


@pytest.fixture(
    scope="module",
    params=[
        ("words", "short"),
        *(
            pytest.param((shape, which), marks=pytest.mark.slow)
            for shape in SHAPES
            for which in ("short", "all")
            if (shape, which) != ("words", "short")
        ),
    ],
    ids=lambda p: "-".join(p),
)
def long_session(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    shape, which = request.param
    path = tmp_path_factory.mktemp(shape) / "lang.tafelronde"
    with SessionFile.create(path) as session_file:
        import_document(session_file, filled(shape, SHORT_FIELDS if which == "short" else None))
    return path


@pytest.mark.parametrize("names", [True, pytest.param(False, marks=pytest.mark.slow)])
def test_the_report_takes_every_field_at_its_maximum(
    long_session: Path, tmp_path: Path, names: bool
) -> None:
    with SessionFile.open_readonly(long_session) as session_file:
        snapshot = session_file.snapshot()
    owner = snapshot.interventions[0].owner
    assert owner is not None and len(owner) == rules.MAX_TEXT
    target = tmp_path / "oogst.pdf"
    write_report(snapshot, target, names=names)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    flat = "".join(text.split())
    assert "".join(owner[:25].split()) in flat if names else "OWNER" not in flat
    assert "".join(snapshot.interventions[0].title[:20].split()) in flat


def test_the_workbook_takes_every_field_at_its_maximum(long_session: Path, tmp_path: Path) -> None:
    with SessionFile.open_readonly(long_session) as session_file:
        snapshot = session_file.snapshot()
    target = tmp_path / "hr.xlsx"
    write_workbook(snapshot, target)
    cells = [
        str(cell.value)
        for sheet in load_workbook(target, read_only=True).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert any(value.startswith("OWNER") for value in cells)
