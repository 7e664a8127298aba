"""Alt+letter: on every screen of the console each underlined letter leads to one place.

Two labels or buttons with the same letter on one screen (or one of them and a menu
title) make Alt+letter jump between them, or open the menu instead of the field: for
a facilitator working by keyboard the letter simply does not work. Checked on the
start page and every phase and tab, in Dutch and English.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.app import install_translators
from desktop_app.storage.demo import create_demo_copy
from desktop_app.ui.console import build_console_window
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def letters_on_screen(window: QWidget) -> dict[str, list[str]]:
    """Underlined letter -> the visible texts that use it (labels with a buddy, buttons,
    tabs, menu titles)."""
    used: dict[str, list[str]] = defaultdict(list)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        texts: list[str] = []
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            texts.append(widget.text())  # type: ignore[attr-defined]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            texts += [action.text() for action in widget.actions()]
        for text in texts:
            key = letter(text)
            if key is not None:
                used[key].append(text.replace("\n", " "))
    return used


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {key: texts for key, texts in letters_on_screen(window).items() if len(texts) > 1}


@pytest.fixture(params=["nl", "en"])
def console(
    request: pytest.FixtureRequest, qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> Iterator[ConsoleWindow]:
    locale = QLocale()
    translators = install_translators(qapp, request.param)
    window = build_console_window(Settings(), request.param)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_no_letter_is_used_twice_on_any_screen(
    console: ConsoleWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    found: dict[str, dict[str, list[str]]] = {}
    start = clashes(console)
    if start:
        found["start page"] = start
    assert console.open_session(create_demo_copy(tmp_path))
    screens = 0
    for row in range(console.phase_nav.count()):
        console.phase_nav.setCurrentRow(row)
        page = console.stack.currentWidget()
        qtbot.waitUntil(page.isVisible)
        tab_widgets = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
        tabs = [(t, i) for t in tab_widgets for i in range(t.count())] or [(None, 0)]
        for tab_widget, index in tabs:
            if tab_widget is not None:
                tab_widget.setCurrentIndex(index)
            screens += 1
            clash = clashes(console)
            if clash:
                found[f"phase {row + 1} tab {index}"] = clash
    assert screens >= 12  # every phase, and each tab of the tabbed ones
    assert found == {}


def test_a_clash_would_be_seen(qtbot: QtBot) -> None:
    """The check itself: two visible buttons with the same letter are reported."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    host = QWidget()
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    column.addWidget(QPushButton("&Opslaan"))
    column.addWidget(QPushButton("&Openen"))
    column.addWidget(QPushButton("Sl&uiten"))
    host.show()
    qtbot.waitExposed(host)
    assert clashes(host) == {"o": ["&Opslaan", "&Openen"]}
