"""Small, fast reads for the GUI's hot paths (no Qt)."""

from __future__ import annotations

from desktop_app.storage.session_file import SessionFile


def cell_count(session_file: SessionFile, round_id: str, table_id: str) -> int:
    """Live proposals of one table in one round: one grid cell (uses the cell index)."""
    row = session_file.connection.execute(
        "SELECT count(*) FROM proposals WHERE deleted = 0 AND round_id = ? AND table_id = ?",
        (round_id, table_id),
    ).fetchone()
    return int(row[0])
