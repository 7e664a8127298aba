"""The cluster board: drag and drop, theme operations with undo, the keyboard picker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import run_state
from desktop_app.core.model import Kind, Theme
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.card_list import CardListView
from desktop_app.ui.card_model import decode_ids, encode_ids
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.themes import ThemesPage


@pytest.fixture
def page(
    show: Callable[[ThemesPage, int, int], ThemesPage], controller: SessionController
) -> ThemesPage:
    return show(ThemesPage(controller), 1600, 1000)


def send_drop(target: QWidget, ids: Sequence[str]) -> bool:
    """A real drag-enter and drop of proposal ids on ``target`` (a viewport or frame)."""
    mime = encode_ids(ids)
    pos = QPointF(target.rect().center())
    enter = QDragEnterEvent(
        target.rect().center(),  # a QPoint here, a QPointF for the drop (PySide6 6.11)
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        pos,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def stored_members(session_file: SessionFile) -> dict[str, tuple[str, ...]]:
    return {t.id: t.proposal_ids for t in session_file.themes()}


def select(view: CardListView, rows: Sequence[int]) -> None:
    model = view.model()
    view.setFocus()
    for n, row in enumerate(rows):
        flag = (
            QItemSelectionModel.SelectionFlag.Select
            if n
            else (QItemSelectionModel.SelectionFlag.ClearAndSelect)
        )
        view.selectionModel().select(model.index(row, 0), flag)


def first_theme(page: ThemesPage) -> str:
    return page.theme_order[0]


# ------------------------------------------------------------- drag and drop


def test_dropping_a_tray_card_on_a_theme_moves_it_and_undo_brings_it_back(
    page: ThemesPage, controller: SessionController
) -> None:
    card = page.tray_model.ids()[0]
    theme = first_theme(page)
    box = page.theme_boxes[theme]
    before_tray = page.tray.count.text()

    assert send_drop(box.view.viewport(), [card])

    assert card not in page.tray_model.ids()
    assert box.model.ids()[-1] == card
    assert card in controller.session_file.get(Kind.THEME, theme).proposal_ids  # type: ignore[union-attr]
    assert int(page.tray.count.text()) == int(before_tray) - 1

    controller.undo()
    assert card in page.tray_model.ids()
    assert card not in box.model.ids()


def test_dropping_on_a_theme_header_counts_as_dropping_on_the_theme(page: ThemesPage) -> None:
    card = page.tray_model.ids()[0]
    theme = first_theme(page)
    assert send_drop(page.theme_boxes[theme], [card])
    assert card in page.theme_boxes[theme].model.ids()


def test_several_selected_cards_are_dragged_as_one_and_dropped_in_the_tray(
    page: ThemesPage, controller: SessionController
) -> None:
    theme = first_theme(page)
    box = page.theme_boxes[theme]
    select(box.view, [0, 2])
    chosen = box.view.selected_ids()
    assert len(chosen) == 2
    # What a drag carries: the selected rows' ids, through the model's mimeData.
    mime = box.view.model().mimeData(box.view.selectionModel().selectedIndexes())
    assert decode_ids(mime) == chosen
    count_before = box.model.rowCount()

    assert send_drop(page.tray.view.viewport(), decode_ids(mime))

    assert set(chosen) <= set(page.tray_model.ids())
    assert box.model.rowCount() == count_before - 2
    assert box.count.text() == str(count_before - 2)
    assert not set(chosen) & set(stored_members(controller.session_file)[theme])


def test_dropping_on_empty_space_starts_a_new_theme_and_undo_removes_it(
    page: ThemesPage, controller: SessionController
) -> None:
    theme = first_theme(page)
    taken = page.theme_boxes[theme].model.ids()[:2]
    before = stored_members(controller.session_file)

    assert send_drop(page.grid.canvas, taken)

    after = stored_members(controller.session_file)
    new = [tid for tid in after if tid not in before]
    assert len(new) == 1
    assert after[new[0]] == tuple(taken)
    assert page.theme_boxes[new[0]].name_edit.isVisible()  # ready to type its name
    assert not set(taken) & set(after[theme])

    controller.undo()
    assert stored_members(controller.session_file) == before
    assert new[0] not in page.theme_boxes


def test_the_new_theme_box_takes_drops_too(page: ThemesPage, controller: SessionController) -> None:
    card = page.tray_model.ids()[0]
    count = len(page.theme_order)
    assert send_drop(page.grid.new_zone, [card])
    assert len(page.theme_order) == count + 1
    assert page.theme_boxes[page.theme_order[-1]].model.ids() == [card]


def test_the_model_takes_drops_through_drop_mime_data(page: ThemesPage) -> None:
    card = page.tray_model.ids()[0]
    theme = first_theme(page)
    model = page.theme_models[theme]
    assert model.dropMimeData(encode_ids([card]), Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert card in model.ids()
    assert not model.dropMimeData(encode_ids([]), Qt.DropAction.MoveAction, -1, -1, QModelIndex())


# ----------------------------------------------------------- theme operations


def test_merge_two_themes_and_undo(page: ThemesPage, controller: SessionController) -> None:
    source, target = page.theme_order[0], page.theme_order[1]
    before = stored_members(controller.session_file)

    page.merge_themes(source, target)

    after = stored_members(controller.session_file)
    assert source not in after
    assert after[target] == before[target] + before[source]
    assert source not in page.theme_boxes
    assert page.theme_boxes[target].count.text() == str(len(before[target] + before[source]))

    controller.undo()
    assert stored_members(controller.session_file) == before
    assert page.theme_boxes[source].model.ids() == list(before[source])


def test_split_selected_cards_to_a_new_theme_and_undo(
    page: ThemesPage, controller: SessionController
) -> None:
    theme = first_theme(page)
    box = page.theme_boxes[theme]
    select(box.view, [1, 3])
    chosen = box.view.selected_ids()
    before = stored_members(controller.session_file)

    new = page.split_theme(theme, chosen)

    assert new is not None
    after = stored_members(controller.session_file)
    assert after[new] == tuple(chosen)
    assert after[theme] == tuple(p for p in before[theme] if p not in chosen)
    assert controller.session_file.get(Kind.THEME, new).name.endswith("(deel 2)")  # type: ignore[union-attr]

    controller.undo()
    assert stored_members(controller.session_file) == before


def test_delete_a_theme_sends_its_cards_to_the_tray_and_undo_restores_it(
    page: ThemesPage, controller: SessionController
) -> None:
    theme = first_theme(page)
    members = list(page.theme_boxes[theme].model.ids())
    tray_before = page.tray_model.rowCount()

    page.delete_theme(theme)

    assert theme not in page.theme_boxes
    assert set(members) <= set(page.tray_model.ids())
    assert page.tray_model.rowCount() == tray_before + len(members)
    assert "Ctrl+Z" in page.status.text()

    controller.undo()
    assert page.theme_boxes[theme].model.ids() == members
    assert page.tray_model.rowCount() == tray_before


def test_create_theme_from_selection_with_ctrl_g_then_type_its_name(
    page: ThemesPage, qtbot: QtBot, controller: SessionController
) -> None:
    select(page.tray.view, [0, 1])
    chosen = page.tray.view.selected_ids()
    qtbot.keyClick(page.tray.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    new = page.theme_order[-1]
    box = page.theme_boxes[new]
    assert box.model.ids() == chosen
    assert box.name_edit.hasFocus()
    name = "=Collega's 🤝 & سلام"
    box.name_edit.selectAll()
    qtbot.keyClicks(box.name_edit, "=Collega's ")
    box.name_edit.insert("🤝 & سلام")  # QTest cannot type emoji or Arabic
    qtbot.keyClick(box.name_edit, Qt.Key.Key_Return)
    assert controller.session_file.get(Kind.THEME, new).name == name  # type: ignore[union-attr]
    assert box.title.text() == name

    controller.undo()  # the rename
    assert controller.session_file.get(Kind.THEME, new).name == "Nieuw thema"  # type: ignore[union-attr]


def test_description_and_colour_are_undoable(
    page: ThemesPage, controller: SessionController
) -> None:
    theme = first_theme(page)
    box = page.theme_boxes[theme]
    page.set_description(theme, "Alles over de rug\nen de knieën")
    assert box.description.toolTip() == "Alles over de rug\nen de knieën"
    assert box.description.text() == "Alles over de rug en de knieën"
    page.set_color(theme, "#CC79A7")
    assert controller.session_file.theme_colors()[theme] == "#CC79A7"
    assert box.model.color == "#CC79A7"
    controller.undo()
    assert controller.session_file.theme_colors().get(theme) is None
    controller.undo()
    assert (
        controller.session_file.get(Kind.THEME, theme).description
        != "Alles over de rug\nen de knieën"
    )  # type: ignore[union-attr]


def test_a_new_theme_gets_an_unused_okabe_ito_colour(
    page: ThemesPage, controller: SessionController
) -> None:
    before = dict(page.colors)
    new = page.new_theme([page.tray_model.ids()[0]], "Humor")
    assert new is not None
    color = controller.session_file.theme_colors()[new]
    assert color.upper() in {
        c.upper()
        for c in ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
    }
    assert color != page.colors[page.theme_order[0]] or len(before) >= 7


# -------------------------------------------------------------- the keyboard


def test_t_opens_the_quick_picker_and_typing_sends_the_cards_to_the_matching_theme(
    page: ThemesPage, qtbot: QtBot, controller: SessionController
) -> None:
    target = next(tid for tid in page.theme_order if page.themes[tid].name.startswith("Slaap"))
    select(page.tray.view, [0])
    card = page.tray.view.selected_ids()[0]
    qtbot.keyClick(page.tray.view, Qt.Key.Key_T)
    picker = page.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.filter_edit, "slaap")
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    assert card in stored_members(controller.session_file)[target]
    assert card in page.theme_boxes[target].model.ids()


def test_the_picker_makes_a_new_theme_named_as_typed_when_nothing_matches(
    page: ThemesPage, qtbot: QtBot, controller: SessionController
) -> None:
    select(page.tray.view, [0, 1])
    chosen = page.tray.view.selected_ids()
    qtbot.keyClick(page.tray.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    picker = page.picker
    assert picker is not None
    qtbot.keyClicks(picker.filter_edit, "Sfeer en humor")
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    new = page.theme_order[-1]
    assert controller.session_file.get(Kind.THEME, new) == Theme(
        id=new,
        name="Sfeer en humor",
        proposal_ids=tuple(chosen),
        updated_at=controller.session_file.get(Kind.THEME, new).updated_at,  # type: ignore[union-attr]
    )


def test_letters_typed_in_the_search_field_are_text_not_commands(
    page: ThemesPage, qtbot: QtBot
) -> None:
    select(page.tray.view, [0])
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Tn")
    assert page.search.text() == "Tn"
    assert page.picker is None
    themes = len(page.theme_order)
    assert len(page.theme_order) == themes


def test_delete_key_sends_selected_theme_cards_back_to_the_tray(
    page: ThemesPage, qtbot: QtBot
) -> None:
    box = page.theme_boxes[first_theme(page)]
    select(box.view, [0])
    card = box.view.selected_ids()[0]
    qtbot.keyClick(box.view, Qt.Key.Key_Delete)
    assert card in page.tray_model.ids()


# ------------------------------------------------------- filters and counts


def test_filters_show_counts_of_what_is_visible(page: ThemesPage, qtbot: QtBot) -> None:
    total_tray = page.tray_model.rowCount()
    table_index = page.table_filter.findText("Tafel 2")
    page.table_filter.setCurrentIndex(table_index)
    table_id = page.table_filter.currentData()
    shown = sum(1 for pid in page.tray_model.ids() if page.cards[pid].table_id == table_id)
    assert page.tray.count.text() == f"{shown} van {total_tray}"
    assert page.tray.proxy.rowCount() == shown
    assert page.clear_filters_button.isVisible()

    page.clear_filters()
    qtbot.keyClicks(page.search, "fysio")
    theme = next(tid for tid in page.theme_order if page.themes[tid].name.startswith("Fysieke"))
    box = page.theme_boxes[theme]
    assert 0 < box.proxy.rowCount() < box.model.rowCount()
    assert box.count.text() == f"{box.proxy.rowCount()} van {box.model.rowCount()}"
    page.clear_filters()
    assert page.tray.count.text() == str(total_tray)


def test_a_filtered_card_can_still_be_dragged_to_a_theme(page: ThemesPage) -> None:
    page.search.setText("bus")
    view = page.tray.view
    assert view.model() is page.tray.proxy
    select(view, [0])
    chosen = view.selected_ids()
    mime = view.model().mimeData(view.selectionModel().selectedIndexes())
    assert decode_ids(mime) == chosen
    theme = first_theme(page)
    assert send_drop(page.theme_boxes[theme].view.viewport(), decode_ids(mime))
    assert chosen[0] in page.theme_models[theme].ids()


def test_summary_counts_everything(page: ThemesPage, controller: SessionController) -> None:
    snapshot = controller.snapshot()
    text = page.summary.text()
    assert f"{len(snapshot.live_proposals())} voorstellen" in text
    assert f"{len(snapshot.live_themes())} thema's" in text


# ------------------------------------------------------------- voting open


def test_while_voting_is_open_themes_cannot_be_added_or_removed(
    page: ThemesPage, controller: SessionController
) -> None:
    sf = controller.session_file
    controller.run_unrecorded(lambda: sf.set_state(run_state.VOTING_OPEN, True))
    assert page.banner.isVisible()
    before = stored_members(sf)
    card = page.tray_model.ids()[0]

    assert not send_drop(page.grid.new_zone, [card])
    page.delete_theme(first_theme(page))
    page.merge_themes(page.theme_order[0], page.theme_order[1])

    assert stored_members(sf) == before
    assert "stemmen" in page.status.text().lower()
    assert not page.new_button.isEnabled()
    # Moving a card between existing themes is still allowed.
    assert send_drop(page.theme_boxes[first_theme(page)].view.viewport(), [card])


# ------------------------------------------------------------- screenshots


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_screenshots(page: ThemesPage, size: tuple[int, int], artifacts: Path) -> None:
    page.resize(size[0] - 220, size[1] - 60)
    page.show_suggestions()
    QApplication.processEvents()
    image = page.grab()
    assert image.save(str(artifacts / f"cluster_board_{size[0]}x{size[1]}.png"))
    assert page.grid.boxes and all(box.width() >= 240 for box in page.grid.boxes)


_ = QPoint
