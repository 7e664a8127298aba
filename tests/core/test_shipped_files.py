"""The demo session and the templates shipped with the app are valid exchange files.

Every file in ``data/`` and ``resources/templates/`` must validate against the
exchange schema, keep its references whole and respect its own voting rules, so
that ``tafelronde --demo`` and "start from a template" never open a broken session.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from desktop_app.core.model import CONTEXT_KINDS, PERIODICITIES
from desktop_app.core.ranking import shared_ranks
from desktop_app.paths import resource, shipped_data_dir

Doc = dict[str, Any]

DATA_FILES = sorted(shipped_data_dir().glob("*.json"))
TEMPLATE_FILES = sorted(resource("templates").glob("*.json"))
ALL_FILES = DATA_FILES + TEMPLATE_FILES
DEMO = shipped_data_dir() / "demo.json"
TEMPLATE_STEMS = (
    "pmo-samen-ontwerpen",
    "pmo-uitkomsten-bespreken",
    "world-cafe-3-rondes",
    "leeg",
)
OUTCOME_LISTS = ("proposals", "clusters", "votes", "interventions")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
RFC3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _is_rfc3339_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return RFC3339_RE.match(value) is not None


def _format_checker() -> FormatChecker:
    """The standard checker, with ``date-time`` checked even without rfc3339-validator."""
    checker = FormatChecker()
    checker.checks("date-time", raises=ValueError)(_is_rfc3339_date_time)
    return checker


def _validator() -> Draft202012Validator:
    schema = json.loads(resource("schema/exchange.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=_format_checker())


def _load(path: Path) -> Doc:
    doc: Doc = json.loads(path.read_text(encoding="utf-8"))
    return doc


def _live(doc: Doc, kind: str) -> list[Doc]:
    return [e for e in doc.get(kind, []) if not e.get("deleted", False)]


def _ids(doc: Doc, kind: str) -> set[str]:
    return {e["id"] for e in doc.get(kind, [])}


def _schema_errors(doc: Doc) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in _validator().iter_errors(doc)]


def test_the_shipped_files_are_there() -> None:
    assert DEMO in DATA_FILES
    names = {path.name for path in TEMPLATE_FILES}
    for stem in TEMPLATE_STEMS:
        assert f"{stem}.json" in names
        assert f"{stem}.en.json" in names


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_file_validates_against_the_exchange_schema(path: Path) -> None:
    assert _schema_errors(_load(path)) == []


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_file_is_pretty_printed_utf8(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), indent=2, ensure_ascii=False) + "\n"


def test_validation_catches_a_broken_timestamp_and_date() -> None:
    """The checks above have teeth: bad dates and times in the demo are reported."""
    doc = _load(DEMO)
    broken = copy.deepcopy(doc)
    broken["proposals"][0]["created_at"] = "2026-03-12 13:30"
    broken["interventions"][0]["start"] = "2026-02-30"
    errors = _schema_errors(broken)
    assert any("created_at" in e for e in errors)
    assert any("start" in e for e in errors)


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_ids_are_unique_uuid4_strings(path: Path) -> None:
    doc = _load(path)
    ids = [doc["session"]["id"]]
    for kind in (
        "target_groups",
        "tables",
        "rounds",
        *OUTCOME_LISTS,
        "context_items",
    ):
        ids += [e["id"] for e in doc.get(kind, [])]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not UUID_RE.match(i)] == []


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_reference_resolves(path: Path) -> None:
    doc = _load(path)
    groups = _ids(doc, "target_groups")
    tables = _ids(doc, "tables")
    rounds = _ids(doc, "rounds")
    proposals = _ids(doc, "proposals")
    clusters = _ids(doc, "clusters")

    for table in doc.get("tables", []):
        assert table.get("target_group_id") in groups | {None}, table
    for proposal in doc.get("proposals", []):
        assert proposal["round_id"] in rounds, proposal
        assert proposal["table_id"] in tables, proposal
        assert proposal.get("target_group_id") in groups | {None}, proposal
    for cluster in doc.get("clusters", []):
        assert set(cluster.get("proposal_ids", [])) <= proposals, cluster["name"]
    target = doc["session"].get("voting", {}).get("target", "cluster")
    items = clusters if target == "cluster" else proposals
    for vote in doc.get("votes", []):
        assert vote["item_id"] in items, vote
        assert vote.get("target_group_id") in groups | {None}, vote
        assert vote.get("table_id") in tables | {None}, vote
    for intervention in doc.get("interventions", []):
        assert intervention.get("cluster_id") in clusters | {None}, intervention["title"]
        assert set(intervention.get("target_group_ids", [])) <= groups, intervention["title"]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_no_proposal_sits_in_two_themes(path: Path) -> None:
    doc = _load(path)
    counts = Counter(pid for c in _live(doc, "clusters") for pid in c.get("proposal_ids", []))
    assert [pid for pid, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_ballot_respects_the_dot_budget_and_the_cap(path: Path) -> None:
    doc = _load(path)
    voting = doc["session"].get("voting", {})
    budget = voting.get("dots_per_participant")
    cap = voting.get("max_dots_per_item")
    ballots: dict[str, Counter[str]] = defaultdict(Counter)
    for vote in _live(doc, "votes"):
        if vote.get("ballot_id") is not None:
            ballots[vote["ballot_id"]][vote["item_id"]] += vote["dots"]
    if ballots:
        assert budget is not None
        assert cap is not None
    for ballot_id, dots in ballots.items():
        assert sum(dots.values()) <= budget, ballot_id
        assert max(dots.values()) <= cap, ballot_id


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_context_items_are_well_formed(path: Path) -> None:
    doc = _load(path)
    for item in doc.get("context_items", []):
        assert item["kind"] in CONTEXT_KINDS
        assert item["title"].strip()
        assert isinstance(item.get("text", ""), str)
        assert RFC3339_RE.match(item["updated_at"])
        datetime.fromisoformat(item["updated_at"])


# ------------------------------------------------------------------------- demo


def test_demo_has_the_shape_of_a_real_session() -> None:
    doc = _load(DEMO)
    session = doc["session"]
    assert session["language"] == "nl"
    assert session["voting"] == {
        "dots_per_participant": 4,
        "max_dots_per_item": 2,
        "target": "cluster",
    }
    assert session["title"] and session["organisation"] and session["purpose"]
    assert date.fromisoformat(session["date"]).year == 2026
    assert len(_live(doc, "target_groups")) == 4
    assert all(g["participants"] > 0 for g in doc["target_groups"])
    tables = _live(doc, "tables")
    assert [t["name"] for t in tables] == [f"Tafel {n}" for n in range(1, 9)]
    assert all(t.get("host") and t.get("target_group_id") for t in tables)
    rounds = _live(doc, "rounds")
    assert [r["number"] for r in rounds] == [1, 2, 3]
    assert [r["minutes"] for r in rounds] == [20, 20, 25]
    assert 60 <= len(_live(doc, "proposals")) <= 80
    assert 6 <= len(_live(doc, "clusters")) <= 7
    assert len(_live(doc, "interventions")) == 5
    assert 4 <= len(doc["context_items"]) <= 6


def test_demo_proposals_come_from_every_table_and_round_during_the_session() -> None:
    doc = _load(DEMO)
    day = doc["session"]["date"]
    cells = {(p["table_id"], p["round_id"]) for p in doc["proposals"]}
    assert len(cells) == len(doc["tables"]) * len(doc["rounds"])
    for proposal in doc["proposals"]:
        created = datetime.fromisoformat(proposal["created_at"])
        assert created.date().isoformat() == day
        assert 12 <= created.hour < 18
        assert created.utcoffset() is not None
        assert proposal["updated_at"] == proposal["created_at"]


def test_demo_leaves_a_few_proposals_unclustered() -> None:
    doc = _load(DEMO)
    clustered = {pid for c in doc["clusters"] for pid in c["proposal_ids"]}
    unclustered = _ids(doc, "proposals") - clustered
    assert 1 <= len(unclustered) <= 10


def test_demo_votes_mix_sticker_tallies_and_ballots_within_the_dots_handed_out() -> None:
    doc = _load(DEMO)
    voting = doc["session"]["voting"]
    votes = _live(doc, "votes")
    tallies = [v for v in votes if v.get("ballot_id") is None]
    ballots = {v["ballot_id"] for v in votes if v.get("ballot_id") is not None}
    assert tallies and len(ballots) >= 3
    assert any(sum(1 for v in votes if v.get("ballot_id") == b) > 1 for b in ballots), (
        "a ballot spreads its dots over several items"
    )

    participants = {g["id"]: g["participants"] for g in doc["target_groups"]}
    per_group: Counter[str] = Counter()
    per_group_item: Counter[tuple[str, str]] = Counter()
    for vote in votes:
        group = vote["target_group_id"]
        per_group[group] += vote["dots"]
        per_group_item[(group, vote["item_id"])] += vote["dots"]
    for group, dots in per_group.items():
        assert dots <= participants[group] * voting["dots_per_participant"], group
    for (group, item), dots in per_group_item.items():
        assert dots <= participants[group] * voting["max_dots_per_item"], (group, item)


def test_demo_ranking_has_a_clear_winner_and_one_shared_place() -> None:
    doc = _load(DEMO)
    totals = dict.fromkeys(_ids(doc, "clusters"), 0)
    for vote in _live(doc, "votes"):
        totals[vote["item_id"]] += vote["dots"]
    ranks = [item.rank for item in shared_ranks(totals)]
    assert ranks.count(1) == 1
    shared = [rank for rank, n in Counter(ranks).items() if n > 1]
    assert len(shared) == 1


def test_demo_interventions_form_a_complete_action_plan() -> None:
    doc = _load(DEMO)
    for intervention in doc["interventions"]:
        assert intervention["cluster_id"]
        assert intervention["target_group_ids"]
        assert intervention["periodicity"] in PERIODICITIES
        for key in ("description", "location", "owner", "value_for_employee"):
            assert intervention[key].strip(), key
        assert intervention["value_for_organisation"].strip()
        assert 1 <= intervention["impact"] <= 5
        assert 1 <= intervention["effort"] <= 5
        start = date.fromisoformat(intervention["start"])
        assert date.fromisoformat(intervention["follow_up"]) > start
    statuses = {i["status"] for i in doc["interventions"]}
    assert len(statuses) > 1


# -------------------------------------------------------------------- templates


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_template_holds_no_outcomes(path: Path) -> None:
    doc = _load(path)
    for kind in OUTCOME_LISTS:
        assert doc.get(kind, []) == [], kind


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_template_names_itself_and_matches_its_language(path: Path) -> None:
    doc = _load(path)
    template = doc["source"]["template"]
    assert template["name"].strip()
    assert template["description"].strip().endswith(".")
    language = "en" if path.name.endswith(".en.json") else "nl"
    assert doc["session"]["language"] == language
    if path.name.startswith("leeg"):
        assert doc["session"]["title"] == {"nl": "Nieuwe sessie", "en": "New session"}[language]
        assert set(doc) <= {"format", "version", "exported_at", "source", "session"}
    else:
        assert doc["session"]["title"] == template["name"]
    for group in doc.get("target_groups", []):
        assert group["participants"] == 0
    for table in doc.get("tables", []):
        assert "host" not in table


@pytest.mark.parametrize("stem", TEMPLATE_STEMS)
def test_english_template_has_the_same_structure_as_the_dutch_one(stem: str) -> None:
    nl = _load(resource(f"templates/{stem}.json"))
    en = _load(resource(f"templates/{stem}.en.json"))
    assert set(nl) == set(en)
    for kind in ("target_groups", "tables", "rounds", "context_items"):
        assert len(nl.get(kind, [])) == len(en.get(kind, [])), kind
    assert [r["minutes"] for r in nl.get("rounds", [])] == [
        r["minutes"] for r in en.get("rounds", [])
    ]
    assert [c["kind"] for c in nl.get("context_items", [])] == [
        c["kind"] for c in en.get("context_items", [])
    ]
    assert nl["session"].get("voting") == en["session"].get("voting")
    assert nl["session"]["id"] != en["session"]["id"]


def test_pmo_design_template_is_ready_to_fill_in() -> None:
    doc = _load(resource("templates/pmo-samen-ontwerpen.json"))
    assert doc["source"]["template"]["name"] == "PMO samen ontwerpen"
    assert [g["name"] for g in doc["target_groups"]] == [
        "Monteurs",
        "Kantoor",
        "Ploegendienst",
        "Leidinggevenden",
    ]
    assert [t["name"] for t in doc["tables"]] == [f"Tafel {n}" for n in range(1, 9)]
    assert [r["minutes"] for r in doc["rounds"]] == [20, 20, 25]
    assert doc["session"]["voting"]["dots_per_participant"] == 5
    assert doc["session"]["voting"]["max_dots_per_item"] == 2
    assert any(c["kind"] == "risk" for c in doc["context_items"])


def test_world_cafe_template_has_six_tables_and_three_rounds() -> None:
    for name in ("world-cafe-3-rondes.json", "world-cafe-3-rondes.en.json"):
        doc = _load(resource(f"templates/{name}"))
        assert len(doc["tables"]) == 6
        assert [r["number"] for r in doc["rounds"]] == [1, 2, 3]
