"""The controller: undo and redo that cannot be written say so and never raise."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.core.model import Kind
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController


def test_undo_that_cannot_be_written_is_a_message_and_changes_nothing(
    qtbot: QtBot, demo_session: SessionFile
) -> None:
    controller = SessionController(demo_session)
    round_, table = demo_session.rounds()[0], demo_session.tables()[0]
    proposal = controller.perform(
        "voorstel",
        [],
        lambda: demo_session.add_proposal(round_.id, table.id, "Fruit op vrijdag"),
    )
    controller.edit("bewerken", Kind.PROPOSAL, proposal.id, text="Fruit elke dag")
    # The file turns read-only under the app (a USB stick's write switch, say).
    demo_session.connection.execute("PRAGMA query_only = ON")
    with qtbot.waitSignal(controller.error) as message:
        controller.undo_stack.undo()
    assert "alleen-lezen" in message.args[0]
    assert controller.undo_stack.count() == 0  # the failed step left the stack
    assert demo_session.get(Kind.PROPOSAL, proposal.id).text == "Fruit elke dag"  # type: ignore[union-attr]


def test_voiding_a_ballot_keeps_its_time_to_the_hour(demo_session: SessionFile) -> None:
    theme = demo_session.themes()[0]
    ballot = demo_session.cast_ballot({theme.id: 1}, target_group_id=None, budget=4, cap=2)
    [vote] = [v for v in demo_session.snapshot().votes if v.ballot_id == ballot]
    demo_session.delete(Kind.VOTE, vote.id)
    voided = demo_session.get(Kind.VOTE, vote.id)
    assert voided is not None and voided.deleted
    assert voided.updated_at is not None and voided.updated_at.endswith(":00:00.000000Z")
