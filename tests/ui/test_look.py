"""The app's look: icons render, the stylesheet parses and styles, the app icon has its sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton
from pytestqt.logging import _QtMessageCapture
from pytestqt.qtbot import QtBot

from desktop_app import paths
from desktop_app.ui import palette
from desktop_app.ui.look import PHASE_ICONS, apply_look, available_icons, icon, pixmap, stylesheet

# Icons the screens are built with; each must be shipped.
USED_ICONS = [
    "file-plus",
    "folder-open",
    "save",
    "download",
    "upload",
    "file-spreadsheet",
    "file-text",
    "undo-2",
    "redo-2",
    "search",
    "plus",
    "minus",
    "trash-2",
    "pencil",
    "check",
    "x",
    "play",
    "pause",
    "timer",
    "rotate-ccw",
    "monitor",
    "presentation",
    "eye",
    "eye-off",
    "pin",
    "pin-off",
    "chevron-left",
    "chevron-right",
    "layers",
    "vote",
    "list-checks",
    "users",
    "table",
    "settings",
    "help-circle",
    "sun-moon",
    "sparkles",
    "merge",
    "split",
    "grip-vertical",
    "circle-alert",
    "info",
    "square-stack",
    "calendar",
    "flag",
    "target",
]


def _visible_colours(image: QImage) -> list[QColor]:
    """Colours of the clearly visible pixels (alpha above 200)."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    colours = []
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 200:
                colours.append(colour)
    return colours


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return (
        abs(a.red() - b.red()) <= tolerance
        and abs(a.green() - b.green()) <= tolerance
        and abs(a.blue() - b.blue()) <= tolerance
    )


