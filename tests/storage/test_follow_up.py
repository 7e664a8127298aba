"""Follow-up across cycles: a new session takes over the action plan of an earlier one."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import run_state
from desktop_app.core.errors import ExchangeError
from desktop_app.core.model import Intervention, Kind, TargetGroup
from desktop_app.storage.exchange import export_document, export_file, import_document
from desktop_app.storage.follow_up import (
    FollowUpError,
    carried_over,
    previous_session,
    read_earlier_plan,
    take_over,
)
from desktop_app.storage.session_file import SessionFile

FIXTURES = Path(__file__).parent / "fixtures"
MONTEURS = "928f7a5f-95ff-4461-b56d-c7aa22c20c54"
KANTOOR = "b52eea94-7f9d-4714-99be-460f8066eaf6"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def earlier_path(tmp_path: Path, demo_document: dict[str, Any]) -> Path:
    """Last year's session: the demo, with its five interventions, closed."""
    path = tmp_path / "vorig-jaar.tafelronde"
    with SessionFile.create(path) as sf:
        import_document(sf, demo_document, source="demo.json")
    return path


@pytest.fixture
def new_session(tmp_path: Path) -> Iterator[SessionFile]:
    """This year's session: two groups, one spelled differently, one new."""
    sf = SessionFile.create(tmp_path / "dit-jaar.tafelronde", title="PMO 2027")
    sf.add(
        Kind.TARGET_GROUP, TargetGroup(id="aaaaaaaa-0000-4000-8000-000000000001", name="monteurs ")
    )
    sf.add(
        Kind.TARGET_GROUP, TargetGroup(id="aaaaaaaa-0000-4000-8000-000000000002", name="Kantoor")
    )
    sf.add(
        Kind.TARGET_GROUP, TargetGroup(id="aaaaaaaa-0000-4000-8000-000000000003", name="Stagiairs")
    )
    yield sf
    sf.close()


def earlier_interventions(demo_document: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in demo_document["interventions"] if not r.get("deleted")]


def check_carried(new_session: SessionFile, demo_document: dict[str, Any]) -> None:
    earlier = earlier_interventions(demo_document)
    now = new_session.interventions()
    assert [iv.title for iv in now] == [r["title"] for r in earlier]
    assert [iv.status for iv in now] == [r["status"] for r in earlier]
    assert not {iv.id for iv in now} & {r["id"] for r in earlier}  # new ids
    assert all(iv.cluster_id is None for iv in now)  # the old theme stays behind
    for iv, record in zip(now, earlier, strict=True):
        assert iv.owner == record.get("owner")
        assert iv.follow_up == record.get("follow_up")
        assert iv.impact == record.get("impact") and iv.effort == record.get("effort")
        expected_groups = []
        for group_id in record.get("target_group_ids", []):
            if group_id == MONTEURS:
                expected_groups.append("aaaaaaaa-0000-4000-8000-000000000001")
            elif group_id == KANTOOR:
                expected_groups.append("aaaaaaaa-0000-4000-8000-000000000002")
        assert list(iv.target_group_ids) == expected_groups
    carried = carried_over(new_session)
    assert [c.intervention_id for c in carried] == [iv.id for iv in now]
    assert [c.earlier_status for c in carried] == [r["status"] for r in earlier]
    assert {c.source_session_title for c in carried} == {"PMO samen ontwerpen"}
    assert {c.source_session_date for c in carried} == {"2026-03-12"}
    assert [c.source_intervention_id for c in carried] == [r["id"] for r in earlier]
    assert not any(c.status_changed for c in carried)
    previous = previous_session(new_session)
    assert previous is not None
    assert previous["id"] == demo_document["session"]["id"]
    assert (previous["title"], previous["date"]) == ("PMO samen ontwerpen", "2026-03-12")


def test_takes_over_every_intervention_of_an_earlier_session_file(
    earlier_path: Path, new_session: SessionFile, demo_document: dict[str, Any]
) -> None:
    before = digest(earlier_path)
    take = take_over(new_session, earlier_path)
    check_carried(new_session, demo_document)
    assert set(take.dropped_groups) == {"Ploegendienst", "Leidinggevenden"}
    assert digest(earlier_path) == before  # the earlier session is never changed


def test_takes_over_from_the_earlier_sessions_exchange_file(
    earlier_path: Path, new_session: SessionFile, demo_document: dict[str, Any], tmp_path: Path
) -> None:
    exchange = tmp_path / "vorig-jaar.json"
    with SessionFile.open_readonly(earlier_path) as earlier:
        export_file(earlier, exchange)
    take_over(new_session, exchange)
    check_carried(new_session, demo_document)


