"""The HR workbook, opened again as HR would open it.

Every workbook these tests write is read back with openpyxl, and its sheet XML
is checked for formulas directly, so what is asserted is what Excel receives.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop_app import __version__
from desktop_app.core.errors import SessionFileError
from desktop_app.core.model import (
    Intervention,
    Kind,
    Round,
    SessionInfo,
    SessionSnapshot,
    Table,
    TargetGroup,
    Theme,
    Vote,
)
from desktop_app.core.timestamps import parse_instant
from desktop_app.export.cells import EXCEL_MAX_TEXT, safe_text
from desktop_app.export.workbook import write_workbook
from desktop_app.storage.session_file import SessionFile, new_id

EXPORTED_AT = datetime(2026, 3, 12, 16, 30, tzinfo=UTC)

SENTENCE = "Fysiotherapeut op de vestiging, twee ochtenden per maand, ook voor de ploegen. "
LONG_TEXT = (SENTENCE * 25)[:1900]
# Texts a scribe might type that a careless export would turn into formulas or break.
TRICKY_TEXTS = [
    "=SUM(A1:A3)",
    '=HYPERLINK("http://example.org","klik")',
    "+31 6 12345678 bellen bij klachten",
    "-5 graden in de hal: verwarming",
    "@collega's: samen lunchen",
    "\tingesprongen met een tab",
    "Fysio op locatie 💪🏽 en fruit 🍎",
    "تحسين بيئة العمل للموظفين",
    "Regel één\nRegel twee\n",
    "  spaties voor en na  ",
    "123",
    LONG_TEXT,
]
CONTROL_TEXT = "Bel\x07 de\x1b arts\x0b vóór\x00 de dienst"


@dataclass
class Built:
    """A session built through the storage API, and what the tests look for."""

    path: Path
    live_texts: list[str]
    deleted_text: str
    theme_ids: dict[str, str]
    ballot_ids: list[str]


def build_session(path: Path, *, language: str = "nl", floor: int | None = None) -> Built:
    """Groups (one too small), tables, rounds, tricky proposals, themes with a tie, votes."""
    sf = SessionFile.create(path, title="=Werkdruk 2026", language=language)
    try:
        sf.update_session(
            organisation="Van Dijk B.V.",
            date="2026-03-12",
            location="Kantine Zwolle",
            purpose="Samen het PMO ontwerpen",
            dots_per_participant=3,
            max_dots_per_item=2,
        )
        if floor is not None:
            sf.set_state("privacy_floor", floor)
        big = sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), "Monteurs", participants=12))
        small = sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), "Directie", participants=3))
        t1 = sf.add(Kind.TABLE, Table(new_id(), "Tafel 1", "+Henk", big.id))
        t2 = sf.add(Kind.TABLE, Table(new_id(), "Tafel 2", "Ans", small.id))
        r1 = sf.add(Kind.ROUND, Round(new_id(), 1, "=Wat houdt je gezond?"))
        r2 = sf.add(Kind.ROUND, Round(new_id(), 2, "Wat moet anders?"))
        proposals = []
        for index, text in enumerate([*TRICKY_TEXTS, CONTROL_TEXT]):
            table = t1 if index % 2 == 0 else t2
            round_ = r1 if index < 7 else r2
            proposals.append(sf.add_proposal(round_.id, table.id, text, details="-detail"))
        deleted = sf.add_proposal(r1.id, t1.id, "Weggegooid voorstel")
        sf.delete(Kind.PROPOSAL, deleted.id)
        ids = [p.id for p in proposals]
        a = sf.add(Kind.THEME, Theme(new_id(), "=Beweging", "+veel", tuple(ids[0:4])))
        b = sf.add(Kind.THEME, Theme(new_id(), "Voeding", None, tuple(ids[4:8])))
        c = sf.add(Kind.THEME, Theme(new_id(), "Werkdruk", None, tuple(ids[8:10])))
        gone = sf.add(Kind.THEME, Theme(new_id(), "Verwijderd thema", None, ()))
        sf.delete(Kind.THEME, gone.id)
        # Totals: a = 5 + 3 = 8, b = 8 (a tie), c = 2 + 1 = 3 -> ranks 1, 1, 3.
        sf.add(Kind.VOTE, Vote(new_id(), a.id, 5, target_group_id=big.id))
        sf.add(Kind.VOTE, Vote(new_id(), b.id, 6, target_group_id=big.id))
        sf.add(Kind.VOTE, Vote(new_id(), c.id, 2, target_group_id=big.id))
        dropped = sf.add(Kind.VOTE, Vote(new_id(), c.id, 40, target_group_id=big.id))
        sf.delete(Kind.VOTE, dropped.id)
        ballots = [
            sf.cast_ballot({a.id: 2, b.id: 1}, target_group_id=small.id, budget=3, cap=2),
            sf.cast_ballot({a.id: 1, b.id: 1, c.id: 1}, target_group_id=big.id, budget=3, cap=2),
        ]
        sf.add(
            Kind.INTERVENTION,
            Intervention(new_id(), "Werkdruk-overleg", c.id, status="planned", start="2026-05-04"),
        )
        sf.add(
            Kind.INTERVENTION,
            Intervention(
                new_id(),
                "=Fysio op de vestiging",
                a.id,
                description="@iedereen",
                target_group_ids=(big.id, small.id),
                periodicity="monthly",
                owner="-P&O",
                start="2026-04-01",
                follow_up="2026-10-01",
                status="agreed",
                impact=5,
                effort=2,
                value_for_employee="+minder klachten",
                value_for_organisation="=minder verzuim",
            ),
        )
        lost = sf.add(Kind.INTERVENTION, Intervention(new_id(), "Verwijderde actie"))
        sf.delete(Kind.INTERVENTION, lost.id)
    finally:
        sf.close()
    return Built(
        path=path,
        live_texts=[*TRICKY_TEXTS, safe_text(CONTROL_TEXT)],
        deleted_text="Weggegooid voorstel",
        theme_ids={"=Beweging": a.id, "Voeding": b.id, "Werkdruk": c.id},
        ballot_ids=ballots,
    )


def snapshot_of(path: Path) -> SessionSnapshot:
    with SessionFile.open_readonly(path) as sf:
        return sf.snapshot()


def export(path: Path, target: Path) -> Any:
    write_workbook(snapshot_of(path), target, exported_at=EXPORTED_AT)
    return load_workbook(target)


def records(ws: Any) -> list[dict[str, Any]]:
    """The sheet's rows as dicts by header, the way HR filters them."""
    rows = list(ws.iter_rows(values_only=True))
    headers = rows[0]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def sheet_xml(target: Path) -> dict[str, str]:
    with zipfile.ZipFile(target) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        }


