"""``tafelronde import`` into an existing session makes a backup first, as the GUI does."""

from __future__ import annotations

from pathlib import Path

from desktop_app import cli
from desktop_app.storage.backups import IMPORT, list_backups
from desktop_app.storage.exchange import export_file
from desktop_app.storage.session_file import SessionFile


def test_import_into_an_existing_session_backs_it_up_first(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    exchange = tmp_path / "demo.json"
    export_file(demo_session, exchange)
    path = demo_session.path
    demo_session.close()
    assert cli.main(["import", str(exchange), "--session", str(path)]) == 0
    [backup] = list_backups(path)
    assert backup.reason == IMPORT
    with SessionFile.open_readonly(backup.path) as copy:
        assert len(copy.proposals()) == 75


def test_a_new_session_made_by_import_needs_no_backup(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    exchange = tmp_path / "demo.json"
    export_file(demo_session, exchange)
    new = tmp_path / "nieuw.tafelronde"
    assert cli.main(["import", str(exchange), "--session", str(new)]) == 0
    assert list_backups(new) == []
