"""General Dutch and English word frequencies, for reading what scribes type.

``resources/vocabulary/words_nl_en.tsv.gz`` is taken from the ``wordfreq``
package's data (Robyn Speer and contributors; CC BY-SA 4.0, see
``resources/vocabulary/LICENSE-wordfreq.txt``) by ``scripts/build_word_lists.py``:
each alphabetic word, folded, with its Zipf frequency (log10 of uses per billion
words; 6 is "goed", 3 is "werkdruk"). Nothing is downloaded; the app reads the file.

What it is for: splitting compounds the session itself gives no parts for
("pauzeruimte" -> pauze + ruimte, "beeldschermbril" -> beeldscherm + bril). Putting
typos right and weighing words by their general rarity were tried and measured no
better on the development sets, so the list holds only words used at least once
per million (Zipf 3).
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop_app.paths import resource

WORD_LIST = "vocabulary/words_nl_en.tsv.gz"

_MIN_PART = 4  # letters in each part of a split compound
_MIN_PART_ZIPF = 3.0  # each part a common word (the list holds no rarer ones)


@dataclass(frozen=True, slots=True)
class Lexicon:
    zipf: Mapping[str, float]  # folded word -> Zipf frequency (the higher of nl and en)

    def frequency(self, word: str) -> float:
        return self.zipf.get(word, 0.0)

    def split(self, word: str) -> tuple[str, str] | None:
        """``word`` as two common words, the longest head first (a linking s allowed)."""
        zipf = self.zipf
        n = len(word)
        for cut in range(n - _MIN_PART, _MIN_PART - 1, -1):
            head = word[:cut]
            if zipf.get(head, 0.0) < _MIN_PART_ZIPF:
                continue
            for tail in (word[cut:], word[cut + 1 :] if word[cut] == "s" else ""):
                if len(tail) >= _MIN_PART and zipf.get(tail, 0.0) >= _MIN_PART_ZIPF:
                    return head, tail
        return None


@lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        pairs = (line.split("\t") for line in handle.read().splitlines())
        return Lexicon({word: float(z) for word, z in pairs})


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """The shipped word list (or the one at ``path``), loaded once."""
    return _load(str(path if path is not None else resource(WORD_LIST)))
