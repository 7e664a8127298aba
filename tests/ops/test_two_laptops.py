"""Undo never loses another laptop's work (issue 14).

Two laptops hold the same session (same ids). Each keeps its own undo history;
files travel between them as exchange files, and the later ``updated_at`` wins
per record. An undo is an edit like any other, so it must write only what it
restores, and must leave alone what another laptop changed since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app import ops
from desktop_app.core.model import Kind, Theme
from desktop_app.storage.exchange import export_file, import_document, read_exchange_file
from desktop_app.storage.session_file import SessionFile

Laptops = tuple[SessionFile, Any, SessionFile, Any]  # (file, its clock) x 2


@pytest.fixture
def laptops(
    tmp_path: Path, demo_document: dict[str, Any], make_clock: Callable[[], Any]
) -> Iterator[Laptops]:
    """Laptop A (the facilitator's) and laptop B, both with the demo session."""
    clock_a, clock_b = make_clock(), make_clock()
    a = SessionFile.create(tmp_path / "a.tafelronde", clock=clock_a)
    b = SessionFile.create(tmp_path / "b.tafelronde", clock=clock_b)
    for laptop in (a, b):
        import_document(laptop, demo_document, source="demo.json")
    yield a, clock_a, b, clock_b
    a.close()
    b.close()


def send(source: SessionFile, target: SessionFile, folder: Path) -> None:
    """The USB stick: export one laptop's session, import it on the other."""
    file = folder / f"from-{source.path.stem}.json"
    export_file(source, file)
    import_document(target, read_exchange_file(file), source=file.name)


def in_tray(session: SessionFile) -> list[str]:
    held = {pid for theme in session.themes() for pid in theme.proposal_ids}
    return [p.id for p in session.proposals() if p.id not in held]


def theme(session: SessionFile, theme_id: str) -> Theme:
    return session.require(Kind.THEME, theme_id, Theme)


def test_an_undo_keeps_the_rename_another_laptop_made_meanwhile(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, clock_a, b, clock_b = laptops
    card = in_tray(a)[0]
    target, unrelated = (t.id for t in a.themes()[:2])
    names_before = {t.id: t.name for t in a.themes()}

    clock_a.at("10:00")
    ops.move_cards(a, [card], target)  # A moves a card
    clock_b.at("10:05")
    ops.rename_theme(b, unrelated, "Werkdruk en herstel")  # B renames another theme
    clock_a.at("10:10")
    result = a.undo()  # A undoes the move
    assert result is not None and result.refused == 0
    send(b, a, tmp_path)  # A imports B's file

    assert theme(a, unrelated).name == "Werkdruk en herstel"  # B's rename survives
    assert card in in_tray(a)  # and A's undo holds
    assert card not in theme(a, target).proposal_ids
    # Only the theme the undo restored got a new stamp, nothing else.
    assert {t.id: t.name for t in a.themes()} == {**names_before, unrelated: "Werkdruk en herstel"}


def test_the_undo_travels_back_to_the_other_laptop(laptops: Laptops, tmp_path: Path) -> None:
    a, clock_a, b, _ = laptops
    card = in_tray(a)[0]
    target = a.themes()[0].id
    clock_a.at("10:00")
    ops.move_cards(a, [card], target)
    send(a, b, tmp_path)
    assert card in theme(b, target).proposal_ids  # B has the move
    clock_a.at("10:10")
    a.undo()
    send(a, b, tmp_path)
    assert card in in_tray(b)  # and now the undo too


def test_an_undo_refused_because_an_import_changed_the_row_keeps_the_newer_value(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, clock_a, b, clock_b = laptops
    renamed = a.themes()[0].id
    clock_a.at("10:00")
    ops.rename_theme(a, renamed, "Naam van A")
    clock_b.at("10:05")
    ops.rename_theme(b, renamed, "Naam van B")
    send(b, a, tmp_path)  # B's later rename wins on A
    assert theme(a, renamed).name == "Naam van B"

    clock_a.at("10:10")
    result = a.undo()
    assert result is not None
    assert (result.restored, result.refused) == (0, 1)  # reported, not written
    assert theme(a, renamed).name == "Naam van B"  # the newer value stays
    assert not a.history.can_undo and not a.history.can_redo  # nothing left to redo


def test_a_partly_refused_undo_restores_the_rest(laptops: Laptops, tmp_path: Path) -> None:
    a, clock_a, b, clock_b = laptops
    first, second = a.themes()[:2]
    clock_a.at("10:00")
    ops.rename_theme(a, first.id, "Eerste, hernoemd")
    ops.rename_theme(a, second.id, "Tweede, hernoemd")
    ops.delete_proposals(a, [p.id for p in a.proposals()[:2]])
    # one operation over several rows: two themes and the cards between them
    clock_a.at("10:01")
    ops.merge_themes(a, first.id, second.id)
    clock_b.at("10:05")
    ops.rename_theme(b, first.id, "Eerste, volgens B")  # B still has the first theme
    send(b, a, tmp_path)  # ... so it comes back on A, with its cards
    assert not theme(a, first.id).deleted

    clock_a.at("10:10")
    result = a.undo()
    assert result is not None and result.refused == 1  # the first theme: B's record
    assert theme(a, first.id).name == "Eerste, volgens B"  # B's record stays
    # no proposal is in two live themes
    held = [pid for t in a.themes() for pid in t.proposal_ids]
    assert len(held) == len(set(held))
    # the earlier steps still undo cleanly where nobody else changed anything
    a.undo()  # the deleted proposals come back
    assert len(a.proposals()) == len(b.proposals())
    a.undo()
    assert theme(a, second.id).name == second.name
