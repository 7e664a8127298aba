"""A full disk, or a disk that turns read-only, while the scribe types.

Real file systems, mounted for the test (root, as in CI; skipped otherwise): a
small tmpfs that is filled up, and an ext4 image on a loop device that the
kernel makes read-only as it does after a disk error (``errors=remount-ro``),
the way a USB stick fails. And a folder that is read-only from the start.
What the scribe typed stays in the field, the message says what happened and
what to do, and once there is room again the same Enter saves it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.storage.backups import list_backups
from desktop_app.storage.demo import create_demo_copy
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.console import phases
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.settings import Settings


def need_root(*tools: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a file system (CI runs as root)")
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"needs {tool}")


def mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs."""
    need_root("mount", "umount")
    point = tmp_path / "stick"
    point.mkdir()
    mount("-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point))
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def failing_stick(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """An ext4 file system on a loop device, and the switch that makes it fail.

    Writing to ``trigger_fs_error`` is the kernel's own way to test an ext4
    error; with ``errors=remount-ro`` the file system stops taking writes, as a
    USB stick with a bad sector does.
    """
    need_root("mount", "umount", "mkfs.ext4", "findmnt")
    image = tmp_path / "stick.img"
    with open(image, "wb") as handle:
        handle.truncate(16 * 1024 * 1024)
    subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], check=True, capture_output=True)
    point = tmp_path / "stick"
    point.mkdir()
    mount("-o", "loop,errors=remount-ro", str(image), str(point))
    try:
        source = subprocess.run(
            ["findmnt", "-n", "-o", "SOURCE", str(point)], capture_output=True, text=True
        ).stdout.strip()
        switch = Path("/sys/fs/ext4") / Path(source).name / "trigger_fs_error"
        if not switch.exists():
            pytest.skip("this kernel has no ext4 trigger_fs_error")
        yield point, switch
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ConsoleWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    console = ConsoleWindow(settings, phases())
    qtbot.addWidget(console)
    console.resize(1280, 800)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    yield console
    console.close()


def demo_on(folder: Path) -> Path:
    source = create_demo_copy(folder.parent / "demo-source")
    target = folder / "PMO Zwolle.tafelronde"
    with SessionFile.open_readonly(source) as sf:
        sf.backup_to(target)
    return target


def scribe_field(qtbot: QtBot, window: ConsoleWindow) -> RoundsPage:
    window.menus.phase_actions[1].trigger()  # Ctrl+2
    page = window.stack.currentWidget()
    assert isinstance(page, RoundsPage)
    page.grid.setCurrentCell(2, 0)
    page.scribe.edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scribe.edit)
    return page


