"""The theme board's look: box sizes, automatic theme colours, its style sheet, colour swatches
and the drop-target highlight."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QWidget,
)

from desktop_app.ui import palette

MIN_BOX_WIDTH = 248
MIN_BOX_HEIGHT = 296
GRID_SPACING = 16

#: Theme colours offered in the colour menu: Okabe-Ito without black.
THEME_COLORS: tuple[str, ...] = palette.OKABE_ITO[:7]


def automatic_color(position: int) -> str:
    """The colour a theme without a chosen one shows: by its place on the board."""
    return THEME_COLORS[position % len(THEME_COLORS)]


BOARD_STYLE = f"""
QFrame#themeBox, QFrame#trayBox {{
    background: #FBFAF8; border: 1px solid {palette.BORDER}; border-radius: 8px;
}}
QFrame#trayBox {{ background: #EFEBE4; }}
QFrame#themeBox[dropTarget="true"], QFrame#trayBox[dropTarget="true"],
QFrame#newThemeZone[dropTarget="true"] {{
    border: 2px solid {palette.ACCENT}; background: {palette.ACCENT_LIGHT};
}}
QFrame#newThemeZone {{
    background: transparent; border: 2px dashed #CFC8BE; border-radius: 8px;
}}
QFrame#newThemeZone:focus {{ border-color: {palette.ACCENT}; }}
QListView#cardList {{
    background: transparent; border: none; padding: 0px;
}}
QListView#cardList::item, QListView#cardList::item:hover,
QListView#cardList::item:selected {{ background: transparent; border: none; padding: 0px; }}
QLineEdit#themeName {{
    background: transparent; border: 1px solid transparent; font-weight: 600;
    font-size: 12pt; padding: 2px 4px;
}}
QLineEdit#themeName:hover {{ border-color: {palette.BORDER}; }}
QLineEdit#themeName:focus {{ border-color: {palette.ACCENT}; background: {palette.SURFACE}; }}
QLabel#areaTitle, QLabel#themeTitle {{ font-weight: 600; font-size: 12pt; }}
QLabel#themeTitle {{ padding: 2px 4px; }}
QToolButton#themeColor::menu-indicator, QToolButton#themeMenuButton::menu-indicator {{
    image: none; width: 0px;
}}
QSplitter::handle {{ background: transparent; }}
QLabel#countPill {{
    background: {palette.SIDEBAR}; color: {palette.TEXT}; border-radius: 10px;
    padding: 1px 8px; font-weight: 600;
}}
QLabel#themeDescription {{ color: {palette.MUTED}; }}
QFrame#votingBanner {{
    background: #FFF4DB; border: 1px solid {palette.WARNING}; border-radius: 6px;
}}
"""


@functools.lru_cache(maxsize=64)
def swatch_icon(color: str | None, size: int = 16) -> QIcon:
    """A round swatch of ``color`` (kept: a merge recolours the boxes after it)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(palette.BORDER) if color is None else QColor(color).darker(115))
    painter.setBrush(QColor(color) if color else QColor(palette.SURFACE))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def set_drop_target(widget: QWidget, on: bool) -> None:
    if bool(widget.property("dropTarget")) == on:
        return
    widget.setProperty("dropTarget", on)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
