"""What the phones may see of the session, read on the thread that owns the file.

Only what a participant in the room sees anyway: the title, the current
round's question, the tables' codes and names, and while voting is open the
items, the rules and the target groups. Never results, names of hosts, other
sessions, exports or settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core import run_state
from desktop_app.core.model import Kind
from desktop_app.ops.room import voting_rules
from desktop_app.storage import room_store
from desktop_app.storage.session_file import SessionFile

APPROVE_FIRST_KEY = "room_approve_first"  # local_state: bool, default True


@dataclass(frozen=True, slots=True)
class RoomView:
    """The public part of the session; ``data`` is what /api/state sends (plus per device)."""

    data: dict[str, Any]
    item_ids: tuple[str, ...]
    pending: int


def build_view(session: SessionFile) -> RoomView:
    info = session.session()
    rounds = session.rounds()
    current_id = session.state(run_state.CURRENT_ROUND)
    current = next((r for r in rounds if r.id == current_id), rounds[0] if rounds else None)
    tables = [
        {"id": t.id, "code": str(index + 1), "name": t.name}
        for index, t in enumerate(session.tables())
    ]
    voting_open = bool(session.state(run_state.VOTING_OPEN, False))
    items: list[dict[str, str]] = []
    groups: list[dict[str, str]] = []
    budget = cap = 0
    if voting_open:
        if info.votes_on == "proposal":
            hidden = session.hidden_on_beamer()
            items = [
                {"id": p.id, "label": p.text} for p in session.proposals() if p.id not in hidden
            ]
        else:
            items = [{"id": t.id, "label": t.name} for t in session.themes()]
        chosen = session.state(run_state.VOTING_GROUPS, []) or []
        groups = [
            {"id": g.id, "name": g.name}
            for g in session.target_groups()
            if not chosen or g.id in chosen
        ]
        budget, cap = voting_rules(session)
    pending = len(room_store.pending_proposal_ids(session))
    data = {
        "title": info.title,
        "round": (
            {"id": current.id, "number": current.number, "question": current.question}
            if current is not None
            else None
        ),
        "tables": tables,
        "approve_first": bool(session.state(APPROVE_FIRST_KEY, True)),
        "voting": {
            "open": voting_open,
            "items": items,
            "budget": budget,
            "cap": cap,
            "groups": groups,
            "kind": Kind.PROPOSAL.value if info.votes_on == "proposal" else Kind.THEME.value,
        },
    }
    return RoomView(data=data, item_ids=tuple(i["id"] for i in items), pending=pending)
