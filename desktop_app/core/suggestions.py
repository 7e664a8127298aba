"""Offline theme and near-duplicate suggestions for World Café proposals.

Plain word overlap fails on proposals: scribes at different tables say the same
thing in other words ("Fysio op lokatie!!!" beside "Fysiotherapeut op locatie").
So the suggestions stand on a curated vocabulary of workplace health
(``resources/vocabulary/workplace_health.json``): themes made of *concepts*, each
a set of Dutch and English words, stems, synonyms, abbreviations and compound
parts that mean the same.

How a proposal is read:

1. Its text is folded (case, accents), emoji, punctuation and notes such as
   "(zelfde als tafel 3)" are dropped, and it is cut into words.
2. Each word (or phrase) is mapped to concepts: exactly, by its Snowball stem,
   as part of a Dutch compound ("werkplekonderzoek" -> werkplek), or with one
   typo ("mindfullness"). Stop words and the field's filler words ("meer",
   "aanbieden", "medewerkers") count for nothing; other words are kept as
   stems, with typos merged over the whole session ("lokatie" = "locatie").

Each proposal then becomes a vector of features (vocabulary roots, concepts and
themes, its other words and the parts of its compounds, split against the
session's own words or else a general word list, :mod:`desktop_app.core.lexicon`),
weighed by how rare they are in this session (:mod:`desktop_app.core.session_words`).

Blind themes: the proposals start in the vocabulary theme their concepts point
at most (or borrow one from the session's proposals that share their words), and
these groups merge by average likeness until there are as many themes as a
facilitator would make (:mod:`desktop_app.core.theme_clusters`); each is named
after the vocabulary theme most of its proposals are in, else after its words.

Placement (:func:`rank_themes`): once the facilitator has placed cards in their
own themes, every card in the tray gets those themes ranked, learnt from the
placed cards, the themes' names, the rounds and the session's own words
(:mod:`desktop_app.core.placement`).

Duplicates: two proposals whose narrow meaning is nearly the same, each with
little the other lacks, and not two different kinds of action (information, a
measurement, a course) on one topic. Precision comes first: a facilitator must
be able to trust them.

Everything is deterministic and independent of the order of the input.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop_app.core import placement
from desktop_app.core.lexicon import Lexicon, load_lexicon
from desktop_app.core.session_words import Vector, neighbours, similarities, split_compound, tfidf
from desktop_app.core.text_normal import stem, strip_table_notes, words
from desktop_app.core.theme_clusters import cluster
from desktop_app.paths import resource

VOCABULARY_RESOURCE = "vocabulary/workplace_health.json"

# Matching
_MIN_COMPOUND_PART = 5  # a term this long may be any part of a compound
_MIN_COMPOUND_HEAD = 4  # a term this long may be the first part of a compound
_MIN_REST = 3  # what a compound part leaves over must look like a word
_MIN_FUZZY = 6  # words this long may carry one typo

# Themes
#: The vocabulary's themes start the clustering and name the themes only when the
#: vocabulary reads at least this share of the session's proposals. A library's or
#: a village's World Café is not about workplace health: there its few matches
#: ("avond", "ouderen", "sport") would pull unrelated cards together under a name
#: such as "Werk-privébalans", and the session's own words do better (measured:
#: blind3's two World Cafés from theme F1 0.25 and 0.22 to 0.32 and 0.33; the
#: workplace-health sessions, all above 0.7, are unchanged).
_VOCABULARY_FIELD = 0.7
#: ... counting this many proposals more as read: the app is made for workplace
#: health, so a session of a handful of cards is taken to be in its field.
_FIELD_PRIOR = 4
_MIN_THEME_SCORE = 1.0
_BORROW_MIN_SCORE = 1.0
_BORROW_MIN_SHARE = 0.6


# --------------------------------------------------------------------------- types


@dataclass(frozen=True, slots=True)
class ThemeSuggestion:
    """A candidate theme: a name and the proposals that would go in it."""

    name: str
    proposal_ids: tuple[str, ...]
    standard_name_key: str | None = None  # vocabulary theme key, None if built from words


@dataclass(frozen=True, slots=True)
class Suggestions:
    """What the engine suggests; nothing is applied until the facilitator accepts."""

    duplicates: list[tuple[str, str]] = field(default_factory=list)
    themes: list[ThemeSuggestion] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The form printed by ``tafelronde suggest --json``."""
        return {
            "duplicates": [[a, b] for a, b in self.duplicates],
            "themes": [{"name": t.name, "proposal_ids": list(t.proposal_ids)} for t in self.themes],
        }


