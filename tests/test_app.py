"""Start-up: the console is on screen first, the session opens right after its first paint."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app import __version__, gui_script
from desktop_app.app import EXIT_AFTER_SHOWN, start_console
from desktop_app.storage.demo import create_demo_copy
from desktop_app.ui.first_paint import AfterNextPaint
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings


def started(qtbot: QtBot, **request: object) -> tuple[ConsoleWindow, dict[str, object]]:
    """Start the console as ``run`` does; note what the first paint showed."""
    done: list[bool] = []
    window = start_console(Settings(), "nl", finished=lambda: done.append(True), **request)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    first_paint: dict[str, object] = {}

    def look() -> None:
        note = window.stack.currentWidget()
        first_paint.update(
            open=window.controller is not None,
            note=note.text() if isinstance(note, QLabel) else None,
            phases=window.phase_nav.count(),
            on_start_page=window.screens.currentWidget() is window.start_page,
        )

    AfterNextPaint(window, look)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    return window, first_paint


def test_the_window_paints_before_the_demo_opens_and_then_shows_it(qtbot: QtBot) -> None:
    window, first_paint = started(qtbot, demo=True)
    # The first paint: the six phases and a note, no session yet.
    assert first_paint == {
        "open": False,
        "note": "De demo wordt geopend…",
        "phases": 6,
        "on_start_page": False,
    }
    # Right after: the demo, its first phase page and the beamer.
    assert window.controller is not None
    assert window.windowTitle() == "Tafelronde — PMO samen ontwerpen"
    assert window.phase_nav.count() == 6
    assert window.stack.count() == 6
    assert not isinstance(window.stack.currentWidget(), QLabel)  # the note is gone
    assert window.property("hasBeamer") is True
    window.close()


def test_a_session_named_on_the_command_line_opens_after_the_first_paint(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = create_demo_copy(tmp_path)
    window, first_paint = started(qtbot, session=str(path))
    assert first_paint["note"] == f"{path.stem} wordt geopend…"
    assert window.controller is not None
    assert window.controller.session_file.path == path
    window.close()


def test_a_file_that_cannot_be_opened_leaves_a_message_and_the_start_page(
    qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "kapot.tafelronde"
    bad.write_bytes(b"dit is geen sessie")
    window, _first_paint = started(qtbot, session=str(bad))
    assert window.controller is None
    assert window.screens.currentWidget() is window.start_page
    assert window.phase_nav.count() == 0
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible()
    assert "kapot.tafelronde" in box.text() or "sessie" in box.text().lower()
    assert bad.read_bytes() == b"dit is geen sessie"  # untouched
    box.close()
    window.close()


def test_without_a_session_the_start_page_is_the_first_thing_painted(qtbot: QtBot) -> None:
    window, first_paint = started(qtbot)
    assert first_paint["on_start_page"] is True
    assert window.property("hasBeamer") is True
    window.close()


def test_a_window_closed_before_its_first_paint_opens_nothing(qtbot: QtBot) -> None:
    window = start_console(Settings(), "nl", demo=True)
    qtbot.addWidget(window)
    window.close()  # before the event loop could paint it
    with qtbot.assertNotEmitted(window.session_opened, wait=AfterNextPaint.FALLBACK_MS + 500):
        pass
    assert window.controller is None


SHOWN_THEN_READY = re.compile(r"^shown (\d+)\nready (\d+)$", re.MULTILINE)


def test_the_app_reports_shown_then_ready_and_quits(tmp_path: Path) -> None:
    """``python -m desktop_app --demo`` as a user starts it (offscreen), in its own process."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        EXIT_AFTER_SHOWN: "1",
        "TAFELRONDE_DATA_DIR": str(tmp_path / "data"),
        "TAFELRONDE_DOCUMENTS_DIR": str(tmp_path / "Documents"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    found = SHOWN_THEN_READY.search(result.stdout)
    assert found, result.stdout + result.stderr
    assert int(found.group(1)) <= int(found.group(2))
    assert list((tmp_path / "data" / "demo").glob("Demo-*.tafelronde"))
    assert "Traceback" not in result.stderr


def test_the_windowed_entry_point_takes_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``tafelronde-gui`` (pyproject's gui-scripts) runs the same command line as ``tafelronde``."""
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["gui-scripts"]["tafelronde-gui"] == "desktop_app.gui_script:main"
    monkeypatch.setattr(sys, "argv", ["tafelronde-gui", "--version"])
    with pytest.raises(SystemExit) as exit_:
        gui_script.main()
    assert exit_.value.code in (0, None)
    assert capsys.readouterr().out.strip() == f"tafelronde {__version__}"
