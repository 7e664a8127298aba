"""Neither the workbook nor the exchange file tells in which order voters cast their ballots."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop_app.core.privacy import unordered_ids
from desktop_app.export.workbook import write_workbook
from desktop_app.storage.exchange import export_document
from desktop_app.storage.session_file import SessionFile


def cast_ballots(session: SessionFile, count: int, group_id: str | None = None) -> list[str]:
    themes = session.themes()
    return [
        session.cast_ballot(
            {themes[n % len(themes)].id: 1}, target_group_id=group_id, budget=4, cap=2
        )
        for n in range(count)
    ]


def test_workbook_numbers_ballots_in_an_order_that_is_not_the_casting_order(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    """Ids that hold their time (like UUID v7) ascend in casting order; the sheet's
    numbers do not follow them. Each ballot is told apart by its own choice."""
    monteurs = next(g for g in demo_session.target_groups() if g.name == "Monteurs")
    themes = demo_session.themes()
    picks = [(a, b) for a in range(len(themes)) for b in range(a + 1, len(themes))][:8]
    for n, (a, b) in enumerate(picks):
        demo_session.cast_ballot(
            {themes[a].id: 1, themes[b].id: 2},
            target_group_id=monteurs.id,
            budget=4,
            cap=2,
            ballot_id=f"0190a000-0000-7000-8000-00000000000{n}",
        )
    out = tmp_path / "hr.xlsx"
    write_workbook(demo_session.snapshot(), out)
    rows = list(load_workbook(out)["Stemmen"].iter_rows(min_row=2, values_only=True))
    by_ballot: dict[str, set[tuple[object, object]]] = {}
    for item, _kind, ballot, _group, dots in rows:
        if ballot:
            by_ballot.setdefault(str(ballot), set()).add((item, dots))
    name = {t.name: i for i, t in enumerate(themes)}
    order = []
    for label in sorted(by_ballot, key=lambda text: int(text.split()[-1])):
        choice = {(name[str(item)], dots) for item, dots in by_ballot[label]}
        cast = [n for n, (a, b) in enumerate(picks) if choice == {(a, 1), (b, 2)}]
        order += cast
    assert sorted(order) == list(range(8))
    assert order != sorted(order) and order != sorted(order, reverse=True)


def test_exchange_file_lists_ballots_by_a_hash_of_their_id_not_by_time(
    demo_session: SessionFile,
) -> None:
    cast_ballots(demo_session, 8)
    votes = export_document(demo_session)["votes"]
    ballots = [v["ballot_id"] for v in votes if "ballot_id" in v]
    listed = list(dict.fromkeys(ballots))
    assert listed == unordered_ids(listed)
    assert len(listed) == len(set(ballots))  # each ballot's records together
    assert all("ballot_id" not in v for v in votes[: len(votes) - len(ballots)])


def group_dots(path: Path, theme_name: str, group_name: str) -> object:
    sheet = load_workbook(path)["Thema's"]
    header = [str(c.value) for c in sheet[1]]
    column = next(i for i, h in enumerate(header) if group_name in h)
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == theme_name)
    return row[column]


def test_a_tables_tally_counts_for_the_tables_group_as_in_the_console(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    from desktop_app.core.model import Kind, Vote

    groups = {g.id: g for g in demo_session.target_groups()}
    # A group large enough to be shown (not "<5").
    table = next(
        t
        for t in demo_session.tables()
        if t.target_group_id and (groups[t.target_group_id].participants or 0) >= 5
    )
    group = groups[table.target_group_id or ""]
    theme = demo_session.themes()[0]
    write_workbook(demo_session.snapshot(), tmp_path / "voor.xlsx")
    demo_session.add(
        Kind.VOTE,
        Vote(
            id="9a0f0c9a-8a55-4c35-9c5a-2b1a3f1d5e77", item_id=theme.id, dots=5, table_id=table.id
        ),
    )
    write_workbook(demo_session.snapshot(), tmp_path / "na.xlsx")
    before = group_dots(tmp_path / "voor.xlsx", theme.name, group.name)
    after = group_dots(tmp_path / "na.xlsx", theme.name, group.name)
    assert isinstance(before, int) and isinstance(after, int)
    assert after - before == 5