def assert_no_formula(target: Path) -> None:
    workbook = load_workbook(target)
    for ws in workbook:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    for name, xml in sheet_xml(target).items():
        assert "<f>" not in xml and "<f " not in xml, name


@pytest.fixture
def built(tmp_path: Path) -> Built:
    return build_session(tmp_path / "werkdruk.tafelronde")


# ------------------------------------------------------------------ proposals


def test_every_live_proposal_appears_once_with_its_exact_text(built: Built, tmp_path: Path) -> None:
    wb = export(built.path, tmp_path / "hr.xlsx")
    texts = [row["Voorstel"] for row in records(wb["Voorstellen"])]
    assert sorted(texts) == sorted(built.live_texts)
    assert built.deleted_text not in texts
    cells = [row[5] for row in wb["Voorstellen"].iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)


def test_proposal_rows_carry_round_table_group_theme_and_time(built: Built, tmp_path: Path) -> None:
    wb = export(built.path, tmp_path / "hr.xlsx")
    rows = {row["Voorstel"]: row for row in records(wb["Voorstellen"])}
    first = rows["=SUM(A1:A3)"]
    assert first["Ronde"] == 1
    assert first["Rondevraag"] == "=Wat houdt je gezond?"
    assert first["Tafel"] == "Tafel 1"
    assert first["Tafelhost"] == "+Henk"
    assert first["Doelgroep"] == "Monteurs"
    assert first["Toelichting"] == "-detail"
    assert first["Thema"] == "=Beweging"
    assert isinstance(first["Ingevoerd op"], datetime)
    # A proposal outside every theme has no theme, dots or rank.
    loose = rows[LONG_TEXT]
    assert loose["Thema"] is None and loose["Stippen thema"] is None


# ------------------------------------------------------------------ themes


def test_theme_totals_and_shared_ranks(built: Built, tmp_path: Path) -> None:
    wb = export(built.path, tmp_path / "hr.xlsx")
    themes = {row["Thema"]: row for row in records(wb["Thema's"])}
    assert set(themes) == {"=Beweging", "Voeding", "Werkdruk"}  # the deleted theme is gone
    assert [themes[n]["Stippen"] for n in ("=Beweging", "Voeding", "Werkdruk")] == [8, 8, 3]
    assert [themes[n]["Rang"] for n in ("=Beweging", "Voeding", "Werkdruk")] == [1, 1, 3]
    assert themes["=Beweging"]["Aantal voorstellen"] == 4
    assert themes["=Beweging"]["Aandeel"] == pytest.approx(8 / 19)
    assert all(isinstance(row["Stippen"], int) for row in themes.values())
    # The proposals sheet repeats the theme's dots and rank on each of its proposals.
    for row in records(wb["Voorstellen"]):
        if row["Thema"] is not None:
            assert row["Stippen thema"] == themes[row["Thema"]]["Stippen"]
            assert row["Rang thema"] == themes[row["Thema"]]["Rang"]


