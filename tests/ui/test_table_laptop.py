"""Table-laptop mode reached as a facilitator does: File > "Deze laptop is tafel…" or
Ctrl+Shift+T asks which table; what the scribe types is saved or stays in the field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app import paths
from desktop_app.storage.session_file import SessionFileError
from desktop_app.storage.templates import create_from_template, list_templates
from desktop_app.ui.console import phases
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.table_laptop import TableLaptopWindow, TablePicker


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, tmp_path: Path) -> Iterator[ConsoleWindow]:
    world_cafe = next(t for t in list_templates() if t.key == "world-cafe-3-rondes")
    path = create_from_template(world_cafe.path, tmp_path / "cafe.tafelronde", title="Café")
    console = ConsoleWindow(settings, phases())
    qtbot.addWidget(console)
    console.resize(1280, 800)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    assert console.open_session(path)
    yield console
    console.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def open_picker(qtbot: QtBot, window: ConsoleWindow) -> TablePicker:
    qtbot.keyClick(
        focused(),
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    picker = window.sessions.table_picker
    assert isinstance(picker, TablePicker)
    qtbot.waitUntil(lambda: picker.table_list.hasFocus())
    return picker


def laptop_of(qtbot: QtBot, window: ConsoleWindow) -> TableLaptopWindow:
    qtbot.waitUntil(lambda: isinstance(window.table_laptop_window, TableLaptopWindow))
    laptop = window.table_laptop_window
    assert isinstance(laptop, TableLaptopWindow)
    qtbot.waitExposed(laptop)
    laptop.activateWindow()
    qtbot.waitUntil(laptop.scribe.edit.hasFocus)
    return laptop


def test_ctrl_shift_t_asks_which_table_and_the_menu_item_does_too(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    picker = open_picker(qtbot, window)
    names = [picker.table_list.item(r).text() for r in range(picker.table_list.count())]
    assert len(names) == len(window.controller.session_file.tables())  # type: ignore[union-attr]
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    laptop = laptop_of(qtbot, window)
    assert laptop.table_heading.text() == "Deze laptop is Tafel 3"
    assert "?" not in laptop.windowTitle()
    laptop.close()

    # The menu item (triggered with its "checked" argument) asks the same question.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.menus.table_laptop_action.trigger()
    picker = window.sessions.table_picker
    assert isinstance(picker, TablePicker) and picker.isVisible()
    assert picker.table_list.currentItem().text().startswith("3.")  # remembered
    qtbot.keyClick(picker.table_list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert window.table_laptop_window is None


def test_enter_saves_at_the_chosen_table_and_the_status_says_when(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    open_picker(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    laptop = laptop_of(qtbot, window)
    qtbot.keyClicks(focused(), "Wandelen in de pauze")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    session_file = window.controller.session_file  # type: ignore[union-attr]
    (proposal,) = session_file.proposals()
    assert proposal.text == "Wandelen in de pauze"
    assert proposal.table_id == session_file.tables()[1].id
    assert laptop.scribe.edit.toPlainText() == ""
    assert laptop.saved_label.text().startswith("Opgeslagen ")
    assert not laptop.problem_label.isVisible()
    laptop.close()


def test_a_refused_save_keeps_the_text_and_never_claims_saved(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    open_picker(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    laptop = laptop_of(qtbot, window)
    session_file = window.controller.session_file  # type: ignore[union-attr]
    # The disk fills up: SQLite may not grow the file by one more page, and what
    # room the last page had is taken by another table's laptop file merged in.
    pages = session_file.connection.execute("PRAGMA page_count").fetchone()[0]
    session_file.connection.execute(f"PRAGMA max_page_count = {pages}")
    other = session_file.tables()[5]
    round_id = session_file.rounds()[0].id
    for size in (1999, 400, 80, 16, 4):
        with pytest.raises(SessionFileError):
            for _ in range(400):
                session_file.add_proposal(round_id, other.id, "v" * size)
    before = session_file.proposals()
    typed = "Een voorstel dat niet past " * 60
    qtbot.keyClicks(focused(), typed)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert laptop.scribe.edit.toPlainText() == typed
    assert session_file.proposals() == before
    assert laptop.saved_label.text() == "Niet opgeslagen"
    assert laptop.problem_label.isVisible()
    assert "staat nog in het veld" in laptop.problem_label.text()
    # Room again: the same Enter saves it, and the warning goes.
    session_file.connection.execute("PRAGMA max_page_count = 1073741823")
    qtbot.keyClick(laptop.scribe.edit, Qt.Key.Key_Return)
    assert [p.text for p in session_file.proposals()] == [p.text for p in before] + [typed]
    assert laptop.scribe.edit.toPlainText() == ""
    assert laptop.saved_label.text().startswith("Opgeslagen ")
    assert not laptop.problem_label.isVisible()
    laptop.close()


def test_another_table_keeps_what_is_typed(qtbot: QtBot, window: ConsoleWindow) -> None:
    open_picker(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    laptop = laptop_of(qtbot, window)
    qtbot.keyClicks(focused(), "Nog niet af")
    qtbot.mouseClick(laptop.other_table_button, Qt.MouseButton.LeftButton)
    picker = window.sessions.table_picker
    assert isinstance(picker, TablePicker)
    qtbot.waitUntil(picker.table_list.hasFocus)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: laptop.table_heading.text() == "Deze laptop is Tafel 2")
    assert window.table_laptop_window is laptop
    assert laptop.scribe.edit.toPlainText() == "Nog niet af"
    laptop.close()


def test_export_my_table_asks_for_the_folder_in_the_apps_own_dialog(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    open_picker(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    laptop = laptop_of(qtbot, window)
    qtbot.keyClicks(focused(), "Fruit op de werkvloer")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    stick = paths.documents_dir() / "usb"
    stick.mkdir(parents=True)
    with qtbot.waitSignal(laptop.exported) as written:
        qtbot.mouseClick(laptop.export_button, Qt.MouseButton.LeftButton)
        dialog = laptop.file_dialog  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: focused().objectName() == "fileNameEdit")
        qtbot.keyClicks(focused(), "usb")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog is not None
    exported = Path(written.args[0])
    assert exported.parent == stick and exported.suffix == ".json"
    assert "Fruit op de werkvloer" in exported.read_text("utf-8")
    laptop.close()
