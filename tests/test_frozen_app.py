"""The installable app: build the one-folder app with scripts/build_installer.sh, then run it.

What a facilitator gets on a laptop without Python: ``--version``, importing and
exporting a session (Excel and PDF), and the window opening, offscreen and on an
X screen (Xvfb) when there is one. Also with no stdout/stderr at all, as a
windowed Windows app starts.

Slow (a fresh venv and a PyInstaller build: a few minutes). To try the tests on an
app folder that is already built, set TAFELRONDE_FROZEN_APP=dist/tafelronde.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app import __version__

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo.json"
BUILD_TIMEOUT = 1500  # seconds; 1-2 minutes on 2 cores, 4-6 when numpy must be built
RUN_TIMEOUT = 120

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the test build is the Linux app"),
]


@pytest.fixture(scope="module")
def app_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built one-folder app (built once for this module)."""
    prebuilt = os.environ.get("TAFELRONDE_FROZEN_APP")
    if prebuilt:
        yield Path(prebuilt).resolve()
        return
    where = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [
            "bash",
            str(ROOT / "scripts" / "build_installer.sh"),
            "--dist",
            str(where / "dist"),
            "--work",
            str(where / "build"),
            # numpy built for the app (Linux, a few minutes) is kept between runs.
            "--wheels",
            str(ROOT / "build" / "wheels"),
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
    yield where / "dist" / "tafelronde"
    shutil.rmtree(where / "build", ignore_errors=True)  # the venv: hundreds of MB


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user with empty data and documents folders, Dutch."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "QT_", "MPL")) and key != "VIRTUAL_ENV"
    }
    env.update(
        TAFELRONDE_DATA_DIR=str(tmp_path / "data"),
        TAFELRONDE_DOCUMENTS_DIR=str(tmp_path / "Documents" / "Tafelronde"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TAFELRONDE_LANG="nl",
    )
    return env


def run(
    app: Path, *args: str, env: dict[str, str], **kwargs: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app / "tafelronde"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=RUN_TIMEOUT,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_the_app_is_one_folder_with_its_shipped_files(app_folder: Path) -> None:
    assert (app_folder / "tafelronde").is_file()
    assert os.access(app_folder / "tafelronde", os.X_OK)
    internal = app_folder / "_internal" / "desktop_app"
    assert (internal / "data" / "demo.json").is_file()
    assert (internal / "resources" / "icons" / "app" / "tafelronde.png").is_file()
    assert (internal / "resources" / "translations" / "tafelronde_en.qm").is_file()
    # One Qt binding, and no Qt modules the app does not use.
    bundled = {p.name for p in (app_folder / "_internal").iterdir()}
    assert not bundled & {"PyQt5", "PyQt6", "PySide2", "tkinter"}
    qt_modules = {
        p.name.split(".")[0] for p in (app_folder / "_internal" / "PySide6").glob("Qt*.so")
    }
    assert qt_modules == {"QtCore", "QtGui", "QtWidgets", "QtSvg"}


def test_the_trimmed_icu_data_still_serves_qt(app_folder: Path) -> None:
    """The shipped ICU libraries with the shipped (trimmed) data: collation, time zone
    names, case mapping and converters, as Qt calls them (installer/icu_data.py)."""
    lib = app_folder / "_internal" / "PySide6" / "Qt" / "lib"
    (data,) = lib.glob("libicudata.so.*")
    assert data.stat().st_size < 12 * 1024 * 1024  # trimmed: the full data is 31 MB
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "icu_data.py"), "check", str(lib)],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_version(app_folder: Path, user_env: dict[str, str]) -> None:
    result = run(app_folder, "--version", env=user_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"tafelronde {__version__}"


def test_import_then_export_to_excel_and_pdf(
    app_folder: Path, user_env: dict[str, str], tmp_path: Path
) -> None:
    session = tmp_path / "demo.tafelronde"
    imported = run(app_folder, "import", str(DEMO), "--session", str(session), env=user_env)
    assert imported.returncode == 0, imported.stderr
    assert "toegevoegd" in imported.stdout

    workbook_path = tmp_path / "oogst.xlsx"
    report_path = tmp_path / "oogst.pdf"
    exported = run(
        app_folder,
        "export",
        str(session),
        "--xlsx",
        str(workbook_path),
        "--pdf",
        str(report_path),
        env=user_env,
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr == ""

    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    typed = {p["text"] for p in demo["proposals"] if not p.get("deleted")}
    workbook = load_workbook(workbook_path, read_only=True)
    assert "Voorstellen" in workbook.sheetnames
    rows = workbook["Voorstellen"].iter_rows(min_row=2, values_only=True)
    in_workbook = {cell for row in rows for cell in row if isinstance(cell, str)}
    assert typed <= in_workbook  # every proposal, exactly as typed
    workbook.close()

    report = PdfReader(report_path)
    assert len(report.pages) >= 1
    assert demo["session"]["title"].split()[0] in report.pages[0].extract_text()


def test_a_cli_error_is_one_line_and_exit_2(
    app_folder: Path, user_env: dict[str, str], tmp_path: Path
) -> None:
    result = run(
        app_folder,
        "export",
        str(tmp_path / "missing.tafelronde"),
        "--xlsx",
        "x.xlsx",
        env=user_env,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


SHOWN = re.compile(r"^shown \d+$", re.MULTILINE)
READY = re.compile(r"^ready \d+$", re.MULTILINE)  # the demo open, its first page painted


def test_the_window_opens_offscreen_on_the_demo(app_folder: Path, user_env: dict[str, str]) -> None:
    env = {**user_env, "QT_QPA_PLATFORM": "offscreen", "TAFELRONDE_EXIT_AFTER_SHOWN": "1"}
    result = run(app_folder, "--demo", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert SHOWN.search(result.stdout), result.stdout + result.stderr
    assert READY.search(result.stdout), result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    demo_copies = list((Path(user_env["TAFELRONDE_DATA_DIR"])).rglob("*.tafelronde"))
    assert demo_copies, "the demo was not opened"


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (xvfb-run)")
def test_the_window_opens_on_an_x_screen(app_folder: Path, user_env: dict[str, str]) -> None:
    env = {**user_env, "QT_QPA_PLATFORM": "xcb", "TAFELRONDE_EXIT_AFTER_SHOWN": "1"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x900x24", str(app_folder / "tafelronde"), "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert SHOWN.search(result.stdout), result.stdout + result.stderr
    assert READY.search(result.stdout), result.stdout + result.stderr


def test_no_stdout_or_stderr_at_all_is_no_crash(
    app_folder: Path, user_env: dict[str, str], tmp_path: Path
) -> None:
    """As a windowed Windows app starts: the GUI and a failing command both log instead."""
    env = {**user_env, "QT_QPA_PLATFORM": "offscreen", "TAFELRONDE_EXIT_AFTER_SHOWN": "1"}
    app = str(app_folder / "tafelronde")
    # The shell closes descriptors 1 and 2 before starting the app: Python then
    # starts with sys.stdout and sys.stderr set to None.
    gui = subprocess.run(
        ["sh", "-c", 'exec "$0" --demo >&- 2>&-', app],
        env=env,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    failing = subprocess.run(
        ["sh", "-c", 'exec "$0" export "$1" --xlsx out.xlsx >&- 2>&-', app, "missing.tafelronde"],
        env=env,
        cwd=tmp_path,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert gui.returncode == 0
    assert failing.returncode == 2  # the clear error, not a crash (1)
    log = (Path(user_env["TAFELRONDE_DATA_DIR"]) / "logs" / "tafelronde.log").read_text(
        encoding="utf-8"
    )
    assert SHOWN.search(log.replace("tafelronde.stream: ", "\n")), log
    assert "missing.tafelronde" in log
    assert "Traceback" not in log


def test_the_room_serves_from_the_frozen_app(
    app_folder: Path, user_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 16: aiohttp, segno and the phone pages are in the app; the folder's size."""
    import signal
    import socket
    import urllib.request

    session = tmp_path / "zaal.tafelronde"
    imported = run(app_folder, "import", str(DEMO), "--session", str(session), env=user_env)
    assert imported.returncode == 0, imported.stderr
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            str(app_folder / "tafelronde"),
            "room",
            str(session),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=user_env,
    )
    try:
        assert process.stdout is not None
        join_url = process.stdout.readline().strip()
        assert join_url.startswith(f"http://127.0.0.1:{port}/j/"), process.stderr
        base = join_url.split("/j/")[0]
        with urllib.request.urlopen(f"{base}/test", timeout=30) as response:  # the test page
            assert "/static/room.js" in response.read().decode()
        with urllib.request.urlopen(f"{base}/static/room.js", timeout=30) as response:
            assert b"localStorage" in response.read()
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=RUN_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    size = sum(
        p.stat().st_size for p in app_folder.rglob("*") if p.is_file() and not p.is_symlink()
    )
    assert size < 150 * 1024 * 1024  # the budget, with the room server included
