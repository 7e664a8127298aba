"""`tafelronde suggest PATH --json`: suggestions for a session file, without Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app import paths
from desktop_app.core.model import Kind
from desktop_app.storage.exchange import import_document, read_exchange_file
from desktop_app.storage.session_file import SessionFile

# Runs the CLI and reports, on stderr's last line, whether any PySide6 module was loaded.
_RUN = (
    "import sys\n"
    "from desktop_app.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
    "sys.stderr.write('\\nQT:' + ','.join(loaded) + '\\n')\n"
    "raise SystemExit(code)\n"
)


def run_suggest(*args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    env = dict(os.environ, TAFELRONDE_LANG="nl")
    done = subprocess.run(
        [sys.executable, "-c", _RUN, "suggest", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    assert last.startswith("QT:"), done.stderr
    return done, [m for m in last[3:].split(",") if m]


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.tafelronde"
    sf = SessionFile.create(path)
    import_document(sf, read_exchange_file(paths.shipped_data_dir() / "demo.json"), source="demo")
    # One tombstoned proposal must not be suggested.
    sf.delete(Kind.PROPOSAL, sf.proposals()[0].id)
    sf.close()
    return path


def live_ids(path: Path) -> set[str]:
    with SessionFile.open_readonly(path) as sf:
        return {p.id for p in sf.proposals()}


def test_suggest_json_has_the_documented_shape(demo_path: Path) -> None:
    done, qt_modules = run_suggest(str(demo_path), "--json")
    assert done.returncode == 0, done.stderr
    assert qt_modules == []
    result: dict[str, Any] = json.loads(done.stdout)
    assert set(result) == {"duplicates", "themes"}
    live = live_ids(demo_path)
    for pair in result["duplicates"]:
        assert isinstance(pair, list) and len(pair) == 2
        assert pair[0] != pair[1] and set(pair) <= live
    assert result["themes"], "the demo has themes to suggest"
    seen: list[str] = []
    for theme in result["themes"]:
        assert set(theme) == {"name", "proposal_ids"}
        assert isinstance(theme["name"], str) and theme["name"].strip()
        assert theme["proposal_ids"] and set(theme["proposal_ids"]) <= live
        seen.extend(theme["proposal_ids"])
    assert len(seen) == len(set(seen)), "a live proposal is in at most one suggested theme"


def test_suggest_is_deterministic(demo_path: Path) -> None:
    first, _ = run_suggest(str(demo_path), "--json")
    second, _ = run_suggest(str(demo_path), "--json")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout


def test_suggest_without_json_prints_a_summary(demo_path: Path) -> None:
    done, qt_modules = run_suggest(str(demo_path))
    assert done.returncode == 0
    assert qt_modules == []
    assert "voorgestelde thema's" in done.stdout.splitlines()[0]


def test_suggest_refuses_a_missing_file_in_one_line(tmp_path: Path) -> None:
    done, _ = run_suggest(str(tmp_path / "nope.tafelronde"), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    message = [line for line in done.stderr.splitlines() if line and not line.startswith("QT:")]
    assert len(message) == 1 and "nope.tafelronde" in message[0]
