"""``tafelronde room PATH`` end to end, in a subprocess: URL first, clean stop, one writer."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def room(path: Path, port: int, lang: str = "nl") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "room",
            str(path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, TAFELRONDE_LANG=lang),
    )


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_the_first_line_is_the_join_url_and_a_signal_stops_it_cleanly(
    demo_path: Path, stop: signal.Signals
) -> None:
    port = free_port()
    process = room(demo_path, port)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith(f"http://127.0.0.1:{port}/j/")
        code = first.rsplit("/", 1)[1]
        assert len(code) == 6 and code.isdigit()
        assert f"deelnamecode: {code}" in process.stdout.readline()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/test", timeout=10) as response:
            assert response.status == 200
            assert "test de zaal" in response.read().decode().lower()
        # The GUI (or another room) on the same file: the writer lock's clear message.
        second = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "room",
                str(demo_path),
                "--port",
                str(free_port()),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ, TAFELRONDE_LANG="nl"),
        )
        assert second.returncode == 2
        assert "al geopend in een ander Tafelronde-venster" in second.stderr
        assert second.stdout == ""
        process.send_signal(stop)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "zaal gesloten" in out
    assert not demo_path.with_name(demo_path.name + ".lock").exists()  # lock released
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_a_port_in_use_is_one_clear_line(demo_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "room",
                str(demo_path),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ, TAFELRONDE_LANG="en"),
        )
    assert result.returncode == 2
    assert result.stderr.strip() == f"Port {port} on 127.0.0.1 is in use: choose another port."
    assert result.stdout == ""
