"""The prepare page's session form: title, organisation, date, place, purpose, the exports'
language and the voting rules (dots, cap, what is voted on, privacy floor), each stored
when it is left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import (
    DEFAULT_PRIVACY_FLOOR,
    VoteTarget,
)
from desktop_app.ui.controller import SessionController
from desktop_app.ui.date_field import NO_DATE, DateEdit
from desktop_app.ui.form_fields import (
    CommitTextEdit,
    ErrorLabel,
    form_card,
    mark,
    parse_count,
    set_quietly,
    with_error,
)


class SessionForm(QWidget):
    """Title, organisation, date, location, purpose, language, and the voting rules."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)
        self._box = layout

        card, form = form_card()
        self.title_field = QLineEdit()
        self.title_field.setObjectName("sessionTitle")
        self.title_error = ErrorLabel("sessionTitleError")
        self.organisation_field = QLineEdit()
        self.organisation_field.setObjectName("sessionOrganisation")
        self.date_field = DateEdit(no_date_text=self.tr("nog geen datum"))
        self.date_field.setObjectName("sessionDate")
        self.location_field = QLineEdit()
        self.location_field.setObjectName("sessionLocation")
        self.purpose_field = CommitTextEdit()
        self.purpose_field.setObjectName("sessionPurpose")
        self.language_field = QComboBox()
        self.language_field.setObjectName("sessionLanguage")
        self.language_field.addItem("Nederlands", "nl")
        self.language_field.addItem("English", "en")
        form.addRow(self.tr("&Titel"), with_error(self.title_field, self.title_error))
        form.addRow(
            self.tr("&Organisatie"), with_error(self.organisation_field, ErrorLabel("orgError"))
        )
        form.addRow(self.tr("&Datum"), with_error(self.date_field, ErrorLabel("dateError")))
        form.addRow(
            self.tr("Lo&catie"), with_error(self.location_field, ErrorLabel("locationError"))
        )
        form.addRow(self.tr("Do&el"), with_error(self.purpose_field, ErrorLabel("purposeError")))
        form.addRow(self.tr("Taal van de e&xports"), self.language_field)
        layout.addWidget(card, 3, Qt.AlignmentFlag.AlignTop)

        vote_card, vote_form = form_card()
        vote_title = QLabel(self.tr("Stemregels"))
        vote_title.setProperty("role", "subheading")
        vote_form.addRow(vote_title)
        self.dots_field = QLineEdit()
        self.dots_field.setObjectName("votingDots")
        self.dots_error = ErrorLabel("votingDotsError")
        self.cap_field = QLineEdit()
        self.cap_field.setObjectName("votingCap")
        self.cap_error = ErrorLabel("votingCapError")
        self.target_field = QComboBox()
        self.target_field.setObjectName("votingTarget")
        self.target_field.addItem(self.tr("Thema's"), VoteTarget.THEME.value)
        self.target_field.addItem(self.tr("Losse voorstellen"), VoteTarget.PROPOSAL.value)
        self.floor_field = QLineEdit()
        self.floor_field.setObjectName("privacyFloor")
        self.floor_error = ErrorLabel("privacyFloorError")
        vote_form.addRow(
            self.tr("&Stippen per deelnemer"), with_error(self.dots_field, self.dots_error)
        )
        vote_form.addRow(self.tr("Hoo&gstens per item"), with_error(self.cap_field, self.cap_error))
        vote_form.addRow(self.tr("Ste&mmen op"), self.target_field)
        vote_form.addRow(self.tr("&Privacygrens"), with_error(self.floor_field, self.floor_error))
        floor_hint = QLabel(
            self.tr(
                "Doelgroepen met minder stemmers dan de privacygrens krijgen geen eigen "
                "uitsplitsing van de stemmen: ze tellen alleen samen mee."
            )
        )
        floor_hint.setWordWrap(True)
        floor_hint.setStyleSheet("color: #6B655D;")
        vote_form.addRow(floor_hint)
        layout.addWidget(vote_card, 2, Qt.AlignmentFlag.AlignTop)

        self.title_field.editingFinished.connect(self._commit_title)
        for field, name in (
            (self.organisation_field, "organisation"),
            (self.location_field, "location"),
        ):
            field.editingFinished.connect(
                lambda f=field, n=name: self._commit(**{n: f.text().strip() or None})
            )
        self.purpose_field.committed.connect(
            lambda: self._commit(purpose=self.purpose_field.toPlainText() or None)
        )
        self.date_field.editingFinished.connect(self._commit_date)
        self.language_field.activated.connect(
            lambda _: self._commit(language=self.language_field.currentData())
        )
        self.dots_field.editingFinished.connect(self._commit_dots)
        self.cap_field.editingFinished.connect(self._commit_cap)
        self.target_field.activated.connect(
            lambda _: self._commit(vote_target=self.target_field.currentData())
        )
        self.floor_field.editingFinished.connect(self._commit_floor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side on a wide screen, one below the other at 1024x768.
        wide = event.size().width() >= 980
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._box.direction() != direction:
            self._box.setDirection(direction)
        super().resizeEvent(event)

    def reload(self) -> None:
        info = self.controller.session()
        set_quietly(self.title_field, info.title)
        set_quietly(self.organisation_field, info.organisation)
        set_quietly(self.date_field, info.date)
        set_quietly(self.location_field, info.location)
        set_quietly(self.purpose_field, info.purpose)
        set_quietly(self.language_field, info.lang)
        set_quietly(
            self.dots_field,
            "" if info.dots_per_participant is None else str(info.dots_per_participant),
        )
        set_quietly(
            self.cap_field, "" if info.max_dots_per_item is None else str(info.max_dots_per_item)
        )
        set_quietly(self.target_field, info.votes_on.value)
        floor = self.controller.session_file.state(run_state.PRIVACY_FLOOR, DEFAULT_PRIVACY_FLOOR)
        set_quietly(self.floor_field, str(floor))

    def _commit(self, **fields: Any) -> None:
        """Store session fields (one undoable step; nothing when the same)."""
        self.controller.run(ops.edit_session, **fields)

    def _commit_title(self) -> None:
        title = self.title_field.text()
        problem = None if title.strip() else self.tr("Geef de sessie een titel.")
        if mark(self.title_field, self.title_error, problem):
            self._commit(title=title.strip())

    def _commit_date(self) -> None:
        date = self.date_field.date()
        value = None if date == NO_DATE else date.toString("yyyy-MM-dd")
        self._commit(date=value)

    def _commit_dots(self) -> None:
        value, problem = parse_count(self.dots_field.text(), 1, 100, self.tr)
        if mark(self.dots_field, self.dots_error, problem):
            self._commit(dots_per_participant=value)
            self._check_cap_against_dots()

    def _commit_cap(self) -> None:
        value, problem = parse_count(self.cap_field.text(), 1, 100, self.tr)
        dots = self.controller.session().dots_per_participant
        if problem is None and value is not None and dots is not None and value > dots:
            problem = self.tr("Kan niet meer zijn dan de stippen per deelnemer ({n}).").format(
                n=dots
            )
        if mark(self.cap_field, self.cap_error, problem):
            self._commit(max_dots_per_item=value)

    def _check_cap_against_dots(self) -> None:
        if self.cap_field.text().strip():
            self._commit_cap()

    def _commit_floor(self) -> None:
        value, problem = parse_count(self.floor_field.text(), 1, 100, self.tr)
        if problem is None and value is None:
            problem = self.tr("Vul een getal in; {n} is gebruikelijk.").format(
                n=DEFAULT_PRIVACY_FLOOR
            )
        if mark(self.floor_field, self.floor_error, problem) and value is not None:
            self.controller.run(ops.set_privacy_floor, value)


# ------------------------------------------------------------------ page
