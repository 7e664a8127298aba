"""Log to a rotating file in the user's data folder; survive a missing console.

A windowed build on Windows has ``sys.stdout`` and ``sys.stderr`` set to None;
anything that writes to them would crash, so they are pointed at the log.

The log is rotated when the app starts, not while it runs: ``logging.handlers``
(with socket, pickle and queue) would add a hundredth of a second to every start,
and a session day writes far less than the limit.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from desktop_app import paths


class _LogStream:
    """A file-like stand-in for a missing stdout/stderr that writes to the log."""

    def __init__(self, level: int) -> None:
        self._logger = logging.getLogger("tafelronde.stream")
        self._level = level

    def write(self, text: str) -> int:
        if text.strip():
            self._logger.log(self._level, text.rstrip())
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


#: A log larger than this at start is moved aside as tafelronde.log.1 (then .2, .3).
MAX_LOG_BYTES = 1_000_000
KEEP_OLD_LOGS = 3


def rotate(log: Path, max_bytes: int = MAX_LOG_BYTES, keep: int = KEEP_OLD_LOGS) -> None:
    """Move ``log`` to ``log.1`` (and older ones one up, dropping the oldest) once it
    is larger than ``max_bytes``."""
    try:
        if log.stat().st_size <= max_bytes:
            return
    except OSError:
        return  # no log yet
    try:
        for number in range(keep, 0, -1):
            older = log.with_name(f"{log.name}.{number}")
            newer = log.with_name(f"{log.name}.{number - 1}") if number > 1 else log
            if newer.exists():
                newer.replace(older)
    except OSError:
        pass  # open in another instance (Windows): keep appending to it


def setup_logging() -> None:
    folder = paths.user_data_dir() / "logs"
    handlers: list[logging.Handler] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "tafelronde.log"
        rotate(log)
        handlers.append(logging.FileHandler(log, encoding="utf-8"))
    except OSError:
        pass  # no log file is better than no app
    if sys.stderr is not None and not isinstance(sys.stderr, _LogStream):
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        handlers.append(console)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
    if sys.stdout is None:
        sys.stdout = _LogStream(logging.INFO)
    if sys.stderr is None:
        sys.stderr = _LogStream(logging.ERROR)


def guard_missing_streams() -> None:
    """Set up logging at once if stdout or stderr is missing (windowed or detached start).

    Called first thing by the frozen app and the ``tafelronde-gui`` script, so even
    the command-line paths, which write to stdout and stderr, cannot crash on None.
    """
    if sys.stdout is None or sys.stderr is None:
        setup_logging()
