"""Where the app finds its shipped files and keeps the user's files.

Shipped files (``resources/`` and ``data/``) sit beside the package in a source
checkout and inside it in a wheel or a frozen build; both are found here so no
other module needs to know. No Qt: the CLI uses this too.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def _shipped(name: str) -> Path:
    package = Path(__file__).resolve().parent
    for folder in (package / name, package.parent / name):  # wheel or frozen; checkout
        if folder.is_dir():
            return folder
    # Not on the file system beside this module (a zip import, say): ask the loader.
    # Imported only here: importlib.resources would cost every start 5 ms.
    from importlib import resources

    return Path(str(resources.files("desktop_app"))) / name


def resources_dir() -> Path:
    """The folder with icons, styles, translations, templates and vocabularies."""
    return _shipped("resources")


def resource(relative: str) -> Path:
    """A file below ``resources/``, e.g. ``resource("templates/blank.json")``."""
    return resources_dir() / relative


def shipped_data_dir() -> Path:
    """The folder with the demo session shipped with the app (never written)."""
    return _shipped("data")


def user_data_dir() -> Path:
    """Per-user folder for the app's own files (demo copies, logs, settings)."""
    override = os.environ.get("TAFELRONDE_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "Tafelronde"


def documents_dir() -> Path:
    """Default folder for session files: Documents/Tafelronde."""
    override = os.environ.get("TAFELRONDE_DOCUMENTS_DIR")
    if override:
        return Path(override)
    home = Path.home()
    for name in ("Documents", "Documenten"):
        if (home / name).is_dir():
            return home / name / "Tafelronde"
    return home / "Documents" / "Tafelronde"
