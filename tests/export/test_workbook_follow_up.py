"""The HR workbook gains the earlier cycle's interventions with their status then and now."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop_app.core.model import Kind
from desktop_app.export.workbook import write_workbook
from desktop_app.storage.follow_up import take_over
from desktop_app.storage.session_file import SessionFile


def test_earlier_interventions_and_their_new_status(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    earlier = tmp_path / "vorig-jaar.tafelronde"
    demo_session.backup_to(earlier)
    with SessionFile.create(tmp_path / "dit-jaar.tafelronde", title="PMO 2027") as current:
        take_over(current, earlier)
        carried = current.interventions()
        first = carried[0]
        current.update(Kind.INTERVENTION, first.id, status="done")
        out = tmp_path / "hr.xlsx"
        write_workbook(current.snapshot(), out)
    sheet = load_workbook(out)["Vorige cyclus"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [i.title for i in carried]
    assert rows[0][1] == "PMO samen ontwerpen"
    assert rows[0][3] == {
        "proposed": "Voorgesteld",
        "agreed": "Afgesproken",
        "planned": "Gepland",
    }.get(first.status or "", rows[0][3])
    assert rows[0][4] == "Afgerond"


def test_no_earlier_sheet_without_follow_up(demo_session: SessionFile, tmp_path: Path) -> None:
    out = tmp_path / "hr.xlsx"
    write_workbook(demo_session.snapshot(), out)
    assert "Vorige cyclus" not in load_workbook(out).sheetnames
