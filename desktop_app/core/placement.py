"""Which of the facilitator's themes a card in the tray most likely belongs to.

Learns from the cards already placed: a tray card scores high for a theme when
it resembles one of that theme's cards (nearest neighbour), the theme as a
whole (its cards and its name together) and, through the session's other
proposals, cards that resemble the theme's (label propagation over the
proposals' nearest neighbours), and leans to the themes whose placed cards
were said in the same round (each round has its own question). The
vocabulary's concepts and themes are among the features (see
:mod:`desktop_app.core.session_words`), so "Fruit op het werk" finds the
theme holding "Gezonde kantine" without a shared word.

Pure functions; deterministic (ties broken by theme order).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop_app.core.session_words import Vector, centroid, cosine


@dataclass(frozen=True, slots=True)
class PlacementWeights:
    nearest: float = 1.0
    whole: float = 1.0
    spread: float = 1.0
    size: float = 0.05
    name: float = 1.0  # the theme's name counts as this much of one card
    alpha: float = 0.5  # how far label propagation reaches (0: not at all)
    rounds: int = 3
    round_prior: float = 0.15  # share of the theme's placed cards from the card's round


WEIGHTS = PlacementWeights()


def _propagate(
    ids: Sequence[str],
    near: Mapping[str, Sequence[tuple[str, float]]],
    placed: Mapping[str, str],
    themes: Sequence[str],
    weights: PlacementWeights,
) -> dict[str, dict[str, float]]:
    """Label propagation over the symmetric nearest-neighbour graph; placed cards stay put."""
    graph: dict[str, dict[str, float]] = defaultdict(dict)
    for pid in ids:
        for other, s in near.get(pid, ()):
            graph[pid][other] = max(graph[pid].get(other, 0.0), s)
            graph[other][pid] = max(graph[other].get(pid, 0.0), s)
    seed = {pid: {placed[pid]: 1.0} for pid in ids if pid in placed}
    score: dict[str, dict[str, float]] = {pid: dict(seed.get(pid, {})) for pid in ids}
    for _ in range(weights.rounds):
        nxt: dict[str, dict[str, float]] = {}
        for pid in ids:
            if pid in seed:
                nxt[pid] = seed[pid]
                continue
            edges = graph.get(pid, {})
            degree = sum(edges.values())
            acc: dict[str, float] = defaultdict(float)
            if degree:
                for other, w in edges.items():
                    for theme, v in score.get(other, {}).items():
                        acc[theme] += weights.alpha * w * v / degree
            nxt[pid] = dict(acc)
        score = nxt
    return {pid: {t: score[pid].get(t, 0.0) for t in themes} for pid in ids}


def rank(
    vectors: Mapping[str, Vector],
    near: Mapping[str, Sequence[tuple[str, float]]],
    placed: Mapping[str, str],
    themes: Sequence[str],
    name_vectors: Mapping[str, Vector],
    weights: PlacementWeights | None = None,
    sims: Mapping[tuple[str, str], float] | None = None,
) -> dict[str, list[str]]:
    """For every proposal not in ``placed``: ``themes`` ranked best first.

    ``sims`` (pairs ``a < b``, see :func:`~desktop_app.core.session_words.similarities`)
    saves computing the likeness of a tray card and a placed card again; a pair not
    in it counts as unlike.
    """
    weights = weights or WEIGHTS
    ids = sorted(vectors)
    members: dict[str, list[str]] = {t: [] for t in themes}
    for pid, theme in sorted(placed.items()):
        if theme in members and pid in vectors:
            members[theme].append(pid)
    wholes: dict[str, Vector] = {}
    for theme in themes:
        vecs: list[Vector] = [vectors[pid] for pid in members[theme]]
        name = name_vectors.get(theme)
        if name:
            vecs.append({f: weights.name * w for f, w in name.items()})
        wholes[theme] = centroid(vecs)
    spread = (
        _propagate(ids, near, placed, themes, weights)
        if weights.spread and placed
        else {pid: {} for pid in ids}
    )
    largest = max((len(m) for m in members.values()), default=0) or 1
    said_in = {pid: [f for f in vec if f.startswith("x:")] for pid, vec in vectors.items()}
    round_share: dict[str, dict[str, float]] = {}
    for theme in themes:
        tally: dict[str, float] = defaultdict(float)
        for m in members[theme]:
            for r in said_in[m]:
                tally[r] += 1.0 / len(members[theme])
        round_share[theme] = tally
    order = {theme: n for n, theme in enumerate(themes)}
    result: dict[str, list[str]] = {}
    for pid in ids:
        if pid in placed:
            continue
        vec = vectors[pid]
        nearest: dict[str, float] = {}
        whole: dict[str, float] = {}
        for theme in themes:
            if sims is None:
                best = max((cosine(vec, vectors[m]) for m in members[theme]), default=0.0)
            else:
                best = max(
                    (sims.get((pid, m) if pid < m else (m, pid), 0.0) for m in members[theme]),
                    default=0.0,
                )
            name = name_vectors.get(theme)
            if name:
                best = max(best, weights.name * cosine(vec, name))
            nearest[theme] = best
            whole[theme] = cosine(vec, wholes[theme])
        scores = {
            theme: weights.nearest * nearest[theme]
            + weights.whole * whole[theme]
            + weights.spread * spread[pid].get(theme, 0.0)
            + weights.size * len(members[theme]) / largest
            + weights.round_prior * sum(round_share[theme].get(r, 0.0) for r in said_in[pid])
            for theme in themes
        }
        result[pid] = sorted(themes, key=lambda t: (-scores[t], order[t]))
    return result