def test_with_every_group_hidden_only_the_totals_remain(built: Built, tmp_path: Path) -> None:
    """Directie cast one ballot; Monteurs (about 6 voters) would give it away as the
    total minus Monteurs: neither is shown, not even as a column of "<5"."""
    wb = export(built.path, tmp_path / "hr.xlsx")
    ws = wb["Thema's"]
    headers = [cell.value for cell in ws[1]]
    assert not [h for h in headers if str(h).startswith("Stippen ")]
    assert "<5" not in {cell.value for row in ws.iter_rows() for cell in row}
    votes = records(wb["Stemmen"])
    # No ballot and no group: per item the dots of everyone together (the totals).
    assert {row["Soort"] for row in votes} == {"Samengevoegd"}
    assert {row["Stembiljet"] for row in votes} == {None}
    assert {row["Doelgroep"] for row in votes} == {None}
    themes = {row["Thema"]: row["Stippen"] for row in records(ws)}
    assert {row["Item"]: row["Stippen"] for row in votes} == themes
    session = {row["Onderdeel"]: row["Waarde"] for row in records(wb["Sessie"])}
    assert "te weinig stemmers" in session["Uitsplitsing per doelgroep"]


@dataclass
class Voting:
    """A session of one theme per name in ``themes``, voted on by groups of a given size."""

    path: Path
    themes: dict[str, str]
    groups: dict[str, str]


def voting_session(
    path: Path,
    groups: dict[str, int | None],
    ballots: dict[str, list[dict[str, int]]],
    *,
    tallies: dict[str, dict[str, int]] | None = None,
    floor: int | None = None,
    dots: int = 3,
) -> Voting:
    """``ballots``: per group name, each ballot as {theme name: dots}."""
    sf = SessionFile.create(path, title="Privacy")
    try:
        sf.update_session(dots_per_participant=dots, max_dots_per_item=dots)
        if floor is not None:
            sf.set_state("privacy_floor", floor)
        group_ids = {
            name: sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), name, size)).id
            for name, size in groups.items()
        }
        theme_ids = {
            name: sf.add(Kind.THEME, Theme(new_id(), name, None, ())).id
            for name in ("Beweging", "Voeding", "Werkdruk")
        }
        for name, cast in ballots.items():
            for ballot in cast:
                sf.cast_ballot(
                    {theme_ids[t]: n for t, n in ballot.items()},
                    target_group_id=group_ids[name],
                    budget=dots,
                    cap=dots,
                )
        for name, counts in (tallies or {}).items():
            for theme, n in counts.items():
                sf.add(Kind.VOTE, Vote(new_id(), theme_ids[theme], n, group_ids[name]))
    finally:
        sf.close()
    return Voting(path, theme_ids, group_ids)


FIVE = [{"Beweging": 2, "Voeding": 1}] * 3 + [{"Werkdruk": 3}] * 2


def test_small_groups_appear_only_together_in_one_column_and_one_row_per_item(
    tmp_path: Path,
) -> None:
    """Directie (1 voter) and Kantoor (2) are below the floor; together they are 3
    voters, so Ploeg (the smallest group shown) joins them: what can be worked
    out as total minus the rest always comes from at least 5 people."""
    voting = voting_session(
        tmp_path / "s.tafelronde",
        {"Monteurs": 30, "Ploeg": 10, "Kantoor": 10, "Directie": 3},
        {
            "Monteurs": FIVE * 2,
            "Ploeg": FIVE,
            "Kantoor": [{"Voeding": 3}, {"Werkdruk": 3}],
            "Directie": [{"Beweging": 1, "Werkdruk": 2}],
        },
    )
    wb = export(voting.path, tmp_path / "hr.xlsx")
    themes = {row["Thema"]: row for row in records(wb["Thema's"])}
    headers = list(next(iter(themes.values())))
    assert [h for h in headers if str(h).startswith("Stippen ")] == [
        "Stippen Monteurs",
        "Stippen overige groepen",
    ]
    assert themes["Beweging"]["Stippen Monteurs"] == 12
    # Ploeg 6 + Directie 1 on Beweging, together
    assert themes["Beweging"]["Stippen overige groepen"] == 7
    for row in themes.values():
        assert row["Stippen Monteurs"] + row["Stippen overige groepen"] == row["Stippen"]
    votes = records(wb["Stemmen"])
    assert {r["Doelgroep"] for r in votes} == {"Monteurs", "Overige groepen"}
    combined = [r for r in votes if r["Doelgroep"] == "Overige groepen"]
    # one row per item, no ballot: a small group's voter has no row of their own
    assert sorted(r["Item"] for r in combined) == ["Beweging", "Voeding", "Werkdruk"]
    assert {(r["Soort"], r["Stembiljet"]) for r in combined} == {("Samengevoegd", None)}
    monteurs = [r for r in votes if r["Doelgroep"] == "Monteurs"]
    assert len({r["Stembiljet"] for r in monteurs}) == 10  # the ten ballots of Monteurs
    session = {row["Onderdeel"]: row["Waarde"] for row in records(wb["Sessie"])}
    # alphabetical, so the list says nothing about which group is the small one
    assert session["Overige groepen (samen)"] == "Directie, Kantoor, Ploeg"
    text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
    assert "<5" not in text