@dataclass(frozen=True, slots=True)
class VocabularyTheme:
    key: str
    names: Mapping[str, str]  # language -> standard name
    concepts: tuple[str, ...]  # concept ids "theme.concept"

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("nl") or self.key


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The compiled vocabulary: themes and fast look-ups from words to concepts."""

    themes: tuple[VocabularyTheme, ...]
    concept_theme: Mapping[str, str]  # concept id -> theme key
    words: Mapping[str, frozenset[str]]  # folded single word -> concepts
    stems: Mapping[str, frozenset[str]]  # stem of a single word -> vocabulary words
    phrases: Mapping[tuple[str, ...], frozenset[str]]  # folded words of a phrase -> concepts
    max_phrase: int
    near: Mapping[str, frozenset[str]]  # one-deletion keys of long words -> words
    roots: Mapping[str, str]  # vocabulary word or phrase -> what it means most narrowly
    stopwords: frozenset[str]
    filler: frozenset[str]
    filler_stems: frozenset[str]

    def theme(self, key: str) -> VocabularyTheme:
        for theme in self.themes:
            if theme.key == key:
                return theme
        raise KeyError(key)


# ---------------------------------------------------------------------- vocabulary


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _compile(doc: Mapping[str, Any]) -> Vocabulary:
    themes: list[VocabularyTheme] = []
    concept_theme: dict[str, str] = {}
    word_map: dict[str, set[str]] = defaultdict(set)
    stem_map: dict[str, set[str]] = defaultdict(set)
    phrase_map: dict[tuple[str, ...], set[str]] = defaultdict(set)
    concept_words: dict[str, set[str]] = defaultdict(set)
    for entry in doc["themes"]:
        key = str(entry["key"])
        names = {str(lang): str(name) for lang, name in entry["name"].items()}
        concept_ids: list[str] = []
        for concept, terms in entry["concepts"].items():
            cid = f"{key}.{concept}"
            concept_ids.append(cid)
            concept_theme[cid] = key
            for term in terms:
                parts = tuple(words(str(term)))
                if len(parts) == 1:
                    word_map[parts[0]].add(cid)
                    concept_words[cid].add(parts[0])
                    for lang in ("nl", "en"):
                        stem_map[stem(parts[0], lang)].add(parts[0])
                elif parts:
                    phrase_map[parts].add(cid)
        themes.append(VocabularyTheme(key, names, tuple(concept_ids)))
    near: dict[str, set[str]] = defaultdict(set)
    for word in word_map:
        if len(word) >= _MIN_FUZZY and word.isalpha():
            for key in _deletions(word) | {word}:
                near[key].add(word)
    roots = _roots(doc, word_map, phrase_map, concept_words)
    stop = {w for lang_words in doc["stopwords"].values() for t in lang_words for w in words(t)}
    filler = {w for t in doc["filler"] for w in words(str(t))}
    return Vocabulary(
        themes=tuple(themes),
        concept_theme=concept_theme,
        words={w: frozenset(c) for w, c in word_map.items()},
        stems={s: frozenset(w) for s, w in stem_map.items() if len(s) >= 3},
        phrases={p: frozenset(c) for p, c in phrase_map.items()},
        max_phrase=max((len(p) for p in phrase_map), default=1),
        near={k: frozenset(v) for k, v in near.items()},
        roots=roots,
        stopwords=frozenset(stop),
        filler=frozenset(filler),
        filler_stems=frozenset(stem(w, lang) for w in filler for lang in ("nl", "en")),
    )


def _roots(
    doc: Mapping[str, Any],
    word_map: Mapping[str, set[str]],
    phrase_map: Mapping[tuple[str, ...], set[str]],
    concept_words: Mapping[str, set[str]],
) -> dict[str, str]:
    """The narrowest meaning of each vocabulary word, for telling duplicates.

    Words listed together under ``same`` share one root ("gym" = "sportschool");
    otherwise a word's root is the shortest vocabulary word of its concept that it
    starts with ("fysiotherapeut" -> "fysio"), else its own stem.
    """
    roots: dict[str, str] = {}
    for group in doc.get("same", []):
        members = [" ".join(words(str(term))) for term in group]
        label = "=" + min(m for m in members if m)
        for member in members:
            if member:
                roots.setdefault(member, label)
    for word, concepts in word_map.items():
        if word in roots:
            continue
        prefixes = [
            other
            for cid in concepts
            for other in concept_words[cid]
            if len(other) >= 4 and other != word and word.startswith(other)
        ]
        base = min(prefixes, key=lambda w: (len(w), w)) if prefixes else word
        roots[word] = roots.get(base) or stem(base, "nl")
    # One stem, two meanings: "ouderschapsverlof" (parent) and "oudere" (older) both
    # stem to "ouder". A root whose words sit in different themes keeps them apart.
    themes_of: dict[str, set[frozenset[str]]] = defaultdict(set)
    for word, concepts in word_map.items():
        if not roots[word].startswith("="):
            themes_of[roots[word]].add(frozenset(c.split(".", 1)[0] for c in concepts))
    for word, concepts in word_map.items():
        root = roots[word]
        if len(themes_of.get(root, ())) > 1:
            roots[word] = root + "@" + "+".join(sorted({c.split(".", 1)[0] for c in concepts}))
    for parts in phrase_map:
        key = " ".join(parts)
        roots.setdefault(key, key)
    return roots


@lru_cache(maxsize=8)
def _load(path: str) -> Vocabulary:
    with open(path, encoding="utf-8") as handle:
        return _compile(json.load(handle))


def load_vocabulary(path: Path | str | None = None) -> Vocabulary:
    """Load and compile a vocabulary file; the shipped one when ``path`` is None."""
    return _load(str(Path(path) if path is not None else resource(VOCABULARY_RESOURCE)))


def standard_theme_names(language: str = "nl", vocabulary: Vocabulary | None = None) -> list[str]:
    """The standard theme names a facilitator can pick from, in vocabulary order."""
    vocab = vocabulary or load_vocabulary()
    return [theme.name(language) for theme in vocab.themes]


# ------------------------------------------------------------------------ reading


@dataclass(slots=True)
class _Reading:
    """What one proposal says, in concepts, vocabulary roots and leftover words."""

    concepts: dict[str, float]  # concept -> weight
    first_seen: dict[str, int]  # concept -> position of its first word
    roots: set[str]  # narrowest meanings of the vocabulary words found
    residual: list[str]  # stems of words that are no concept, stop word or filler
    surface: dict[str, str]  # residual stem -> the word as folded
    filler: list[str] = field(default_factory=list)  # stems of the field's filler words
    tokens: tuple[str, ...] = ()  # all its words, folded
    said: str = ""  # its text without table notes, as written


class _Reader:
    def __init__(self, vocab: Vocabulary, language: str) -> None:
        self.vocab = vocab
        self.language = language
        self.other = "en" if language == "nl" else "nl"
        self._cache: dict[str, frozenset[str] | str | None] = {}

    def lookup(self, word: str) -> frozenset[str] | str | None:
        """The vocabulary words ``word`` stands for; its stem if it is plain
        content; None if it is noise (stop word, filler, number)."""
        if word not in self._cache:
            self._cache[word] = self._lookup(word)
        return self._cache[word]

    def _lookup(self, word: str) -> frozenset[str] | str | None:
        vocab = self.vocab
        if word in vocab.words:
            return frozenset((word,))
        if word in vocab.stopwords or word in vocab.filler:
            return None
        if not any(ch.isalpha() for ch in word) or len(word) < 2:
            return None  # numbers, "2x", "x"
        stems = (stem(word, self.language), stem(word, self.other))
        for s in stems:
            if s in vocab.stems:
                return vocab.stems[s]
        if stems[0] in vocab.filler_stems:
            return None
        return self._compound(word) or self._fuzzy(word) or stems[0]

    def _compound(self, word: str) -> frozenset[str]:
        """The vocabulary words that make up a compound ("werkplekonderzoek")."""
        vocab = self.vocab
        n = len(word)
        hits: list[tuple[int, int, int]] = []  # (-length, start, end)
        for i in range(n):
            for j in range(n, i + _MIN_COMPOUND_HEAD - 1, -1):
                length = j - i
                if length == n:
                    continue
                if length < (_MIN_COMPOUND_HEAD if i == 0 else _MIN_COMPOUND_PART):
                    break
                if word[i:j] in vocab.words:
                    hits.append((-length, i, j))
        hits.sort()
        taken: list[tuple[int, int]] = []
        for _neg, i, j in hits:
            if not any(i < e and s < j for s, e in taken):
                taken.append((i, j))
        if not taken:
            return frozenset()
        if len(taken) == 1 and n - (taken[0][1] - taken[0][0]) < _MIN_REST:
            return frozenset()  # "fietsen" is a form of "fiets", not a compound
        return frozenset(word[i:j] for i, j in taken)

    def _fuzzy(self, word: str) -> frozenset[str]:
        """The vocabulary word one typo away from ``word`` ("mindfullness")."""
        if len(word) < _MIN_FUZZY or not word.isalpha():
            return frozenset()
        near = self.vocab.near
        candidates: set[str] = set(near.get(word, ()))
        for key in _deletions(word):
            candidates |= near.get(key, frozenset())
        candidates = {c for c in candidates if c[0] == word[0] and _one_edit(word, c)}
        if not candidates:
            return frozenset()
        return frozenset((min(candidates, key=lambda c: (abs(len(c) - len(word)), c)),))

    def read(self, text: str) -> _Reading:
        said = strip_table_notes(text)
        tokens = words(said)
        vocab = self.vocab
        reading = _Reading({}, {}, set(), [], {}, tokens=tuple(tokens), said=said)

        def add(found: frozenset[str], key: str, position: int) -> None:
            share = 1.0 / len(found)
            for cid in found:
                reading.concepts[cid] = max(reading.concepts.get(cid, 0.0), share)
                reading.first_seen.setdefault(cid, position)
            reading.roots.add(vocab.roots.get(key, key))

        i = 0
        while i < len(tokens):
            size = min(vocab.max_phrase, len(tokens) - i)
            while size > 1 and tuple(tokens[i : i + size]) not in vocab.phrases:
                size -= 1
            if size > 1:
                phrase = tuple(tokens[i : i + size])
                add(vocab.phrases[phrase], " ".join(phrase), i)
                i += size
                continue
            found = self.lookup(tokens[i])
            if isinstance(found, frozenset):
                for term in sorted(found):
                    add(vocab.words[term], term, i)
            elif isinstance(found, str):
                reading.residual.append(found)
                reading.surface.setdefault(found, tokens[i])
            elif self.is_filler(tokens[i]):
                reading.filler.append(stem(tokens[i], self.language))
            i += 1
        return reading

    def is_filler(self, word: str) -> bool:
        """A word of the field's filler list ("cursus", "check", "meer"), no stop word."""
        vocab = self.vocab
        if word in vocab.stopwords or len(word) < 3 or not word.isalpha():
            return False
        return word in vocab.filler or stem(word, self.language) in vocab.filler_stems


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _merge_typos(readings: Mapping[str, _Reading]) -> dict[str, str]:
    """Map leftover stems with one typo onto the session's most common spelling."""
    counts: Counter[str] = Counter()
    for reading in readings.values():
        counts.update(set(reading.residual))
    by_key: dict[str, set[str]] = defaultdict(set)
    for word in counts:
        if len(word) >= _MIN_FUZZY and word.isalpha():
            for key in _deletions(word) | {word}:
                by_key[key].add(word)
    parent: dict[str, str] = {}

    def find(w: str) -> str:
        while parent.get(w, w) != w:
            w = parent[w]
        return w

    for group in by_key.values():
        if len(group) < 2:
            continue
        ordered = sorted(group)
        for other in ordered[1:]:
            a, b = find(ordered[0]), find(other)
            if a != b and a[0] == b[0] and _one_edit(ordered[0], other):
                keep, drop = sorted((a, b), key=lambda w: (-counts[w], w))
                parent[drop] = keep
    return {w: find(w) for w in parent}


