"""What the parts of the vote page share, declared for the type checker.

:class:`~desktop_app.ui.pages.vote.VotePage` is built from its rules and
actions (vote.py), the tally tab (vote_tallies.py) and the results tab
(vote_results.py). The page defines what is declared here; at run time this
base class adds nothing to :class:`~desktop_app.ui.pages.base.Page`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.ui.pages.base import Page

if TYPE_CHECKING:
    from desktop_app.core.model import SessionSnapshot


class VoteSection(Page):
    """The vote page as its tabs see it."""

    if TYPE_CHECKING:

        def _state(self, key: str, default: Any) -> Any: ...
        def _refresh_checks(self, snapshot: SessionSnapshot) -> None: ...
        def _say(self, text: str) -> None: ...
        def set_revealed(self, revealed: bool) -> None: ...
