"""The suggestions panel: deterministic, offered one by one, and accepting does what it says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core import run_state
from desktop_app.core.model import Kind
from desktop_app.core.suggestions import suggest
from desktop_app.storage import duplicates
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.themes import DISMISSED_KEY, ThemesPage


@pytest.fixture
def unclustered(demo_session: SessionFile) -> SessionFile:
    """The demo with no themes yet: everything in the tray, as after the rounds."""
    for theme in demo_session.themes():
        demo_session.delete(Kind.THEME, theme.id)
    return demo_session


def make_page(qtbot: QtBot, controller: SessionController) -> ThemesPage:
    page = ThemesPage(controller)
    qtbot.addWidget(page)
    page.resize(1700, 1000)
    page.show()
    qtbot.waitExposed(page)
    return page


def members(session_file: SessionFile) -> dict[str, tuple[str, ...]]:
    return {t.id: t.proposal_ids for t in session_file.themes()}


def test_suggestions_are_deterministic_for_a_given_input(
    qtbot: QtBot, unclustered: SessionFile, controller: SessionController
) -> None:
    proposals = [(p.id, p.text) for p in unclustered.proposals()]
    rounds = {p.id: p.round_id for p in unclustered.proposals()}
    first = suggest(proposals, "nl", rounds=rounds)
    assert suggest(list(reversed(proposals)), "nl", rounds=rounds) == first
    page = make_page(qtbot, controller)
    page.show_suggestions()
    shown = list(page.suggestion_keys())
    page.show_suggestions()
    assert list(page.suggestion_keys()) == shown
    assert page.suggestions == first
    assert page.panel.isVisible()


def test_accepting_a_theme_suggestion_creates_exactly_that_theme(
    qtbot: QtBot, unclustered: SessionFile, controller: SessionController
) -> None:
    page = make_page(qtbot, controller)
    page.show_suggestions()
    item = page.panel.theme_items[0]
    suggestion = item.suggestion
    before = members(unclustered)
    tray_before = set(page.tray_model.ids())

    qtbot.mouseClick(item.accept_button, Qt.MouseButton.LeftButton)

    after = members(unclustered)
    new = [tid for tid in after if tid not in before]
    assert len(new) == 1
    assert after[new[0]] == suggestion.proposal_ids
    assert unclustered.get(Kind.THEME, new[0]).name == suggestion.name  # type: ignore[union-attr]
    assert {tid: ids for tid, ids in after.items() if tid != new[0]} == before
    assert set(page.tray_model.ids()) == tray_before - set(suggestion.proposal_ids)
    assages = [i.suggestion for i in page.panel.theme_items]
    assert suggestion not in assages  # done, not offered again

    controller.undo()
    assert members(unclustered) == before


def test_an_edited_name_is_the_name_the_theme_gets(
    qtbot: QtBot, unclustered: SessionFile, controller: SessionController
) -> None:
    page = make_page(qtbot, controller)
    page.show_suggestions()
    item = page.panel.theme_items[1]
    item.name_edit.lineEdit().selectAll()
    qtbot.keyClicks(item.name_edit.lineEdit(), "Samen sterker")
    qtbot.mouseClick(item.accept_button, Qt.MouseButton.LeftButton)
    names = [t.name for t in unclustered.themes()]
    assert names == ["Samen sterker"]


def test_proposals_already_in_a_theme_stay_there(
    qtbot: QtBot, unclustered: SessionFile, controller: SessionController
) -> None:
    page = make_page(qtbot, controller)
    page.show_suggestions()
    item = page.panel.theme_items[0]
    taken = item.suggestion.proposal_ids[0]
    other = page.new_theme([taken], "Eerder gemaakt")
    assert other is not None
    assert "blijven daar): 1." in item.count_label.text()

    theme_id = page.accept_theme_suggestion(item.suggestion, item.name_edit.currentText())

    assert theme_id is not None
    stored = members(unclustered)
    assert stored[other] == (taken,)
    assert stored[theme_id] == item.suggestion.proposal_ids[1:]


def test_merging_a_duplicate_pair_keeps_both_texts_and_counts_the_tables(
    qtbot: QtBot, demo_session: SessionFile, controller: SessionController
) -> None:
    page = make_page(qtbot, controller)
    page.show_suggestions()
    assert page.panel.duplicate_items, "the demo has near-duplicates across tables"
    item = page.panel.duplicate_items[0]
    a, b = item.pair
    texts = {a: demo_session.get(Kind.PROPOSAL, a).text, b: demo_session.get(Kind.PROPOSAL, b).text}  # type: ignore[union-attr]
    target = page.theme_of.get(a) or page.theme_of.get(b)
    assert target is not None
    before = members(demo_session)

    qtbot.mouseClick(item.accept_button, Qt.MouseButton.LeftButton)

    assert duplicates.links(demo_session) == {b: a}
    for pid, text in texts.items():
        proposal = demo_session.get(Kind.PROPOSAL, pid)
        assert proposal is not None and not proposal.deleted and proposal.text == text
        assert page.theme_of[pid] == target
    tables = {demo_session.get(Kind.PROPOSAL, p).table_id for p in (a, b)}  # type: ignore[union-attr]
    expected = f"{len(tables)} tafels" if len(tables) > 1 else "2×"
    assert page.cards[a].badge == expected
    assert page.cards[b].linked_to == a

    controller.undo()  # one step: the link and the move
    assert duplicates.links(demo_session) == {}
    assert members(demo_session) == before
    assert page.cards[a].badge == ""


def test_merging_duplicates_outside_any_theme_asks_which_theme(
    qtbot: QtBot, unclustered: SessionFile, controller: SessionController
) -> None:
    page = make_page(qtbot, controller)
    page.show_suggestions()
    a, b = page.panel.duplicate_items[0].pair
    page.accept_duplicate(a, b)
    picker = page.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.filter_edit, "Fysio op locatie")
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    themes = unclustered.themes()
    assert [t.name for t in themes] == ["Fysio op locatie"]
    assert set(themes[0].proposal_ids) == {a, b}
    assert duplicates.links(unclustered) == {b: a}


def test_dismissed_suggestions_stay_dismissed_for_the_session(
    qtbot: QtBot, unclustered: SessionFile, controller: SessionController
) -> None:
    page = make_page(qtbot, controller)
    page.show_suggestions()
    theme_item = page.panel.theme_items[0]
    dup_item = page.panel.duplicate_items[0]
    qtbot.mouseClick(theme_item.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.panel.duplicate_items[0].dismiss_button, Qt.MouseButton.LeftButton)
    stored = set(unclustered.state(DISMISSED_KEY, []))
    assert stored == {theme_item.key, dup_item.key}
    assert members(unclustered) == {}  # dismissing changes nothing on the board

    again = make_page(qtbot, controller)  # e.g. after reopening the session
    again.show_suggestions()
    keys = set(again.suggestion_keys())
    assert theme_item.key not in keys and dup_item.key not in keys


def test_no_theme_can_be_accepted_while_voting_is_open(
    qtbot: QtBot, unclustered: SessionFile, controller: SessionController
) -> None:
    page = make_page(qtbot, controller)
    page.show_suggestions()
    controller.run_unrecorded(lambda: unclustered.set_state(run_state.VOTING_OPEN, True))
    item = page.panel.theme_items[0]
    assert not item.accept_button.isEnabled()
    assert page.accept_theme_suggestion(item.suggestion, "x") is None
    assert members(unclustered) == {}
