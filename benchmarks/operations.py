"""How fast an operation and its undo reach the screen (issue 14: each <= 50 ms).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/operations.py [--json]``

A session of 1,800 proposals in 12 themes (benchmarks/generate.py: 100 tables x
3 rounds x 6, 3,700 dots) is open in the real console (build_console_window:
every phase page it builds, the beamer dock and its thumbnail) at 1920x1080,
on the Clusteren page. Measured, alternating over pairs of themes:

* merge: from triggering the theme menu's "Samenvoegen met" action (what a
  click does; the menu is opened before the clock starts) until the stored
  merge is on the page and the whole window has been repainted synchronously
  (``repaint``), or, in every other round, until Qt has repainted what changed
  (``processEvents``);
* its undo: from triggering Edit > Ongedaan maken to the same point.

Beside them, the floors in the same run: the whole window repainted with
nothing changed, the same operation and undo on the
session file alone (storage, the undo journal, no listeners), and the bare
SQL of a merge in one transaction (the membership rows moved, two theme rows
stamped, WAL with synchronous=FULL) on a copy of the file. Wall-clock and CPU
time (``time.process_time``) are reported; on a loaded machine the wall clock
also counts time other processes held the CPU.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "benchmarks"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from generate import session_document  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app import ops  # noqa: E402
from desktop_app.app import create_application  # noqa: E402
from desktop_app.storage.exchange import import_document  # noqa: E402
from desktop_app.storage.session_file import SessionFile  # noqa: E402
from desktop_app.ui.console import build_console_window  # noqa: E402
from desktop_app.ui.look import apply_look  # noqa: E402
from desktop_app.ui.main_window import ConsoleWindow  # noqa: E402
from desktop_app.ui.pages.themes import ThemesPage  # noqa: E402
from desktop_app.ui.settings import Settings  # noqa: E402

BUDGET_MS = 50.0
ROUNDS = 20  # merges (and as many undos) measured
Sample = tuple[float, float]  # (wall ms, cpu ms)


def make_session(folder: Path) -> Path:
    document = session_document(tables=100, rounds=3, per_cell=6, votes=3700)
    path = folder / "operaties.tafelronde"
    with SessionFile.create(path) as session:
        import_document(session, document, source="benchmark")
        assert len(session.proposals()) == 1800 and len(session.themes()) == 12
    return path


def timed(action: Callable[[], object]) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def merge_action(page: ThemesPage, source: str, target: str) -> QAction:
    """The source theme's menu > Samenvoegen met > target, the menu opened (not timed)."""
    box = page.theme_boxes[source]
    box.menu.aboutToShow.emit()
    [merge_menu] = [
        a.menu() for a in box.menu.actions() if a.text() == "Samenvoegen met" and a.menu()
    ]
    [into] = [a for a in merge_menu.actions() if a.text() == page.themes[target].name]
    return into


def gui_samples(app: QApplication, path: Path, folder: Path) -> dict[str, list[Sample]]:
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = build_console_window(settings, "nl")
    assert isinstance(window, ConsoleWindow)
    window.resize(1920, 1080)
    window.show()
    assert window.open_session(path)
    window.phase_nav.setCurrentRow(2)
    page = window.stack.currentWidget()
    assert isinstance(page, ThemesPage)
    app.processEvents()
    window.repaint()
    samples: dict[str, list[Sample]] = {
        "merge": [],
        "undo": [],
        "merge_dirty": [],
        "undo_dirty": [],
        "repaint": [],
    }
    for n in range(2 * (ROUNDS + 2)):
        # Even rounds: the whole window repainted synchronously; odd: what Qt
        # repaints by itself (only what changed) when the event loop runs.
        full = n % 2 == 0
        themes = list(page.theme_order)
        source, target = themes[n % 12], themes[(n + 5) % 12]
        size = len(page.theme_boxes[source].model.ids())
        into = merge_action(page, source, target)
        app.processEvents()

        def show(full: bool = full) -> None:
            if full:
                window.repaint()
            else:
                app.processEvents()

        def merge(into: QAction = into) -> None:
            into.trigger()
            show()

        def undo() -> None:
            window.menus.undo_action.trigger()
            show()

        merged = timed(merge)
        assert source not in page.theme_boxes
        undone = timed(undo)
        assert len(page.theme_boxes[source].model.ids()) == size
        app.processEvents()
        repainted = timed(window.repaint)
        if n >= 4:  # the first ones warm caches
            suffix = "" if full else "_dirty"
            samples["merge" + suffix].append(merged)
            samples["undo" + suffix].append(undone)
            samples["repaint"].append(repainted)
    window.close()
    return samples


