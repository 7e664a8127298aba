"""Theme and near-duplicate suggestions (issue 6): behaviour and a quality floor."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from desktop_app.core.suggestions import (
    Suggestions,
    ThemeSuggestion,
    load_vocabulary,
    standard_theme_names,
    suggest,
)

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "data" / "labelled_proposals.json"


def _labelled() -> list[dict[str, object]]:
    with open(DEV_SET, encoding="utf-8") as handle:
        return list(json.load(handle)["proposals"])


def _pairs_of(suggestions: Suggestions) -> set[tuple[str, str]]:
    return set(suggestions.duplicates)


FYSIO = [
    ("a", "Fysiotherapeut op locatie, één ochtend per week"),
    ("b", "Fysio op lokatie!!! (zelfde als tafel 2)"),
    ("c", "Rookvrij terrein"),
    ("d", "Gratis fruit op de afdeling"),
    ("e", "Werkplekonderzoek door ergonoom"),
]


def test_the_fysio_duplicate_from_the_issue_is_found() -> None:
    result = suggest(FYSIO)
    assert ("a", "b") in result.duplicates
    assert all("c" not in pair and "d" not in pair for pair in result.duplicates)


def test_duplicates_are_sorted_pairs_in_a_sorted_list() -> None:
    result = suggest([(str(p["id"]), str(p["text"])) for p in _labelled()])
    assert result.duplicates
    assert all(a < b for a, b in result.duplicates)
    assert result.duplicates == sorted(result.duplicates)


def test_same_input_in_any_order_gives_the_same_suggestions() -> None:
    proposals = [(str(p["id"]), str(p["text"])) for p in _labelled()]
    first = suggest(proposals)
    shuffled = list(proposals)
    random.Random(3).shuffle(shuffled)
    assert suggest(shuffled) == first
    assert suggest(list(reversed(proposals))).to_json_dict() == first.to_json_dict()


def test_each_proposal_is_in_at_most_one_theme_and_ids_are_real() -> None:
    proposals = [(str(p["id"]), str(p["text"])) for p in _labelled()]
    result = suggest(proposals)
    placed = [pid for theme in result.themes for pid in theme.proposal_ids]
    assert len(placed) == len(set(placed))
    assert set(placed) <= {pid for pid, _ in proposals}


def test_theme_maps_to_the_standard_name_of_the_vocabulary() -> None:
    result = suggest([*FYSIO, ("f", "Verstelbare bureaus (zit-sta)"), ("g", "Bureaustoelen")])
    ergonomics = [t for t in result.themes if "e" in t.proposal_ids]
    assert len(ergonomics) == 1
    theme = ergonomics[0]
    assert theme.standard_name_key == "fysiek"
    assert theme.name == "Fysieke belasting & ergonomie"
    assert {"a", "b", "e", "f", "g"} <= set(theme.proposal_ids)
    english = suggest(FYSIO, language="en")
    assert any(t.name == "Physical strain & ergonomics" for t in english.themes)


def test_words_outside_the_vocabulary_form_a_named_theme() -> None:
    result = suggest(
        [
            ("1", "Kledingkluisjes groter maken"),
            ("2", "Parkeergarage uitbreiden"),
            ("3", "Grotere kledingkluisjes in de hal!"),
        ]
    )
    assert result.themes == [ThemeSuggestion("Kledingkluisjes", ("1", "3"), None)]


def test_a_proposal_without_vocabulary_words_joins_the_theme_its_words_share() -> None:
    result = suggest(
        [
            ("1", "Parkeergarage uitbreiden"),
            ("2", "Parkeergarage beter verlichten"),
            ("3", "Gratis fruit"),
        ]
    )
    safety = [t for t in result.themes if "2" in t.proposal_ids]
    assert safety == [ThemeSuggestion("Veiligheid & BHV", ("1", "2"), "veiligheid")]


def test_json_form_matches_the_cli_contract() -> None:
    data = suggest(FYSIO).to_json_dict()
    assert set(data) == {"duplicates", "themes"}
    assert ["a", "b"] in data["duplicates"]
    assert all(set(t) == {"name", "proposal_ids"} for t in data["themes"])
    json.dumps(data)  # plain JSON types only


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "=SUM(A1:A3)",
        "💪💪🚭🍎",
        "!!!???",
        "لصحة في العمل",
        "Ééé ÀÇÏ — ﬁets",
        "x" * 2000,
        "tafel 3",
    ],
)
def test_odd_text_does_not_crash(text: str) -> None:
    result = suggest([("odd", text), ("fysio", "Fysio op locatie")])
    placed = [pid for theme in result.themes for pid in theme.proposal_ids]
    assert placed.count("odd") <= 1


def test_empty_input_gives_no_suggestions() -> None:
    assert suggest([]) == Suggestions([], [])
    assert suggest([]).to_json_dict() == {"duplicates": [], "themes": []}


def test_standard_theme_names_in_both_languages() -> None:
    dutch = standard_theme_names("nl")
    english = standard_theme_names("en")
    assert len(dutch) == len(english) >= 12
    assert "Preventief medisch onderzoek" in dutch
    assert "Preventive health checks" in english
    assert len(set(dutch)) == len(dutch)


def test_a_vocabulary_file_can_be_loaded_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "mini.json"
    path.write_text(
        json.dumps(
            {
                "themes": [
                    {
                        "key": "koffie",
                        "name": {"nl": "Koffie", "en": "Coffee"},
                        "concepts": {"koffie": ["koffie", "espresso", "cappuccino"]},
                    }
                ],
                "stopwords": {"nl": ["de", "een"]},
                "filler": ["meer"],
                "same": [["espresso", "koffie"]],
            }
        ),
        encoding="utf-8",
    )
    vocab = load_vocabulary(path)
    assert standard_theme_names("en", vocab) == ["Coffee"]
    result = suggest([("1", "Meer espresso!"), ("2", "de koffie")], vocabulary=vocab)
    assert result.themes == [ThemeSuggestion("Koffie", ("1", "2"), "koffie")]
    assert result.duplicates == [("1", "2")]


def test_quality_floor_on_the_labelled_dev_set() -> None:
    """Against the human labels: duplicates precision >= 0.9, theme pairwise F1 >= 0.6."""
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.suggestions import evaluate
    finally:
        sys.path.remove(str(ROOT))
    scores, _ = evaluate(DEV_SET)
    assert scores.proposals >= 180
    assert scores.duplicate_precision >= 0.9
    assert scores.duplicate_recall >= 0.5
    assert scores.theme_f1 >= 0.6
    assert scores.adjusted_rand >= 0.5