def test_the_row_order_is_the_same_whatever_the_order_of_the_groups(tmp_path: Path) -> None:
    """Hidden groups cannot be told apart by where their rows are: the sheet is the same
    when the small groups are entered in the other order."""
    sheets = []
    for name, order in (("a", ("Kantoor", "Directie")), ("b", ("Directie", "Kantoor"))):
        sizes: dict[str, int | None] = {"Monteurs": 30}
        sizes.update({group: 4 for group in order})
        voting = voting_session(
            tmp_path / f"{name}.tafelronde",
            sizes,
            {
                "Monteurs": FIVE * 2,
                "Kantoor": [{"Voeding": 3}] * 3,
                "Directie": [{"Werkdruk": 3}] * 3,
            },
        )
        wb = export(voting.path, tmp_path / f"{name}.xlsx")
        votes = records(wb["Stemmen"])
        sheets.append(
            (
                records(wb["Thema's"]),
                len(votes),
                [
                    (index, r["Item"], r["Stippen"])
                    for index, r in enumerate(votes)
                    if r["Doelgroep"] != "Monteurs"
                ],
            )
        )
    assert sheets[0] == sheets[1]


def test_the_floor_counts_voters_not_declared_participants(tmp_path: Path) -> None:
    """Kantoor was declared with 10 people but one voted: that one ballot is not shown."""
    voting = voting_session(
        tmp_path / "s.tafelronde",
        {"Monteurs": 30, "Kantoor": 10, "Ploeg": 12},
        {"Monteurs": FIVE * 2, "Ploeg": FIVE * 2, "Kantoor": [{"Werkdruk": 3}]},
    )
    wb = export(voting.path, tmp_path / "hr.xlsx")
    votes = records(wb["Stemmen"])
    assert "Kantoor" not in {r["Doelgroep"] for r in votes}
    themes = records(wb["Thema's"])
    assert "Stippen Kantoor" not in themes[0]
    # Kantoor's one voter and Ploeg (the smallest shown group) together
    assert {r["Thema"]: r["Stippen overige groepen"] for r in themes}["Werkdruk"] == 3 + 12


def test_tallies_are_summed_per_group_and_no_table_is_named(tmp_path: Path) -> None:
    """A table is a group smaller than the floor: its sticker tally counts for its group."""
    path = tmp_path / "s.tafelronde"
    sf = SessionFile.create(path, title="Tafels")
    try:
        sf.update_session(dots_per_participant=2)
        small = sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), "Directie", participants=2))
        big = sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), "Monteurs", participants=20))
        mid = sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), "Kantoor", participants=8))
        t_small = sf.add(Kind.TABLE, Table(new_id(), "Tafel Directie", "Ans", small.id))
        t_big = [sf.add(Kind.TABLE, Table(new_id(), f"Tafel {n}", None, big.id)) for n in (1, 2)]
        theme = sf.add(Kind.THEME, Theme(new_id(), "Beweging", None, ()))
        sf.add(Kind.VOTE, Vote(new_id(), theme.id, 4, table_id=t_small.id))
        sf.add(Kind.VOTE, Vote(new_id(), theme.id, 10, table_id=t_big[0].id))
        sf.add(Kind.VOTE, Vote(new_id(), theme.id, 12, table_id=t_big[1].id))
        sf.add(Kind.VOTE, Vote(new_id(), theme.id, 16, target_group_id=mid.id))
    finally:
        sf.close()
    wb = export(path, tmp_path / "hr.xlsx")
    votes = records(wb["Stemmen"])
    assert "Tafel" not in votes[0]
    assert [(r["Doelgroep"], r["Stippen"]) for r in votes] == [
        ("Monteurs", 22),  # both tables of Monteurs, one row
        ("Overige groepen", 4 + 16),  # Directie (2) and the cover Kantoor (8)
    ]
    sheet = " ".join(str(c.value) for row in wb["Stemmen"].iter_rows() for c in row)
    assert "Tafel" not in sheet and "Directie" not in sheet


def test_a_lower_floor_shows_the_small_group(tmp_path: Path) -> None:
    groups: dict[str, int | None] = {"Monteurs": 30, "Directie": 3}
    ballots = {"Monteurs": FIVE, "Directie": [{"Beweging": 1, "Voeding": 2}] * 3}
    hidden = export(
        voting_session(tmp_path / "a.tafelronde", groups, ballots).path, tmp_path / "a.xlsx"
    )
    assert "Stippen Directie" not in records(hidden["Thema's"])[0]
    shown = export(
        voting_session(tmp_path / "b.tafelronde", groups, ballots, floor=3).path,
        tmp_path / "b.xlsx",
    )
    themes = {row["Thema"]: row for row in records(shown["Thema's"])}
    assert themes["Beweging"]["Stippen Directie"] == 3
    assert themes["Beweging"]["Stippen Monteurs"] == 6
    assert any(row["Doelgroep"] == "Directie" for row in records(shown["Stemmen"]))


