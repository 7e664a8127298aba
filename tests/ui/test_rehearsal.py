"""The rehearsal: a whole session in the real console, the way a facilitator runs it.

Only what a user does: menu items through their QAction (``trigger()``) or their
shortcut, keys into whichever widget has the keyboard, clicks on the real
buttons; no page method is called. From a template to the harvest: new session
with a date, preparation, the readiness check before the beamer, a table laptop
that exports its table and the facilitator importing it, scribe entry at several
tables with undo and search, clustering with the quick picker, sticker tallies
and two kiosk ballots, the reveal, top N, and the HR workbook and harvest report
opened again with openpyxl and pypdf. Then every phase is rendered offscreen at
1920x1080 and 1024x768, with the beamer panel open and closed: no button or label
may be cut off and no widget may lie outside the window.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from layout_checks import layout_problems
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from desktop_app import paths
from desktop_app.core import run_state
from desktop_app.storage.templates import list_templates
from desktop_app.ui.console import build_console_window
from desktop_app.ui.kiosk import KioskWindow
from desktop_app.ui.look import apply_look
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.new_session_dialog import NewSessionDialog
from desktop_app.ui.pages.action_plan import ActionPlanPage
from desktop_app.ui.pages.harvest import HarvestPage
from desktop_app.ui.pages.prepare import PreparePage
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.pages.themes import ThemesPage
from desktop_app.ui.pages.vote import VotePage
from desktop_app.ui.readiness import ReadinessDialog
from desktop_app.ui.settings import Settings
from desktop_app.ui.table_laptop import TableLaptopWindow, TablePicker

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
PHASES = ("voorbereiden", "rondes", "clusteren", "stemmen", "actieplan", "oogst")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own look: what is measured is what the facilitator sees."""
    style, sheet, pal, font = qapp.style().name(), qapp.styleSheet(), qapp.palette(), qapp.font()
    apply_look(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(pal)
    qapp.setFont(font)
    qapp.setStyle(style)


def console_window(qtbot: QtBot, tmp_path: Path, name: str) -> ConsoleWindow:
    settings = Settings(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
    window = build_console_window(settings, "nl")
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


# ------------------------------------------------------------------ the user's hands
def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard is nowhere"
    return widget


def keyboard(qtbot: QtBot) -> QWidget:
    """The widget that has the keyboard, once a closing dialog has handed it back."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return focused()


def press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(keyboard(qtbot), key, modifiers)


def type_in(qtbot: QtBot, text: str) -> None:
    """Each key to whichever widget has the keyboard at that moment."""
    for char in text:
        qtbot.keyClicks(keyboard(qtbot), char)


def type_line(qtbot: QtBot, text: str) -> None:
    type_in(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_tab(qtbot: QtBot, tabs: QWidget, index: int) -> None:
    bar = tabs.findChild(QTabBar)
    assert bar is not None
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def click_item(
    qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0, **kw: object
) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center(), **kw
    )


def file_dialog_answer(qtbot: QtBot, owner: QWidget, name: str | None) -> None:
    """In the app's own file dialog: type the name (or keep the suggestion), Enter."""
    qtbot.waitUntil(lambda: isinstance(getattr(owner, "file_dialog", None), QFileDialog))
    dialog = owner.file_dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: focused().objectName() == "fileNameEdit")
    if name is not None:
        focused().selectAll()  # type: ignore[attr-defined]
        type_in(qtbot, name)
    press(qtbot, Qt.Key.Key_Return)
    # Closed, and the keyboard back in a window (the one that asked, or what it opened).
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)


def fits(qtbot: QtBot, window: QWidget) -> None:
    """Nothing cut off and nothing outside ``window``, once its layouts have settled."""
    with contextlib.suppress(TimeoutError):
        qtbot.waitUntil(lambda: not layout_problems(window), timeout=2000)
    assert layout_problems(window) == []


