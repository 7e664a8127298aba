"""Entry point of the frozen app (PyInstaller): the same as the ``tafelronde`` command.

A windowed build on Windows starts with ``sys.stdout`` and ``sys.stderr`` set to
None; they are pointed at the log file before anything can write to them.

PyInstaller's matplotlib hook gives matplotlib a fresh temporary config folder on
every start, so it would rebuild its font cache (seconds) each time; a folder in
the user's data folder keeps the cache between starts.
"""

import os

from desktop_app import paths
from desktop_app.logging_setup import guard_missing_streams

guard_missing_streams()
os.environ["MPLCONFIGDIR"] = str(paths.user_data_dir() / "matplotlib")

from desktop_app.cli import main  # noqa: E402

raise SystemExit(main())
