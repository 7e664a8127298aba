"""The keyboard quick picker: type a few letters of a theme, Enter, done.

Opened from the board with T (in a card list) or Ctrl+T (anywhere on the page)
for the selected cards. The list holds every theme (with its colour and
count), "Nieuw thema…" and "Terug naar de bak"; typing filters it by name
(without regard to case or accents), Up/Down choose, Enter sends, Esc cancels.
When nothing matches, Enter makes a new theme named as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import palette
from desktop_app.ui.card_model import fold
from desktop_app.ui.look import icon

_CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class PickerTheme:
    id: str
    name: str
    count: int
    color: str | None


class Destination(StrEnum):
    """Where the picker sends the cards."""

    THEME = "theme"  # an existing theme (``Choice.theme_id``)
    NEW = "new"  # a new theme (``Choice.name``)
    TRAY = "tray"  # back to the tray


@dataclass(frozen=True, slots=True)
class Choice:
    """Where the cards go: ``kind`` says to what; ``theme_id`` or ``name`` which one."""

    kind: Destination
    theme_id: str | None = None
    name: str = ""


def _swatch(color: str | None) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color or palette.BORDER))
    return QIcon(pixmap)


class QuickPicker(QDialog):
    """Choose a theme by typing. Read :attr:`choice` after ``accepted``."""

    def __init__(
        self,
        themes: Sequence[PickerTheme],
        card_count: int,
        *,
        allow_new: bool = True,
        allow_tray: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickPicker")
        self.setWindowTitle(self.tr("Naar thema"))
        self.setModal(True)
        self.choice: Choice | None = None
        self.resize(440, 420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        title = QLabel(self.tr("%n kaart(en) naar…", "", card_count))
        title.setProperty("role", "subheading")
        layout.addWidget(title)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("pickerFilter")
        self.filter_edit.setPlaceholderText(self.tr("Typ een deel van de themanaam"))
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        self.list.setUniformItemSizes(True)
        layout.addWidget(self.list, 1)
        hint = QLabel(self.tr("↑ ↓ kiezen · Enter verplaatsen · Esc annuleren"))
        hint.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(hint)

        self._new_item: QListWidgetItem | None = None
        if allow_new:
            self._new_item = QListWidgetItem(icon("plus"), self.tr("Nieuw thema…"))
            self._new_item.setData(_CHOICE_ROLE, (Destination.NEW.value, None))
            self.list.addItem(self._new_item)
        if allow_tray:
            tray = QListWidgetItem(icon("undo-2"), self.tr("Terug naar de bak (niet ingedeeld)"))
            tray.setData(_CHOICE_ROLE, (Destination.TRAY.value, None))
            self.list.addItem(tray)
        self._theme_items: list[tuple[QListWidgetItem, str]] = []
        for theme in themes:
            item = QListWidgetItem(
                _swatch(theme.color),
                self.tr("{name}  ({n})").format(name=theme.name, n=theme.count),
            )
            item.setData(_CHOICE_ROLE, (Destination.THEME.value, theme.id))
            self.list.addItem(item)
            self._theme_items.append((item, fold(theme.name)))

        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.installEventFilter(self)
        self.list.itemActivated.connect(self._choose)
        self._apply_filter("")
        self.filter_edit.setFocus()

    # ------------------------------------------------------------ behaviour
    def _visible_rows(self) -> list[int]:
        return [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]

    def _apply_filter(self, text: str) -> None:
        needle = fold(text.strip())
        first_theme: QListWidgetItem | None = None
        for item, key in self._theme_items:
            hit = not needle or needle in key
            item.setHidden(not hit)
            if hit and first_theme is None:
                first_theme = item
        for row in range(self.list.count()):
            item = self.list.item(row)
            kind = Destination(item.data(_CHOICE_ROLE)[0])
            if kind is Destination.TRAY:
                item.setHidden(bool(needle) and needle not in fold(item.text()))
        if self._new_item is not None:
            self._new_item.setText(
                self.tr("Nieuw thema: “{name}”").format(name=text.strip())
                if text.strip()
                else self.tr("Nieuw thema…")
            )
        target = first_theme or self._new_item
        if target is None and self._visible_rows():
            target = self.list.item(self._visible_rows()[0])
        if target is not None:
            self.list.setCurrentItem(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._step(-1 if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.list.currentItem()
                if current is not None and not current.isHidden():
                    self._choose(current)
                return True
        return super().eventFilter(watched, event)

    def _step(self, delta: int) -> None:
        rows = self._visible_rows()
        if not rows:
            return
        current = self.list.currentRow()
        position = rows.index(current) if current in rows else -1
        position = max(0, min(len(rows) - 1, position + delta))
        self.list.setCurrentRow(rows[position])

    def _choose(self, item: QListWidgetItem) -> None:
        value, theme_id = item.data(_CHOICE_ROLE)
        kind = Destination(value)
        if kind is Destination.NEW:
            self.choice = Choice(Destination.NEW, name=self.filter_edit.text())
        elif kind is Destination.TRAY:
            self.choice = Choice(Destination.TRAY)
        else:
            self.choice = Choice(Destination.THEME, theme_id=theme_id)
        self.accept()
