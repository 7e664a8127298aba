"""Edit > Undo and Redo in the console, the way a facilitator reaches them.

Through the menu's QActions (``trigger()``) and through Ctrl+Z / Ctrl+Y typed
into whichever widget has the keyboard, after a scribe entry, a theme merge,
a sticker tally and a kiosk ballot. Also: each page refreshes once per change
it shows and never for the others, and an undo that an import made unsafe
says so in the console.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import Kind, Theme
from desktop_app.core.voting import tally_cells
from desktop_app.storage.demo import create_demo_copy
from desktop_app.storage.exchange import export_document, write_json_atomically
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.prepare import PreparePage
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.pages.themes import ThemesPage
from desktop_app.ui.pages.vote import VotePage

PHASE_ROUNDS, PHASE_CLUSTER, PHASE_VOTE = 1, 2, 3


@pytest.fixture
def console(open_console: Callable[[Path, int], ConsoleWindow], tmp_path: Path) -> ConsoleWindow:
    return open_console(create_demo_copy(tmp_path / "demo"), PHASE_ROUNDS)


def controller_of(console: ConsoleWindow) -> SessionController:
    assert console.controller is not None
    return console.controller


def shown_page(console: ConsoleWindow, phase: int) -> QWidget:
    console.phase_nav.setCurrentRow(phase)
    return console.stack.currentWidget()


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """Ctrl+key into whichever widget has the keyboard."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.ControlModifier)


def menu_text(console: ConsoleWindow) -> tuple[str, str]:
    return console.menus.undo_action.text(), console.menus.redo_action.text()


def live_texts(session: SessionFile) -> list[str]:
    return [p.text for p in session.proposals()]


