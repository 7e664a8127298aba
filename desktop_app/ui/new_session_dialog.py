"""Ask what a new session from a template needs: a title, a date and where its file goes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.templates import Template, unique_session_path
from desktop_app.ui.date_field import DateEdit
from desktop_app.ui.file_dialogs import ask_folder
from desktop_app.ui.form_fields import ErrorLabel, mark, with_error


class NewSessionDialog(QDialog):
    def __init__(self, template: Template, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newSessionDialog")
        self.setWindowTitle(self.tr("Nieuwe sessie: {name}").format(name=template.name))
        self.template = template
        self.folder = folder
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        if template.description:
            about = QLabel(template.description)
            about.setWordWrap(True)
            layout.addWidget(about)
        form = QFormLayout()
        self.title_field = QLineEdit(template.name)
        self.title_field.setObjectName("newSessionTitle")
        self.title_field.selectAll()
        self.title_error = ErrorLabel("newSessionTitleError")
        form.addRow(self.tr("&Titel"), with_error(self.title_field, self.title_error))
        self.date_field = DateEdit(QDate.currentDate())
        self.date_field.setObjectName("newSessionDate")
        form.addRow(self.tr("&Datum"), self.date_field)
        folder_row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("newSessionFolder")
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("Andere &map…"))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        form.addRow(self.tr("Opslaan in"), folder_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sessie maken"))
        ok.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.folder_button.clicked.connect(self._choose_folder)
        self.title_field.textChanged.connect(lambda _: self._show_folder())
        self._show_folder()

    def _choose_folder(self) -> None:
        def chosen(folder: Path) -> None:
            self.folder = folder
            self._show_folder()

        ask_folder(self, self.tr("Map voor het sessiebestand"), str(self.folder), chosen)

    def _show_folder(self) -> None:
        self.folder_label.setText(str(self.target_path()))

    def title(self) -> str:
        return self.title_field.text().strip()

    def date(self) -> str:
        return self.date_field.date().toString("yyyy-MM-dd")

    def target_path(self) -> Path:
        return unique_session_path(
            self.folder, f"{self.title() or self.template.name} {self.date()}"
        )

    def accept(self) -> None:
        problem = None if self.title() else self.tr("Geef de sessie een titel.")
        if mark(self.title_field, self.title_error, problem):
            super().accept()
