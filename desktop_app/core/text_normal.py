"""Text normalisation for matching proposals: accents, case, punctuation, emoji.

Pure functions, no state. The stored text is never changed: these produce a
matching form only ("Fysio op lokatie!!! 💪" -> ["fysio", "op", "lokatie"]).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# A word: letters/digits, optionally joined by hyphens, apostrophes, dots (i.v.m.)
# or ending in '+' ("55+"). Slashes, emoji and other punctuation separate words.
_WORD = re.compile(r"[a-z0-9]+(?:['\-.][a-z0-9]+)*\+?")
_JOINERS = str.maketrans("", "", "'-.")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2011": "-"})

# "(zelfde als tafel 3)", "= tafel 1", "idem tafel 2 en 4": notes about other tables.
_TABLE_NOTE = re.compile(
    r"\(?\s*(?:zelfde\s+als|hetzelfde\s+als|idem|same\s+as|=|zie)?\s*"
    r"(?:tafel|table|tafels|tables)\s*\d+(?:\s*(?:,|en|and|&|\+)\s*\d+)*\s*\)?",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents (``"Één"`` -> ``"een"``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def strip_table_notes(text: str) -> str:
    """Remove scribes' notes that point at other tables ("(zelfde als tafel 3)")."""
    return _TABLE_NOTE.sub(" ", text)


def words(text: str) -> list[str]:
    """The words of ``text`` in matching form: folded, joiners removed.

    ``"BHV'ers"`` -> ``"bhvers"``, ``"burn-out"`` -> ``"burnout"``, ``"i.v.m."`` ->
    ``"ivm"``, ``"55+"`` stays ``"55+"``. Emoji and punctuation are dropped.
    """
    return [m.group(0).translate(_JOINERS) for m in _WORD.finditer(fold(text))]


@lru_cache(maxsize=4)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("dutch" if language == "nl" else "english")


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "nl") -> str:
    """The Snowball stem of a folded word (Dutch for ``"nl"``, else English)."""
    if not word.isalpha():
        return word
    return str(_stemmer(language).stemWord(word))
