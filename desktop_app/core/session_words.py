"""Weighted word vectors of one session's proposals, and who resembles whom.

A proposal is a handful of *features* ("r:fysio", "w:kantoor", "t:beweging"),
each with a weight for what kind of feature it is. Here those weights are
multiplied by how rare the feature is *in this session* (a word every table
used says little about which theme a card belongs to) and the vector is
normalised, so the cosine of two vectors is their likeness, 0 to 1.

Compound words are also split against the session's own words: when one table
writes "thuiswerkvergoeding" and another "vergoeding voor thuiswerk", both get
the features of "thuiswerk" and "vergoeding".

Pure functions over plain dicts; deterministic (ties broken by id).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

Vector = dict[str, float]

_MIN_PART = 4  # each part of a split compound has at least this many letters
_LINKS = ("", "s", "e", "en")  # Dutch linking sounds between compound parts


def split_compound(word: str, known: Callable[[str], str | None]) -> tuple[str, str] | None:
    """``word`` as two known parts (``known`` maps a part to its key, or None).

    The longest known head wins; a linking "s", "e" or "en" may sit between
    the parts ("arbeidsomstandigheden" -> arbeid + omstandigheden).
    """
    n = len(word)
    for cut in range(n - _MIN_PART, _MIN_PART - 1, -1):
        head = known(word[:cut])
        if head is None:
            continue
        for link in _LINKS:
            rest = word[cut:]
            if link and not rest.startswith(link):
                continue
            tail_word = rest[len(link) :]
            if len(tail_word) < _MIN_PART:
                continue
            tail = known(tail_word)
            if tail is not None:
                return head, tail
    return None


def tfidf(features: Mapping[str, Mapping[str, float]]) -> dict[str, Vector]:
    """Weight each feature by its rarity over ``features`` and normalise (cosine ready).

    ``idf = log((N + 1) / (df + 0.5))``: a feature in every proposal keeps a little
    weight, one in a single proposal weighs most.
    """
    n = len(features)
    df: dict[str, int] = defaultdict(int)
    for feats in features.values():
        for f in feats:
            df[f] += 1
    idf = {f: math.log((n + 1) / (d + 0.5)) for f, d in df.items()}
    vectors: dict[str, Vector] = {}
    for pid, feats in features.items():
        vec = {f: w * idf[f] for f, w in feats.items() if w * idf[f] > 0}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors[pid] = {f: v / norm for f, v in vec.items()} if norm else {}
    return vectors


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[f] for f, w in a.items() if f in b)


def centroid(vectors: Iterable[Mapping[str, float]]) -> Vector:
    """The normalised mean of some vectors."""
    total: Vector = defaultdict(float)
    for vec in vectors:
        for f, w in vec.items():
            total[f] += w
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {f: v / norm for f, v in total.items()} if norm else {}


def similarities(
    vectors: Mapping[str, Mapping[str, float]],
    *,
    max_df: float = 0.35,
    max_postings: int = 150,
    broad: tuple[str, ...] = ("t:", "c:"),
) -> dict[tuple[str, str], float]:
    """Cosine of every pair of proposals that shares a feature (pairs ``a < b``).

    Features in more than ``max_df`` of the proposals (and more than 12, at most
    ``max_postings``) are left out of the search for candidate pairs but still
    count in the cosine, so a word every table used does not make every pair a
    candidate; so are the ``broad`` features (a vocabulary theme or concept alone
    is no likeness). The dot products are summed feature by feature, as a sparse
    matrix product.
    """
    ids = sorted(vectors)
    limit = max(12, min(max_postings, int(max_df * len(ids))))
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    common: set[str] = set()
    for pid in ids:
        for f, w in vectors[pid].items():
            postings[f].append((pid, w))
    for f, members in postings.items():
        if f.startswith(broad) or len(members) > limit:
            common.add(f)
    dots: dict[tuple[str, str], float] = defaultdict(float)
    for f, members in postings.items():
        if f in common or len(members) < 2:
            continue
        for x, (a, wa) in enumerate(members):
            for b, wb in members[x + 1 :]:
                dots[(a, b)] += wa * wb
    shared = {pid: [(f, w) for f, w in vectors[pid].items() if f in common] for pid in ids}
    for a, b in dots:
        vb = vectors[b]
        dots[(a, b)] += sum(w * vb[f] for f, w in shared[a] if f in vb)
    return dict(dots)


def neighbours(
    sims: Mapping[tuple[str, str], float], ids: Sequence[str], k: int
) -> dict[str, list[tuple[str, float]]]:
    """The ``k`` most similar proposals of each, best first (ties by id)."""
    around: dict[str, list[tuple[float, str]]] = {pid: [] for pid in ids}
    for (a, b), s in sims.items():
        if s > 0:
            around[a].append((-s, b))
            around[b].append((-s, a))
    return {
        pid: [(other, -neg) for neg, other in heapq.nsmallest(k, near)]
        for pid, near in around.items()
    }
