"""Themes on the cluster board: make, name, colour, merge, split, delete; move cards.

While voting is open the voting items are frozen: no theme may be added or
removed (cards may still move and themes may be renamed), whoever asks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from desktop_app.core.actions import Action, Label
from desktop_app.core.model import Kind, Proposal, Theme
from desktop_app.core.voting import voting_open
from desktop_app.ops.errors import OperationError
from desktop_app.storage import duplicates
from desktop_app.storage.session_file import SessionFile, new_id


def _refuse_while_voting(session: SessionFile) -> None:
    if voting_open(session.state):
        raise OperationError("items_frozen")


def _theme(session: SessionFile, theme_id: str) -> Theme:
    return session.require(Kind.THEME, theme_id, Theme)


def new_theme(
    session: SessionFile,
    /,
    name: str,
    proposal_ids: Sequence[str] = (),
    *,
    color: str | None = None,
    suggested: bool = False,
    theme_id: str | None = None,
) -> Theme:
    """A new theme holding ``proposal_ids`` (taken from whatever theme held them).

    ``suggested``: made from an accepted suggestion (the undo step says so).
    """
    _refuse_while_voting(session)
    ids = tuple(dict.fromkeys(proposal_ids))
    action = Action.THEME_FROM_SUGGESTION if suggested else Action.NEW_THEME
    with session.transaction(Label(action, Kind.THEME, count=len(ids), name=name)):
        theme = _add_theme(session, name, ids, color, theme_id)
    return theme


def _add_theme(
    session: SessionFile,
    name: str,
    ids: tuple[str, ...],
    color: str | None,
    theme_id: str | None = None,
) -> Theme:
    theme = session.add(Kind.THEME, Theme(id=theme_id or new_id(), name=name, proposal_ids=ids))
    if color is not None:
        session.set_theme_color(theme.id, color)
    return theme


def rename_theme(session: SessionFile, /, theme_id: str, name: str) -> Theme:
    """Give a theme another name (allowed while voting is open)."""
    theme = _theme(session, theme_id)
    if theme.name == name:
        return theme
    with session.transaction(Label(Action.RENAME_THEME, Kind.THEME, name=name, other=theme.name)):
        return session.put(Kind.THEME, replace(theme, name=name))


def describe_theme(session: SessionFile, /, theme_id: str, description: str | None) -> Theme:
    """Set what a theme is about (shown on the board and in the report); blank clears it."""
    theme = _theme(session, theme_id)
    text = description if description and description.strip() else None
    if theme.description == text:
        return theme
    with session.transaction(Label(Action.DESCRIBE_THEME, Kind.THEME, name=theme.name)):
        return session.put(Kind.THEME, replace(theme, description=text))


def colour_theme(session: SessionFile, /, theme_id: str, color: str | None) -> None:
    """Give a theme another colour (local to this laptop); None: the automatic colour."""
    theme = _theme(session, theme_id)
    if session.theme_colors().get(theme_id) == color:
        return
    with session.transaction(Label(Action.COLOUR_THEME, Kind.THEME, name=theme.name)):
        session.set_theme_color(theme_id, color)


def move_cards(session: SessionFile, /, proposal_ids: Sequence[str], theme_id: str | None) -> int:
    """Put cards into a theme, or back into the tray with ``None``; returns how many moved.

    Cards already there stay where they are in the theme's order.
    """
    ids = list(dict.fromkeys(proposal_ids))
    theme_of = _theme_of(session)
    moving = [pid for pid in ids if theme_of.get(pid) != theme_id]
    if not moving:
        return 0
    if theme_id is None:
        label = Label(Action.MOVE_CARDS_TO_TRAY, Kind.PROPOSAL, count=len(moving))
    else:
        label = Label(
            Action.MOVE_CARDS, Kind.PROPOSAL, count=len(moving), name=_theme(session, theme_id).name
        )
    with session.transaction(label):
        session.move_proposals(moving, theme_id)
    return len(moving)


def place_cards(session: SessionFile, /, placements: Mapping[str, str]) -> int:
    """Put each card into its own theme (proposal id -> theme id), one step: the
    board's "accept the suggested theme" for several cards at once. Returns how many
    moved; cards already in their theme stay where they are."""
    theme_of = _theme_of(session)
    moving = {pid: tid for pid, tid in placements.items() if theme_of.get(pid) != tid}
    if not moving:
        return 0
    targets: dict[str, list[str]] = {}
    for pid, tid in moving.items():
        _theme(session, tid)
        targets.setdefault(tid, []).append(pid)
    with session.transaction(Label(Action.PLACE_CARDS, Kind.PROPOSAL, count=len(moving))):
        for tid, members in targets.items():
            session.move_proposals(members, tid)
    return len(moving)


def _theme_of(session: SessionFile) -> dict[str, str]:
    return {pid: theme.id for theme in session.themes() for pid in theme.proposal_ids}


def merge_themes(session: SessionFile, /, source_id: str, target_id: str) -> Theme:
    """The cards of ``source_id`` join ``target_id`` (after its own); the source goes."""
    _refuse_while_voting(session)
    if source_id == target_id:
        raise OperationError("same_theme")
    source, target = _theme(session, source_id), _theme(session, target_id)
    with session.transaction(
        Label(Action.MERGE_THEMES, Kind.THEME, name=source.name, other=target.name)
    ):
        if source.proposal_ids:
            session.move_proposals(source.proposal_ids, target_id)
        session.delete(Kind.THEME, source_id)
        return _theme(session, target_id)


def split_theme(
    session: SessionFile,
    /,
    theme_id: str,
    proposal_ids: Sequence[str],
    name: str,
    *,
    color: str | None = None,
) -> Theme:
    """The chosen cards of a theme leave it for a new theme named ``name``."""
    _refuse_while_voting(session)
    theme = _theme(session, theme_id)
    ids = tuple(pid for pid in dict.fromkeys(proposal_ids) if pid in theme.proposal_ids)
    if not ids:
        raise OperationError("no_cards")
    with session.transaction(
        Label(Action.SPLIT_THEME, Kind.THEME, count=len(ids), name=theme.name)
    ):
        return _add_theme(session, name, ids, color)


def delete_theme(session: SessionFile, /, theme_id: str) -> int:
    """Delete a theme; its cards go back to the tray. Returns how many cards it held."""
    _refuse_while_voting(session)
    theme = _theme(session, theme_id)
    if theme.deleted:
        return 0
    live = {p.id for p in session.proposals()}
    cards = sum(1 for pid in theme.proposal_ids if pid in live)
    with session.transaction(Label(Action.DELETE_THEME, Kind.THEME, count=cards, name=theme.name)):
        session.delete(Kind.THEME, theme_id)
    return cards


def link_duplicates(
    session: SessionFile,
    /,
    duplicate_id: str,
    kept_id: str,
    *,
    theme_id: str | None = None,
    new_theme_name: str | None = None,
    color: str | None = None,
) -> str | None:
    """Two proposals say the same: both stay, in one theme; ``kept_id``'s card counts both.

    The theme is ``theme_id``; else a new theme named ``new_theme_name``; else
    the theme ``kept_id`` or ``duplicate_id`` is in (None: both stay where
    they are). Returns the theme's id. One step, whatever it takes.
    """
    for pid in (duplicate_id, kept_id):
        session.require(Kind.PROPOSAL, pid, Proposal)
    kept = duplicates.kept_of(duplicates.links(session)).get(kept_id, kept_id)
    if new_theme_name is not None:
        _refuse_while_voting(session)
    with session.transaction(Label(Action.LINK_DUPLICATES, Kind.PROPOSAL, count=2)):
        if new_theme_name is not None:
            theme_id = _add_theme(session, new_theme_name, (kept_id, duplicate_id), color).id
        else:
            theme_of = _theme_of(session)
            theme_id = theme_id or theme_of.get(kept_id) or theme_of.get(duplicate_id)
            if theme_id is not None:
                outside = [pid for pid in (kept_id, duplicate_id) if theme_of.get(pid) != theme_id]
                if outside:
                    session.move_proposals(outside, theme_id)
        if kept != duplicate_id:
            duplicates.link(session, duplicate_id, kept)
    return theme_id
