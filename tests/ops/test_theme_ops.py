"""Theme operations: the rules every caller meets (console, command line, room)."""

from __future__ import annotations

import pytest

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import Kind, Theme
from desktop_app.storage.session_file import SessionFile


def tray(session: SessionFile) -> list[str]:
    held = {pid for theme in session.themes() for pid in theme.proposal_ids}
    return [p.id for p in session.proposals() if p.id not in held]


def test_while_voting_is_open_themes_neither_come_nor_go(demo: SessionFile) -> None:
    demo.set_state(run_state.VOTING_OPEN, True)
    first, second = demo.themes()[:2]
    refusals = [
        lambda: ops.new_theme(demo, "Nieuw", tray(demo)[:1]),
        lambda: ops.merge_themes(demo, first.id, second.id),
        lambda: ops.split_theme(demo, first.id, first.proposal_ids[:1], "Deel 2"),
        lambda: ops.delete_theme(demo, first.id),
        lambda: ops.link_duplicates(demo, tray(demo)[0], tray(demo)[1], new_theme_name="x"),
    ]
    before = demo.snapshot()
    for refused in refusals:
        with pytest.raises(ops.OperationError) as caught:
            refused()
        assert "Het stemmen is open" in caught.value.message("nl")
        assert "Voting is open" in caught.value.message("en")
    assert demo.snapshot() == before
    assert not demo.history.can_undo
    # naming and moving cards stay possible
    ops.rename_theme(demo, first.id, "Beter verwoord")
    assert ops.move_cards(demo, tray(demo)[:1], second.id) == 1
    assert len(demo.history.steps) == 2


def test_nothing_to_do_is_no_step(demo: SessionFile) -> None:
    theme = demo.themes()[0]
    assert ops.move_cards(demo, theme.proposal_ids[:2], theme.id) == 0
    assert ops.rename_theme(demo, theme.id, theme.name) == theme
    ops.describe_theme(demo, theme.id, theme.description)
    ops.colour_theme(demo, theme.id, None)
    assert not demo.history.can_undo


def test_a_theme_is_not_merged_into_itself_and_a_split_needs_its_own_cards(
    demo: SessionFile,
) -> None:
    first, second = demo.themes()[:2]
    with pytest.raises(ops.OperationError):
        ops.merge_themes(demo, first.id, first.id)
    with pytest.raises(ops.OperationError) as caught:
        ops.split_theme(demo, first.id, second.proposal_ids, "Deel 2")
    assert "Kies eerst de kaarten" in caught.value.message("nl")


def test_merge_puts_the_cards_after_the_targets_own_and_the_source_goes(
    demo: SessionFile,
) -> None:
    source, target = demo.themes()[:2]
    merged = ops.merge_themes(demo, source.id, target.id)
    assert merged.proposal_ids == target.proposal_ids + source.proposal_ids
    assert demo.require(Kind.THEME, source.id, Theme).deleted
    assert source.id not in {t.id for t in demo.themes()}


def test_a_new_theme_takes_its_cards_from_their_old_theme(demo: SessionFile) -> None:
    old = demo.themes()[0]
    taken = old.proposal_ids[:2]
    new = ops.new_theme(demo, "Nieuw", taken, color="#CC79A7")
    assert new.proposal_ids == taken
    assert demo.require(Kind.THEME, old.id, Theme).proposal_ids == old.proposal_ids[2:]
    assert demo.theme_colors()[new.id] == "#CC79A7"
    # the old theme's record changed, so it carries a new stamp (it travels)
    assert demo.require(Kind.THEME, old.id, Theme).updated_at != old.updated_at


def test_duplicates_end_in_one_theme_and_point_at_the_first(demo: SessionFile) -> None:
    from desktop_app.storage import duplicates

    kept, duplicate = tray(demo)[:2]
    theme = demo.themes()[0]
    assert ops.link_duplicates(demo, duplicate, kept, theme_id=theme.id) == theme.id
    members = demo.require(Kind.THEME, theme.id, Theme).proposal_ids
    assert kept in members and duplicate in members
    assert duplicates.links(demo) == {duplicate: kept}
    assert len(demo.history.steps) == 1
