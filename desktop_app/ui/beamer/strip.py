"""The beamer's essentials in the console's status bar, for when its panel is closed.

On a 1024x768 laptop the beamer panel starts closed (it would squeeze the
phase pages), and black-out and the reveal were then only in View > Beamer. The
strip keeps them one click away at the bottom of the console: show or hide the
beamer (F5), black-out (Ctrl+B), reveal the result, and open the panel. It hides
itself while the panel is open, which has the same buttons.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core import run_state
from desktop_app.ui.beamer.dock import BeamerDock
from desktop_app.ui.beamer.window import BeamerWindow
from desktop_app.ui.look import icon

STRIP_STYLE = """
QWidget#beamerStrip QPushButton {
    padding: 1px 8px; min-height: 16px; border-radius: 4px;
}
"""


class BeamerStrip(QWidget):
    """Four small buttons in the status bar; they never take the keyboard."""

    def __init__(self, window: BeamerWindow, dock: BeamerDock, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("beamerStrip")
        self.setStyleSheet(STRIP_STYLE)
        self.window_ = window
        self.dock = dock
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(4)
        label = QLabel(self.tr("Beamer:"))
        row.addWidget(label)
        self.show_button = self._button("presentation", window.toggle, "beamerStripShow")
        self.black_button = self._button("eye-off", dock.toggle_blackout, "beamerStripBlack")
        self.black_button.setCheckable(True)
        self.reveal_button = self._button("chart-bar", dock.toggle_reveal, "beamerStripReveal")
        self.reveal_button.setCheckable(True)
        self.panel_button = self._button("monitor", self._open_panel, "beamerStripPanel")
        self.panel_button.setText(self.tr("Paneel"))
        self.panel_button.setToolTip(self.tr("Het beamerpaneel met voorbeeld en alle knoppen"))
        for button in (self.show_button, self.black_button, self.reveal_button, self.panel_button):
            row.addWidget(button)
        dock.status_changed.connect(self.refresh)
        dock.visibilityChanged.connect(lambda _visible: self._follow_panel())
        self.refresh()

    def _button(self, icon_name: str, slot: Callable[[], object], name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(name)
        button.setIconSize(QSize(14, 14))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _open_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def _follow_panel(self) -> None:
        self.setVisible(not self.dock.isVisible())

    def refresh(self) -> None:
        controller = self.dock.controller
        shown = self.window_.isVisible()
        self.show_button.setText(self.tr("Verbergen") if shown else self.tr("Tonen"))
        self.show_button.setToolTip(self.tr("Beamer tonen of verbergen (F5)"))
        black = self.dock.stage.is_blacked_out()
        revealed = bool(self.dock.stage.state(run_state.RESULTS_REVEALED, False))
        self.black_button.setChecked(black)
        self.black_button.setText(self.tr("Zwart"))
        self.black_button.setToolTip(self.tr("Beamer op zwart (Ctrl+B)"))
        self.reveal_button.setChecked(revealed)
        self.reveal_button.setText(
            self.tr("Uitslag verbergen") if revealed else self.tr("Onthullen")
        )
        self.reveal_button.setToolTip(self.tr("De uitslag van de stemming tonen of verbergen"))
        for button in (self.black_button, self.reveal_button):
            button.setEnabled(controller is not None)
