"""Blind themes: group a session's proposals before any card is placed.

Average-linkage clustering over the session's similarity graph
(:mod:`desktop_app.core.session_words`): the two groups whose proposals are on
average most alike merge first, until no two groups are alike enough, then on
until the number of themes a facilitator would make is reached (a room of 60
makes 6 to 12; broader themes rather than many narrow ones). Proposals left
then move to the theme whose centre they resemble most, a few rounds (as
k-means does), or stay unthemed when they resemble none.

Pure functions; deterministic (ties broken by the smallest member id).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop_app.core.session_words import centroid, cosine


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    merge_above: float = 0.05  # merge freely while groups are at least this alike
    attach_above: float = 0.0  # a proposal joins a theme whose centre is more alike than this
    keep: int = 15  # each proposal's most alike others that count in merging
    refine: int = 1  # rounds of moving each proposal to the theme it is most like
    min_theme: int = 2  # smaller groups are not offered as themes of their own
    per_sqrt: float = 1.3  # themes ~ per_sqrt * sqrt(proposals) ...
    fewest: int = 4
    most: int = 12  # ... within these bounds


SETTINGS = ClusterSettings()


def target_count(n: int, settings: ClusterSettings = SETTINGS) -> int:
    """How many themes a facilitator would make of ``n`` proposals."""
    return max(settings.fewest, min(settings.most, round(settings.per_sqrt * math.sqrt(n))))


def _strongest(sims: Mapping[tuple[str, str], float], keep: int) -> dict[tuple[str, str], float]:
    """Only the pairs among each proposal's ``keep`` most alike (a sparse graph)."""
    around: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for (a, b), s in sims.items():
        if s > 0:
            around[a].append((s, a, b))
            around[b].append((s, a, b))
    kept: dict[tuple[str, str], float] = {}
    for edges in around.values():
        for s, a, b in heapq.nsmallest(keep, edges, key=lambda e: (-e[0], e[1], e[2])):
            kept[(a, b)] = s
    return kept


def _reassign(
    ids: Sequence[str],
    themes: list[list[str]],
    vectors: Mapping[str, Mapping[str, float]],
    settings: ClusterSettings,
) -> list[list[str]]:
    """Each proposal to the theme whose centre it is most like (if alike enough)."""
    centres = [centroid(vectors[pid] for pid in members) for members in themes]
    new: list[list[str]] = [[] for _ in themes]
    for pid in ids:
        vec = vectors[pid]
        scores = [cosine(vec, c) for c in centres]
        if not scores:
            break
        best = max(range(len(scores)), key=lambda n: (scores[n], -n))
        if scores[best] > settings.attach_above:
            new[best].append(pid)
    return [m for m in new if len(m) >= settings.min_theme]


def cluster(
    ids: Sequence[str],
    sims: Mapping[tuple[str, str], float],
    vectors: Mapping[str, Mapping[str, float]],
    settings: ClusterSettings = SETTINGS,
    start: Sequence[Sequence[str]] = (),
) -> list[list[str]]:
    """Groups of ids (each sorted; the groups largest first); lone ids are left out.

    ``start`` are groups known beforehand (by the vocabulary); they may merge
    with others but are not taken apart before the last rounds.
    """
    ordered = sorted(ids)
    index: dict[str, int] = {}
    members: dict[int, list[str]] = {}
    for group in start:
        n = len(members)
        members[n] = sorted(group)
        index.update((pid, n) for pid in group)
    for pid in ordered:
        if pid not in index:
            index[pid] = len(members)
            members[index[pid]] = [pid]
    link: dict[int, dict[int, float]] = defaultdict(dict)  # summed similarity between groups
    for (a, b), s in _strongest(sims, settings.keep).items():
        if s > 0 and a in index and b in index:
            x, y = index[a], index[b]
            link[x][y] = link[x].get(y, 0.0) + s
            link[y][x] = link[y].get(x, 0.0) + s
    heap: list[tuple[float, int, int]] = []

    def push(x: int, y: int) -> None:
        avg = link[x][y] / (len(members[x]) * len(members[y]))
        heapq.heappush(heap, (-avg, min(x, y), max(x, y)))

    for x, others in list(link.items()):
        others.pop(x, None)
        for y in others:
            if x < y:
                push(x, y)
    target = target_count(len(ordered), settings)
    next_id = len(members)

    def big_groups() -> int:
        return sum(1 for m in members.values() if len(m) >= settings.min_theme)

    while heap:
        neg, x, y = heapq.heappop(heap)
        if x not in members or y not in members or y not in link[x]:
            continue
        avg = link[x][y] / (len(members[x]) * len(members[y]))
        if abs(avg + neg) > 1e-12:
            continue  # stale
        if avg < settings.merge_above and big_groups() <= target:
            break
        merged = next_id
        next_id += 1
        members[merged] = sorted(members.pop(x) + members.pop(y))
        around: dict[int, float] = defaultdict(float)
        for old in (x, y):
            for other, s in link.pop(old, {}).items():
                if other in (x, y):
                    continue
                around[other] += s
                link[other].pop(old, None)
        link[merged] = dict(around)
        for other, s in around.items():
            link[other][merged] = s
            push(merged, other)
    themes = [m for m in members.values() if len(m) >= settings.min_theme]
    for _ in range(settings.refine):
        themes = _reassign(ordered, themes, vectors, settings)
    result = [sorted(m) for m in themes]
    result.sort(key=lambda m: (-len(m), m[0]))
    return result