def readiness(qtbot: QtBot, window: ConsoleWindow) -> ReadinessDialog:
    """The "Klaar voor de zaal?" question, with the keyboard in it."""
    dialog = window.readiness_gate().dialog
    assert isinstance(dialog, ReadinessDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


# ------------------------------------------------------------------------ the session
def new_session_from_template(qtbot: QtBot, console: ConsoleWindow) -> None:
    console.menus.new_action.trigger()  # Ctrl+N
    picker = console.sessions.template_picker
    assert isinstance(picker, QInputDialog)
    combo = picker.findChild(QComboBox)
    assert combo is not None
    qtbot.waitUntil(combo.hasFocus)
    names = [t.name for t in list_templates()]
    for _ in range(names.index("PMO samen ontwerpen")):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(console.sessions.new_session_dialog, NewSessionDialog))
    dialog = console.sessions.new_session_dialog
    qtbot.waitUntil(dialog.title_field.hasFocus)
    focused().selectAll()  # type: ignore[attr-defined]
    type_in(qtbot, "PMO Installatietechniek")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.date_field.hasFocus()
    type_in(qtbot, "12-3-2027")
    with qtbot.waitSignal(console.session_opened):
        press(qtbot, Qt.Key.Key_Return)
    info = console.controller.session()  # type: ignore[union-attr]
    assert info.title == "PMO Installatietechniek"
    assert info.date == "2027-03-12"


def prepare_target_groups(qtbot: QtBot, console: ConsoleWindow) -> PreparePage:
    press(qtbot, Qt.Key.Key_1, CTRL)
    page = console.stack.currentWidget()
    assert isinstance(page, PreparePage)
    click_tab(qtbot, page.tabs, 1)  # Doelgroepen
    editor = page.target_groups
    for row, count in enumerate(("24", "14", "12", "6")):
        click_item(qtbot, editor.list, row)
        press(qtbot, Qt.Key.Key_D, ALT)  # &Deelnemers
        assert editor.count_field.hasFocus()
        focused().selectAll()  # type: ignore[attr-defined]
        type_line(qtbot, count)
    groups = console.controller.snapshot().live_target_groups()  # type: ignore[union-attr]
    assert [g.participants for g in groups] == [24, 14, 12, 6]
    return page


def check_before_the_beamer(qtbot: QtBot, console: ConsoleWindow, page: PreparePage) -> None:
    beamer = console.beamer  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_F5)
    dialog = readiness(qtbot, console)
    fits(qtbot, dialog)
    texts = dialog.texts
    assert any("Verzuim vorig jaar: …%" in t for t in texts)
    assert not any("0 deelnemers" in t for t in texts)  # filled in just now
    assert not beamer.window.isVisible()
    click(qtbot, dialog.go_buttons[next(i for i, t in enumerate(texts) if "Verzuim" in t)])
    qtbot.waitUntil(page.context.title_field.hasFocus)  # once the question has closed
    assert page.tabs.currentIndex() == 4
    focused().selectAll()  # type: ignore[attr-defined]
    type_in(qtbot, "Verzuim vorig jaar: 5,2% (branche 4,6%)")
    press(qtbot, Qt.Key.Key_Tab)
    focused().selectAll()  # type: ignore[attr-defined]
    type_in(qtbot, "Vooral rug- en knieklachten bij de monteurs.")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_F5)
    dialog = readiness(qtbot, console)
    assert not any("Verzuim" in t for t in dialog.texts)
    press(qtbot, Qt.Key.Key_Return)  # "Beamer toch tonen": it never blocks
    assert beamer.window.isVisible()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    beamer.toggle_action.trigger()  # F5 again: hidden until the rounds
    assert not beamer.window.isVisible()


