"""Ready for the room: template placeholders, empty groups, loose proposals, interventions
without owner or date, a privacy floor that hides every group."""

from __future__ import annotations

import pytest

from desktop_app.core.model import (
    ContextItem,
    Intervention,
    Proposal,
    SessionInfo,
    SessionSnapshot,
    TargetGroup,
    Theme,
)
from desktop_app.core.readiness import Place, Problem, check, has_placeholder


@pytest.mark.parametrize(
    "text",
    [
        "Verzuim vorig jaar: …% (branche …%)",
        "Deelname PMO: …% van … uitgenodigde medewerkers",
        "1. …\n2. …\n3. …",
        "Vul in: verzuimpercentage en meldingsfrequentie.",
        "vul in uit het groepsrapport van de arbodienst",
        "Fill in, also per target group",
        "Sickness absence: ...%",
    ],
)
def test_template_placeholders_are_found(text: str) -> None:
    assert has_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "Verzuim vorig jaar: 5,2% (branche 4,8%)",
        "Rugklachten, knieën, enzovoort…",
        "Wat vul je in op het formulier?",
        "",
        None,
    ],
)
def test_filled_in_text_is_not_a_placeholder(text: str | None) -> None:
    assert not has_placeholder(text)


def snapshot(**parts: object) -> SessionSnapshot:
    return SessionSnapshot(session=SessionInfo(id="s", title="PMO 2027"), **parts)  # type: ignore[arg-type]


def test_findings_name_the_place_to_fix_each() -> None:
    groups = (
        TargetGroup("g1", "Monteurs", participants=24),
        TargetGroup("g2", "Kantoor", participants=0),
    )
    proposals = (
        Proposal("p1", "r", "t", "Fysio op locatie"),
        Proposal("p2", "r", "t", "Fruit in de kantine"),
        Proposal("p3", "r", "t", "Minder lawaai"),
    )
    themes = (Theme("th", "Fysiek", proposal_ids=("p1",)),)
    interventions = (
        Intervention("i1", "Fysiotherapeut", owner="Linda", start="2027-03-01"),
        Intervention("i2", "Fruit", owner=" ", follow_up="2027-06-01"),
        Intervention("i3", "Geluid", owner="Piet"),
        Intervention("i4", "Vervallen", status="dropped"),
    )
    context = (ContextItem("c1", "figure", "Verzuim vorig jaar: …%"),)
    found = check(
        snapshot(
            target_groups=groups,
            proposals=proposals,
            themes=themes,
            interventions=interventions,
            context_items=context,
        ),
        ["g1", "g2"],
    )
    assert {(f.problem, f.place, f.entity_id) for f in found} == {
        (Problem.PLACEHOLDER, Place.CONTEXT, "c1"),
        (Problem.EMPTY_GROUP, Place.TARGET_GROUP, "g2"),
        (Problem.UNTHEMED, Place.TRAY, "p2"),
        (Problem.NO_OWNER, Place.INTERVENTION, "i2"),
        (Problem.NO_DATE, Place.INTERVENTION, "i3"),
        (Problem.FLOOR_HIDES_ALL, Place.PRIVACY_FLOOR, None),  # one group below 5 hides both
    }
    assert next(f for f in found if f.problem == Problem.UNTHEMED).count == 2


def test_a_floor_that_leaves_groups_visible_is_fine() -> None:
    groups = (
        TargetGroup("g1", "Monteurs", participants=24),
        TargetGroup("g2", "Kantoor", participants=14),
        TargetGroup("g3", "Ploegendienst", participants=12),
    )
    assert check(snapshot(target_groups=groups), ["g1", "g2", "g3"]) == []
    # Only the groups that vote count.
    found = check(snapshot(target_groups=groups, privacy_floor=13), ["g3"])
    assert [f.problem for f in found] == [Problem.FLOOR_HIDES_ALL]