# ------------------------------------------------------------------------- themes


def _theme_scores(reading: _Reading, vocab: Vocabulary) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    for cid, weight in reading.concepts.items():
        scores[vocab.concept_theme[cid]] += weight
    return scores


def _best_theme(reading: _Reading, vocab: Vocabulary, prior: Mapping[str, float]) -> str | None:
    scores = _theme_scores(reading, vocab)
    if not scores:
        return None
    first: dict[str, int] = {}
    for cid, pos in reading.first_seen.items():
        key = vocab.concept_theme[cid]
        first[key] = min(first.get(key, pos), pos)
    best = min(scores, key=lambda k: (-scores[k], -prior.get(k, 0.0), first[k], k))
    return best if scores[best] >= _MIN_THEME_SCORE - 1e-9 else None


def _as_written(said: str) -> dict[str, str]:
    """Each folded word of a text as written, so that a theme named after it keeps
    "Taalcafé" and "DigiD"; ordinary and shouted words in lower case."""
    written: dict[str, str] = {}
    for word in _WRITTEN_WORD.findall(said):
        folded = words(word)
        if len(folded) == 1:
            plain = word[1:].islower() or (word.isupper() and len(word) > 4)
            written.setdefault(folded[0], word.lower() if plain else word)
    return written


def _characteristic_name(
    members: Sequence[str],
    readings: Mapping[str, _Reading],
    raw: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """One or two words most members share (the parts of their compounds count:
    "Verkeersdrempels" says "drempels"), each as the members write it most often,
    longest first on a tie."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for pid in members:
        reading = readings[pid]
        written = _as_written(reading.said)
        for s in reading.residual:
            token = reading.surface.get(s, s)
            forms[s][written.get(token, token)] += 1
    counts: Counter[str] = Counter()
    for pid in members:
        said = set(readings[pid].residual)
        if raw is not None:  # a compound's part counts where a member says it alone
            said |= {f[2:] for f, kind in raw[pid].items() if kind == "p" and f[2:] in forms}
        counts.update(said)
    surface = {  # the commonest form; on a tie the shorter, then the one with accents
        s: min(seen, key=lambda w: (-seen[w], len(w), w.isascii(), w)) for s, seen in forms.items()
    }

    def rank(word: str) -> tuple[int, int, str]:
        return (-counts[word], -len(surface.get(word) or word), word)

    ranked = sorted(counts, key=rank)
    top = [w for w in ranked[:2] if counts[w] * 2 > len(members) or w == ranked[0]]
    name = " & ".join(surface.get(w) or w for w in top) or "?"
    return name[:1].upper() + name[1:]


def _themes(
    ids: Sequence[str],
    readings: Mapping[str, _Reading],
    vocab: Vocabulary,
    language: str,
) -> list[ThemeSuggestion]:
    assigned: dict[str, str] = {}
    for pid in ids:
        key = _best_theme(readings[pid], vocab, {})
        if key is not None:
            assigned[pid] = key

    # Borrow: a proposal without concepts joins the theme its words share most
    # with the proposals already placed in this session.
    word_theme: dict[str, Counter[str]] = defaultdict(Counter)
    for pid, key in assigned.items():
        for s in set(readings[pid].residual):
            word_theme[s][key] += 1
    for pid in ids:
        if pid in assigned:
            continue
        votes: dict[str, float] = defaultdict(float)
        for s in set(readings[pid].residual):
            dist = word_theme.get(s)
            if not dist:
                continue
            total = sum(dist.values())
            for key, count in dist.items():
                votes[key] += count / total
        if votes:
            key = min(votes, key=lambda k: (-votes[k], k))
            if votes[key] >= _BORROW_MIN_SCORE and votes[key] / sum(votes.values()) >= (
                _BORROW_MIN_SHARE
            ):
                assigned[pid] = key

    groups: dict[str, list[str]] = defaultdict(list)
    for pid, key in assigned.items():
        groups[key].append(pid)
    result = [
        ThemeSuggestion(vocab.theme(key).name(language), tuple(sorted(members)), key)
        for key, members in groups.items()
    ]

    # The rest: group by shared leftover words, name after the commonest.
    rest = sorted(pid for pid in ids if pid not in assigned and readings[pid].residual)
    by_word: dict[str, list[str]] = defaultdict(list)
    for pid in rest:
        for s in set(readings[pid].residual):
            by_word[s].append(pid)
    parent = {pid: pid for pid in rest}

    def find(p: str) -> str:
        while parent[p] != p:
            p = parent[p]
        return p

    for members in by_word.values():
        if 2 <= len(members) <= max(2, len(rest) // 3):
            root = find(members[0])
            for other in members[1:]:
                r = find(other)
                if r != root:
                    parent[max(r, root)] = min(r, root)
                    root = min(r, root)
    clusters: dict[str, list[str]] = defaultdict(list)
    for pid in rest:
        clusters[find(pid)].append(pid)
    for members in clusters.values():
        if len(members) >= 2:
            result.append(ThemeSuggestion(_characteristic_name(members, readings), tuple(members)))
    result.sort(key=lambda t: (-len(t.proposal_ids), t.name, t.proposal_ids))
    return result


# ------------------------------------------------------------- session features

# What each kind of feature weighs before the session's own rarity is applied.
# Kinds: r vocabulary root, w word, p part of a compound, c vocabulary concept,
# t vocabulary theme, a filler word ("cursus", "check"), x the round it was said in.
_THEME_FEATURES = {"r": 1.0, "w": 1.0, "p": 0.6, "c": 0.5, "t": 0.35, "a": 0.2, "x": 1.0}
_PLACEMENT_FEATURES = {"r": 1.0, "w": 1.0, "p": 0.6, "c": 1.0, "t": 1.0, "a": 0.2, "x": 0.6}
_DUPLICATE_FEATURES = {"r": 1.0, "w": 1.0, "p": 0.5, "c": 0.15, "t": 0.0, "a": 0.2, "x": 0.0}
#: Likeness (cosine of the duplicate features) from which two proposals are duplicates.
_DUPLICATE_LIKENESS = 0.6
#: Each of two duplicates has at least this share of its weight (squared, so the part
#: the cosine sees) in features the other has too: "Bloeddruk" is not "Gewicht en
#: bloeddruk", the second also asks for something else.
_DUPLICATE_COVERAGE = 0.4
#: Kinds of action. Two proposals that each name a kind, and no kind in common, ask
#: for different things about the same topic ("Voorlichting over alcohol" is not an
#: "alcoholtest"). A word is of a kind when it is, or ends in, one of these.
_ACTION_KINDS: Mapping[str, tuple[str, ...]] = {
    "inform": ("voorlichting", "informatie", "info", "folder", "uitleg", "lezing", "presentatie"),
    "measure": ("test", "testen", "check", "checken", "meten", "meting", "keuring", "screening"),
    "course": ("cursus", "training", "workshop", "les", "lessen", "course"),
}
_NEIGHBOURS = 8
# A word as written (letters of any script, joined by an apostrophe or a hyphen).
_WRITTEN_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(slots=True)
class _Session:
    """One session read: each proposal's raw features by kind, and the readings."""

    ids: list[str]
    readings: dict[str, _Reading]
    raw: dict[str, dict[str, str]]  # pid -> feature -> kind
    best: dict[str, str | None]  # pid -> vocabulary theme key


def _read_session(
    proposals: Sequence[tuple[str, str]],
    vocab: Vocabulary,
    language: str,
    rounds: Mapping[str, str] | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[_Session, _Reader]:
    lexicon = lexicon if lexicon is not None else load_lexicon()
    reader = _Reader(vocab, language)
    texts = dict(proposals)
    ids = sorted(texts)
    readings = {pid: reader.read(texts[pid]) for pid in ids}
    typos = _merge_typos(readings)
    for reading in readings.values():
        reading.residual = [typos.get(w, w) for w in reading.residual]
    known_words: dict[str, str] = {}
    for reading in readings.values():
        for w in reading.residual:
            known_words.setdefault(reading.surface.get(w, w), w)
            known_words.setdefault(w, w)
        for w in reading.filler:
            known_words.setdefault(w, w)

    def known(part: str) -> str | None:
        if part in known_words:
            return known_words[part]
        if part in vocab.words:
            return vocab.roots.get(part, part)
        s = stem(part, language)
        return known_words.get(s)

    raw: dict[str, dict[str, str]] = {}
    best: dict[str, str | None] = {}
    for pid in ids:
        reading = readings[pid]
        feats: dict[str, str] = {}
        for root in reading.roots:
            feats["r:" + root] = "r"
        for cid in reading.concepts:
            feats["c:" + cid] = "c"
        for key in _theme_scores(reading, vocab):
            feats["t:" + key] = "t"
        for w in reading.residual:
            surface = reading.surface.get(w, w)
            feats["w:" + w] = "w"
            parts = split_compound(surface, known)
            if parts is not None:
                for part in parts:
                    feats.setdefault("w:" + part, "p")
            elif (general := lexicon.split(surface)) is not None:
                for part in general:
                    meant = reader.lookup(part)
                    if isinstance(meant, frozenset):
                        for term in meant:
                            feats.setdefault("r:" + vocab.roots.get(term, term), "p")
                    elif isinstance(meant, str):
                        feats.setdefault("w:" + meant, "p")
        for w in reading.filler:
            feats.setdefault("w:" + w, "a")
        if rounds and pid in rounds:
            feats["x:" + rounds[pid]] = "x"
        raw[pid] = feats
        best[pid] = _best_theme(reading, vocab, {})
    return _Session(ids, readings, raw, best), reader


_ACTION_OF = {term: kind for kind, terms in _ACTION_KINDS.items() for term in terms}
_ACTION_WORD = re.compile(
    r"\b(?:\w*?("
    + "|".join(sorted((t for t in _ACTION_OF if len(t) >= 4), key=lambda t: (-len(t), t)))
    + r")|("
    + "|".join(sorted(t for t in _ACTION_OF if len(t) < 4))
    + r"))\b"
)


def _action_kinds(tokens: Sequence[str]) -> frozenset[str]:
    """The kinds of action (:data:`_ACTION_KINDS`) a proposal's words name: a word
    that is one of its terms, or ends in one of four letters or more ("alcoholtest")."""
    folded = " ".join(tokens)
    return frozenset(_ACTION_OF[m.group(1) or m.group(2)] for m in _ACTION_WORD.finditer(folded))


def _vectors(session: _Session, weights: Mapping[str, float]) -> dict[str, Vector]:
    return tfidf(
        {
            pid: {f: weights[kind] for f, kind in feats.items() if weights[kind] > 0}
            for pid, feats in session.raw.items()
        }
    )


# ------------------------------------------------------------------ naming themes


def _theme_name(
    members: Sequence[str],
    session: _Session,
    vocab: Vocabulary,
    language: str,
    taken: set[str],
    *,
    standard: bool = True,
) -> tuple[str, str | None]:
    """The vocabulary theme most members are in (when ``standard``), else the words
    they share."""
    counts = Counter(
        session.best[pid] for pid in members if standard and session.best[pid] is not None
    )
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or "")):
        if key is None or count * 10 < len(members) * 4:
            break
        name = vocab.theme(key).name(language)
        if name not in taken:
            return name, key
    name = _characteristic_name(members, session.readings, session.raw)
    return name, None