@pytest.fixture
def styled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The test QApplication with the look applied, restored afterwards."""
    style_name = qapp.style().name()
    sheet, pal, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    apply_look(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(pal)
    qapp.setFont(font)
    qapp.setStyle(style_name)


def test_icons_the_screens_use_are_shipped() -> None:
    shipped = set(available_icons())
    missing = [name for name in (*USED_ICONS, *PHASE_ICONS) if name not in shipped]
    assert missing == []
    assert len(PHASE_ICONS) == 6


@pytest.mark.parametrize("name", available_icons())
def test_every_shipped_icon_draws_visible_pixels_in_the_text_colour(
    qapp: QApplication, name: str
) -> None:
    result = icon(name)
    assert not result.isNull()
    image = result.pixmap(QSize(24, 24)).toImage()
    colours = _visible_colours(image)
    assert len(colours) >= 10, f"{name} is (nearly) empty at 24 px"
    assert all(_close(c, QColor(palette.TEXT)) for c in colours)


def test_icon_is_drawn_in_the_requested_colour(qapp: QApplication) -> None:
    image = icon("check", palette.DANGER).pixmap(QSize(32, 32)).toImage()
    colours = _visible_colours(image)
    assert colours
    assert all(_close(c, QColor(palette.DANGER)) for c in colours)


def test_selected_items_get_the_selected_colour(qapp: QApplication) -> None:
    nav_icon = icon(PHASE_ICONS[0], palette.MUTED, selected_color="#FFFFFF")
    normal = _visible_colours(nav_icon.pixmap(QSize(24, 24), QIcon.Mode.Normal).toImage())
    selected = _visible_colours(nav_icon.pixmap(QSize(24, 24), QIcon.Mode.Selected).toImage())
    assert all(_close(c, QColor(palette.MUTED)) for c in normal)
    assert selected and all(_close(c, QColor("#FFFFFF")) for c in selected)


def test_disabled_icons_are_lighter(qapp: QApplication) -> None:
    disabled = icon("save").pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    colours = _visible_colours(disabled)
    assert colours
    assert all(c.lightness() > QColor(palette.TEXT).lightness() + 80 for c in colours)


def test_icons_are_sharp_on_high_dpi_screens(qapp: QApplication) -> None:
    at_2x = icon("save").pixmap(QSize(24, 24), 2.0)
    assert at_2x.size() == QSize(48, 48)
    assert at_2x.devicePixelRatio() == 2.0

    label_pixmap = pixmap("message-square-text", 48, palette.BORDER, device_pixel_ratio=1.5)
    assert label_pixmap.size() == QSize(72, 72)
    assert label_pixmap.deviceIndependentSize().toSize() == QSize(48, 48)
    assert _visible_colours(label_pixmap.toImage())


def test_unknown_icon_name_is_a_clear_error(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="no-such-icon"):
        icon("no-such-icon")


def test_stylesheet_parses_without_warnings(
    styled_app: QApplication, qtbot: QtBot, qtlog: _QtMessageCapture
) -> None:
    assert styled_app.styleSheet().strip() != ""
    assert "phaseNav" in styled_app.styleSheet()
    button = QPushButton("Toevoegen")
    qtbot.addWidget(button)
    button.show()
    button.ensurePolished()
    problems = [r.message for r in qtlog.records if "style" in r.message.lower()]
    assert problems == []


def test_primary_button_is_filled_with_the_accent(styled_app: QApplication, qtbot: QtBot) -> None:
    primary = QPushButton("Toevoegen")
    primary.setProperty("primary", "true")
    secondary = QPushButton("Annuleren")
    for button in (primary, secondary):
        qtbot.addWidget(button)
        button.resize(160, 40)
        button.show()
    centre_left = (8, 20)
    assert _close(primary.grab().toImage().pixelColor(*centre_left), QColor(palette.ACCENT))
    assert _close(secondary.grab().toImage().pixelColor(*centre_left), QColor(palette.SURFACE))


def test_current_phase_is_highlighted_in_the_accent(styled_app: QApplication, qtbot: QtBot) -> None:
    nav = QListWidget()
    nav.setObjectName("phaseNav")
    qtbot.addWidget(nav)
    for number, name in enumerate(("Voorbereiden", "Rondes", "Clusteren"), start=1):
        nav.addItem(f"{number}  {name}")
    nav.resize(220, 300)
    nav.show()
    nav.setCurrentRow(1)
    image = nav.grab().toImage()
    current = nav.visualItemRect(nav.item(1))
    other = nav.visualItemRect(nav.item(2))
    offset = nav.viewport().pos()
    at = (offset.x() + current.right() - 12, offset.y() + current.center().y())
    elsewhere = (offset.x() + other.right() - 12, offset.y() + other.center().y())
    assert _close(image.pixelColor(*at), QColor(palette.ACCENT))
    assert not _close(image.pixelColor(*elsewhere), QColor(palette.ACCENT))


@pytest.mark.parametrize(
    ("role", "colour"), [("hint", palette.MUTED), ("error", palette.DANGER_TEXT)]
)
def test_label_roles_change_the_text_colour(
    styled_app: QApplication, qtbot: QtBot, role: str, colour: str
) -> None:
    label = QLabel("Nog geen voorstellen: kies een tafel en typ")
    label.setProperty("role", role)
    qtbot.addWidget(label)
    label.ensurePolished()
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(colour)


def test_heading_is_larger_than_body_text(styled_app: QApplication, qtbot: QtBot) -> None:
    body = QLabel("Ronde 2")
    heading = QLabel("Rondes")
    heading.setProperty("role", "heading")
    for label in (body, heading):
        qtbot.addWidget(label)
        label.ensurePolished()
    assert heading.font().pointSizeF() > body.font().pointSizeF() + 3


def test_apply_look_sets_the_app_icon(styled_app: QApplication) -> None:
    window_icon = styled_app.windowIcon()
    assert not window_icon.isNull()
    small = window_icon.pixmap(QSize(16, 16)).toImage()
    assert len(_visible_colours(small)) > 30


def test_palette_constants_match_the_stylesheet() -> None:
    sheet = stylesheet().upper()
    for name in ("ACCENT", "ACCENT_DARK", "ACCENT_LIGHT", "TEXT", "MUTED", "BORDER", "SURFACE"):
        assert getattr(palette, name).upper() in sheet, name
    for name in ("BACKGROUND", "SIDEBAR", "DANGER", "DANGER_TEXT"):
        assert getattr(palette, name).upper() in sheet, name
    assert len(palette.OKABE_ITO) == 8
    assert len(set(palette.OKABE_ITO)) == 8
    assert palette.theme_color(9) == palette.OKABE_ITO[1]


def test_images_the_stylesheet_refers_to_exist() -> None:
    names = re.findall(r"url\(styles:([^)]+)\)", stylesheet())
    assert names
    for name in names:
        assert paths.resource(f"styles/{name}").is_file(), name


def test_app_icon_files_have_every_size() -> None:
    folder = paths.resource("icons/app")
    assert (folder / "tafelronde.svg").is_file()
    with Image.open(folder / "tafelronde.png") as png:
        assert png.size == (256, 256)
        assert png.mode == "RGBA"
    with Image.open(folder / "tafelronde.ico") as ico:
        sizes = ico.info["sizes"]
    assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(sizes)


def test_lucide_licence_is_kept_beside_the_icons() -> None:
    licence = paths.resource("icons/LICENSE-lucide.txt").read_text(encoding="utf-8")
    assert "ISC License" in licence
    assert "lucide-static" in paths.resource("icons/README.md").read_text(encoding="utf-8")
