"""The action plan: promote voting results to interventions, edit, order, take over."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop_app.core.actions import Action, Label
from desktop_app.core.model import Intervention, Kind
from desktop_app.core.promotion import RankedSource, in_plan, ranked_sources, title_for, top_sources
from desktop_app.storage.session_file import SessionFile, new_id

if TYPE_CHECKING:  # the follow-up (and the exchange format it reads) loads when used
    from desktop_app.storage.follow_up import TakeOver


def _intervention_for(source: RankedSource) -> Intervention:
    return Intervention(
        id=new_id(),
        title=title_for(source),
        cluster_id=source.theme_id,
        description=source.description,
        status="proposed",
    )


def promote_top(session: SessionFile, /, n: int) -> list[Intervention]:
    """The top ``n`` of the voting result become interventions, one step.

    Exactly the top ``n``: items among them already in the plan are skipped,
    and nothing below place ``n`` is taken instead, so a second click adds
    nothing. Returns the interventions added (empty when all were there).
    """
    snapshot = session.snapshot()
    plan = snapshot.live_interventions()
    new = [_intervention_for(s) for s in top_sources(snapshot, n) if not in_plan(s, plan)]
    if not new:
        return []
    with session.transaction(Label(Action.PROMOTE_TOP, Kind.INTERVENTION, count=len(new))):
        return [session.add(Kind.INTERVENTION, iv) for iv in new]


def promote_item(session: SessionFile, /, item_id: str) -> Intervention | None:
    """One item of the voting result (a theme or a proposal) becomes an intervention.

    None when the item is not in the result.
    """
    source = next((s for s in ranked_sources(session.snapshot()) if s.item_id == item_id), None)
    if source is None:
        return None
    new = _intervention_for(source)
    with session.transaction(Label(Action.PROMOTE_ITEM, Kind.INTERVENTION, name=new.title)):
        return session.add(Kind.INTERVENTION, new)


def edit_intervention(session: SessionFile, /, intervention_id: str, **fields: Any) -> Intervention:
    """Set fields of an intervention (owner, dates, status, scores ...); no step if same."""
    current = session.require(Kind.INTERVENTION, intervention_id, Intervention)
    if all(getattr(current, name) == value for name, value in fields.items()):
        return current
    label = Label(
        Action.EDIT_INTERVENTION,
        Kind.INTERVENTION,
        name=current.title,
        field=next(iter(fields)) if len(fields) == 1 else "",
    )
    with session.transaction(label):
        return session.put(Kind.INTERVENTION, replace(current, **fields))


def delete_intervention(session: SessionFile, /, intervention_id: str) -> None:
    current = session.require(Kind.INTERVENTION, intervention_id, Intervention)
    if current.deleted:
        return
    with session.transaction(
        Label(Action.DELETE_INTERVENTION, Kind.INTERVENTION, name=current.title)
    ):
        session.delete(Kind.INTERVENTION, intervention_id)


def take_over_plan(session: SessionFile, /, take: TakeOver) -> list[Intervention]:
    """Add the interventions of an earlier session (prepared by
    :func:`desktop_app.storage.follow_up.prepare_take_over`), one step."""
    from desktop_app.storage.follow_up import apply_take_over

    if not take.interventions:
        return []
    label = Label(
        Action.TAKE_OVER_PLAN,
        Kind.INTERVENTION,
        count=len(take.interventions),
        name=take.plan.title,
    )
    with session.transaction(label):
        return apply_take_over(session, take)
