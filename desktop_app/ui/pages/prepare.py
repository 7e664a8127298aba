"""Phase page: Voorbereiden. Session details, target groups, tables, rounds,
voting rules and the context for the opening.

Every field is stored when it is left (Enter or Tab); there is no Save button.
A value that breaks a rule (an empty or duplicate name, a negative count) is
not stored: the field is marked and a message stands right below it, and what
was typed stays so it can be corrected.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import run_state
from desktop_app.core.model import (
    Kind,
)
from desktop_app.storage.session_file import Change, Origin
from desktop_app.ui.controller import SessionController
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import Page, heading
from desktop_app.ui.pages.prepare_lists import (
    ContextEditor,
    RoundEditor,
    TableEditor,
    TargetGroupEditor,
)
from desktop_app.ui.pages.session_form import SessionForm


class PreparePage(Page):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("preparePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("Voorbereiden")))
        intro = QLabel(
            self.tr(
                "Alles wordt opgeslagen zodra je een veld verlaat (Enter of Tab). "
                "Ctrl+Z maakt de laatste wijziging ongedaan."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #6B655D;")
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("prepareTabs")
        self.tabs.setDocumentMode(True)
        self.session_form = SessionForm(controller)
        self.target_groups = TargetGroupEditor(controller)
        self.tables = TableEditor(controller)
        self.rounds = RoundEditor(controller)
        self.context = ContextEditor(controller)
        for widget, title, icon_name in (
            (self.session_form, self.tr("Sessie en stemregels"), "calendar"),
            (self.target_groups, self.tr("Doelgroepen"), "users"),
            (self.tables, self.tr("Tafels"), "table"),
            (self.rounds, self.tr("Rondes"), "list-ordered"),
            (self.context, self.tr("Context"), "info"),
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(widget)
            self.tabs.addTab(scroll, icon(icon_name), title)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.session_form.reload()
        for editor in (self.target_groups, self.tables, self.rounds, self.context):
            editor.reload()

    SHOWS = frozenset({Kind.TARGET_GROUP, Kind.TABLE, Kind.ROUND, Kind.CONTEXT_ITEM})
    SHOWS_STATE = frozenset({run_state.PRIVACY_FLOOR})

    def on_change(self, change: Change) -> None:
        if not self.shows(change):
            return
        if not self.isVisible():
            self._stale = True
            return
        if change.origin is Origin.IMPORT:
            self.refresh()
            return
        if change.session or change.state:
            self.session_form.reload()
        if change.touches(Kind.TARGET_GROUP):
            self.target_groups.reload()
            self.tables.reload()
        elif change.touches(Kind.TABLE):
            self.tables.reload()
        if change.touches(Kind.ROUND):
            self.rounds.reload()
        if change.touches(Kind.CONTEXT_ITEM):
            self.context.reload()
