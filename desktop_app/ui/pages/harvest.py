"""Phase page 6: Oogst. The session's outcomes leave the laptop.

Three cards, one per export: the HR workbook (Excel), the harvest report for
participants and management (PDF) and the exchange file (JSON) for merging on
another laptop. Each asks where to save, writes atomically through its export
module and says plainly what happened: the path it wrote, or the reason it
could not (a missing folder, a file open in Excel, a full disk); nothing is
left half-written then. "Zonder namen" writes copies to share beyond HR: no
table hosts or owners, and an exchange file without a group's ballots below the
privacy floor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app import paths
from desktop_app.core.errors import UserError
from desktop_app.storage.follow_up import carried_over
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.file_dialogs import ask_save_file
from desktop_app.ui.look import icon, pixmap
from desktop_app.ui.pages.base import Page, heading, hint

XLSX = "xlsx"
PDF = "pdf"
JSON = "json"
KINDS = (XLSX, PDF, JSON)
STACK_BELOW = 720  # page width under which the three cards go one below the other
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass
class _Card:
    kind: str
    button: QPushButton
    result: QLabel
    open_folder: QPushButton
    last_path: Path | None = None


def safe_file_stem(title: str, fallback: str) -> str:
    """A file name made of the session title, without characters Windows refuses."""
    stem = _UNSAFE.sub(" ", title).strip(" .")
    stem = " ".join(stem.split())[:80].strip(" .")
    return stem or fallback


class HarvestPage(Page):
    """Exports: Excel workbook for HR, PDF harvest report, exchange file."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("harvestPage")
        self._folder: Path | None = None
        # The page scrolls: at 1024x768 the cards stand one below the other.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("harvestScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        scroll.setWidget(content)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(self.tr("Oogst")))
        intro = QLabel(
            self.tr(
                "Geef de uitkomsten door: de werkmap aan HR, het verslag aan de deelnemers "
                "en het management, het uitwisselbestand aan een andere laptop."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QLabel()
        self.summary.setObjectName("harvestSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.summary)
        self.empty_hint = hint(
            self.tr(
                "Nog geen voorstellen in deze sessie: de exports zijn dan nog leeg. "
                "Vul eerst de rondes in (fase 2)."
            )
        )
        self.empty_hint.setObjectName("harvestEmptyHint")
        layout.addWidget(self.empty_hint)

        self.without_names = QCheckBox(self.tr("Zonder &namen, om te delen buiten HR"))
        self.without_names.setObjectName("withoutNames")
        layout.addWidget(self.without_names, 0, Qt.AlignmentFlag.AlignLeft)
        names_hint = hint(
            self.tr(
                "Laat tafelhosts en eigenaren van interventies weg uit de werkmap, het verslag "
                "en het uitwisselbestand. Dat uitwisselbestand bevat dan ook geen stembiljetten "
                "of doelgroep van groepen onder de privacydrempel. Wat in de zaal is getypt "
                "(voorstellen, toelichtingen) blijft zoals het is: kijk die zelf na."
            )
        )
        names_hint.setObjectName("withoutNamesHint")
        layout.addWidget(names_hint)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(8)
        self._placed: list[tuple[QFrame, list[QWidget]]] = []  # per card: frame, its cells
        self._stacked = False
        self.cards: dict[str, _Card] = {}
        specs = (
            (
                XLSX,
                "file-spreadsheet",
                self.tr("Werkmap voor HR (Excel)"),
                self.tr(
                    "Alle voorstellen, thema's, de stemuitslag per doelgroep en het "
                    "actieplan, klaar om te filteren en op te volgen."
                ),
                self.tr("&Excel opslaan…"),
            ),
            (
                PDF,
                "file-text",
                self.tr("Oogstverslag (PDF)"),
                self.tr(
                    "Voor deelnemers en management: doel en vragen, de thema's met hun "
                    "voorstellen, de uitslag, het actieplan en wat er nu gebeurt."
                ),
                self.tr("&PDF opslaan…"),
            ),
            (
                JSON,
                "file-json",
                self.tr("Uitwisselbestand (JSON)"),
                self.tr(
                    "De hele sessie om samen te voegen op een andere laptop, of te bewaren "
                    "voor de volgende keer."
                ),
                self.tr("&JSON opslaan…"),
            ),
        )
        for column, (kind, icon_name, title, text, button_text) in enumerate(specs):
            self._card(column, kind, icon_name, title, text, button_text)
            self.grid.setColumnStretch(column, 1)
        self.cards[XLSX].button.setProperty("primary", "true")
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def _card(
        self, column: int, kind: str, icon_name: str, title: str, text: str, button_text: str
    ) -> None:
        """One card in the grid's column: rows for title, text, button and result are
        shared by the three cards, so their buttons line up whatever the text lengths."""
        card = QFrame()
        card.setObjectName(f"{kind}Card")
        card.setProperty("card", "true")
        self.grid.addWidget(card, 0, column, 4, 1)
        self._placed.append((card, []))

        def cell(row: int, widget: QWidget, top: int = 0, bottom: int = 0) -> None:
            holder = QWidget()
            inner = QVBoxLayout(holder)
            inner.setContentsMargins(16, top, 16, bottom)
            inner.addWidget(widget)
            self.grid.addWidget(holder, row, column)
            self._placed[-1][1].append(holder)

        header = QWidget()
        top = QHBoxLayout(header)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(8)
        picture = QLabel()
        picture.setPixmap(pixmap(icon_name, 32, palette.ACCENT))
        top.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(heading(title, "subheading"), 1)
        cell(0, header, top=16)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        cell(1, body)
        button = QPushButton(icon("download", "#FFFFFF" if kind == XLSX else None), button_text)
        button.setObjectName(f"export_{kind}")
        button.clicked.connect(lambda: self.choose_and_export(kind))
        cell(2, button)
        bottom = QWidget()
        below = QVBoxLayout(bottom)
        below.setContentsMargins(0, 0, 0, 0)
        below.setSpacing(4)
        result = QLabel()
        result.setObjectName(f"result_{kind}")
        result.setWordWrap(True)
        result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result.setMinimumHeight(result.fontMetrics().lineSpacing() * 2)
        result.installEventFilter(self)
        result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        below.addWidget(result)
        open_folder = QPushButton(icon("folder-open"), self.tr("Map openen"))
        open_folder.setObjectName(f"open_{kind}")
        open_folder.setFlat(True)
        keep_place = open_folder.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        open_folder.setSizePolicy(keep_place)
        open_folder.setVisible(False)
        open_folder.clicked.connect(lambda: self._open_folder(kind))
        below.addWidget(open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        below.addStretch(1)
        cell(3, bottom, bottom=16)
        self.cards[kind] = _Card(kind, button, result, open_folder)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side on a wide screen; one below the other when a card would be too
        # narrow for its title (1024x768 with the beamer panel open).
        self._arrange(event.size().width() < STACK_BELOW)
        super().resizeEvent(event)

    def _arrange(self, stacked: bool) -> None:
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for index, (card, cells) in enumerate(self._placed):
            row0, column = (index * 4, 0) if stacked else (0, index)
            self.grid.removeWidget(card)
            self.grid.addWidget(card, row0, column, 4, 1)
            for offset, holder in enumerate(cells):
                self.grid.removeWidget(holder)
                self.grid.addWidget(holder, row0 + offset, column)
        for column in range(len(self._placed)):
            self.grid.setColumnStretch(column, 1 if column == 0 or not stacked else 0)

    # ------------------------------------------------------------- refresh
    def refresh(self) -> None:
        snapshot = self.controller.snapshot()
        proposals = len(snapshot.live_proposals())
        themes = len(snapshot.live_themes())
        dots = sum(v.dots for v in snapshot.live_votes())
        interventions = len(snapshot.live_interventions())
        carried = len(carried_over(self.controller.session_file))
        text = self.tr("In deze sessie: {counts}.").format(
            counts=", ".join(
                (
                    self.tr("%n voorstel(len)", "", proposals),
                    self.tr("%n thema('s)", "", themes),
                    self.tr("%n stip(pen)", "", dots),
                    self.tr("%n interventie(s)", "", interventions),
                )
            )
        )
        if carried:
            text += " " + self.tr(
                "%n daarvan is/zijn overgenomen van een vorige sessie.", "", carried
            )
        self.summary.setText(text)
        self.empty_hint.setVisible(proposals == 0)

    # -------------------------------------------------------------- export
    def _writer(self, kind: str) -> Callable[[Path], None]:
        controller = self.controller
        names = not self.without_names.isChecked()
        if kind == XLSX:
            from desktop_app.export.workbook import write_workbook

            snapshot = controller.snapshot()
            return lambda target: write_workbook(snapshot, target, names=names)
        if kind == PDF:
            from desktop_app.export.report import write_report

            snapshot = controller.snapshot()
            return lambda target: write_report(snapshot, target, names=names)
        from desktop_app.storage.exchange import export_file

        session_file = controller.session_file
        return lambda target: export_file(session_file, target, names=names)

    def suggested_path(self, kind: str) -> Path:
        title = self.controller.session().title
        suffix = {
            XLSX: self.tr("werkmap HR"),
            PDF: self.tr("oogstverslag"),
            JSON: self.tr("uitwisselbestand"),
        }[kind]
        if self.without_names.isChecked():
            suffix = self.tr("{what} zonder namen").format(what=suffix)
        stem = safe_file_stem(title, self.tr("sessie"))
        folder = self._folder or paths.documents_dir()
        return folder / f"{stem} - {suffix}.{kind}"

    def choose_and_export(self, kind: str) -> None:
        captions = {
            XLSX: (self.tr("Excel-werkmap opslaan"), self.tr("Excel-werkmappen (*.xlsx)")),
            PDF: (self.tr("Oogstverslag opslaan"), self.tr("PDF-bestanden (*.pdf)")),
            JSON: (self.tr("Uitwisselbestand opslaan"), self.tr("Uitwisselbestanden (*.json)")),
        }
        caption, pattern = captions[kind]

        def ask() -> None:
            ask_save_file(
                self,
                caption,
                self.suggested_path(kind),
                pattern,
                f".{kind}",
                lambda target: self.export(kind, target),
            )

        if self.readiness is not None and kind in (XLSX, PDF):
            self.readiness.before("export", ask)
        else:
            ask()

    def export(self, kind: str, target: Path) -> bool:
        """Write one export to ``target``; show the path or the reason it failed."""
        card = self.cards[kind]
        try:
            self._writer(kind)(target)
        except UserError as error:
            message = error.message(self.controller.language)
            self._show_result(
                card, self.tr("Niet opgeslagen. {reason}").format(reason=message), error=True
            )
            self.controller.error.emit(message)
            return False
        except ImportError:
            self._show_result(
                card, self.tr("Deze export is in deze versie nog niet beschikbaar."), error=True
            )
            return False
        card.last_path = target
        self._folder = target.parent
        card.result.setProperty("without_names", self.without_names.isChecked())
        self._show_result(card, "", saved=target)
        return True

    def _saved_text(self, card: _Card) -> str:
        """ "Opgeslagen als NAME" and its folder on a line of its own, shortened in the
        middle to the card's width: a long path never runs out of the card."""
        path = card.last_path
        if path is None:
            return ""
        label = card.result
        width = max(40, label.contentsRect().width() - 4)
        folder = label.fontMetrics().elidedText(
            str(path.parent), Qt.TextElideMode.ElideMiddle, width
        )
        name = label.fontMetrics().elidedText(path.name, Qt.TextElideMode.ElideMiddle, width)
        if card.result.property("without_names"):
            text = self.tr("Opgeslagen zonder namen als {name}\nin {folder}")
        else:
            text = self.tr("Opgeslagen als {name}\nin {folder}")
        return text.format(name=name, folder=folder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for card in self.cards.values():
                if watched is card.result and card.result.property("saved"):
                    card.result.setText(self._saved_text(card))
        return super().eventFilter(watched, event)

    def _show_result(
        self, card: _Card, text: str, *, error: bool = False, saved: Path | None = None
    ) -> None:
        card.result.setProperty("saved", saved is not None)
        if saved is not None:
            card.last_path = saved
            card.result.setToolTip(str(saved))
            text = self._saved_text(card)
        card.result.setProperty("role", "error" if error else "")
        card.result.setStyleSheet("" if error else f"color: {palette.SUCCESS_TEXT};")
        card.result.style().unpolish(card.result)
        card.result.style().polish(card.result)
        card.result.setText(text)
        card.open_folder.setVisible(not error and card.last_path is not None)

    def _open_folder(self, kind: str) -> None:
        path = self.cards[kind].last_path
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
