"""Lint and types are part of the build: ruff on everything, mypy over all of desktop_app/.

The mypy settings live in pyproject.toml ([tool.mypy]): strict on the pure-Python
layers (core, storage, ops, export, cli, app), and on ui/ every function body is
type-checked (``check_untyped_defs``) and unused ``type: ignore`` comments fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "desktop_app", "tests", "benchmarks", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_over_all_of_desktop_app() -> None:
    result = run("mypy")  # the files and settings come from pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
