"""Voorbereiden: fields store when left; a broken rule shows next to the field, stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core import run_state
from desktop_app.storage.session_file import SessionFile
from desktop_app.storage.templates import create_from_template, list_templates
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.prepare import PreparePage


@pytest.fixture
def window(open_console: Callable[[Path, int], ConsoleWindow], tmp_path: Path) -> ConsoleWindow:
    """The console on a blank session, at 1 Voorbereiden."""
    blank = next(t for t in list_templates() if t.key == "leeg")
    path = create_from_template(blank.path, tmp_path / "leeg.tafelronde", title="Leeg")
    return open_console(path, 0)


def prepare_page(window: ConsoleWindow) -> PreparePage:
    page = window.stack.currentWidget()
    assert isinstance(page, PreparePage)
    return page


def replace_text(qtbot: QtBot, field: object, text: str) -> None:
    field.setFocus()  # type: ignore[attr-defined]
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_add_twelve_tables_rename_and_refuse_a_duplicate(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = prepare_page(window)
    page.tabs.setCurrentIndex(2)
    tables = page.tables
    assert tables.empty_hint.isVisible()
    qtbot.mouseClick(tables.twelve_button, Qt.MouseButton.LeftButton)
    sf = page.controller.session_file
    assert [t.name for t in sf.tables()] == [f"Tafel {n}" for n in range(1, 13)]
    assert tables.list.count() == 12

    tables.list.setCurrentRow(1)
    replace_text(qtbot, tables.name_field, "Tafel 1")  # already taken
    assert tables.name_error.isVisible()
    assert "al in gebruik" in tables.name_error.text()
    assert sf.tables()[1].name == "Tafel 2"  # nothing stored
    assert tables.name_field.text() == "Tafel 1"  # what was typed stays
    replace_text(qtbot, tables.name_field, "Tafel bij het raam")
    assert not tables.name_error.isVisible()
    assert sf.tables()[1].name == "Tafel bij het raam"
    replace_text(qtbot, tables.host_field, "Henk")
    assert sf.tables()[1].host == "Henk"

    # Reorder by keyboard, and undo it.
    tables.list.setFocus()
    qtbot.keyClick(tables.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [t.name for t in sf.tables()][:2] == ["Tafel bij het raam", "Tafel 1"]
    window.menus.undo_action.trigger()
    assert [t.name for t in sf.tables()][:2] == ["Tafel 1", "Tafel bij het raam"]

    # Delete with the Delete key; one undo brings it back.
    tables.list.setCurrentRow(11)
    qtbot.keyClick(tables.list, Qt.Key.Key_Delete)
    assert len(sf.tables()) == 11
    window.menus.undo_action.trigger()
    assert len(sf.tables()) == 12
    # Undo of "12 tables" goes back to none.
    while window.menus.undo_action.isEnabled():
        window.menus.undo_action.trigger()
    assert sf.tables() == []


def test_target_groups_counts_not_negative(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = prepare_page(window)
    page.tabs.setCurrentIndex(1)
    groups = page.target_groups
    qtbot.mouseClick(groups.add_button, Qt.MouseButton.LeftButton)
    assert groups.name_field.hasFocus()
    qtbot.keyClicks(groups.name_field, "Monteurs")
    qtbot.keyClick(groups.name_field, Qt.Key.Key_Tab)
    replace_text(qtbot, groups.count_field, "-3")
    assert groups.count_error.isVisible() and "negatief" in groups.count_error.text()
    sf = page.controller.session_file
    assert sf.target_groups()[0].participants == 0
    replace_text(qtbot, groups.count_field, "24")
    assert not groups.count_error.isVisible()
    assert sf.target_groups()[0].name == "Monteurs"
    assert sf.target_groups()[0].participants == 24
    assert groups.list.item(0).text() == "Monteurs (24 deelnemers)"

    # A table can belong to the target group.
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.tables.add_button, Qt.MouseButton.LeftButton)
    page.tables.group_field.setCurrentIndex(1)
    page.tables.group_field.activated.emit(1)
    assert sf.tables()[0].target_group_id == sf.target_groups()[0].id


def test_rounds_question_minutes_and_reorder(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = prepare_page(window)
    page.tabs.setCurrentIndex(3)
    rounds = page.rounds
    sf = page.controller.session_file
    for question in ("Wat houdt je gezond?", "Wat moet er in het PMO?"):
        qtbot.mouseClick(rounds.add_button, Qt.MouseButton.LeftButton)
        assert rounds.question_field.hasFocus()
        qtbot.keyClicks(rounds.question_field, question)
        qtbot.keyClick(rounds.question_field, Qt.Key.Key_Tab)  # leaving the field stores it
    assert [(r.number, r.question) for r in sf.rounds()] == [
        (1, "Wat houdt je gezond?"),
        (2, "Wat moet er in het PMO?"),
    ]
    replace_text(qtbot, rounds.minutes_field, "0")
    assert rounds.minutes_error.isVisible()
    assert sf.rounds()[1].minutes == 20
    replace_text(qtbot, rounds.minutes_field, "25")
    assert sf.rounds()[1].minutes == 25
    qtbot.mouseClick(rounds.up_button, Qt.MouseButton.LeftButton)
    assert [r.question for r in sf.rounds()] == ["Wat moet er in het PMO?", "Wat houdt je gezond?"]
    assert [r.number for r in sf.rounds()] == [1, 2]
    window.menus.undo_action.trigger()
    assert [r.question for r in sf.rounds()] == ["Wat houdt je gezond?", "Wat moet er in het PMO?"]


def test_session_details_and_voting_rules(
    qtbot: QtBot, window: ConsoleWindow, tmp_path: Path
) -> None:
    page = prepare_page(window)
    form = page.session_form
    sf = page.controller.session_file
    replace_text(qtbot, form.title_field, "PMO Bouw 2026")
    replace_text(qtbot, form.organisation_field, "Bouwbedrijf Noord")
    assert sf.session().title == "PMO Bouw 2026"
    assert "PMO Bouw 2026" in window.windowTitle()
    replace_text(qtbot, form.title_field, "")
    assert form.title_error.isVisible()
    assert sf.session().title == "PMO Bouw 2026"
    replace_text(qtbot, form.dots_field, "5")
    replace_text(qtbot, form.cap_field, "7")
    assert form.cap_error.isVisible()  # more than the dots per participant
    replace_text(qtbot, form.cap_field, "2")
    replace_text(qtbot, form.floor_field, "3")
    info = sf.session()
    assert (info.dots_per_participant, info.max_dots_per_item) == (5, 2)
    assert sf.state(run_state.PRIVACY_FLOOR) == 3
    assert "Opgeslagen" in window.saved_label.text()
    # Close and reopen: all is there.
    path = sf.path
    window.close_session()
    with SessionFile.open(path) as again:
        assert again.session().organisation == "Bouwbedrijf Noord"
        assert again.state(run_state.PRIVACY_FLOOR) == 3


def test_context_items(qtbot: QtBot, window: ConsoleWindow) -> None:
    page = prepare_page(window)
    page.tabs.setCurrentIndex(4)
    context = page.context
    context.list.setFocus()
    qtbot.keyClick(context.list, Qt.Key.Key_Insert)
    assert context.title_field.hasFocus()
    qtbot.keyClicks(context.title_field, "Tillen en bukken")
    qtbot.keyClick(context.title_field, Qt.Key.Key_Tab)
    sf = page.controller.session_file
    items = sf.entities(context.kind)
    assert [(i.kind, i.title) for i in items] == [("risk", "Tillen en bukken")]  # type: ignore[union-attr]


def test_every_underlined_label_takes_the_keyboard_to_its_field(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = prepare_page(window)
    labels = [
        label
        for label in page.session_form.findChildren(QLabel)
        if "&" in label.text().replace("&&", "")
    ]
    assert len(labels) >= 6
    for label in labels:
        buddy = label.buddy()
        assert buddy is not None, label.text()
        target = buddy.focusProxy() or buddy
        assert target.focusPolicy() != Qt.FocusPolicy.NoFocus, label.text()
    page.session_form.title_field.setFocus()
    qtbot.waitUntil(page.session_form.title_field.hasFocus)
    qtbot.keyClick(page.session_form.title_field, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.session_form.purpose_field.hasFocus())
