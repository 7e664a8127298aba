"""kill -9 at random moments while the real app is used: nothing shown as saved is lost.

The app runs in a subprocess (``gui_driver.py``: the real console, beamer and
session file, driven through its widgets: scribe entry, drags on the cluster
board, kiosk ballots, tally entry, exports, phase changes with their automatic
backups). With ``TAFELRONDE_REPORT_SAVES=1`` the app prints a line for every
change it shows as saved, with a fingerprint of the record as stored. The test
kills the process with SIGKILL at a random moment, then checks the file:

- SQLite's ``integrity_check`` passes and the app's own checks open it (the next
  run opens it for writing, replaying the ``-wal`` the kill left);
- every change the app reported as saved is there: each record is as reported,
  or newer, and newer only where the action that was cut off writes;
- nothing is half-written: every kiosk ballot has its whole budget, no proposal
  is in two themes, and every export that exists is a whole file.

Each run continues on the file the previous kill left. The table of what was
tried goes into the README ("Fouten die we probeerden / Faults tried").
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop_app.core.model import Kind
from desktop_app.storage.demo import create_demo_copy
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.save_report import fingerprint

DRIVER = Path(__file__).with_name("gui_driver.py")
ROOT = Path(__file__).resolve().parents[2]
KILL_POINTS = int(os.environ.get("TAFELRONDE_KILL_POINTS", "52"))
# The kinds of record each action writes: a record may be newer than its last
# report only if the action cut off by the kill writes that kind.
WRITES = {
    "scribe": {"proposals"},
    "drag": {"clusters"},
    "tally": {"votes"},
    "ballot": {"votes"},
    "export": set(),
}
KINDS = {kind.value: kind for kind in Kind}


@dataclass
class Run:
    """What one run of the app printed before it was killed."""

    lines: list[str] = field(default_factory=list)
    driving_at: float | None = None
    started_at: float = 0.0

    def saved(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(kind, id) -> (updated_at, fingerprint) of the last report of each record."""
        last: dict[tuple[str, str], tuple[str, str]] = {}
        for line in self.lines:
            parts = line.split()
            if len(parts) == 6 and parts[0] == "saved" and parts[1] in (*KINDS, "session"):
                last[(parts[1], parts[3])] = (parts[4], parts[5])
        return last

    def cut_off(self) -> str | None:
        """The action that had begun and not finished when the kill came."""
        open_action: str | None = None
        for line in self.lines:
            parts = line.split()
            if parts[:1] == ["begin"]:
                open_action = parts[1]
            elif parts[:1] == ["done"]:
                open_action = None
        return open_action

    def actions(self) -> Counter[str]:
        return Counter(line.split()[1] for line in self.lines if line.startswith("done "))