def type_and_enter(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def error_box(qtbot: QtBot, window: ConsoleWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(getattr(window, "last_error", None), QMessageBox))
    box: QMessageBox = window.last_error  # type: ignore[attr-defined]
    qtbot.waitUntil(box.isVisible)
    return box


def close_box(qtbot: QtBot, window: ConsoleWindow, box: QMessageBox) -> None:
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    window.last_error = None  # type: ignore[attr-defined]


def stored_texts(path: Path) -> list[str]:
    with SessionFile.open_readonly(path) as sf:
        return [p.text for p in sf.proposals()]


def fill(disk: Path) -> Path:
    """Write until the file system says it is full."""
    filler = disk / "vakantiefoto's.zip"
    with open(filler, "wb") as handle, contextlib.suppress(OSError):
        while True:
            handle.write(bytes(64 * 1024))
            handle.flush()
    return filler


def test_a_full_disk_keeps_the_typed_text_and_saves_it_once_there_is_room(
    qtbot: QtBot, window: ConsoleWindow, small_disk: Path
) -> None:
    session = demo_on(small_disk)
    assert window.open_session(session)
    page = scribe_field(qtbot, window)
    type_and_enter(qtbot, "Voor het volraken")
    filler = fill(small_disk)

    text = "Tilhulp in elke bus, ook bij de ploegendienst"
    type_and_enter(qtbot, text)

    box = error_box(qtbot, window)
    assert "De schijf is vol" in box.text() and "Maak ruimte vrij" in box.text()
    assert "Traceback" not in box.text() and "Errno" not in box.text()
    assert page.scribe.edit.toPlainText() == text  # nothing typed is lost
    assert text not in stored_texts(session)
    close_box(qtbot, window, box)
    # A phase change wants a backup: refused in the status bar, nothing breaks.
    automatic = window.safety.backups
    assert automatic is not None
    with qtbot.waitSignal(automatic.failed):
        window.menus.phase_actions[2].trigger()
    assert "Geen reservekopie" in window.statusBar().currentMessage()
    assert list_backups(session) == []
    # (Remembering the phase needs the disk too: that says so again.)
    close_box(qtbot, window, error_box(qtbot, window))
    page = scribe_field(qtbot, window)
    assert page.scribe.edit.toPlainText() == text

    filler.unlink()  # room again
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.scribe.edit.toPlainText() == "")
    assert stored_texts(session)[-2:] == ["Voor het volraken", text]
    type_and_enter(qtbot, "En daarna gewoon door")
    assert stored_texts(session)[-1] == "En daarna gewoon door"
    window.close_session()
    conn = sqlite3.connect(f"file:{session}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_stick_that_turns_read_only_keeps_the_text_and_a_copy_can_be_saved(
    qtbot: QtBot, window: ConsoleWindow, failing_stick: tuple[Path, Path], tmp_path: Path
) -> None:
    stick, switch = failing_stick
    session = demo_on(stick)
    assert window.open_session(session)
    page = scribe_field(qtbot, window)
    type_and_enter(qtbot, "Opgeslagen voor de storing")
    switch.write_text("test\n")  # the stick fails: from now on it takes no writes

    text = "Bloeddruk meten bij de jaarlijkse keuring"
    type_and_enter(qtbot, text)

    box = error_box(qtbot, window)
    message = box.text()
    assert "niet opgeslagen" in message or "alleen-lezen" in message
    assert "Kopie opslaan als" in message  # what to do
    assert "disk I/O error" not in message and "Errno" not in message
    assert page.scribe.edit.toPlainText() == text
    close_box(qtbot, window, box)
    assert page.scribe.edit.toPlainText() == text

    # What the message says: save a copy on another disk and carry on there.
    copy = tmp_path / "PMO Zwolle (kopie).tafelronde"
    assert window.sessions.save_copy(copy) == copy
    assert stored_texts(copy)[-1] == "Opgeslagen voor de storing"
    typed = page.scribe.edit.toPlainText()
    assert window.open_session(copy)
    page = scribe_field(qtbot, window)
    type_and_enter(qtbot, typed)
    assert stored_texts(copy)[-1] == text


def test_a_read_only_folder_is_refused_and_a_copy_here_offered(
    qtbot: QtBot, window: ConsoleWindow, tmp_path: Path
) -> None:
    from desktop_app import paths

    folder = tmp_path / "stick"
    folder.mkdir()
    session = demo_on(folder)
    before = session.read_bytes()
    if os.geteuid() == 0:  # root writes through permissions: make the mount read-only
        need_root("mount", "umount")
        mount("--bind", str(folder), str(folder))
        mount("-o", "remount,ro,bind", str(folder))
    else:
        folder.chmod(0o555)
    try:
        assert not window.open_session(session)
        box = window.safety.read_only_message
        assert box is not None
        qtbot.waitUntil(box.isVisible)
        assert "alleen-lezen" in box.text() and "kopie" in box.text()
        assert window.controller is None
        with qtbot.waitSignal(window.session_opened):
            qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: a copy on this laptop
        assert window.controller is not None
        copy = window.controller.session_file.path
        assert copy.parent == paths.documents_dir()
        page = scribe_field(qtbot, window)
        type_and_enter(qtbot, "In de kopie gaat het verder")
        assert page.scribe.edit.toPlainText() == ""
        assert stored_texts(copy)[-1] == "In de kopie gaat het verder"
        assert session.read_bytes() == before
    finally:
        window.close_session()
        if os.geteuid() == 0:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            folder.chmod(0o755)
