"""Time and peak memory of ``tafelronde import`` on large and hostile files.

Each case runs the real command line in a child process (``python -m desktop_app
import FILE --session S``) and reads the child's peak resident memory from the
kernel (``wait4``'s ``ru_maxrss``); "above start" subtracts the peak of the same
command on the 55 kB demo file, i.e. Python, the app's modules and SQLite. Budgets
(issue 15): a 100 MB file refused or imported in at most 10 s and with at most
5x the file's size in memory. Run: ``.venv/bin/python benchmarks/hostile_input.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate import session_document

from desktop_app.paths import shipped_data_dir
from desktop_app.storage.exchange import MAX_EXCHANGE_BYTES

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def run_import(source: Path, folder: Path) -> tuple[int, float, float, str]:
    """(exit status, seconds, peak MB, first line of stderr) of one import in a child."""
    session = folder / f"s-{time.monotonic_ns()}.tafelronde"
    peak_file = folder / "peak.txt"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(peak_file), str(source), str(session)],
        cwd=ROOT,
        env={**os.environ, "TAFELRONDE_LANG": "en", "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    seconds = time.perf_counter() - started
    message = result.stderr.decode("utf-8", "replace").strip()
    peak_kb = int(peak_file.read_text().split()[0])
    return result.returncode, seconds, peak_kb / 1024, message[:110]


# The child's own peak (VmHWM starts afresh at exec; ru_maxrss would carry the
# parent's peak over a fork), read as the command line exits.
CHILD = """
import atexit, sys
from pathlib import Path
def peak():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            Path(sys.argv[1]).write_text(line.split(":")[1].strip())
atexit.register(peak)
from desktop_app.cli import main
raise SystemExit(main(["import", sys.argv[2], "--session", sys.argv[3]]))
"""


def padded_demo(target: Path, size: int) -> None:
    """The demo with a huge free-form ``source`` note: valid JSON of ``size`` bytes, on disk."""
    document = json.loads((shipped_data_dir() / "demo.json").read_text("utf-8"))
    text = json.dumps(document, ensure_ascii=False)
    filler = size - len(text.encode("utf-8")) - len(', "padding": ""')
    document["source"]["padding"] = "x" * max(filler, 0)
    target.write_text(json.dumps(document, ensure_ascii=False), "utf-8")


def many_proposals(target: Path, size: int) -> int:
    """A valid session with about as many proposals as fit ``size`` bytes; returns the count."""
    sizes = [len(json.dumps(session_document(per_cell=n)).encode("utf-8")) for n in (6, 12)]
    per_proposal_cell = (sizes[1] - sizes[0]) / 6
    per_cell = max(1, int((size - sizes[0]) / per_proposal_cell) + 6)
    document = session_document(tables=100, rounds=3, per_cell=per_cell, votes=3700)
    target.write_text(json.dumps(document), "utf-8")
    return len(document["proposals"])


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="tafelronde-hostile-") as name:
        folder = Path(name)
        cases: list[tuple[str, Path, int]] = []
        demo = shipped_data_dir() / "demo.json"
        cases.append(("demo (55 kB), imported: the start", demo, demo.stat().st_size))
        big = folder / "100mb.json"
        padded_demo(big, 100 * MB)
        cases.append(("100 MB valid JSON (over the limit)", big, big.stat().st_size))
        limit = folder / "limit.json"
        padded_demo(limit, MAX_EXCHANGE_BYTES - 1024)
        cases.append(
            ("64 MB - 1 kB (a 64 MB note in source), imported", limit, limit.stat().st_size)
        )
        many = folder / "many.json"
        count = many_proposals(many, 60 * MB)
        cases.append((f"{count:,} proposals, imported", many, many.stat().st_size))
        deep = folder / "deep.json"
        deep.write_text('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
        cases.append(("nesting 100,000 deep", deep, deep.stat().st_size))
        cases.append(("/dev/zero", Path("/dev/zero"), 0))
        start_mb = 0.0
        print(f"{'case':52} {'size':>9} {'exit':>4} {'time':>7} {'peak':>8}", end=" ")
        print(f"{'above start':>12} {'/ size':>6}")
        for label, path, size in cases:
            status, seconds, peak, message = run_import(path, folder)
            if not start_mb:
                start_mb = peak
            above = peak - start_mb
            ratio = f"{above / (size / MB):.1f}x" if size > MB else "-"
            print(
                f"{label:52} {size / MB:7.1f}MB {status:>4} {seconds:6.2f}s {peak:6.0f}MB "
                f"{above:10.0f}MB {ratio:>6}"
            )
            if message:
                print(f"    {message}")


if __name__ == "__main__":
    main()
