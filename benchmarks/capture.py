"""Scribe capture and start-up, with the real widgets offscreen.

1. Enter to committed and visible: a session of 100 tables x 5 rounds x 10
   proposals (5,000) open in the real console (every phase page, plus whatever
   build_console_window attaches), the Rondes page shown, a cell chosen. For
   each of 200 entries the text is put in the scribe field, then the clock runs
   from the Enter key press until the proposal is on disk (synchronous=FULL),
   in the cell's list, and the list has been repainted. Budget: p95 <= 15 ms.
2. Start: ``tafelronde --demo`` until its window has painted, against a bare
   PySide6 window (QApplication + QWidget, painted), each in a fresh
   subprocess, interleaved, median of several runs. Budget: <= 1.5 x bare.
   The console paints first (phases and "De demo wordt geopend…") and opens
   the demo right after; the time until the demo's first page has painted is
   reported too ("ready").

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/capture.py [--with-beamer]``
(``--with-beamer`` builds the window through build_console_window, beamer dock included).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENTRIES = 200
START_RUNS = 7

BARE_WINDOW = r"""
import time
started = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Quit(QObject):
    done = False
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint and watched is window:
            self.done = True
            QTimer.singleShot(0, report)
        return False

def report():
    print(f"shown {(time.perf_counter() - started) * 1000:.0f}", flush=True)
    app.exit(0)

app = QApplication([])
window = QWidget()
window.resize(1024, 768)
quitter = Quit()
app.installEventFilter(quitter)
window.show()
app.exec()
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def commit_floor(folder: Path) -> list[float]:
    """One INSERT committed with WAL + synchronous=FULL on the same disk: the floor."""
    import sqlite3

    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id TEXT, text TEXT)")
    timings = []
    for n in range(ENTRIES):
        started = time.perf_counter()
        conn.execute("INSERT INTO t VALUES (?, ?)", (str(n), "fruit en water"))
        timings.append((time.perf_counter() - started) * 1000)
    conn.close()
    return timings


