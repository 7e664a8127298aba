"""Ballot cards (real PDF read back) and one count over every channel (real Excel read back)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pypdf
import pytest

from desktop_app.core import run_state
from desktop_app.core.model import Kind
from desktop_app.core.voting import compute_results, tally_cells
from desktop_app.export.ballot_cards import card_payload, write_ballot_cards
from desktop_app.export.workbook import write_workbook
from desktop_app.ops import cast_ballot, set_tally
from desktop_app.ops import room as room_ops
from desktop_app.storage.session_file import SessionFile


def test_cards_print_one_code_each_and_count_once(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    tokens = room_ops.issue_ballot_cards(demo_session, 10)
    assert len(set(tokens)) == 10
    target = tmp_path / "kaarten.pdf"
    write_ballot_cards(target, tokens, title="PMO", room_url="http://192.168.1.20:8080")
    reader = pypdf.PdfReader(str(target))
    assert len(reader.pages) == 2  # eight to a page
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for token in tokens:
        assert token in text
    assert "Stemkaart" in text and "Eén keer geldig" in text
    assert card_payload(tokens[0], "http://192.168.1.20:8080/") == (
        f"http://192.168.1.20:8080/room#card={tokens[0]}"
    )
    # The file keeps hashes only: no token can be read back from it.
    dump = "".join(demo_session.connection.iterdump())
    assert not any(token in dump for token in tokens)


def test_stickers_kiosk_cards_and_phones_make_one_result_and_the_workbook_counts_each(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    session = demo_session
    with session.transaction():
        session.set_state(run_state.VOTING_OPEN, True)
    items = session.live_ids(Kind.THEME)
    budget, cap = room_ops.voting_rules(session)
    group = session.target_groups()[0].id
    before = {i: t for i, t in _totals(session).items()}
    cell = tally_cells(session.snapshot(), "group").get((items[0], group), [])
    set_tally(session, items[0], group, sum(v.dots for v in cell) + 3)
    cast_ballot(session, {items[1]: 1}, target_group_id=group, budget=budget, cap=cap)
    card = room_ops.issue_ballot_cards(session, 1)[0]
    room_ops.cast_token_ballot(session, card, {items[2]: 1}, target_group_id=group, channel="card")
    room_ops.cast_token_ballot(
        session, "phone-token-123", {items[2]: 1}, target_group_id=group, channel="phone"
    )
    after = _totals(session)
    assert after[items[0]] - before.get(items[0], 0) == 3
    assert after[items[1]] - before.get(items[1], 0) == 1
    assert after[items[2]] - before.get(items[2], 0) == 2

    target = tmp_path / "hr.xlsx"
    write_workbook(session.snapshot(), target)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Stemmen via stemkaarten"] == "1 stemmers, 1 stippen"
    assert rows["Stemmen via telefoons"] == "1 stemmers, 1 stippen"
    assert str(rows["Stemmen via de stemkiosk"]).startswith(f"{_kiosk_ballots(session)} stemmers")
    assert "Stemmen via stickers" in rows


def _totals(session: SessionFile) -> dict[str, int]:
    results = compute_results(session.snapshot())
    return {item.item_id: item.total for item in results.ranking}


def _kiosk_ballots(session: SessionFile) -> int:
    channels = session.snapshot().vote_channels
    return len(
        {
            v.ballot_id
            for v in session.snapshot().live_votes()
            if v.ballot_id is not None and v.id not in channels
        }
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_cards_speak_the_sessions_language(tmp_path: Path, lang: str) -> None:
    target = tmp_path / f"cards-{lang}.pdf"
    write_ballot_cards(target, ["abcdefgh12345678"], title="X", lang=lang)
    text = pypdf.PdfReader(str(target)).pages[0].extract_text()
    assert ("Ballot card" in text) == (lang == "en")


def test_phone_votes_of_a_group_below_the_privacy_floor_are_not_shown_on_their_own(
    session_file: SessionFile,
) -> None:
    """Phone ballots count per target group like kiosk ballots: a group with fewer
    voters than the floor gets no numbers of its own (and, with it, the smallest other
    group, so that the two together have enough voters; core/ranking.hidden_groups)."""
    from desktop_app.core.model import Round, Table, TargetGroup

    session = session_file
    with session.transaction():
        session.update_session(vote_target="proposal", dots_per_participant=3, max_dots_per_item=2)
        for gid, name, people in (
            ("a", "Monteurs", 40),
            ("b", "Kantoor", 30),
            ("c", "Directie", 3),
        ):
            session.add(Kind.TARGET_GROUP, TargetGroup(id=gid, name=name, participants=people))
        session.add(Kind.TABLE, Table(id="t1", name="Tafel 1", target_group_id="a"))
        session.add(Kind.ROUND, Round(id="r1", number=1, question="Wat helpt?"))
        items = [session.add_proposal("r1", "t1", f"Voorstel {n}").id for n in range(4)]
        session.set_state(run_state.VOTING_OPEN, True)
    floor = session.snapshot().privacy_floor
    for group, count in (("a", floor + 2), ("b", floor + 1), ("c", 1)):
        for n in range(count):
            room_ops.cast_token_ballot(
                session,
                f"{group}-{n:06d}",
                {items[n % 4]: 1},
                target_group_id=group,
                channel="phone",
            )
    results = compute_results(session.snapshot())
    shown = {g.group_id for g in results.shown_groups}
    assert shown == {"a"}
    small = next(g for g in results.groups if g.group_id == "c")
    assert small.suppressed and small.cell(items[0], floor) == f"<{floor}"
    assert results.ballots == 2 * floor + 4  # every phone ballot in the whole result
    assert sum(item.total for item in results.ranking) == 2 * floor + 4
