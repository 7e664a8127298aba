"""The shipped Dutch/English word list (from wordfreq's data) and compound splitting."""

from __future__ import annotations

import gzip
from pathlib import Path

from desktop_app.core.lexicon import load_lexicon
from desktop_app.paths import resource


def test_the_shipped_list_is_read_offline_and_knows_common_words() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.zipf) > 40_000
    assert lexicon.frequency("werk") > lexicon.frequency("werkdruk") > 3.0
    assert lexicon.frequency("xqzv") == 0.0
    assert all(word == word.lower() and word.isalpha() for word in list(lexicon.zipf)[:1000])


def test_compounds_split_into_two_common_words() -> None:
    lexicon = load_lexicon()
    assert lexicon.split("pauzeruimte") == ("pauze", "ruimte")
    assert lexicon.split("beeldschermbril") == ("beeldscherm", "bril")
    assert lexicon.split("arbeidsvoorwaarden") == ("arbeid", "voorwaarden")  # linking s
    assert lexicon.split("werkdruk") == ("werk", "druk")
    assert lexicon.split("fietsen") is None  # a form, not a compound
    assert lexicon.split("bus") is None


def test_a_list_can_be_given_as_a_file(tmp_path: Path) -> None:
    path = tmp_path / "words.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("koffie\t4.5\nautomaat\t3.5\n")
    lexicon = load_lexicon(path)
    assert lexicon.split("koffieautomaat") == ("koffie", "automaat")
    assert Path(resource("vocabulary/LICENSE-wordfreq.txt")).is_file()
