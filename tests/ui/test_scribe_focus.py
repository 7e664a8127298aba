"""The scribe's keyboard in the whole console: after a click in the beamer panel, in the
grid or in the phase list, Alt+digit, Ctrl+L and plain typing still reach the entry
field; Esc brings the keyboard back to it; the search never hides the cell being typed in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.storage.session_file import SessionFileError
from desktop_app.storage.templates import create_from_template, list_templates
from desktop_app.ui.console import build_console_window
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.settings import Settings

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ConsoleWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    world_cafe = next(t for t in list_templates() if t.key == "world-cafe-3-rondes")
    path = create_from_template(world_cafe.path, tmp_path / "cafe.tafelronde", title="Café")
    console = build_console_window(settings, "nl")
    qtbot.addWidget(console)
    console.resize(1600, 900)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    assert console.open_session(path)
    console.beamer.dock.show()  # type: ignore[attr-defined]
    console.menus.phase_actions[1].trigger()  # Ctrl+2
    yield console
    console.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def page_of(window: ConsoleWindow) -> RoundsPage:
    page = window.stack.currentWidget()
    assert isinstance(page, RoundsPage)
    return page


def table_name(page: RoundsPage) -> str:
    table = page._table(page.scribe.table_id)
    assert table is not None
    return table.name


def test_after_a_click_in_the_beamer_panel_the_keys_still_reach_the_scribe(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = page_of(window)
    dock = window.beamer.dock  # type: ignore[attr-defined]
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    qtbot.keyClicks(focused(), "Eerste")
    # The facilitator blacks out the beamer with the mouse, then turns to the next view.
    qtbot.mouseClick(dock.black_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
    assert page.scribe.edit.hasFocus()
    qtbot.keyClicks(focused(), " idee")
    assert page.scribe.edit.toPlainText() == "Eerste idee"
    # A tick in the moderation list does not take the keyboard either.
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    dock.refresh()
    item = dock.moderation.item(0)
    rect = dock.moderation.visualItemRect(item)
    qtbot.mouseClick(
        dock.moderation.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(12, rect.center().y())
    )
    qtbot.waitUntil(lambda: item.checkState() == Qt.CheckState.Checked)
    assert page.scribe.edit.hasFocus()

    # Focus really elsewhere (Tab into the panel): Alt+3 and Ctrl+L still work.
    dock.theme_box.setFocus()
    qtbot.waitUntil(dock.theme_box.hasFocus)
    qtbot.keyClick(focused(), Qt.Key.Key_3, ALT)
    assert table_name(page) == "Tafel 3"
    assert page.scribe.edit.hasFocus()
    dock.moderation.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_L, CTRL)
    assert page.scribe.edit.hasFocus()
    qtbot.keyClicks(focused(), "Tweede")
    assert page.scribe.edit.toPlainText() == "Tweede"


def test_table_and_round_keys_work_from_the_phase_list_and_the_grid(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = page_of(window)
    window.phase_nav.setFocus()
    qtbot.waitUntil(window.phase_nav.hasFocus)
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)  # next table
    assert table_name(page) == "Tafel 2"
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.round_heading.text() == "Ronde 2 van 3"
    assert window.stack.currentWidget() is page  # the phase list did not move
    qtbot.keyClick(focused(), Qt.Key.Key_4, ALT)
    assert table_name(page) == "Tafel 4" and page.scribe.edit.hasFocus()
    # A click in the grid, then typing: the letters land in the entry field.
    rect = page.grid.visualItemRect(page.grid.item(0, 1))
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table_name(page) == "Tafel 1"
    qtbot.keyClicks(focused(), "Fruit")
    assert page.scribe.edit.hasFocus()
    assert page.scribe.edit.toPlainText() == "Fruit"


def test_esc_returns_to_an_empty_entry_field(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    for text in ("Wandelen", "Fietsplan"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # edit the last one
    assert page.scribe.edit.toPlainText() == "Fietsplan"
    page.scribe.proposal_list.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert page.scribe.edit.hasFocus()
    assert page.scribe.edit.toPlainText() == ""
    assert page.scribe.editing_id is None
    # From the grid too; and new text that was typed is never thrown away.
    qtbot.keyClicks(focused(), "Half af")
    page.grid.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert page.scribe.edit.hasFocus()
    assert page.scribe.edit.toPlainText() == "Half af"


def test_search_is_beside_the_cell_and_esc_closes_it(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    for text in ("Fruit in de kantine", "Sportschool met korting"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClicks(focused(), "Fruit op vrijdag")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    entry_at = page.scribe.edit.mapTo(window, QPoint(0, 0))

    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    assert page.search_field.hasFocus()
    qtbot.keyClicks(focused(), "fruit")
    qtbot.waitUntil(lambda: page.results.count() == 2)
    # The cell being typed in stays where it was, with its list, in full view.
    assert page.scribe.edit.mapTo(window, QPoint(0, 0)) == entry_at
    assert page.scribe.proposal_list.isVisible() and page.scribe.proposal_list.count() == 1
    assert page.grid.isVisible()
    grid_cell = page.grid.visualItemRect(page.grid.currentItem())
    assert page.grid.viewport().rect().contains(grid_cell)
    assert "Gevonden: 2 voorstellen" in page.results_heading.text()
    # Enter goes into the results; Enter there jumps to that proposal's cell.
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.results.hasFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert table_name(page) == "Tafel 1"
    assert page.scribe.proposal_list.currentItem().text() == "Fruit in de kantine"
    assert not page.results.isVisible()
    # Search again, and Esc leaves it: back in the entry field.
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(focused(), "sport")
    qtbot.waitUntil(lambda: page.results.isVisible())
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not page.results.isVisible()
    assert page.search_field.text() == ""
    assert page.scribe.edit.hasFocus()


def test_a_refused_proposal_stays_typed_and_the_console_says_not_saved(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = page_of(window)
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    session_file = window.controller.session_file  # type: ignore[union-attr]
    # The disk fills up (SQLite may not grow the file), so the save is refused.
    pages = session_file.connection.execute("PRAGMA page_count").fetchone()[0]
    session_file.connection.execute(f"PRAGMA max_page_count = {pages}")
    round_id = session_file.rounds()[0].id
    other = session_file.tables()[5].id
    for size in (1999, 400, 80, 16, 4):
        with pytest.raises(SessionFileError):
            for _ in range(400):
                session_file.add_proposal(round_id, other, "v" * size)
    typed = "Een voorstel voor een volle schijf " * 40
    type_keys = focused()
    qtbot.keyClicks(type_keys, typed)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.scribe.edit.toPlainText() == typed
    assert window.saved_label.text() == "Niet opgeslagen"
    error = window.last_error
    assert error.isVisible() and "schijf" in error.text()
    error.close()
