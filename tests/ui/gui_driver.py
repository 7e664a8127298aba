"""Run the real app on a session and use it without pause, for the kill -9 test.

``python tests/ui/gui_driver.py SESSION WORKDIR SEED`` starts the console the way
``tafelronde SESSION`` does (``desktop_app.app.start_console``: the real window,
the beamer, the session opened after the first paint) and, once the session is
open, does what a facilitator and the scribes do, one action after another,
through the real widgets: typing a proposal into the scribe field and pressing
Enter, dragging a proposal onto a theme on the cluster board, casting a ballot
at the kiosk, typing a sticker count into the tally grid, exporting to Excel,
JSON or PDF. Phases are changed with the View menu's Ctrl+digit actions, so
automatic backups happen too.

It prints ``driving`` when it starts, ``begin <action> <n>`` before (the phase
change included) and ``done <action> <n>`` after each action, a line of what it
types, drags, counts, casts or exports in between, and ``exported <path>``. The
app itself prints ``saved …`` for every change it shows as saved
(``TAFELRONDE_REPORT_SAVES=1``). The test kills this process at a random moment
and checks the file against those lines.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TAFELRONDE_REPORT_SAVES"] = "1"

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from desktop_app.app import create_application, install_translators, start_console
from desktop_app.ui.look import apply_look
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings

WEIGHTS = {"scribe": 5, "drag": 2, "tally": 2, "ballot": 2, "export": 1}


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QApplication.processEvents()
        time.sleep(0.002)


def send_drop(target: QWidget, ids: Sequence[str]) -> None:
    """A drag entering ``target`` and dropping proposal ids (what a mouse drag delivers)."""
    from desktop_app.ui.card_model import encode_ids

    mime = encode_ids(ids)
    enter = QDragEnterEvent(
        target.rect().center(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    if enter.isAccepted():
        drop = QDropEvent(
            QPointF(target.rect().center()),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, drop)


class Driver:
    def __init__(self, window: ConsoleWindow, workdir: Path, seed: int) -> None:
        self.window = window
        self.workdir = workdir
        self.rng = random.Random(seed)
        self.seed = seed
        self.count = 0
        self.actions = {
            "scribe": self.scribe,
            "drag": self.drag,
            "tally": self.tally,
            "ballot": self.ballot,
            "export": self.export,
        }

    def start(self) -> None:
        if self.window.controller is None:
            say("not opened")
            QApplication.exit(3)
            return
        # Every phase page built once (matplotlib loaded), as after the first minutes
        # of a session: the kills then land in the actions, not in building pages.
        for index in (1, 2, 3, 0):
            self.phase(index)
        say("driving")
        QTimer.singleShot(0, self.next)

    def next(self) -> None:
        name = self.rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        self.count += 1
        say(f"begin {name} {self.count}")  # from the phase change on
        self.actions[name](self.count)
        say(f"done {name} {self.count}")
        QTimer.singleShot(self.rng.randrange(0, 20), self.next)

    def phase(self, index: int) -> QWidget:
        self.window.menus.phase_actions[index].trigger()  # Ctrl+1 … Ctrl+6
        return self.window.stack.currentWidget()

    # ------------------------------------------------------------- actions
    def scribe(self, n: int) -> None:
        from desktop_app.ui.pages.rounds import RoundsPage

        page = self.phase(1)
        assert isinstance(page, RoundsPage)
        page.grid.setCurrentCell(self.rng.randrange(page.grid.rowCount()), 0)
        text = f"S{self.seed}-{n} fietsplan en fruit op de werkvloer"
        say(f"typing {text}")
        edit = page.scribe.edit
        edit.setFocus()
        QTest.keyClicks(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    def drag(self, n: int) -> None:
        from desktop_app.ui.pages.themes import ThemesPage

        page = self.phase(2)
        assert isinstance(page, ThemesPage)
        proposals = [p.id for p in self.window.controller.session_file.proposals()]  # type: ignore[union-attr]
        card = self.rng.choice(proposals)
        theme = self.rng.choice(page.theme_order)
        say(f"dragging {card} {theme}")
        send_drop(page.theme_boxes[theme].view.viewport(), [card])

    def _vote_page(self) -> QWidget:
        from desktop_app.core import run_state
        from desktop_app.ui.pages.vote import VotePage

        page = self.phase(3)
        assert isinstance(page, VotePage)
        if not self.window.controller.session_file.state(run_state.VOTING_OPEN, False):  # type: ignore[union-attr]
            QTest.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
            wait_until(lambda: page.kiosk_button.isEnabled())
        return page

    def tally(self, n: int) -> None:
        from desktop_app.ui.pages.vote import VotePage

        page = self._vote_page()
        assert isinstance(page, VotePage)
        page.tabs.setCurrentIndex(1)
        wait_until(lambda: not page._refresh_pending)
        table = page.tally_table
        row = self.rng.randrange(table.rowCount())
        column = self.rng.randrange(1, table.columnCount())
        count = str(self.rng.randrange(1, 30))
        say(f"tally {row} {column} {count}")
        table.setFocus()
        table.setCurrentCell(row, column)
        table.editItem(table.item(row, column))
        editor = QApplication.focusWidget()
        if not isinstance(editor, QLineEdit):
            return  # a cell that takes no typing (a total): nothing to do
        editor.selectAll()
        QTest.keyClicks(editor, count)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        wait_until(lambda: table.state() != QAbstractItemView.State.EditingState)

    def ballot(self, n: int) -> None:
        from desktop_app.ui.kiosk import KioskWindow
        from desktop_app.ui.pages.vote import VotePage

        page = self._vote_page()
        assert isinstance(page, VotePage)
        if page.kiosk is None or not page.kiosk.isVisible():
            QTest.mouseClick(page.kiosk_button, Qt.MouseButton.LeftButton)
            wait_until(lambda: page.kiosk is not None and page.kiosk.isVisible())
        kiosk = page.kiosk
        assert kiosk is not None
        if kiosk.current_screen() == KioskWindow.THANKS:
            QTest.mouseClick(kiosk.next_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: kiosk.current_screen() == KioskWindow.GROUPS)
        QTest.mouseClick(self.rng.choice(kiosk.group_buttons), Qt.MouseButton.LeftButton)
        wait_until(lambda: kiosk.current_screen() == KioskWindow.BALLOT)
        rows = list(kiosk.order)
        self.rng.shuffle(rows)
        for item_id in rows:  # a few dots at random, then the rest of the budget
            if self.rng.random() < 0.5 and kiosk.rows[item_id].plus_button.isEnabled():
                QTest.mouseClick(kiosk.rows[item_id].plus_button, Qt.MouseButton.LeftButton)
        for item_id in rows * 10:
            ballot = kiosk.ballot
            if ballot is None or ballot.spent >= ballot.budget:
                break
            if kiosk.rows[item_id].plus_button.isEnabled():
                QTest.mouseClick(kiosk.rows[item_id].plus_button, Qt.MouseButton.LeftButton)
        assert kiosk.ballot is not None
        say(f"casting {kiosk.ballot.spent}")
        QTest.mouseClick(kiosk.cast_button, Qt.MouseButton.LeftButton)
        if kiosk.current_screen() == KioskWindow.CONFIRM:
            QTest.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)

    def export(self, n: int) -> None:
        kind = self.rng.choice(["xlsx", "json", "pdf"])
        target = self.workdir / f"export-{self.seed}-{n}.{kind}"
        say(f"exporting {target}")
        write = {
            "xlsx": self.window.import_export.export_xlsx,
            "json": self.window.import_export.export_json,
            "pdf": self.window.import_export.export_pdf,
        }[kind]
        write(target)
        if target.exists():
            say(f"exported {target}")


def main(argv: Sequence[str]) -> int:
    session, workdir, seed = Path(argv[0]), Path(argv[1]), int(argv[2])
    app = create_application()
    install_translators(app, "nl")
    apply_look(app)
    holder: list[Driver] = []
    window = start_console(
        Settings(), "nl", session=str(session), finished=lambda: holder[0].start()
    )
    holder.append(Driver(window, workdir, seed))
    window.resize(1280, 800)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
