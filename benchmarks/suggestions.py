"""Quality and speed of the theme and duplicate suggestions (issue 6).

Run: ``.venv/bin/python benchmarks/suggestions.py [--json]``

Quality against the labelled sets in tests/data/ (dev: the engine was tuned on it;
holdout: never tuned on): duplicate-pair precision/recall, theme pairwise
precision/recall/F1 and adjusted Rand index. Speed: suggest() on 2,000 generated
proposals (budget 1 s).
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.suggestions import Suggestions, suggest  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "dev": DATA / "labelled_proposals.json",
    "holdout": DATA / "labelled_proposals_holdout.json",
}
BUDGET_S = 1.0


@dataclass(frozen=True)
class Scores:
    proposals: int
    duplicate_precision: float
    duplicate_recall: float
    duplicate_pairs_found: int
    duplicate_pairs_labelled: int
    theme_precision: float
    theme_recall: float
    theme_f1: float
    adjusted_rand: float
    themes_suggested: int
    unthemed: int


def load_labelled(path: Path) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as handle:
        return list(json.load(handle)["proposals"])


def _pairs(groups: Iterable[Sequence[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for members in groups:
        out.update(tuple(sorted(p)) for p in combinations(members, 2))  # type: ignore[misc]
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def adjusted_rand(truth: Mapping[str, str], predicted: Mapping[str, str]) -> float:
    """Adjusted Rand index of two labellings of the same items."""
    ids = sorted(truth)
    n = len(ids)
    table = Counter((truth[i], predicted[i]) for i in ids)
    a = Counter(truth[i] for i in ids)
    b = Counter(predicted[i] for i in ids)
    index = sum(comb(v, 2) for v in table.values())
    sum_a = sum(comb(v, 2) for v in a.values())
    sum_b = sum(comb(v, 2) for v in b.values())
    expected = sum_a * sum_b / comb(n, 2) if n > 1 else 0.0
    maximum = (sum_a + sum_b) / 2
    return (index - expected) / (maximum - expected) if maximum != expected else 1.0


def score(labelled: list[dict[str, object]], result: Suggestions) -> Scores:
    ids = [str(p["id"]) for p in labelled]
    dup_groups: dict[str, list[str]] = defaultdict(list)
    gold_theme: dict[str, str] = {}
    for p in labelled:
        gold_theme[str(p["id"])] = str(p["theme"])
        if p.get("duplicate_group"):
            dup_groups[str(p["duplicate_group"])].append(str(p["id"]))
    gold_dups = _pairs(dup_groups.values())
    found_dups = {(a, b) if a < b else (b, a) for a, b in result.duplicates}
    hit = len(gold_dups & found_dups)

    predicted: dict[str, str] = {pid: f"_single_{pid}" for pid in ids}
    for n, theme in enumerate(result.themes):
        for pid in theme.proposal_ids:
            predicted[pid] = f"theme_{n}"
    themed = [t.proposal_ids for t in result.themes]
    by_gold: dict[str, list[str]] = defaultdict(list)
    for pid, label in gold_theme.items():
        by_gold[label].append(pid)
    gold_pairs = _pairs(by_gold.values())
    pred_pairs = _pairs(themed)
    tp = len(gold_pairs & pred_pairs)
    precision = _ratio(tp, len(pred_pairs))
    recall = _ratio(tp, len(gold_pairs))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        proposals=len(ids),
        duplicate_precision=round(_ratio(hit, len(found_dups)), 3),
        duplicate_recall=round(_ratio(hit, len(gold_dups)), 3),
        duplicate_pairs_found=len(found_dups),
        duplicate_pairs_labelled=len(gold_dups),
        theme_precision=round(precision, 3),
        theme_recall=round(recall, 3),
        theme_f1=round(f1, 3),
        adjusted_rand=round(adjusted_rand(gold_theme, predicted), 3),
        themes_suggested=len(result.themes),
        unthemed=sum(1 for pid in ids if predicted[pid].startswith("_single_")),
    )


def evaluate(path: Path) -> tuple[Scores, Suggestions]:
    labelled = load_labelled(path)
    result = suggest([(str(p["id"]), str(p["text"])) for p in labelled], language="nl")
    return score(labelled, result), result


def generated(n: int, seed: int = 6) -> list[tuple[str, str]]:
    """``n`` proposals built from both labelled sets with scribes' variations."""
    texts = [str(p["text"]) for path in SETS.values() for p in load_labelled(path)]
    extras = [
        "!!",
        " (zelfde als tafel 3)",
        " 👍",
        " svp",
        " ivm de nachtdienst",
        "",
        " 2x per jaar",
    ]
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for i in range(n):
        words = rng.choice(texts).split()
        if len(words) > 3 and rng.random() < 0.5:
            del words[rng.randrange(len(words))]
        if rng.random() < 0.3:
            j = rng.randrange(len(words))
            w = words[j]
            if len(w) > 4:
                k = rng.randrange(1, len(w) - 1)
                words[j] = w[:k] + w[k + 1 :]
        out.append((f"gen-{i:05d}", " ".join(words) + rng.choice(extras)))
    return out


def time_suggest(n: int = 2000, repeats: int = 3) -> float:
    proposals = generated(n)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        suggest(proposals)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: Sequence[str]) -> int:
    report: dict[str, object] = {}
    for name, path in SETS.items():
        scores, _ = evaluate(path)
        report[name] = scores.__dict__
    seconds = time_suggest()
    report["suggest_2000_seconds"] = round(seconds, 3)
    report["budget_seconds"] = BUDGET_S
    if "--json" in argv:
        print(json.dumps(report, indent=1))
    else:
        for name in SETS:
            s = report[name]
            assert isinstance(s, dict)
            print(
                f"{name:8s} n={s['proposals']:3d}  duplicates P={s['duplicate_precision']:.3f} "
                f"R={s['duplicate_recall']:.3f} ({s['duplicate_pairs_found']} found, "
                f"{s['duplicate_pairs_labelled']} labelled)  themes P={s['theme_precision']:.3f} "
                f"R={s['theme_recall']:.3f} F1={s['theme_f1']:.3f} ARI={s['adjusted_rand']:.3f} "
                f"({s['themes_suggested']} themes, {s['unthemed']} unthemed)"
            )
        verdict = "within" if seconds <= BUDGET_S else "OVER"
        print(f"suggest() on 2,000 proposals: {seconds:.3f} s ({verdict} budget {BUDGET_S} s)")
    return 0 if seconds <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
