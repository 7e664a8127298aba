"""The controller: one door for operations; undo that cannot be written says so."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app import ops
from desktop_app.core.model import Kind, Proposal
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController


def test_undo_that_cannot_be_written_is_a_message_and_changes_nothing(
    qtbot: QtBot, controller: SessionController
) -> None:
    session = controller.session_file
    round_, table = session.rounds()[0], session.tables()[0]
    proposal = controller.run(ops.add_proposal, round_.id, table.id, "Fruit op vrijdag")
    assert proposal is not None
    controller.run(ops.edit_proposal, proposal.id, "Fruit elke dag")
    # The file turns read-only under the app (a USB stick's write switch, say).
    session.connection.execute("PRAGMA query_only = ON")
    with qtbot.waitSignal(controller.error) as message:
        assert controller.undo() is None
    assert "alleen-lezen" in message.args[0]
    assert session.require(Kind.PROPOSAL, proposal.id, Proposal).text == "Fruit elke dag"
    # Nothing was lost from the history: once the file is writable again, undo works.
    session.connection.execute("PRAGMA query_only = OFF")
    assert controller.undo_text() == "Voorstel bewerken"
    controller.undo()
    assert session.require(Kind.PROPOSAL, proposal.id, Proposal).text == "Fruit op vrijdag"


def test_a_refused_operation_is_a_message_and_no_step(
    qtbot: QtBot, controller: SessionController
) -> None:
    session = controller.session_file
    round_, table = session.rounds()[0], session.tables()[0]
    before = session.snapshot()
    with qtbot.waitSignal(controller.error) as message:
        assert controller.run(ops.add_proposal, round_.id, table.id, "x" * 2001) is None
    assert "te lang" in message.args[0]
    assert session.snapshot() == before
    assert not controller.can_undo()


def test_an_operation_is_one_change_event(qtbot: QtBot, controller: SessionController) -> None:
    theme_a, theme_b = controller.session_file.themes()[:2]
    heard = []
    controller.changed.connect(heard.append)
    controller.run(ops.merge_themes, theme_a.id, theme_b.id)
    assert len(heard) == 1
    assert heard[0].of(Kind.THEME) == {theme_a.id, theme_b.id}
    controller.undo()
    assert len(heard) == 2 and heard[1].origin.value == "undo"


def test_voiding_a_ballot_keeps_its_time_to_the_hour(demo_session: SessionFile) -> None:
    theme = demo_session.themes()[0]
    ballot = ops.cast_ballot(demo_session, {theme.id: 1}, target_group_id=None, budget=4, cap=2)
    [vote] = [v for v in demo_session.snapshot().votes if v.ballot_id == ballot]
    ops.void_ballot(demo_session, ballot)
    voided = demo_session.get(Kind.VOTE, vote.id)
    assert voided is not None and voided.deleted
    assert voided.updated_at is not None and voided.updated_at.endswith(":00:00.000000Z")
    # ... and so does an undo of the void that writes the dots back
    demo_session.undo()
    restored = demo_session.get(Kind.VOTE, vote.id)
    assert restored is not None and not restored.deleted
    assert restored.updated_at is not None and restored.updated_at.endswith(":00:00.000000Z")
