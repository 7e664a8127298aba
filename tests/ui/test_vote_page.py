"""The vote page: rules, sticker tallies with checksums, void, reveal gate, results."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.voting import Ballot, items_frozen, rules_of
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController
from desktop_app.ui.kiosk import store_ballot
from desktop_app.ui.pages.vote import VotePage


@pytest.fixture
def page(
    show: Callable[[VotePage, int, int], VotePage], controller: SessionController
) -> Iterator[VotePage]:
    widget = show(VotePage(controller), 1200, 900)
    yield widget
    if widget.kiosk is not None:
        widget.kiosk.close()
    widget.close()


def settle(qtbot: QtBot, page: VotePage) -> None:
    """Wait for the page's deferred refresh after a change."""
    qtbot.waitUntil(lambda: not page._refresh_pending)


def column_texts(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def type_into_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits the editor's data on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_results_stay_hidden_until_revealed(qtbot: QtBot, page: VotePage, artifacts: Path) -> None:
    page.tabs.setCurrentIndex(2)
    assert page.hidden_card.isVisible()
    assert not page.results_area.isVisible()
    assert page.results_table.rowCount() == 0
    assert page.figure.axes == []
    qtbot.mouseClick(page.reveal_here, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert page.results_area.isVisible() and not page.hidden_card.isVisible()
    ranks = column_texts(page.results_table, 0)
    totals = [int(t) for t in column_texts(page.results_table, 2)]
    assert totals == sorted(totals, reverse=True)
    assert ranks == ["1.", "2.", "3.", "4.", "4.", "6.", "7."]  # the demo has a tie
    assert page.figure.axes  # the chart is drawn
    page.grab().save(str(artifacts / "vote_results.png"))
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)  # hide again
    settle(qtbot, page)
    assert page.hidden_card.isVisible() and page.results_table.rowCount() == 0
    assert page.figure.axes == []


def headers_of(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def type_floor(qtbot: QtBot, page: VotePage, value: str) -> None:
    page.floor_spin.setFocus()
    page.floor_spin.selectAll()
    qtbot.keyClicks(page.floor_spin, value)
    qtbot.keyClick(page.floor_spin, Qt.Key.Key_Return)
    settle(qtbot, page)


def test_privacy_floor_shows_small_groups_only_together(
    qtbot: QtBot, page: VotePage, controller: SessionController
) -> None:
    page.set_revealed(True)
    type_floor(qtbot, page, "13")
    assert controller.snapshot().privacy_floor == 13
    table = page.results_table
    headers = headers_of(table)
    # Ploegendienst (12 voters) and Leidinggevenden (6): one column, not one each
    assert headers[2:] == [
        "Totaal",
        "Monteurs",
        "Kantoor",
        "Overige groepen",
        "Verschil tussen groepen",
    ]
    assert "Ploegendienst" not in headers and "Leidinggevenden" not in headers
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(2, 6)]  # type: ignore[union-attr]
    assert not any(text.startswith("<") for text in cells)
    for row in range(table.rowCount()):
        total, monteurs, kantoor, others = (int(table.item(row, c).text()) for c in range(2, 6))  # type: ignore[union-attr]
        assert monteurs + kantoor + others == total
    assert page.floor_note.isVisible()
    assert "Overige groepen: Leidinggevenden, Ploegendienst." in page.floor_note.text()


def test_one_small_group_is_covered_by_the_next_smallest_without_saying_which(
    qtbot: QtBot, page: VotePage, controller: SessionController
) -> None:
    page.set_revealed(True)
    type_floor(qtbot, page, "7")  # only Leidinggevenden (6 voters) is below it
    headers = headers_of(page.results_table)
    assert "Overige groepen" in headers and "Leidinggevenden" not in headers
    assert "Ploegendienst" not in headers  # the cover: the smallest shown group
    assert "Monteurs" in headers and "Kantoor" in headers
    note = page.floor_note.text()
    # alphabetical, and nothing tells which of the two is the small one
    assert "Leidinggevenden, Ploegendienst" in note and "ook niet" not in note


def test_sticker_tally_typed_checked_and_undone(
    qtbot: QtBot, page: VotePage, controller: SessionController
) -> None:
    page.tabs.setCurrentIndex(1)
    snapshot = controller.snapshot()
    groups = snapshot.live_target_groups()
    leiding = next(g for g in groups if g.name == "Leidinggevenden")
    col = 1 + [g.id for g in groups].index(leiding.id)
    checks_before = page.check_table.item(3, 3).text()  # type: ignore[union-attr]
    assert page.tally_table.item(0, col).text() == ""  # type: ignore[union-attr]

    type_into_cell(qtbot, page.tally_table, 0, col, "7")
    settle(qtbot, page)
    item_id = page._items[0]
    tallies = [
        v
        for v in controller.snapshot().live_votes()
        if v.ballot_id is None and v.item_id == item_id and v.target_group_id == leiding.id
    ]
    assert [v.dots for v in tallies] == [7]
    assert page.tally_table.item(0, col).text() == "7"  # type: ignore[union-attr]
    # Leidinggevenden (row 3), dots on flip charts (column 3)
    assert page.check_table.item(3, 3).text() == "7"  # type: ignore[union-attr]

    # An over-count is flagged, not cut: 24 handed out to Leidinggevenden.
    type_into_cell(qtbot, page.tally_table, 0, col, "40")
    settle(qtbot, page)
    assert page.over_label.isVisible() and "Leidinggevenden" in page.over_label.text()
    assert [v.dots for v in controller.snapshot().live_votes() if v.id == tallies[0].id] == [40]

    # Same record edited, then removed with 0, then both steps undone.
    type_into_cell(qtbot, page.tally_table, 0, col, "0")
    settle(qtbot, page)
    assert all(v.id != tallies[0].id for v in controller.snapshot().live_votes())
    assert not page.over_label.isVisible()
    controller.undo()
    settle(qtbot, page)
    assert page.tally_table.item(0, col).text() == "40"  # type: ignore[union-attr]
    controller.undo()
    controller.undo()
    settle(qtbot, page)
    assert page.tally_table.item(0, col).text() == ""  # type: ignore[union-attr]
    assert page.check_table.item(3, 3).text() == checks_before  # type: ignore[union-attr]


def test_a_ballot_arriving_while_typing_a_count_keeps_the_typing(
    qtbot: QtBot, page: VotePage, controller: SessionController
) -> None:
    page.tabs.setCurrentIndex(1)
    table = page.tally_table
    col = table.columnCount() - 1
    table.setFocus()
    table.setCurrentCell(1, col)
    table.editItem(table.item(1, col))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "1")
    snapshot = controller.snapshot()
    themes = [t.id for t in snapshot.live_themes()]
    ballot = Ballot(themes, budget=4, cap=2)
    ballot.add(themes[3])
    store_ballot(controller, ballot, None)  # from the kiosk, meanwhile
    settle(qtbot, page)
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: table.item(1, col).text() == "12")  # type: ignore[union-attr]
    item_id, group_id = page._items[1], page._columns[-1]
    assert any(
        v.dots == 12 and v.item_id == item_id and v.target_group_id == group_id
        for v in controller.snapshot().live_votes()
    )


