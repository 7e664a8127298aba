"""The first window: the demo opens in the console and its proposals are shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from desktop_app.storage.demo import create_demo_copy, demo_source
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.console import build_console_window
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.overview import OverviewPage
from desktop_app.ui.settings import Settings


def test_demo_copy_is_a_new_file_and_the_shipped_demo_never_changes(tmp_path: Path) -> None:
    before = demo_source().read_bytes()
    first = create_demo_copy(tmp_path)
    second = create_demo_copy(tmp_path)
    assert first != second and first.exists() and second.exists()
    assert demo_source().read_bytes() == before


def test_console_opens_the_demo_with_its_title(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_console_window(Settings(), "nl")
    qtbot.addWidget(window)
    window.show()
    assert window.open_session(create_demo_copy(tmp_path))
    assert window.windowTitle() == "Tafelronde — PMO samen ontwerpen"
    assert window.phase_nav.count() == 6
    window.close()


def test_overview_lists_every_demo_proposal(qtbot: QtBot, demo_session: SessionFile) -> None:
    controller = SessionController(demo_session)
    page = OverviewPage(controller)
    qtbot.addWidget(page)
    page.show()
    shown: list[str] = []
    iterator = QTreeWidgetItemIterator(page.tree)
    while iterator.value():
        shown.append(iterator.value().text(0))
        iterator += 1
    proposals = [p.text for p in demo_session.snapshot().live_proposals()]
    assert len(proposals) >= 60
    assert all(text in shown for text in proposals)


def test_a_new_proposal_appears_at_once(qtbot: QtBot, demo_session: SessionFile) -> None:
    controller = SessionController(demo_session)
    page = OverviewPage(controller)
    qtbot.addWidget(page)
    page.show()
    round_ = demo_session.rounds()[0]
    table = demo_session.tables()[0]
    with qtbot.waitSignal(controller.changed):
        demo_session.add_proposal(round_.id, table.id, "Nieuw: stoelyoga op vrijdag")
    found = page.tree.findItems("Nieuw: stoelyoga op vrijdag", _recursive())
    assert len(found) == 1


def _recursive():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
