"""Import plus Excel export of a big session, against a floor measured in the same run.

Budget (DESIGN.md): ``tafelronde import`` + ``tafelronde export --xlsx`` of a
session of 1,800 proposals and 3,768 votes takes at most 1.5 x the floor: the
same rows read from the same JSON file, stored with plain sqlite3 (executemany,
one transaction) and written with openpyxl in write-only mode.

Both sides run in this process (no interpreter start-up on either side): ours
through ``desktop_app.cli.main`` exactly as the command line runs it, the floor
through a few lines of plain code. Each is run ``--repeat`` times, interleaved;
the medians are compared.

    .venv/bin/python benchmarks/export_xlsx.py [--repeat 5] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app import cli  # noqa: E402
from desktop_app.storage.exchange import read_exchange_file, validate_document  # noqa: E402

PROPOSALS = 1_800
VOTES = 3_768
BUDGET = 1.5

WORDS = [
    "werkdruk",
    "fysio",
    "rug",
    "knieën",
    "PMO",
    "bus",
    "vestiging",
    "planning",
    "rooster",
    "nachtdienst",
    "slaap",
    "voeding",
    "fruit",
    "bewegen",
    "fiets",
    "collega's",
    "leidinggevende",
    "gesprek",
    "verzuim",
    "stress",
    "pauze",
    "tillen",
    "hulpmiddel",
    "ergonomie",
    "scherm",
    "thuiswerken",
    "overleg",
    "waardering",
    "opleiding",
]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def make_document(seed: int = 7) -> dict[str, Any]:
    """1,800 proposals, 3,768 votes, with the rest of a session around them."""
    rng = random.Random(seed)
    stamp = "2026-03-12T10:00:00+01:00"
    groups = [
        {"id": _id(rng), "name": name, "participants": count, "updated_at": stamp}
        for name, count in (
            ("Monteurs", 420),
            ("Kantoor", 260),
            ("Ploegendienst", 230),
            ("Leidinggevenden", 90),
        )
    ]
    tables = [
        {
            "id": _id(rng),
            "name": f"Tafel {n}",
            "host": f"Host {n}",
            "target_group_id": groups[n % len(groups)]["id"],
            "updated_at": stamp,
        }
        for n in range(1, 31)
    ]
    rounds = [
        {"id": _id(rng), "number": n, "question": _sentence(rng, 8, 14) + "?", "updated_at": stamp}
        for n in range(1, 6)
    ]
    proposals = []
    for index in range(PROPOSALS):
        round_ = rounds[index % len(rounds)]
        table = tables[(index // len(rounds)) % len(tables)]
        text = _sentence(rng, 4, 30)
        if index % 97 == 0:
            text = "=" + text  # data, never a formula
        proposals.append(
            {
                "id": _id(rng),
                "round_id": round_["id"],
                "table_id": table["id"],
                "text": text,
                "details": _sentence(rng, 5, 20) if index % 5 == 0 else None,
                "target_group_id": table["target_group_id"],
                "created_at": f"2026-03-12T{10 + index % 5:02d}:{index % 60:02d}:00+01:00",
                "updated_at": stamp,
            }
        )
    for record in proposals:
        if record["details"] is None:
            del record["details"]
    clusters = []
    per_cluster = 30
    for n in range(PROPOSALS // per_cluster):
        members = proposals[n * per_cluster : (n + 1) * per_cluster]
        clusters.append(
            {
                "id": _id(rng),
                "name": f"Thema {n + 1}: {_sentence(rng, 2, 5)}",
                "description": _sentence(rng, 8, 20),
                "proposal_ids": [p["id"] for p in members],
                "updated_at": stamp,
            }
        )
    votes = []
    # Sticker tallies per cluster and group, the rest as ballots of 4 dots.
    for cluster in clusters:
        for group in groups:
            votes.append(
                {
                    "id": _id(rng),
                    "item_id": cluster["id"],
                    "dots": rng.randint(1, 12),
                    "target_group_id": group["id"],
                    "updated_at": stamp,
                }
            )
    while len(votes) < VOTES:
        ballot = _id(rng)
        group = rng.choice(groups)
        for cluster in rng.sample(clusters, 2):
            if len(votes) < VOTES:
                votes.append(
                    {
                        "id": _id(rng),
                        "item_id": cluster["id"],
                        "dots": 2,
                        "target_group_id": group["id"],
                        "ballot_id": ballot,
                        "updated_at": stamp,
                    }
                )
    interventions = [
        {
            "id": _id(rng),
            "title": f"Interventie {n + 1}",
            "cluster_id": clusters[n]["id"],
            "description": _sentence(rng, 10, 30),
            "target_group_ids": [groups[n % 4]["id"]],
            "periodicity": "yearly",
            "owner": "P&O",
            "start": "2026-05-01",
            "status": "planned",
            "impact": 1 + n % 5,
            "effort": 1 + (n * 2) % 5,
            "updated_at": stamp,
        }
        for n in range(20)
    ]
    return {
        "format": "tafelronde-exchange",
        "version": 1,
        "exported_at": stamp,
        "source": {"app": "benchmark"},
        "session": {
            "id": _id(rng),
            "title": "Benchmark: PMO samen ontwerpen",
            "organisation": "Benchmark B.V.",
            "date": "2026-03-12",
            "language": "nl",
            "voting": {"dots_per_participant": 4, "max_dots_per_item": 2, "target": "cluster"},
            "updated_at": stamp,
        },
        "target_groups": groups,
        "tables": tables,
        "rounds": rounds,
        "proposals": proposals,
        "clusters": clusters,
        "votes": votes,
        "interventions": interventions,
    }


def run_ours(source: Path, work: Path) -> tuple[float, float]:
    """``tafelronde import`` then ``tafelronde export --xlsx``, as the CLI runs them.

    Returns the seconds of each step.
    """
    session = work / "ours.tafelronde"
    target = work / "ours.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        if cli.main(["import", str(source), "--session", str(session)]) != 0:
            raise SystemExit("import failed")
        middle = time.perf_counter()
        if cli.main(["export", str(session), "--xlsx", str(target)]) != 0:
            raise SystemExit("export failed")
        end = time.perf_counter()
    return middle - start, end - middle


def time_validation(source: Path) -> float:
    """Diagnostic only: the exchange file's schema validation, part of the import."""
    document = read_exchange_file(source)
    start = time.perf_counter()
    validate_document(document, str(source))
    return time.perf_counter() - start


