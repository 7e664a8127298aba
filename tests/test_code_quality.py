"""Lint and types are part of the build: ruff on everything, mypy --strict below ui/."""

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


def test_mypy_strict_on_core_storage_and_ops() -> None:
    result = run("mypy", "desktop_app/core", "desktop_app/storage", "desktop_app/ops")
    assert result.returncode == 0, result.stdout + result.stderr
