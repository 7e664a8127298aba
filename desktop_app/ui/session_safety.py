"""Keeping a session safe from the console: where it is, whether it is whole, backups.

:class:`SessionSafety` is what the console window hooks in (a few calls in
``open_session``, the phase change, the import and the File menu):

- before a file is opened for writing, a file in a sync folder (OneDrive,
  Dropbox, Google Drive, iCloud) or on a network share, where SQLite's locking is
  not safe, is warned about (:class:`LocationWarning`): open a copy on this
  laptop (the default), open it there anyway, or not at all;
- a damaged file (refused unchanged by storage) gets its message and the offer
  of its newest whole backup (:class:`DamagedFileMessage`);
- while a session is open, :class:`AutomaticBackups` makes the backups, and File
  > "Herstellen uit reservekopie…" restores one after backing up the present.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop_app import APP_NAME
from desktop_app.core.errors import DamagedFileError, UserError
from desktop_app.storage import file_location
from desktop_app.storage.backups import (
    Backup,
    Contents,
    copy_session,
    newest_whole_backup,
    restore_backup,
    restore_damaged,
)
from desktop_app.ui.automatic_backups import AutomaticBackups

if TYPE_CHECKING:
    from desktop_app.ui.console_host import ConsoleHost
    from desktop_app.ui.controller import SessionController
    from desktop_app.ui.restore_dialog import RestoreDialog

log = logging.getLogger(__name__)


def service_name(where: str) -> str:
    """How the message names the place."""
    names = {
        file_location.ONEDRIVE: "OneDrive",
        file_location.DROPBOX: "Dropbox",
        file_location.GOOGLE_DRIVE: "Google Drive",
        file_location.ICLOUD: "iCloud Drive",
    }
    return names.get(where) or QCoreApplication.translate("SessionSafety", "een netwerkmap")


class LocationWarning(QMessageBox):
    """Asked before a session in a sync folder or on a share is opened for writing."""

    local_copy_chosen = Signal()
    open_here_chosen = Signal()

    def __init__(self, path: Path, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locationWarning")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Sessie in {place}").format(place=service_name(where)))
        if where == file_location.NETWORK:
            self.setText(self.tr("{name} staat in een netwerkmap.").format(name=path.name))
        else:
            self.setText(
                self.tr("{name} staat in een map die {service} synchroniseert.").format(
                    name=path.name, service=service_name(where)
                )
            )
        self.setInformativeText(
            self.tr(
                "Daar is een sessie niet veilig: Tafelronde bewaart elke wijziging meteen, "
                "en een synchronisatie of een tweede computer kan het bestand dan half "
                "overschrijven. Werk in een kopie op deze laptop en zet die na afloop terug "
                "(Bestand > Kopie opslaan als…)."
            )
        )
        self.copy_button = QPushButton(self.tr("&Kopie op deze laptop openen"))
        self.copy_button.setObjectName("openLocalCopy")
        self.here_button = QPushButton(self.tr("&Toch hier openen"))
        self.here_button.setObjectName("openHere")
        self.addButton(self.copy_button, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.here_button, QMessageBox.ButtonRole.DestructiveRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.copy_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.copy_button:
            self.local_copy_chosen.emit()
        elif button is self.here_button:
            self.open_here_chosen.emit()


class DamagedFileMessage(QMessageBox):
    """Shown when a session file is damaged; offers its newest whole backup."""

    restore_chosen = Signal()

    def __init__(
        self,
        message: str,
        newest: tuple[Backup, Contents] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damagedFileMessage")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Beschadigd sessiebestand"))
        self.setText(message)
        self.restore_button: QPushButton | None = None
        if newest is None:
            self.setInformativeText(
                self.tr(
                    "Er is geen reservekopie van deze sessie. Heb je een eerdere kopie of "
                    "een uitwisselbestand (JSON) van een tafellaptop, open dat dan."
                )
            )
            self.addButton(QMessageBox.StandardButton.Ok)
            return
        backup, contents = newest
        self.setInformativeText(
            self.tr(
                "De nieuwste goede reservekopie is van {when}: {proposals} voorstellen, "
                "{themes} thema's, {dots} stippen. Wat daarna is gedaan, staat er niet in. "
                "Het beschadigde bestand blijft bewaard onder een andere naam."
            ).format(
                when=when_made(backup.made_at),
                proposals=contents.proposals,
                themes=contents.themes,
                dots=contents.dots,
            )
        )
        self.restore_button = QPushButton(self.tr("&Reservekopie terugzetten"))
        self.restore_button.setObjectName("restoreNewestBackup")
        self.addButton(self.restore_button, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("&Niet nu"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.restore_button:
            self.restore_chosen.emit()


def when_made(moment: datetime) -> str:
    """Date and time in the user's time zone, the date as the language writes it."""
    local = moment.astimezone()
    day = QLocale().toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
    )
    return f"{day} {local:%H:%M}"


