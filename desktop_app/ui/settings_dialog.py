"""Instellingen: the language of the app (applied at the next start)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Instellingen"))
        self.settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language_field = QComboBox()
        self.language_field.setObjectName("languageSetting")
        self.language_field.addItem(self.tr("Zoals het systeem"), "")
        self.language_field.addItem("Nederlands", "nl")
        self.language_field.addItem("English", "en")
        self.language_field.setCurrentIndex(
            max(self.language_field.findData(settings.get("language")), 0)
        )
        form.addRow(self.tr("&Taal"), self.language_field)
        layout.addLayout(form)
        note = QLabel(self.tr("Een andere taal gaat in bij de volgende start van Tafelronde."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6B655D;")
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.set("language", self.language_field.currentData())
        self.settings.sync()
        super().accept()
