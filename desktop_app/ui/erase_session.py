"""Sessie > Wissen na afloop: say exactly what will go, then erase the open session.

For the AVG/GDPR promise that what a room said does not stay on the
facilitator's laptop longer than needed. The dialog lists the files that
:func:`desktop_app.storage.erase.erase_plan` found (the session, its sidecars,
its backups folder, copies from before a migration, demo copies, the log
records that name it, the recent-list entry) and what it cannot reach (exports
saved elsewhere). Cancel is the default button; Esc cancels.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop_app import paths
from desktop_app.core.errors import UserError
from desktop_app.storage.erase import ErasePlan, erase_plan, erase_session

if TYPE_CHECKING:
    from desktop_app.ui.console_host import ConsoleHost


def _folders() -> dict[str, Path]:
    data = paths.user_data_dir()
    return {"log_folder": data / "logs", "demo_folder": data / "demo"}


class EraseSessionDialog(QMessageBox):
    """The confirmation: what will be removed, item by item, and what stays."""

    def __init__(self, plan: ErasePlan, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseSessionDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Sessie wissen"))
        self.setText(
            self.tr("Sessie \u201c{title}\u201d van deze laptop wissen?").format(
                title=title or plan.session.stem
            )
        )
        self.setInformativeText(self.describe(plan))
        self.erase_button: QPushButton = self.addButton(
            self.tr("Alles &wissen"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("eraseButton")
        self.cancel_button: QPushButton = self.addButton(
            self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def describe(self, plan: ErasePlan) -> str:
        session = plan.session
        sidecars = [p.name for p in plan.files if p != session and p.name.startswith(session.name)]
        copies = [p.name for p in plan.copies]
        lines = [self.tr("Dit wordt van deze laptop verwijderd:")]
        lines.append(
            self.tr("\u2022 het sessiebestand {name} in {folder}").format(
                name=session.name, folder=str(session.parent)
            )
        )
        if sidecars:
            lines.append(
                self.tr("\u2022 de hulpbestanden van de database en het slot: {names}").format(
                    names=", ".join(sidecars)
                )
            )
        for folder in plan.folders:
            lines.append(
                self.tr("\u2022 de map met reservekopie\u00ebn {name} (bestanden: {n})").format(
                    name=folder.name, n=plan.folder_files
                )
            )
        if copies:
            lines.append(
                self.tr(
                    "\u2022 kopie\u00ebn van v\u00f3\u00f3r een update of herstel: {names}"
                ).format(names=", ".join(copies))
            )
        if plan.demo_copies:
            lines.append(
                self.tr("\u2022 de andere demokopie\u00ebn in {folder} (aantal: {n})").format(
                    folder=str(session.parent), n=len(plan.demo_copies)
                )
            )
        if plan.log_records:
            lines.append(
                self.tr(
                    "\u2022 de regels in het logboek die deze sessie noemen (aantal: {n}, in "
                    "{logs}); de rest van het logboek blijft"
                ).format(n=plan.log_records, logs=", ".join(p.name for p in plan.log_files))
            )
        else:
            lines.append(self.tr("\u2022 regels in het logboek over deze sessie: er zijn er geen"))
        lines.append(self.tr("\u2022 de vermelding onder Bestand > Recent geopend"))
        lines.append("")
        lines.append(
            self.tr(
                "Blijft staan: exports die je zelf hebt opgeslagen (Excel, PDF, JSON) en "
                "bestanden op USB-sticks of tafellaptops. Wissen kan niet ongedaan worden "
                "gemaakt."
            )
        )
        return "\n".join(lines)


def ask_to_erase(window: ConsoleHost) -> EraseSessionDialog | None:
    """Show the confirmation for the open session (window-modal, not blocking)."""
    controller = window.controller
    if controller is None:
        return None
    path = controller.session_file.path
    title = controller.session().title
    plan = erase_plan(path, **_folders())
    dialog = EraseSessionDialog(plan, title, window)

    def answered() -> None:
        if dialog.clickedButton() is dialog.erase_button:
            erase_now(window, path)

    dialog.finished.connect(answered)
    dialog.open()
    return dialog


def erase_now(window: ConsoleHost, path: Path) -> None:
    """Close the session, erase it with what belongs to it, and say what happened."""
    window.close_session()
    folders = _folders()
    demo = [str(p) for p in folders["demo_folder"].glob("Demo-*.tafelronde")]
    try:
        report = erase_session(path, **folders)
    except UserError as error:
        window.show_error(error.message(window.language))
        if not path.exists():
            window.settings.forget_recent(_spellings(path))
        window.show_start_page()
        return
    gone = _spellings(path) + [p for p in demo if not Path(p).exists()]
    window.settings.forget_recent(gone)
    window.show_start_page()
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "EraseSessionDialog",
            "Sessie gewist: verwijderde bestanden {files}, regels uit het logboek {lines}.",
        ).format(files=report.removed_files, lines=report.removed_log_records),
        15000,
    )


def _spellings(path: Path) -> list[str]:
    """The ways a path may stand in the recent list."""
    return list(dict.fromkeys([str(path), str(path.absolute()), str(path.resolve())]))
