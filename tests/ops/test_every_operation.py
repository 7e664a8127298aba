"""Every operation: one step; do -> undo is as before; do -> undo -> redo is as after.

"As before" allows exactly one thing: an undone add leaves a tombstone, so that
the deletion reaches laptops that already have the record (see conftest.as_before).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app import ops
from desktop_app.core.model import ContextItem, Kind, Round, Table, TargetGroup
from desktop_app.storage.follow_up import prepare_take_over, read_earlier_plan
from desktop_app.storage.session_file import Change, SessionFile, new_id

Case = Callable[[SessionFile, Path], object]


def _proposals(s: SessionFile) -> list[str]:
    return [p.id for p in s.proposals()]


def _theme_of(s: SessionFile) -> dict[str, str]:
    return {pid: t.id for t in s.themes() for pid in t.proposal_ids}


def _in_tray(s: SessionFile) -> list[str]:
    held = _theme_of(s)
    return [pid for pid in _proposals(s) if pid not in held]


def _themes(s: SessionFile) -> list[str]:
    return [t.id for t in s.themes()]


def _groups(s: SessionFile) -> list[str]:
    return [g.id for g in s.target_groups()]


def _earlier_plan_file(s: SessionFile, tmp: Path) -> Path:
    """Last year's session: the demo's plan under another session id."""
    from desktop_app.storage.exchange import export_document

    document: dict[str, Any] = export_document(s)
    document["session"] = dict(document["session"], id=new_id(), title="PMO 2025")
    target = tmp / "vorig-jaar.json"
    target.write_text(json.dumps(document), "utf-8")
    return target


def _take_over_plan(s: SessionFile, tmp: Path) -> object:
    take = prepare_take_over(s, read_earlier_plan(_earlier_plan_file(s, tmp)))
    return ops.take_over_plan(s, take)


def _cast(s: SessionFile) -> str:
    a, b = _themes(s)[:2]
    return ops.cast_ballot(s, {a: 2, b: 1}, target_group_id=_groups(s)[0], budget=4, cap=2)


CASES: dict[str, Case] = {
    # proposals
    "add_proposal": lambda s, _: ops.add_proposal(
        s, s.rounds()[0].id, s.tables()[0].id, "Fruit op de bouw 🍎"
    ),
    "edit_proposal": lambda s, _: ops.edit_proposal(s, _proposals(s)[0], "=Fruit en water"),
    "delete_proposals": lambda s, _: ops.delete_proposals(s, _proposals(s)[:3]),
    "hide_on_beamer": lambda s, _: ops.hide_on_beamer(s, _proposals(s)[:2], True),
    # themes
    "new_theme": lambda s, _: ops.new_theme(s, "Nieuw", _proposals(s)[:2], color="#CC79A7"),
    "new_theme_from_tray": lambda s, _: ops.new_theme(s, "Uit de bak", _in_tray(s)[:2]),
    "rename_theme": lambda s, _: ops.rename_theme(s, _themes(s)[0], "Anders genoemd"),
    "describe_theme": lambda s, _: ops.describe_theme(s, _themes(s)[0], "Waar het om gaat"),
    "colour_theme": lambda s, _: ops.colour_theme(s, _themes(s)[1], "#009E73"),
    "move_cards_to_theme": lambda s, _: ops.move_cards(s, _proposals(s)[:4], _themes(s)[2]),
    "move_cards_to_tray": lambda s, _: ops.move_cards(s, list(_theme_of(s))[:3], None),
    "place_cards": lambda s, _: ops.place_cards(
        s, {p: _themes(s)[i % 3] for i, p in enumerate(_proposals(s)[:5])}
    ),
    "merge_themes": lambda s, _: ops.merge_themes(s, _themes(s)[0], _themes(s)[1]),
    "split_theme": lambda s, _: ops.split_theme(
        s, _themes(s)[0], s.themes()[0].proposal_ids[:2], "Deel 2", color="#D55E00"
    ),
    "delete_theme": lambda s, _: ops.delete_theme(s, _themes(s)[3]),
    "link_duplicates_in_theme": lambda s, _: ops.link_duplicates(
        s, _in_tray(s)[0], s.themes()[0].proposal_ids[0]
    ),
    "link_duplicates_new_theme": lambda s, _: ops.link_duplicates(
        s, _in_tray(s)[0], _in_tray(s)[1], new_theme_name="Dubbel"
    ),
    # voting
    "set_tally_new_cell": lambda s, _: ops.set_tally(s, _themes(s)[-1], _groups(s)[-1], 7),
    "set_tally_change_cell": lambda s, _: ops.set_tally(
        s, s.snapshot().live_votes()[0].item_id, _tally_column(s), 9
    ),
    "set_tally_to_zero": lambda s, _: ops.set_tally(
        s, s.snapshot().live_votes()[0].item_id, _tally_column(s), 0
    ),
    "set_tally_by_table": lambda s, _: ops.set_tally(
        s, _themes(s)[0], s.tables()[0].id, 3, by_table=True
    ),
    "cast_ballot": lambda s, _: _cast(s),
    "void_last_ballot": lambda s, _: ops.void_last_ballot(s),
    "fix_voting_rules": lambda s, _: ops.fix_voting_rules(s, 5, 3),
    "set_voting_groups": lambda s, _: ops.set_voting_groups(s, _groups(s)[:2]),
    # action plan
    "promote_top": lambda s, _: ops.promote_top(s, 3),
    "promote_item": lambda s, _: ops.promote_item(s, _themes(s)[-1]),
    "edit_intervention": lambda s, _: ops.edit_intervention(
        s, s.interventions()[0].id, owner="Femke (P&O)", impact=4, follow_up="2030-10-01"
    ),
    "delete_intervention": lambda s, _: ops.delete_intervention(s, s.interventions()[1].id),
    "reorder_interventions": lambda s, _: ops.reorder(
        s, Kind.INTERVENTION, list(reversed([iv.id for iv in s.interventions()]))
    ),
    "take_over_plan": _take_over_plan,
    # prepare
    "edit_session": lambda s, _: ops.edit_session(s, title="PMO 2030", date="2030-05-14"),
    "set_privacy_floor": lambda s, _: ops.set_privacy_floor(s, 8),
    "add_target_group": lambda s, _: ops.add_entity(
        s, Kind.TARGET_GROUP, TargetGroup(new_id(), "Uitzendkrachten", 12)
    ),
    "add_round": lambda s, _: ops.add_entity(s, Kind.ROUND, Round(new_id(), 4, "En verder?")),
    "add_context_item": lambda s, _: ops.add_entity(
        s, Kind.CONTEXT_ITEM, ContextItem(new_id(), "risk", "Lawaai")
    ),
    "add_tables": lambda s, _: ops.add_tables(
        s, [Table(new_id(), f"Tafel {n}") for n in range(9, 21)]
    ),
    "edit_table": lambda s, _: ops.edit_entity(
        s, Kind.TABLE, s.tables()[0].id, name="Tafel bij het raam", host="Anouk"
    ),
    "delete_target_group": lambda s, _: ops.delete_entity(
        s, Kind.TARGET_GROUP, s.target_groups()[-1].id
    ),
    "reorder_tables": lambda s, _: ops.reorder(
        s, Kind.TABLE, list(reversed([t.id for t in s.tables()]))
    ),
    "reorder_rounds": lambda s, _: ops.reorder(
        s, Kind.ROUND, [s.rounds()[1].id, s.rounds()[0].id, s.rounds()[2].id]
    ),
}


def _without_plan(s: SessionFile) -> None:
    for iv in s.interventions():
        s.delete(Kind.INTERVENTION, iv.id)


# What a case needs first (storage commands: no undo step).
SETUP: dict[str, Callable[[SessionFile], object]] = {
    "void_last_ballot": _cast,
    "promote_top": _without_plan,
}


def _tally_column(s: SessionFile) -> str:
    vote = s.snapshot().live_votes()[0]
    assert vote.target_group_id is not None and vote.table_id is None
    return vote.target_group_id


@pytest.mark.parametrize("name", sorted(CASES))
def test_undo_is_as_before_and_redo_as_after(
    demo: SessionFile,
    tmp_path: Path,
    name: str,
    world: Callable[[SessionFile], dict[str, Any]],
    as_before: Callable[[dict[str, Any], dict[str, Any]], list[str]],
) -> None:
    if name in SETUP:
        SETUP[name](demo)
        demo.history.clear()
    before = world(demo)
    seen = demo.snapshot()
    heard: list[Change] = []
    demo.subscribe(heard.append)
    CASES[name](demo, tmp_path)
    after = world(demo)
    # What the GUI keeps: the snapshot patched with the change equals a fresh read.
    assert len(heard) == 1
    assert demo.snapshot_after(seen, heard) == demo.snapshot()
    assert after != before
    assert len(demo.history.steps) == 1  # one operation, one step
    assert demo.history.can_undo and not demo.history.can_redo

    seen = demo.snapshot()
    undone = demo.undo()
    assert undone is not None and undone.refused == 0
    assert as_before(before, world(demo)) == []
    assert demo.snapshot_after(seen, heard[1:]) == demo.snapshot()
    assert demo.history.can_redo

    redone = demo.redo()
    assert redone is not None and redone.refused == 0
    assert world(demo) == after

    # and the same again: undo and redo stay exact after they re-stamped the rows
    demo.undo()
    assert as_before(before, world(demo)) == []
    demo.redo()
    assert world(demo) == after
