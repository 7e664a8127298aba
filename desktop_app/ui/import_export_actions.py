"""The console's import and export: exchange files in (one report per file) and the
exchange file, the Excel workbook and the PDF harvest report out.

The workbook and the report are what the room's organisation keeps, so the menu
asks "Klaar voor de zaal?" first (the readiness gate); a target given by a test
or a script is written at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.core.errors import UserError
from desktop_app.ui.file_dialogs import start_folder

if TYPE_CHECKING:
    from desktop_app.ui.console_host import ConsoleHost
    from desktop_app.ui.import_report import ImportReportDialog
    from desktop_app.ui.readiness import ReadinessGate
    from desktop_app.ui.session_safety import SessionSafety


class ImportExportActions(QObject):
    """File > Importeren and the three exports, for the console window."""

    def __init__(
        self,
        window: ConsoleHost,
        safety: Callable[[], SessionSafety],
        readiness: Callable[[], ReadinessGate],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._safety = safety
        self._readiness = readiness
        self.import_report: ImportReportDialog | None = None

    def choose_and_import(self) -> None:
        from desktop_app.ui.file_dialogs import ask_open_files

        ask_open_files(
            self.window,
            self.tr("Uitwisselbestanden importeren"),
            start_folder(self.window.settings),
            self.tr("Uitwisselbestanden (*.json)"),
            self.import_paths,
        )

    def import_paths(self, files: list[Path]) -> list[str]:
        """Import each file on its own; report per file what happened. Returns the lines."""
        controller = self.window.controller
        if controller is None:
            return []
        from desktop_app.core.merge import Outcome
        from desktop_app.storage.exchange import import_document, read_exchange_file
        from desktop_app.ui.import_report import FileResult, ImportReportDialog

        lines: list[str] = []
        results: list[FileResult] = []
        self._safety().before_import()
        session_file = controller.session_file
        for path in files:
            try:
                document = read_exchange_file(path)
                report = import_document(session_file, document, source=path.name, consume=True)
            except UserError as error:
                reason = error.message(self.window.language)
                lines.append(
                    self.tr("{file}: geweigerd. {reason}").format(file=path.name, reason=reason)
                )
                results.append(FileResult(path.name, refused=reason))
                continue
            added, updated, unchanged = (
                report.total(Outcome.ADDED),
                report.total(Outcome.UPDATED),
                report.total(Outcome.UNCHANGED),
            )
            lines.append(
                self.tr(
                    "{file}: {added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd"
                ).format(file=path.name, added=added, updated=updated, unchanged=unchanged)
            )
            results.append(FileResult(path.name, added, updated, unchanged))
        if lines:
            dialog = ImportReportDialog(results, self.window)
            dialog.open()
            self.import_report = dialog
            refused = sum(1 for r in results if r.refused)
            self.window.statusBar().showMessage(
                self.tr("Import: {ok} samengevoegd, {refused} geweigerd").format(
                    ok=len(results) - refused, refused=refused
                ),
                15000,
            )
        return lines

    def _ask_target(
        self, caption: str, suffix: str, pattern: str, write: Callable[[Path], None]
    ) -> None:
        from desktop_app.ui.file_dialogs import ask_save_file

        if self.window.controller is None:
            return
        from desktop_app.storage.templates import safe_file_stem

        title = safe_file_stem(self.window.controller.session().title or self.tr("sessie"))
        suggested = Path(start_folder(self.window.settings)) / f"{title}{suffix}"
        ask_save_file(
            self.window, caption, suggested, pattern, suffix, lambda p: self._export(p, write)
        )

    def _export(self, target: Path | None, write: Callable[[Path], None]) -> None:
        if target is None:
            return
        try:
            write(target)
        except UserError as error:
            self.window.show_error(error.message(self.window.language))
            return
        self.window.settings.set("last_folder", str(target.parent))
        self.window.statusBar().showMessage(
            self.tr("Geëxporteerd: {path}").format(path=str(target)), 8000
        )

    def export_json(self, target: Path | None = None) -> None:
        """The exchange file; without ``target`` (the menu) ask where."""
        from desktop_app.storage.exchange import export_file

        if self.window.controller is None:
            return
        session_file = self.window.controller.session_file

        def write(path: Path) -> None:
            export_file(session_file, path)

        if isinstance(target, Path):
            self._export(target, write)
        else:
            self._ask_target(
                self.tr("Uitwisselbestand opslaan"),
                ".json",
                self.tr("Uitwisselbestanden (*.json)"),
                write,
            )

    def export_xlsx(self, target: Path | None = None) -> None:
        """The HR workbook; without ``target`` (the menu) ask where."""
        if self.window.controller is None:
            return
        controller = self.window.controller

        def write(path: Path) -> None:
            from desktop_app.export.workbook import write_workbook

            write_workbook(controller.snapshot(), path)

        self._harvest_export(
            target,
            write,
            self.tr("Excel-werkmap opslaan"),
            ".xlsx",
            self.tr("Excel-werkmappen (*.xlsx)"),
        )

    def export_pdf(self, target: Path | None = None) -> None:
        """The harvest report; without ``target`` (the menu) ask where."""
        if self.window.controller is None:
            return
        controller = self.window.controller

        def write(path: Path) -> None:
            from desktop_app.export.report import write_report

            write_report(controller.snapshot(), path)

        self._harvest_export(
            target, write, self.tr("Oogstverslag opslaan"), ".pdf", self.tr("PDF-bestanden (*.pdf)")
        )

    def _harvest_export(
        self,
        target: Path | None,
        write: Callable[[Path], None],
        title: str,
        suffix: str,
        file_filter: str,
    ) -> None:
        """Write to ``target``; without one, "Klaar voor de zaal?" first, then ask where."""
        if isinstance(target, Path):
            self._export(target, write)
        else:
            self._readiness().before(
                "export", lambda: self._ask_target(title, suffix, file_filter, write)
            )
