"""Phase page 5: Actieplan. The top priorities become interventions with an owner.

Left: the interventions in plan order (reorder with Alt+Up/Alt+Down or by
dragging, Delete removes) beside a tab with the voting result, from which a
theme is promoted one at a time; under them the impact/effort matrix, redrawn
on every change. Right: the selected intervention, edited in place; every
field is saved when it is left (or at once for lists, dates and scores), each
save one undoable step through the controller. The top bar promotes the top N
of the ranking in one click and takes over the plan of an earlier session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QDropEvent,
    QIcon,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops, paths
from desktop_app.core import run_state
from desktop_app.core.action_plan import quadrant_name, quadrant_of
from desktop_app.core.errors import UserError
from desktop_app.core.model import (
    PERIODICITIES,
    STATUSES,
    Intervention,
    Kind,
    SessionSnapshot,
)
from desktop_app.core.promotion import (
    RankedSource,
    in_plan,
    ranked_sources,
    short_title,
    title_for,
)
from desktop_app.core.rules import MAX_NAME
from desktop_app.export.charts import impact_effort_figure
from desktop_app.storage.follow_up import (
    CarriedIntervention,
    carried_over,
    prepare_take_over,
    previous_session,
    read_earlier_plan,
)
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.date_field import NO_DATE, DateEdit
from desktop_app.ui.file_dialogs import ask_open_file
from desktop_app.ui.flow_layout import flow_row
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import Page, StepMessage, heading, hint

DEFAULT_TOP = 3
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


class _PlanTree(QTreeWidget):
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


class _MatrixCanvas(FigureCanvasQTAgg):
    """The impact/effort matrix; redrawn for its new size when resized."""

    def __init__(self, redraw: Callable[[], None]) -> None:
        super().__init__(Figure(facecolor="white"))  # type: ignore[no-untyped-call]
        self._redraw = redraw
        self.setObjectName("impactEffortMatrix")
        self.setMinimumSize(280, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A small canvas draws at a lower dpi (100 down to 64): the same chart in
        # smaller type, so the quadrant names still fit side by side at 1024 x 768.
        size = event.size()
        base = float(max(64, min(100, round(min(size.width() / 6.0, size.height() / 3.6)))))
        if self.figure._original_dpi != base:  # type: ignore[attr-defined]
            self.figure._original_dpi = base  # type: ignore[attr-defined]
            self.figure.set_dpi(base * self.device_pixel_ratio)
        super().resizeEvent(event)  # type: ignore[no-untyped-call]
        if self.isVisible():  # a hidden page (or one being closed) never reads the session
            self._redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[no-untyped-call]
        self._redraw()


class _FocusOut(QObject):
    """Calls back when a watched text field loses focus (save on leave)."""

    def __init__(self, callback: Callable[[QObject], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback(watched)
        return False


class ActionPlanPage(Page):
    """Interventions: promote, edit in place, reorder, the matrix, follow-up."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        self._current_id: str | None = None
        self._loading = False
        self._carried: dict[str, CarriedIntervention] = {}
        super().__init__(controller, parent)
        self.setObjectName("actionPlanPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.setSpacing(8)

        layout.addWidget(heading(self.tr("Actieplan")))
        top = QHBoxLayout()
        top.setSpacing(8)
        top_label = QLabel(self.tr("T&op"))
        self.top_spin = QSpinBox()
        self.top_spin.setObjectName("topCount")
        self.top_spin.setRange(1, 20)
        self.top_spin.setValue(DEFAULT_TOP)
        self.top_spin.setMaximumWidth(80)
        self.top_spin.setToolTip(self.tr("Hoeveel thema's in één keer omzetten"))
        top_label.setBuddy(self.top_spin)
        top_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        top_label.setContentsMargins(0, 0, 4, 0)
        self.promote_top_button = QPushButton(icon("list-ordered", "#FFFFFF"), "")
        self.promote_top_button.setObjectName("promoteTop")
        self.promote_top_button.setProperty("primary", "true")
        self.promote_top_button.clicked.connect(lambda: self.promote_top())
        self.top_spin.valueChanged.connect(lambda _: self._update_top_texts())
        self.take_over_button = QPushButton(
            icon("history"), self.tr("Neem actieplan over van vori&ge sessie…")
        )
        self.take_over_button.setObjectName("takeOver")
        self.take_over_button.setToolTip(
            self.tr(
                "Neem de interventies van een eerdere sessie over (sessiebestand of "
                "uitwisselbestand), om hun status bij te werken"
            )
        )
        self.take_over_button.clicked.connect(self.choose_and_take_over)
        top.addWidget(top_label)
        top.addWidget(self.top_spin)
        self.top_row = flow_row([self.promote_top_button, self.take_over_button])
        top.addWidget(self.top_row, 1)  # wraps at 1024 px instead of cutting labels
        layout.addLayout(top)

        self.message = QLabel()
        self.message.setObjectName("actionPlanMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self._step_message = StepMessage(controller, lambda: self._say(""))
        self.previous_label = QLabel()
        self.previous_label.setObjectName("previousSession")
        self.previous_label.setWordWrap(True)
        self.previous_label.setStyleSheet(f"color: {palette.MUTED};")
        self.previous_label.setVisible(False)
        layout.addWidget(self.previous_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.splitter.addWidget(self._build_left())
        self.splitter.addWidget(self._build_editor())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._update_top_texts()

    # ------------------------------------------------------------- building
    def _build_left(self) -> QWidget:
        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        self.left_splitter = left
        self.tabs = QTabWidget()
        self.tabs.setObjectName("actionPlanTabs")

        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_layout.setContentsMargins(8, 8, 8, 8)
        plan_layout.setSpacing(8)
        self.empty_hint = hint("")
        self.empty_hint.setObjectName("emptyPlanHint")
        plan_layout.addWidget(self.empty_hint)
        self.plan_list = _PlanTree()
        self.plan_list.setObjectName("interventionList")
        self.plan_list.setHeaderLabels(
            [self.tr("Nr."), self.tr("Interventie"), self.tr("Status"), self.tr("Eigenaar")]
        )
        self.plan_list.setRootIsDecorated(False)
        self.plan_list.setUniformRowHeights(True)
        self.plan_list.setAlternatingRowColors(True)
        self.plan_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.plan_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.plan_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 160)
        self.plan_list.currentItemChanged.connect(self._on_current_changed)
        self.plan_list.dropped.connect(self._on_dropped)
        self.plan_list.itemActivated.connect(lambda *_: self.title_edit.setFocus())
        plan_layout.addWidget(self.plan_list, 1)
        self.up_button = QPushButton(icon("arrow-up"), self.tr("Omhoog"))
        self.up_button.setObjectName("moveUp")
        self.up_button.setToolTip(self.tr("Eén plaats hoger (Alt+Pijl omhoog)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(icon("arrow-down"), self.tr("Omlaag"))
        self.down_button.setObjectName("moveDown")
        self.down_button.setToolTip(self.tr("Eén plaats lager (Alt+Pijl omlaag)"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button = QPushButton(icon("trash-2"), self.tr("Verwijderen"))
        self.delete_button.setObjectName("deleteIntervention")
        self.delete_button.setToolTip(
            self.tr("Interventie verwijderen (Delete); ongedaan maken met Ctrl+Z")
        )
        self.delete_button.clicked.connect(self.delete_current)
        self.list_buttons = flow_row([self.up_button, self.down_button, self.delete_button])
        plan_layout.addWidget(self.list_buttons)
        for keys, slot in (
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
            (QKeySequence.StandardKey.Delete, self.delete_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.plan_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.tabs.addTab(plan, icon("list-todo"), "")

        ranked = QWidget()
        ranked_layout = QVBoxLayout(ranked)
        ranked_layout.setContentsMargins(8, 8, 8, 8)
        ranked_layout.setSpacing(8)
        self.ranked_hint = hint("")
        self.ranked_hint.setObjectName("rankedHint")
        ranked_layout.addWidget(self.ranked_hint)
        self.ranked_list = QTreeWidget()
        self.ranked_list.setObjectName("rankedList")
        self.ranked_list.setHeaderLabels(
            [self.tr("Plaats"), self.tr("Thema"), self.tr("Stippen"), self.tr("In actieplan")]
        )
        self.ranked_list.setRootIsDecorated(False)
        self.ranked_list.setUniformRowHeights(True)
        self.ranked_list.setAlternatingRowColors(True)
        rheader = self.ranked_list.header()
        rheader.setStretchLastSection(False)
        rheader.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        rheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rheader.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        rheader.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.ranked_list.itemActivated.connect(lambda *_: self.promote_selected())
        self.ranked_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        ranked_layout.addWidget(self.ranked_list, 1)
        ranked_buttons = QHBoxLayout()
        ranked_buttons.addStretch(1)
        self.promote_one_button = QPushButton(icon("plus"), self.tr("Omzetten in &interventie"))
        self.promote_one_button.setObjectName("promoteOne")
        self.promote_one_button.setToolTip(
            self.tr("Het gekozen thema wordt een interventie (of dubbelklik, of Enter)")
        )
        self.promote_one_button.clicked.connect(self.promote_selected)
        ranked_buttons.addWidget(self.promote_one_button)
        ranked_layout.addLayout(ranked_buttons)
        self.tabs.addTab(ranked, icon("vote"), self.tr("Stemuitslag"))
        left.addWidget(self.tabs)

        matrix = QFrame()
        matrix.setProperty("card", "true")
        matrix_layout = QVBoxLayout(matrix)
        matrix_layout.setContentsMargins(8, 8, 8, 8)
        matrix_layout.setSpacing(4)
        matrix_layout.addWidget(heading(self.tr("Impact en inspanning"), "subheading"))
        self.figure_canvas = _MatrixCanvas(self._draw_matrix)
        self.figure = self.figure_canvas.figure
        matrix_layout.addWidget(self.figure_canvas, 1)
        left.addWidget(matrix)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 3)
        return left

    def _build_editor(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setObjectName("interventionEditor")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(300)  # beside the list at 1024x768 with the beamer panel
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 0, 8, 8)
        outer.setSpacing(8)
        self.editor_hint = hint(self.tr("Kies links een interventie om haar te bewerken."))
        outer.addWidget(self.editor_hint)

        self.form_card = QFrame()
        self.form_card.setProperty("card", "true")
        form = QFormLayout(self.form_card)
        self.form = form
        form.setContentsMargins(16, 16, 16, 16)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._focus_out = _FocusOut(self._on_focus_out, self)

        self.carried_label = QLabel()
        self.carried_label.setObjectName("carriedLabel")
        self.carried_label.setWordWrap(True)
        self.carried_label.setStyleSheet(
            f"background: {palette.ACCENT_LIGHT}; border-radius: 6px; padding: 8px;"
        )
        form.addRow(self.carried_label)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setMaxLength(MAX_NAME)
        self.title_edit.editingFinished.connect(
            lambda: self._commit("title", self.title_edit.text())
        )
        form.addRow(self.tr("&Titel"), self.title_edit)
        self.description_edit = self._text_edit("descriptionEdit", 64)
        form.addRow(self.tr("Omschri&jving"), self.description_edit)

        self.groups_list = QListWidget()
        self.groups_list.setObjectName("targetGroups")
        self.groups_list.setFlow(QListWidget.Flow.LeftToRight)
        self.groups_list.setWrapping(True)
        self.groups_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.groups_list.setSpacing(2)
        self.groups_list.setFixedHeight(76)
        self.groups_list.itemChanged.connect(self._on_group_toggled)
        form.addRow(self.tr("&Doelgroepen"), self.groups_list)

        self.periodicity_combo = QComboBox()
        self.periodicity_combo.setObjectName("periodicityCombo")
        self.periodicity_combo.addItem("—", None)
        for key, label in self.periodicity_labels().items():
            self.periodicity_combo.addItem(label, key)
        self.periodicity_combo.currentIndexChanged.connect(
            lambda _: self._commit("periodicity", self.periodicity_combo.currentData())
        )
        form.addRow(self.tr("&Periodiciteit"), self.periodicity_combo)
        self.location_edit = self._line_edit("locationEdit", "location")
        form.addRow(self.tr("Lo&catie"), self.location_edit)
        self.owner_edit = self._line_edit("ownerEdit", "owner")
        self.owner_edit.setPlaceholderText(self.tr("Wie trekt het?"))
        form.addRow(self.tr("&Eigenaar"), self.owner_edit)

        self.start_field = DateField()
        self.start_field.setObjectName("startDate")
        self.start_field.changed.connect(lambda: self._commit("start", self.start_field.value()))
        form.addRow(self.tr("&Start"), self.start_field)
        self.follow_up_field = DateField()
        self.follow_up_field.setObjectName("followUpDate")
        self.follow_up_field.changed.connect(
            lambda: self._commit("follow_up", self.follow_up_field.value())
        )
        form.addRow(self.tr("Op&volgdatum"), self.follow_up_field)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.addItem("—", None)
        for key, label in self.status_labels().items():
            self.status_combo.addItem(label, key)
        self.status_combo.currentIndexChanged.connect(
            lambda _: self._commit("status", self.status_combo.currentData())
        )
        form.addRow(self.tr("Stat&us"), self.status_combo)

        scores = QHBoxLayout()
        scores.setSpacing(8)
        self.impact_spin = self._score_spin("impactSpin")
        self.impact_spin.valueChanged.connect(lambda v: self._commit("impact", v or None))
        self.effort_spin = self._score_spin("effortSpin")
        self.effort_spin.valueChanged.connect(lambda v: self._commit("effort", v or None))
        effort_label = QLabel(self.tr("I&nspanning"))
        effort_label.setBuddy(self.effort_spin)
        scores.addWidget(self.impact_spin)
        scores.addSpacing(8)
        scores.addWidget(effort_label)
        scores.addWidget(self.effort_spin)
        scores.addStretch(1)
        impact_label = QLabel(self.tr("Imp&act"))
        impact_label.setBuddy(self.impact_spin)
        form.addRow(impact_label, scores)
        self.quadrant_label = QLabel()
        self.quadrant_label.setObjectName("quadrantLabel")
        self.quadrant_label.setWordWrap(True)
        self.quadrant_label.setStyleSheet(f"color: {palette.MUTED};")
        form.addRow("", self.quadrant_label)

        self.employee_edit = self._text_edit("employeeValueEdit", 48)
        form.addRow(self.tr("Wat levert het de\n&medewerker op?"), self.employee_edit)
        self.organisation_edit = self._text_edit("organisationValueEdit", 48)
        form.addRow(self.tr("Wat levert het de\no&rganisatie op?"), self.organisation_edit)
        outer.addWidget(self.form_card)

        self.source_card = QFrame()
        self.source_card.setProperty("card", "true")
        source = QVBoxLayout(self.source_card)
        source.setContentsMargins(16, 12, 16, 12)
        source.setSpacing(4)
        source.addWidget(heading(self.tr("Bron"), "subheading"))
        self.source_label = QLabel()
        self.source_label.setObjectName("sourceLabel")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        source.addWidget(self.source_label)
        self.source_proposals = QListWidget()
        self.source_proposals.setObjectName("sourceProposals")
        self.source_proposals.setWordWrap(True)
        self.source_proposals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.source_proposals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.source_proposals.setMinimumHeight(96)
        source.addWidget(self.source_proposals)
        outer.addWidget(self.source_card)
        outer.addStretch(1)
        scroll.setWidget(body)
        return scroll

    def _line_edit(self, name: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.editingFinished.connect(lambda: self._commit(field, edit.text() or None))
        return edit

    def _text_edit(self, name: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 2)
        edit.installEventFilter(self._focus_out)
        return edit

    def _score_spin(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(0, 5)
        spin.setSpecialValueText("—")
        spin.setToolTip(self.tr("1 = klein, 5 = groot; — = nog geen score"))
        spin.setMinimumWidth(72)
        return spin

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Labels above the fields when the editor is narrow (1024 x 768)."""
        super().resizeEvent(event)
        narrow = self.width() < 1300
        self.plan_list.setColumnHidden(3, self.width() < 1000)
        self.form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows
            if narrow
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )

    # --------------------------------------------------------------- labels
    def status_labels(self) -> dict[str, str]:
        labels = {
            "proposed": self.tr("Voorgesteld"),
            "agreed": self.tr("Afgesproken"),
            "planned": self.tr("Gepland"),
            "running": self.tr("Loopt"),
            "done": self.tr("Afgerond"),
            "dropped": self.tr("Vervallen"),
        }
        assert tuple(labels) == STATUSES
        return labels

    def periodicity_labels(self) -> dict[str, str]:
        labels = {
            "once": self.tr("Eenmalig"),
            "ongoing": self.tr("Doorlopend"),
            "monthly": self.tr("Maandelijks"),
            "quarterly": self.tr("Per kwartaal"),
            "yearly": self.tr("Jaarlijks"),
            "other": self.tr("Anders"),
        }
        assert tuple(labels) == PERIODICITIES
        return labels

    def _status_text(self, status: str | None) -> str:
        return self.status_labels().get(status or "", "—")

    def _update_top_texts(self) -> None:
        n = self.top_spin.value()
        self.promote_top_button.setText(self.tr("&Zet top {n} om in interventies").format(n=n))
        self.promote_top_button.setToolTip(
            self.tr(
                "De {n} hoogst geplaatste thema's die nog niet in het actieplan staan, "
                "worden interventies (één stap, ongedaan te maken)"
            ).format(n=n)
        )
        self.empty_hint.setText(
            self.tr(
                "Nog geen interventies: zet de top {n} thema's om in interventies, "
                "of kies een thema onder Stemuitslag."
            ).format(n=n)
        )

    # ------------------------------------------------------------- refresh
    # What can alter what this page shows (the session record: what is voted on).
    SHOWS = frozenset(
        {
            Kind.INTERVENTION,
            Kind.THEME,
            Kind.VOTE,
            Kind.PROPOSAL,
            Kind.TARGET_GROUP,
            Kind.TABLE,
            Kind.ROUND,
        }
    )
    SHOWS_STATE = frozenset({run_state.PREVIOUS_SESSION})

    def interventions(self) -> list[Intervention]:
        return self.controller.snapshot().live_interventions()

    def refresh(self) -> None:
        snapshot = self.controller.snapshot()
        interventions = snapshot.live_interventions()
        self._carried = {c.intervention_id: c for c in carried_over(self.controller.session_file)}
        self._fill_plan(interventions)
        self._fill_ranked(snapshot, interventions)
        self._fill_groups(snapshot)
        self._show_previous()
        self.tabs.setTabText(0, self.tr("Interventies ({n})").format(n=len(interventions)))
        self.empty_hint.setVisible(not interventions)
        self._load_form()
        self._draw_matrix()
        self._update_buttons()

    def _fill_plan(self, interventions: list[Intervention]) -> None:
        ids = [iv.id for iv in interventions]
        shown = [
            str(_row(self.plan_list, i).data(0, ROLE_ID))
            for i in range(self.plan_list.topLevelItemCount())
        ]
        self.plan_list.blockSignals(True)
        if ids != shown:
            self.plan_list.clear()
            for _ in interventions:
                self.plan_list.addTopLevelItem(QTreeWidgetItem())
        for row, iv in enumerate(interventions):
            item = _row(self.plan_list, row)
            item.setData(0, ROLE_ID, iv.id)
            item.setText(0, f"{row + 1}.")
            item.setText(1, " ".join(iv.title.split()))
            item.setToolTip(1, iv.title)
            item.setText(2, self._status_text(iv.status))
            item.setText(3, iv.owner or "")
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            carried = self._carried.get(iv.id)
            if carried is not None:
                item.setIcon(1, icon("history", palette.ACCENT))
                item.setToolTip(1, self._carried_text(carried))
            else:
                item.setIcon(1, QIcon())
        if self._current_id not in ids:
            self._current_id = ids[0] if ids else None
        if self._current_id is not None:
            self.plan_list.setCurrentItem(_row(self.plan_list, ids.index(self._current_id)))
        self.plan_list.blockSignals(False)

    def _fill_ranked(self, snapshot: SessionSnapshot, interventions: list[Intervention]) -> None:
        sources = ranked_sources(snapshot)
        current = self.ranked_list.currentItem()
        keep = current.data(0, ROLE_ID) if current is not None else None
        self.ranked_list.blockSignals(True)
        self.ranked_list.clear()
        any_votes = any(s.total for s in sources)
        for source in sources:
            planned = in_plan(source, interventions)
            item = QTreeWidgetItem(
                [
                    f"{source.rank}." if any_votes else "",
                    " ".join(source.name.split()),
                    str(source.total),
                    self.tr("ja") if planned else "",
                ]
            )
            item.setData(0, ROLE_ID, source.item_id)
            item.setToolTip(1, source.name)
            if planned:
                item.setIcon(3, icon("check", palette.SUCCESS_TEXT))
            self.ranked_list.addTopLevelItem(item)
            if source.item_id == keep:
                self.ranked_list.setCurrentItem(item)
        if self.ranked_list.currentItem() is None and sources:
            for row, source in enumerate(sources):
                if not in_plan(source, interventions):
                    self.ranked_list.setCurrentItem(_row(self.ranked_list, row))
                    break
        self.ranked_list.blockSignals(False)
        votes_on_proposals = snapshot.session.votes_on == "proposal"
        if not sources:
            text = (
                self.tr("Nog geen voorstellen om om te zetten: vul eerst de rondes in.")
                if votes_on_proposals
                else self.tr("Nog geen thema's: cluster eerst de voorstellen (fase 3).")
            )
        elif not any_votes:
            text = self.tr(
                "Nog geen stemmen: de thema's staan in hun eigen volgorde. "
                "Stem eerst (fase 4) of kies zelf."
            )
        else:
            text = ""
        self.ranked_hint.setText(text)
        self.ranked_hint.setVisible(bool(text))
        self.ranked_list.setHeaderLabels(
            [
                self.tr("Plaats"),
                self.tr("Voorstel") if votes_on_proposals else self.tr("Thema"),
                self.tr("Stippen"),
                self.tr("In actieplan"),
            ]
        )

    def _fill_groups(self, snapshot: SessionSnapshot) -> None:
        groups = snapshot.live_target_groups()
        shown = [self.groups_list.item(i).data(ROLE_ID) for i in range(self.groups_list.count())]
        if shown == [g.id for g in groups] and all(
            self.groups_list.item(i).text() == g.name for i, g in enumerate(groups)
        ):
            return
        self.groups_list.blockSignals(True)
        self.groups_list.clear()
        for group in groups:
            item = QListWidgetItem(group.name)
            item.setData(ROLE_ID, group.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.groups_list.addItem(item)
        if not groups:
            item = QListWidgetItem(self.tr("Nog geen doelgroepen (fase 1)"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.groups_list.addItem(item)
        self.groups_list.blockSignals(False)

    def _show_previous(self) -> None:
        previous = previous_session(self.controller.session_file)
        if previous is None or not self._carried:
            self.previous_label.setVisible(False)
            return
        changed = sum(1 for c in self._carried.values() if c.status_changed)
        self.previous_label.setText(
            self.tr(
                "Klok-icoon: overgenomen van {title}{date} ({n}); {changed} met een "
                "nieuwe status. Werk de status van de andere bij."
            ).format(
                n=len(self._carried),
                title=previous.get("title") or self.tr("de vorige sessie"),
                date=f" ({previous['date']})" if previous.get("date") else "",
                changed=changed,
            )
        )
        self.previous_label.setVisible(True)

    def _carried_text(self, carried: CarriedIntervention) -> str:
        date = f", {carried.source_session_date}" if carried.source_session_date else ""
        return self.tr("Overgenomen van {title}{date}. Status toen: {status}.").format(
            title=carried.source_session_title or self.tr("een eerdere sessie"),
            date=date,
            status=self._status_text(carried.earlier_status),
        )

    def current(self) -> Intervention | None:
        if self._current_id is None:
            return None
        for iv in self.interventions():
            if iv.id == self._current_id:
                return iv
        return None

    def _load_form(self) -> None:
        iv = self.current()
        self.editor_hint.setVisible(iv is None)
        self.form_card.setVisible(iv is not None)
        self.source_card.setVisible(iv is not None)
        if iv is None:
            return
        self._loading = True
        try:
            _set_line(self.title_edit, iv.title)
            _set_text(self.description_edit, iv.description)
            _set_line(self.location_edit, iv.location)
            _set_line(self.owner_edit, iv.owner)
            self.periodicity_combo.setCurrentIndex(
                max(0, self.periodicity_combo.findData(iv.periodicity)) if iv.periodicity else 0
            )
            self.status_combo.setCurrentIndex(
                max(0, self.status_combo.findData(iv.status)) if iv.status else 0
            )
            self.start_field.set_value(iv.start)
            self.follow_up_field.set_value(iv.follow_up)
            self.impact_spin.setValue(iv.impact or 0)
            self.effort_spin.setValue(iv.effort or 0)
            _set_text(self.employee_edit, iv.value_for_employee)
            _set_text(self.organisation_edit, iv.value_for_organisation)
            self.groups_list.blockSignals(True)
            for row in range(self.groups_list.count()):
                item = self.groups_list.item(row)
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    checked = item.data(ROLE_ID) in iv.target_group_ids
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
            self.groups_list.blockSignals(False)
        finally:
            self._loading = False
        carried = self._carried.get(iv.id)
        self.carried_label.setVisible(carried is not None)
        if carried is not None:
            self.carried_label.setText(self._carried_text(carried))
        self._show_quadrant(iv)
        self._show_source(iv)

    def _show_quadrant(self, iv: Intervention) -> None:
        if iv.impact and iv.effort:
            name = quadrant_name(quadrant_of(iv.impact, iv.effort), self.controller.language)
            self.quadrant_label.setText(self.tr("→ {quadrant}").format(quadrant=name))
        else:
            self.quadrant_label.setText(self.tr("geef beide een score voor de matrix"))

    def _show_source(self, iv: Intervention) -> None:
        self.source_proposals.clear()
        snapshot = self.controller.snapshot()
        sources = ranked_sources(snapshot)
        source = (
            next(
                (s for s in sources if s.theme_id == iv.cluster_id and s.item_id == iv.cluster_id),
                None,
            )
            if iv.cluster_id
            else None
        )
        if source is None and iv.cluster_id is None:
            title = short_title(iv.title)
            source = next(
                (s for s in sources if s.theme_id != s.item_id and title_for(s) == title), None
            )
        if source is None and iv.cluster_id:
            theme = next((t for t in snapshot.live_themes() if t.id == iv.cluster_id), None)
            if theme is not None:
                live = {p.id: p for p in snapshot.live_proposals()}
                source = RankedSource(
                    theme.id,
                    0,
                    0,
                    theme.name,
                    theme.description,
                    theme.id,
                    tuple(live[p] for p in theme.proposal_ids if p in live),
                )
        if source is None:
            carried = self._carried.get(iv.id)
            self.source_label.setText(
                self.tr("Overgenomen uit een eerdere sessie; het thema hoort bij die sessie.")
                if carried
                else self.tr("Geen bronthema: deze interventie is zelf toegevoegd.")
            )
            self.source_proposals.setVisible(False)
            return
        kind = self.tr("Voorstel") if source.item_id != source.theme_id else self.tr("Thema")
        place = (
            self.tr("plaats {rank}, {total} stippen").format(rank=source.rank, total=source.total)
            if source.rank
            else self.tr("{total} stippen").format(total=source.total)
        )
        self.source_label.setText(
            self.tr("{kind}: {name} ({place})").format(kind=kind, name=source.name, place=place)
        )
        tables = {t.id: t.name for t in snapshot.tables}
        rounds = {r.id: r.number for r in snapshot.rounds}
        for proposal in source.proposals:
            where = self.tr("{table}, ronde {round}").format(
                table=tables.get(proposal.table_id, "?"), round=rounds.get(proposal.round_id, "?")
            )
            item = QListWidgetItem(f"{proposal.text}\n    — {where}")
            item.setToolTip(proposal.text)
            self.source_proposals.addItem(item)
        self.source_proposals.setVisible(bool(source.proposals))

    def _draw_matrix(self) -> None:
        if not hasattr(self, "figure"):
            return
        impact_effort_figure(
            self.interventions(), figure=self.figure, lang=self.controller.language
        )
        self.figure_canvas.draw_idle()  # type: ignore[no-untyped-call]

    def _update_buttons(self) -> None:
        has_current = self.current() is not None
        current_item = self.plan_list.currentItem()
        row = self.plan_list.indexOfTopLevelItem(current_item) if current_item is not None else -1
        count = self.plan_list.topLevelItemCount()
        self.up_button.setEnabled(has_current and row > 0)
        self.down_button.setEnabled(has_current and 0 <= row < count - 1)
        self.delete_button.setEnabled(has_current)
        item = self.ranked_list.currentItem()
        self.promote_one_button.setEnabled(item is not None)

    # ------------------------------------------------------------- editing
    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._current_id = str(current.data(0, ROLE_ID)) if current is not None else None
        self._load_form()
        self._update_buttons()

    def _on_focus_out(self, watched: QObject) -> None:
        fields: dict[QObject, str] = {
            self.description_edit: "description",
            self.employee_edit: "value_for_employee",
            self.organisation_edit: "value_for_organisation",
        }
        if watched in fields and isinstance(watched, QPlainTextEdit):
            self._commit(fields[watched], watched.toPlainText() or None)

    def _on_group_toggled(self, _item: QListWidgetItem) -> None:
        chosen = tuple(
            str(self.groups_list.item(i).data(ROLE_ID))
            for i in range(self.groups_list.count())
            if self.groups_list.item(i).checkState() == Qt.CheckState.Checked
        )
        self._commit("target_group_ids", chosen)

    def _commit(self, field: str, value: Any) -> None:
        """Save one field of the current intervention as one undoable step."""
        if self._loading:
            return
        iv = self.current()
        if iv is None or getattr(iv, field) == value:
            return
        result = self.controller.run(ops.edit_intervention, iv.id, **{field: value})
        if result is None:  # refused: the message went out; show what is stored
            self._load_form()

    def edit_current(self, **fields: Any) -> None:
        """Set fields of the current intervention in one undoable step (keyboard, tests)."""
        iv = self.current()
        if iv is not None:
            self.controller.run(ops.edit_intervention, iv.id, **fields)

    def move_current(self, step: int) -> None:
        iv = self.current()
        if iv is None:
            return
        ids = [x.id for x in self.interventions()]
        row = ids.index(iv.id)
        self.move_to(iv.id, max(0, min(len(ids) - 1, row + step)))

    def _on_dropped(self, intervention_id: str, row: int) -> None:
        self.move_to(intervention_id, row)

    def move_to(self, intervention_id: str, row: int) -> None:
        """Put one intervention at ``row`` of the plan; one undoable step."""
        before = [x.id for x in self.interventions()]
        if intervention_id not in before:
            return
        after = [x for x in before if x != intervention_id]
        after.insert(max(0, min(row, len(after))), intervention_id)
        if after == before:
            return
        self._current_id = intervention_id
        self.controller.run(ops.reorder, Kind.INTERVENTION, after)
        self.plan_list.setFocus()

    def delete_current(self) -> None:
        iv = self.current()
        if iv is None:
            return
        ids = [x.id for x in self.interventions()]
        row = ids.index(iv.id)
        rest = [x for x in ids if x != iv.id]
        self.controller.run(ops.delete_intervention, iv.id)
        self._current_id = rest[min(row, len(rest) - 1)] if rest else None
        self.refresh()

    # ------------------------------------------------------------ promoting
    def promote_top(self, n: int | None = None) -> list[str]:
        """Exactly the top ``n`` of the ranking become interventions: one step.

        Items already in the plan are skipped, never replaced by the next ones,
        so a second click adds nothing.
        """
        count = n if n is not None else self.top_spin.value()
        added = self.controller.run(ops.promote_top, count)
        if added is None:
            return []  # refused: the message went out
        if not added:
            sources = ranked_sources(self.controller.snapshot())
            self._say(
                self.tr("De top {n} staat al in het actieplan.").format(n=min(count, len(sources)))
                if sources
                else self.tr("Er is nog niets om om te zetten: maak eerst thema's (fase 3)."),
                error=True,
            )
            return []
        self._after_promote(added[0].id)
        self._say(
            self.tr(
                "{n} thema's zijn interventies geworden. Vul per interventie de "
                "eigenaar, doelgroepen en data in."
            ).format(n=len(added))
        )
        return [iv.id for iv in added]

    def promote_selected(self) -> str | None:
        """The chosen item of the voting result becomes an intervention."""
        item = self.ranked_list.currentItem()
        if item is None:
            return None
        added = self.controller.run(ops.promote_item, str(item.data(0, ROLE_ID)))
        if added is None:
            return None
        self._after_promote(added.id)
        return added.id

    def _after_promote(self, first_id: str) -> None:
        self._current_id = first_id
        self.tabs.setCurrentIndex(0)
        self.refresh()
        self.plan_list.setFocus()

    # ----------------------------------------------------------- follow-up
    def choose_and_take_over(self) -> None:
        ask_open_file(
            self,
            self.tr("Actieplan overnemen van vorige sessie"),
            str(paths.documents_dir()),
            self.tr("Sessies en uitwisselbestanden (*.tafelronde *.json);;Alle bestanden (*)"),
            self.take_over_from,
        )

    def take_over_from(self, path: Path) -> list[str]:
        """Add the interventions of an earlier session; one undoable step."""
        session_file = self.controller.session_file
        try:
            take = prepare_take_over(session_file, read_earlier_plan(path))
        except UserError as error:
            message = error.message(self.controller.language)
            self._say(message, error=True)
            self.controller.error.emit(message)
            return []
        title = take.plan.title or path.name
        if not take.interventions:
            self._say(
                self.tr("{title} heeft geen interventies die nog niet zijn overgenomen.").format(
                    title=title
                ),
                error=True,
            )
            return []
        result = self.controller.run(ops.take_over_plan, take)
        if result is None:
            return []
        text = self.tr("%n interventie(s) overgenomen van {title}.", "", len(take.ids)).format(
            title=title
        )
        if take.dropped_groups:
            text += " " + self.tr(
                "Doelgroepen die hier niet bestaan zijn weggelaten: {names}."
            ).format(names=", ".join(take.dropped_groups))
        self._say(text)
        self._after_promote(take.ids[0])
        return list(take.ids)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "")
        self.message.setStyleSheet("" if error else f"color: {palette.SUCCESS_TEXT};")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self._step_message.said()


def _row(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(row)
    assert item is not None
    return item


def _set_line(edit: QLineEdit, value: str | None) -> None:
    if edit.text() != (value or ""):
        edit.setText(value or "")
        edit.setCursorPosition(0)


def _set_text(edit: QPlainTextEdit, value: str | None) -> None:
    if edit.toPlainText() != (value or "") and not edit.hasFocus():
        edit.setPlainText(value or "")
