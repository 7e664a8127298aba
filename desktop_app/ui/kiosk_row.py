"""The voting kiosk's look and parts: its style sheet at two sizes, its labels, and one item's
row (the name, a large - and +, the voter's dots on it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop_app.ui import palette

FILLED = "\u25cf"  # ●
EMPTY = "\u25cb"  # ○

#: Below this window height the kiosk uses its compact sizes (a 1366x768 laptop).
COMPACT_BELOW = 960


def kiosk_style(compact: bool) -> str:
    """The kiosk's own stylesheet: large, calm; a little smaller on short screens."""
    step = 64 if compact else 76
    title, lead, item, count = (22, 15, 17, 22) if compact else (30, 18, 20, 26)
    return f"""
QWidget#kiosk {{ background: {palette.BACKGROUND}; }}
QLabel {{ color: {palette.TEXT}; }}
QLabel[kiosk="title"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[kiosk="lead"] {{ font-size: {lead}pt; color: {palette.MUTED}; }}
QLabel[kiosk="left"] {{ font-size: {title - 4}pt; font-weight: 600; color: {palette.ACCENT_DARK}; }}
QLabel[kiosk="meter"] {{ font-size: {title}pt; color: {palette.ACCENT}; }}
QLabel[kiosk="item"] {{ font-size: {item}pt; }}
QLabel[kiosk="count"] {{ font-size: {count}pt; color: {palette.ACCENT}; }}
QLabel[kiosk="foot"] {{ font-size: 10pt; color: {palette.MUTED}; }}
QFrame[kioskRow="true"] {{
    background: {palette.SURFACE};
    border: 2px solid {palette.BORDER};
    border-radius: 12px;
}}
QFrame[kioskRow="true"][chosen="true"] {{ border-color: {palette.ACCENT}; }}
QFrame[kioskRow="true"]:focus {{
    border: 4px solid {palette.ACCENT_DARK};
    background: {palette.ACCENT_LIGHT};
}}
QPushButton {{ font-size: {lead + 2}pt; border-radius: 12px; padding: 12px 32px; }}
QPushButton[step="true"] {{
    font-size: {title}pt; font-weight: 600; padding: 0px;
    min-width: {step}px; max-width: {step}px; min-height: {step}px; max-height: {step}px;
    border-radius: {step // 2}px; border: 2px solid {palette.ACCENT};
    color: {palette.ACCENT_DARK}; background: {palette.SURFACE};
}}
QPushButton[step="true"]:hover {{ background: {palette.ACCENT_LIGHT}; }}
QPushButton[step="true"]:disabled {{
    border-color: #E2DCD3; color: #C9C2B8; background: #F7F4EF;
}}
QPushButton[group="true"] {{
    font-size: {title - 6}pt; min-height: {step + 32}px; padding: 16px 24px;
    border: 2px solid {palette.ACCENT}; background: {palette.SURFACE};
}}
QPushButton[group="true"]:hover, QPushButton[group="true"]:focus {{
    background: {palette.ACCENT_LIGHT}; border: 4px solid {palette.ACCENT_DARK};
}}
QPushButton[primary="true"] {{ min-height: {step - 8}px; font-size: {lead + 4}pt; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QScrollBar:vertical {{ width: 18px; }}
"""


def kiosk_label(text: str, role: str, *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setProperty("kiosk", role)
    label.setWordWrap(wrap)
    return label


def dots_text(count: int, slots: int) -> str:
    return FILLED * count + EMPTY * max(0, slots - count)


class KioskRow(QFrame):
    """One item: its name, a large - and + and the voter's dots on it."""

    stepped = Signal(str, int)  # item id, +1 or -1
    focus_step = Signal(int)  # -1 up, +1 down

    def __init__(self, item_id: str, name: str, cap: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.cap = cap
        self.setProperty("kioskRow", True)
        self.setProperty("chosen", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 8, 16, 8)
        layout.setSpacing(24)
        self.name_label = kiosk_label(name, "item")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.minus_button = QPushButton("\u2212")  # minus sign
        self.plus_button = QPushButton("+")
        for button, tip in (
            (self.minus_button, self.tr("Eén stip eraf")),
            (self.plus_button, self.tr("Eén stip erbij")),
        ):
            button.setProperty("step", True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(tip)
            button.setToolTip(tip)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count_label = kiosk_label("", "count", wrap=False)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label.setMinimumWidth(40 * max(1, cap) + 16)
        layout.addWidget(self.name_label, 1)
        layout.addWidget(self.minus_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.plus_button)
        self.minus_button.clicked.connect(lambda: self.stepped.emit(self.item_id, -1))
        self.plus_button.clicked.connect(lambda: self.stepped.emit(self.item_id, 1))

    def show_count(self, count: int, can_add: bool) -> None:
        self.count_label.setText(dots_text(count, self.cap))
        self.count_label.setAccessibleName(self.tr("%n stip(pen)", "", count))
        self.minus_button.setEnabled(count > 0)
        self.plus_button.setEnabled(can_add)
        chosen = count > 0
        if self.property("chosen") != chosen:
            self.setProperty("chosen", chosen)
            self.style().unpolish(self)
            self.style().polish(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Right):
            self.stepped.emit(self.item_id, 1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore, Qt.Key.Key_Left):
            self.stepped.emit(self.item_id, -1)
        elif key == Qt.Key.Key_Up:
            self.focus_step.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.focus_step.emit(1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)
