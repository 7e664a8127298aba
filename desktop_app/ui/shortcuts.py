"""F1: every key, grouped the way a session runs: everywhere, then phase by phase.

The console's own actions are read from the window (their texts and keys as the
menus show them); a platform's second binding for the same command, such as the
Sun keyboard's Undo key F14, is left out. The keys of the pages, the kiosk and
the beamer are listed per phase. The dialog is as tall as its list, up to most
of the screen; a scroll bar reaches the rest: no row is ever cut off.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import palette

Row = tuple[str, str]  # (what, keys)
Group = tuple[str, list[Row]]

_SPECIAL_KEYS = {f"F{n}" for n in range(13, 36)} | {"Undo", "Redo", "Copy", "Paste", "Cut"}


def _platform_bindings() -> list[list[QKeySequence]]:
    return [
        bindings
        for key in QKeySequence.StandardKey
        if len(bindings := QKeySequence.keyBindings(key)) > 1
    ]


def keys_of(action: QAction) -> str:
    """The action's keys as a person types them.

    For a platform's standard command (Undo, Quit …) only its first key: the
    others are legacy or special keyboards' keys (Alt+Backspace, the Sun Undo
    key F14) that nobody in the room looks for.
    """
    sequences = action.shortcuts()
    if len(sequences) > 1 and sequences in _platform_bindings():
        sequences = sequences[:1]
    shown: list[str] = []
    for sequence in sequences:
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in _SPECIAL_KEYS and text not in shown:
            shown.append(text)
    return ", ".join(shown)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.groups = self._groups(actions)
        layout = QVBoxLayout(self)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(12)
        for title, rows in self.groups:
            column.addWidget(self._section(title, rows))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("shortcutsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # As large as the content, at most most of the screen (then it scrolls).
        body.adjustSize()
        screen = (parent.screen() if parent is not None else None) or (
            QGuiApplication.primaryScreen()
        )
        area = screen.availableGeometry() if screen is not None else None
        width = body.sizeHint().width() + 56
        height = body.sizeHint().height() + buttons.sizeHint().height() + 48
        if area is not None:
            width, height = (
                min(width, int(area.width() * 0.9)),
                min(height, int(area.height() * 0.9)),
            )
        self.resize(max(600, width), height)

    def _section(self, title: str, rows: list[Row]) -> QWidget:
        section = QWidget()
        section.setObjectName("shortcutGroup")
        grid = QGridLayout(section)
        grid.setContentsMargins(0, 0, 0, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        heading = QLabel(title)
        heading.setProperty("role", "subheading")
        grid.addWidget(heading, 0, 0, 1, 2)
        for row, (what, keys) in enumerate(rows, start=1):
            text = QLabel(what)
            text.setObjectName("shortcutWhat")
            text.setWordWrap(True)
            key_label = QLabel(keys)
            key_label.setObjectName("shortcutKeys")
            key_label.setStyleSheet(f"color: {palette.ACCENT_DARK}; font-weight: 600;")
            key_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 0)
            grid.addWidget(key_label, row, 1)
        grid.setColumnStretch(0, 1)
        return section

    def _console_rows(self, actions: Iterable[QAction]) -> list[Row]:
        """The console's actions with a key, each key once; the six phases as one row."""
        rows: list[Row] = []
        phases = False
        for action in actions:
            keys = keys_of(action)
            if not keys:
                continue
            if len(keys) == 6 and keys.startswith("Ctrl+") and keys[5].isdigit():
                phases = True
                continue
            what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            what = what.split("\t")[0].split(":")[0].strip().rstrip("…").strip()
            if all(known != keys for _, known in rows):
                rows.append((what, keys))
        if phases:
            rows.append((self.tr("Naar fase 1 … 6"), "Ctrl+1 … Ctrl+6"))
        return rows

    def _groups(self, actions: Iterable[QAction]) -> list[Group]:
        return [
            (self.tr("Overal in de console"), self._console_rows(actions)),
            (
                self.tr("2  Rondes: notuleren"),
                [
                    (self.tr("Voorstel opslaan, veld leeg voor het volgende"), "Enter"),
                    (self.tr("Nieuwe regel in een voorstel"), "Shift+Enter"),
                    (self.tr("Laatste voorstel bewerken (in een leeg invoerveld)"), "↑"),
                    (self.tr("Terug naar een leeg invoerveld, zoeken sluiten"), "Esc"),
                    (self.tr("Tafel kiezen"), "Alt+1 … Alt+9, Alt+0"),
                    (self.tr("Vorige / volgende tafel"), "Ctrl+PgUp / Ctrl+PgDn"),
                    (self.tr("Vorige / volgende ronde"), "Ctrl+Shift+PgUp / PgDn"),
                    (self.tr("Naar het invoerveld"), "Ctrl+L"),
                    (self.tr("Zoeken in alle voorstellen"), "Ctrl+F"),
                    (self.tr("Timer starten of pauzeren"), "Ctrl+T"),
                    (self.tr("Een minuut erbij"), "Ctrl+M"),
                    (self.tr("Voorstel in de lijst bewerken"), "F2"),
                    (self.tr("Gekozen voorstel verwijderen"), "Delete"),
                ],
            ),
            (
                self.tr("3  Clusteren"),
                [
                    (self.tr("Gekozen kaarten naar een thema"), "T, Ctrl+T"),
                    (self.tr("Nieuw thema van de gekozen kaarten"), "N, Ctrl+G"),
                    (self.tr("Thema hernoemen"), "F2"),
                    (self.tr("Zoeken in voorstellen"), "Ctrl+F"),
                ],
            ),
            (
                self.tr("4  Stemmen"),
                [
                    (self.tr("Stippen turven: opslaan en naar beneden"), "Enter"),
                    (self.tr("Stippen turven: naar rechts"), "Tab"),
                    (self.tr("Kiosk: doelgroep kiezen"), "1 … 9"),
                    (self.tr("Kiosk: stip erbij / eraf"), "+ / −"),
                    (self.tr("Kiosk: stem uitbrengen"), "Enter"),
                    (self.tr("Kiosk sluiten (begeleider)"), "Ctrl+Shift+Q"),
                ],
            ),
            (
                self.tr("5  Actieplan"),
                [
                    (self.tr("Interventie hoger / lager"), "Alt+↑ / Alt+↓"),
                    (self.tr("Interventie verwijderen"), "Delete"),
                ],
            ),
            (
                self.tr("Op het beamervenster"),
                [
                    (self.tr("Beamer op zwart"), "B"),
                    (self.tr("Volgende / vorige weergave"), "PgDn, → / PgUp, ←"),
                    (self.tr("Volledig scherm uit"), "Esc"),
                    (self.tr("Beamer verbergen"), "F5"),
                ],
            ),
        ]
