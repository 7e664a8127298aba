"""What every phase page shares: the controller, and one refresh per change it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.model import Kind
from desktop_app.storage.session_file import Change
from desktop_app.ui.controller import SessionController

#: A translation context that holds nothing: Qt's own fallback for a text (see Page.tr).
_NO_CONTEXT = "tafelronde: untranslated"


class Page(QWidget):
    """A phase of the session. Subclasses build their widgets and ``refresh``.

    A page says what it shows (``SHOWS``: kinds of entity; ``SHOWS_SESSION``:
    the session record; ``SHOWS_STATE``: run-state keys) and refreshes once
    per operation that changed one of them, and never for the others.
    """

    SHOWS: frozenset[Kind] = frozenset(Kind)
    SHOWS_SESSION: bool = True
    SHOWS_STATE: frozenset[str] = frozenset()

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        # The console's "Klaar voor de zaal?" check (ui.readiness.ReadinessGate), set when
        # the console builds the page; None on a page shown on its own.
        self.readiness: Any = None
        controller.changed.connect(self.on_change)

    def tr(self, sourceText: str, /, disambiguation: str | None = None, n: int = -1) -> str:
        """Qt's ``tr()``, also for a plural text written in one of the page's sections.

        A large page is built from sections, one module each (vote_tallies.py,
        theme_actions.py, ...), and lupdate files a text under the class it is
        written in. For a plain text Qt tries the page's classes one by one; for a
        plural (``n``) only the page's own class, so here each class is tried.
        """
        if n == -1:
            return super().tr(sourceText, disambiguation, n)
        untranslated = QCoreApplication.translate(_NO_CONTEXT, sourceText, disambiguation, n)
        for cls in type(self).__mro__:
            if isinstance(cls, type) and issubclass(cls, Page):
                text = QCoreApplication.translate(cls.__name__, sourceText, disambiguation, n)
                if text != untranslated:
                    return text
        return untranslated

    def shows(self, change: Change) -> bool:
        """True when ``change`` touches something this page shows."""
        return (
            change.touches(*self.SHOWS)
            or (self.SHOWS_SESSION and change.session)
            or bool(change.state & self.SHOWS_STATE)
        )

    def on_change(self, change: Change) -> None:
        """Called once per committed change; refresh only when shown and relevant."""
        if not self.shows(change):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if getattr(self, "_stale", True):
            self._stale = False
            self.refresh()
        super().showEvent(event)

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
        self._history = controller.session_file.history
        self._clear = clear
        self._step: object | None = None
        controller.history_changed.connect(self._moved)

    def said(self) -> None:
        """A message was just shown, after the step it is about."""
        self._step = self._history.next_undo()

    def _moved(self) -> None:
        history = self._history
        if self._step is not None and not any(
            step is self._step for step in history.steps[: history.index]
        ):
            self._step = None
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