def test_a_scribe_entry_undone_and_redone_by_menu_and_by_keys(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    page = shown_page(console, PHASE_ROUNDS)
    assert isinstance(page, RoundsPage)
    session = controller_of(console).session_file
    page.grid.setCurrentCell(0, 0)
    page.scribe.edit.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Fruit op vrijdag")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert live_texts(session).count("Fruit op vrijdag") == 1
    assert menu_text(console) == ("&Ongedaan maken: Voorstel toevoegen", "&Opnieuw")

    console.menus.undo_action.trigger()
    assert "Fruit op vrijdag" not in live_texts(session)
    assert menu_text(console)[1] == "&Opnieuw: Voorstel toevoegen"
    console.menus.redo_action.trigger()
    assert live_texts(session).count("Fruit op vrijdag") == 1

    # The keys, typed where the scribe types (the field is empty after Enter).
    assert QApplication.focusWidget() is page.scribe.edit
    press(qtbot, Qt.Key.Key_Z)
    assert "Fruit op vrijdag" not in live_texts(session)
    shown = [
        page.scribe.proposal_list.item(i).text() for i in range(page.scribe.proposal_list.count())
    ]
    assert "Fruit op vrijdag" not in shown
    press(qtbot, Qt.Key.Key_Y)
    assert live_texts(session).count("Fruit op vrijdag") == 1


def merge_from_the_theme_menu(page: ThemesPage, source: str, target: str) -> None:
    """The source theme's ⋮ menu > Samenvoegen met > the target's name."""
    box = page.theme_boxes[source]
    box.menu.aboutToShow.emit()  # the menu fills itself as it opens
    [merge_menu] = [
        a.menu() for a in box.menu.actions() if a.text() == "Samenvoegen met" and a.menu()
    ]
    [into] = [a for a in merge_menu.actions() if a.text() == page.themes[target].name]
    into.trigger()


def test_a_theme_merge_undone_by_menu_and_by_keys_on_the_board(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    page = shown_page(console, PHASE_CLUSTER)
    assert isinstance(page, ThemesPage)
    session = controller_of(console).session_file
    source, target = page.theme_order[:2]
    before = {t.id: t.proposal_ids for t in session.themes()}
    merge_from_the_theme_menu(page, source, target)
    assert source not in page.theme_boxes
    target_name = session.require(Kind.THEME, target, Theme).name
    source_name = session.require(Kind.THEME, source, Theme).name
    undo_text = menu_text(console)[0]
    # Both names, long ones cut short so the menu stays readable.
    assert undo_text.startswith(f"&Ongedaan maken: “{source_name[:20]}")
    assert f"” samengevoegd met “{target_name[:20]}" in undo_text
    assert len(undo_text) <= 110

    console.menus.undo_action.trigger()
    assert {t.id: t.proposal_ids for t in session.themes()} == before
    assert page.theme_boxes[source].model.ids() == [p for p in before[source] if p in page.cards]
    console.menus.redo_action.trigger()
    assert source not in page.theme_boxes

    # Ctrl+Z with a card list of the board holding the keyboard
    page.theme_boxes[target].view.setFocus()
    press(qtbot, Qt.Key.Key_Z)
    assert {t.id: t.proposal_ids for t in session.themes()} == before
    press(qtbot, Qt.Key.Key_Y)
    assert source not in {t.id for t in session.themes()}


def type_tally(qtbot: QtBot, page: VotePage, row: int, column: int, text: str) -> None:
    table = page.tally_table
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def cell_dots(session: SessionFile, item_id: str, group_id: str) -> int:
    return sum(v.dots for v in tally_cells(session.snapshot()).get((item_id, group_id), []))


def test_a_tally_undone_by_menu_and_by_keys_in_the_grid(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    page = shown_page(console, PHASE_VOTE)
    assert isinstance(page, VotePage)
    session = controller_of(console).session_file
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.tally_table.rowCount() > 0)
    item_id, group_id = page._items[0], page._columns[0]
    was = cell_dots(session, item_id, group_id)
    type_tally(qtbot, page, 0, 1, str(was + 5))
    assert cell_dots(session, item_id, group_id) == was + 5
    assert menu_text(console)[0] == "&Ongedaan maken: Turven aangepast"

    console.menus.undo_action.trigger()
    assert cell_dots(session, item_id, group_id) == was
    qtbot.waitUntil(lambda: page.tally_table.item(0, 1).text() == (str(was) if was else ""))
    console.menus.redo_action.trigger()
    assert cell_dots(session, item_id, group_id) == was + 5

    page.tally_table.setFocus()
    press(qtbot, Qt.Key.Key_Z)
    assert cell_dots(session, item_id, group_id) == was
    press(qtbot, Qt.Key.Key_Y)
    assert cell_dots(session, item_id, group_id) == was + 5


def test_a_kiosk_ballot_is_undone_in_the_console_not_at_the_kiosk(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    page = shown_page(console, PHASE_VOTE)
    assert isinstance(page, VotePage)
    session = controller_of(console).session_file
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)  # voting opens
    # "Klaar voor de zaal?": the demo has proposals in no theme; Enter goes on anyway.
    check = console.readiness_gate().dialog
    if check is not None and check.isVisible():
        qtbot.keyClick(check, Qt.Key.Key_Return)
    qtbot.waitUntil(page.kiosk_button.isEnabled)
    qtbot.mouseClick(page.kiosk_button, Qt.MouseButton.LeftButton)
    kiosk = page.kiosk
    assert kiosk is not None
    qtbot.waitExposed(kiosk)

    def ballots() -> set[str]:
        return {v.ballot_id for v in session.snapshot().live_votes() if v.ballot_id}

    before = ballots()
    qtbot.mouseClick(kiosk.group_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.rows[kiosk.order[0]].plus_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.ballot_cast):
        qtbot.mouseClick(kiosk.cast_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    [cast] = ballots() - before
    qtbot.keyClick(kiosk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cast in ballots()  # the voter cannot take it back
    kiosk.close()

    assert menu_text(console)[0] == "&Ongedaan maken: Kioskstem"
    console.menus.undo_action.trigger()
    assert ballots() == before
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    console.phase_nav.setFocus()
    press(qtbot, Qt.Key.Key_Y)
    assert ballots() == before | {cast}


def count_refreshes(page: QWidget, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = page.refresh  # type: ignore[attr-defined]

    def counted() -> None:
        calls.append(1)
        original()

    monkeypatch.setattr(page, "refresh", counted)
    return calls


def test_each_page_refreshes_once_per_change_it_shows_and_never_for_others(
    qtbot: QtBot, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = controller_of(console)
    prepare = shown_page(console, 0)  # built and shown once: up to date
    rounds = console.page(PHASE_ROUNDS)
    board = shown_page(console, PHASE_CLUSTER)
    assert isinstance(prepare, PreparePage) and isinstance(board, ThemesPage)
    assert isinstance(rounds, RoundsPage)
    heard: list[object] = []
    controller.changed.connect(heard.append)
    on_board = count_refreshes(board, monkeypatch)
    on_rounds = count_refreshes(rounds, monkeypatch)
    on_prepare = count_refreshes(prepare, monkeypatch)

    source, target = board.theme_order[:2]
    merge_from_the_theme_menu(board, source, target)  # cards move, a theme goes
    assert (len(heard), len(on_board)) == (1, 1)  # one change, one refresh
    console.menus.undo_action.trigger()
    assert (len(heard), len(on_board)) == (2, 2)
    # Pages that show no themes were neither refreshed nor marked to refresh.
    assert on_rounds == [] and on_prepare == []
    assert not getattr(rounds, "_stale", False) and not getattr(prepare, "_stale", False)

    # A change the preparation shows: marked once, refreshed when shown, not before.
    controller.run(ops.edit_session, title="Andere titel")
    assert len(on_board) == 2 and on_prepare == []
    shown_page(console, 0)
    assert len(on_prepare) == 1


def test_an_undo_an_import_made_unsafe_says_so_and_keeps_the_newer_value(
    qtbot: QtBot, console: ConsoleWindow, tmp_path: Path
) -> None:
    controller = controller_of(console)
    session = controller.session_file
    theme = session.themes()[0]
    controller.run(ops.rename_theme, theme.id, "Naam van deze laptop")
    # Another laptop renamed the same theme later; its file comes in.
    document = export_document(session)
    [record] = [t for t in document["clusters"] if t["id"] == theme.id]
    record.update(name="Naam van de tafel-laptop", updated_at="2099-01-01T10:05:00Z")
    write_json_atomically(document, tmp_path / "tafel.json")
    console.import_export.import_paths([tmp_path / "tafel.json"])
    console.import_export.import_report.close()
    assert console.menus.undo_action.isEnabled()  # the import kept the history

    with qtbot.waitSignal(controller.error) as message:
        console.menus.undo_action.trigger()
    assert "niet ongedaan gemaakt" in message.args[0]
    assert "Thema hernoemen naar “Naam van deze laptop”" in message.args[0]
    assert session.require(Kind.THEME, theme.id, Theme).name == "Naam van de tafel-laptop"
    assert "niet ongedaan gemaakt" in console.statusBar().currentMessage()
    assert not console.menus.undo_action.isEnabled()


def test_run_state_is_not_undone(console: ConsoleWindow) -> None:
    controller = controller_of(console)
    controller.run(ops.rename_theme, controller.session_file.themes()[0].id, "Eerst")
    shown_page(console, PHASE_VOTE)  # the phase is run state of this laptop
    controller.run_unrecorded(
        lambda: controller.session_file.set_state(run_state.RESULTS_REVEALED, True)
    )
    assert console.menus.undo_action.text() == "&Ongedaan maken: Thema hernoemen naar “Eerst”"
    console.menus.undo_action.trigger()
    assert controller.session_file.state(run_state.RESULTS_REVEALED) is True
    assert controller.session_file.state(run_state.PHASE) == PHASE_VOTE