def test_open_voting_freezes_items_and_locks_rules(
    qtbot: QtBot, page: VotePage, controller: SessionController
) -> None:
    assert not page.kiosk_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert items_frozen(controller.snapshot(), controller.session_file.state)
    assert page.freeze_banner.isVisible() and "liggen vast" in page.freeze_banner.text()
    assert not page.dots_spin.isEnabled() and not page.target_combo.isEnabled()
    assert page.kiosk_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert not items_frozen(controller.snapshot(), controller.session_file.state)
    assert page.dots_spin.isEnabled()


def test_void_last_ballot_is_for_the_facilitator_and_undoable(
    qtbot: QtBot, page: VotePage, controller: SessionController
) -> None:
    snapshot = controller.snapshot()
    rules = rules_of(snapshot)
    themes = [t.id for t in snapshot.live_themes()]
    ballot = Ballot(themes, budget=rules.dots, cap=rules.cap)
    ballot.add(themes[0])
    ballot.add(themes[1])
    ballot_id = store_ballot(controller, ballot, snapshot.live_target_groups()[0].id)
    settle(qtbot, page)
    assert page.void_button.isEnabled()
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert all(v.ballot_id != ballot_id for v in controller.snapshot().live_votes())
    assert "2 stippen" in page.message_label.text()
    assert page.message_label.isVisible()
    controller.undo()
    assert sum(1 for v in controller.snapshot().live_votes() if v.ballot_id == ballot_id) == 2
    # The line "… telt niet meer mee" is no longer true: it goes with the undo.
    assert not page.message_label.isVisible()


