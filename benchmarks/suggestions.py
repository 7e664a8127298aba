"""Quality and speed of the theme, duplicate and placement suggestions (issues 6 and 17).

Run: ``.venv/bin/python benchmarks/suggestions.py [--json] [--blind] [--sessions]``

Sets (``tests/data/``), each one or more sessions with a facilitator's themes and
duplicate groups:

- ``dev``: labelled_proposals.json, one session in the vocabulary's own taxonomy (tuned on);
- ``holdout``: labelled_proposals_holdout.json, the same taxonomy, other wording (tuned on
  since issue 6, so no longer unseen);
- ``dev2``: dev_sessions.json, three sessions with their own themes (tuned on for issue 17);
- ``blind1``: blind_sessions.json, four sessions written before issue 17's code; scored
  once as a blind set (figures in the README), tuned on since;
- ``blind2``: blind_sessions_2.json, three sessions written after that run; scored once
  as a blind set (figures in the README), tuned on since;
- ``blind3``: blind_sessions_3.json, four sessions written on 2026-12-07 after blind2's run;
  scored once as a blind set (figures in the README), a development set since;
- ``blind4``: blind_sessions_4.json, four sessions written on 2026-12-07 after blind3's
  run and before any further change, never tuned on. Only scored with ``--blind``, so
  that tuning runs never show it.

For every set: blind theme pairwise precision/recall/F1 and the number of themes,
duplicate-pair precision/recall, and the seeded placement accuracy (the right theme
first / among the first three for the cards still in the tray) with 1, 2 and 3 cards
placed per theme, averaged over random choices of the placed cards (seeded RNG).
Pair counts are summed over the sessions of a set. Speed: suggest() and
rank_themes() on 2,000 generated proposals (budget 1 s each).
"""

from __future__ import annotations

import json
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.suggestions import Suggestions, rank_themes, suggest  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "dev": DATA / "labelled_proposals.json",
    "holdout": DATA / "labelled_proposals_holdout.json",
    "dev2": DATA / "dev_sessions.json",
    "blind1": DATA / "blind_sessions.json",
    "blind2": DATA / "blind_sessions_2.json",
    "blind3": DATA / "blind_sessions_3.json",
}
BLIND = {"blind4": DATA / "blind_sessions_4.json"}
BUDGET_S = 1.0
SEEDED_CARDS = (1, 2, 3)
SEEDED_DRAWS = 20


@dataclass(frozen=True)
class Session:
    key: str
    proposals: list[dict[str, object]]

    def pairs(self) -> list[tuple[str, str]]:
        return [(str(p["id"]), str(p["text"])) for p in self.proposals]

    def theme_of(self) -> dict[str, str]:
        return {str(p["id"]): str(p["theme"]) for p in self.proposals}


def load_sessions(path: Path) -> list[Session]:
    """The sessions of a labelled file (a one-session file has a top-level list)."""
    with open(path, encoding="utf-8") as handle:
        doc = json.load(handle)
    if "sessions" in doc:
        return [Session(str(s["key"]), list(s["proposals"])) for s in doc["sessions"]]
    return [Session(path.stem, list(doc["proposals"]))]


def load_labelled(path: Path) -> list[dict[str, object]]:
    """All proposals of a file (ids are unique over its sessions)."""
    return [p for s in load_sessions(path) for p in s.proposals]