def table_laptop(qtbot: QtBot, console: ConsoleWindow, tmp_path: Path) -> Path:
    """Hand out the session, type at table 3 on a laptop, export for the USB stick."""
    console.menus.export_json_action.trigger()  # Ctrl+Shift+E
    file_dialog_answer(qtbot, console, "uitdelen.json")
    hand_out = paths.documents_dir() / "uitdelen.json"
    qtbot.waitUntil(hand_out.exists)
    stick = paths.documents_dir() / "usb"
    stick.mkdir()

    laptop = console_window(qtbot, tmp_path, "laptop")
    laptop.menus.open_action.trigger()  # Ctrl+O
    with qtbot.waitSignal(laptop.session_opened):
        file_dialog_answer(qtbot, laptop, "uitdelen.json")
    press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)
    assert isinstance(laptop.sessions.table_picker, TablePicker)
    qtbot.waitUntil(laptop.sessions.table_picker.table_list.hasFocus)
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(laptop.table_laptop_window, TableLaptopWindow))
    window = laptop.table_laptop_window
    assert isinstance(window, TableLaptopWindow)
    qtbot.waitUntil(window.scribe.edit.hasFocus)
    assert window.table_heading.text() == "Deze laptop is Tafel 3"
    type_line(qtbot, "Fruit op de bouwplaats")
    type_line(qtbot, "Stretchen voor de eerste klus")
    assert window.saved_label.text().startswith("Opgeslagen ")
    fits(qtbot, window)
    with qtbot.waitSignal(window.exported) as written:
        press(qtbot, Qt.Key.Key_E, CTRL)
        file_dialog_answer(qtbot, window, "usb")
    exported = Path(written.args[0])
    assert exported.parent == stick
    window.close()
    laptop.menus.quit_action.trigger()  # Ctrl+Q
    return exported


def import_the_table(qtbot: QtBot, console: ConsoleWindow, exported: Path) -> None:
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    press(qtbot, Qt.Key.Key_I, CTRL)
    file_dialog_answer(qtbot, console, f"usb/{exported.name}")
    qtbot.waitUntil(lambda: console.import_export.import_report is not None)
    report = console.import_export.import_report
    summary = report.findChild(QLabel, "importSummary")
    assert summary is not None and summary.text() == "1 bestand samengevoegd, 0 geweigerd."
    assert f"{exported.name} | 2 | 0 |" in report.text()  # two proposals added
    qtbot.waitUntil(report.isActiveWindow)
    press(qtbot, Qt.Key.Key_Escape)  # the report closes
    qtbot.waitUntil(lambda: not report.isVisible())
    texts = {p.text for p in console.controller.snapshot().live_proposals()}  # type: ignore[union-attr]
    assert texts == {"Fruit op de bouwplaats", "Stretchen voor de eerste klus"}


def scribe(qtbot: QtBot, console: ConsoleWindow) -> RoundsPage:
    console.activateWindow()
    press(qtbot, Qt.Key.Key_2, CTRL)
    page = console.stack.currentWidget()
    assert isinstance(page, RoundsPage)
    qtbot.waitUntil(page.scribe.edit.hasFocus)
    for text in ("Fysiotherapeut op de vestiging", "Fruit in de kantine", "Tillift in de bus"):
        type_line(qtbot, text)
    press(qtbot, Qt.Key.Key_2, ALT)
    for text in ("Werkplekonderzoek per functie", "Minder lawaai in de werkplaats"):
        type_line(qtbot, text)
    press(qtbot, Qt.Key.Key_4, ALT)
    type_line(qtbot, "Pauzes op vaste tijden")
    type_line(qtbot, "Een typfout die weg moet")
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the empty field: undo the last proposal
    assert [
        page.scribe.proposal_list.item(i).text() for i in range(page.scribe.proposal_list.count())
    ] == ["Pauzes op vaste tijden"]
    press(qtbot, Qt.Key.Key_PageDown, CTRL | SHIFT)  # next round
    assert page.round_heading.text() == "Ronde 2 van 3"
    type_line(qtbot, "Gezonde lunch bij lange klussen")
    # Search, beside the grid; Esc back to the entry field.
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_in(qtbot, "fruit")
    qtbot.waitUntil(lambda: page.results.count() == 2)
    assert page.scribe.proposal_list.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert page.scribe.edit.hasFocus() and not page.results.isVisible()
    assert len(console.controller.snapshot().live_proposals()) == 9  # type: ignore[union-attr]
    return page


def picker_has_keyboard(page: ThemesPage) -> bool:
    picker = page.picker
    return picker is not None and picker.isVisible() and picker.isAncestorOf(focused())