def test_kiosk_launcher_opens_the_voting_screen(qtbot: QtBot, page: VotePage) -> None:
    page.set_voting_open(True)
    settle(qtbot, page)
    kiosk = page.open_kiosk(full_screen=False, seed=1)
    qtbot.waitExposed(kiosk)
    assert page.open_kiosk(full_screen=False) is kiosk  # one kiosk at a time
    assert len(kiosk.group_buttons) == 4
    kiosk.close()


def test_many_items_warn_and_suggestion_is_a_third(
    qtbot: QtBot, page: VotePage, controller: SessionController
) -> None:
    assert not page.many_banner.isVisible()
    for i in range(6):
        controller.run(ops.new_theme, f"Extra thema {i}")
    settle(qtbot, page)
    assert page.many_banner.isVisible() and "13" in page.many_banner.text()
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert controller.snapshot().session.dots_per_participant == 4  # 13 / 3, rounded


def test_results_identical_after_closing_and_reopening(
    qtbot: QtBot, demo_session: SessionFile
) -> None:
    path = demo_session.path
    controller = SessionController(demo_session)
    page = VotePage(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_revealed(True)
    settle(qtbot, page)
    before = [column_texts(page.results_table, c) for c in range(page.results_table.columnCount())]
    page.close()
    demo_session.close()
    reopened = SessionFile.open(path)
    try:
        again = VotePage(SessionController(reopened))
        qtbot.addWidget(again)
        again.show()
        settle(qtbot, again)
        table = again.results_table
        after = [column_texts(table, c) for c in range(table.columnCount())]
        assert reopened.state(run_state.RESULTS_REVEALED) is True
        assert after == before
        again.close()
    finally:
        reopened.close()


def keys(qtbot: QtBot, text: str) -> None:
    """Each key to whichever widget has the keyboard then (the first digit opens the cell)."""
    for char in text:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClicks(widget, char)


def test_tallies_typed_down_a_column_with_enter_and_across_with_tab(
    qtbot: QtBot, page: VotePage
) -> None:
    """Enter saves and goes down (the next count does not overwrite this one), Tab right."""
    page.tabs.setCurrentIndex(1)
    page.set_voting_open(True)
    settle(qtbot, page)
    table = page.tally_table
    table.setFocus()
    table.setCurrentCell(0, 1)
    fourth = table.item(3, 1).text()  # type: ignore[union-attr]
    position = table.mapTo(page, table.rect().topLeft())
    for count in ("12", "7", "30"):
        keys(qtbot, count)  # typing opens the cell
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
        settle(qtbot, page)
        # No layout jump under the mouse while typing (the status line keeps its place).
        assert table.mapTo(page, table.rect().topLeft()) == position
    # The grid is rebuilt from the file after each count: these are stored.
    assert column_texts(table, 1)[:4] == ["12", "7", "30", fourth]
    assert (table.currentRow(), table.currentColumn()) == (3, 1)
    keys(qtbot, "4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    keys(qtbot, "5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    settle(qtbot, page)
    assert table.item(3, 1).text() == "4"  # type: ignore[union-attr]
    assert table.item(3, 2).text() == "5"  # type: ignore[union-attr]


def test_every_item_of_the_tally_grid_is_in_it_at_1024x768(qtbot: QtBot, page: VotePage) -> None:
    page.resize(760, 640)  # the page's share of a 1024x768 console
    page.tabs.setCurrentIndex(1)
    settle(qtbot, page)
    table = page.tally_table
    qtbot.waitUntil(
        lambda: table.height() >= sum(table.rowHeight(r) for r in range(table.rowCount()))
    )
    # The grid has no scroll bar of its own: every row is in it, the tab scrolls.
    assert not table.verticalScrollBar().isVisible()
    last = table.item(table.rowCount() - 1, 1)
    table.setFocus()
    table.setCurrentItem(last)
    rect = table.visualItemRect(last)
    corner = table.viewport().mapTo(page.tally_scroll.viewport(), rect.bottomRight())
    assert page.tally_scroll.viewport().rect().contains(corner)
