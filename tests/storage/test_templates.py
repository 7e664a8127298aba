"""Sessions from the shipped templates: fresh ids, title and date, both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.model import Kind
from desktop_app.storage.exchange import export_document, read_exchange_file
from desktop_app.storage.session_file import SessionFile
from desktop_app.storage.templates import (
    create_from_exchange,
    create_from_template,
    list_templates,
    safe_file_stem,
    unique_session_path,
)


def _all_ids(session_file: SessionFile) -> set[str]:
    snapshot = session_file.snapshot()
    ids = {snapshot.session.id}
    for kind in ("target_groups", "tables", "rounds", "context_items"):
        ids |= {e.id for e in getattr(snapshot, kind)}
    return ids


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_template_makes_a_session(tmp_path: Path, language: str) -> None:
    templates = list_templates(language)
    assert [t.key for t in templates][:4] == [
        "pmo-samen-ontwerpen",
        "pmo-uitkomsten-bespreken",
        "world-cafe-3-rondes",
        "leeg",
    ]
    for template in templates:
        document = read_exchange_file(template.path)
        target = tmp_path / f"{template.key}.tafelronde"
        create_from_template(
            template.path, target, title="Sessie bij Bouwbedrijf", date="2026-03-12"
        )
        with SessionFile.open(target) as session_file:
            snapshot = session_file.snapshot()
            assert snapshot.session.title == "Sessie bij Bouwbedrijf"
            assert snapshot.session.date == "2026-03-12"
            assert snapshot.session.language == language
            assert [r.question for r in snapshot.live_rounds()] == [
                r["question"] for r in document.get("rounds", [])
            ]
            assert [t.name for t in snapshot.live_tables()] == [
                t["name"] for t in document.get("tables", [])
            ]
            template_ids = {document["session"]["id"]} | {
                record["id"] for kind in Kind for record in document.get(kind.value, [])
            }
            assert not (_all_ids(session_file) & template_ids)


def test_two_sessions_from_one_template_share_no_ids(tmp_path: Path) -> None:
    template = list_templates()[0]
    first = create_from_template(template.path, tmp_path / "a.tafelronde")
    second = create_from_template(template.path, tmp_path / "b.tafelronde")
    with SessionFile.open(first) as a, SessionFile.open(second) as b:
        assert not (_all_ids(a) & _all_ids(b))
        # References were mapped: tables point at the new target groups.
        groups = {g.id for g in b.target_groups()}
        assert all(t.target_group_id in groups or t.target_group_id is None for t in b.tables())


def test_refuses_an_existing_target_and_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "bestaat.tafelronde"
    target.write_bytes(b"niet van ons")
    with pytest.raises(UserError):
        create_from_template(list_templates()[0].path, target)
    assert target.read_bytes() == b"niet van ons"


def test_a_facilitators_exchange_file_keeps_its_ids(tmp_path: Path) -> None:
    facilitator = create_from_template(list_templates()[2].path, tmp_path / "f.tafelronde")
    with SessionFile.open(facilitator) as session_file:
        round_ = session_file.rounds()[0]
        table = session_file.tables()[0]
        session_file.add_proposal(round_.id, table.id, "Fruit op het werk")
        document = export_document(session_file)
    hand_out = tmp_path / "uitdelen.json"
    hand_out.write_text(json.dumps(document), "utf-8")
    laptop = create_from_exchange(hand_out, tmp_path / "laptop.tafelronde")
    with SessionFile.open(laptop) as session_file:
        assert session_file.session().id == document["session"]["id"]
        assert [p.text for p in session_file.proposals()] == ["Fruit op het werk"]


def test_file_names_from_titles(tmp_path: Path) -> None:
    assert safe_file_stem('PMO: "samen"/ontwerpen?') == "PMO samen ontwerpen"
    assert safe_file_stem("...") == "Sessie"
    first = unique_session_path(tmp_path, "PMO 2026")
    first.write_bytes(b"")
    assert unique_session_path(tmp_path, "PMO 2026").name == "PMO 2026 (2).tafelronde"
