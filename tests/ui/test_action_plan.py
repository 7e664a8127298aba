"""Phase 5 Actieplan and phase 6 Oogst, driven through their widgets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop_app import ops
from desktop_app.core.action_plan import DIVIDER, quadrant_name, quadrant_of
from desktop_app.core.model import Intervention, Kind
from desktop_app.core.ranking import ranking_of
from desktop_app.storage.exchange import import_document
from desktop_app.storage.follow_up import carried_over
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.action_plan import ActionPlanPage
from desktop_app.ui.pages.harvest import HarvestPage, safe_file_stem


@pytest.fixture
def plan_controller(tmp_path: Path, demo_document: dict[str, Any]) -> Iterator[SessionController]:
    """The demo after voting, before the action plan: themes and dots, no interventions."""
    document = dict(demo_document, interventions=[])
    sf = SessionFile.create(tmp_path / "sessie.tafelronde")
    import_document(sf, document, source="demo.json")
    controller = SessionController(sf)
    yield controller
    controller.close()


@pytest.fixture
def page(
    show: Callable[[ActionPlanPage, int, int], ActionPlanPage], plan_controller: SessionController
) -> ActionPlanPage:
    return show(ActionPlanPage(plan_controller), 1400, 900)


def plan(controller: SessionController) -> list[Intervention]:
    return controller.snapshot().live_interventions()


def shown_titles(page: ActionPlanPage) -> list[str]:
    tree = page.plan_list
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]


def top_theme_names(controller: SessionController, n: int) -> list[str]:
    snapshot = controller.snapshot()
    names = {t.id: t.name for t in snapshot.live_themes()}
    return [names[item.item_id] for item in ranking_of(snapshot)[:n]]


def promote_top_three(qtbot: QtBot, page: ActionPlanPage) -> None:
    qtbot.mouseClick(page.promote_top_button, Qt.MouseButton.LeftButton)
    assert len(plan(page.controller)) == 3


def test_empty_plan_says_what_to_do(page: ActionPlanPage) -> None:
    assert page.empty_hint.isVisible()
    assert "Nog geen interventies: zet de top 3 thema's om in interventies" in (
        page.empty_hint.text()
    )
    assert page.promote_top_button.text().replace("&", "") == "Zet top 3 om in interventies"
    assert not page.form_card.isVisible()


def test_promote_top_three_in_one_undoable_step(qtbot: QtBot, page: ActionPlanPage) -> None:
    controller = page.controller
    expected = top_theme_names(controller, 3)
    promote_top_three(qtbot, page)
    interventions = plan(controller)
    assert [iv.title for iv in interventions] == expected
    assert all(iv.status == "proposed" for iv in interventions)
    ranking = ranking_of(controller.snapshot())
    assert [iv.cluster_id for iv in interventions] == [item.item_id for item in ranking[:3]]
    assert shown_titles(page) == expected
    assert not page.empty_hint.isVisible()
    # the editor shows the first one, its source theme with proposals and dots
    assert page.title_edit.text() == expected[0]
    assert page.source_label.text().startswith(f"Thema: {expected[0]} (plaats 1, ")
    assert f"{ranking[0].total} stippen" in page.source_label.text()
    assert page.source_proposals.count() > 0
    # one step: a single undo takes all three back
    assert controller.undo_text() == "3 thema's omzetten in interventies"
    controller.undo()
    assert plan(controller) == []
    assert shown_titles(page) == []
    assert page.empty_hint.isVisible()


def test_top_n_means_exactly_the_top_n(qtbot: QtBot, page: ActionPlanPage) -> None:
    """Issue 13, defect 10: a second click on "top 3" added places 4 to 6."""
    controller = page.controller
    promote_top_three(qtbot, page)
    steps = controller.undo_text()
    qtbot.mouseClick(page.promote_top_button, Qt.MouseButton.LeftButton)
    assert [iv.title for iv in plan(controller)] == top_theme_names(controller, 3)
    assert controller.undo_text() == steps  # no new (empty) undo step either
    assert "De top 3 staat al in het actieplan." in page.message.text()
    # one of the three deleted: "top 3" brings back just that one
    page.plan_list.setCurrentItem(page.plan_list.topLevelItem(1))
    page.plan_list.setFocus()
    qtbot.keyClick(page.plan_list, Qt.Key.Key_Delete)
    assert len(plan(controller)) == 2
    qtbot.mouseClick(page.promote_top_button, Qt.MouseButton.LeftButton)
    assert sorted(iv.title for iv in plan(controller)) == sorted(top_theme_names(controller, 3))
    # a larger N adds only the places the plan does not have yet
    page.top_spin.setValue(5)
    qtbot.mouseClick(page.promote_top_button, Qt.MouseButton.LeftButton)
    assert sorted(iv.title for iv in plan(controller)) == sorted(top_theme_names(controller, 5))
    assert controller.undo_text() == "2 thema's omzetten in interventies"


def test_edit_every_field_in_place(qtbot: QtBot, page: ActionPlanPage) -> None:
    promote_top_three(qtbot, page)
    controller = page.controller
    first = plan(controller)[0]

    page.title_edit.setFocus()
    page.title_edit.selectAll()
    qtbot.keyClicks(page.title_edit, "=Fysio ")
    page.title_edit.insert("🙂")  # QTest cannot type characters outside the BMP
    qtbot.keyClicks(page.title_edit, " op locatie")
    qtbot.keyClick(page.title_edit, Qt.Key.Key_Return)
    page.owner_edit.setFocus()
    qtbot.keyClicks(page.owner_edit, "Linda Mulder (P&O)")
    qtbot.keyClick(page.owner_edit, Qt.Key.Key_Tab)
    page.location_edit.setFocus()
    qtbot.keyClicks(page.location_edit, "EHBO-ruimte")
    qtbot.keyClick(page.location_edit, Qt.Key.Key_Return)
    page.description_edit.setFocus()
    page.description_edit.selectAll()  # the theme's description came along; replace it
    qtbot.keyClicks(page.description_edit, "Twee ochtenden per maand")
    page.employee_edit.setFocus()  # leaving the description saves it
    qtbot.keyClicks(page.employee_edit, "Snel hulp")
    page.organisation_edit.setFocus()
    qtbot.keyClicks(page.organisation_edit, "Minder verzuim")
    page.title_edit.setFocus()
    page.status_combo.setCurrentIndex(page.status_combo.findData("agreed"))
    page.periodicity_combo.setCurrentIndex(page.periodicity_combo.findData("monthly"))
    page.impact_spin.setFocus()
    page.impact_spin.selectAll()
    qtbot.keyClicks(page.impact_spin, "5")
    page.effort_spin.setFocus()
    page.effort_spin.selectAll()
    qtbot.keyClicks(page.effort_spin, "2")
    monteurs = next(
        page.groups_list.item(i)
        for i in range(page.groups_list.count())
        if page.groups_list.item(i).text() == "Monteurs"
    )
    monteurs.setCheckState(Qt.CheckState.Checked)
    page.start_field.edit.setDate(QDate(2026, 5, 4))
    page.follow_up_field.edit.setDate(QDate(2026, 10, 5))

    edited = controller.session_file.require(Kind.INTERVENTION, first.id, Intervention)
    assert edited.title == "=Fysio 🙂 op locatie"
    assert edited.owner == "Linda Mulder (P&O)"
    assert edited.location == "EHBO-ruimte"
    assert edited.description == "Twee ochtenden per maand"
    assert edited.value_for_employee == "Snel hulp"
    assert edited.value_for_organisation == "Minder verzuim"
    assert (edited.status, edited.periodicity) == ("agreed", "monthly")
    assert (edited.impact, edited.effort) == (5, 2)
    assert [
        g.name
        for g in controller.snapshot().live_target_groups()
        if g.id in edited.target_group_ids
    ] == ["Monteurs"]
    assert (edited.start, edited.follow_up) == ("2026-05-04", "2026-10-05")
    assert page.plan_list.topLevelItem(0).text(1) == "=Fysio 🙂 op locatie"
    assert page.plan_list.topLevelItem(0).text(2) == "Afgesproken"
    assert page.quadrant_label.text().endswith(quadrant_name(quadrant_of(5, 2)))

    # the "no date" button clears the follow-up date; undo brings it back
    qtbot.mouseClick(page.follow_up_field.clear_button, Qt.MouseButton.LeftButton)
    assert (
        controller.session_file.require(Kind.INTERVENTION, first.id, Intervention).follow_up is None
    )
    assert page.follow_up_field.edit.text() == "geen datum"
    controller.undo()
    assert (
        controller.session_file.require(Kind.INTERVENTION, first.id, Intervention).follow_up
        == "2026-10-05"
    )
    assert page.follow_up_field.value() == "2026-10-05"
    # each field was its own step: undo walks back through them
    while controller.undo_text() != "3 thema's omzetten in interventies":
        controller.undo()
    restored = controller.session_file.require(Kind.INTERVENTION, first.id, Intervention)
    assert (restored.title, restored.owner, restored.impact) == (first.title, None, None)
    assert page.title_edit.text() == first.title


def test_an_empty_title_is_refused_and_the_stored_one_comes_back(
    qtbot: QtBot, page: ActionPlanPage
) -> None:
    promote_top_three(qtbot, page)
    first = plan(page.controller)[0]
    page.title_edit.setFocus()
    page.title_edit.selectAll()
    with qtbot.waitSignal(page.controller.error) as refused:
        qtbot.keyClick(page.title_edit, Qt.Key.Key_Delete)
        qtbot.keyClick(page.title_edit, Qt.Key.Key_Return)
    assert "mag niet leeg zijn" in refused.args[0]
    assert plan(page.controller)[0].title == first.title
    assert page.title_edit.text() == first.title


def test_reorder_with_keyboard_and_undo(qtbot: QtBot, page: ActionPlanPage) -> None:
    promote_top_three(qtbot, page)
    controller = page.controller
    a, b, c = (iv.title for iv in plan(controller))
    page.plan_list.setFocus()
    page.plan_list.setCurrentItem(page.plan_list.topLevelItem(2))
    qtbot.keyClick(page.plan_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [iv.title for iv in plan(controller)] == [a, c, b]
    qtbot.keyClick(page.plan_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [iv.title for iv in plan(controller)] == [c, a, b]
    assert shown_titles(page) == [c, a, b]
    assert page.plan_list.currentItem().text(1) == c  # the moved one stays selected
    assert page.plan_list.topLevelItem(0).text(0) == "1."
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert [iv.title for iv in plan(controller)] == [a, c, b]
    controller.undo()
    assert [iv.title for iv in plan(controller)] == [c, a, b]
    controller.undo()
    controller.undo()
    assert [iv.title for iv in plan(controller)] == [a, b, c]
    assert shown_titles(page) == [a, b, c]
    controller.redo()
    assert [iv.title for iv in plan(controller)] == [a, c, b]


def test_delete_with_the_delete_key_and_undo(qtbot: QtBot, page: ActionPlanPage) -> None:
    promote_top_three(qtbot, page)
    controller = page.controller
    a, b, c = (iv.title for iv in plan(controller))
    page.plan_list.setFocus()
    page.plan_list.setCurrentItem(page.plan_list.topLevelItem(1))
    qtbot.keyClick(page.plan_list, Qt.Key.Key_Delete)
    assert [iv.title for iv in plan(controller)] == [a, c]
    assert shown_titles(page) == [a, c]
    assert page.title_edit.text() == c
    controller.undo()
    assert [iv.title for iv in plan(controller)] == [a, b, c]


def test_promote_one_theme_from_the_voting_result(qtbot: QtBot, page: ActionPlanPage) -> None:
    controller = page.controller
    fourth = top_theme_names(controller, 4)[3]
    page.tabs.setCurrentIndex(1)
    ranked = page.ranked_list
    row = next(
        i for i in range(ranked.topLevelItemCount()) if ranked.topLevelItem(i).text(1) == fourth
    )
    ranked.setFocus()
    ranked.setCurrentItem(ranked.topLevelItem(row))
    qtbot.keyClick(ranked, Qt.Key.Key_Return)
    [new] = plan(controller)
    assert new.title == fourth
    assert page.tabs.currentIndex() == 0
    assert ranked.topLevelItem(row).text(3) == "ja"
    # the top three skip what is already in the plan
    qtbot.mouseClick(page.promote_top_button, Qt.MouseButton.LeftButton)
    assert [iv.title for iv in plan(controller)] == [fourth, *top_theme_names(controller, 3)]


def matrix_points(page: ActionPlanPage) -> list[tuple[float, float]]:
    [axes] = page.figure.axes
    [points] = [c for c in axes.collections if c.get_gid() == "interventions"]
    return [(float(x), float(y)) for x, y in points.get_offsets()]


def test_matrix_places_each_intervention_in_its_quadrant(
    qtbot: QtBot, page: ActionPlanPage
) -> None:
    promote_top_three(qtbot, page)
    controller = page.controller
    scores = [(5, 1), (2, 4), (3, 3)]  # (impact, effort)
    for iv, (impact, effort) in zip(plan(controller), scores, strict=True):
        controller.run(ops.edit_intervention, iv.id, impact=impact, effort=effort)
    points = matrix_points(page)  # redrawn on the change, no extra call
    assert points == [(float(e), float(i)) for i, e in scores]
    expected = ["quick_wins", "reconsider", "big_projects"]
    for (x, y), (impact, effort), quadrant in zip(points, scores, expected, strict=True):
        assert quadrant_of(impact, effort) == quadrant
        found = {
            (True, False): "quick_wins",
            (True, True): "big_projects",
            (False, False): "fill_ins",
            (False, True): "reconsider",
        }[(y > DIVIDER, x > DIVIDER)]
        assert found == quadrant
    labels = {t.get_text() for t in page.figure.axes[0].texts}
    assert {"Snelle winst", "Grote projecten", "Opvullers", "Heroverwegen"} <= labels
    # changing a score moves its point live
    first = plan(controller)[0]
    controller.run(ops.edit_intervention, first.id, impact=1, effort=1)
    assert matrix_points(page)[0] == (1.0, 1.0)


def test_take_over_the_plan_of_an_earlier_session(
    qtbot: QtBot, page: ActionPlanPage, tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    earlier = tmp_path / "vorige.tafelronde"
    doc = dict(
        demo_document,
        session=dict(
            demo_document["session"],  # type: ignore[arg-type]
            id="11111111-2222-4333-8444-555555555555",
            title="PMO 2025",
            date="2025-03-13",
        ),
    )
    with SessionFile.create(earlier) as sf:
        import_document(sf, doc, source="x.json")
    controller = page.controller
    added = page.take_over_from(earlier)
    assert len(added) == 5
    earlier_statuses = [r["status"] for r in demo_document["interventions"]]  # type: ignore[index]
    assert [iv.status for iv in plan(controller)] == earlier_statuses
    assert "5 interventies overgenomen van PMO 2025" in page.message.text()
    assert page.previous_label.isVisible()
    assert page.carried_label.isVisible()
    assert "Overgenomen van PMO 2025, 2025-03-13" in page.carried_label.text()
    assert "Status toen: Afgesproken" in page.carried_label.text()
    assert "Overgenomen van PMO 2025" in page.plan_list.topLevelItem(0).toolTip(1)
    # the facilitator updates the status; the earlier one stays known
    page.status_combo.setCurrentIndex(page.status_combo.findData("done"))
    [first, *_] = carried_over(controller.session_file)
    assert (first.earlier_status, first.status) == ("agreed", "done")
    assert "Status toen: Afgesproken" in page.carried_label.text()
    controller.undo()
    controller.undo()
    assert plan(controller) == []
    assert not page.previous_label.isVisible()


def test_take_over_refuses_a_broken_file_clearly(
    qtbot: QtBot, page: ActionPlanPage, tmp_path: Path
) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet json", encoding="utf-8")
    with qtbot.waitSignal(page.controller.error):
        assert page.take_over_from(broken) == []
    assert "kapot.json" in page.message.text()
    assert plan(page.controller) == []


# ---------------------------------------------------------------------- harvest


@pytest.fixture
def harvest(
    show: Callable[[HarvestPage, int, int], HarvestPage], plan_controller: SessionController
) -> HarvestPage:
    return show(HarvestPage(plan_controller), 1200, 800)


def test_harvest_exports_the_exchange_file(harvest: HarvestPage, tmp_path: Path) -> None:
    target = tmp_path / "uit.json"
    assert harvest.export("json", target)
    document = json.loads(target.read_text("utf-8"))
    assert document["session"]["title"] == "PMO samen ontwerpen"
    result = harvest.cards["json"].result
    assert result.text().startswith("Opgeslagen als uit.json\nin ")
    assert result.toolTip() == str(target)
    assert harvest.cards["json"].open_folder.isVisible()


def test_harvest_writes_workbook_and_report(harvest: HarvestPage, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "hr.xlsx", tmp_path / "oogst.pdf"
    assert harvest.export("xlsx", xlsx)
    assert harvest.export("pdf", pdf)
    assert xlsx.read_bytes()[:2] == b"PK"
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_harvest_shows_why_an_export_failed(
    qtbot: QtBot, harvest: HarvestPage, tmp_path: Path
) -> None:
    target = tmp_path / "bestaat-niet" / "uit.json"
    with qtbot.waitSignal(harvest.controller.error) as told:
        assert not harvest.export("json", target)
    assert "bestaat niet" in told.args[0]
    result = harvest.cards["json"].result
    assert result.text().startswith("Niet opgeslagen. ")
    assert result.property("role") == "error"
    assert not target.exists()


def test_harvest_summary_and_file_names(harvest: HarvestPage) -> None:
    assert "75 voorstellen, 7 thema's" in harvest.summary.text()
    assert not harvest.empty_hint.isVisible()
    assert safe_file_stem('PMO: "samen" / 2027?', "sessie") == "PMO samen 2027"
    assert safe_file_stem("///", "sessie") == "sessie"
    assert harvest.suggested_path("pdf").name == "PMO samen ontwerpen - oogstverslag.pdf"
