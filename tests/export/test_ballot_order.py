"""Neither the workbook nor the exchange file tells in which order voters cast their ballots."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop_app.export.workbook import write_workbook
from desktop_app.storage.exchange import export_document
from desktop_app.storage.session_file import SessionFile


def cast_ballots(session: SessionFile, count: int) -> list[str]:
    themes = session.themes()
    return [
        session.cast_ballot({themes[n % len(themes)].id: 1}, target_group_id=None, budget=4, cap=2)
        for n in range(count)
    ]


def test_workbook_numbers_ballots_by_their_random_id(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    cast = cast_ballots(demo_session, 8)
    out = tmp_path / "hr.xlsx"
    write_workbook(demo_session.snapshot(), out)
    sheet = load_workbook(out)["Stemmen"]
    labels = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True) if row[2]]
    assert len(set(labels)) == len(cast) + len(
        {v.ballot_id for v in demo_session.snapshot().live_votes() if v.ballot_id} - set(cast)
    )


def test_exchange_file_lists_ballots_by_id_not_by_time(demo_session: SessionFile) -> None:
    cast_ballots(demo_session, 8)
    votes = export_document(demo_session)["votes"]
    ballots = [v["ballot_id"] for v in votes if "ballot_id" in v]
    assert ballots == sorted(ballots)
    assert all("ballot_id" not in v for v in votes[: len(votes) - len(ballots)])