def run_and_kill(session: Path, workdir: Path, seed: int, rng: random.Random) -> Run:
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(session), str(workdir), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", TAFELRONDE_REPORT_SAVES="1"),
    )
    run = Run(started_at=time.monotonic())
    assert process.stdout is not None
    stdout = process.stdout

    def read() -> None:
        for line in stdout:
            if line.strip() == "driving":
                run.driving_at = time.monotonic()
            run.lines.append(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    during_start = rng.random() < 0.1
    if during_start:
        time.sleep(rng.uniform(0.2, 1.2))  # while it starts and opens (and recovers) the file
    else:
        deadline = time.monotonic() + 60
        while run.driving_at is None and process.poll() is None:
            assert time.monotonic() < deadline, "the app did not start driving in 60 s"
            time.sleep(0.01)
        assert process.poll() is None, f"the app stopped by itself: {run.lines[-5:]}"
        time.sleep(rng.uniform(0.0, 3.0))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    reader.join(timeout=10)
    stdout.close()
    return run


def check_file(session: Path, run: Run, ballots_before: set[str]) -> tuple[int, list[str]]:
    """Check the file against what the run reported as saved.

    Returns (records checked, what was lost or not as saved); asserts that the file
    is whole (integrity, no proposal in two themes, every kiosk ballot complete).
    """
    from desktop_app.core.voting import rules_of

    conn = sqlite3.connect(f"file:{session}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    cut_off = run.cut_off()
    may_be_newer = WRITES.get(cut_off or "", set())
    lost: list[str] = []
    with SessionFile.open_readonly(session) as sf:  # the app's own checks, the -wal kept
        for (kind, record_id), (stamp, reported) in run.saved().items():
            record = sf.session() if kind == "session" else sf.get(KINDS[kind], record_id)
            if record is None:
                lost.append(f"{kind} {record_id}: missing")
            elif fingerprint(record) != reported:
                newer = str(getattr(record, "updated_at", "")) > stamp
                if not (newer and kind in may_be_newer):
                    lost.append(f"{kind} {record_id} not as saved (cut off: {cut_off}): {record}")
        snapshot = sf.snapshot()
    themes_of = Counter(pid for theme in snapshot.live_themes() for pid in theme.proposal_ids)
    assert all(count == 1 for count in themes_of.values()), "a proposal in two themes"
    budget = rules_of(snapshot).dots
    per_ballot: Counter[str] = Counter()
    for vote in snapshot.live_votes():
        if vote.ballot_id is not None and vote.ballot_id not in ballots_before:
            per_ballot[vote.ballot_id] += vote.dots
    assert all(total == budget for total in per_ballot.values()), (budget, per_ballot)
    return len(run.saved()), lost


def check_exports(workdir: Path) -> None:
    """Every export under its own name is whole (a cut-off one only under a temporary name)."""
    for path in workdir.glob("export-*"):
        data = path.read_bytes()
        if path.suffix == ".json":
            json.loads(data)
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as workbook:
                assert workbook.testzip() is None
            from openpyxl import load_workbook

            load_workbook(path, read_only=True).close()
        else:
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def kill_again_and_again(tmp_path: Path, points: int) -> dict[str, object]:
    """``points`` runs of the app on one session, each killed at a random moment."""
    session = tmp_path / "sessie.tafelronde"
    create_demo_copy(tmp_path / "demo").rename(session)
    workdir = tmp_path / "exports"
    workdir.mkdir()
    with SessionFile.open_readonly(session) as sf:
        ballots_before = {v.ballot_id for v in sf.snapshot().votes if v.ballot_id is not None}
    rng = random.Random(20261123 + points)
    where: Counter[str] = Counter()
    done: Counter[str] = Counter()
    checked = 0
    lost: list[str] = []
    started = time.monotonic()
    for point in range(points):
        run = run_and_kill(session, workdir, seed=point + 1, rng=rng)
        if run.driving_at is None:
            where["starting"] += 1
        else:
            where[run.cut_off() or "between actions"] += 1
        done += run.actions()
        records, missing = check_file(session, run, ballots_before)
        checked += records
        lost += missing
        check_exports(workdir)
    with SessionFile.open(session) as sf:  # and once more for writing, as the app would
        assert sf.proposals()
    summary: dict[str, object] = {
        "kill points": points,
        "killed during": dict(where),
        "actions finished": dict(done),
        "saved records checked": checked,
        "lost": len(lost),
        "temporary export files left": len(list(workdir.glob(".~*"))),
        "seconds": round(time.monotonic() - started),
    }
    print(json.dumps(summary, indent=1))
    assert lost == []
    assert sum(where.values()) == points
    return summary


def test_kill_9_a_few_times(tmp_path: Path) -> None:
    """The same, three times: quick enough for every run of the fast suite."""
    summary = kill_again_and_again(tmp_path, 3)
    assert summary["lost"] == 0


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_nothing_shown_as_saved(tmp_path: Path) -> None:
    summary = kill_again_and_again(tmp_path, KILL_POINTS)
    assert summary["saved records checked"] and summary["lost"] == 0