# --------------------------------------------------------------------- duplicates


def _duplicate_pairs(session: _Session) -> list[tuple[str, str]]:
    """Pairs whose narrow meaning (vocabulary roots, words, compound parts, and a
    little of the concepts and filler words) is nearly the same, weighed by rarity
    in the session. Strict on purpose: a suggested duplicate must be right."""
    vectors = _vectors(session, _DUPLICATE_FEATURES)
    pairs: list[tuple[str, str]] = []
    kinds: dict[str, frozenset[str]] = {}

    def kinds_of(pid: str) -> frozenset[str]:
        if pid not in kinds:
            kinds[pid] = _action_kinds(session.readings[pid].tokens)
        return kinds[pid]

    for (a, b), likeness in similarities(vectors).items():
        if likeness < _DUPLICATE_LIKENESS - 1e-9:
            continue
        va, vb = vectors[a], vectors[b]
        if (
            min(
                sum(w * w for f, w in va.items() if f in vb),
                sum(w * w for f, w in vb.items() if f in va),
            )
            < _DUPLICATE_COVERAGE
        ):
            continue
        kinds_a, kinds_b = kinds_of(a), kinds_of(b)
        if kinds_a and kinds_b and not kinds_a & kinds_b:
            continue
        pairs.append((a, b))
    return sorted(pairs)


