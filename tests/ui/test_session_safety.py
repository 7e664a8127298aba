"""Backups, restore, damaged files and sync folders, the way the facilitator meets them:
through the phases, the File menu's QAction, and the messages' own buttons."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.storage import backups
from desktop_app.storage.backups import backup_folder, list_backups, make_backup
from desktop_app.storage.demo import create_demo_copy
from desktop_app.storage.exchange import export_file
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.console import phases
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.restore_dialog import RestoreDialog
from desktop_app.ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> Iterator[ConsoleWindow]:
    console = ConsoleWindow(settings, phases())
    qtbot.addWidget(console)
    console.resize(1280, 800)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    yield console
    console.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    folder = tmp_path / "sessies"
    folder.mkdir()
    return create_demo_copy(folder)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def type_proposal(qtbot: QtBot, window: ConsoleWindow, text: str) -> None:
    """Ctrl+2, then type into whatever has the keyboard and press Enter."""
    window.menus.phase_actions[1].trigger()
    page = window.stack.currentWidget()
    assert isinstance(page, RoundsPage)
    page.grid.setCurrentCell(0, 0)
    page.scribe.edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scribe.edit)
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.scribe.edit.toPlainText() == "")


def live_texts(window: ConsoleWindow) -> list[str]:
    assert window.controller is not None
    return [p.text for p in window.controller.session_file.proposals()]


# ------------------------------------------------------------ automatic backups


def test_a_phase_change_after_changes_makes_a_backup_and_without_changes_none(
    qtbot: QtBot, window: ConsoleWindow, demo_path: Path
) -> None:
    assert window.open_session(demo_path)
    window.menus.phase_actions[2].trigger()  # nothing changed yet
    assert list_backups(demo_path) == []
    type_proposal(qtbot, window, "Fietsplan voor iedereen")
    automatic = window.safety.backups
    assert automatic is not None
    with qtbot.waitSignal(automatic.made) as made:
        window.menus.phase_actions[2].trigger()  # Ctrl+3
    [backup] = list_backups(demo_path)
    assert made.args == [backup]
    assert backup.reason == backups.PHASE
    with SessionFile.open_readonly(backup.path) as copy:
        assert copy.proposals()[-1].text == "Fietsplan voor iedereen"
    window.menus.phase_actions[3].trigger()
    window.menus.phase_actions[0].trigger()
    assert len(list_backups(demo_path)) == 1  # moving around changes nothing


def test_every_ten_minutes_while_there_are_changes(
    qtbot: QtBot, window: ConsoleWindow, demo_path: Path
) -> None:
    assert window.open_session(demo_path)
    automatic = window.safety.backups
    assert automatic is not None
    assert automatic.timer.interval() == 10 * 60 * 1000 and automatic.timer.isActive()
    automatic.timer.setInterval(30)  # ten minutes, shortened for the test
    qtbot.wait(200)
    assert list_backups(demo_path) == []  # no changes: no backups
    with qtbot.waitSignal(automatic.made, timeout=5000) as made:
        type_proposal(qtbot, window, "Gehoortest op de bouwplaats")
    assert made.args[0].reason == backups.TIMER
    qtbot.wait(200)
    assert len(list_backups(demo_path)) == 1


def test_a_backup_before_every_import(
    qtbot: QtBot, window: ConsoleWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_session(demo_path)
    assert window.controller is not None
    laptop = tmp_path / "tafel3.json"
    export_file(window.controller.session_file, laptop)
    document = json.loads(laptop.read_text(encoding="utf-8"))
    table, round_ = document["tables"][0]["id"], document["rounds"][0]["id"]
    document["proposals"].append(
        {
            "id": "9c1f8e2a-4b7d-4e5f-8a6b-1c2d3e4f5a6b",
            "round_id": round_,
            "table_id": table,
            "text": "Van de tafellaptop",
            "updated_at": "2026-03-12T11:00:00Z",
        }
    )
    laptop.write_text(json.dumps(document), encoding="utf-8")
    window.import_export.import_paths([laptop])
    [backup] = list_backups(demo_path)
    assert backup.reason == backups.IMPORT
    with SessionFile.open_readonly(backup.path) as copy:
        assert "Van de tafellaptop" not in [p.text for p in copy.proposals()]
    assert "Van de tafellaptop" in live_texts(window)
    window.import_export.import_report.close()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- restoring


def test_restore_through_the_file_menu_after_backing_up_the_present(
    qtbot: QtBot, window: ConsoleWindow, demo_path: Path
) -> None:
    assert window.open_session(demo_path)
    assert window.menus.restore_action in window.menus.file_menu.actions()
    type_proposal(qtbot, window, "Staat in de reservekopie")
    assert window.safety.backups is not None
    # The backup is written in a thread of its own: wait for it, or it may hold what is
    # typed next.
    with qtbot.waitSignal(window.safety.backups.made, timeout=10000):
        window.menus.phase_actions[2].trigger()  # backup 1
    type_proposal(qtbot, window, "Later getypt")
    present = live_texts(window)

    window.menus.restore_action.trigger()
    dialog = window.safety.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitExposed(dialog)
    assert dialog.tree.topLevelItemCount() == 1
    row = dialog.tree.topLevelItem(0)
    assert row is not None
    assert row.text(0).startswith("vandaag ")
    assert row.text(1) == "bij een faseovergang"
    assert window.controller is not None
    snapshot = window.controller.snapshot()
    dots = sum(v.dots for v in snapshot.live_votes())
    themes = len(snapshot.live_themes())
    assert (row.text(2), row.text(3), row.text(4)) == ("76", str(themes), str(dots))
    with qtbot.waitSignal(window.session_opened):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert "Later getypt" not in live_texts(window)
    assert live_texts(window)[-1] == "Staat in de reservekopie"
    assert "Hersteld" in window.statusBar().currentMessage()
    reasons = [b.reason for b in list_backups(demo_path)]
    assert reasons == [backups.RESTORE, backups.PHASE]
    # Restoring the backup of the present undoes the restore.
    window.menus.restore_action.trigger()
    dialog = window.safety.restore_dialog
    assert dialog is not None and dialog.tree.topLevelItem(0).text(1) == (  # type: ignore[union-attr]
        "voor het herstellen van een reservekopie"
    )
    with qtbot.waitSignal(window.session_opened):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert live_texts(window) == present


def test_the_restore_dialog_says_how_backups_come_when_there_are_none(
    qtbot: QtBot, window: ConsoleWindow, demo_path: Path
) -> None:
    assert window.open_session(demo_path)
    window.menus.restore_action.trigger()
    dialog = window.safety.restore_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.empty_hint.isVisible() and not dialog.tree.isVisible()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()


def test_restore_is_only_offered_with_a_session_open(window: ConsoleWindow) -> None:
    assert not window.menus.restore_action.isEnabled()


# ------------------------------------------------------------ damaged files


def test_a_damaged_file_is_refused_and_its_newest_backup_offered_and_restored(
    qtbot: QtBot, window: ConsoleWindow, demo_path: Path
) -> None:
    with SessionFile.open(demo_path) as sf:
        table, round_ = sf.tables()[0], sf.rounds()[0]
        sf.add_proposal(round_.id, table.id, "Voor de reservekopie")
        make_backup(sf.path, backups.PHASE)
        sf.add_proposal(round_.id, table.id, "Na de reservekopie")
    data = bytearray(demo_path.read_bytes())
    start = data.find(b"Voor de reservekopie")
    data[start : start + 4] = bytes(b ^ 0x80 for b in data[start : start + 4])
    demo_path.write_bytes(bytes(data))
    damaged = digest(demo_path)

    assert not window.open_session(demo_path)

    box = window.safety.damaged_message
    assert box is not None
    qtbot.waitExposed(box)
    assert "is beschadigd" in box.text() and "onleesbaar" in box.text()
    assert "Er is niets aan veranderd" in box.text()
    assert "76 voorstellen" in box.informativeText()
    assert digest(demo_path) == damaged
    assert window.controller is None
    assert box.restore_button is not None
    with qtbot.waitSignal(window.session_opened):
        qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    assert live_texts(window)[-1] == "Voor de reservekopie"
    [kept] = [p for p in demo_path.parent.iterdir() if "(beschadigd " in p.name]
    assert digest(kept) == damaged
    assert kept.name in window.statusBar().currentMessage()


def test_a_damaged_file_without_backups_says_what_else_to_try(
    qtbot: QtBot, window: ConsoleWindow, demo_path: Path
) -> None:
    demo_path.write_bytes(demo_path.read_bytes()[:-1])
    assert not window.open_session(demo_path)
    box = window.safety.damaged_message
    assert box is not None
    qtbot.waitExposed(box)
    assert "korter dan het hoort" in box.text()
    assert "geen reservekopie" in box.informativeText()
    assert box.restore_button is None
    box.close()


# -------------------------------------------------- sync folders and shares


@pytest.fixture
def in_onedrive(tmp_path: Path, demo_path: Path) -> Path:
    folder = tmp_path / "OneDrive - Van Dijk Installatietechniek" / "Documenten"
    folder.mkdir(parents=True)
    target = folder / "PMO Zwolle.tafelronde"
    with SessionFile.open_readonly(demo_path) as sf:
        sf.backup_to(target)
    return target


def test_a_session_in_onedrive_is_warned_about_before_it_is_opened(
    qtbot: QtBot, window: ConsoleWindow, in_onedrive: Path
) -> None:
    before = digest(in_onedrive)
    assert not window.open_session(in_onedrive)
    box = window.safety.location_warning
    assert box is not None
    qtbot.waitExposed(box)
    assert "OneDrive" in box.text() and "niet veilig" in box.informativeText()
    assert window.controller is None
    assert digest(in_onedrive) == before
    assert not Path(f"{in_onedrive}.lock").exists()  # not even locked before the answer
    with qtbot.waitSignal(window.session_opened):
        qtbot.mouseClick(box.here_button, Qt.MouseButton.LeftButton)
    assert window.controller is not None
    assert window.controller.session_file.path == in_onedrive


def test_the_default_answer_opens_a_copy_on_this_laptop(
    qtbot: QtBot, window: ConsoleWindow, in_onedrive: Path
) -> None:
    from desktop_app import paths

    before = digest(in_onedrive)
    assert not window.open_session(in_onedrive)
    box = window.safety.location_warning
    assert box is not None and box.defaultButton() is box.copy_button
    with qtbot.waitSignal(window.session_opened):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.controller is not None
    copy = window.controller.session_file.path
    assert copy.parent == paths.documents_dir() and copy.name == "PMO Zwolle.tafelronde"
    assert len(live_texts(window)) == 75
    assert "kopie op deze laptop" in window.statusBar().currentMessage()
    window.close_session()
    assert digest(in_onedrive) == before


def test_cancel_opens_nothing(qtbot: QtBot, window: ConsoleWindow, in_onedrive: Path) -> None:
    assert not window.open_session(in_onedrive)
    box = window.safety.location_warning
    assert box is not None
    qtbot.waitExposed(box)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.controller is None
    assert not backup_folder(in_onedrive).exists()
