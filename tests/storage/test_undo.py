"""The session file's own undo: the journal, the steps, and one typed change per transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.actions import Action, Label
from desktop_app.core.model import Kind, Proposal, Theme
from desktop_app.storage import duplicates
from desktop_app.storage.exchange import export_document, import_document
from desktop_app.storage.session_file import Change, Origin, SessionFile


def listen(session: SessionFile) -> list[Change]:
    heard: list[Change] = []
    session.subscribe(heard.append)
    return heard


def test_one_change_per_transaction_names_kinds_ids_and_origin(demo_session: SessionFile) -> None:
    heard = listen(demo_session)
    source, target = demo_session.themes()[:2]
    ops.merge_themes(demo_session, source.id, target.id)
    [merge] = heard
    assert merge.origin is Origin.EDIT
    assert merge.kinds == {Kind.THEME}
    assert merge.of(Kind.THEME) == {source.id, target.id}
    assert merge.label == Label(
        Action.MERGE_THEMES, Kind.THEME, name=source.name, other=target.name
    )

    demo_session.set_state(run_state.PHASE, 3)
    assert heard[-1].origin is Origin.STATE and heard[-1].state == {run_state.PHASE}
    assert heard[-1].kinds == frozenset()

    demo_session.undo()
    assert heard[-1].origin is Origin.UNDO and heard[-1].of(Kind.THEME) == merge.of(Kind.THEME)
    demo_session.redo()
    assert heard[-1].origin is Origin.REDO
    assert len(heard) == 4


def test_an_import_is_one_change_of_origin_import_and_no_undo_step(
    session_file: SessionFile, demo_document: dict[str, Any]
) -> None:
    heard = listen(session_file)
    import_document(session_file, demo_document, source="demo.json")
    [change] = heard
    assert change.origin is Origin.IMPORT
    assert change.session
    assert len(change.added_of(Kind.PROPOSAL)) == len(demo_document["proposals"])
    assert change.kinds == set(Kind)
    assert not session_file.history.can_undo


def test_an_imports_change_names_exactly_what_it_added_and_what_it_updated(
    session_file: SessionFile, demo_document: dict[str, Any]
) -> None:
    """The import's change event is read without images (lean, for large files):
    it must still name every proposal and theme, tell new from updated, and give
    the themes whose memberships changed."""
    import copy

    heard = listen(session_file)
    import_document(session_file, demo_document, source="demo.json")
    [first] = heard
    proposal_ids = {p["id"] for p in demo_document["proposals"]}
    theme_ids = {t["id"] for t in demo_document["clusters"]}
    assert first.of(Kind.PROPOSAL) == proposal_ids == first.added_of(Kind.PROPOSAL)
    assert first.of(Kind.THEME) == theme_ids == first.added_of(Kind.THEME)

    again = copy.deepcopy(demo_document)
    proposal = again["proposals"][0]
    proposal["text"] = "Later aangepast op een tafellaptop"
    proposal["updated_at"] = "2099-01-01T00:00:00.000Z"
    theme = next(t for t in again["clusters"] if t["proposal_ids"])
    theme["proposal_ids"] = theme["proposal_ids"][1:]
    theme["updated_at"] = "2099-01-01T00:00:00.000Z"
    import_document(session_file, again, source="laptop.json")
    second = heard[-1]
    assert second.of(Kind.PROPOSAL) >= {proposal["id"]}
    assert not second.added_of(Kind.PROPOSAL)
    assert theme["id"] in second.of(Kind.THEME)
    assert not second.added_of(Kind.THEME)


def test_the_journal_sees_writes_made_through_the_connection(demo_session: SessionFile) -> None:
    """Storage modules that write SQL themselves (duplicates, the follow-up) need no
    bookkeeping: the triggers see their rows."""
    heard = listen(demo_session)
    a, b = (p.id for p in demo_session.proposals()[:2])
    with demo_session.transaction(Label(Action.LINK_DUPLICATES)):
        duplicates.link(demo_session, b, a)
    assert heard[-1].of(Kind.PROPOSAL) == {a, b}
    demo_session.undo()
    assert duplicates.links(demo_session) == {}
    demo_session.redo()
    assert duplicates.links(demo_session) == {b: a}


def test_only_a_labelled_transaction_is_a_step_and_nested_ones_join_it(
    demo_session: SessionFile,
) -> None:
    proposal = demo_session.proposals()[0]
    demo_session.update(Kind.PROPOSAL, proposal.id, text="Zonder label")  # a storage command
    assert not demo_session.history.can_undo
    heard = listen(demo_session)
    with demo_session.transaction(Label(Action.EDIT_PROPOSAL)):
        ops.edit_proposal(demo_session, proposal.id, "Een")
        ops.delete_proposals(demo_session, [demo_session.proposals()[1].id])
    assert len(heard) == 1 and len(demo_session.history.steps) == 1
    assert demo_session.history.undo_label == Label(Action.EDIT_PROPOSAL)
    demo_session.undo()
    assert demo_session.require(Kind.PROPOSAL, proposal.id, Proposal).text == "Zonder label"
    assert all(not p.deleted for p in demo_session.snapshot().proposals[:2])


def test_a_failed_operation_is_no_step_no_change_and_leaves_the_journal_clean(
    demo_session: SessionFile,
) -> None:
    heard = listen(demo_session)
    proposal = demo_session.proposals()[0]
    with pytest.raises(RuntimeError), demo_session.transaction(Label(Action.EDIT_PROPOSAL)):
        demo_session.update(Kind.PROPOSAL, proposal.id, text="Half af")
        raise RuntimeError("a bug half-way")
    assert heard == [] and not demo_session.history.can_undo
    ops.rename_theme(demo_session, demo_session.themes()[0].id, "Daarna")
    assert heard[-1].kinds == {Kind.THEME}  # nothing of the failed one leaks in
    assert [r.table for r in demo_session.history.steps[0].rows] == ["clusters"]


def test_a_new_operation_after_an_undo_drops_the_redo(demo_session: SessionFile) -> None:
    theme = demo_session.themes()[0]
    ops.rename_theme(demo_session, theme.id, "Eén")
    demo_session.undo()
    assert demo_session.history.can_redo
    ops.rename_theme(demo_session, theme.id, "Twee")
    assert not demo_session.history.can_redo
    assert demo_session.redo() is None


def test_an_undo_stamps_only_what_it_restores_and_never_a_local_column(
    demo_session: SessionFile,
) -> None:
    themes = demo_session.themes()
    ops.reorder(demo_session, Kind.THEME, [t.id for t in reversed(themes)])
    ops.colour_theme(demo_session, themes[0].id, "#009E73")
    ops.rename_theme(demo_session, themes[1].id, "Nieuwe naam")
    stamps = {t.id: t.updated_at for t in demo_session.themes()}
    demo_session.undo()  # the rename: a new stamp on that theme only
    after = {t.id: t.updated_at for t in demo_session.themes()}
    assert {tid for tid in stamps if stamps[tid] != after[tid]} == {themes[1].id}
    demo_session.undo()  # the colour and the order are local: no stamp at all
    demo_session.undo()
    assert {t.id: t.updated_at for t in demo_session.themes()} == after
    assert [t.id for t in demo_session.themes()] == [t.id for t in themes]


def test_history_survives_an_import_but_not_a_restart(
    demo_session: SessionFile, tmp_path: Path
) -> None:
    theme = demo_session.themes()[0]
    ops.rename_theme(demo_session, theme.id, "Voor de import")
    other = export_document(demo_session)
    import_document(demo_session, other, source="again.json")  # nothing newer in it
    assert demo_session.history.undo_label is not None
    demo_session.undo()
    assert demo_session.require(Kind.THEME, theme.id, Theme).name == theme.name
    ops.rename_theme(demo_session, theme.id, "Voor de herstart")
    path = demo_session.path
    demo_session.close()
    with SessionFile.open(path) as reopened:
        assert not reopened.history.can_undo and reopened.undo() is None
        assert reopened.require(Kind.THEME, theme.id, Theme).name == "Voor de herstart"


def test_a_read_only_file_has_no_journal_and_stays_unchanged(demo_session: SessionFile) -> None:
    path = demo_session.path
    ops.rename_theme(demo_session, demo_session.themes()[0].id, "Bewaard")
    demo_session.close()
    before = path.read_bytes()
    with SessionFile.open_readonly(path) as reader:
        assert reader.themes()[0].name == "Bewaard"
        assert reader.undo() is None
    assert path.read_bytes() == before
