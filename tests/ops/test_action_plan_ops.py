"""Action plan operations: "top N" is exactly the top N of the ranking."""

from __future__ import annotations

from desktop_app import ops
from desktop_app.core.model import Kind
from desktop_app.core.promotion import ranked_sources
from desktop_app.storage.session_file import SessionFile


def without_plan(session: SessionFile) -> None:
    for iv in session.interventions():
        session.delete(Kind.INTERVENTION, iv.id)


def from_themes(session: SessionFile) -> list[str | None]:
    return [iv.cluster_id for iv in session.interventions()]


def test_top_n_twice_is_the_top_n_once(demo: SessionFile) -> None:
    without_plan(demo)
    top = [s.item_id for s in ranked_sources(demo.snapshot())]
    assert [iv.cluster_id for iv in ops.promote_top(demo, 3)] == top[:3]
    assert ops.promote_top(demo, 3) == []  # a second click adds nothing
    assert from_themes(demo) == top[:3]
    assert len(demo.history.steps) == 1
    assert [iv.cluster_id for iv in ops.promote_top(demo, 5)] == top[3:5]
    assert sorted(map(str, from_themes(demo))) == sorted(top[:5])


def test_a_promoted_theme_deleted_from_the_plan_comes_back_alone(demo: SessionFile) -> None:
    without_plan(demo)
    top = [s.item_id for s in ranked_sources(demo.snapshot())]
    first, second, _ = ops.promote_top(demo, 3)
    ops.delete_intervention(demo, second.id)
    assert [iv.cluster_id for iv in ops.promote_top(demo, 3)] == [top[1]]
    assert first.id in {iv.id for iv in demo.interventions()}
