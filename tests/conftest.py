"""Shared fixtures: a fresh session file in a tmp dir, offscreen Qt, isolated user folders."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.storage.exchange import import_document, read_exchange_file
from desktop_app.storage.session_file import SessionFile


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the developer's own Documents, data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TAFELRONDE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("TAFELRONDE_DOCUMENTS_DIR", str(home / "Documents" / "Tafelronde"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("TAFELRONDE_LANG", "nl")


@pytest.fixture(autouse=True)
def _deferred_deletes_of_this_test() -> Iterator[None]:
    """Carry out the test's deleteLater() calls (pytest-qt's closing of its widgets too)
    at the end of that test.

    Without a running event loop Qt keeps them until some later test starts one
    (``qtbot.wait``/``waitUntil``), which then deletes the objects of dozens of
    tests at once, long after what they were connected to is gone.
    """
    yield
    if "PySide6.QtCore" not in sys.modules:
        return  # this test run has not touched Qt
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return tmp_path / "sessie.tafelronde"


@pytest.fixture
def session_file(session_path: Path) -> Iterator[SessionFile]:
    """A fresh, empty, writable session file."""
    sf = SessionFile.create(session_path, title="Testsessie")
    yield sf
    sf.close()


@pytest.fixture
def demo_document() -> dict[str, object]:
    return read_exchange_file(paths.shipped_data_dir() / "demo.json")


@pytest.fixture
def demo_session(tmp_path: Path, demo_document: dict[str, object]) -> Iterator[SessionFile]:
    """A writable session file holding the shipped demo."""
    sf = SessionFile.create(tmp_path / "demo.tafelronde")
    import_document(sf, demo_document, source="demo.json")
    yield sf
    sf.close()
