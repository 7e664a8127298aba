"""Sessions in the console: start page, templates, open, save a copy, close; table laptops and
import on the facilitator's side; remembered window state; screenshots of every screen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from layout_checks import layout_problems
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QSplitter
from pytestqt.qtbot import QtBot

from desktop_app import paths
from desktop_app.storage.exchange import export_file
from desktop_app.storage.session_file import SessionFile
from desktop_app.storage.templates import list_templates
from desktop_app.ui.console import phases
from desktop_app.ui.import_report import ImportReportDialog
from desktop_app.ui.look import apply_look
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.new_session_dialog import NewSessionDialog
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.settings import Settings
from desktop_app.ui.shortcuts import ShortcutsDialog
from desktop_app.ui.table_laptop import TableLaptopWindow

SIZES = {"1920x1080": (1920, 1080), "1024x768": (1024, 768)}


def make_window(qtbot: QtBot, settings: Settings) -> ConsoleWindow:
    console = ConsoleWindow(settings, phases())
    qtbot.addWidget(console)
    console.resize(1280, 800)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    return console


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> Iterator[ConsoleWindow]:
    console = make_window(qtbot, settings)
    yield console
    console.close()


def new_from_start_page(qtbot: QtBot, window: ConsoleWindow, index: int, title: str) -> None:
    assert window.screens.currentWidget() is window.start_page
    qtbot.mouseClick(window.start_page.template_buttons[index], Qt.MouseButton.LeftButton)
    dialog = window.sessions.new_session_dialog
    assert isinstance(dialog, NewSessionDialog)
    dialog.title_field.selectAll()
    qtbot.keyClicks(dialog.title_field, title)
    with qtbot.waitSignal(window.session_opened):
        qtbot.keyClick(dialog.title_field, Qt.Key.Key_Return)


def test_the_new_session_dialog_title_label_is_a_shortcut_not_an_ampersand(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    qtbot.mouseClick(window.start_page.template_buttons[0], Qt.MouseButton.LeftButton)
    dialog = window.sessions.new_session_dialog
    assert isinstance(dialog, NewSessionDialog)
    qtbot.waitExposed(dialog)
    (label,) = [lbl for lbl in dialog.findChildren(QLabel) if lbl.text() == "&Titel"]
    assert label.buddy() is not None  # drawn as an underlined T, not as "&Titel"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.folder_button.setFocus()
    qtbot.waitUntil(dialog.folder_button.hasFocus)
    qtbot.keyClick(dialog.folder_button, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.title_field.hasFocus)
    dialog.reject()


@pytest.mark.parametrize("index", range(4))
def test_new_session_from_each_template(qtbot: QtBot, window: ConsoleWindow, index: int) -> None:
    template = list_templates()[index]
    document = json.loads(template.path.read_text("utf-8"))
    new_from_start_page(qtbot, window, index, f"Sessie {index}")
    assert window.controller is not None
    session_file = window.controller.session_file
    assert session_file.path.parent == paths.documents_dir()
    assert session_file.path.name.startswith(f"Sessie {index} ")
    assert session_file.session().title == f"Sessie {index}"
    assert session_file.session().id != document["session"]["id"]
    assert len(session_file.tables()) == len(document.get("tables", []))
    assert len(session_file.rounds()) == len(document.get("rounds", []))
    assert window.screens.currentWidget() is window.console_area
    assert "Sessie" in window.windowTitle()
    window.close_session()
    assert window.screens.currentWidget() is window.start_page
    assert window.start_page.recent_list.count() == 1  # and it is in "recent"


def test_recent_open_and_save_a_copy(qtbot: QtBot, window: ConsoleWindow, tmp_path: Path) -> None:
    new_from_start_page(qtbot, window, 2, "Cafe")
    assert window.controller is not None
    original = window.controller.session_file.path
    copy = window.sessions.save_copy(tmp_path / "kopie.tafelronde")
    assert copy is not None
    assert window.controller.session_file.path == original  # still working in the original
    window.close_session()
    with SessionFile.open(copy) as session_file:
        assert session_file.session().title == "Cafe"
    window.start_page.recent_list.setCurrentRow(0)
    window.start_page.recent_list.itemActivated.emit(window.start_page.recent_list.item(0))
    assert window.controller is not None and window.controller.session_file.path == original


def test_the_recent_menu_opens_the_session(qtbot: QtBot, window: ConsoleWindow) -> None:
    new_from_start_page(qtbot, window, 2, "Cafe")
    assert window.controller is not None
    original = window.controller.session_file.path
    window.close_session()
    window.menus.recent_menu.aboutToShow.emit()  # as when the menu opens
    # Named as on the start page: the file's name without ".tafelronde", its path as tip.
    (entry,) = [a for a in window.menus.recent_menu.actions() if a.text() == original.stem]
    assert entry.toolTip() == str(original)
    entry.trigger()
    assert window.controller is not None and window.controller.session_file.path == original


def test_ctrl_and_a_digit_go_to_that_phase_also_from_a_field(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    new_from_start_page(qtbot, window, 2, "Cafe")
    ctrl = Qt.KeyboardModifier.ControlModifier
    for digit in (2, 5, 3, 6, 4, 1):
        key = Qt.Key(Qt.Key.Key_0.value + digit)
        qtbot.keyClick(window.focusWidget() or window, key, ctrl)
        qtbot.waitUntil(lambda d=digit: window.phase_nav.currentRow() == d - 1)


def test_refuses_a_foreign_file_with_a_visible_message(
    qtbot: QtBot, window: ConsoleWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "boodschappen.tafelronde"
    bad.write_text("melk, brood", "utf-8")
    assert not window.open_session(bad)
    assert window.controller is None
    assert window.last_error.isVisible()
    assert "geen Tafelronde-sessiebestand" in window.last_error.text()
    assert bad.read_text("utf-8") == "melk, brood"


def test_table_laptop_export_imported_twice_without_duplicates(
    qtbot: QtBot, window: ConsoleWindow, settings: Settings, tmp_path: Path
) -> None:
    # The facilitator prepares the session and hands it out as an exchange file.
    new_from_start_page(qtbot, window, 2, "Cafe")
    assert window.controller is not None
    facilitator_path = window.controller.session_file.path
    hand_out = tmp_path / "uitdelen.json"
    export_file(window.controller.session_file, hand_out)
    window.close_session()

    # On table 3's laptop: open the hand-out, "Deze laptop is tafel 3", type, export.
    laptop_settings = Settings(QSettings(str(tmp_path / "laptop.ini"), QSettings.Format.IniFormat))
    laptop = make_window(qtbot, laptop_settings)
    assert laptop.open_session(hand_out)
    assert laptop.controller is not None
    table = laptop.controller.session_file.tables()[2]
    scribe_window = laptop.sessions.become_table_laptop(table.id)
    assert isinstance(scribe_window, TableLaptopWindow)
    qtbot.waitExposed(scribe_window)
    scribe_window.activateWindow()
    qtbot.waitUntil(scribe_window.isActiveWindow)
    assert "Tafel 3" in scribe_window.table_heading.text()
    edit = scribe_window.scribe.edit
    edit.setFocus()
    for text in ("Wandelen in de pauze", "Samen lunchen"):
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(
        edit,
        Qt.Key.Key_PageDown,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClicks(edit, "Ronde twee idee")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    stick = tmp_path / "usb"
    stick.mkdir()
    exported = scribe_window.export_to(stick)
    assert exported is not None and exported.exists()
    assert "Geëxporteerd" in scribe_window.last_message
    laptop.close()

    # Back on the facilitator's laptop: import it twice (drop or File > Import).
    assert window.open_session(facilitator_path)
    first = window.import_export.import_paths([exported])
    assert "3 toegevoegd" in first[0]
    assert isinstance(window.import_export.import_report, ImportReportDialog)
    assert window.import_export.import_report.isVisible()
    window.import_export.import_report.close()
    second = window.import_export.import_paths([exported])
    assert "0 toegevoegd" in second[0] and "0 bijgewerkt" in second[0]
    session_file = window.controller.session_file
    assert sorted(p.text for p in session_file.proposals()) == [
        "Ronde twee idee",
        "Samen lunchen",
        "Wandelen in de pauze",
    ]
    assert all(p.table_id == table.id for p in session_file.proposals())

    # A bad file is refused with the reason, visibly; nothing is written.
    bad = tmp_path / "kapot.json"
    bad.write_text('{"format": "tafelronde-exchange", "version": 1, "session": {}}', "utf-8")
    lines = window.import_export.import_paths([bad, exported])
    assert "geweigerd" in lines[0]
    report = window.import_export.import_report
    assert isinstance(report, ImportReportDialog) and report.isVisible()
    assert "kapot.json" in report.text() and "/session" in report.text()
    assert len(session_file.proposals()) == 3


def test_window_size_and_splitters_are_remembered(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    window = make_window(qtbot, settings)
    new_from_start_page(qtbot, window, 2, "Cafe")
    window.phase_nav.setCurrentRow(1)
    splitter = window.findChild(QSplitter, "roundsSplitter")
    assert splitter is not None
    splitter.setSizes([300, 700])
    sizes = splitter.sizes()
    window.resize(960, 720)  # the offscreen screen is 800 wide: Qt clamps wider windows
    window.close()
    again = make_window(qtbot, settings)
    again.restore_window_state()
    assert (again.size().width(), again.size().height()) == (960, 720)
    again.open_session(Path(settings.get("recent_files")[0]))
    restored = again.findChild(QSplitter, "roundsSplitter")
    assert restored is not None
    # Restored as it was left; a different window width keeps the proportion.
    share = restored.sizes()[0] / sum(restored.sizes())
    assert abs(share - sizes[0] / sum(sizes)) < 0.02
    again.close()


def test_settings_language_applies_at_next_start(
    qtbot: QtBot, window: ConsoleWindow, settings: Settings
) -> None:
    window.menus.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog.isVisible()
    dialog.language_field.setCurrentIndex(dialog.language_field.findData("en"))
    dialog.accept()
    assert settings.get("language") == "en"


def test_f1_lists_every_key_once_grouped_by_phase(qtbot: QtBot, window: ConsoleWindow) -> None:
    new_from_start_page(qtbot, window, 2, "Cafe")
    window.phase_nav.setCurrentRow(1)
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    titles = [title for title, _ in dialog.groups]
    assert titles == [
        "Overal in de console",
        "2  Rondes: notuleren",
        "3  Clusteren",
        "4  Stemmen",
        "5  Actieplan",
        "Op het beamervenster",
    ]
    everywhere = dict(dialog.groups[0][1])
    assert everywhere["Ongedaan maken"] == "Ctrl+Z"  # not "Ctrl+Z, F14"
    assert everywhere["Naar fase 1 … 6"] == "Ctrl+1 … Ctrl+6"
    all_keys = [keys for _, rows in dialog.groups for _, keys in rows]
    assert not any("F14" in keys or "F13" in keys for keys in all_keys)
    console_keys = [keys for _, keys in dialog.groups[0][1]]
    assert len(console_keys) == len(set(console_keys))
    assert all(
        keys.count("F5") <= 1 for keys in ([k for _, k in rows] for _, rows in dialog.groups)
    )
    rounds = dict(dialog.groups[1][1])
    assert rounds["Timer starten of pauzeren"] == "Ctrl+T"
    # No row is cut off: every label fits, and the last one can be scrolled to in full.
    assert layout_problems(dialog) == []
    scroll = dialog.findChild(QScrollArea, "shortcutsScroll")
    labels = [w for w in scroll.widget().findChildren(QLabel) if w.objectName() == "shortcutWhat"]
    last = max(labels, key=lambda w: w.mapTo(scroll.widget(), w.rect().bottomRight()).y())
    scroll.ensureWidgetVisible(last)
    corner = last.mapTo(scroll.viewport(), last.rect().bottomRight())
    assert scroll.viewport().rect().contains(corner)
    dialog.close()


# ------------------------------------------------------------- screenshots
def screenshot(
    widget: object, folder: Path, name: str, sizes: dict[str, tuple[int, int]] | None = None
) -> None:
    for label, (width, height) in (sizes or SIZES).items():
        widget.resize(width, height)  # type: ignore[attr-defined]
        QApplication.processEvents()
        widget.grab().save(str(folder / f"{name}-{label}.png"))  # type: ignore[attr-defined]


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    style, sheet, pal, font = qapp.style().name(), qapp.styleSheet(), qapp.palette(), qapp.font()
    apply_look(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(pal)
    qapp.setFont(font)
    qapp.setStyle(style)


def test_screenshots_of_every_screen(
    qtbot: QtBot, styled: QApplication, settings: Settings, tmp_path: Path, artifacts: Path
) -> None:
    window = make_window(qtbot, settings)
    screenshot(window, artifacts, "start")
    window.open_demo()
    assert window.controller is not None
    window.phase_nav.setCurrentRow(0)
    prepare = window.stack.currentWidget()
    for index, name in enumerate(["session", "target-groups", "tables", "rounds", "context"]):
        prepare.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        screenshot(window, artifacts, f"prepare-{name}")
    window.phase_nav.setCurrentRow(1)
    page = window.stack.currentWidget()
    assert isinstance(page, RoundsPage)
    page.grid.setCurrentCell(1, 0)
    page.scribe.edit.setPlainText("Fysiotherapeut op locatie, ook voor de ploegendienst")
    screenshot(window, artifacts, "rounds")
    page.search_field.setText("fruit")
    page.run_search()
    screenshot(window, artifacts, "rounds-search")
    page.search_field.clear()

    laptop = window.sessions.become_table_laptop(window.controller.session_file.tables()[2].id)
    assert isinstance(laptop, TableLaptopWindow)
    screenshot(laptop, artifacts, "table-laptop")
    laptop.close()

    exported = tmp_path / "tafel.json"
    export_file(window.controller.session_file, exported)
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet af", "utf-8")
    window.import_export.import_paths([exported, bad])
    screenshot(
        window.import_export.import_report, artifacts, "import-report", sizes={"dialog": (760, 320)}
    )
    window.import_export.import_report.close()
    window.close()
    assert (artifacts / "rounds-1024x768.png").exists()


def test_enter_on_a_focused_template_opens_it(qtbot: QtBot, window: ConsoleWindow) -> None:
    button = window.start_page.template_buttons[1]
    button.setFocus()  # as after Tab, Tab
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.sessions.new_session_dialog, NewSessionDialog))
    dialog = window.sessions.new_session_dialog
    assert dialog.template is button.template
    dialog.reject()


def test_demo_copies_have_a_readable_name_in_the_recent_lists(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    window.menus.demo_action.trigger()
    assert window.controller is not None
    path = window.controller.session_file.path
    assert path.stem.startswith("Demo-")
    window.menus.close_action.trigger()
    recent = window.start_page.recent_list
    label = recent.item(0).text().split("\n")[0]
    assert label.startswith("Demo van ") and "Demo-" not in label
    window.menus.recent_menu.aboutToShow.emit()  # File > Recent opening
    assert window.menus.recent_menu.actions()[0].text() == label
    # A clean close leaves no lock file behind.
    assert not list(path.parent.glob("*.lock"))
