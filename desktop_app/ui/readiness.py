"""Klaar voor de zaal? The check before the beamer, the vote and the harvest export.

:class:`ReadinessGate` runs ``core.readiness.check`` when the facilitator shows
the beamer, opens the vote or exports the workbook or the report. Nothing to
report: the step happens at once. Otherwise :class:`ReadinessDialog` lists what
would embarrass the facilitator, each with "Ga erheen" to the place to fix it,
and "Toch …" (Enter) goes on anyway: it never blocks. Findings the facilitator
went on with are not asked about again at the same step, until they change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.readiness import Finding, Place, Problem, check
from desktop_app.core.voting import voting_group_ids
from desktop_app.ui import palette
from desktop_app.ui.look import icon, pixmap

if TYPE_CHECKING:
    from desktop_app.ui.console_host import ConsoleHost

BEAMER, VOTE, EXPORT = "beamer", "vote", "export"
#: Prepare's tabs: session and rules, target groups, tables, rounds, context.
_PREPARE_TAB = {
    Place.SESSION: 0,
    Place.PRIVACY_FLOOR: 0,
    Place.TARGET_GROUP: 1,
    Place.TABLE: 2,
    Place.ROUND: 3,
    Place.CONTEXT: 4,
}


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class ReadinessDialog(QDialog):
    """The findings, each with a button to its place; "Toch …" goes on."""

    def __init__(
        self,
        findings: list[Finding],
        moment: str | None,
        gate: ReadinessGate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readinessDialog")
        self.setWindowTitle(self.tr("Klaar voor de zaal?"))
        self.setMinimumWidth(560)
        self.findings = findings
        self.texts = [gate.describe(finding) for finding in findings]
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        lead = {
            BEAMER: self.tr("Voordat de beamer aangaat, valt dit op:"),
            VOTE: self.tr("Voordat de stemming opengaat, valt dit op:"),
            EXPORT: self.tr("Voordat je de oogst exporteert, valt dit op:"),
        }.get(moment or "", self.tr("Klaar voor de zaal?"))
        title = QLabel(lead)
        title.setObjectName("readinessLead")
        title.setProperty("role", "subheading")
        title.setWordWrap(True)
        layout.addWidget(title)
        if not findings:
            ok = QLabel(self.tr("Alles is klaar voor de zaal: niets gevonden om nog na te kijken."))
            ok.setObjectName("readinessAllGood")
            ok.setWordWrap(True)
            ok.setStyleSheet(f"color: {palette.SUCCESS_TEXT}; font-weight: 600;")
            layout.addWidget(ok)
        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        rows_layout.setContentsMargins(0, 0, 8, 0)
        rows_layout.setSpacing(8)
        self.go_buttons: list[QPushButton] = []
        for finding, described in zip(findings, self.texts, strict=True):
            row = QFrame()
            row.setProperty("card", "true")
            line = QHBoxLayout(row)
            line.setContentsMargins(12, 8, 8, 8)
            line.setSpacing(12)
            mark = QLabel()
            mark.setPixmap(pixmap("triangle-alert", 20, palette.WARNING_TEXT))
            line.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            text = QLabel(described)
            text.setObjectName("readinessFinding")
            text.setWordWrap(True)
            line.addWidget(text, 1)
            go = QPushButton(icon("chevron-right"), self.tr("Ga erheen"))
            go.setObjectName("readinessGoTo")
            go.setToolTip(self.tr("Sluit dit venster en ga naar de plek om het te regelen"))
            go.setAutoDefault(False)  # Enter goes on; Space presses the focused button
            go.clicked.connect(lambda _=False, f=finding: self._go_to(gate, f))
            line.addWidget(go, 0, Qt.AlignmentFlag.AlignTop)
            self.go_buttons.append(go)
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        scroll.setVisible(bool(findings))
        layout.addWidget(scroll, 1)
        if findings:
            note = QLabel(self.tr("Dit is een controle, geen slot: je kunt altijd doorgaan."))
            note.setStyleSheet(f"color: {palette.MUTED};")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.go_on_button: QPushButton | None = None
        if moment is not None:
            go_on = {
                BEAMER: self.tr("Beamer toch tonen"),
                VOTE: self.tr("Stemming toch openen"),
                EXPORT: self.tr("Toch exporteren"),
            }[moment]
            self.go_on_button = buttons.addButton(go_on, QDialogButtonBox.ButtonRole.AcceptRole)
            self.go_on_button.setObjectName("readinessGoOn")
            self.go_on_button.setProperty("primary", True)
            self.go_on_button.setDefault(True)
            later = buttons.addButton(
                self.tr("Eerst oplossen"), QDialogButtonBox.ButtonRole.RejectRole
            )
            later.setObjectName("readinessLater")
        else:
            close = buttons.addButton(self.tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
            close.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for button in buttons.buttons():
            if isinstance(button, QPushButton) and button.isDefault():
                button.setFocus()
        self.resize(640, min(620, 180 + 72 * len(findings)))

    def _go_to(self, gate: ReadinessGate, finding: Finding) -> None:
        self.reject()
        gate.go_to(finding)


class ReadinessGate(QObject):
    """Asks once per step and set of findings; knows where each finding is fixed."""

    def __init__(self, console: ConsoleHost) -> None:
        super().__init__(console)
        self.console = console
        self._went_on: dict[str, tuple[object, ...]] = {}
        self.dialog: ReadinessDialog | None = None

    def findings(self) -> list[Finding]:
        controller = self.console.controller
        if controller is None:
            return []
        snapshot = controller.snapshot()
        return check(snapshot, voting_group_ids(snapshot, controller.session_file.state))

    def before(self, moment: str, go_on: Callable[[], object]) -> ReadinessDialog | None:
        """Run ``go_on`` at once when all is ready (or was accepted as it is), else ask."""
        findings = self.findings()
        key = tuple((f.problem, f.place, f.entity_id, f.field, f.count) for f in findings)
        if not findings or self._went_on.get(moment) == key:
            go_on()
            return None

        def went_on() -> None:
            self._went_on[moment] = key
            go_on()

        dialog = ReadinessDialog(findings, moment, self, self.console)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(went_on)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_all(self) -> ReadinessDialog:
        """View > "Klaar voor de zaal?": the same list, any time, without a step."""
        dialog = ReadinessDialog(self.findings(), None, self, self.console)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------ texts
    def describe(self, finding: Finding) -> str:
        text = _short(finding.text)
        if finding.problem == Problem.PLACEHOLDER:
            where = {
                Place.SESSION: self.tr("Sessie"),
                Place.CONTEXT: self.tr("Context voor de opening"),
                Place.ROUND: self.tr("Vraag van een ronde"),
                Place.TARGET_GROUP: self.tr("Doelgroep"),
                Place.TABLE: self.tr("Tafel"),
                Place.THEME: self.tr("Thema"),
                Place.INTERVENTION: self.tr("Interventie"),
            }.get(finding.place, "")
            return self.tr("{where}: nog niet ingevuld: “{text}”").format(where=where, text=text)
        if finding.problem == Problem.EMPTY_GROUP:
            return self.tr(
                "Doelgroep “{name}” heeft 0 deelnemers: de uitgedeelde stippen en de "
                "privacygrens kloppen dan niet."
            ).format(name=text)
        if finding.problem == Problem.UNTHEMED:
            return self.tr(
                "%n voorstel(len) in geen thema: die komen niet op het stembiljet.",
                "",
                finding.count,
            )
        if finding.problem == Problem.NO_OWNER:
            return self.tr("Interventie “{title}” heeft nog geen eigenaar.").format(title=text)
        if finding.problem == Problem.NO_DATE:
            return self.tr("Interventie “{title}” heeft nog geen start- of vervolgdatum.").format(
                title=text
            )
        return self.tr(
            "De privacygrens ({k}) verbergt elke doelgroep: de uitslag komt dan niet per groep."
        ).format(k=text)

    # ------------------------------------------------------------ going there
    def go_to(self, finding: Finding) -> None:
        """Show the page, tab and item where ``finding`` is fixed; the keyboard goes there."""
        console = self.console
        place = finding.place
        if place in _PREPARE_TAB:
            self._go_to_prepare(finding)
        elif place == Place.INTERVENTION:
            console.go_to_phase(4)
            page = console.page(4)
            tree = page.findChild(QTreeWidget, "interventionList")
            if tree is not None:
                for row in range(tree.topLevelItemCount()):
                    item = tree.topLevelItem(row)
                    if (
                        item is not None
                        and item.data(0, Qt.ItemDataRole.UserRole) == finding.entity_id
                    ):
                        tree.setCurrentItem(item)
            field = {
                "owner": getattr(page, "owner_edit", None),
                "start": getattr(page, "start_field", None),
            }.get(finding.field or "", getattr(page, "title_edit", None))
            if isinstance(field, QWidget):
                field.setFocus()
        else:  # a theme, or proposals still in the tray: the theme board
            console.go_to_phase(2)

    def _go_to_prepare(self, finding: Finding) -> None:
        console = self.console
        console.go_to_phase(0)
        page = console.page(0)
        tabs = getattr(page, "tabs", None)
        if tabs is not None:
            tabs.setCurrentIndex(_PREPARE_TAB[finding.place])
        form = getattr(page, "session_form", None)
        editor = {
            Place.TARGET_GROUP: getattr(page, "target_groups", None),
            Place.TABLE: getattr(page, "tables", None),
            Place.ROUND: getattr(page, "rounds", None),
            Place.CONTEXT: getattr(page, "context", None),
        }.get(finding.place)
        field: object = None
        if editor is not None and finding.entity_id is not None:
            editor.select(finding.entity_id)
            field = {
                Place.TARGET_GROUP: getattr(
                    editor, "count_field" if finding.field == "participants" else "name_field", None
                ),
                Place.TABLE: getattr(editor, "name_field", None),
                Place.ROUND: getattr(editor, "question_field", None),
                Place.CONTEXT: getattr(
                    editor, "text_field" if finding.field == "text" else "title_field", None
                ),
            }.get(finding.place)
        elif form is not None:
            field = getattr(
                form,
                "floor_field"
                if finding.place == Place.PRIVACY_FLOOR
                else f"{finding.field or 'title'}_field",
                None,
            )
        if isinstance(field, QWidget):
            field.setFocus()
