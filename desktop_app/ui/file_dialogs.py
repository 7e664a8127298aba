"""Open, save and folder dialogs: Qt's own, in the app's language, never blocking.

The platform's native dialog speaks the language of the operating system, so a
Dutch console on an English laptop (or the English interface on a Dutch one)
showed a dialog in two languages. Qt's own dialog takes its texts from the
qtbase translation that ``app.install_translators`` loads for the chosen
language, so it always speaks the language of the rest of the app. It is also
opened with ``open()`` instead of a nested event loop: the console stays
responsive (the beamer keeps counting down) and the tests drive the dialog as
a user does, by typing a name into it and pressing Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from desktop_app.ui.settings import Settings

DIALOG_NAME = "fileDialog"


def _dialog(parent: QWidget, caption: str, directory: str, name_filter: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setObjectName(DIALOG_NAME)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    parent.file_dialog = dialog  # type: ignore[attr-defined]  # for tests and focus
    return dialog


def ask_open_file(
    parent: QWidget,
    caption: str,
    directory: str,
    name_filter: str,
    chosen: Callable[[Path], object],
) -> QFileDialog:
    """Ask for one existing file; ``chosen`` is called with it (not when cancelled)."""
    dialog = _dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.fileSelected.connect(lambda path: chosen(Path(path)) if path else None)
    dialog.open()
    return dialog


def ask_open_files(
    parent: QWidget,
    caption: str,
    directory: str,
    name_filter: str,
    chosen: Callable[[list[Path]], object],
) -> QFileDialog:
    """Ask for one or more existing files."""
    dialog = _dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.filesSelected.connect(lambda paths: chosen([Path(p) for p in paths]) if paths else None)
    dialog.open()
    return dialog


def ask_save_file(
    parent: QWidget,
    caption: str,
    suggested: Path,
    name_filter: str,
    suffix: str,
    chosen: Callable[[Path], object],
) -> QFileDialog:
    """Ask where to save; the name gets ``suffix`` (".xlsx") when the user left it off."""
    dialog = _dialog(parent, caption, str(suggested.parent), name_filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.selectFile(suggested.name)

    def picked(path: str) -> None:
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix.lower():
            target = target.with_name(target.name + suffix)
        chosen(target)

    dialog.fileSelected.connect(picked)
    dialog.open()
    return dialog


def ask_folder(
    parent: QWidget, caption: str, directory: str, chosen: Callable[[Path], object]
) -> QFileDialog:
    """Ask for a folder (for instance the USB stick)."""
    dialog = _dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(lambda path: chosen(Path(path)) if path else None)
    dialog.open()
    return dialog


def start_folder(settings: Settings) -> str:
    """Where a file dialog starts: the folder last used, else the documents folder."""
    from desktop_app import paths

    last = settings.get("last_folder")
    return last or str(paths.documents_dir())