class SessionSafety(QObject):
    """The console's side of backups, damaged files and unsafe places; one per window."""

    def __init__(self, window: ConsoleHost) -> None:
        super().__init__(window)
        self.window = window
        self.backups: AutomaticBackups | None = None
        self.location_warning: LocationWarning | None = None
        self.damaged_message: DamagedFileMessage | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.read_only_message: QMessageBox | None = None
        self._open_here: set[Path] = set()

    # ------------------------------------------------------------ opening
    def asks_about_location(self, path: Path) -> bool:
        """Warn about a sync folder or share; True when asked (the answer opens it)."""
        if path.resolve() in self._open_here:
            return False
        where = file_location.shared_location(path)
        if where is None:
            return False
        box = LocationWarning(path, where, self.window)
        box.local_copy_chosen.connect(lambda: self._open_local_copy(path))
        box.open_here_chosen.connect(lambda: self._open_anyway(path))
        self.location_warning = box
        box.open()
        return True

    def _open_anyway(self, path: Path) -> None:
        self._open_here.add(path.resolve())
        self.window.open_session(path)

    def _open_local_copy(self, path: Path) -> None:
        """Copy the session (backup API) to this laptop's documents folder and open that."""
        from desktop_app import paths
        from desktop_app.storage.templates import unique_session_path

        folder = paths.documents_dir()
        if file_location.shared_location(folder.parent) is not None:
            folder = paths.user_data_dir() / "sessies"  # Documents itself is synced
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = unique_session_path(folder, path.stem)
            copy_session(path, target)
        except DamagedFileError as error:
            self.offer_backup(path, error)
            return
        except UserError as error:
            self.window.show_error(error.message(self.window.language))
            return
        except OSError as error:
            self.window.show_error(str(error))
            return
        if self.window.open_session(target):
            self.window.statusBar().showMessage(
                self.tr(
                    "Je werkt in een kopie op deze laptop: {path}. Het origineel is niet veranderd."
                ).format(path=str(target)),
                20000,
            )

    def refused(self, path: Path, error: UserError) -> None:
        """Say why ``path`` was not opened, with the way out where there is one."""
        if isinstance(error, DamagedFileError):
            self.offer_backup(path, error)
        elif error.code == "read_only":
            self.offer_copy(path, error.message(self.window.language))
        else:
            self.window.show_error(error.message(self.window.language))

    def offer_copy(self, path: Path, message: str) -> None:
        """A read-only folder (a locked USB stick, a protected share): work in a copy here."""
        self.window.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, parent=self.window)
        box.setObjectName("readOnlyMessage")
        copy_button = box.addButton(
            self.tr("&Kopie op deze laptop openen"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy_button)
        copy_button.clicked.connect(lambda: self._open_local_copy(path))
        self.read_only_message = box
        box.open()

    def offer_backup(self, path: Path, error: DamagedFileError) -> None:
        """The damage, and the newest whole backup to put in the file's place."""
        message = error.message(self.window.language)
        self.window.statusBar().showMessage(message, 15000)
        newest = newest_whole_backup(path)
        box = DamagedFileMessage(message, newest, self.window)
        if newest is not None:
            backup = newest[0]
            box.restore_chosen.connect(lambda: self._restore_damaged(path, backup))
        self.damaged_message = box
        box.open()

    def _restore_damaged(self, path: Path, backup: Backup) -> None:
        try:
            kept = restore_damaged(path, backup, damaged_label=self.tr("beschadigd"))
        except UserError as error:
            self.window.show_error(error.message(self.window.language))
            return
        if self.window.open_session(path):
            self.window.statusBar().showMessage(
                self.tr(
                    "De reservekopie van {when} is teruggezet. Het beschadigde bestand is "
                    "bewaard als {name}."
                ).format(when=when_made(backup.made_at), name=kept.name),
                20000,
            )

    # ---------------------------------------------------- an open session
    def session_opened(self, controller: SessionController) -> None:
        from desktop_app.ui import save_report

        self.backups = AutomaticBackups(controller)
        self.backups.failed.connect(self._backup_failed)
        if save_report.wanted():
            save_report.SaveReport(controller)

    def session_closed(self) -> None:
        if self.backups is not None:
            self.backups.wait()  # a backup that is being written is finished first
        self.backups = None  # it dies with its controller

    def phase_changed(self) -> None:
        if self.backups is not None:
            self.backups.phase_changed()

    def before_import(self) -> None:
        if self.backups is not None:
            self.backups.before_import()

    def _backup_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)

    # ------------------------------------------------------------ restore
    def choose_backup(self) -> None:
        """File > "Herstellen uit reservekopie…"."""
        from desktop_app.ui.restore_dialog import RestoreDialog

        controller = self.window.controller
        if controller is None:
            return
        if self.backups is not None:
            self.backups.wait()  # one being written belongs in the list
        dialog = RestoreDialog(controller.session_file.path, self.window)
        dialog.restore_chosen.connect(self.restore)
        self.restore_dialog = dialog
        dialog.open()

    def restore(self, backup: Backup) -> bool:
        """Back up the present, put ``backup`` in, and reopen the session on it."""
        controller = self.window.controller
        if controller is None:
            return False
        path = controller.session_file.path
        if self.backups is not None:
            self.backups.wait()
        try:
            before = restore_backup(controller.session_file, backup)
        except UserError as error:
            self.window.show_error(
                error.message(self.window.language) + " " + self.tr("Er is niets hersteld.")
            )
            return False
        log.info("restored %s (the state before: %s)", backup.path.name, before.path.name)
        self.window.close_session()
        if not self.window.open_session(path):
            return False
        self.window.statusBar().showMessage(
            self.tr(
                "Hersteld: de reservekopie van {when}. De stand van daarvoor is ook als "
                "reservekopie bewaard."
            ).format(when=when_made(backup.made_at)),
            20000,
        )
        return True
