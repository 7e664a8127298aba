"""The scribe's gentle warning: same or nearly the same text already at this table."""

from __future__ import annotations

from desktop_app.core.near_duplicate import NearDuplicateIndex, find_near_duplicate, normalise


def test_normalise_ignores_case_accents_punctuation() -> None:
    assert (
        normalise("  Één   Fysio-therapeut op locatie!!! 💪 ") == "een fysio therapeut op locatie"
    )


def test_finds_same_and_nearly_same_text() -> None:
    existing = [("a", "Fysiotherapeut op locatie"), ("b", "Gezonde lunch in de kantine")]
    assert find_near_duplicate("fysiotherapeut op locatie!", existing) == "a"
    assert find_near_duplicate("Fysiotherapeut op lokatie", existing) == "a"
    assert find_near_duplicate("Gezonde lunch in de kantine.", existing) == "b"


def test_different_or_short_texts_do_not_warn() -> None:
    existing = [("a", "Fysiotherapeut op locatie"), ("b", "ja")]
    assert find_near_duplicate("Werkdruk bespreekbaar maken", existing) is None
    assert find_near_duplicate("ja", existing) is None
    assert find_near_duplicate("", existing) is None


def test_index_follows_edits_and_ignores_the_text_being_edited() -> None:
    index = NearDuplicateIndex.of([("a", "Bedrijfsfitness met korting")])
    assert index.match("bedrijfsfitness met korting") == "a"
    assert index.match("bedrijfsfitness met korting", ignore="a") is None
    index.put("a", "Iets heel anders")
    assert index.match("bedrijfsfitness met korting") is None
    index.put("b", "Bedrijfsfitness met korting")
    index.remove("b")
    assert len(index) == 1


def test_text_kept_exactly_is_not_changed_by_matching() -> None:
    text = "=SUM(A1) عربى 🎉"
    index = NearDuplicateIndex.of([("a", text)])
    assert index.match(text) == "a"
    assert text == "=SUM(A1) عربى 🎉"
