"""AfterNextPaint: the second half of the start-up runs once, after the first paint."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.first_paint import AfterNextPaint


def test_runs_once_after_the_window_has_painted(qtbot: QtBot) -> None:
    window = QLabel("Tafelronde")
    qtbot.addWidget(window)
    calls: list[bool] = []
    watch = AfterNextPaint(window, lambda: calls.append(window.isVisible()))
    assert calls == []
    with qtbot.waitSignal(watch.done):
        window.show()
    assert calls == [True]
    window.repaint()  # a later paint does not call it again
    with qtbot.assertNotEmitted(watch.done, wait=AfterNextPaint.FALLBACK_MS + 200):
        window.repaint()  # nor does the fallback, once its time has passed
    assert calls == [True]


def test_a_window_that_never_paints_still_gets_its_second_half(qtbot: QtBot) -> None:
    """Started minimized, or covered by its children: the fallback runs it."""
    window = QWidget()  # never shown, so never painted
    qtbot.addWidget(window)
    calls: list[str] = []
    AfterNextPaint(window, lambda: calls.append("opened"))
    qtbot.waitUntil(lambda: calls == ["opened"], timeout=AfterNextPaint.FALLBACK_MS + 2000)
