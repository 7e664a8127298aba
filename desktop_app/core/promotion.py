"""Which items of the voting result become interventions, and under what title.

Shared by the action plan page and :func:`desktop_app.ops.promote_top`: the
ranking in order, each item with its theme and proposals, and whether the plan
already has an intervention that came from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.model import Intervention, Proposal, SessionSnapshot
from desktop_app.core.ranking import ranking_of
from desktop_app.core.rules import MAX_NAME


@dataclass(frozen=True, slots=True)
class RankedSource:
    """An item of the voting result that can become an intervention."""

    item_id: str
    rank: int
    total: int
    name: str
    description: str | None
    theme_id: str | None
    proposals: tuple[Proposal, ...]


def ranked_sources(snapshot: SessionSnapshot) -> list[RankedSource]:
    """The voting result in rank order, each with its theme and proposals."""
    proposals = {p.id: p for p in snapshot.live_proposals()}
    themes = {t.id: t for t in snapshot.live_themes()}
    theme_of = snapshot.theme_of()
    result: list[RankedSource] = []
    for item in ranking_of(snapshot):
        theme = themes.get(item.item_id)
        if theme is not None:
            members = tuple(proposals[pid] for pid in theme.proposal_ids if pid in proposals)
            result.append(
                RankedSource(
                    item.item_id,
                    item.rank,
                    item.total,
                    theme.name,
                    theme.description,
                    theme.id,
                    members,
                )
            )
        elif item.item_id in proposals:
            proposal = proposals[item.item_id]
            result.append(
                RankedSource(
                    item.item_id,
                    item.rank,
                    item.total,
                    proposal.text,
                    proposal.details,
                    theme_of.get(proposal.id),
                    (proposal,),
                )
            )
    return result


def short_title(text: str) -> str:
    """A title made of a theme name or a proposal text: one line, at most 200 characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_NAME else flat[: MAX_NAME - 1].rstrip() + "…"


def title_for(source: RankedSource) -> str:
    return short_title(source.name)


def in_plan(source: RankedSource, interventions: Sequence[Intervention]) -> bool:
    """True when a live intervention already comes from this item."""
    if source.item_id == source.theme_id:
        return any(iv.cluster_id == source.theme_id for iv in interventions)
    title = title_for(source)
    return any(iv.title == title for iv in interventions)


def top_sources(snapshot: SessionSnapshot, n: int) -> list[RankedSource]:
    """Exactly the first ``n`` items of the ranking (ties keep the ranking's order)."""
    return ranked_sources(snapshot)[: max(0, n)]