# ------------------------------------------------------------------ votes


def test_votes_show_kind_and_ballot_numbers_never_ballot_ids(tmp_path: Path) -> None:
    voting = voting_session(
        tmp_path / "s.tafelronde",
        {"Monteurs": 12},
        {"Monteurs": [{"Beweging": 2, "Voeding": 1}, {"Werkdruk": 3}] * 2},
        tallies={"Monteurs": {"Beweging": 5, "Voeding": 4}},
    )
    target = tmp_path / "hr.xlsx"
    wb = export(voting.path, target)
    votes = records(wb["Stemmen"])
    assert sum(row["Stippen"] for row in votes) == 9 + 12
    stickers = [row for row in votes if row["Soort"] == "Stickers"]
    ballots = [row for row in votes if row["Soort"] == "Stembiljet"]
    assert [(r["Item"], r["Stippen"], r["Stembiljet"]) for r in stickers] == [
        ("Beweging", 5, None),
        ("Voeding", 4, None),
    ]
    labels = [row["Stembiljet"] for row in ballots]
    # Each ballot's rows together, numbered 1 to 4 down the sheet.
    assert list(dict.fromkeys(labels)) == [f"Stembiljet {n}" for n in range(1, 5)]
    assert sorted(labels.count(x) for x in set(labels)) == [1, 1, 2, 2]
    with SessionFile.open_readonly(voting.path) as sf:
        ballot_ids = {v.ballot_id for v in sf.snapshot().votes if v.ballot_id}
    everything = "".join(sheet_xml(target).values())
    assert ballot_ids and not any(ballot_id in everything for ballot_id in ballot_ids)


# ------------------------------------------------------------------ session


def test_session_sheet_counts(built: Built, tmp_path: Path) -> None:
    wb = export(built.path, tmp_path / "hr.xlsx")
    values = {row["Onderdeel"]: row["Waarde"] for row in records(wb["Sessie"])}
    assert values["Titel"] == "=Werkdruk 2026"
    assert values["Datum"] == datetime(2026, 3, 12)
    assert values["Deelnemers Monteurs"] == 12
    assert values["Deelnemers Directie"] == 3
    assert values["Tafels"] == 2
    assert values["Rondes"] == 2
    assert values["Voorstellen"] == len(built.live_texts)
    assert values["Stippen uitgedeeld"] == (12 + 3) * 3
    assert values["Stippen uitgebracht"] == 19
    assert values["Stembiljetten"] == 2
    assert values["Privacydrempel"] == 5
    assert values["Geëxporteerd op"] == EXPORTED_AT.astimezone().replace(tzinfo=None)
    assert values["Versie Tafelronde"] == __version__


# ------------------------------------------------------------------ action plan


def test_action_plan_in_rank_order_with_labels_dates_and_dropdown(
    built: Built, tmp_path: Path
) -> None:
    wb = export(built.path, tmp_path / "hr.xlsx")
    ws = wb["Actieplan"]
    plan = records(ws)
    assert [row["Interventie"] for row in plan] == ["=Fysio op de vestiging", "Werkdruk-overleg"]
    first = plan[0]
    assert first["Omschrijving"] == "@iedereen"
    assert first["Doelgroepen"] == "Monteurs, Directie"
    assert first["Periodiciteit"] == "Maandelijks"
    assert first["Eigenaar"] == "-P&O"
    assert first["Start"] == datetime(2026, 4, 1)
    assert first["Opvolging"] == datetime(2026, 10, 1)
    assert first["Status"] == "Afgesproken"
    assert (first["Impact"], first["Inspanning"]) == (5, 2)
    assert first["Waarde voor de medewerker"] == "+minder klachten"
    assert first["Waarde voor de organisatie"] == "=minder verzuim"
    assert (first["Bronthema"], first["Stippen bronthema"]) == ("=Beweging", 8)
    assert plan[1]["Status"] == "Gepland"
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"Voorgesteld,Afgesproken,Gepland,Loopt,Afgerond,Vervallen"'
    status_column = [cell.value for cell in ws[1]].index("Status") + 1
    assert str(validation.sqref).startswith(f"{ws.cell(2, status_column).column_letter}2:")


# ------------------------------------------------------------------ structure


