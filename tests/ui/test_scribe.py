"""Scribe entry on the Rondes page, driven by keys: type, Enter, next; edit, delete, undo, redo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QFontMetrics, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import MAX_PROPOSAL_LENGTH
from desktop_app.core.round_timer import RoundTimer
from desktop_app.storage.session_file import SessionFile
from desktop_app.storage.templates import create_from_template, list_templates
from desktop_app.ui.controller import SessionController
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.round_timer import RoundTimerWidget
from desktop_app.ui.settings import Settings


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    world_cafe = next(t for t in list_templates() if t.key == "world-cafe-3-rondes")
    return create_from_template(world_cafe.path, tmp_path / "cafe.tafelronde", title="Café")


@pytest.fixture
def window(open_console: Callable[[Path, int], ConsoleWindow], session_path: Path) -> ConsoleWindow:
    """The console on a World Café session, at 2 Rondes."""
    return open_console(session_path, 1)


def rounds_page(window: ConsoleWindow) -> RoundsPage:
    page = window.stack.currentWidget()
    assert isinstance(page, RoundsPage)
    return page


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Key clicks for ASCII; other characters arrive as the input method commits them."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_proposal(qtbot: QtBot, page: RoundsPage, text: str) -> None:
    edit = page.scribe.edit
    edit.setFocus()
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def list_texts(page: RoundsPage) -> list[str]:
    plist = page.scribe.proposal_list
    return [plist.item(i).text() for i in range(plist.count())]


def test_thirty_proposals_across_tables_and_rounds(
    qtbot: QtBot, window: ConsoleWindow, settings: Settings, session_path: Path
) -> None:
    page = rounds_page(window)
    assert page.grid.rowCount() == 6 and page.grid.columnCount() == 3
    expected: dict[tuple[int, int], list[str]] = {}
    for n in range(30):
        table, round_index = n % 3, (n // 3) % 2
        if round_index == 1 and page.controller.session_file.state(run_state.CURRENT_ROUND) != (
            page._rounds[1].id
        ):
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        page.scribe.edit.setFocus()
        qtbot.keyClick(page.scribe.edit, Qt.Key.Key_1 + table, Qt.KeyboardModifier.AltModifier)
        assert page.grid.currentRow() == table
        page.grid.setCurrentCell(table, round_index)
        text = f"Voorstel {n}: fruit op de werkvloer 🍎" if n % 5 else f"=SOM(A{n}) ‘gezond’"
        type_proposal(qtbot, page, text)
        assert page.scribe.edit.toPlainText() == ""  # Enter saved and cleared
        assert list_texts(page)[-1] == text  # and it is visible at once
        expected.setdefault((table, round_index), []).append(text)
        assert page.grid.item(table, round_index).text() == str(len(expected[(table, round_index)]))

    # Close the app and open the file again: everything is there, exactly as typed.
    window.close_session()
    assert window.open_session(session_path)
    window.phase_nav.setCurrentRow(1)
    page = rounds_page(window)
    for (table, round_index), texts in expected.items():
        page.grid.setCurrentCell(table, round_index)
        assert list_texts(page) == texts
        assert page.grid.item(table, round_index).text() == str(len(texts))
    assert sum(len(t) for t in expected.values()) == 30


def test_edit_delete_undo_redo_by_keyboard(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    page.grid.setCurrentCell(0, 0)
    type_proposal(qtbot, page, "Gezonde luch")
    type_proposal(qtbot, page, "Fietsplan")
    assert list_texts(page) == ["Gezonde luch", "Fietsplan"]

    # Up in the empty field brings the last one back; Enter stores the correction.
    edit = page.scribe.edit
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.toPlainText() == "Fietsplan" and page.scribe.editing_id is not None
    qtbot.keyClicks(edit, " met e-bike")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert list_texts(page) == ["Gezonde luch", "Fietsplan met e-bike"]
    assert page.scribe.editing_id is None

    # Inline edit in the list: F2, type, Enter.
    plist = page.scribe.proposal_list
    plist.setFocus()
    plist.setCurrentRow(0)
    qtbot.keyClick(plist, Qt.Key.Key_F2)
    editor = plist.findChild(object, "inlineProposalEditor")
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Gezonde lunch")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: list_texts(page) == ["Gezonde lunch", "Fietsplan met e-bike"])

    # Delete removes the chosen one; the grid count follows.
    plist.setFocus()
    plist.setCurrentRow(1)
    qtbot.keyClick(plist, Qt.Key.Key_Delete)
    assert list_texts(page) == ["Gezonde lunch"]
    assert page.grid.item(0, 0).text() == "1"

    # Ctrl+Z (with an empty entry field focused) undoes the delete, then the edits.
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_texts(page) == ["Gezonde lunch", "Fietsplan met e-bike"]
    assert page.grid.item(0, 0).text() == "2"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_texts(page) == ["Gezonde luch", "Fietsplan met e-bike"]
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert list_texts(page) == ["Gezonde lunch", "Fietsplan met e-bike"]
    qtbot.keyClick(
        edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert list_texts(page) == ["Gezonde lunch"]
    # Undo an add: the proposal disappears from list and count.
    for _ in range(4):
        window.menus.undo_action.trigger()
    assert list_texts(page) == ["Gezonde luch"]
    assert page.grid.item(0, 0).text() == "1"
    window.menus.redo_action.trigger()
    assert list_texts(page) == ["Gezonde luch", "Fietsplan"]


def test_ctrl_z_while_typing_undoes_typing_only(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    type_proposal(qtbot, page, "Eerste")
    edit = page.scribe.edit
    qtbot.keyClicks(edit, "half getypt")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_texts(page) == ["Eerste"]  # the saved proposal is untouched


def test_shift_enter_is_a_new_line(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    edit = page.scribe.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Regel een")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(edit, "regel twee")
    assert list_texts(page) == []
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert list_texts(page) == ["Regel een\nregel twee"]


def test_empty_or_blank_text_is_not_saved(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    type_proposal(qtbot, page, "   ")
    assert list_texts(page) == []


def test_table_keys_pick_tables(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    edit = page.scribe.edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert page.grid.currentRow() == 2 and edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.currentRow() == 3
    qtbot.keyClick(edit, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.currentRow() == 1
    assert "Tafel 2" in page.cell_heading.text()


def test_limit_of_2000_characters_keeps_what_was_typed(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    edit = page.scribe.edit
    edit.setFocus()
    typed = "é" * (MAX_PROPOSAL_LENGTH - 3)
    edit.insertPlainText(typed)
    assert page.scribe.counter_label.isVisible()
    qtbot.keyClicks(edit, "abcdef")
    assert edit.toPlainText() == typed + "abc"  # refused beyond 2,000, nothing lost
    type_text(qtbot, edit, "ü")
    assert edit.toPlainText() == typed + "abc"
    mime = QMimeData()
    mime.setText("plakwerk")
    edit.insertFromMimeData(mime)
    assert len(edit.toPlainText()) == MAX_PROPOSAL_LENGTH
    assert "2000" in page.scribe.counter_label.text()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert list_texts(page) == [typed + "abc"]


def test_gentle_near_duplicate_warning(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    page.grid.setCurrentCell(0, 0)
    type_proposal(qtbot, page, "Fysiotherapeut op locatie")
    page.grid.setCurrentCell(0, 1)  # same table, next round
    edit = page.scribe.edit
    qtbot.keyClicks(edit, "fysiotherapeut op lokatie!")
    assert page.scribe.warning_label.isVisible()
    assert "Fysiotherapeut op locatie" in page.scribe.warning_label.text()
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # only a warning: it is saved
    assert list_texts(page) == ["fysiotherapeut op lokatie!"]
    assert not page.scribe.warning_label.isVisible()
    page.grid.setCurrentCell(1, 1)  # another table: no warning
    qtbot.keyClicks(edit, "Fysiotherapeut op locatie")
    assert not page.scribe.warning_label.isVisible()


def test_search_across_all_proposals_and_jump(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = rounds_page(window)
    page.grid.setCurrentCell(0, 0)
    type_proposal(qtbot, page, "Bedrijfsfitness")
    page.grid.setCurrentCell(4, 2)
    type_proposal(qtbot, page, "Fitness met collega's")
    page.grid.setCurrentCell(2, 1)
    qtbot.keyClick(page.scribe.edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_field.hasFocus()
    qtbot.keyClicks(page.search_field, "FITNESS")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert page.results.isVisible()
    texts = [page.results.item(i).text() for i in range(page.results.count())]
    assert len(texts) == 2 and "Tafel 5 · ronde 3: Fitness met collega's" in texts
    page.results.itemActivated.emit(page.results.item(1))
    assert (page.grid.currentRow(), page.grid.currentColumn()) == (4, 2)
    assert not page.results.isVisible()
    assert page.scribe.proposal_list.currentItem().text() == "Fitness met collega's"


def test_next_round_marks_the_grid_and_resets_the_timer(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = rounds_page(window)
    assert "Ronde 1 van 3" in page.round_heading.text()
    assert page.grid.horizontalHeaderItem(0).font().bold()
    page.scribe.edit.setFocus()
    qtbot.keyClick(
        page.scribe.edit,
        Qt.Key.Key_PageDown,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "Ronde 2 van 3" in page.round_heading.text()
    assert page.grid.horizontalHeaderItem(1).font().bold()
    assert not page.grid.horizontalHeaderItem(0).font().bold()
    assert page.grid.currentColumn() == 1
    sf = page.controller.session_file
    assert sf.state(run_state.CURRENT_ROUND) == page._rounds[1].id
    assert RoundTimer.from_state(sf.state(run_state.TIMER)).round_id == page._rounds[1].id


def test_round_timer_start_pause_plus_reset_and_restart(qtbot: QtBot, tmp_path: Path) -> None:
    world_cafe = next(t for t in list_templates() if t.key == "world-cafe-3-rondes")
    path = create_from_template(world_cafe.path, tmp_path / "t.tafelronde")
    now = [1000.0]
    session_file = SessionFile.open(path)
    controller = SessionController(session_file)
    first = session_file.rounds()[0]
    session_file.set_state(run_state.CURRENT_ROUND, first.id)
    widget = RoundTimerWidget(controller, clock=lambda: now[0])
    qtbot.addWidget(widget)
    assert widget.time_label.text() == f"{first.minutes}:00"
    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    now[0] += 65
    widget._show_time()
    assert widget.time_label.text() == f"{first.minutes - 2}:55"
    assert widget.start_button.text() == "Pauze"
    qtbot.mouseClick(widget.plus_button, Qt.MouseButton.LeftButton)
    assert widget.time_label.text() == f"{first.minutes - 1}:55"
    # The app closes and starts again 5 minutes later: the clock kept running.
    widget.close()
    controller.close()
    now[0] += 300
    session_file = SessionFile.open(path)
    controller = SessionController(session_file)
    again = RoundTimerWidget(controller, clock=lambda: now[0])
    qtbot.addWidget(again)
    assert again.time_label.text() == f"{first.minutes - 6}:55"
    qtbot.mouseClick(again.start_button, Qt.MouseButton.LeftButton)  # pause
    now[0] += 600
    again._show_time()
    assert again.time_label.text() == f"{first.minutes - 6}:55"
    assert again.state_label.text() == "gepauzeerd"
    qtbot.mouseClick(again.reset_button, Qt.MouseButton.LeftButton)
    assert again.time_label.text() == f"{first.minutes}:00"
    again.close()
    controller.close()
    QApplication.processEvents()


def test_text_being_edited_survives_a_cell_change_and_a_deletion(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = rounds_page(window)
    page.grid.setCurrentCell(0, 0)
    type_proposal(qtbot, page, "Fietsplan")
    edit = page.scribe.edit
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    qtbot.keyClicks(edit, " met e-bike")
    page.grid.setCurrentCell(1, 0)  # another table while editing: nothing is lost
    assert edit.toPlainText() == "Fietsplan met e-bike"
    page.grid.setCurrentCell(0, 0)
    [item_id] = [p.id for p in page.controller.session_file.proposals()]
    page.controller.run(ops.delete_proposals, [item_id])  # e.g. by another hand
    assert edit.toPlainText() == "Fietsplan met e-bike"
    assert page.scribe.editing_id is None
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # becomes a new proposal, not a hidden edit
    assert list_texts(page) == ["Fietsplan met e-bike"]


def test_round_titles_shorten_instead_of_being_clipped(qtbot: QtBot, window: ConsoleWindow) -> None:
    """At 1024x768 the grid is narrow: "R2" rather than a cut-off "tonde :"."""
    page = rounds_page(window)
    header = page.grid.horizontalHeader()

    def titles() -> list[str]:
        return [page.grid.horizontalHeaderItem(c).text() for c in range(page.grid.columnCount())]

    def all_fit() -> bool:
        """As the stylesheet draws the titles: semibold, with 8 px padding each side."""
        font = QFont(page.grid.horizontalHeaderItem(0).font())
        font.setWeight(QFont.Weight.DemiBold)
        return all(
            QFontMetrics(font).horizontalAdvance(text) + 16 <= header.sectionSize(c)
            for c, text in enumerate(titles())
        )

    window.resize(1024, 768)
    page.splitter.setSizes([260, 700])
    qtbot.waitUntil(lambda: titles() == ["R1", "R2", "R3"])
    assert all_fit()
    window.resize(1900, 1000)
    page.splitter.setSizes([900, 900])
    qtbot.waitUntil(lambda: titles() == ["Ronde 1", "Ronde 2", "Ronde 3"])
    assert all_fit()


def test_after_ctrl_2_typing_goes_into_the_scribe_field_not_a_button(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    """From a field of Voorbereiden, Ctrl+2 and then typing: the space bar and Enter must
    not press 'Volgende ronde' or start the timer; the text becomes a proposal."""
    window.phase_nav.setCurrentRow(0)
    prepare = window.stack.currentWidget()
    field = prepare.session_form.organisation_field  # type: ignore[attr-defined]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = rounds_page(window)
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    first_round = page._current_round
    qtbot.keyClicks(QApplication.focusWidget(), "Samen wandelen in de pauze")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert list_texts(page) == ["Samen wandelen in de pauze"]
    assert page._current_round == first_round  # no button was pressed on the way
    sf = page.controller.session_file
    assert RoundTimer.from_state(sf.state(run_state.TIMER)).running is False


def test_a_phase_without_a_first_field_keeps_the_keyboard_in_the_phase_list(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = rounds_page(window)
    page.scribe.edit.setFocus()
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    qtbot.keyClick(page.scribe.edit, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.phase_nav.hasFocus)
    assert window.phase_nav.currentRow() == 3


def test_ctrl_2_from_the_phase_list_also_lands_in_the_scribe_field(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    window.phase_nav.setCurrentRow(0)
    window.phase_nav.setFocus()
    qtbot.waitUntil(window.phase_nav.hasFocus)
    qtbot.keyClick(window.phase_nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = rounds_page(window)
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    # arrowing through the list keeps the keyboard in the list
    window.phase_nav.setFocus()
    qtbot.keyClick(window.phase_nav, Qt.Key.Key_Down)
    assert window.phase_nav.currentRow() == 2 and window.phase_nav.hasFocus()
