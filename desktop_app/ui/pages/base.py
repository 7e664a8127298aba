"""What every phase page shares: the controller, and a refresh on each change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.storage.session_file import Change
from desktop_app.ui.controller import SessionController


class Page(QWidget):
    """A phase of the session. Subclasses build their widgets and ``refresh``."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        # The console's "Klaar voor de zaal?" check (ui.readiness.ReadinessGate), set when
        # the console builds the page; None on a page shown on its own.
        self.readiness: Any = None
        controller.changed.connect(self.on_change)

    def on_change(self, change: Change) -> None:
        """Called after every committed change; refresh only when shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        if getattr(self, "_stale", True):
            self._stale = False
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        """Re-read what the page shows from the controller's snapshot."""

    def first_field(self) -> QWidget | None:
        """Where typing goes when the phase is chosen by shortcut (None: stay in the
        phase list, so a stray key never presses a button of the page)."""
        return None


class StepMessage:
    """A page's status line about the step just taken ("… telt niet meer mee. Ongedaan
    maken: Ctrl+Z"): it goes away when that step is undone, instead of staying behind
    as a line that is no longer true."""

    def __init__(self, controller: SessionController, clear: Callable[[], None]) -> None:
        self._stack = controller.undo_stack
        self._clear = clear
        self._said_at: int | None = None
        self._stack.indexChanged.connect(self._moved)

    def said(self) -> None:
        """A message was just shown, after the step it is about."""
        self._said_at = self._stack.index()

    def _moved(self, index: int) -> None:
        if self._said_at is not None and index < self._said_at:
            self._said_at = None
            self._clear()


def heading(text: str, role: str = "heading") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def hint(text: str) -> QLabel:
    """The muted line an empty screen uses to say what to do next."""
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


class PlaceholderPage(Page):
    """A phase that is not built yet says so plainly."""

    def __init__(
        self, controller: SessionController, title: str, message: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading(title))
        layout.addWidget(hint(message))
        layout.addStretch(1)
