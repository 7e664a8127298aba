"""Damage done to session files by the storage tests, the same way everywhere."""

from __future__ import annotations

from pathlib import Path


def flip_bytes_in_last_page(path: Path) -> None:
    """The header and cell pointers of the last page inverted: its cells point to the
    wrong places (whatever that page holds)."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big") or 65536
    start = len(data) - page_size
    for index in range(start, start + 40):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))
