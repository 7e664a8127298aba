"""Build ``resources/vocabulary/words_nl_en.tsv.gz`` from the wordfreq package's data.

Run once by a developer (not by the app, not in CI), in a venv with ``wordfreq``
installed: ``python scripts/build_word_lists.py``. Takes every alphabetic Dutch word
and every English word with a Zipf frequency of at least 3.0 (used at least once
per million words) from
wordfreq's "large" lists, folds it as the app matches words (lower case, no
accents), keeps the higher frequency of a word in both, and writes ``word<TAB>zipf``
lines, most frequent first. wordfreq's data is CC BY-SA 4.0 (Robyn Speer and
contributors); see resources/vocabulary/LICENSE-wordfreq.txt.
"""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.core.text_normal import fold  # noqa: E402

OUT = ROOT / "resources" / "vocabulary" / "words_nl_en.tsv.gz"
MINIMUM = {"nl": 3.0, "en": 3.0}


def main() -> int:
    import wordfreq  # a developer's tool, not a dependency of the app

    zipf: dict[str, float] = {}
    for lang, minimum in MINIMUM.items():
        for word, freq in wordfreq.get_frequency_dict(lang, wordlist="large").items():
            if not word.isalpha():
                continue
            z = round(math.log10(freq) + 9, 1)
            key = fold(word)
            if z >= minimum and key.isalpha() and z > zipf.get(key, 0.0):
                zipf[key] = z
    rows = sorted(zipf.items(), key=lambda kv: (-kv[1], kv[0]))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        for word, z in rows:
            handle.write(f"{word}\t{z}\n")
    print(f"{OUT}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