def _pairs(groups: Iterable[Sequence[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for members in groups:
        for a, b in combinations(sorted(members), 2):
            out.add((a, b))
    return out


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


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


@dataclass
class Counts:
    """Raw counts, summed over sessions."""

    proposals: int = 0
    sessions: int = 0
    dup_hit: int = 0
    dup_found: int = 0
    dup_gold: int = 0
    theme_tp: int = 0
    theme_pred: int = 0
    theme_gold: int = 0
    themes_suggested: list[int] = field(default_factory=list)
    themes_gold: list[int] = field(default_factory=list)
    unthemed: int = 0
    ari: list[float] = field(default_factory=list)
    seeded: dict[int, list[int]] = field(default_factory=dict)  # k -> [top1, top3, total]

    def add(self, other: Counts) -> None:
        for name in (
            "proposals",
            "sessions",
            "dup_hit",
            "dup_found",
            "dup_gold",
            "theme_tp",
            "theme_pred",
            "theme_gold",
            "unthemed",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.themes_suggested += other.themes_suggested
        self.themes_gold += other.themes_gold
        self.ari += other.ari
        for k, (t1, t3, n) in other.seeded.items():
            mine = self.seeded.setdefault(k, [0, 0, 0])
            mine[0] += t1
            mine[1] += t3
            mine[2] += n

    def report(self) -> dict[str, object]:
        tp, pp, gp = self.theme_tp, self.theme_pred, self.theme_gold
        precision, recall = _ratio(tp, pp), _ratio(tp, gp)
        out: dict[str, object] = {
            "sessions": self.sessions,
            "proposals": self.proposals,
            "duplicate_precision": round(_ratio(self.dup_hit, self.dup_found), 3),
            "duplicate_recall": round(_ratio(self.dup_hit, self.dup_gold), 3),
            "duplicate_pairs_found": self.dup_found,
            "duplicate_pairs_labelled": self.dup_gold,
            "theme_precision": round(precision, 3),
            "theme_recall": round(recall, 3),
            "theme_f1": round(_f1(precision, recall), 3),
            "adjusted_rand": round(sum(self.ari) / len(self.ari), 3) if self.ari else 0.0,
            "themes_suggested": self.themes_suggested,
            "themes_facilitator": self.themes_gold,
            "unthemed": self.unthemed,
        }
        for k, (t1, t3, n) in sorted(self.seeded.items()):
            out[f"seeded_{k}_top1"] = round(_ratio(t1, n), 3)
            out[f"seeded_{k}_top3"] = round(_ratio(t3, n), 3)
        return out


def suggest_blind(session: Session) -> Suggestions:
    """The suggestions before any card is placed, knowing each proposal's round."""
    rounds = {str(p["id"]): str(p["round"]) for p in session.proposals if "round" in p}
    return suggest(session.pairs(), language="nl", rounds=rounds or None)


def score_blind(session: Session, result: Suggestions) -> Counts:
    """Counts for the suggestions made before any card is placed."""
    counts = Counts(proposals=len(session.proposals), sessions=1)
    ids = [str(p["id"]) for p in session.proposals]
    dup_groups: dict[str, list[str]] = defaultdict(list)
    for p in session.proposals:
        if p.get("duplicate_group"):
            dup_groups[str(p["duplicate_group"])].append(str(p["id"]))
    gold_dups = _pairs(dup_groups.values())
    found = {(a, b) if a < b else (b, a) for a, b in result.duplicates}
    counts.dup_hit, counts.dup_found, counts.dup_gold = (
        len(gold_dups & found),
        len(found),
        len(gold_dups),
    )
    gold = session.theme_of()
    by_gold: dict[str, list[str]] = defaultdict(list)
    for pid, label in gold.items():
        by_gold[label].append(pid)
    gold_pairs = _pairs(by_gold.values())
    pred_pairs = _pairs(t.proposal_ids for t in result.themes)
    counts.theme_tp = len(gold_pairs & pred_pairs)
    counts.theme_pred, counts.theme_gold = len(pred_pairs), len(gold_pairs)
    predicted = {pid: f"_single_{pid}" for pid in ids}
    for n, theme in enumerate(result.themes):
        for pid in theme.proposal_ids:
            predicted[pid] = f"theme_{n}"
    counts.ari.append(adjusted_rand(gold, predicted))
    counts.themes_suggested.append(len(result.themes))
    counts.themes_gold.append(len(by_gold))
    counts.unthemed = sum(1 for pid in ids if predicted[pid].startswith("_single_"))
    return counts


def score_seeded(session: Session, set_name: str, draws: int = SEEDED_DRAWS) -> Counts:
    """Place k cards per theme at random, rank the themes for every other card."""
    counts = Counts()
    gold = session.theme_of()
    by_gold: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(gold):
        by_gold[gold[pid]].append(pid)
    names = {label: label for label in by_gold}
    pairs = session.pairs()
    rounds = {str(p["id"]): str(p["round"]) for p in session.proposals if "round" in p}
    for k in SEEDED_CARDS:
        tally = counts.seeded.setdefault(k, [0, 0, 0])
        for draw in range(draws):
            seed = zlib.crc32(f"{set_name}/{session.key}/{k}/{draw}".encode())
            rng = random.Random(seed)
            placed = {
                pid: label
                for label, members in sorted(by_gold.items())
                for pid in rng.sample(members, min(k, len(members)))
            }
            ranking = rank_themes(pairs, placed, theme_names=names, rounds=rounds)
            for pid, label in gold.items():
                if pid in placed:
                    continue
                ranked = ranking.get(pid, [])
                tally[0] += int(bool(ranked) and ranked[0] == label)
                tally[1] += int(label in ranked[:3])
                tally[2] += 1
    return counts


def evaluate_sets(
    sets: Mapping[str, Path], *, per_session: bool = False
) -> dict[str, dict[str, object]]:
    report: dict[str, dict[str, object]] = {}
    for name, path in sets.items():
        total = Counts()
        for session in load_sessions(path):
            counts = score_blind(session, suggest_blind(session))
            counts.add(score_seeded(session, name))
            total.add(counts)
            if per_session:
                report[f"{name}/{session.key}"] = counts.report()
        report[name] = total.report()
    return report


@dataclass(frozen=True)
class Scores:
    """The figures of one labelled file (kept for the quality-floor test)."""

    proposals: int
    duplicate_precision: float
    duplicate_recall: float
    theme_f1: float
    adjusted_rand: float


def evaluate(path: Path) -> tuple[Scores, list[Suggestions]]:
    """Blind scores of one file, summed over its sessions, and the suggestions made."""
    total = Counts()
    results: list[Suggestions] = []
    for session in load_sessions(path):
        result = suggest_blind(session)
        results.append(result)
        total.add(score_blind(session, result))
    r = total.report()
    return (
        Scores(
            proposals=int(str(r["proposals"])),
            duplicate_precision=float(str(r["duplicate_precision"])),
            duplicate_recall=float(str(r["duplicate_recall"])),
            theme_f1=float(str(r["theme_f1"])),
            adjusted_rand=float(str(r["adjusted_rand"])),
        ),
        results,
    )


def generated(n: int, seed: int = 6) -> list[tuple[str, str]]:
    """``n`` proposals built from the development sets with scribes' variations."""
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


def time_suggest(n: int = 2000, repeats: int = 3) -> dict[str, float]:
    """Best of ``repeats``, wall clock and this process's CPU time: suggest(), and
    rank_themes() with 12 themes of 3 cards. The CPU time is what the machine's
    other work does not inflate; the first call also loads the word lists."""
    proposals = generated(n)
    rng = random.Random(17)
    placed = {pid: f"theme-{i % 12}" for i, (pid, _t) in enumerate(rng.sample(proposals, 36))}
    best: dict[str, float] = {}
    runs = {
        "suggest": lambda: suggest(proposals),
        "rank_themes": lambda: rank_themes(proposals, placed),
    }
    for _ in range(repeats):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            for key, value in (
                (f"{name}_2000_seconds", time.perf_counter() - wall),
                (f"{name}_2000_cpu_seconds", time.process_time() - cpu),
            ):
                best[key] = round(min(best.get(key, float("inf")), value), 3)
    return best


def _line(name: str, s: Mapping[str, object]) -> str:
    seeded = "  ".join(
        f"k={k}: {s[f'seeded_{k}_top1']:.2f}/{s[f'seeded_{k}_top3']:.2f}"
        for k in SEEDED_CARDS
        if f"seeded_{k}_top1" in s
    )
    return (
        f"{name:34s} n={s['proposals']:3d}  themes P={s['theme_precision']:.2f} "
        f"R={s['theme_recall']:.2f} F1={s['theme_f1']:.2f} "
        f"({','.join(map(str, s['themes_suggested']))} vs "  # type: ignore[call-overload]
        f"{','.join(map(str, s['themes_facilitator']))})  "  # type: ignore[call-overload]
        f"dups P={s['duplicate_precision']:.2f} R={s['duplicate_recall']:.2f} "
        f"({s['duplicate_pairs_found']}/{s['duplicate_pairs_labelled']})  "
        f"seeded top1/top3 {seeded}"
    )


def main(argv: Sequence[str]) -> int:
    sets = dict(SETS)
    if "--blind" in argv:
        sets.update(BLIND)
    report: dict[str, object] = dict(evaluate_sets(sets, per_session="--sessions" in argv))
    timing = time_suggest()
    report.update(timing)
    report["budget_seconds"] = BUDGET_S
    seconds, rank_seconds = timing["suggest_2000_seconds"], timing["rank_themes_2000_seconds"]
    if "--json" in argv:
        print(json.dumps(report, indent=1))
    else:
        for name, scores in report.items():
            if isinstance(scores, dict):
                print(_line(name, scores))
        ok = "within" if max(seconds, rank_seconds) <= BUDGET_S else "OVER"
        print(
            f"2,000 proposals: suggest() {seconds:.3f} s (CPU "
            f"{timing['suggest_2000_cpu_seconds']:.3f} s), rank_themes() {rank_seconds:.3f} s "
            f"(CPU {timing['rank_themes_2000_cpu_seconds']:.3f} s) ({ok} budget {BUDGET_S} s)"
        )
    return 0 if max(seconds, rank_seconds) <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
