"""At a 1024x768 projector no button label is cut off: rows of buttons wrap instead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.storage.demo import create_demo_copy
from desktop_app.ui.console import build_console_window
from desktop_app.ui.flow_layout import flow_row
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings


@pytest.fixture
def console(qtbot: QtBot, tmp_path: Path) -> Iterator[ConsoleWindow]:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = build_console_window(settings, "nl")
    qtbot.addWidget(window)
    window.show()
    assert window.open_session(create_demo_copy(tmp_path))
    yield window
    window.close()


def cut_buttons(page: QWidget) -> list[str]:
    """Visible buttons narrower than their label needs."""
    return [
        button.text()
        for button in page.findChildren(QPushButton)
        if button.isVisible() and button.width() < button.sizeHint().width()
    ]


@pytest.mark.parametrize("phase", [3, 4])  # Stemmen, Actieplan
@pytest.mark.parametrize("width", [960, 1900])
def test_no_button_label_is_cut(
    qtbot: QtBot, console: ConsoleWindow, phase: int, width: int
) -> None:
    console.resize(width, 700)
    console.phase_nav.setCurrentRow(phase)
    page = console.stack.currentWidget()
    qtbot.waitUntil(page.isVisible)
    # Laid out at the new size (beside the phase list, narrower below 1000 px).
    qtbot.waitUntil(lambda: page.width() <= width - console.phase_nav.width())
    qtbot.waitUntil(lambda: cut_buttons(page) == [])


def test_a_row_wraps_when_narrow_and_stays_one_line_when_wide(qtbot: QtBot) -> None:
    buttons = [QPushButton(text) for text in ("Stemming openen", "Kiosk starten", "Uitslag")]
    row = flow_row(buttons)
    qtbot.addWidget(row)
    row.show()
    one_line = row.layout().sizeHint().width()
    row.resize(one_line + 20, row.layout().heightForWidth(one_line + 20))
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 1)
    narrow = buttons[0].sizeHint().width() + 10
    row.resize(narrow, row.layout().heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 3)
    assert all(b.width() == b.sizeHint().width() for b in buttons)
    assert row.layout().heightForWidth(narrow) > row.layout().heightForWidth(one_line + 20)
