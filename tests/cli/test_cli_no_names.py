"""``tafelronde export … --zonder-namen``: a copy to share beyond HR, on the real files.

The workbook, the report and the exchange file are written from a shell and read
back (openpyxl, the sheets' XML, pypdf, json): no host or owner is in them, and
the exchange file holds no ballot of a group below the privacy floor.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.core.model import Kind, TargetGroup
from desktop_app.paths import shipped_data_dir
from desktop_app.storage.exchange import import_document, validate_document
from desktop_app.storage.session_file import SessionFile, new_id

ROOT = Path(__file__).resolve().parents[2]
DEMO = json.loads((shipped_data_dir() / "demo.json").read_text("utf-8"))
HOSTS = [t["host"] for t in DEMO["tables"] if t.get("host")]
OWNERS = [i["owner"] for i in DEMO["interventions"] if i.get("owner")]
# The personal names in them ("Linda Mulder (P&O)" -> "Linda Mulder").
PEOPLE = sorted({re.split(r" \(| met | en ", name)[0] for name in HOSTS + OWNERS} - {"P&O"})


def tafelronde(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TAFELRONDE_LANG": "nl"},
        check=False,
        timeout=180,
    )


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plus a group of three, of whom two voted at the kiosk."""
    path = tmp_path_factory.mktemp("sessie") / "demo.tafelronde"
    with SessionFile.create(path) as sf:
        import_document(sf, DEMO)
        directie = sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), "Directie", 3))
        theme = sf.themes()[0].id
        for _ in range(2):
            sf.cast_ballot({theme: 2}, target_group_id=directie.id, budget=4, cap=2)
    return path


@pytest.fixture(scope="module")
def exports(session: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("uit")
    written: dict[str, Path] = {}
    for label, extra in (("named", []), ("plain", ["--zonder-namen"])):
        outputs = {kind: folder / f"{label}.{kind}" for kind in ("json", "xlsx", "pdf")}
        result = tafelronde(
            "export",
            str(session),
            *(arg for kind, out in outputs.items() for arg in (f"--{kind}", str(out))),
            *extra,
        )
        assert result.returncode == 0, result.stderr
        written.update({f"{label}.{kind}": out for kind, out in outputs.items()})
    return written


def workbook_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()) + " " + str(reader.metadata)


def test_the_demo_names_people_so_the_check_below_can_fail(exports: dict[str, Path]) -> None:
    assert len(PEOPLE) >= 8
    assert all(name in workbook_text(exports["named.xlsx"]) for name in PEOPLE)
    assert "Henk Bosman" in exports["named.json"].read_text("utf-8")
    assert "Linda Mulder" in pdf_text(exports["named.pdf"])


@pytest.mark.parametrize("kind", ["xlsx", "pdf", "json"])
def test_no_host_or_owner_is_named_in_the_copy_without_names(
    exports: dict[str, Path], kind: str
) -> None:
    path = exports[f"plain.{kind}"]
    if kind == "xlsx":
        text = workbook_text(path)
    elif kind == "pdf":
        text = pdf_text(path)
    else:
        text = path.read_text("utf-8")
    for name in PEOPLE:
        assert name not in text, (kind, name)


def test_the_workbook_without_names_leaves_the_columns_out_and_says_so(
    exports: dict[str, Path],
) -> None:
    workbook = load_workbook(exports["plain.xlsx"])
    proposals = [c.value for c in workbook["Voorstellen"][1]]
    plan = [c.value for c in workbook["Actieplan"][1]]
    assert "Tafelhost" not in proposals and "Tafel" in proposals
    assert "Eigenaar" not in plan and "Status" in plan
    # the status drop-down still sits on the status column
    (validation,) = workbook["Actieplan"].data_validations.dataValidation
    column = workbook["Actieplan"].cell(1, plan.index("Status") + 1).column_letter
    assert str(validation.sqref).startswith(f"{column}2:")
    session = {r[0]: r[1] for r in workbook["Sessie"].iter_rows(min_row=2, values_only=True)}
    assert session["Namen van personen"].startswith("Weggelaten")
    named = load_workbook(exports["named.xlsx"])
    assert "Tafelhost" in [c.value for c in named["Voorstellen"][1]]


def test_the_report_without_names_keeps_every_intervention_and_says_so(
    exports: dict[str, Path],
) -> None:
    text = pdf_text(exports["plain.pdf"])
    assert "Weggelaten: dit verslag noemt geen tafelhosts en eigenaren." in text
    for intervention in DEMO["interventions"]:
        assert intervention["title"][:30] in text


def test_the_exchange_file_without_names_holds_no_ballot_of_a_hidden_group(
    session: Path, exports: dict[str, Path]
) -> None:
    shared = json.loads(exports["plain.json"].read_text("utf-8"))
    validate_document(shared, "plain.json")
    assert "device" not in shared["source"]
    groups = {g["name"]: g["id"] for g in shared["target_groups"]}
    # Directie (2 voters) and Leidinggevenden (6, the smallest shown group) are hidden
    hidden = {groups["Directie"], groups["Leidinggevenden"]}
    votes = shared["votes"]
    assert not [v for v in votes if v.get("target_group_id") in hidden]
    assert all("table_id" not in v for v in votes)
    pooled = [v for v in votes if "target_group_id" not in v]
    assert pooled and all("ballot_id" not in v for v in pooled)
    assert sum(v["dots"] for v in votes if not v["deleted"]) == sum(
        v["dots"]
        for v in json.loads(exports["named.json"].read_text("utf-8"))["votes"]
        if not v["deleted"]
    )
    assert all(re.search(r"T\d\d:00:00\.0+Z$", v["updated_at"]) for v in votes)
    # Merged back into the session it came from, it changes nothing.
    with SessionFile.open(session) as sf:
        report = import_document(sf, shared)
    assert report.as_dict()["votes"] == {"added": 0, "updated": 0, "unchanged": len(votes)}
    assert report.as_dict()["tables"]["updated"] == 0
