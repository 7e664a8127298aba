"""What ``tafelronde suggest PATH --json`` prints for a session (issue 17).

Usable on its own: the suggested duplicates (id pairs) and themes (name and
proposal ids) as before, plus every live proposal's text, the session's own
themes, and, when the session has themes with cards in them, a ranked list of
those themes for every proposal still in the tray (``placements``).
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.model import SessionSnapshot
from desktop_app.core.suggestions import rank_themes, suggest


def suggestion_document(snapshot: SessionSnapshot) -> dict[str, Any]:
    """The JSON document of the suggestions for ``snapshot`` (plain JSON types)."""
    language = snapshot.session.lang
    live = snapshot.live_proposals()
    pairs = [(p.id, p.text) for p in live]
    theme_of = snapshot.theme_of()
    themes = snapshot.live_themes()
    rounds = {p.id: p.round_id for p in live}
    document = suggest(pairs, language=language, rounds=rounds).to_json_dict()
    document["proposals"] = [
        {"id": p.id, "text": p.text, "theme_id": theme_of.get(p.id)} for p in live
    ]
    document["session_themes"] = [
        {
            "id": t.id,
            "name": t.name,
            "proposal_ids": [pid for pid in t.proposal_ids if pid in theme_of],
        }
        for t in themes
    ]
    if theme_of:
        ranking = rank_themes(
            pairs,
            theme_of,
            language=language,
            theme_names={t.id: t.name for t in themes},
            rounds=rounds,
        )
        document["placements"] = [
            {"proposal_id": p.id, "themes": ranking.get(p.id, [])}
            for p in live
            if p.id not in theme_of
        ]
    return document
