"""What a user-level change did, as data: the name of an undo step.

Every operation (``desktop_app.ops``) names its undo step with a :class:`Label`:
an :class:`Action` plus what the user would recognise (a count, a theme's
name). The library stays free of any language; the GUI turns a label into
"Ongedaan maken: Thema's samengevoegd" with its own translations (tr()).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core.model import Kind


class Action(StrEnum):
    """Every user-level change that is one undo step."""

    # proposals (the scribe, the rounds grid, the beamer panel)
    ADD_PROPOSAL = "add_proposal"
    EDIT_PROPOSAL = "edit_proposal"
    DELETE_PROPOSALS = "delete_proposals"
    HIDE_ON_BEAMER = "hide_on_beamer"
    SHOW_ON_BEAMER = "show_on_beamer"
    # themes (the cluster board)
    NEW_THEME = "new_theme"
    THEME_FROM_SUGGESTION = "theme_from_suggestion"
    RENAME_THEME = "rename_theme"
    DESCRIBE_THEME = "describe_theme"
    COLOUR_THEME = "colour_theme"
    MERGE_THEMES = "merge_themes"
    SPLIT_THEME = "split_theme"
    DELETE_THEME = "delete_theme"
    MOVE_CARDS = "move_cards"
    MOVE_CARDS_TO_TRAY = "move_cards_to_tray"
    PLACE_CARDS = "place_cards"
    LINK_DUPLICATES = "link_duplicates"
    # voting
    SET_TALLY = "set_tally"
    CAST_BALLOT = "cast_ballot"
    VOID_BALLOT = "void_ballot"
    FIX_VOTING_RULES = "fix_voting_rules"
    SET_VOTING_GROUPS = "set_voting_groups"
    # action plan
    PROMOTE_TOP = "promote_top"
    PROMOTE_ITEM = "promote_item"
    EDIT_INTERVENTION = "edit_intervention"
    DELETE_INTERVENTION = "delete_intervention"
    TAKE_OVER_PLAN = "take_over_plan"
    # prepare (and any list the facilitator keeps in order)
    EDIT_SESSION = "edit_session"
    SET_PRIVACY_FLOOR = "set_privacy_floor"
    ADD = "add"
    EDIT = "edit"
    DELETE = "delete"
    REORDER = "reorder"


@dataclass(frozen=True, slots=True)
class Label:
    """The name of one undo step, for Edit > Undo/Redo in the user's language.

    ``kind`` says what was added, edited, deleted or reordered (prepare's lists,
    the action plan); ``count`` how many; ``name`` and ``other`` the names the
    user knows the things by (a theme, the theme merged into); ``field`` the
    field edited (a session or intervention field name).
    """

    action: Action
    kind: Kind | None = None
    count: int = 1
    name: str = ""
    other: str = ""
    field: str = ""
