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

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QIcon,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import (
    PERIODICITIES,
    STATUSES,
    Intervention,
    Kind,
)
from desktop_app.export.charts import impact_effort_figure
from desktop_app.storage.follow_up import (
    CarriedIntervention,
    carried_over,
)
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.flow_layout import flow_row
from desktop_app.ui.look import icon
from desktop_app.ui.pages.action_plan_widgets import (
    ROLE_ID,
    MatrixCanvas,
    PlanTree,
    plan_row,
)
from desktop_app.ui.pages.base import Page, StepMessage, heading, hint
from desktop_app.ui.pages.intervention_form import InterventionForm
from desktop_app.ui.pages.plan_sources import PlanSources

DEFAULT_TOP = 3


class ActionPlanPage(PlanSources, InterventionForm, Page):
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
        self.plan_list = PlanTree()
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
        self.figure_canvas = MatrixCanvas(self._draw_matrix)
        self.figure = self.figure_canvas.figure
        matrix_layout.addWidget(self.figure_canvas, 1)
        left.addWidget(matrix)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 3)
        return left

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
            str(plan_row(self.plan_list, i).data(0, ROLE_ID))
            for i in range(self.plan_list.topLevelItemCount())
        ]
        self.plan_list.blockSignals(True)
        if ids != shown:
            self.plan_list.clear()
            for _ in interventions:
                self.plan_list.addTopLevelItem(QTreeWidgetItem())
        for row, iv in enumerate(interventions):
            item = plan_row(self.plan_list, row)
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
            self.plan_list.setCurrentItem(plan_row(self.plan_list, ids.index(self._current_id)))
        self.plan_list.blockSignals(False)

    def current(self) -> Intervention | None:
        if self._current_id is None:
            return None
        for iv in self.interventions():
            if iv.id == self._current_id:
                return iv
        return None

    def _draw_matrix(self) -> None:
        if not hasattr(self, "figure"):
            return
        impact_effort_figure(
            self.interventions(), figure=self.figure, lang=self.controller.language
        )
        self.figure_canvas.draw_idle()  # type: ignore[no-untyped-call]  # matplotlib Qt canvas: untyped

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

    # ----------------------------------------------------------- follow-up

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "")
        self.message.setStyleSheet("" if error else f"color: {palette.SUCCESS_TEXT};")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self._step_message.said()
