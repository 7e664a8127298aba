"""Every user setting declared once, with its type and default (as Picard does).

Stored with QSettings in the platform's usual place. Pass a :class:`Settings`
into what needs it; there is no global instance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    kind: type


OPTIONS: dict[str, Option] = {
    option.key: option
    for option in (
        Option("language", "", str),  # "" = follow the system
        Option("recent_files", [], list),
        Option("last_folder", "", str),
        Option("window/geometry", QByteArray(), QByteArray),
        Option("window/state", QByteArray(), QByteArray),
        Option("window/splitters", {}, dict),
        Option("beamer/screen", "", str),  # "name|x,y,wxh" of the chosen screen
        Option("beamer/theme", "light", str),
        Option("table_laptop/table_id", "", str),
    )
}

MAX_RECENT = 10


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._store = qsettings or QSettings("Tafelronde", "Tafelronde")

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = self._store.value(key, option.default)
        if option.kind is list:
            if value is None or value == "":
                return []
            return list(value) if isinstance(value, list | tuple) else [value]
        if option.kind is dict:
            return dict(value) if isinstance(value, dict) else {}
        if option.kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        return option.kind(value) if value is not None else option.default

    def set(self, key: str, value: Any) -> None:
        if key not in OPTIONS:
            raise KeyError(key)
        self._store.setValue(key, value)

    def add_recent(self, path: str) -> None:
        recent = [p for p in self.get("recent_files") if p != path]
        self.set("recent_files", [path, *recent][:MAX_RECENT])

    def forget_recent(self, paths: list[str]) -> None:
        """Take erased sessions off the recent list."""
        gone = set(paths)
        self.set("recent_files", [p for p in self.get("recent_files") if p not in gone])

    def sync(self) -> None:
        self._store.sync()
