"""A cheap "same or nearly the same text is already at this table" check.

For the scribe's gentle warning while typing: normalise case, accents,
punctuation and spacing, then compare with rapidfuzz. An index keeps the
normalised forms, so each check costs a few microseconds per stored text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
#: Shorter normalised texts never warn: "ja" and "nee" are not duplicates.
MIN_LENGTH = 6
#: rapidfuzz ratio (0-100) from which two texts count as nearly the same.
THRESHOLD = 88.0


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation and emoji as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


@dataclass
class NearDuplicateIndex:
    """Normalised texts of one table, by proposal id."""

    threshold: float = THRESHOLD
    _forms: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls, items: Iterable[tuple[str, str]], threshold: float = THRESHOLD
    ) -> NearDuplicateIndex:
        index = cls(threshold)
        for item_id, text in items:
            index.put(item_id, text)
        return index

    def put(self, item_id: str, text: str) -> None:
        self._forms[item_id] = normalise(text)

    def remove(self, item_id: str) -> None:
        self._forms.pop(item_id, None)

    def __len__(self) -> int:
        return len(self._forms)

    def match(self, text: str, *, ignore: str | None = None) -> str | None:
        """The id of the stored text most like ``text`` at or above the threshold, if any."""
        form = normalise(text)
        if len(form) < MIN_LENGTH:
            return None
        best_id: str | None = None
        best = self.threshold
        for item_id, other in self._forms.items():
            if item_id == ignore or len(other) < MIN_LENGTH:
                continue
            if other == form:
                return item_id
            score = fuzz.ratio(form, other, score_cutoff=best)
            if score >= best and (best_id is None or score > best):
                best_id, best = item_id, score
        return best_id


def find_near_duplicate(text: str, existing: Iterable[tuple[str, str]]) -> str | None:
    """One-off check: the id of a nearly identical text among ``(id, text)`` pairs."""
    return NearDuplicateIndex.of(existing).match(text)
