"""A date field that behaves like the other fields of a form.

Qt's date edit walks its day, month and year with Tab, so a facilitator who
tabs on types the next field's text into the date; over its "no date" text it
appends what is typed ("geen datum12"); and it stores every keystroke that
happens to make a date. :class:`DateEdit` fixes the three: Tab leaves the
field (the separators "-", "/" and "." and the arrow keys move between day,
month and year), typing over "no date" starts from today with the typed
digits in the day, and the date counts when the field is left or Enter is
pressed (or a day is clicked in the calendar).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

#: The stored "no date": the minimum date, shown as the special value text.
NO_DATE = QDate(2000, 1, 1)
#: Typed between day, month and year ("12-3-2026", "12/3/2026", "12.3.2026").
SEPARATORS = "-/. "


class DateEdit(QDateEdit):
    """A date with a calendar, Tab to the next field, optional "no date"."""

    def __init__(
        self,
        date: QDate | None = None,
        *,
        no_date_text: str | None = None,
        display_format: str = "d-M-yyyy",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._moved_on = False
        self.setObjectName("dateEdit")
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format)
        self.setKeyboardTracking(False)  # a date counts when it is complete
        self.allows_no_date = no_date_text is not None
        if no_date_text is not None:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText(no_date_text)
        self.setDate(
            date if date is not None else (NO_DATE if self.allows_no_date else QDate.currentDate())
        )

    def has_date(self) -> bool:
        return not (self.allows_no_date and self.date() == NO_DATE)

    # ---------------------------------------------------------- keyboard
    def focusNextPrevChild(self, next: bool) -> bool:
        # Qt moves between day, month and year here; the form's next field is meant.
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.interpretText()
            forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
            event.accept()
            return
        text = event.text()
        typed = bool(text) and not mods & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if typed and text in SEPARATORS:
            # Qt moves on by itself when a day or month is complete ("12", "3"): the
            # separator typed after it must not skip the next part as well.
            if not self._moved_on:
                self._select_section(self.currentSectionIndex() + 1)
            self._moved_on = False
            event.accept()
            return
        if typed and text.isdigit():
            if not self.has_date():
                # Typing over "geen datum" replaces it: today, the digits go in the day.
                self.blockSignals(True)
                self.setDate(QDate.currentDate())
                self.blockSignals(False)
                self._select_section(0)
            before = self.currentSectionIndex()
            super().keyPressEvent(event)
            self._moved_on = self.currentSectionIndex() != before
            return
        self._moved_on = False
        super().keyPressEvent(event)

    def _select_section(self, index: int) -> None:
        if 0 <= index < self.sectionCount():
            self.blockSignals(True)  # a part of a date is not a date to store yet
            self.setCurrentSectionIndex(index)
            self.setSelectedSection(self.sectionAt(index))
            self.blockSignals(False)

    def stepBy(self, steps: int) -> None:
        # Up/Down from "no date" start at today, not in the year 2000.
        if not self.has_date():
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.has_date():
            self.lineEdit().selectAll()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        calendar = self.calendarWidget()
        if not self.has_date() and calendar is not None:
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year(), today.month())
