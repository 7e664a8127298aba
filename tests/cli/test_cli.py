"""The command line end to end, in a subprocess, including every refusal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app import __version__, paths

SESSION_ID = "0e6f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01"


def tafelronde(*args: str, lang: str = "nl") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TAFELRONDE_LANG=lang)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def laptop_file(folder: Path, name: str, proposals: list[dict[str, Any]], **extra: Any) -> Path:
    document = {
        "format": "tafelronde-exchange",
        "version": 1,
        "session": {
            "id": SESSION_ID,
            "title": "Sessie Zwolle",
            "updated_at": "2026-03-12T12:00:00Z",
        },
        "tables": [
            {
                "id": "00000000-0000-4000-8000-000000000002",
                "name": "Tafel 1",
                "updated_at": "2026-03-12T12:00:00Z",
            }
        ],
        "rounds": [
            {
                "id": "00000000-0000-4000-8000-000000000003",
                "number": 1,
                "question": "Wat?",
                "updated_at": "2026-03-12T12:00:00Z",
            }
        ],
        "proposals": proposals,
        **extra,
    }
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def proposal(
    n: int, text: str, updated_at: str = "2026-03-12T12:00:00Z", **extra: Any
) -> dict[str, Any]:
    return {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "round_id": "00000000-0000-4000-8000-000000000003",
        "table_id": "00000000-0000-4000-8000-000000000002",
        "text": text,
        "updated_at": updated_at,
        **extra,
    }


def assert_refused(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert tafelronde("--version").stdout.strip() == f"tafelronde {__version__}"
    help_text = tafelronde("--help").stdout
    assert "--demo" in help_text and "import" in help_text and "export" in help_text


def test_import_creates_the_session_and_merges_laptops(tmp_path: Path) -> None:
    session = tmp_path / "zwolle.tafelronde"
    a = laptop_file(tmp_path, "a.json", [proposal(10, "=WAAR()"), proposal(11, "Fruit 🍎")])
    b = laptop_file(
        tmp_path,
        "b.json",
        [proposal(10, "=WAAR() later", "2026-03-12T13:00:00Z"), proposal(12, "x" * 1900)],
    )
    first = tafelronde("import", str(a), str(b), "--session", str(session))
    assert first.returncode == 0, first.stderr
    assert "a.json: " in first.stdout and "b.json: " in first.stdout
    again = tafelronde("import", str(a), "--session", str(session))
    assert "0 toegevoegd" in again.stdout
    out = tmp_path / "uit.json"
    exported = tafelronde("export", str(session), "--json", str(out))
    assert exported.returncode == 0, exported.stderr
    texts = [p["text"] for p in json.loads(out.read_text("utf-8"))["proposals"] if not p["deleted"]]
    assert texts == ["=WAAR() later", "Fruit 🍎", "x" * 1900]


def test_refused_file_writes_nothing_and_a_new_session_is_not_left_behind(tmp_path: Path) -> None:
    session = tmp_path / "nieuw.tafelronde"
    good = laptop_file(tmp_path, "goed.json", [proposal(10, "Goed")])
    dangling = laptop_file(
        tmp_path,
        "fout.json",
        [proposal(11, "Fout") | {"round_id": "00000000-0000-4000-8000-000000000999"}],
    )
    result = tafelronde("import", str(good), str(dangling), "--session", str(session))
    assert_refused(result)
    assert "/proposals/0/round_id" in result.stderr
    assert not session.exists()


def test_existing_session_untouched_by_a_refused_import(tmp_path: Path) -> None:
    session = tmp_path / "s.tafelronde"
    tafelronde(
        "import",
        str(laptop_file(tmp_path, "a.json", [proposal(10, "Eerst")])),
        "--session",
        str(session),
    )
    before = tafelronde("export", str(session), "--json", str(tmp_path / "voor.json"))
    assert before.returncode == 0
    other = laptop_file(tmp_path, "ander.json", [proposal(20, "Ander")])
    data = json.loads(other.read_text("utf-8"))
    data["session"]["id"] = "11111111-1111-4111-8111-111111111111"
    other.write_text(json.dumps(data), "utf-8")
    assert_refused(tafelronde("import", str(other), "--session", str(session)))
    tafelronde("export", str(session), "--json", str(tmp_path / "na.json"))

    def strip(p):
        return {k: v for k, v in json.loads(p.read_text("utf-8")).items() if k != "exported_at"}

    assert strip(tmp_path / "voor.json") == strip(tmp_path / "na.json")


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        ("{not json", "geen geldig uitwisselbestand"),
        ("[1, 2]", "geweigerd"),
        ('{"format": "tafelronde-exchange", "version": 2, "session": {}}', "/version"),
    ],
)
def test_malformed_files_are_refused(tmp_path: Path, content: str, expect: str) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text(content, "utf-8")
    result = tafelronde("import", str(bad), "--session", str(tmp_path / "s.tafelronde"))
    assert_refused(result)
    assert expect in result.stderr


def test_refusals_of_session_files(tmp_path: Path) -> None:
    text_file = tmp_path / "notitie.tafelronde"
    text_file.write_text("hallo", "utf-8")
    assert_refused(tafelronde("export", str(text_file), "--json", str(tmp_path / "x.json")))
    assert_refused(
        tafelronde(
            "export", str(tmp_path / "bestaat-niet.tafelronde"), "--json", str(tmp_path / "x.json")
        )
    )
    assert not (tmp_path / "x.json").exists()
    english = tafelronde("export", str(text_file), "--json", str(tmp_path / "x.json"), lang="en")
    assert "is not a Tafelronde session file" in english.stderr


def test_usage_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    assert_refused(tafelronde("import", "--session", str(tmp_path / "s.tafelronde")))
    assert_refused(tafelronde("export", str(tmp_path / "s.tafelronde")))
    assert_refused(tafelronde("export"))


def test_export_to_a_missing_folder_is_refused(tmp_path: Path) -> None:
    session = tmp_path / "s.tafelronde"
    tafelronde("import", str(paths.shipped_data_dir() / "demo.json"), "--session", str(session))
    result = tafelronde("export", str(session), "--json", str(tmp_path / "nee" / "uit.json"))
    assert_refused(result)
    assert "bestaat niet" in result.stderr


NO_QT = """
import sys
from desktop_app import cli
code = cli.main(sys.argv[1:])
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 imported"
print("no-qt", code)
"""


def test_import_and_export_never_import_qt(tmp_path: Path) -> None:
    session = tmp_path / "s.tafelronde"
    demo = str(paths.shipped_data_dir() / "demo.json")
    for args in (
        ["import", demo, "--session", str(session)],
        ["export", str(session), "--json", str(tmp_path / "o.json")],
    ):
        result = subprocess.run(
            [sys.executable, "-c", NO_QT, *args], capture_output=True, text=True, timeout=120
        )
        assert result.stdout.strip().endswith("no-qt 0"), result.stderr
