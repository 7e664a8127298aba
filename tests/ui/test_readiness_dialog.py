"""Klaar voor de zaal? Before the beamer, the vote and the harvest export the console lists
what would embarrass the facilitator, with a button to each place to fix it; it never
blocks. Template placeholders carry a visible mark in the preparation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import run_state
from desktop_app.storage.templates import create_from_template, list_templates
from desktop_app.ui.console import build_console_window
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.harvest import HarvestPage
from desktop_app.ui.pages.prepare import PreparePage
from desktop_app.ui.pages.prepare_lists import PLACEHOLDER_ROLE
from desktop_app.ui.pages.vote import VotePage
from desktop_app.ui.readiness import ReadinessDialog
from desktop_app.ui.settings import Settings


def make_console(qtbot: QtBot, tmp_path: Path) -> ConsoleWindow:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    console = build_console_window(settings, "nl")
    qtbot.addWidget(console)
    console.resize(1280, 800)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    return console


@pytest.fixture
def pmo(qtbot: QtBot, tmp_path: Path) -> Iterator[ConsoleWindow]:
    """A new session from "PMO samen ontwerpen", as the template leaves it."""
    template = next(t for t in list_templates() if t.key == "pmo-samen-ontwerpen")
    path = create_from_template(template.path, tmp_path / "pmo.tafelronde", title="PMO 2027")
    console = make_console(qtbot, tmp_path)
    assert console.open_session(path)
    yield console
    console.beamer.window.hide()  # type: ignore[attr-defined]
    console.close()


@pytest.fixture
def demo(qtbot: QtBot, tmp_path: Path) -> Iterator[ConsoleWindow]:
    console = make_console(qtbot, tmp_path)
    assert console.open_demo()
    yield console
    console.beamer.window.hide()  # type: ignore[attr-defined]
    console.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def asked(console: ConsoleWindow) -> ReadinessDialog:
    dialog = console.readiness_gate().dialog
    assert isinstance(dialog, ReadinessDialog) and dialog.isVisible()
    return dialog


def finding_texts(dialog: ReadinessDialog) -> list[str]:
    return list(dialog.texts)


def test_placeholders_are_marked_and_checked_before_the_beamer(
    qtbot: QtBot, pmo: ConsoleWindow
) -> None:
    beamer = pmo.beamer  # type: ignore[attr-defined]
    pmo.menus.phase_actions[0].trigger()
    page = pmo.stack.currentWidget()
    assert isinstance(page, PreparePage)
    marked = [
        page.context.list.item(r).text()
        for r in range(page.context.list.count())
        if page.context.list.item(r).data(PLACEHOLDER_ROLE)
    ]
    assert "Cijfer: Verzuim vorig jaar: …% (branche …%)" in marked

    qtbot.keyClick(focused(), Qt.Key.Key_F5)
    dialog = asked(pmo)
    assert not beamer.window.isVisible()
    texts = finding_texts(dialog)
    assert any("Verzuim vorig jaar: …%" in t for t in texts)
    assert any("0 deelnemers" in t for t in texts)
    assert any("privacygrens" in t for t in texts)
    # "Ga erheen": the preparation's context tab, that item, its title field.
    index = next(i for i, t in enumerate(texts) if "Verzuim vorig jaar" in t)
    qtbot.mouseClick(dialog.go_buttons[index], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not beamer.window.isVisible()  # going there is not going on
    assert page.tabs.currentIndex() == 4
    assert page.context.title_field.hasFocus()
    page.context.title_field.selectAll()
    qtbot.keyClicks(focused(), "Verzuim vorig jaar: 4,8% (branche 5,1%)")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # stored on leaving the field
    assert page.context.text_field.hasFocus()  # "Vul in: …"
    page.context.text_field.selectAll()
    qtbot.keyClicks(focused(), "Vooral rugklachten bij de monteurs.")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    item = page.context.list.currentItem()
    assert item.text() == "Cijfer: Verzuim vorig jaar: 4,8% (branche 5,1%)"
    assert not item.data(PLACEHOLDER_ROLE)

    # Asked again: that one is gone; Enter shows the beamer anyway.
    pmo.beamer.toggle_action.trigger()  # type: ignore[attr-defined]
    dialog = asked(pmo)
    assert not any("Verzuim vorig jaar" in t for t in finding_texts(dialog))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert beamer.window.isVisible()
    # Hidden and shown again with the same findings: not asked a second time.
    beamer.toggle_action.trigger()
    assert not beamer.window.isVisible()
    beamer.toggle_action.trigger()
    assert beamer.window.isVisible()


def test_opening_the_vote_lists_loose_proposals_and_never_blocks(
    qtbot: QtBot, demo: ConsoleWindow
) -> None:
    demo.menus.phase_actions[3].trigger()
    page = demo.stack.currentWidget()
    assert isinstance(page, VotePage)
    state = demo.controller.session_file.state  # type: ignore[union-attr]
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    dialog = asked(demo)
    assert any("6 voorstellen in geen thema" in t for t in finding_texts(dialog))
    later = dialog.findChild(QWidget, "readinessLater")
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)  # "Eerst oplossen"
    assert not state(run_state.VOTING_OPEN, False)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    dialog = asked(demo)
    assert dialog.go_on_button is not None
    assert dialog.go_on_button.text() == "Stemming toch openen"
    qtbot.mouseClick(dialog.go_on_button, Qt.MouseButton.LeftButton)
    assert state(run_state.VOTING_OPEN, False) is True


def test_go_to_the_tray_and_the_export_asks_first(qtbot: QtBot, demo: ConsoleWindow) -> None:
    demo.menus.phase_actions[5].trigger()
    harvest = demo.stack.currentWidget()
    assert isinstance(harvest, HarvestPage)
    qtbot.mouseClick(harvest.cards["xlsx"].button, Qt.MouseButton.LeftButton)
    dialog = asked(demo)
    assert getattr(harvest, "file_dialog", None) is None  # not asked where yet
    qtbot.mouseClick(dialog.go_buttons[0], Qt.MouseButton.LeftButton)
    assert demo.phase_nav.currentRow() == 2  # the cluster board, where the tray is
    # File > Export to Excel: asked again (nothing changed), then where to save.
    demo.menus.export_xlsx_action.trigger()
    dialog = asked(demo)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(demo, "file_dialog", None) is not None)
    qtbot.waitUntil(lambda: focused().objectName() == "fileNameEdit")
    assert focused().text().endswith(".xlsx")  # type: ignore[attr-defined]
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)


def test_the_harvest_report_from_the_file_menu_asks_first_then_writes_the_pdf(
    qtbot: QtBot, demo: ConsoleWindow, tmp_path: Path
) -> None:
    """File > Oogstverslag (PDF): the check, then where to save, then a real PDF there."""
    target = tmp_path / "oogst.pdf"
    demo.menus.export_pdf_action.trigger()
    dialog = asked(demo)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # go on
    qtbot.waitUntil(lambda: getattr(demo, "file_dialog", None) is not None)
    qtbot.waitUntil(lambda: focused().objectName() == "fileNameEdit")
    assert focused().text().endswith(".pdf")  # type: ignore[attr-defined]
    focused().setText(str(target))  # type: ignore[attr-defined]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0, timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")


def test_the_view_menu_shows_the_check_any_time(qtbot: QtBot, demo: ConsoleWindow) -> None:
    demo.menus.readiness_action.trigger()
    dialog = asked(demo)
    assert dialog.go_on_button is None
    assert len(dialog.findings) == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
