"""What backups and damage checks cost, on the budget-sized session.

Run: ``.venv/bin/python benchmarks/backups.py [--json] [--dir DIR] [--runs N]``

On a session of 100 tables x 5 rounds x 10 proposals (5,000) and 10,000 dots:

1. ``check_session_health`` alone, and ``SessionFile.open`` (which runs it) to an
   open file, with no ``-wal`` (a normal open) and with a ``-wal`` of 300
   proposals left by a killed writer (the open after a crash, which also
   compares the file with its ``-wal``);
2. ``make_backup`` (backup API, rollback journal, ``quick_check``, fsync, rename,
   pruning): what a phase change costs when there were changes;
3. reading the list the restore dialog shows (28 backups: counts of each) and
   ``newest_whole_backup`` (what the damaged-file message needs).

The files are written in ``--dir`` (default: a temporary folder): put it on the
disk you care about, since fsync is part of a backup.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from generate import session_document  # noqa: E402

from desktop_app.storage import backups  # noqa: E402
from desktop_app.storage.exchange import import_document  # noqa: E402
from desktop_app.storage.file_health import check_session_health  # noqa: E402
from desktop_app.storage.session_file import SessionFile  # noqa: E402

KILLED_WRITER = """
import os, signal, sys
from desktop_app.storage.session_file import SessionFile
sf = SessionFile.open(sys.argv[1])
table, round_ = sf.tables()[0], sf.rounds()[0]
for n in range(300):
    sf.add_proposal(round_.id, table.id, f"Na de laatste checkpoint {n}")
os.kill(os.getpid(), signal.SIGKILL)
"""


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 1),
    }


def open_and_close(path: Path) -> None:
    SessionFile.open(path).close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "groot.tafelronde"
        with SessionFile.create(path) as sf:
            import_document(
                sf,
                session_document(tables=100, rounds=5, per_cell=10, votes=10_000),
                source="bench",
            )
            proposals = len(sf.proposals())
            dots = sum(v.dots for v in sf.snapshot().live_votes())
        size = path.stat().st_size
        results: dict[str, object] = {"proposals": proposals, "dots": dots, "file_bytes": size}
        results["health_check"] = summary(timed(lambda: check_session_health(path), args.runs))
        results["open_no_wal"] = summary(timed(lambda: open_and_close(path), args.runs))

        after_crash = []
        for _ in range(max(3, args.runs // 3)):
            subprocess.run(
                [sys.executable, "-c", KILLED_WRITER, str(path)],
                cwd=ROOT,
                check=False,
                timeout=120,
            )
            wal = Path(f"{path}-wal").stat().st_size
            after_crash += timed(lambda: check_session_health(path), 1)
            open_and_close(path)  # replays and checkpoints for the next round
        results["health_check_with_wal"] = {**summary(after_crash), "wal_bytes": wal}

        session_file = SessionFile.open(path)  # open, as in the app: the copy runs beside it
        start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
        made: list[float] = []
        for n in range(28):
            moment = start + timedelta(minutes=17 * n)
            made += timed(lambda m=moment: backups.make_backup(path, "timer", now=m), 1)
        session_file.close()
        results["make_backup"] = summary(made)
        listed = backups.list_backups(path)
        results["backups_kept"] = len(listed)
        results["list_with_counts"] = summary(
            timed(lambda: [backups.read_contents(b) for b in backups.list_backups(path)], 5)
        )
        results["newest_whole_backup"] = summary(
            timed(lambda: backups.newest_whole_backup(path), 5)
        )
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.environ.setdefault("TAFELRONDE_LANG", "nl")
    raise SystemExit(main())
