"""Fields that store when they are left, and the message right below one that breaks a rule.

Shared by the prepare page's forms and lists and the new-session dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.date_field import NO_DATE
from desktop_app.ui.look import repolish


class ErrorLabel(QLabel):
    """The message right below a field; hidden while the value is fine."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()


def mark(widget: QWidget, error: ErrorLabel, message: str | None) -> bool:
    """Show or clear a field's problem; True when the value is fine."""
    invalid = message is not None
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        repolish(widget)
    error.setText(message or "")
    error.setVisible(invalid)
    return not invalid


def set_quietly(widget: QWidget, value: Any) -> None:
    """Show a stored value, but never under the cursor of someone typing there."""
    if widget.hasFocus():
        return
    widget.blockSignals(True)
    try:
        if isinstance(widget, QLineEdit):
            if widget.text() != (value or ""):
                widget.setText(value or "")
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != (value or ""):
                widget.setPlainText(value or "")
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE)
    finally:
        widget.blockSignals(False)


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that is stored when the field is left (Tab or a click elsewhere)."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(84)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.committed.emit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter stores; plain Enter is a new line.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.committed.emit()
            return
        super().keyPressEvent(event)


def parse_count(
    text: str, low: int, high: int, tr: Callable[[str], str]
) -> tuple[int | None, str | None]:
    """A whole number in [low, high] or an empty field; (value, problem)."""
    text = text.strip()
    if not text:
        return None, None
    try:
        value = int(text)
    except ValueError:
        return None, QCoreApplication.translate("PreparePage", "Vul een heel getal in.")
    if value < 0:
        return None, QCoreApplication.translate("PreparePage", "Mag niet negatief zijn.")
    if not low <= value <= high:
        return None, QCoreApplication.translate(
            "PreparePage", "Kies een getal van {low} tot {high}."
        ).format(low=low, high=high)
    return value, None


def form_card() -> tuple[QFrame, QFormLayout]:
    card = QFrame()
    card.setProperty("card", True)
    form = QFormLayout(card)
    form.setContentsMargins(16, 16, 16, 16)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(4)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return card, form


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """The field with its message under it, as one form row (Alt+letter goes to the field)."""
    box = QWidget()
    # The label's Alt+letter focuses its buddy only if the buddy takes focus; the
    # proxy passes that on to the field (and keeps the box out of the Tab order).
    box.setFocusPolicy(field.focusPolicy())
    box.setFocusProxy(field)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 8)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


# ------------------------------------------------------------ list editors