def enter_latency(folder: Path, with_beamer: bool) -> tuple[list[float], list[float]]:
    from generate import session_document
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from desktop_app.app import create_application
    from desktop_app.storage.exchange import import_document
    from desktop_app.storage.session_file import SessionFile
    from desktop_app.ui.console import build_console_window, phases
    from desktop_app.ui.look import apply_look
    from desktop_app.ui.main_window import ConsoleWindow
    from desktop_app.ui.pages.rounds import RoundsPage
    from desktop_app.ui.settings import Settings

    document = session_document(tables=100, rounds=5, per_cell=10, votes=0)
    document["clusters"] = []
    path = folder / "groot.tafelronde"
    with SessionFile.create(path) as session_file:
        import_document(session_file, document, source="benchmark")
        assert len(session_file.proposals()) == 5000

    app = create_application()
    apply_look(app)
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    if with_beamer:
        window = build_console_window(settings, "nl")  # with what colleagues attach (beamer dock)
    else:
        window = ConsoleWindow(settings, phases())
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    assert window.open_session(path)
    window.phase_nav.setCurrentRow(1)
    app.processEvents()
    page = window.stack.currentWidget()
    assert isinstance(page, RoundsPage)
    page.grid.setCurrentCell(41, 2)
    edit = page.scribe.edit
    edit.setFocus()
    plist = page.scribe.proposal_list
    app.processEvents()

    timings: list[float] = []
    in_list: list[float] = []
    for n in range(ENTRIES + 10):
        text = f"Voorstel {n}: fruit en water op elke werkplek, ook voor de ploegendienst"
        if n % 20 == 0:
            page.grid.setCurrentCell((41 + n // 20) % 100, 2)  # now and then another table
            edit.setFocus()
        edit.setPlainText(text)
        app.processEvents()
        started = time.perf_counter()
        QTest.keyClick(edit, Qt.Key.Key_Return)
        listed = time.perf_counter() - started
        assert edit.toPlainText() == "" and plist.item(plist.count() - 1).text() == text
        plist.viewport().repaint()
        elapsed = time.perf_counter() - started
        if n >= 10:  # the first few warm caches
            timings.append(elapsed * 1000)
            in_list.append(listed * 1000)
        app.processEvents()
    assert len(window.controller.session_file.proposals()) == 5000 + ENTRIES + 10  # type: ignore[union-attr]
    window.close()
    return timings, in_list


def start_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (ms) from spawning ``command`` to its ``shown`` line and to its
    ``ready`` line (a bare window prints only ``shown``: ready is then the same)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    shown = ready = None
    for line in process.stdout:
        now = (time.perf_counter() - started) * 1000
        if line.startswith("shown"):
            shown = now
        elif line.startswith("ready"):
            ready = now
    process.wait(timeout=60)
    if shown is None:
        raise RuntimeError(f"{command} never showed a window")
    return shown, ready if ready is not None else shown


def start_times(folder: Path) -> tuple[list[tuple[float, float]], list[float]]:
    env = dict(os.environ)
    # Measure as users start it: with Python's bytecode cache (this machine's shell
    # sets PYTHONDONTWRITEBYTECODE, which would compile every module on each start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TAFELRONDE_EXIT_AFTER_SHOWN="1",
        TAFELRONDE_DATA_DIR=str(folder / "data"),
        TAFELRONDE_DOCUMENTS_DIR=str(folder / "docs"),
        XDG_CONFIG_HOME=str(folder / "config"),
    )
    app_command = [sys.executable, "-m", "desktop_app", "--demo"]
    bare_command = [sys.executable, "-c", BARE_WINDOW]
    start_once(app_command, env)  # warm the OS file cache for both
    start_once(bare_command, env)
    app_runs: list[tuple[float, float]] = []
    bare_runs: list[float] = []
    for _ in range(START_RUNS):
        bare_runs.append(start_once(bare_command, env)[0])
        app_runs.append(start_once(app_command, env))
    return app_runs, bare_runs


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with_beamer = "--with-beamer" in sys.argv
        timings, in_list = enter_latency(folder, with_beamer)
        floor = commit_floor(folder)
        p50, p95 = statistics.median(timings), percentile(timings, 0.95)
        what = "console + beamer dock" if with_beamer else "console"
        print(
            f"Enter to committed and visible ({what}), 5,000 proposals, {len(timings)} entries: "
            f"p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {max(timings):.2f} ms "
            f"(budget p95 <= 15 ms): {'OK' if p95 <= 15 else 'OVER BUDGET'}"
        )
        print(
            f"  of which committed and in the list (before painting): "
            f"p50 {statistics.median(in_list):.2f} ms, p95 {percentile(in_list, 0.95):.2f} ms"
        )
        print(
            f"  floor, one bare INSERT committed (WAL, synchronous=FULL) on this disk: "
            f"p50 {statistics.median(floor):.2f} ms, p95 {percentile(floor, 0.95):.2f} ms"
        )
        app_runs, bare_runs = start_times(folder)
        shown_ms = statistics.median(shown for shown, _ready in app_runs)
        ready_ms = statistics.median(ready for _shown, ready in app_runs)
        bare_ms = statistics.median(bare_runs)
        ratio = shown_ms / bare_ms
        print(
            f"Start to a shown window (median of {START_RUNS}, subprocess wall time): "
            f"tafelronde --demo {shown_ms:.0f} ms, bare PySide6 window {bare_ms:.0f} ms, "
            f"ratio {ratio:.2f} (budget <= 1.5): {'OK' if ratio <= 1.5 else 'OVER BUDGET'}"
        )
        print(
            f"  the demo open and its first page painted: {ready_ms:.0f} ms "
            f"({ready_ms / bare_ms:.2f} x bare)"
        )
        return 0 if p95 <= 15 and ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