def test_every_sheet_is_a_table_with_filter_frozen_header_and_widths(
    built: Built, tmp_path: Path
) -> None:
    target = tmp_path / "hr.xlsx"
    wb = export(built.path, target)
    assert wb.sheetnames == ["Sessie", "Voorstellen", "Thema's", "Stemmen", "Actieplan"]
    names = set()
    for ws in wb:
        assert ws.freeze_panes == "A2"
        (table,) = ws.tables.values()
        names.add(table.displayName)
        assert table.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        assert table.column_names == [cell.value for cell in ws[1]]
        for column in range(1, ws.max_column + 1):
            width = ws.column_dimensions[ws.cell(1, column).column_letter].width
            assert 8 <= width <= 60
    assert names == {"tblSessie", "tblVoorstellen", "tblThemas", "tblStemmen", "tblActieplan"}
    proposals = wb["Voorstellen"]
    text_column = [cell.value for cell in proposals[1]].index("Voorstel") + 1
    assert proposals.column_dimensions[proposals.cell(1, text_column).column_letter].width == 60
    assert proposals.cell(2, text_column).alignment.wrap_text


def test_themes_sheet_has_a_native_bar_chart_of_the_totals(built: Built, tmp_path: Path) -> None:
    target = tmp_path / "hr.xlsx"
    wb = export(built.path, target)
    (chart,) = wb["Thema's"]._charts
    assert chart.tagname == "barChart"
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("xl/charts/chart1.xml").decode("utf-8")
    assert "'Thema''s'!$D$2:$D$4" in xml  # the totals
    assert "'Thema''s'!$A$2:$A$4" in xml  # the theme names


def test_english_session_gets_an_english_workbook(tmp_path: Path) -> None:
    built = build_session(tmp_path / "s.tafelronde", language="en")
    target = tmp_path / "hr.xlsx"
    wb = export(built.path, target)
    assert wb.sheetnames == ["Session", "Proposals", "Themes", "Votes", "Action plan"]
    assert {t for ws in wb for t in ws.tables} == {
        "tblSession",
        "tblProposals",
        "tblThemes",
        "tblVotes",
        "tblActionPlan",
    }
    themes = {row["Theme"]: row for row in records(wb["Themes"])}
    assert (themes["Voeding"]["Dots"], themes["Voeding"]["Rank"]) == (8, 1)
    assert "Dots Directie" not in themes["Voeding"]
    assert sorted(row["Proposal"] for row in records(wb["Proposals"])) == sorted(built.live_texts)
    votes = records(wb["Votes"])
    assert {row["Kind"] for row in votes} == {"Combined"}
    session = {row["Item"]: row["Value"] for row in records(wb["Session"])}
    assert "too few voters" in session["Breakdown by target group"]
    plan = records(wb["Action plan"])
    assert [row["Status"] for row in plan] == ["Agreed", "Planned"]
    assert plan[0]["Periodicity"] == "Monthly"
    validation = wb["Action plan"].data_validations.dataValidation[0]
    assert validation.formula1 == '"Proposed,Agreed,Planned,In progress,Done,Dropped"'
    session = {row["Item"]: row["Value"] for row in records(wb["Session"])}
    assert session["Dots handed out"] == 45 and session["Dots cast"] == 19
    assert_no_formula(target)


