"""The layers of DESIGN.md: core -> storage -> ops -> export/ui, only ui/ and app.py import Qt.

The rules are read from the source with ``ast`` (nothing is imported), so they
hold for code paths the other tests do not reach.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
QT_FREE = [
    "core",
    "storage",
    "ops",
    "export",
    "room",
    "cli.py",
    "paths.py",
    "logging_setup.py",
    "gui_script.py",
    "__main__.py",
]


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (also inside functions)."""
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def python_files(entry: str) -> list[Path]:
    target = PACKAGE / entry
    if target.is_dir():
        return sorted(target.rglob("*.py"))
    return [target] if target.exists() else []


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_lower_layers_never_import_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for entry in QT_FREE
        for path in python_files(entry)
        if any(name.split(".")[0] in QT for name in imported_modules(path))
    ]
    assert offenders == []


#: Leaves every layer may use: the package itself (its name and version) and
#: paths.py (where the shipped resources and the user's data live; imports nothing).
EVERYWHERE = ("desktop_app", "desktop_app.paths")
#: What each layer may import of the app besides those (anything outside
#: desktop_app, such as the standard library, is not restricted here). A ``room``
#: package (the room network) may use the library but not Qt (QT_FREE above).
ALLOWED = {
    "core": ("desktop_app.core",),
    "storage": ("desktop_app.core", "desktop_app.storage"),
    "ops": ("desktop_app.core", "desktop_app.storage", "desktop_app.ops"),
    "export": ("desktop_app.core", "desktop_app.storage", "desktop_app.export"),
    "room": ("desktop_app.core", "desktop_app.storage", "desktop_app.ops", "desktop_app.room"),
}


def app_modules() -> set[str]:
    return {module_name(path) for path in PACKAGE.rglob("*.py")}


def app_imports(path: Path, modules: set[str]) -> Iterator[str]:
    """The app's modules ``path`` imports ("from desktop_app import __version__" is
    the package ``desktop_app``)."""
    for name in imported_modules(path):
        if name in modules:
            yield name


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(f"{package}.") for package in packages)


def test_layers_import_only_downwards() -> None:
    modules = app_modules()
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for layer, allowed in ALLOWED.items()
        for path in python_files(layer)
        for name in app_imports(path, modules)
        if name not in EVERYWHERE and not within(name, allowed)
    ]
    assert offenders == []


def test_ui_never_imports_the_entry_points() -> None:
    """The GUI is started by app.py and cli.py; nothing in ui/ reaches back to them."""
    entry_points = ("desktop_app.app", "desktop_app.cli", "desktop_app.gui_script")
    modules = app_modules()
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in python_files("ui")
        for name in app_imports(path, modules)
        if within(name, entry_points)
    ]
    assert offenders == []


def module_level_imports(path: Path, modules: set[str]) -> set[str]:
    """The app's modules that ``path`` imports when it is itself imported.

    Statements at module level count, including ``if TYPE_CHECKING:`` blocks (a
    cycle there is a cycle for the reader and for mypy). Imports inside functions
    and methods are allowed to point anywhere: they run late (app.py loads the
    console that way to paint its first window sooner) and cannot deadlock an
    import. ``from pkg import name`` counts as importing ``pkg.name`` when that is
    a module, otherwise ``pkg``.
    """
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else node.module)
            elif isinstance(node, ast.If | ast.With):
                visit(node.body)
                visit(getattr(node, "orelse", []))
            elif isinstance(node, ast.Try):
                visit(node.body)
                visit(node.orelse)
                visit(node.finalbody)
                for handler in node.handlers:
                    visit(handler.body)

    visit(ast.parse(path.read_text("utf-8")).body)
    return {name for name in found if name in modules and name != module_name(path)}


def import_cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    files = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {name: sorted(module_level_imports(path, set(files))) for name, path in files.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        for other in graph[name]:
            if other not in index:
                connect(other)
                low[name] = min(low[name], low[other])
            elif other in stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            group: list[str] = []
            while not group or group[-1] != name:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            connect(name)
    return cycles


def test_module_level_imports_have_no_cycle() -> None:
    """core -> storage -> ops -> export/ui runs one way, and so does every package inside.

    Module-level imports count, also those under ``if TYPE_CHECKING:``; imports inside a
    function are allowed to close a loop (see :func:`module_level_imports`).
    """
    assert import_cycles() == []
