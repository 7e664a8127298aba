"""Every user-level change to a session, as one function over a :class:`SessionFile`.

Anki's model: the library owns changes and undo. Each operation below is one
transaction and, when it changed anything, one undo step named by a
:class:`~desktop_app.core.actions.Label`; when it commits, the session file's
listeners hear of it once, with one typed
:class:`~desktop_app.storage.session_file.Change`. Nobody lists records for
undo: the session file records the before-image of every row the transaction
writes (:mod:`desktop_app.storage.undo`). Undo and redo are
``SessionFile.undo()`` / ``SessionFile.redo()``.

The GUI calls these through ``SessionController.run(op, *args)`` (a
:class:`~desktop_app.core.errors.UserError` becomes a message there); the CLI
and the room network call them directly, on the thread that owns the
session file (the file is single-threaded: marshal to it). An operation that
refuses raises a ``UserError`` (here :class:`OperationError`) and changes
nothing; one that would change nothing returns without a step.

Proposals
    add_proposal, edit_proposal, delete_proposals, hide_on_beamer
Themes (cluster board)
    new_theme, rename_theme, describe_theme, colour_theme, move_cards, place_cards,
    merge_themes, split_theme, delete_theme, link_duplicates
Voting
    set_tally, cast_ballot, void_ballot, void_last_ballot, fix_voting_rules,
    set_voting_groups
Action plan
    promote_top, promote_item, edit_intervention, delete_intervention,
    take_over_plan
Prepare
    edit_session, set_privacy_floor, add_entity, add_tables, edit_entity,
    delete_entity, reorder

Run state of this laptop (phase, round timer, voting open, reveal, beamer
view) is not an operation: it is written with ``SessionFile.set_state`` and
never undone.
"""

from __future__ import annotations

from desktop_app.ops.action_plan import (
    delete_intervention,
    edit_intervention,
    promote_item,
    promote_top,
    take_over_plan,
)
from desktop_app.ops.errors import OperationError
from desktop_app.ops.prepare import (
    add_entity,
    add_tables,
    delete_entity,
    edit_entity,
    edit_session,
    reorder,
    set_privacy_floor,
)
from desktop_app.ops.proposals import (
    add_proposal,
    delete_proposals,
    edit_proposal,
    hide_on_beamer,
)
from desktop_app.ops.themes import (
    colour_theme,
    delete_theme,
    describe_theme,
    link_duplicates,
    merge_themes,
    move_cards,
    new_theme,
    place_cards,
    rename_theme,
    split_theme,
)
from desktop_app.ops.voting import (
    cast_ballot,
    fix_voting_rules,
    set_tally,
    set_voting_groups,
    void_ballot,
    void_last_ballot,
)

__all__ = [
    "OperationError",
    "add_entity",
    "add_proposal",
    "add_tables",
    "cast_ballot",
    "colour_theme",
    "delete_entity",
    "delete_intervention",
    "delete_proposals",
    "delete_theme",
    "describe_theme",
    "edit_entity",
    "edit_intervention",
    "edit_proposal",
    "edit_session",
    "fix_voting_rules",
    "hide_on_beamer",
    "link_duplicates",
    "merge_themes",
    "move_cards",
    "new_theme",
    "place_cards",
    "promote_item",
    "promote_top",
    "rename_theme",
    "reorder",
    "set_privacy_floor",
    "set_tally",
    "set_voting_groups",
    "split_theme",
    "take_over_plan",
    "void_ballot",
    "void_last_ballot",
]
