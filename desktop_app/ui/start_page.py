"""What the console shows when no session is open: start from a template, open
a recent session or a file, or look at the demo."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.templates import Template, list_templates
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import heading, hint

PATH_ROLE = Qt.ItemDataRole.UserRole


class TemplateButton(QPushButton):
    """A template as a large button: its name, what it holds, and a one-line description."""

    def __init__(self, template: Template, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.setObjectName(f"template-{template.key}")
        self.setIcon(icon("file-plus"))
        text = f"&{number}  {template.name}"
        if template.tables or template.rounds:
            text += "\n" + self.tr("{tables} tafels, {rounds} rondes").format(
                tables=template.tables, rounds=template.rounds
            )
        self.setText(text)
        self.setToolTip(template.description)
        self.setAccessibleDescription(template.description)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPushButton { text-align: left; padding: 8px 16px; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a focused template opens it, as Space does (outside a dialog Qt
        # gives a push button no Enter of its own).
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.animateClick()
            return
        super().keyPressEvent(event)


_DEMO_STEM = re.compile(r"^Demo-(\d{8})-(\d{6})(?:-\d+)?$")


def recent_label(path: str) -> str:
    """How a recent session is named in the lists: its file name, or for a copy of the
    demo "Demo van 3 december 2026, 06:37" instead of "Demo-20261203-063701-445123"."""
    file = Path(path)
    match = _DEMO_STEM.match(file.stem)
    if match is None:
        return file.stem
    moment = QDateTime.fromString(match.group(1) + match.group(2), "yyyyMMddHHmmss")
    if not moment.isValid():
        return file.stem
    return QCoreApplication.translate("StartPage", "Demo van {moment}").format(
        moment=QLocale().toString(moment, "d MMMM yyyy, HH:mm")
    )


class StartPage(QWidget):
    template_chosen = Signal(object)  # Template
    open_requested = Signal()
    recent_chosen = Signal(str)
    demo_requested = Signal()

    def __init__(self, language: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.language = language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(16)
        outer.addWidget(heading(self.tr("Welkom bij Tafelronde")))
        intro = QLabel(
            self.tr(
                "Begin een nieuwe sessie vanuit een sjabloon, of open een sessie die je al "
                "hebt. Alles wordt meteen opgeslagen; er is geen Opslaan-knop om te vergeten."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)

        columns = QHBoxLayout()
        columns.setSpacing(24)

        new_card = QFrame()
        new_card.setProperty("card", True)
        new_layout = QVBoxLayout(new_card)
        new_layout.setContentsMargins(16, 16, 16, 16)
        new_layout.setSpacing(8)
        new_title = QLabel(self.tr("Nieuwe sessie (Ctrl+N)"))
        new_title.setProperty("role", "subheading")
        new_layout.addWidget(new_title)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.template_buttons: list[TemplateButton] = []
        for index, template in enumerate(list_templates(language)):
            button = TemplateButton(template, index + 1)
            button.clicked.connect(lambda _=False, t=template: self.template_chosen.emit(t))
            grid.addWidget(button, index, 0)
            description = QLabel(template.description)
            description.setWordWrap(True)
            description.setStyleSheet("color: #6B655D;")
            grid.addWidget(description, index, 1)
            self.template_buttons.append(button)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        new_layout.addLayout(grid)
        new_layout.addStretch(1)
        columns.addWidget(new_card, 3)

        open_card = QFrame()
        open_card.setProperty("card", True)
        open_layout = QVBoxLayout(open_card)
        open_layout.setContentsMargins(16, 16, 16, 16)
        open_layout.setSpacing(8)
        recent_title = QLabel(self.tr("Recent geopend"))
        recent_title.setProperty("role", "subheading")
        open_layout.addWidget(recent_title)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        open_layout.addWidget(self.recent_list, 1)
        self.recent_hint = hint(
            self.tr("Nog niets geopend. Kies links een sjabloon om te beginnen.")
        )
        open_layout.addWidget(self.recent_hint)
        self.recent_spacer = QWidget()
        open_layout.addWidget(self.recent_spacer, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(icon("folder-open"), self.tr("Bestand &openen…"))
        self.open_button.setObjectName("startOpen")
        self.demo_button = QPushButton(icon("presentation"), self.tr("&Demo bekijken"))
        self.demo_button.setObjectName("startDemo")
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        open_layout.addLayout(buttons)
        columns.addWidget(open_card, 2)
        outer.addLayout(columns, 1)

        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent_list.itemActivated.connect(
            lambda item: self.recent_chosen.emit(str(item.data(PATH_ROLE)))
        )

    def set_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            file = Path(path)
            item = QListWidgetItem(icon("file-text"), f"{recent_label(path)}\n{file.parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self.recent_hint.setVisible(not paths)
        self.recent_spacer.setVisible(not paths)
        if paths:
            self.recent_list.setCurrentRow(0)