# --------------------------------------------------------------------------- API


def suggest(
    proposals: Sequence[tuple[str, str]],
    language: str = "nl",
    vocabulary: Vocabulary | None = None,
    rounds: Mapping[str, str] | None = None,
) -> Suggestions:
    """Suggest near-duplicates and themes for ``(proposal_id, text)`` pairs.

    ``rounds`` (proposal id -> round id), when given, lets proposals of one round
    lean together a little: each round has its own question.

    Each proposal is in at most one suggested theme. The result depends only on
    the set of pairs, not on their order. Ids must be unique.
    """
    vocab = vocabulary or load_vocabulary()
    lang = "en" if language == "en" else "nl"
    session, _reader = _read_session(proposals, vocab, lang, rounds)
    vectors = _vectors(session, _THEME_FEATURES)
    read = sum(1 for pid in session.ids if session.best[pid] is not None)
    in_field = read + _FIELD_PRIOR >= _VOCABULARY_FIELD * (len(session.ids) + _FIELD_PRIOR)
    start = [
        t.proposal_ids
        for t in _themes(session.ids, session.readings, vocab, lang)
        if in_field or t.standard_name_key is None
    ]
    groups = cluster(session.ids, similarities(vectors), vectors, start=start)
    themes: list[ThemeSuggestion] = []
    taken: set[str] = set()
    for members in groups:
        name, key = _theme_name(members, session, vocab, lang, taken, standard=in_field)
        taken.add(name)
        themes.append(ThemeSuggestion(name, tuple(members), key))
    return Suggestions(duplicates=_duplicate_pairs(session), themes=themes)