def storage_samples(path: Path) -> dict[str, list[Sample]]:
    """The operation and its undo on the session file alone: no GUI listening."""
    samples: dict[str, list[Sample]] = {"merge": [], "undo": []}
    with SessionFile.open(path) as session:
        for n in range(ROUNDS + 2):
            themes = [t.id for t in session.themes()]
            source, target = themes[n % 12], themes[(n + 5) % 12]
            merged = timed(lambda s=source, t=target: ops.merge_themes(session, s, t))
            undone = timed(session.undo)
            if n >= 2:
                samples["merge"].append(merged)
                samples["undo"].append(undone)
    return samples


def bare_sql_samples(path: Path, folder: Path) -> list[Sample]:
    """The rows a merge writes, as plain SQL in one transaction: the floor."""
    copy = folder / "kaal.db"
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    themes = [row[0] for row in conn.execute("SELECT id FROM clusters ORDER BY position")]
    samples: list[Sample] = []
    for n in range(ROUNDS + 2):
        source, target = themes[n % 12], themes[(n + 5) % 12]

        def merge(source: str = source, target: str = target) -> None:
            conn.execute("BEGIN IMMEDIATE")
            start = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM cluster_proposals "
                "WHERE cluster_id = ?",
                (target,),
            ).fetchone()[0]
            conn.execute(
                "UPDATE cluster_proposals SET cluster_id = ?, position = position + ? "
                "WHERE cluster_id = ?",
                (target, start, source),
            )
            conn.execute(
                "UPDATE clusters SET updated_at = ?, deleted = (id = ?) WHERE id IN (?, ?)",
                ("2030-01-01T00:00:00Z", source, source, target),
            )
            conn.execute("COMMIT")

        sample = timed(merge)
        conn.execute("UPDATE clusters SET deleted = 0")  # ready for the next pair
        if n >= 2:
            samples.append(sample)
    conn.close()
    return samples


def summary(samples: list[Sample]) -> dict[str, float]:
    walls = sorted(s[0] for s in samples)
    cpus = sorted(s[1] for s in samples)
    p95 = max(0, int(0.95 * len(walls)) - 1)
    return {
        "median": round(statistics.median(walls), 1),
        "p95": round(walls[p95], 1),
        "max": round(walls[-1], 1),
        "cpu_median": round(statistics.median(cpus), 1),
        "cpu_p95": round(cpus[p95], 1),
    }


def main() -> int:
    app = create_application()
    apply_look(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make_session(folder)
        bare = bare_sql_samples(path, folder)
        storage = storage_samples(path)
        gui = gui_samples(app, path, folder)
    result = {
        "proposals": 1800,
        "themes": 12,
        "budget_ms": BUDGET_MS,
        "merge_to_repainted": summary(gui["merge"]),
        "undo_to_repainted": summary(gui["undo"]),
        "merge_to_painted_by_qt": summary(gui["merge_dirty"]),
        "undo_to_painted_by_qt": summary(gui["undo_dirty"]),
        "window_repaint_only": summary(gui["repaint"]),
        "merge_storage_only": summary(storage["merge"]),
        "undo_storage_only": summary(storage["undo"]),
        "merge_bare_sql": summary(bare),
    }
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2))
    else:
        print(f"1,800 proposals, 12 themes, console at 1920x1080 (budget {BUDGET_MS:.0f} ms)")
        labels = {
            "merge_to_repainted": "merge, menu action -> stored -> whole window repainted",
            "undo_to_repainted": "its undo, Edit > Undo -> stored -> whole window repainted",
            "merge_to_painted_by_qt": "merge -> stored -> Qt repaints what changed",
            "undo_to_painted_by_qt": "its undo -> stored -> Qt repaints what changed",
            "window_repaint_only": "floor: the whole window repainted, nothing changed",
            "merge_storage_only": "floor: merge on the session file alone (journal, no GUI)",
            "undo_storage_only": "floor: undo on the session file alone",
            "merge_bare_sql": "floor: the merge's rows as bare SQL, one transaction",
        }
        for key, label in labels.items():
            d = result[key]
            assert isinstance(d, dict)
            print(
                f"  {label}: median {d['median']} ms, p95 {d['p95']} ms, max {d['max']} ms "
                f"(CPU median {d['cpu_median']} ms, p95 {d['cpu_p95']} ms)"
            )
    merge, undo = result["merge_to_repainted"], result["undo_to_repainted"]
    assert isinstance(merge, dict) and isinstance(undo, dict)
    within = merge["cpu_p95"] <= BUDGET_MS and undo["cpu_p95"] <= BUDGET_MS
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
