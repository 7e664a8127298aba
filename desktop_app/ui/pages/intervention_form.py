"""The action plan page's right side: the selected intervention, edited in place. Every field
is stored when it is left (lists, dates and scores at once), each one undoable step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core.action_plan import quadrant_name, quadrant_of
from desktop_app.core.model import (
    Intervention,
    SessionSnapshot,
)
from desktop_app.core.promotion import (
    RankedSource,
    ranked_sources,
    short_title,
    title_for,
)
from desktop_app.core.rules import MAX_NAME
from desktop_app.ui import palette
from desktop_app.ui.pages.action_plan_section import ActionPlanSection
from desktop_app.ui.pages.action_plan_widgets import (
    ROLE_ID,
    DateField,
    FocusOut,
    set_line,
    set_text,
)
from desktop_app.ui.pages.base import heading, hint


class InterventionForm(ActionPlanSection):
    """The intervention editor of :class:`~desktop_app.ui.pages.action_plan.ActionPlanPage`."""

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
        self._focus_out = FocusOut(self._on_focus_out, self)

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

    def _load_form(self) -> None:
        iv = self.current()
        self.editor_hint.setVisible(iv is None)
        self.form_card.setVisible(iv is not None)
        self.source_card.setVisible(iv is not None)
        if iv is None:
            return
        self._loading = True
        try:
            set_line(self.title_edit, iv.title)
            set_text(self.description_edit, iv.description)
            set_line(self.location_edit, iv.location)
            set_line(self.owner_edit, iv.owner)
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
            set_text(self.employee_edit, iv.value_for_employee)
            set_text(self.organisation_edit, iv.value_for_organisation)
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