def test_the_demo_session_exports_whole(demo_session: SessionFile, tmp_path: Path) -> None:
    target = tmp_path / "demo.xlsx"
    snapshot = demo_session.snapshot()
    write_workbook(snapshot, target)
    wb = load_workbook(target)
    texts = sorted(row[5] for row in wb.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert texts == sorted(p.text for p in snapshot.live_proposals())
    titles = sorted(row[0] for row in wb.worksheets[4].iter_rows(min_row=2, values_only=True))
    assert titles == sorted(i.title for i in snapshot.live_interventions())
    assert_no_formula(target)


# ------------------------------------------------------------------ text safety


def test_no_cell_is_a_formula_and_formula_like_text_keeps_its_quote(
    built: Built, tmp_path: Path
) -> None:
    target = tmp_path / "hr.xlsx"
    wb = export(built.path, target)
    assert_no_formula(target)
    quoted = 0
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t"):
                    assert cell.data_type == "s"
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                    quoted += 1
                elif isinstance(cell.value, str):
                    assert not cell.quotePrefix
    assert quoted >= 15


def test_control_characters_are_removed_not_fatal(built: Built, tmp_path: Path) -> None:
    wb = export(built.path, tmp_path / "hr.xlsx")
    texts = [row["Voorstel"] for row in records(wb["Voorstellen"])]
    assert "Bel de arts vóór de dienst" in texts


def test_over_long_text_is_cut_with_a_visible_marker(built: Built, tmp_path: Path) -> None:
    snapshot = snapshot_of(built.path)
    long_theme = replace(snapshot.themes[0], description="é" * 40_000)
    emoji_theme = replace(snapshot.themes[1], description="💪" * 20_000)  # 40,000 in UTF-16
    snapshot = replace(snapshot, themes=(long_theme, emoji_theme, *snapshot.themes[2:]))
    target = tmp_path / "hr.xlsx"
    write_workbook(snapshot, target, exported_at=EXPORTED_AT)
    themes = {row["Thema"]: row for row in records(load_workbook(target)["Thema's"])}
    cut = themes[long_theme.name]["Omschrijving"]
    assert cut.endswith("… [afgekapt]") and cut.startswith("éééé")
    assert len(cut) == EXCEL_MAX_TEXT
    emoji = themes[emoji_theme.name]["Omschrijving"]
    assert emoji.endswith("… [afgekapt]") and emoji.startswith("💪")
    assert len(emoji.encode("utf-16-le")) // 2 <= EXCEL_MAX_TEXT
    assert "\ud83d" not in emoji  # no half of an emoji left at the cut


def test_safe_text_rules() -> None:
    assert safe_text("a\x00b\x1fc\x0bd") == "abcd"
    assert safe_text("kop\r\nregel\rnog een") == "kop\nregel\nnog een"
    assert safe_text("x" * 40_000, "en").endswith("… [truncated]")
    assert safe_text("gewoon 💪 تحسين") == "gewoon 💪 تحسين"


SAFE_ALPHABET = st.characters(codec="utf-8")  # any character a file can hold


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    texts=st.lists(
        st.one_of(
            st.text(SAFE_ALPHABET, min_size=1, max_size=60),
            st.sampled_from(["=", "+", "-", "@", "\t", "\r", "=1+1", "-A1", "@SUM(A1)"]).flatmap(
                lambda lead: st.text(SAFE_ALPHABET, max_size=30).map(lambda rest: lead + rest)
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_property_no_generated_text_becomes_a_formula(
    texts: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    snapshot = generated_snapshot(texts)
    target = folder / "hr.xlsx"
    write_workbook(snapshot, target, exported_at=EXPORTED_AT)
    assert_no_formula(target)
    wb = load_workbook(target)
    found = [row[5] for row in wb["Voorstellen"].iter_rows(min_row=2, values_only=True)]
    expected = [expected_cell_text(text) for text in texts]
    assert found == expected
    names = [row[0] for row in wb["Thema's"].iter_rows(min_row=2, values_only=True)]
    assert names == [expected_cell_text(texts[0])]


def expected_cell_text(text: str) -> str | None:
    """What a cell holds after Excel's rules: control characters out, CR as LF."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", text)
    cleaned = re.sub("[\ufffe\uffff]", "", cleaned).replace("\r\n", "\n").replace("\r", "\n")
    return cleaned or None  # an emptied cell is an empty cell


def generated_snapshot(texts: list[str]) -> SessionSnapshot:
    """A snapshot whose every text field holds generated text."""
    group = TargetGroup(new_id(), texts[0][:200], participants=6)
    table = Table(new_id(), texts[-1][:200], texts[0], group.id)
    round_ = Round(new_id(), 1, texts[-1])
    proposals = tuple(
        replace_proposal(text, round_.id, table.id, group.id, index)
        for index, text in enumerate(texts)
    )
    theme = Theme(new_id(), texts[0], texts[-1], tuple(p.id for p in proposals))
    vote = Vote(new_id(), theme.id, 2, target_group_id=group.id, ballot_id=new_id())
    intervention = Intervention(
        new_id(),
        texts[0],
        theme.id,
        description=texts[-1],
        periodicity=texts[0],
        owner=texts[-1],
        target_group_ids=(group.id,),
        value_for_employee=texts[0],
        value_for_organisation=texts[-1],
    )
    return SessionSnapshot(
        session=SessionInfo(new_id(), texts[0], organisation=texts[-1], purpose=texts[0]),
        target_groups=(group,),
        tables=(table,),
        rounds=(round_,),
        proposals=proposals,
        themes=(theme,),
        votes=(vote,),
        interventions=(intervention,),
    )


def replace_proposal(text: str, round_id: str, table_id: str, group_id: str, index: int) -> Any:
    from desktop_app.core.model import Proposal

    return Proposal(
        new_id(),
        round_id,
        table_id,
        text,
        details=text,
        target_group_id=group_id,
        created_at=f"2026-03-12T10:{index:02d}:00Z",
    )


# ------------------------------------------------------------------ writing


def test_missing_folder_gives_a_clear_error_and_writes_nothing(
    built: Built, tmp_path: Path
) -> None:
    target = tmp_path / "niet-er" / "hr.xlsx"
    with pytest.raises(SessionFileError) as caught:
        write_workbook(snapshot_of(built.path), target)
    assert caught.value.code == "target_folder_missing"
    assert "niet-er" in caught.value.message("nl")
    assert not target.parent.exists()


def test_read_only_folder_gives_a_clear_error_and_keeps_the_old_workbook(
    built: Built, tmp_path: Path
) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    target = folder / "hr.xlsx"
    target.write_bytes(b"the workbook HR already has")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user that may write anywhere (root)")
        with pytest.raises(SessionFileError) as caught:
            write_workbook(snapshot_of(built.path), target)
        assert caught.value.code in ("export_read_only", "target_in_use")
        assert target.read_bytes() == b"the workbook HR already has"
        assert sorted(p.name for p in folder.iterdir()) == ["hr.xlsx"]
    finally:
        folder.chmod(stat.S_IRWXU)


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file size limits")
def test_a_write_that_fails_halfway_leaves_the_existing_workbook_intact(
    built: Built, tmp_path: Path
) -> None:
    """The disk "fills up" (a file size limit, which holds for root too) mid-write."""
    target = tmp_path / "hr.xlsx"
    write_workbook(snapshot_of(built.path), target, exported_at=EXPORTED_AT)
    before = target.read_bytes()
    assert len(before) > 8_000
    # The session is read first; only writing the workbook meets the limit.
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from desktop_app.core.errors import SessionFileError\n"
        "from desktop_app.export.workbook import write_workbook\n"
        "from desktop_app.storage.session_file import SessionFile\n"
        "with SessionFile.open_readonly(sys.argv[1]) as sf:\n"
        "    snapshot = sf.snapshot()\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        "    write_workbook(snapshot, Path(sys.argv[2]))\n"
        "except SessionFileError as error:\n"
        "    print(error.code, error.message('en'))\n"
        "    raise SystemExit(3)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(built.path), str(target)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert result.stdout.startswith(("export_failed", "export_disk_full"))
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("werkdruk")] == ["hr.xlsx"]


def test_export_does_not_change_the_session(built: Built, tmp_path: Path) -> None:
    before = built.path.read_bytes()
    export(built.path, tmp_path / "hr.xlsx")
    assert built.path.read_bytes() == before


def test_dates_are_excel_dates(built: Built, tmp_path: Path) -> None:
    wb = export(built.path, tmp_path / "hr.xlsx")
    snapshot = snapshot_of(built.path)
    ws = wb["Voorstellen"]
    column = [cell.value for cell in ws[1]].index("Ingevoerd op") + 1
    first = snapshot.live_proposals()[0]
    cell = ws.cell(2, column)
    assert cell.is_date and cell.number_format == "dd-mm-yyyy hh:mm"
    expected = parse_instant(first.created_at or "").astimezone().replace(tzinfo=None)
    assert abs((cell.value - expected).total_seconds()) < 0.01
    session = wb["Sessie"]
    dates = [row[1] for row in session.iter_rows(min_row=2) if row[0].value == "Datum"]
    assert dates[0].is_date and dates[0].value.date() == date(2026, 3, 12)


def test_voting_on_proposals_ranks_proposals_and_sums_themes(tmp_path: Path) -> None:
    path = tmp_path / "s.tafelronde"
    sf = SessionFile.create(path, title="Stemmen op voorstellen")
    try:
        sf.update_session(vote_target="proposal", dots_per_participant=1)
        group = sf.add(Kind.TARGET_GROUP, TargetGroup(new_id(), "Kantoor", participants=8))
        table = sf.add(Kind.TABLE, Table(new_id(), "Tafel 1", None, group.id))
        round_ = sf.add(Kind.ROUND, Round(new_id(), 1, "Vraag"))
        p1, p2, p3 = (sf.add_proposal(round_.id, table.id, t) for t in ("een", "twee", "drie"))
        sf.add(Kind.THEME, Theme(new_id(), "Samen", None, (p1.id, p2.id)))
        for proposal, dots in ((p1, 3), (p2, 2), (p3, 3)):
            sf.add(Kind.VOTE, Vote(new_id(), proposal.id, dots, target_group_id=group.id))
    finally:
        sf.close()
    wb = export(path, tmp_path / "hr.xlsx")
    rows = {row["Voorstel"]: row for row in records(wb["Voorstellen"])}
    assert [rows[t]["Stippen voorstel"] for t in ("een", "twee", "drie")] == [3, 2, 3]
    assert [rows[t]["Rang voorstel"] for t in ("een", "twee", "drie")] == [1, 3, 1]
    (theme,) = records(wb["Thema's"])
    assert (theme["Stippen"], theme["Rang"], theme["Stippen Kantoor"]) == (5, 1, 5)
    assert {row["Item"] for row in records(wb["Stemmen"])} == {"een", "twee", "drie"}


def test_a_session_without_target_groups_has_no_breakdown_to_explain(tmp_path: Path) -> None:
    path = tmp_path / "s.tafelronde"
    with SessionFile.create(path, title="Zonder doelgroepen") as sf:
        theme = sf.add(Kind.THEME, Theme(new_id(), "Beweging", None, ()))
        sf.add(Kind.VOTE, Vote(new_id(), theme.id, 7))
    wb = export(path, tmp_path / "hr.xlsx")
    session = {row["Onderdeel"]: row["Waarde"] for row in records(wb["Sessie"])}
    assert "Uitsplitsing per doelgroep" not in session
    assert "Overige groepen (samen)" not in session
    (row,) = records(wb["Stemmen"])
    assert (row["Item"], row["Doelgroep"], row["Stippen"]) == ("Beweging", None, 7)