@dataclass(frozen=True, slots=True)
class _PlacementInput:
    """What rank_themes learns from besides the placed cards, read once."""

    key: tuple[object, ...]
    vectors: dict[str, Vector]
    name_vectors: dict[str, Vector]
    sims: dict[tuple[str, str], float]
    near: dict[str, list[tuple[str, float]]]


class ThemeRanker:
    """:func:`rank_themes` for a board that changes often: the session's texts, theme
    names and rounds are read once and kept while they stay the same, so ranking
    again after a card is placed only weighs the placed cards anew."""

    def __init__(self, language: str = "nl", vocabulary: Vocabulary | None = None) -> None:
        self.language = "en" if language == "en" else "nl"
        self.vocabulary = vocabulary
        self._input: _PlacementInput | None = None

    def _read(
        self,
        proposals: Sequence[tuple[str, str]],
        names: Mapping[str, str],
        rounds: Mapping[str, str] | None,
    ) -> _PlacementInput:
        key = (
            tuple(sorted(proposals)),
            tuple(sorted(names.items())),
            tuple(sorted((rounds or {}).items())),
        )
        if self._input is not None and self._input.key == key:
            return self._input
        vocab = self.vocabulary or load_vocabulary()
        name_ids = {f"\x00theme:{t}": t for t in names}
        session, _reader = _read_session(
            [*proposals, *((nid, names[t]) for nid, t in name_ids.items())],
            vocab,
            self.language,
            rounds,
        )
        vectors = _vectors(session, _PLACEMENT_FEATURES)
        name_vectors = {t: vectors.pop(nid) for nid, t in name_ids.items()}
        sims = similarities(vectors, broad=("x:",))
        near = neighbours(sims, sorted(vectors), _NEIGHBOURS)
        self._input = _PlacementInput(key, vectors, name_vectors, sims, near)
        return self._input

    def rank(
        self,
        proposals: Sequence[tuple[str, str]],
        placed: Mapping[str, str],
        theme_names: Mapping[str, str] | None = None,
        rounds: Mapping[str, str] | None = None,
    ) -> dict[str, list[str]]:
        """As :func:`rank_themes`."""
        names = dict(theme_names or {})
        themes = sorted(set(placed.values()) | set(names))
        if not themes:
            return {}
        read = self._read(proposals, names, rounds)
        live = {pid: t for pid, t in placed.items() if pid in read.vectors}
        return placement.rank(
            read.vectors, read.near, live, themes, read.name_vectors, sims=read.sims
        )


def rank_themes(
    proposals: Sequence[tuple[str, str]],
    placed: Mapping[str, str],
    language: str = "nl",
    vocabulary: Vocabulary | None = None,
    theme_names: Mapping[str, str] | None = None,
    rounds: Mapping[str, str] | None = None,
) -> dict[str, list[str]]:
    """For every proposal not in ``placed`` (proposal id -> theme id): the themes
    of ``placed`` and ``theme_names`` (theme id -> name), most likely first.

    Learns from the placed cards, the themes' names, the session's own words,
    the vocabulary and, when ``rounds`` (proposal id -> round id) is given, the
    rounds: each round has its own question, so its proposals lean to the themes
    its placed cards went to. Deterministic; independent of the order of
    ``proposals``.
    """
    ranker = ThemeRanker(language, vocabulary)
    return ranker.rank(proposals, placed, theme_names, rounds)
