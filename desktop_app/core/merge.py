"""The merge rules of exchange-format.md as pure functions.

Rule 3: of two copies of one entity, the one with the later ``updated_at`` wins
as a whole record; equal or missing timestamps keep what is stored. Rule 8: a
proposal belongs to at most one live theme; where a merge would put it in two,
the theme with the later ``updated_at`` keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_app.core.timestamps import parse_instant


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def incoming_wins(stored_updated_at: str | None, incoming_updated_at: str | None) -> bool:
    """True when the incoming copy replaces the stored one (rule 3).

    Timestamps compare as instants whatever their offsets; when either is
    missing, or both are equal, what is stored stays.
    """
    if not stored_updated_at or not incoming_updated_at:
        return False
    return parse_instant(incoming_updated_at) > parse_instant(stored_updated_at)


def merge_outcome(stored: Mapping[str, object] | None, incoming: Mapping[str, object]) -> Outcome:
    """What merging ``incoming`` into a store holding ``stored`` (or nothing) does."""
    if stored is None:
        return Outcome.ADDED
    stored_at = stored.get("updated_at")
    incoming_at = incoming.get("updated_at")
    if incoming_wins(
        stored_at if isinstance(stored_at, str) else None,
        incoming_at if isinstance(incoming_at, str) else None,
    ):
        return Outcome.UPDATED
    return Outcome.UNCHANGED


@dataclass(frozen=True, slots=True)
class ThemeClaim:
    """One live theme's claim on its proposals, for rule 8."""

    theme_id: str
    updated_at: str | None
    proposal_ids: tuple[str, ...]


def _claim_key(claim: ThemeClaim) -> tuple[datetime | None, str]:
    moment = parse_instant(claim.updated_at) if claim.updated_at else None
    return (moment, claim.theme_id)


def settle_theme_membership(claims: Iterable[ThemeClaim]) -> dict[str, tuple[str, ...]]:
    """Give each proposal to one theme only; return the themes whose list changed.

    Of the themes that claim one proposal, the one with the latest ``updated_at``
    keeps it (a missing timestamp counts as the earliest; equal timestamps fall
    to the larger theme id so the result never depends on order). The others
    lose it, keeping their other proposals in order.
    """
    claims = list(claims)
    winner: dict[str, ThemeClaim] = {}
    for claim in claims:
        for pid in claim.proposal_ids:
            current = winner.get(pid)
            if current is None or _later(claim, current):
                winner[pid] = claim
    changed: dict[str, tuple[str, ...]] = {}
    for claim in claims:
        kept = tuple(pid for pid in claim.proposal_ids if winner[pid].theme_id == claim.theme_id)
        if kept != claim.proposal_ids:
            changed[claim.theme_id] = kept
    return changed


def _later(a: ThemeClaim, b: ThemeClaim) -> bool:
    ka, kb = _claim_key(a), _claim_key(b)
    if ka[0] is None and kb[0] is None:
        return ka[1] > kb[1]
    if ka[0] is None:
        return False
    if kb[0] is None:
        return True
    return ka > kb
