"""The log file: kept in the user's data folder, rotated at start once it is large."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app import paths
from desktop_app.logging_setup import KEEP_OLD_LOGS, rotate, setup_logging


def test_a_large_log_moves_aside_and_the_oldest_is_dropped(tmp_path: Path) -> None:
    log = tmp_path / "tafelronde.log"
    log.write_text("x" * 2_000, encoding="utf-8")
    for number in range(1, KEEP_OLD_LOGS + 1):
        log.with_name(f"tafelronde.log.{number}").write_text(f"old {number}", encoding="utf-8")
    rotate(log, max_bytes=1_000)
    assert not log.exists()
    assert log.with_name("tafelronde.log.1").read_text(encoding="utf-8") == "x" * 2_000
    assert log.with_name("tafelronde.log.2").read_text(encoding="utf-8") == "old 1"
    assert log.with_name(f"tafelronde.log.{KEEP_OLD_LOGS}").read_text(encoding="utf-8") == (
        f"old {KEEP_OLD_LOGS - 1}"
    )
    assert not log.with_name(f"tafelronde.log.{KEEP_OLD_LOGS + 1}").exists()


def test_a_small_log_and_a_missing_log_are_left_alone(tmp_path: Path) -> None:
    log = tmp_path / "tafelronde.log"
    rotate(log, max_bytes=1_000)  # nothing there yet: no error
    log.write_text("kort", encoding="utf-8")
    rotate(log, max_bytes=1_000)
    assert log.read_text(encoding="utf-8") == "kort"
    assert not log.with_name("tafelronde.log.1").exists()


def test_setup_logging_writes_to_the_data_folder() -> None:
    setup_logging()
    logging.getLogger("tafelronde.test").warning("proef 123")
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = paths.user_data_dir() / "logs" / "tafelronde.log"
    assert "proef 123" in log.read_text(encoding="utf-8")
    logging.basicConfig(force=True, handlers=[logging.NullHandler()])


def test_a_log_that_cannot_be_moved_is_kept_and_appended_to(tmp_path: Path) -> None:
    """E.g. open in a second instance on Windows: no error, no lost log."""
    log = tmp_path / "tafelronde.log"
    log.write_text("x" * 2_000, encoding="utf-8")
    for number in range(1, KEEP_OLD_LOGS + 1):  # nothing can be moved into place
        blocker = log.with_name(f"tafelronde.log.{number}")
        blocker.mkdir()
        (blocker / "in de weg").write_text("", encoding="utf-8")
    rotate(log, max_bytes=1_000)
    assert log.read_text(encoding="utf-8") == "x" * 2_000
