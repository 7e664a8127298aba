"""The beamer with several screens, simulated by the offscreen platform.

The screens must be configured before the QApplication exists
(``QT_QPA_PLATFORM=offscreen:configfile=...``), and the main test run already
has a plain offscreen one; so the test below runs this same file again in a
pytest subprocess with three screens, where the ``inner`` tests do the work.

Unplugging: Qt's offscreen plugin only adds or removes screens through a
private native interface that Python cannot reach, so removal and re-adding
are simulated by emitting ``QGuiApplication.screenRemoved`` / ``screenAdded``
with the real QScreen objects; the beamer's handlers run exactly as they would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from pytestqt.qtbot import QtBot

from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.beamer.window import choose_screen, screen_key
from desktop_app.ui.console import build_console_window
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings

INNER = os.environ.get("TAFELRONDE_BEAMER_SCREENS") == "1"
SCREENS = [
    {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "dpr": 1},
    {
        "name": "Projector",
        "x": 1280,
        "y": 0,
        "width": 1920,
        "height": 1080,
        "logicalDpi": 96,
        "dpr": 1,
    },
    {
        "name": "Zijscherm",
        "x": 0,
        "y": 800,
        "width": 1024,
        "height": 768,
        "logicalDpi": 96,
        "dpr": 1,
    },
]


@pytest.mark.skipif(INNER, reason="this is the outer test")
def test_beamer_with_several_screens_in_a_subprocess(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": SCREENS}), encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["TAFELRONDE_BEAMER_SCREENS"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider", "-k", "inner"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout, result.stdout


inner = pytest.mark.skipif(not INNER, reason="runs in the subprocess with several screens")


def screen(name: str) -> QScreen:
    return next(s for s in QGuiApplication.screens() if s.name() == name)


@pytest.fixture
def console(qtbot: QtBot, demo_session: SessionFile, tmp_path: Path) -> Iterator[ConsoleWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = build_console_window(settings, "nl")
    qtbot.addWidget(window)
    window.setScreen(screen("Laptop"))
    window.move(100, 100)
    window.set_session(demo_session)
    window.show()
    yield window
    window.beamer.window.hide()  # type: ignore[attr-defined]
    window.close_session()


@inner
def test_inner_three_screens_are_there(qapp: object) -> None:
    assert {s.name() for s in QGuiApplication.screens()} == {"Laptop", "Projector", "Zijscherm"}
    assert QGuiApplication.primaryScreen().name() == "Laptop"


@inner
def test_inner_beamer_goes_full_screen_to_the_largest_other_screen_and_remembers_it(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    beamer = console.beamer  # type: ignore[attr-defined]
    assert console.screen().name() == "Laptop"
    qtbot.keyClick(console, Qt.Key.Key_F5)
    check = console.readiness_gate().dialog  # the demo has proposals in no theme
    if check is not None and check.isVisible():
        qtbot.keyClick(check, Qt.Key.Key_Return)
    window = beamer.window
    qtbot.waitUntil(window.isVisible)
    assert window.screen().name() == "Projector"
    assert window.isFullScreen()
    assert window.geometry() == screen("Projector").geometry()
    assert window.stage.size().height() == 1080
    assert console.settings.get("beamer/screen") == "Projector|1280,0,1920x1080"


@inner
def test_inner_the_remembered_screen_wins_by_name_and_geometry_not_by_index(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    side = screen("Zijscherm")
    console.settings.set("beamer/screen", screen_key(side))
    beamer = console.beamer  # type: ignore[attr-defined]
    beamer.window.present()
    assert beamer.window.screen().name() == "Zijscherm"
    assert beamer.window.isFullScreen()
    laptop = screen("Laptop")
    screens = QGuiApplication.screens()
    for order in (screens, list(reversed(screens))):
        assert choose_screen(order, laptop, screen_key(side)) is side
        # a screen of the same name at another place is still the one by name
        assert choose_screen(order, laptop, "Zijscherm|9,9,800x600") is side
        assert choose_screen(order, laptop, "") is screen("Projector")
    assert choose_screen([laptop], laptop, screen_key(side)) is None


@inner
def test_inner_unplugging_brings_the_beamer_back_and_plugging_in_offers_to_return(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    beamer = console.beamer  # type: ignore[attr-defined]
    window = beamer.window
    window.present()
    projector = screen("Projector")
    assert window.screen() is projector and window.isFullScreen()

    QGuiApplication.instance().screenRemoved.emit(projector)  # type: ignore[union-attr]
    assert window.isVisible()  # it did not vanish
    assert not window.isFullScreen()
    assert window.screen().name() == "Laptop"
    assert screen("Laptop").geometry().contains(window.geometry())
    assert "Projector" in beamer.dock.status.text()

    QGuiApplication.instance().screenAdded.emit(projector)  # type: ignore[union-attr]
    assert beamer.dock.offer.isVisibleTo(beamer.dock)
    assert "Projector" in beamer.dock.offer_label.text()
    qtbot.mouseClick(beamer.dock.offer_button, Qt.MouseButton.LeftButton)
    assert window.screen() is projector
    assert window.isFullScreen()
    assert not beamer.dock.offer.isVisibleTo(beamer.dock)


@inner
def test_inner_a_beamer_attached_after_the_first_paint_shows_its_panel_on_a_wide_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """As at start-up: the window is on screen before the beamer is attached."""
    from desktop_app.ui.console import attach_beamer_to

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = build_console_window(settings, "nl", beamer=False)
    qtbot.addWidget(window)
    window.setScreen(screen("Projector"))
    window.setGeometry(1380, 50, 1700, 950)
    window.show()
    qtbot.waitExposed(window)
    attach_beamer_to(window, settings)
    dock = window.beamer.dock  # type: ignore[attr-defined]
    qtbot.waitUntil(dock.isVisible)
    assert dock.width() >= 300


@inner
def test_inner_a_late_beamer_panel_takes_its_remembered_state(qtbot: QtBot, tmp_path: Path) -> None:
    """Closed by the facilitator last time: it stays closed, also on a wide screen."""
    from desktop_app.ui.console import attach_beamer_to

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    first = build_console_window(settings, "nl")
    qtbot.addWidget(first)
    first.setScreen(screen("Projector"))
    first.setGeometry(1380, 50, 1700, 950)
    first.show()
    first.beamer.dock.hide()  # type: ignore[attr-defined]
    first.close()  # saves the window state
    second = build_console_window(settings, "nl", beamer=False)
    qtbot.addWidget(second)
    second.setScreen(screen("Projector"))
    second.restore_window_state()
    second.show()
    qtbot.waitExposed(second)
    attach_beamer_to(second, settings)
    assert second.beamer.dock.isHidden()  # type: ignore[attr-defined]
