"""The console on a 1024x768 laptop: the beamer's essentials without the View menu, a
phase list that leaves the page room beside the beamer panel, a thumbnail that keeps
showing what the room would see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import run_state
from desktop_app.ui.console import build_console_window
from desktop_app.ui.main_window import COMPACT_NAV_WIDTH, NAV_WIDTH, ConsoleWindow
from desktop_app.ui.settings import Settings


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ConsoleWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    console = build_console_window(settings, "nl")
    qtbot.addWidget(console)
    console.resize(1024, 768)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    assert console.open_demo()
    yield console
    console.beamer.window.hide()  # type: ignore[attr-defined]
    console.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_black_out_and_reveal_are_in_the_status_bar_when_the_panel_is_closed(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    beamer = window.beamer  # type: ignore[attr-defined]
    beamer.dock.hide()
    strip = beamer.strip
    qtbot.waitUntil(strip.isVisible)
    session_file = window.controller.session_file  # type: ignore[union-attr]
    qtbot.mouseClick(strip.black_button, Qt.MouseButton.LeftButton)
    assert session_file.state(run_state.BEAMER_BLACKOUT) is True
    qtbot.waitUntil(strip.black_button.isChecked)
    qtbot.mouseClick(strip.reveal_button, Qt.MouseButton.LeftButton)
    assert session_file.state(run_state.RESULTS_REVEALED) is True
    qtbot.waitUntil(lambda: strip.reveal_button.text() == "Uitslag verbergen")
    qtbot.mouseClick(strip.show_button, Qt.MouseButton.LeftButton)
    check = window.readiness_gate().dialog  # the demo has proposals in no theme
    assert check is not None and check.isVisible()
    qtbot.keyClick(check, Qt.Key.Key_Return)  # "Beamer toch tonen"
    assert beamer.window.isVisible()
    qtbot.waitUntil(lambda: strip.show_button.text() == "Verbergen")
    # The panel button opens the panel; the strip makes way for it.
    qtbot.mouseClick(strip.panel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(beamer.dock.isVisible)
    assert not strip.isVisible()
    assert beamer.dock.black_button.isChecked()


def test_the_phase_list_gives_way_to_the_beamer_panel_at_1024(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    beamer = window.beamer  # type: ignore[attr-defined]
    beamer.dock.hide()
    qtbot.waitUntil(lambda: window.phase_nav.width() == NAV_WIDTH)
    assert window.phase_nav.item(1).text() == "2  Rondes"
    beamer.dock.show()
    qtbot.waitUntil(lambda: window.phase_nav.width() == COMPACT_NAV_WIDTH)
    item = window.phase_nav.item(1)
    assert item.text() == "2" and item.toolTip() == "2 Rondes"
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.width() >= 600)  # the page keeps room to work in
    assert beamer.dock.isVisible() and beamer.dock.width() <= 300
    # Ctrl+digit still goes to the phase; the list shows which one.
    qtbot.keyClick(focused(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.phase_nav.currentRow() == 3


def _image(window: ConsoleWindow) -> QImage:
    thumbnail = window.beamer.dock.thumbnail  # type: ignore[attr-defined]
    return QImage(thumbnail.image)


def test_the_thumbnail_keeps_counting_down_while_the_beamer_is_hidden(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    beamer = window.beamer  # type: ignore[attr-defined]
    beamer.dock.show()
    assert not beamer.window.isVisible()
    window.menus.phase_actions[1].trigger()  # Rondes
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # start
    stage = beamer.window.stage
    qtbot.waitUntil(lambda: stage.current == "round")

    def countdown() -> str:
        return next(b.text for b in stage.current_view().text_blocks() if b.name == "countdown")

    thumbnail = beamer.dock.thumbnail
    first = countdown()
    qtbot.waitUntil(lambda: not thumbnail.image.isNull())
    # The countdown goes on with the beamer hidden, and the thumbnail shows it.
    qtbot.waitUntil(lambda: countdown() != first, timeout=4000)
    shown = countdown()
    qtbot.waitUntil(lambda: countdown() != shown, timeout=4000)
    before = _image(window)
    qtbot.waitUntil(lambda: _image(window) != before, timeout=4000)
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # pause


def test_a_timer_that_never_ran_is_ready_not_paused(qtbot: QtBot, window: ConsoleWindow) -> None:
    window.menus.phase_actions[1].trigger()
    page = window.stack.currentWidget()
    timer = page.timer_widget  # type: ignore[attr-defined]
    assert timer.state_label.text() == "klaar om te starten"
    stage = window.beamer.window.stage  # type: ignore[attr-defined]
    window.controller.run_unrecorded(  # type: ignore[union-attr]
        lambda: window.controller.session_file.set_state(  # type: ignore[union-attr]
            run_state.BEAMER_PINNED_VIEW, "round"
        )
    )
    qtbot.mouseClick(timer.reset_button, Qt.MouseButton.LeftButton)  # a fresh round timer
    assert timer.state_label.text() == "klaar om te starten"
    blocks = {b.name: b.text for b in stage.current_view().text_blocks()}
    assert blocks.get("countdown") == "20:00"
    assert blocks.get("countdown-status") == "begint zo"  # not "gepauzeerd"
    # Started and paused, it is paused.
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: timer.timer.remaining(timer.clock()) < timer.timer.duration - 0.5)
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert timer.state_label.text() == "gepauzeerd"
    blocks = {b.name: b.text for b in stage.current_view().text_blocks()}
    assert blocks.get("countdown-status") == "gepauzeerd"
