"""Date fields as a facilitator uses them: Tab through a form, type a date over "geen
datum", open the calendar and see every day with its weekday."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.storage.templates import create_from_template, list_templates
from desktop_app.ui.console import phases
from desktop_app.ui.date_field import DateEdit
from desktop_app.ui.look import apply_look
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.action_plan import ActionPlanPage
from desktop_app.ui.pages.prepare import PreparePage
from desktop_app.ui.settings import Settings

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own stylesheet: the calendar defect came from it."""
    style, sheet, pal, font = qapp.style().name(), qapp.styleSheet(), qapp.palette(), qapp.font()
    apply_look(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(pal)
    qapp.setFont(font)
    qapp.setStyle(style)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, styled: QApplication) -> Iterator[ConsoleWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    template = next(t for t in list_templates() if t.key == "pmo-samen-ontwerpen")
    path = create_from_template(template.path, tmp_path / "pmo.tafelronde", title="PMO")
    console = ConsoleWindow(settings, phases())
    qtbot.addWidget(console)
    console.resize(1280, 800)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    assert console.open_session(path)
    yield console
    console.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def prepare_page(window: ConsoleWindow) -> PreparePage:
    window.menus.phase_actions[0].trigger()
    page = window.stack.currentWidget()
    assert isinstance(page, PreparePage)
    return page


def test_tab_leaves_the_date_and_typing_replaces_no_date(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    page = prepare_page(window)
    form = page.session_form
    assert form.date_field.text() == "nog geen datum"
    qtbot.keyClick(focused(), Qt.Key.Key_O, ALT)  # &Organisatie
    assert form.organisation_field.hasFocus()
    qtbot.keyClicks(focused(), "Bouwbedrijf Zwolle")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert form.date_field.hasFocus()
    qtbot.keyClicks(focused(), "12-3-2027")
    assert form.date_field.text() == "12-3-2027"  # not "nog geen datum12-3-2027"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert form.location_field.hasFocus()  # not the month or the year of the date
    qtbot.keyClicks(focused(), "Kantine")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    info = window.controller.session()  # type: ignore[union-attr]
    assert info.date == "2027-03-12"
    assert info.location == "Kantine"
    assert info.organisation == "Bouwbedrijf Zwolle"
    # Shift+Tab back into the date and on again changes nothing.
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert form.date_field.hasFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert form.location_field.hasFocus()
    assert window.controller.session().date == "2027-03-12"  # type: ignore[union-attr]


def test_the_separator_after_a_complete_day_does_not_skip_the_month(qtbot: QtBot) -> None:
    field = DateEdit(no_date_text="geen datum")
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for typed, expected in (("12-3-2027", QDate(2027, 3, 12)), ("5/11/2028", QDate(2028, 11, 5))):
        field.lineEdit().selectAll()
        field.setSelectedSection(field.sectionAt(0))
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert field.date() == expected


def _cells_that_do_not_fit(calendar: QCalendarWidget) -> list[str]:
    """Texts of the calendar (day numbers, weekday names) wider than their cell."""
    view = calendar.findChild(QTableView)
    assert view is not None
    model = view.model()
    too_wide = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = str(index.data() or "")
            option = QStyleOptionViewItem()
            option.rect = view.visualRect(index)
            option.text = text
            option.font = view.font()
            option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
            space = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
            if text and view.fontMetrics().horizontalAdvance(text) > space.width():
                too_wide.append(text)
    return too_wide


def test_the_calendar_shows_every_day_and_the_weekday_names(
    qtbot: QtBot, window: ConsoleWindow
) -> None:
    window.menus.phase_actions[4].trigger()
    page = window.stack.currentWidget()
    assert isinstance(page, ActionPlanPage)
    field = page.start_field.edit
    field.setDate(QDate(2027, 3, 12))
    # Click the field's drop-down button, as a facilitator does.
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 8, 8))
    calendar = field.calendarWidget()
    qtbot.waitUntil(lambda: calendar.isVisible())
    view = calendar.findChild(QTableView)
    assert view is not None
    texts = {str(view.model().index(r, c).data()) for r in range(7) for c in range(8)}
    assert {"28", "31", "12"} <= texts
    assert (
        calendar.horizontalHeaderFormat()
        != QCalendarWidget.HorizontalHeaderFormat.NoHorizontalHeader
    )
    assert _cells_that_do_not_fit(calendar) == []
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