def run_floor(source: Path, work: Path) -> float:
    """The same rows: json, plain sqlite3 executemany in one transaction, openpyxl write-only."""
    database = work / "floor.sqlite"
    target = work / "floor.xlsx"
    start = time.perf_counter()
    with open(source, encoding="utf-8") as handle:
        document = json.load(handle)
    conn = sqlite3.connect(database)
    lists = ("target_groups", "tables", "rounds", "proposals", "clusters", "votes", "interventions")
    columns: dict[str, list[str]] = {}
    with conn:
        for name in lists:
            records = document.get(name) or []
            keys = sorted({key for record in records for key in record})
            columns[name] = keys
            conn.execute(f"CREATE TABLE {name} ({', '.join(keys)})")
            conn.executemany(
                f"INSERT INTO {name} VALUES ({', '.join('?' for _ in keys)})",
                [
                    [json.dumps(v) if isinstance(v := record.get(key), list) else v for key in keys]
                    for record in records
                ],
            )
    workbook = Workbook(write_only=True)
    for name in lists:
        sheet = workbook.create_sheet(name)
        sheet.append(columns[name])
        for row in conn.execute(f"SELECT * FROM {name}"):
            sheet.append(list(row))
    conn.close()
    workbook.save(target)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="profile one run of ours")
    args = parser.parse_args()
    ours: list[float] = []
    imports: list[float] = []
    exports: list[float] = []
    validations: list[float] = []
    floor: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        source = base / "session.json"
        source.write_text(json.dumps(make_document(), ensure_ascii=False), encoding="utf-8")
        for attempt in range(args.repeat + 1):  # the first round warms up and is dropped
            work = base / f"run-{attempt}"
            work.mkdir()
            import_s, export_s = run_ours(source, work)
            floor_s = run_floor(source, work)
            validation_s = time_validation(source)
            if attempt:
                ours.append(import_s + export_s)
                imports.append(import_s)
                exports.append(export_s)
                floor.append(floor_s)
                validations.append(validation_s)
        if args.profile:
            work = base / "profile"
            work.mkdir()
            profiler = cProfile.Profile()
            profiler.enable()
            run_ours(source, work)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    ratio = statistics.median(ours) / statistics.median(floor)
    print(f"{PROPOSALS} proposals, {VOTES} votes; in-process CLI calls; {args.repeat} runs")
    print(f"ours  import + export --xlsx : {_runs(ours)}")
    print(f"        import               : {_runs(imports)}")
    print(f"          of which validation: {_runs(validations)}  (measured apart)")
    print(f"        export --xlsx        : {_runs(exports)}")
    print(f"floor sqlite3 + openpyxl w/o : {_runs(floor)}")
    print(f"ratio {ratio:.2f} (budget {BUDGET})")
    return 0 if ratio <= BUDGET else 1


def _runs(values: list[float]) -> str:
    listed = ", ".join(f"{v * 1000:.0f}" for v in values)
    return f"median {statistics.median(values) * 1000:5.0f} ms  [{listed}]"


if __name__ == "__main__":
    raise SystemExit(main())
