"""The scribe's gentle warning: same or nearly the same text already at this table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.near_duplicate import (
    MIN_LENGTH,
    THRESHOLD,
    NearDuplicateIndex,
    find_near_duplicate,
    normalise,
    ratio,
)

# Few distinct characters, so texts share long subsequences; one outside the BMP and one
# combining accent; lengths past 64 so the bit vector is longer than a machine word.
_TEXTS = st.text(alphabet="abcé \u0301🎉", max_size=150)


def _lcs_reference(first: str, second: str) -> int:
    """Longest common subsequence by the textbook dynamic programme."""
    row = [0] * (len(second) + 1)
    for ch in first:
        previous_diagonal = 0
        for j, other in enumerate(second, start=1):
            above = row[j]
            row[j] = previous_diagonal + 1 if ch == other else max(row[j - 1], above)
            previous_diagonal = above
    return row[-1]


def _ratio_reference(first: str, second: str, score_cutoff: float | None = None) -> float:
    """rapidfuzz's fuzz.ratio, written out: 100 * (1 - indel distance / length sum).

    As rapidfuzz, the cutoff is compared with the similarity as a fraction (so a
    score can fall just below a cutoff equal to itself), and below it the result is 0.
    """
    total = len(first) + len(second)
    indel_distance = total - 2 * _lcs_reference(first, second)
    similarity = 1.0 - indel_distance / total if total else 1.0
    if score_cutoff is not None and similarity < score_cutoff / 100:
        return 0.0
    return similarity * 100


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS, st.one_of(st.none(), st.floats(0, 100), st.just(THRESHOLD)))
def test_ratio_is_the_indel_similarity(first: str, second: str, score_cutoff: float | None) -> None:
    expected = _ratio_reference(first, second)
    assert ratio(first, second) == expected
    assert ratio(second, first) == expected
    assert 0.0 <= expected <= 100.0
    assert ratio(first, second, score_cutoff=score_cutoff) == _ratio_reference(
        first, second, score_cutoff
    )
    if score_cutoff is not None and expected < score_cutoff - 1e-9:
        assert ratio(first, second, score_cutoff=score_cutoff) == 0.0
    if score_cutoff is not None and expected > score_cutoff + 1e-9:
        assert ratio(first, second, score_cutoff=score_cutoff) == expected


def test_ratio_edge_cases() -> None:
    assert ratio("", "") == 100.0
    assert ratio("abc", "") == 0.0
    assert ratio("", "abc") == 0.0
    assert ratio("abc", "abc") == 100.0
    assert ratio("abc", "abd") == 200 * 2 / 6
    assert ratio("abc", "abd", score_cutoff=70) == 0.0
    assert ratio("abcdefgh", "abcdefgx") == 87.5
    assert ratio("abcdefgh", "abcdefgx", score_cutoff=THRESHOLD) == 0.0


_WORDS = st.sampled_from(["fysio", "therapeut", "op", "locatie", "lokatie", "lunch", "ja", "é"])
_SENTENCES = st.lists(_WORDS, max_size=8).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(_SENTENCES, max_size=8), _SENTENCES)
def test_match_is_the_first_best_text_at_or_above_the_threshold(
    texts: list[str], text: str
) -> None:
    """The index's shortcuts (equal text, too short to reach the best) change no answer."""
    form = normalise(text)
    expected: str | None = None
    if len(form) >= MIN_LENGTH:
        best = THRESHOLD
        for item_id, other in ((str(i), normalise(t)) for i, t in enumerate(texts)):
            if len(other) < MIN_LENGTH:
                continue
            if other == form:
                expected = item_id
                break
            score = _ratio_reference(form, other)
            if score >= best and (expected is None or score > best):
                expected, best = item_id, score
    index = NearDuplicateIndex.of((str(i), t) for i, t in enumerate(texts))
    assert index.match(text) == expected


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
