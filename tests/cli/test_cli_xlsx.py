"""``tafelronde export PATH --xlsx OUT`` from a shell, as a facilitator or HR would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.paths import shipped_data_dir
from desktop_app.storage.session_file import SessionFile

ROOT = Path(__file__).resolve().parents[2]


def tafelronde(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TAFELRONDE_LANG": "nl"},
        check=False,
        timeout=120,
    )


def demo_session(tmp_path: Path) -> Path:
    session = tmp_path / "demo.tafelronde"
    result = tafelronde("import", str(shipped_data_dir() / "demo.json"), "--session", str(session))
    assert result.returncode == 0, result.stderr
    return session


def others(folder: Path) -> list[str]:
    """Files besides the session's own (its WAL, shared memory and lock files)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("demo.tafelronde"))


def test_export_of_the_demo_writes_a_workbook_hr_can_open(tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    target = tmp_path / "oogst.xlsx"
    result = tafelronde("export", str(session), "--xlsx", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(target) in result.stdout
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Sessie", "Voorstellen", "Thema's", "Stemmen", "Actieplan"]
    with SessionFile.open_readonly(session) as sf:
        snapshot = sf.snapshot()
    texts = [row[5] for row in workbook["Voorstellen"].iter_rows(min_row=2, values_only=True)]
    assert sorted(texts) == sorted(p.text for p in snapshot.live_proposals())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


def test_a_target_in_a_missing_folder_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path,
) -> None:
    session = demo_session(tmp_path)
    target = tmp_path / "bestaat-niet" / "oogst.xlsx"
    before = others(tmp_path)
    result = tafelronde("export", str(session), "--xlsx", str(target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "bestaat-niet" in result.stderr and "Traceback" not in result.stderr
    assert not target.parent.exists()
    assert others(tmp_path) == before == []


def test_a_folder_as_target_is_refused_and_left_alone(tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    target = tmp_path / "map.xlsx"
    target.mkdir()
    result = tafelronde("export", str(session), "--xlsx", str(target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert target.is_dir() and list(target.iterdir()) == []
