"""Proposal operations: exactly as typed, a retried id never twice, no empty steps."""

from __future__ import annotations

import pytest

from desktop_app import ops
from desktop_app.core.errors import ValidationError
from desktop_app.core.model import Kind, Proposal
from desktop_app.storage.session_file import SessionFile, new_id


def cell(session: SessionFile) -> tuple[str, str]:
    return session.rounds()[0].id, session.tables()[0].id


def test_a_retried_proposal_is_stored_once(demo: SessionFile) -> None:
    round_id, table_id = cell(demo)
    chosen = new_id()  # a phone's offline queue makes its own ids
    first = ops.add_proposal(demo, round_id, table_id, "=Fruit 🍎", proposal_id=chosen)
    again = ops.add_proposal(demo, round_id, table_id, "=Fruit 🍎", proposal_id=chosen)
    assert again == first and first.text == "=Fruit 🍎"
    assert [p.id for p in demo.proposals()].count(chosen) == 1
    assert len(demo.history.steps) == 1


def test_a_refused_text_changes_nothing(demo: SessionFile) -> None:
    round_id, table_id = cell(demo)
    before = demo.snapshot()
    for text in ("   ", "x" * 2001):
        with pytest.raises(ValidationError):
            ops.add_proposal(demo, round_id, table_id, text)
    assert demo.snapshot() == before and not demo.history.can_undo


def test_same_text_hidden_twice_or_deleted_twice_is_no_step(demo: SessionFile) -> None:
    proposal = demo.proposals()[0]
    assert ops.edit_proposal(demo, proposal.id, proposal.text) == proposal
    assert ops.hide_on_beamer(demo, [proposal.id], False) == 0
    assert ops.delete_proposals(demo, [proposal.id, proposal.id]) == 1
    assert ops.delete_proposals(demo, [proposal.id]) == 0
    assert len(demo.history.steps) == 1
    assert demo.require(Kind.PROPOSAL, proposal.id, Proposal).deleted
