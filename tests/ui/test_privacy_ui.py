"""Privacy in the console, reached the way a facilitator reaches it.

Sessie > Wissen na afloop through its QAction; the harvest page's "Zonder namen"
box and its buttons through the real file dialog; the reveal closing the vote
from the vote page and from the beamer panel; a one-voter group at the kiosk
that stays out of the breakdown; screenshots at 1920x1080 and 1024x768 with the
beamer panel open (under /tmp/privacy/).
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from desktop_app import ops, paths
from desktop_app.core import run_state
from desktop_app.core.model import Kind, TargetGroup
from desktop_app.storage.exchange import import_document
from desktop_app.storage.session_file import SessionFile, new_id
from desktop_app.ui.console import build_console_window
from desktop_app.ui.erase_session import EraseSessionDialog
from desktop_app.ui.kiosk import KioskWindow
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.harvest import HarvestPage
from desktop_app.ui.pages.vote import VotePage
from desktop_app.ui.readiness import ReadinessDialog
from desktop_app.ui.settings import Settings

SIZES = {"1920x1080": (1920, 1080), "1024x768": (1024, 768)}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def session_path(tmp_path: Path, demo_document: dict[str, object]) -> Path:
    """The demo, saved as a session of its own in the user's documents folder."""
    folder = paths.documents_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "PMO Zwolle.tafelronde"
    with SessionFile.create(path) as sf:
        import_document(sf, demo_document)
    return path


@pytest.fixture
def console(qtbot: QtBot, settings: Settings, session_path: Path) -> Iterator[ConsoleWindow]:
    window = build_console_window(settings, "nl")
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_session(session_path)
    window.beamer.dock.show()  # type: ignore[attr-defined]
    yield window
    window.beamer.window.hide()  # type: ignore[attr-defined]
    window.close_session()
    window.close()


def go_to(qtbot: QtBot, window: ConsoleWindow, phase: int) -> object:
    window.menus.phase_actions[phase].trigger()
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page and page.isVisible())
    return page


def shoot(window: ConsoleWindow, name: str, before: Callable[[], None] | None = None) -> list[Path]:
    """Screens to look at, in the folder ``TAFELRONDE_ARTIFACTS`` names (else nowhere)."""
    chosen = os.environ.get("TAFELRONDE_ARTIFACTS")
    if not chosen:
        return []
    shots = Path(chosen)
    shots.mkdir(parents=True, exist_ok=True)
    written = []
    for label, size in SIZES.items():
        window.resize(*size)
        QApplication.processEvents()
        if before is not None:
            before()
            QApplication.processEvents()
        target = shots / f"{name}_{label}.png"
        window.grab().save(str(target))
        written.append(target)
    return written


# ------------------------------------------------------------------ erase


def test_erase_after_the_event_through_the_menu(
    qtbot: QtBot, console: ConsoleWindow, settings: Settings, session_path: Path
) -> None:
    folder = session_path.parent
    backups = folder / "PMO Zwolle.backups"
    backups.mkdir()
    (backups / "20261123T100412.123456Z-phase.tafelronde").write_bytes(b"backup")
    (folder / "PMO Zwolle.v3-backup.tafelronde").write_bytes(b"old")
    (folder / "ander.tafelronde").write_bytes(b"another session")
    logs = paths.user_data_dir() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "tafelronde.log").write_text(
        "2026-03-12 15:00:00,000 INFO tafelronde: geopend: PMO Zwolle.tafelronde\n"
        "2026-03-12 15:00:01,000 INFO tafelronde: geopend: ander.tafelronde\n",
        encoding="utf-8",
    )
    assert str(session_path) in settings.get("recent_files")
    # The action sits in the Sessie menu.
    menus = {a.text(): a.menu() for a in console.menuBar().actions()}
    assert console.menus.erase_action in menus["Sessie"].actions()  # type: ignore[union-attr]

    console.menus.erase_action.trigger()
    dialog = console.sessions.erase_dialog
    assert isinstance(dialog, EraseSessionDialog)
    qtbot.waitExposed(dialog)
    said = dialog.text() + "\n" + dialog.informativeText()
    for named in (
        "PMO Zwolle.tafelronde",
        "PMO Zwolle.tafelronde.lock",
        "PMO Zwolle.backups (bestanden: 1)",
        "PMO Zwolle.v3-backup.tafelronde",
        "logboek die deze sessie noemen (aantal: 1, in tafelronde.log)",
        "Recent geopend",
        "exports die je zelf hebt opgeslagen",
    ):
        assert named in said, named
    assert "ander.tafelronde" not in said
    shoot(console, "erase_console")
    # Esc (the default is Annuleren) keeps everything.
    assert dialog.defaultButton() is dialog.cancel_button
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert session_path.exists() and console.controller is not None

    console.menus.erase_action.trigger()
    dialog = console.sessions.erase_dialog
    assert isinstance(dialog, EraseSessionDialog)
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(console.session_closed):
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in folder.iterdir()) == ["ander.tafelronde"]
    assert (logs / "tafelronde.log").read_text("utf-8") == (
        "2026-03-12 15:00:01,000 INFO tafelronde: geopend: ander.tafelronde\n"
    )
    assert str(session_path) not in settings.get("recent_files")
    assert console.screens.currentWidget() is console.start_page
    assert "Sessie gewist" in console.statusBar().currentMessage()
    assert not console.menus.erase_action.isEnabled()  # no session open now


