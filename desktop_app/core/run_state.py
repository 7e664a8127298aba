"""Keys of this laptop's run of a session, kept in the file's ``local_state``.

Not exchanged: they belong to the room, not to the session's content. Read
with ``SessionFile.state(key, default)``, write with ``set_state(key, value)``
(one transaction, then a change of kind ``"state"`` reaches every view).
"""

from __future__ import annotations

PHASE = "phase"  # int 0..5: the console's current phase (the beamer follows it)
CURRENT_ROUND = "current_round_id"  # str: the round being run
# dict: {"round_id": str, "duration": seconds, "elapsed": seconds before the last
# start, "started_at": epoch seconds of the last start or None when paused}
TIMER = "timer"
VOTING_OPEN = "voting_open"  # bool: items are frozen while voting is open
RESULTS_REVEALED = "results_revealed"  # bool: results may be shown (console and beamer)
PRIVACY_FLOOR = "privacy_floor"  # int k: groups below k participants show "<k"
VOTING_GROUPS = "voting_target_group_ids"  # list[str]: which target groups vote ([] = all)
BEAMER_PINNED_VIEW = "beamer_pinned_view"  # str | None: a view name, or follow the phase
BEAMER_BLACKOUT = "beamer_blackout"  # bool
PREVIOUS_SESSION = "previous_session"  # dict: title/date of the session followed up