def test_updated_status_is_read_back_beside_the_earlier_one(
    earlier_path: Path, new_session: SessionFile, tmp_path: Path
) -> None:
    take_over(new_session, earlier_path)
    first, second = new_session.interventions()[:2]
    assert (first.status, second.status) == ("agreed", "planned")
    new_session.update(Kind.INTERVENTION, first.id, status="done")
    new_session.update(Kind.INTERVENTION, second.id, status="dropped")
    path = new_session.path
    new_session.close()
    with SessionFile.open(path) as reopened:
        carried = carried_over(reopened)
        assert [(c.earlier_status, c.status) for c in carried[:2]] == [
            ("agreed", "done"),
            ("planned", "dropped"),
        ]
        assert [c.status_changed for c in carried[:3]] == [True, True, False]
        assert reopened.state(run_state.PREVIOUS_SESSION)["title"] == "PMO samen ontwerpen"


def test_taking_over_twice_adds_nothing_twice(earlier_path: Path, new_session: SessionFile) -> None:
    take_over(new_session, earlier_path)
    again = take_over(new_session, earlier_path)
    assert again.interventions == ()
    assert again.already_carried == 5
    assert len(new_session.interventions()) == 5


def test_a_deleted_carried_intervention_is_not_listed_and_can_come_back(
    earlier_path: Path, new_session: SessionFile
) -> None:
    take_over(new_session, earlier_path)
    gone = new_session.interventions()[0]
    new_session.delete(Kind.INTERVENTION, gone.id)
    assert gone.id not in [c.intervention_id for c in carried_over(new_session)]
    assert len(carried_over(new_session)) == 4
    again = take_over(new_session, earlier_path)
    assert [iv.title for iv in again.interventions] == [gone.title]


def test_the_same_session_is_refused_and_nothing_changes(
    earlier_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "kopie.tafelronde"
    shutil.copy(earlier_path, copy)
    with SessionFile.open(earlier_path) as sf:
        with pytest.raises(FollowUpError) as refused:
            take_over(sf, copy)
        assert "deze sessie zelf" in refused.value.message("nl")
        assert "this session itself" in refused.value.message("en")
        assert len(sf.interventions()) == 5
        assert carried_over(sf) == []


def test_a_broken_exchange_file_is_refused_with_its_place(
    new_session: SessionFile, tmp_path: Path
) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format": "tafelronde-exchange", "version": 1}', encoding="utf-8")
    with pytest.raises(ExchangeError) as refused:
        read_earlier_plan(broken)
    assert "kapot.json" in refused.value.message("nl")
    assert new_session.interventions() == []


def test_an_older_session_file_can_be_followed_up(new_session: SessionFile, tmp_path: Path) -> None:
    old = tmp_path / "oud.tafelronde"
    shutil.copy(FIXTURES / "session-v1.tafelronde", old)
    before = digest(old)
    plan = read_earlier_plan(old)
    assert plan.title == "Sessie van versie 1"
    assert digest(old) == before
    with SessionFile.open(old) as migrated:  # m003 adds the table to an old file
        assert carried_over(migrated) == []


def test_the_whole_action_plan_travels_through_the_exchange_format(
    session_file: SessionFile, tmp_path: Path
) -> None:
    group = session_file.add(
        Kind.TARGET_GROUP,
        TargetGroup(id="aaaaaaaa-0000-4000-8000-00000000000a", name="Ploegendienst"),
    )
    full = Intervention(
        id="bbbbbbbb-0000-4000-8000-00000000000b",
        title="=SOM(A1) 🙂 شكرا",
        description="Regel 1\nRegel 2 " + "x" * 1990,
        target_group_ids=(group.id,),
        periodicity="quarterly",
        location="Kantine",
        owner="+Linda",
        start="2027-01-04",
        follow_up="2027-06-30",
        status="running",
        impact=4,
        effort=2,
        value_for_employee="-minder rugklachten",
        value_for_organisation="@minder verzuim",
    )
    session_file.add(Kind.INTERVENTION, full)
    document = export_document(session_file)
    with SessionFile.create(tmp_path / "ander.tafelronde") as other:
        import_document(other, document, source="x.json")
        [again] = other.interventions()
    stamped = session_file.interventions()[0]
    assert again == stamped