def test_erasing_a_demo_copy_removes_the_demo_copies(qtbot: QtBot, settings: Settings) -> None:
    window = build_console_window(settings, "nl")
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_demo()
        first = window.controller.session_file.path  # type: ignore[union-attr]
        window.close_session()
        assert window.open_demo()
        demo_folder = paths.user_data_dir() / "demo"
        assert len(list(demo_folder.glob("Demo-*.tafelronde"))) == 2
        window.menus.erase_action.trigger()
        dialog = window.sessions.erase_dialog
        assert isinstance(dialog, EraseSessionDialog)
        assert "andere demokopie\u00ebn" in dialog.informativeText()
        with qtbot.waitSignal(window.session_closed):
            qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        assert list(demo_folder.iterdir()) == []
        assert str(first) not in settings.get("recent_files")
        assert settings.get("recent_files") == []
    finally:
        window.beamer.window.hide()  # type: ignore[attr-defined]
        window.close()


# ------------------------------------------------------------------ harvest


def save_through_dialog(qtbot: QtBot, click: Callable[[], None], target: Path) -> None:
    """Click, then type the file name into the save dialog and press Enter, as a user does."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ReadinessDialog):  # "Klaar voor de zaal?": go on anyway
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, fill)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        # (Typed key by key, the path would open the completer's list, which takes the Enter.)
        name.setText(str(target))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    click()


def test_the_harvest_page_writes_copies_without_names(
    qtbot: QtBot, console: ConsoleWindow, tmp_path: Path
) -> None:
    page = go_to(qtbot, console, 5)
    assert isinstance(page, HarvestPage)
    qtbot.mouseClick(page.without_names, Qt.MouseButton.LeftButton)
    assert page.without_names.isChecked()
    assert page.suggested_path("xlsx").name.endswith("werkmap HR zonder namen.xlsx")
    shoot(console, "harvest_without_names")
    for kind in ("xlsx", "pdf", "json"):
        target = tmp_path / f"gedeeld.{kind}"
        save_through_dialog(
            qtbot,
            lambda kind=kind: qtbot.mouseClick(page.cards[kind].button, Qt.MouseButton.LeftButton),
            target,
        )
        qtbot.waitUntil(lambda target=target: target.exists())
        assert (
            page.cards[kind].result.text().startswith(f"Opgeslagen zonder namen als {target.name}")
        )
    with zipfile.ZipFile(tmp_path / "gedeeld.xlsx") as archive:
        workbook = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )
    exchange = (tmp_path / "gedeeld.json").read_text("utf-8")
    for name in ("Henk Bosman", "Linda Mulder", "Tafelhost", "Eigenaar"):
        assert name not in workbook
    assert "Henk Bosman" not in exchange and "Linda Mulder" not in exchange
    assert "device" not in json.loads(exchange)["source"]
    from pypdf import PdfReader

    report = " ".join(p.extract_text() for p in PdfReader(tmp_path / "gedeeld.pdf").pages)
    assert "Linda Mulder" not in " ".join(report.split())
    # Unticked, the next export names people again (HR's own copy).
    qtbot.mouseClick(page.without_names, Qt.MouseButton.LeftButton)
    target = tmp_path / "hr.xlsx"
    save_through_dialog(
        qtbot,
        lambda: qtbot.mouseClick(page.cards["xlsx"].button, Qt.MouseButton.LeftButton),
        target,
    )
    qtbot.waitUntil(target.exists)
    with zipfile.ZipFile(target) as archive:
        assert "Henk Bosman" in "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )


# ------------------------------------------------------------------ vote


def click_open_voting(qtbot: QtBot, console: ConsoleWindow, page: VotePage) -> None:
    """The real button; "Klaar voor de zaal?" may ask first: Enter goes on anyway."""
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    check = console.readiness_gate().dialog
    if check is not None and shiboken6.isValid(check) and check.isVisible():
        qtbot.keyClick(check, Qt.Key.Key_Return)


def settle(qtbot: QtBot, page: VotePage) -> None:
    qtbot.waitUntil(lambda: not page._refresh_pending)


def test_revealing_closes_the_vote_and_opening_it_hides_the_results(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    page = go_to(qtbot, console, 3)
    assert isinstance(page, VotePage)
    state = console.controller.session_file.state  # type: ignore[union-attr]
    page.tabs.setCurrentIndex(0)
    assert "alleen samen met andere groepen" in " ".join(
        label.text() for label in page.findChildren(QLabel) if label.isVisible()
    )
    shoot(console, "vote_rules")
    click_open_voting(qtbot, console, page)
    settle(qtbot, page)
    kiosk = page.open_kiosk(full_screen=False, seed=1)
    qtbot.waitExposed(kiosk)
    assert kiosk.current_screen() == KioskWindow.GROUPS
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert state(run_state.RESULTS_REVEALED) is True
    assert state(run_state.VOTING_OPEN) is False
    assert kiosk.current_screen() == KioskWindow.CLOSED  # no ballot moves a shown result
    assert "De stemming is gesloten" in page.message_label.text()
    click_open_voting(qtbot, console, page)
    settle(qtbot, page)
    assert state(run_state.VOTING_OPEN) is True
    assert state(run_state.RESULTS_REVEALED) is False
    assert kiosk.current_screen() == KioskWindow.GROUPS
    # The beamer panel's reveal button does the same.
    dock = console.beamer.dock  # type: ignore[attr-defined]
    qtbot.mouseClick(dock.reveal_button, Qt.MouseButton.LeftButton)
    assert state(run_state.RESULTS_REVEALED) is True and state(run_state.VOTING_OPEN) is False
    kiosk.close()


def test_one_voter_of_a_group_of_ten_at_the_kiosk_stays_out_of_the_breakdown(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    controller = console.controller
    assert controller is not None
    controller.run(ops.add_entity, Kind.TARGET_GROUP, TargetGroup(new_id(), "Directie", 10))
    page = go_to(qtbot, console, 3)
    assert isinstance(page, VotePage)
    click_open_voting(qtbot, console, page)
    settle(qtbot, page)
    kiosk = page.open_kiosk(full_screen=False, seed=7)
    qtbot.waitExposed(kiosk)
    button = next(b for b in kiosk.group_buttons if b.accessibleName() == "Directie")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert kiosk.ballot is not None
    while kiosk.ballot.left:
        focused = kiosk.focusWidget()
        qtbot.keyClick(focused, Qt.Key.Key_Plus)
        if not kiosk.ballot.can_add(focused.item_id):  # type: ignore[union-attr]
            qtbot.keyClick(focused, Qt.Key.Key_Down)
    with qtbot.waitSignal(kiosk.ballot_cast):
        qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Return)
    kiosk.close()
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    table: QTableWidget = page.results_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
    assert "Directie" not in headers and "Overige groepen" in headers
    assert "Directie" in page.floor_note.text()
    # The voter's ballot is the last here: the facilitator can still void it.
    assert page.void_button.isEnabled()
    page.tabs.setCurrentIndex(2)
    shoot(console, "vote_results_others")
    shoot(
        console,
        "vote_results_others_table",
        lambda: page.results_area.ensureWidgetVisible(page.floor_note),
    )
