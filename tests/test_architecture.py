"""The layers of DESIGN.md: only ui/ and app.py import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"
QT_FREE = [
    "core",
    "storage",
    "ops",
    "export",
    "cli.py",
    "paths.py",
    "logging_setup.py",
    "__main__.py",
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def python_files(entry: str) -> list[Path]:
    target = PACKAGE / entry
    return sorted(target.rglob("*.py")) if target.is_dir() else [target]


def test_lower_layers_never_import_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for entry in QT_FREE
        for path in python_files(entry)
        if any(
            name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
            for name in imported_modules(path)
        )
    ]
    assert offenders == []


def test_layers_import_only_downwards() -> None:
    forbidden = {
        "core": ("desktop_app.storage", "desktop_app.ops", "desktop_app.export", "desktop_app.ui"),
        "storage": ("desktop_app.ops", "desktop_app.export", "desktop_app.ui"),
        "ops": ("desktop_app.export", "desktop_app.ui"),
        "export": ("desktop_app.ui",),
    }
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for layer, banned in forbidden.items()
        for path in python_files(layer)
        for name in imported_modules(path)
        if name.startswith(banned)
    ]
    assert offenders == []
