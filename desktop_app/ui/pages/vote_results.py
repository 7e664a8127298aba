"""The vote page's results tab: the chart, the table per target group and the privacy floor's
note, shown once the results are revealed."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import SessionSnapshot
from desktop_app.core.voting import (
    Results,
    compute_results,
    results_revealed,
)
from desktop_app.export.charts import RESULT_ROW_INCHES, results_figure
from desktop_app.ui import palette
from desktop_app.ui.look import icon
from desktop_app.ui.pages.vote_section import VoteSection
from desktop_app.ui.pages.vote_tallies import (
    tally_cell,
)


class ResultsSection(VoteSection):
    """The results tab of :class:`~desktop_app.ui.pages.vote.VotePage`."""

    def _build_results(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        self.hidden_card = QFrame()
        self.hidden_card.setObjectName("resultsHidden")
        self.hidden_card.setProperty("card", True)
        card = QVBoxLayout(self.hidden_card)
        card.setContentsMargins(32, 32, 32, 32)
        card.setSpacing(16)
        eye = QLabel()
        eye.setPixmap(icon("eye-off", palette.MUTED).pixmap(48, 48))
        eye.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.addWidget(eye)
        hidden_text = QLabel(
            self.tr(
                "De uitslag is nog verborgen, hier en op de beamer. Onthul hem als het "
                "stemmen klaar is."
            )
        )
        hidden_text.setWordWrap(True)
        hidden_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hidden_text.setStyleSheet(f"color: {palette.MUTED}; font-size: 12pt;")
        card.addWidget(hidden_text)
        self.reveal_here = QPushButton(icon("eye", "#FFFFFF"), self.tr("Uitslag onthullen"))
        self.reveal_here.setObjectName("revealHere")
        self.reveal_here.setProperty("primary", True)
        self.reveal_here.clicked.connect(lambda: self.set_revealed(True))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reveal_here)
        row.addStretch(1)
        card.addLayout(row)
        card.addStretch(1)
        outer.addWidget(self.hidden_card)

        self.results_area = QScrollArea()
        self.results_area.setObjectName("resultsArea")
        self.results_area.setWidgetResizable(True)
        self.results_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 16, 16, 16)
        body_layout.setSpacing(12)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("resultsSummary")
        self.summary_label.setWordWrap(True)
        body_layout.addWidget(self.summary_label)
        self.figure = Figure(figsize=(7.5, 4), facecolor="white")
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]  # matplotlib Qt canvas: untyped
        self.canvas.setObjectName("resultsChart")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.canvas.installEventFilter(self)
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(60)
        self._chart_timer.timeout.connect(self._redraw_chart)
        body_layout.addWidget(self.canvas)
        self.results_table = QTableWidget()
        self.results_table.setObjectName("resultsTable")
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.verticalHeader().hide()
        self.results_table.setWordWrap(True)
        self.results_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_table.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: (
                column == 1 and QTimer.singleShot(0, self, self._rewrap_results)
            )
        )
        body_layout.addWidget(self.results_table)
        self.disagree_label = QLabel()
        self.disagree_label.setObjectName("disagreements")
        self.disagree_label.setWordWrap(True)
        body_layout.addWidget(self.disagree_label)
        self.floor_note = QLabel()
        self.floor_note.setObjectName("floorNote")
        self.floor_note.setWordWrap(True)
        self.floor_note.setStyleSheet(f"color: {palette.MUTED};")
        body_layout.addWidget(self.floor_note)
        body_layout.addStretch(1)
        self.results_area.setWidget(body)
        outer.addWidget(self.results_area, 1)
        return page

    def _rewrap_results(self) -> None:
        """The item names wrap in their column: rows as tall as they need, no taller."""
        table = self.results_table
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        bar = table.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.isVisible() else 0
        table.setFixedHeight(header.height() + rows + 4 + extra)

    def _refresh_results(self, snapshot: SessionSnapshot, revealed: bool) -> None:
        self.hidden_card.setVisible(not revealed)
        self.results_area.setVisible(revealed)
        if not revealed:
            # Nothing of the result stays in the widgets while hidden.
            self.results_table.clear()
            self.results_table.setRowCount(0)
            self.summary_label.clear()
            self.disagree_label.clear()
            self.floor_note.clear()
            self.figure.clear()
            self.canvas.draw_idle()  # type: ignore[no-untyped-call]  # matplotlib Qt canvas: untyped
            self._chart_key = None
            return
        results = compute_results(snapshot)
        self._fill_results(results, snapshot)
        labels = tuple(results.items)
        interventions = tuple(
            (iv.cluster_id, iv.deleted) for iv in snapshot.interventions if iv.cluster_id
        )
        key = (results.ranking, labels, interventions)
        if key != self._chart_key:
            self._chart_key = key
            rows = max(1, len(results.ranking))
            height = int((0.7 + RESULT_ROW_INCHES * min(rows, 26)) * self.figure.dpi)
            self.canvas.setFixedHeight(max(220, height))
            self._redraw_chart()

    def _redraw_chart(self) -> None:
        if not self.isVisible() or self._chart_key is None:
            return
        if not results_revealed(self._state):
            return
        snapshot = self.controller.snapshot()
        results_figure(snapshot, figure=self.figure, lang=self.controller.language)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]  # matplotlib Qt canvas: untyped

    def _fill_results(self, results: Results, snapshot: SessionSnapshot) -> None:
        # The groups shown on their own, then the hidden ones only together: no column
        # per hidden group, so none can be told apart (see core.voting.OtherGroups).
        groups = results.shown_groups
        others = results.others if groups else None
        ballots = results.ballots
        self.summary_label.setText(self._dots_summary(snapshot, results.total_dots, ballots))
        group_names = {g.id: g.name for g in snapshot.target_groups}
        flags = {d.item_id: d for d in results.disagreements}
        headers = [self.tr("Plaats"), self.tr("Onderwerp"), self.tr("Totaal")]
        headers += [group.name for group in groups]
        if others is not None:
            headers.append(self.tr("Overige groepen"))
        headers.append(self.tr("Verschil tussen groepen"))
        table = self.results_table
        table.clear()
        table.setRowCount(len(results.ranking))
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        label_of = dict(results.items)
        for row, ranked in enumerate(results.ranking):
            table.setItem(row, 0, tally_cell(f"{ranked.rank}."))
            table.setItem(row, 1, tally_cell(label_of.get(ranked.item_id, ""), align_right=False))
            table.setItem(row, 2, tally_cell(str(ranked.total)))
            for col, group in enumerate(groups, start=3):
                table.setItem(row, col, tally_cell(str(group.totals.get(ranked.item_id, 0))))
            if others is not None:
                dots = others.totals.get(ranked.item_id, 0)
                table.setItem(row, 3 + len(groups), tally_cell(str(dots)))
            flag = flags.get(ranked.item_id)
            text = ""
            if flag is not None:
                text = self.tr("\u26a0 {high}: plaats {hr}, {low}: plaats {lr}").format(
                    high=group_names.get(flag.high_group_id, ""),
                    hr=flag.high_rank,
                    low=group_names.get(flag.low_group_id, ""),
                    lr=flag.low_rank,
                )
            flag_item = tally_cell(text, align_right=False)
            if flag is not None:
                flag_item.setForeground(QColor(palette.WARNING_TEXT))
            table.setItem(row, len(headers) - 1, flag_item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        height = header.height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
        table.setFixedHeight(height)
        if flags:
            self.disagree_label.setText(
                self.tr(
                    "\u26a0 Groepen verschillen sterk over %n onderwerp(en): de ene groep "
                    "zet het in haar top, de andere in haar onderste derde. Bespreek dit voor "
                    "het actieplan.",
                    "",
                    len(flags),
                )
            )
            self.disagree_label.setStyleSheet(f"color: {palette.WARNING_TEXT}; font-weight: 600;")
        else:
            self.disagree_label.setText(self.tr("Geen sterke verschillen tussen de doelgroepen."))
            self.disagree_label.setStyleSheet(f"color: {palette.MUTED};")
        self._fill_floor_note(results)

    def _fill_floor_note(self, results: Results) -> None:
        """Which groups are only counted together, and why; alphabetical, no sizes."""
        together = results.others
        if together is None or not (together.names or results.shown_groups):
            # No groups hidden, or no target groups at all: nothing to explain.
            self.floor_note.clear()
            self.floor_note.setVisible(False)
            return
        names = list(together.names)
        if together.no_group:
            names.append(self.tr("stemmen zonder doelgroep"))
        if results.shown_groups:
            note = self.tr(
                "Overige groepen: {names}. Een doelgroep met minder dan {k} stemmers wordt "
                "niet apart getoond, alleen samen met andere; waar nodig komt er een grotere "
                "groep bij, zodat wat uit het totaal is af te leiden altijd van minstens {k} "
                "mensen komt."
            ).format(names=", ".join(names), k=results.floor)
        else:
            note = self.tr(
                "Niet per doelgroep getoond: elke doelgroep heeft minder dan {k} stemmers, of "
                "de kleine groepen samen te weinig. De totalen tellen alle stippen."
            ).format(k=results.floor)
        self.floor_note.setText(note)
        self.floor_note.setVisible(True)

    def _dots_summary(self, snapshot: SessionSnapshot, total: int, ballots: int) -> str:
        """Dots and ballots told apart: "31 stippen in totaal: 23 van de flappen,
        8 uit 2 stembiljetten in de kiosk" (a ballot is a voter, not a dot)."""
        kiosk = sum(v.dots for v in snapshot.live_votes() if v.ballot_id)
        parts = []
        if total - kiosk:
            parts.append(self.tr("%n van de flappen", "", total - kiosk))
        if ballots:
            parts.append(
                self.tr("{dots} uit %n stembiljet(ten) in de kiosk", "", ballots).format(dots=kiosk)
            )
        text = self.tr("%n stip(pen) in totaal", "", total)
        return text + (": " + ", ".join(parts) if parts else "") + "."
