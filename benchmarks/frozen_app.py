"""The frozen app against its budgets: folder size and start to a shown window.

Budgets (issue 9): the one-folder app (``du`` of dist/tafelronde) at most 150 MB;
from starting the frozen executable to its window shown (``tafelronde --demo``,
the first paint of the main window) at most 2 seconds.

Start-up is timed from outside, from launching the process to the line
``shown <ms>`` the app prints when TAFELRONDE_EXIT_AFTER_SHOWN=1 (the ms in it
count from ``app.run``, so the difference is the bootloader and the imports before
the GUI), and to ``ready <ms>``, when the demo is open and its first page painted.
One untimed start first creates matplotlib's font cache, as a user's first start
does; then ``--repeat`` starts, median and best reported, with the CPU time they
used and the machine's load, since a busy machine stretches wall time.

    .venv/bin/python benchmarks/frozen_app.py [--app dist/tafelronde] [--build] [--repeat 5]
        [--platform offscreen|xcb]

``--build`` first runs scripts/build_installer.sh (a clean venv) and reports its time.
Exit status 1 if a budget is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE_BUDGET_MB = 150
START_BUDGET_S = 2.0


def folder_size_mb(folder: Path) -> float:
    """Disk usage in MiB, as ``du -sm`` counts it (each file once, blocks used)."""
    seen: set[int] = set()
    total = 0
    for path in folder.rglob("*"):
        info = path.lstat()
        if info.st_ino in seen:
            continue
        seen.add(info.st_ino)
        total += info.st_blocks * 512
    return total / 1024 / 1024


def start_once(app: Path, env: dict[str, str]) -> tuple[float, float, int, float]:
    """(wall seconds to 'shown', to 'ready', the app's own ms to 'shown', CPU seconds).

    'shown': the window's first paint; 'ready': the demo open and its first page painted.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(app / "tafelronde"), "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    shown = ready = None
    own_ms = -1
    for line in process.stdout:
        if line.startswith("shown "):
            shown = time.perf_counter() - started
            own_ms = int(line.split()[1])
        elif line.startswith("ready "):
            ready = time.perf_counter() - started
            break
    _out, err = process.communicate(timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if shown is None or ready is None or process.returncode != 0:
        raise SystemExit(f"the app did not show its window (exit {process.returncode}):\n{err}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return shown, ready, own_ms, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "tafelronde")
    parser.add_argument("--build", action="store_true", help="build first (clean venv)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM to start on")
    args = parser.parse_args()

    ok = True
    if args.build:
        started = time.perf_counter()
        subprocess.run(
            ["bash", str(ROOT / "scripts" / "build_installer.sh"), "--dist", str(args.app.parent)],
            check=True,
        )
        print(f"build (clean venv + PyInstaller): {time.perf_counter() - started:.0f} s")
    if not (args.app / "tafelronde").is_file():
        raise SystemExit(f"no app in {args.app}: build it first (--build)")

    size = folder_size_mb(args.app)
    ok &= size <= SIZE_BUDGET_MB
    print(f"folder size: {size:.0f} MB (budget {SIZE_BUDGET_MB} MB)")

    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": args.platform,
            "TAFELRONDE_EXIT_AFTER_SHOWN": "1",
            "TAFELRONDE_DATA_DIR": str(Path(home) / "data"),
            "TAFELRONDE_DOCUMENTS_DIR": str(Path(home) / "Documents"),
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
        }
        first = start_once(args.app, env)[0]
        print(f"first start (creates matplotlib's font cache): {first:.2f} s")
        runs = [start_once(args.app, env) for _ in range(args.repeat)]
    walls = [shown for shown, _, _, _ in runs]
    median = statistics.median(walls)
    ok &= median <= START_BUDGET_S
    print(
        f"start to shown window: median {median:.2f} s, best {min(walls):.2f} s "
        f"(budget {START_BUDGET_S:.0f} s); the demo's first page painted: median "
        f"{statistics.median(ready for _, ready, _, _ in runs):.2f} s; in app.run: median "
        f"{statistics.median(ms for _, _, ms, _ in runs) / 1000:.2f} s; CPU per start: median "
        f"{statistics.median(cpu for _, _, _, cpu in runs):.2f} s; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
