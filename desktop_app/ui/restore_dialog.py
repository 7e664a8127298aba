"""File > "Herstellen uit reservekopie…": the backups of the open session, to choose one.

Each row says when the backup was made, why, and what it holds (proposals,
themes, dots), so the facilitator can recognise the moment before things went
wrong. The console does the restoring (after backing up the present).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage import backups
from desktop_app.storage.backups import Backup, list_backups, read_contents
from desktop_app.ui import palette
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import hint

BACKUP_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Lists the backups, newest first; ``restore_chosen`` carries the chosen Backup."""

    restore_chosen = Signal(object)

    def __init__(self, session_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Herstellen uit reservekopie"))
        self.setMinimumWidth(560)
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        intro = QLabel(
            self.tr(
                "Kies de stand die je terug wilt. Wat er nu in de sessie staat, wordt eerst "
                "zelf als reservekopie bewaard: ook het herstellen kun je zo terugdraaien."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.tree = QTreeWidget()
        self.tree.setObjectName("backupList")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Gemaakt"),
                self.tr("Waarom"),
                self.tr("Voorstellen"),
                self.tr("Thema's"),
                self.tr("Stippen"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)

        self.backups = list_backups(session_path)
        for backup in self.backups:
            self.tree.addTopLevelItem(self._row(backup))
        self.empty_hint = hint(
            self.tr(
                "Nog geen reservekopieën. Ze worden vanzelf gemaakt: bij elke overgang naar "
                "een andere fase, voor elke import en elke tien minuten als er iets is "
                "veranderd."
            )
        )
        self.empty_hint.setObjectName("noBackupsHint")
        self.empty_hint.setVisible(not self.backups)
        self.tree.setVisible(bool(self.backups))
        layout.addWidget(self.empty_hint)
        folder = QLabel(
            self.tr("Map: {folder}").format(folder=str(backups.backup_folder(session_path)))
        )
        folder.setObjectName("backupFolder")
        folder.setWordWrap(True)
        folder.setStyleSheet(f"color: {palette.MUTED};")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(folder)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(icon("history"), self.tr("&Herstellen"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.itemSelectionChanged.connect(self._update_button)
        self.tree.itemActivated.connect(lambda *_: self._accept())
        first = self.tree.topLevelItem(0)
        if first is not None and first.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.tree.setCurrentItem(first)
        self._update_button()
        self.tree.setFocus()

    def _row(self, backup: Backup) -> QTreeWidgetItem:
        contents = read_contents(backup)
        when = self.when_text(backup.made_at)
        if contents is None:
            item = QTreeWidgetItem([when, self.tr("onleesbaar"), "–", "–", "–"])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        else:
            item = QTreeWidgetItem(
                [
                    when,
                    self.reason_text(backup.reason),
                    str(contents.proposals),
                    str(contents.themes),
                    str(contents.dots),
                ]
            )
        for column in (2, 3, 4):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        item.setData(0, BACKUP_ROLE, backup)
        item.setToolTip(0, backup.path.name)
        return item

    def when_text(self, made_at: datetime) -> str:
        local = made_at.astimezone()
        time = local.strftime("%H:%M")
        today = date.today()
        if local.date() == today:
            return self.tr("vandaag {time}").format(time=time)
        if local.date() == today - timedelta(days=1):
            return self.tr("gisteren {time}").format(time=time)
        day = QLocale().toString(
            QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
        )
        return f"{day} {time}"

    def reason_text(self, reason: str) -> str:
        return {
            backups.PHASE: self.tr("bij een faseovergang"),
            backups.IMPORT: self.tr("voor een import"),
            backups.TIMER: self.tr("automatisch (elke 10 minuten)"),
            backups.RESTORE: self.tr("voor het herstellen van een reservekopie"),
        }.get(reason, reason)

    def chosen(self) -> Backup | None:
        item = self.tree.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        backup = item.data(0, BACKUP_ROLE)
        return backup if isinstance(backup, Backup) else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _accept(self) -> None:
        backup = self.chosen()
        if backup is None:
            return
        self.accept()
        self.restore_chosen.emit(backup)
