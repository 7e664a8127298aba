"""``tafelronde export PATH --pdf OUT`` from a shell: the harvest report, without Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from desktop_app.paths import shipped_data_dir
from desktop_app.storage.session_file import SessionFile

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, lang: str = "nl") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TAFELRONDE_LANG": lang},
        check=False,
        timeout=180,
    )


def demo_session(tmp_path: Path) -> Path:
    session = tmp_path / "demo.tafelronde"
    result = run(
        "-m",
        "desktop_app",
        "import",
        str(shipped_data_dir() / "demo.json"),
        "--session",
        str(session),
    )
    assert result.returncode == 0, result.stderr
    return session


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_export_of_the_demo_writes_the_harvest_report(tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    target = tmp_path / "oogstverslag.pdf"
    result = run("-m", "desktop_app", "export", str(session), "--pdf", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(target) in result.stdout
    reader = PdfReader(target)
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    with SessionFile.open_readonly(session) as sf:
        snapshot = sf.snapshot()
    for theme in snapshot.live_themes():
        assert flat(theme.name) in text
    for intervention in snapshot.live_interventions():
        assert flat(intervention.title) in text
        assert flat(intervention.owner or "") in text
    assert f"Pagina 1 van {len(reader.pages)}" in text
    assert sorted(
        p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.tafelronde")
    ) == ["oogstverslag.pdf"]


NO_QT = """
import sys
from desktop_app import cli
code = cli.main(sys.argv[1:])
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
assert not qt, f"Qt imported: {qt}"
print("no-qt", code)
"""


def test_pdf_export_never_imports_qt(tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    target = tmp_path / "report.pdf"
    result = run("-c", NO_QT, "export", str(session), "--pdf", str(target))
    assert result.stdout.strip().endswith("no-qt 0"), result.stderr
    assert target.stat().st_size > 10_000


def test_pdf_export_to_a_missing_folder_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path,
) -> None:
    session = demo_session(tmp_path)
    target = tmp_path / "nee" / "oogst.pdf"
    result = run("-m", "desktop_app", "export", str(session), "--pdf", str(target))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not target.parent.exists()