def cluster(qtbot: QtBot, console: ConsoleWindow) -> None:
    press(qtbot, Qt.Key.Key_3, CTRL)
    page = console.stack.currentWidget()
    assert isinstance(page, ThemesPage)
    tray = page.tray.view
    for name, cards in (("Gezond eten en drinken", 3), ("Fysieke belasting", 2)):
        click_item(qtbot, tray, 0)
        for _ in range(cards - 1):
            press(qtbot, Qt.Key.Key_Down, SHIFT)
        press(qtbot, Qt.Key.Key_T)  # the quick picker
        qtbot.waitUntil(lambda: picker_has_keyboard(page))
        type_line(qtbot, name)  # nothing matches: a new theme of that name
        qtbot.waitUntil(lambda: page.picker is None)
    click_item(qtbot, tray, 0)
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: picker_has_keyboard(page))
    type_line(qtbot, "Werkdruk en rust")
    qtbot.waitUntil(lambda: page.tray_model.rowCount() == 0)
    themes = console.controller.snapshot().live_themes()  # type: ignore[union-attr]
    assert sorted(t.name for t in themes) == [
        "Fysieke belasting",
        "Gezond eten en drinken",
        "Werkdruk en rust",
    ]


def vote(qtbot: QtBot, console: ConsoleWindow) -> VotePage:
    press(qtbot, Qt.Key.Key_4, CTRL)
    page = console.stack.currentWidget()
    assert isinstance(page, VotePage)
    state = console.controller.session_file.state  # type: ignore[union-attr]
    click(qtbot, page.open_button)
    dialog = readiness(qtbot, console)  # one context figure is still "…": go on anyway
    assert any("Deelname vorig PMO" in t for t in dialog.texts)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: state(run_state.VOTING_OPEN, False) is True)
    # Sticker tallies from the flip charts: down a column with Enter.
    click_tab(qtbot, page.tabs, 1)
    qtbot.waitUntil(lambda: not page._refresh_pending)
    click_item(qtbot, page.tally_table, 0, 1)
    for count in ("12", "9", "4"):
        type_line(qtbot, count)
        qtbot.waitUntil(lambda: page.tally_table.state() != QAbstractItemView.State.EditingState)
    qtbot.waitUntil(
        lambda: [page.tally_table.item(r, 1).text() for r in range(3)] == ["12", "9", "4"]  # type: ignore[union-attr]
    )
    # Two voters at the kiosk.
    click(qtbot, page.kiosk_button)
    kiosk = page.kiosk
    assert isinstance(kiosk, KioskWindow)
    qtbot.waitExposed(kiosk)
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow)
    for group_key in (Qt.Key.Key_1, Qt.Key.Key_2):
        qtbot.waitUntil(lambda: kiosk.current_screen() == KioskWindow.GROUPS)
        fits(qtbot, kiosk)
        qtbot.keyClick(kiosk, group_key)
        assert kiosk.group_label.text().startswith("Je stemt als: ")
        fits(qtbot, kiosk)
        for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Down, Qt.Key.Key_Plus):
            press(qtbot, key)
        press(qtbot, Qt.Key.Key_Return)  # cast; two dots left: "toch uitbrengen?"
        assert kiosk.current_screen() == KioskWindow.CONFIRM
        press(qtbot, Qt.Key.Key_Space)  # the focused "Ja, uitbrengen"
        assert kiosk.current_screen() == KioskWindow.THANKS
        press(qtbot, Qt.Key.Key_Return)  # next voter
    press(qtbot, Qt.Key.Key_Q, CTRL | SHIFT)  # the facilitator closes the kiosk
    qtbot.waitUntil(lambda: page.kiosk is None)
    ballots = {v.ballot_id for v in console.controller.snapshot().live_votes() if v.ballot_id}  # type: ignore[union-attr]
    assert len(ballots) == 2
    # The reveal, from the vote page.
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    click(qtbot, page.reveal_button)
    assert state(run_state.RESULTS_REVEALED, False) is True
    qtbot.waitUntil(lambda: not page._refresh_pending)
    assert "stippen in totaal" in page.summary_label.text()
    assert "uit 2 stembiljetten in de kiosk" in page.summary_label.text()
    assert page.results_table.rowCount() == 3
    assert console.beamer.window.stage.current == "results"  # type: ignore[attr-defined]
    return page


