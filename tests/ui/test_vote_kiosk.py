"""The voting kiosk, driven as voters would: mouse, keyboard, a queue of 20."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core import run_state
from desktop_app.core.model import SessionSnapshot
from desktop_app.core.ranking import vote_items
from desktop_app.core.timestamps import parse_instant
from desktop_app.core.voting import VoterSeeds, rules_of, voter_order
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController
from desktop_app.ui.kiosk import KioskWindow


@pytest.fixture(autouse=True)
def voting_open(demo_session: SessionFile) -> None:
    """The kiosk is used while voting is open (set before the controller exists)."""
    demo_session.set_state(run_state.VOTING_OPEN, True)


@pytest.fixture
def kiosk(qtbot: QtBot, controller: SessionController) -> Iterator[KioskWindow]:
    window = KioskWindow(controller, seed=2026)
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def ballots(snapshot: SessionSnapshot) -> dict[str, list[tuple[str, int, str | None]]]:
    result: dict[str, list[tuple[str, int, str | None]]] = defaultdict(list)
    for vote in snapshot.live_votes():
        if vote.ballot_id is not None:
            result[vote.ballot_id].append((vote.item_id, vote.dots, vote.target_group_id))
    return result


def visible_texts(window: KioskWindow) -> list[str]:
    texts = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible()]
    return sorted(texts)


def test_a_queue_of_twenty_voters(
    qtbot: QtBot, kiosk: KioskWindow, controller: SessionController, artifacts: Path
) -> None:
    before = ballots(controller.snapshot())
    snapshot = controller.snapshot()
    rules = rules_of(snapshot)
    groups = [g.id for g in snapshot.live_target_groups()]
    orders = []
    for voter in range(20):
        assert kiosk.current_screen() == KioskWindow.GROUPS
        # Nothing of the previous voter is on screen.
        assert kiosk.rows == {} and kiosk.ballot is None
        if voter % 2:
            qtbot.keyClick(kiosk, Qt.Key(Qt.Key.Key_1 + voter % 4))
        else:
            qtbot.mouseClick(kiosk.group_buttons[voter % 4], Qt.MouseButton.LeftButton)
        assert kiosk.current_screen() == KioskWindow.BALLOT
        orders.append(tuple(kiosk.order))
        spend = rules.dots - (1 if voter % 5 == 0 else 0)
        if voter % 2:
            # keyboard: + on the focused row, Down to the next one
            while kiosk.ballot is not None and kiosk.ballot.spent < spend:
                focused = kiosk.focusWidget()
                qtbot.keyClick(focused, Qt.Key.Key_Plus)
                if kiosk.ballot.count(focused.item_id) == rules.cap:  # type: ignore[union-attr]
                    qtbot.keyClick(focused, Qt.Key.Key_Down)
        else:
            for item_id in kiosk.order:
                row = kiosk.rows[item_id]
                while (
                    kiosk.ballot is not None
                    and row.plus_button.isEnabled()
                    and kiosk.ballot.spent < spend
                ):
                    qtbot.mouseClick(row.plus_button, Qt.MouseButton.LeftButton)
        assert kiosk.ballot is not None and kiosk.ballot.spent == spend
        left = kiosk.left_label.text()
        assert ("1 stip over" in left) if spend < rules.dots else ("Alle stippen" in left)
        with qtbot.waitSignal(kiosk.ballot_cast):
            if voter % 2:
                qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Return)
            else:
                qtbot.mouseClick(kiosk.cast_button, Qt.MouseButton.LeftButton)
            if spend < rules.dots:
                assert kiosk.current_screen() == KioskWindow.CONFIRM
                qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
        assert kiosk.current_screen() == KioskWindow.THANKS
        assert kiosk.rows == {}  # the thank-you screen shows no choices
        if voter == 0:
            kiosk.grab().save(str(artifacts / "kiosk_thanks.png"))
        qtbot.mouseClick(kiosk.next_button, Qt.MouseButton.LeftButton)

    after = ballots(controller.snapshot())
    new = {bid: votes for bid, votes in after.items() if bid not in before}
    assert len(new) == 20
    per_group = Counter()
    for votes in new.values():
        assert sum(d for _, d, _ in votes) in (rules.dots, rules.dots - 1)
        assert all(1 <= d <= rules.cap for _, d, _ in votes)
        assert len({g for _, _, g in votes}) == 1
        per_group[votes[0][2]] += 1
    assert per_group == {gid: 5 for gid in groups}
    # No exact time: every record of a ballot carries a time rounded to the hour.
    for vote in controller.snapshot().live_votes():
        if vote.ballot_id in new:
            moment = parse_instant(vote.updated_at or "")
            assert (moment.minute, moment.second, moment.microsecond) == (0, 0, 0)
    # A fresh order per voter, reproducible from the kiosk's seed.
    assert len(set(orders)) > 1
    seeds = VoterSeeds(2026)
    items = [item_id for item_id, _ in vote_items(controller.snapshot())]
    assert orders == [tuple(voter_order(items, seeds.next())) for _ in range(20)]


clicks = st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=6)), max_size=25)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moves=clicks)
def test_no_clicks_on_the_kiosk_break_budget_or_cap(
    qtbot: QtBot, kiosk: KioskWindow, moves: list[tuple[bool, int]]
) -> None:
    kiosk.next_voter()
    qtbot.mouseClick(kiosk.group_buttons[0], Qt.MouseButton.LeftButton)
    ballot = kiosk.ballot
    assert ballot is not None
    for plus, index in moves:
        row = kiosk.rows[kiosk.order[index % len(kiosk.order)]]
        if plus and index % 3 == 0:
            qtbot.keyClick(row, Qt.Key.Key_Plus)  # the keyboard bypasses disabled buttons
        else:
            button = row.plus_button if plus else row.minus_button
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        counts = [ballot.count(i) for i in kiosk.order]
        assert all(0 <= c <= ballot.cap for c in counts)
        assert sum(counts) == ballot.spent <= ballot.budget
        for item_id, shown in kiosk.rows.items():
            assert shown.count_label.text().count("\u25cf") == ballot.count(item_id)
            assert shown.plus_button.isEnabled() == ballot.can_add(item_id)


def test_the_voter_cannot_undo_but_the_facilitator_can(
    qtbot: QtBot, kiosk: KioskWindow, controller: SessionController
) -> None:
    before = len(ballots(controller.snapshot()))
    qtbot.mouseClick(kiosk.group_buttons[2], Qt.MouseButton.LeftButton)
    first = kiosk.rows[kiosk.order[0]]
    qtbot.mouseClick(first.plus_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.ballot_cast):
        qtbot.mouseClick(kiosk.cast_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(kiosk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(ballots(controller.snapshot())) == before + 1
    assert controller.can_undo()
    controller.undo()  # the facilitator, in the console
    assert len(ballots(controller.snapshot())) == before


def test_kiosk_never_shows_results_and_closes_with_voting(
    qtbot: QtBot, kiosk: KioskWindow, controller: SessionController
) -> None:
    qtbot.mouseClick(kiosk.group_buttons[0], Qt.MouseButton.LeftButton)
    hidden = visible_texts(kiosk)
    controller.run_unrecorded(
        lambda: controller.session_file.set_state(run_state.RESULTS_REVEALED, True)
    )
    assert visible_texts(kiosk) == hidden  # revealing changes nothing on the kiosk
    totals = {str(v.dots) for v in controller.snapshot().live_votes() if v.dots > 4}
    assert not totals & set(" ".join(hidden).split())
    controller.run_unrecorded(
        lambda: controller.session_file.set_state(run_state.VOTING_OPEN, False)
    )
    assert kiosk.current_screen() == KioskWindow.CLOSED
    assert kiosk.ballot is None and kiosk.rows == {}
    controller.run_unrecorded(
        lambda: controller.session_file.set_state(run_state.VOTING_OPEN, True)
    )
    assert kiosk.current_screen() == KioskWindow.GROUPS


def test_items_of_the_ballot_are_the_live_themes(
    kiosk: KioskWindow, controller: SessionController
) -> None:
    kiosk.choose_group(None)
    names = sorted(row.name_label.text() for row in kiosk.rows.values())
    assert names == sorted(t.name for t in controller.snapshot().live_themes())


def test_the_kiosk_closes_with_its_session(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.storage.demo import create_demo_copy
    from desktop_app.ui.console import build_console_window
    from desktop_app.ui.settings import Settings

    window = build_console_window(Settings(), "nl")
    qtbot.addWidget(window)
    window.show()
    assert window.open_session(create_demo_copy(tmp_path))
    window.phase_nav.setCurrentRow(3)
    page = window.page(3)
    kiosk = page.open_kiosk(full_screen=False)  # type: ignore[attr-defined]
    assert kiosk.isVisible()
    window.close_session()
    qtbot.waitUntil(lambda: page.kiosk is None or not kiosk.isVisible())
    window.close()


def test_the_ballot_shows_the_chosen_group_before_casting(
    qtbot: QtBot, kiosk: KioskWindow, controller: SessionController
) -> None:
    groups = controller.snapshot().live_target_groups()
    qtbot.keyClick(kiosk, Qt.Key.Key_2)  # the second group, as its button says
    assert kiosk.current_screen() == KioskWindow.BALLOT
    assert kiosk.group_label.isVisible()
    assert kiosk.group_label.text() == f"Je stemt als: {groups[1].name}"
    # A dot short of the budget: the question before casting names the group too.
    qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Plus)
    qtbot.mouseClick(kiosk.cast_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_screen() == KioskWindow.CONFIRM
    assert kiosk.confirm_group_label.text() == f"Je stemt als: {groups[1].name}"
    # "Andere groep" goes back to the choice; the next choice shows its own name.
    qtbot.mouseClick(kiosk.keep_choosing_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.back_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_screen() == KioskWindow.GROUPS
    qtbot.keyClick(kiosk, Qt.Key.Key_1)
    assert kiosk.group_label.text() == f"Je stemt als: {groups[0].name}"
