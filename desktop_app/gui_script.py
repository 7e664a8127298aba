"""The ``tafelronde-gui`` entry point (no console window on Windows).

It takes the same arguments as ``tafelronde`` (cli.py), which opens the GUI
through app.py. This lives apart from app.py so that app.py and cli.py do not
import each other: cli.py -> app.py, and this module -> cli.py.
"""

from __future__ import annotations

from desktop_app.cli import main as cli_main
from desktop_app.logging_setup import guard_missing_streams


def main() -> int:
    """Guard the missing stdout/stderr of a windowed start, then run the command line."""
    guard_missing_streams()  # pythonw on Windows: no stdout/stderr
    return cli_main()