def top_n(qtbot: QtBot, console: ConsoleWindow) -> None:
    press(qtbot, Qt.Key.Key_5, CTRL)
    page = console.stack.currentWidget()
    assert isinstance(page, ActionPlanPage)
    click(qtbot, page.promote_top_button)  # "Zet top 3 om in interventies"
    interventions = console.controller.snapshot().live_interventions()  # type: ignore[union-attr]
    assert len(interventions) == 3


def harvest(qtbot: QtBot, console: ConsoleWindow) -> None:
    press(qtbot, Qt.Key.Key_6, CTRL)
    page = console.stack.currentWidget()
    assert isinstance(page, HarvestPage)
    snapshot = console.controller.snapshot()  # type: ignore[union-attr]
    click(qtbot, page.cards["xlsx"].button)
    dialog = readiness(qtbot, console)  # the new interventions have no owner yet
    assert any("nog geen eigenaar" in t for t in dialog.texts)
    press(qtbot, Qt.Key.Key_Return)  # "Toch exporteren"
    file_dialog_answer(qtbot, page, None)  # the suggested name
    qtbot.waitUntil(lambda: page.cards["xlsx"].last_path is not None)
    workbook_path = page.cards["xlsx"].last_path
    assert workbook_path is not None and workbook_path.suffix == ".xlsx"
    workbook = openpyxl.load_workbook(workbook_path)
    assert {"Sessie", "Voorstellen", "Thema's", "Stemmen", "Actieplan"} <= set(workbook.sheetnames)
    proposals = workbook["Voorstellen"]
    texts = {str(c.value) for row in proposals.iter_rows(min_row=2) for c in row if c.value}
    assert {p.text for p in snapshot.live_proposals()} <= texts
    plan = workbook["Actieplan"]
    assert plan.max_row - 1 == 3
    click(qtbot, page.cards["pdf"].button)  # asked once already: straight to where
    file_dialog_answer(qtbot, page, None)
    qtbot.waitUntil(lambda: page.cards["pdf"].last_path is not None)
    report = PdfReader(str(page.cards["pdf"].last_path))
    text = " ".join(p.extract_text() for p in report.pages)
    assert "PMO Installatietechniek" in text
    assert all(t.name in text for t in snapshot.live_themes())


# -------------------------------------------------------------------- every screen
def every_phase_fits(qtbot: QtBot, console: ConsoleWindow, artifacts: Path) -> None:
    dock = console.beamer.dock  # type: ignore[attr-defined]
    problems: list[str] = []
    for size in ((1920, 1080), (1024, 768)):
        for panel in (True, False):
            dock.setVisible(panel)
            console.resize(*size)
            for row, name in enumerate(PHASES):
                press(qtbot, Qt.Key(Qt.Key.Key_1 + row), CTRL)
                # Layouts settle after a resize and a phase change; a real cut stays.
                with contextlib.suppress(TimeoutError):
                    qtbot.waitUntil(lambda: not layout_problems(console), timeout=1500)
                label = f"{name}-{size[0]}x{size[1]}-{'paneel' if panel else 'zonder-paneel'}"
                console.grab().save(str(artifacts / f"{label}.png"))
                problems += [f"{label}: {p}" for p in layout_problems(console)]
    assert problems == [], "\n".join(problems)


def test_a_whole_session_by_keyboard_and_mouse(
    qtbot: QtBot, styled: QApplication, tmp_path: Path, artifacts: Path
) -> None:
    console = console_window(qtbot, tmp_path, "facilitator")
    new_session_from_template(qtbot, console)
    page = prepare_target_groups(qtbot, console)
    check_before_the_beamer(qtbot, console, page)
    exported = table_laptop(qtbot, console, tmp_path)
    import_the_table(qtbot, console, exported)
    scribe(qtbot, console)
    cluster(qtbot, console)
    vote(qtbot, console)
    top_n(qtbot, console)
    harvest(qtbot, console)
    every_phase_fits(qtbot, console, artifacts)
    folder = console.controller.session_file.path.parent  # type: ignore[union-attr]
    console.beamer.window.hide()  # type: ignore[attr-defined]
    console.menus.quit_action.trigger()  # Ctrl+Q: a clean quit
    assert not list(folder.glob("*.lock"))
