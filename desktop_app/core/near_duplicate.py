"""A cheap "same or nearly the same text is already at this table" check.

For the scribe's gentle warning while typing: normalise case, accents,
punctuation and spacing, then compare with :func:`ratio`, the Indel similarity
(the same figure as ``rapidfuzz.fuzz.ratio``, which the app used before: pure
Python here, so the installed app does not carry an 11 MB native library for
it). An index keeps the normalised forms and their character bit masks, so each
check costs tens of microseconds per stored text of a typical length.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
#: Shorter normalised texts never warn: "ja" and "nee" are not duplicates.
MIN_LENGTH = 6
#: Similarity (:func:`ratio`, 0-100) from which two texts count as nearly the same.
THRESHOLD = 88.0


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation and emoji as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


def _masks(text: str) -> dict[str, int]:
    """For each character of ``text``, the bit mask of the positions where it occurs."""
    masks: dict[str, int] = {}
    bit = 1
    for ch in text:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    return masks


def _lcs_length(masks: dict[str, int], length: int, other: str) -> int:
    """Length of the longest common subsequence of a text and ``other``.

    ``masks`` and ``length`` describe the text (see :func:`_masks`). The
    bit-parallel algorithm of Allison and Dix in Hyyrö's form: one pass over
    ``other`` with a Python int as the bit vector, so a few operations per
    character instead of a row of the dynamic programme. A zero bit in the
    vector's lowest ``length`` bits is one character of the common subsequence.
    """
    vector = (1 << length) - 1
    get = masks.get
    for ch in other:
        mask = get(ch)
        if mask:
            common = vector & mask
            vector = (vector + common) | (vector - common)
    return length - (vector & ((1 << length) - 1)).bit_count()


def _similarity(lcs: int, total: int, score_cutoff: float | None) -> float:
    """The ratio from the common subsequence length, computed as rapidfuzz does.

    Indel distance over the length sum, then ``1 - that``, times 100, in this
    order so the floats (and so comparisons with the threshold) are the same.
    Below ``score_cutoff`` the result is 0, as rapidfuzz's.
    """
    normalised_distance = (total - 2 * lcs) / total if total else 0.0
    similarity = 1.0 - normalised_distance
    if score_cutoff is not None and similarity < score_cutoff / 100:
        return 0.0
    return similarity * 100


def ratio(first: str, second: str, *, score_cutoff: float | None = None) -> float:
    """Indel similarity of two texts, 0-100: ``200 * LCS / (len(first) + len(second))``.

    Equal to ``rapidfuzz.fuzz.ratio`` (no processor): two empty texts give 100,
    an empty and a non-empty one 0, and a score below ``score_cutoff`` gives 0.
    """
    return _similarity(
        _lcs_length(_masks(first), len(first), second), len(first) + len(second), score_cutoff
    )


@dataclass
class NearDuplicateIndex:
    """Normalised texts of one table, by proposal id."""

    threshold: float = THRESHOLD
    _forms: dict[str, str] = field(default_factory=dict)
    _bits: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, items: Iterable[tuple[str, str]], threshold: float = THRESHOLD
    ) -> NearDuplicateIndex:
        index = cls(threshold)
        for item_id, text in items:
            index.put(item_id, text)
        return index

    def put(self, item_id: str, text: str) -> None:
        form = normalise(text)
        self._forms[item_id] = form
        self._bits[item_id] = _masks(form)

    def remove(self, item_id: str) -> None:
        self._forms.pop(item_id, None)
        self._bits.pop(item_id, None)

    def __len__(self) -> int:
        return len(self._forms)

    def match(self, text: str, *, ignore: str | None = None) -> str | None:
        """The id of the stored text most like ``text`` at or above the threshold, if any."""
        form = normalise(text)
        length = len(form)
        if length < MIN_LENGTH:
            return None
        best_id: str | None = None
        best = self.threshold
        for item_id, other in self._forms.items():
            other_length = len(other)
            if item_id == ignore or other_length < MIN_LENGTH:
                continue
            if other == form:
                return item_id
            total = length + other_length
            # The common subsequence is at most the shorter text: skip a text whose
            # length alone keeps it below the best score so far.
            if _similarity(min(length, other_length), total, best) < best:
                continue
            lcs = _lcs_length(self._bits[item_id], other_length, form)
            score = _similarity(lcs, total, best)
            if score >= best and (best_id is None or score > best):
                best_id, best = item_id, score
        return best_id


def find_near_duplicate(text: str, existing: Iterable[tuple[str, str]]) -> str | None:
    """One-off check: the id of a nearly identical text among ``(id, text)`` pairs."""
    return NearDuplicateIndex.of(existing).match(text)
