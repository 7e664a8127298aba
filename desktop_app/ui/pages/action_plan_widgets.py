"""The action plan page's own widgets: a date with a clear button, the plan list that
reorders through the page, the impact/effort canvas and the save-on-leave filter."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QDropEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop_app.ui.date_field import NO_DATE, DateEdit
from desktop_app.ui.look import icon

ROLE_ID = Qt.ItemDataRole.UserRole


class DateField(QWidget):
    """A date with a clear "no date" state: a date field and a clear button."""

    changed = Signal()
    NO_DATE = NO_DATE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.edit = DateEdit(no_date_text=self.tr("geen datum"))
        self.edit.setMinimumWidth(120)
        self.setFocusProxy(self.edit)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("x"))
        self.clear_button.setToolTip(self.tr("Geen datum"))
        self.clear_button.setAccessibleName(self.tr("Geen datum"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes to the next field
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.edit, 1)
        row.addWidget(self.clear_button)
        self.edit.dateChanged.connect(self._on_date)

    def _on_date(self, _date: QDate) -> None:
        self.clear_button.setEnabled(self.value() is not None)
        self.changed.emit()

    def value(self) -> str | None:
        if not self.edit.has_date():
            return None
        return self.edit.date().toString("yyyy-MM-dd")

    def set_value(self, value: str | None) -> None:
        date = QDate.fromString(value, "yyyy-MM-dd") if value else self.NO_DATE
        if not date.isValid():
            date = self.NO_DATE
        self.edit.blockSignals(True)
        self.edit.setDate(date)
        self.edit.blockSignals(False)
        self.clear_button.setEnabled(self.value() is not None)

    def clear(self) -> None:
        self.edit.setDate(self.NO_DATE)


class PlanTree(QTreeWidget):
    """The interventions in plan order; a drop reorders through the page, not by Qt."""

    dropped = Signal(str, int)  # moved intervention id, its new row

    def dropEvent(self, event: QDropEvent) -> None:
        moving = self.currentItem()
        if moving is None:
            event.ignore()
            return
        target = self.itemAt(event.position().toPoint())
        row = self.topLevelItemCount() - 1
        if target is not None:
            row = self.indexOfTopLevelItem(target)
            if self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.BelowItem:
                row += 1
            if row > self.indexOfTopLevelItem(moving):
                row -= 1
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.dropped.emit(str(moving.data(0, ROLE_ID)), max(0, row))


class MatrixCanvas(FigureCanvasQTAgg):
    """The impact/effort matrix; redrawn for its new size when resized."""

    def __init__(self, redraw: Callable[[], None]) -> None:
        super().__init__(Figure(facecolor="white"))  # type: ignore[no-untyped-call]  # matplotlib Qt canvas: untyped
        self._redraw = redraw
        self.setObjectName("impactEffortMatrix")
        self.setMinimumSize(280, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A small canvas draws at a lower dpi (100 down to 64): the same chart in
        # smaller type, so the quadrant names still fit side by side at 1024 x 768.
        size = event.size()
        base = float(max(64, min(100, round(min(size.width() / 6.0, size.height() / 3.6)))))
        if self.figure._original_dpi != base:  # type: ignore[attr-defined]  # matplotlib private: dpi before HiDPI scaling
            self.figure._original_dpi = base  # type: ignore[attr-defined]  # matplotlib private: dpi before HiDPI scaling
            self.figure.set_dpi(base * self.device_pixel_ratio)
        super().resizeEvent(event)  # type: ignore[no-untyped-call]  # matplotlib Qt canvas: untyped
        if self.isVisible():  # a hidden page (or one being closed) never reads the session
            self._redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[no-untyped-call]  # matplotlib Qt canvas: untyped
        self._redraw()


class FocusOut(QObject):
    """Calls back when a watched text field loses focus (save on leave)."""

    def __init__(self, callback: Callable[[QObject], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback(watched)
        return False


def plan_row(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(row)
    assert item is not None
    return item


def set_line(edit: QLineEdit, value: str | None) -> None:
    if edit.text() != (value or ""):
        edit.setText(value or "")
        edit.setCursorPosition(0)


def set_text(edit: QPlainTextEdit, value: str | None) -> None:
    if edit.toPlainText() != (value or "") and not edit.hasFocus():
        edit.setPlainText(value or "")
