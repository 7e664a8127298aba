"""Render the action plan, the vote page's tallies and the harvest page at 1920x1080 and
1024x768, to look at.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_FOLDER``

These were tests that asserted nothing a user would notice; a picture is for a
person to judge (what the rehearsal test asserts about clipping lives in tests/).
Works on a fresh copy of the demo in a temporary folder; writes only PNGs into
OUT_FOLDER.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app import ops, paths  # noqa: E402
from desktop_app.storage.exchange import import_document, read_exchange_file  # noqa: E402
from desktop_app.storage.session_file import SessionFile  # noqa: E402
from desktop_app.ui.controller import SessionController  # noqa: E402
from desktop_app.ui.look import apply_look  # noqa: E402
from desktop_app.ui.pages.action_plan import ActionPlanPage  # noqa: E402
from desktop_app.ui.pages.harvest import HarvestPage  # noqa: E402
from desktop_app.ui.pages.vote import VotePage  # noqa: E402

SIZES = ((1920, 1080), (1024, 768))


def demo_without_plan(folder: Path) -> SessionFile:
    document = read_exchange_file(paths.shipped_data_dir() / "demo.json")
    session = SessionFile.create(folder / "demo.tafelronde")
    import_document(session, dict(document, interventions=[]), source="demo.json")
    return session


def main(out: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    apply_look(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        session = demo_without_plan(Path(folder))
        controller = SessionController(session)
        ops.promote_top(session, 3)
        plan = ActionPlanPage(controller)
        vote = VotePage(controller)
        vote.set_voting_open(True)
        vote.tabs.setCurrentIndex(1)
        harvest = HarvestPage(controller)
        for page, name in ((plan, "action_plan"), (vote, "vote_tallies"), (harvest, "harvest")):
            page.show()
            for width, height in SIZES:
                page.resize(width, height)
                app.processEvents()
                target = out / f"{name}_{width}x{height}.png"
                page.grab().save(str(target))
                print(target)
            page.close()
        controller.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: scripts/screenshots.py OUT_FOLDER", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
