"""The app's look: stylesheet, palette, app icon and the Lucide icons.

``apply_look(app)`` once at start-up; ``icon("save")`` wherever a QIcon is
needed. Icons are Lucide SVGs (``resources/icons/``) drawn with
``stroke="currentColor"``; the colour is written into the SVG text and the
result rendered through QtSvg at several pixel sizes, so they stay crisp at
any device pixel ratio.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Final

from PySide6.QtCore import QByteArray, QDir, QRect, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import paths
from desktop_app.ui import palette

STYLESHEET: Final = "styles/tafelronde.qss"
#: Arguments for a new QApplication so that it starts in the Fusion style, and the
#: property that says so: ``apply_look`` then leaves the style alone, which saves
#: creating (and wrapping for Python) a second style object at every start.
FUSION_ARGUMENTS: Final = ("-style", "fusion")
FUSION_GIVEN: Final = "tafelronde.fusionGiven"
#: Below icons/, like the Lucide icons (its SVG has its own colours).
APP_ICON: Final = "app/tafelronde"

#: Icon per phase, in order: 1 Voorbereiden, 2 Rondes, 3 Clusteren, 4 Stemmen,
#: 5 Actieplan, 6 Oogst.
PHASE_ICONS: Final[tuple[str, ...]] = (
    "clipboard-list",
    "message-square-text",
    "group",
    "vote",
    "list-todo",
    "wheat",
)

#: Pixel sizes every icon is rendered at; Qt scales down from the next larger one.
_DISABLED_COLOR: Final = "#B5AEA5"
_MIN_POINT_SIZE: Final = 10.0


def _icons_dir() -> Path:
    return paths.resource("icons")


def available_icons() -> list[str]:
    """Names of the shipped Lucide icons, sorted (``"save"``, ``"trash-2"``, ...)."""
    return sorted(p.stem for p in _icons_dir().glob("*.svg"))


@cache
def _svg_text(name: str) -> str:
    path = _icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise ValueError(f"unknown icon {name!r}; shipped icons are in {_icons_dir()}")
    return path.read_text(encoding="utf-8")


def _renderer(name: str, color: str) -> QSvgRenderer:
    svg = _svg_text(name).replace("currentColor", QColor(color).name())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError(f"icon {name!r} is not a valid SVG")
    return renderer


def _render(renderer: QSvgRenderer, pixel_size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(pixel_size, pixel_size)
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent; not Qt.GlobalColor, see main_window
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixel_size, pixel_size))
    painter.end()
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def icon(name: str, color: str | None = None, selected_color: str | None = None) -> QIcon:
    """The Lucide icon ``name`` drawn in ``color`` (default: the text colour).

    ``selected_color`` is used where the item is drawn selected (pass
    ``"#FFFFFF"`` for items that get the accent-coloured selection, such as the
    phase navigation). Disabled items get a light grey version. Icons are cached
    per (name, colours). Raises ValueError for an unknown name.
    """
    return QIcon(_cached_icon(name, color or palette.TEXT, selected_color))


class _SvgIconEngine(QIconEngine):
    """Draws a Lucide icon at the size and mode asked for, when first asked.

    Rendering every icon at every size up front cost a tenth of a second at
    start; this renders the few sizes actually shown and keeps them.
    """

    def __init__(self, name: str, colors: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self._name = name
        self._colors = colors
        self._pixmaps: dict[tuple[int, str], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        color = self._colors.get(mode, self._colors[QIcon.Mode.Normal])
        side = max(1, size.width(), size.height())
        key = (side, color)
        found = self._pixmaps.get(key)
        if found is None:
            found = _render(_renderer(self._name, color), side)
            self._pixmaps[key] = found
        return found

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        drawn = QPixmap(self.pixmap(rect.size() * ratio, mode, state))
        drawn.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, drawn)

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._name, self._colors)


@lru_cache(maxsize=512)
def _cached_icon(name: str, color: str, selected_color: str | None) -> QIcon:
    _svg_text(name)  # an unknown name fails here, not at the first paint
    colors = {QIcon.Mode.Normal: color, QIcon.Mode.Disabled: _DISABLED_COLOR}
    if selected_color is not None:
        colors[QIcon.Mode.Selected] = selected_color
    return QIcon(_SvgIconEngine(name, colors))


def pixmap(
    name: str, size: int, color: str | None = None, device_pixel_ratio: float | None = None
) -> QPixmap:
    """The icon ``name`` as a pixmap of ``size`` logical pixels, e.g. for empty-state labels.

    Rendered at ``size * device_pixel_ratio`` device pixels (default: the
    primary screen's ratio) so it is sharp on high-DPI screens.
    """
    ratio = device_pixel_ratio
    if ratio is None:
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
    renderer = _renderer(name, color or palette.TEXT)
    return _render(renderer, max(1, round(size * ratio)), ratio)


def app_icon() -> QIcon:
    """The Tafelronde app icon (round table with six chairs), drawn at the sizes asked for."""
    return QIcon(_SvgIconEngine(APP_ICON, {QIcon.Mode.Normal: palette.TEXT}))


def stylesheet() -> str:
    """The text of the app's stylesheet."""
    return paths.resource(STYLESHEET).read_text(encoding="utf-8")


def light_palette() -> QPalette:
    """A QPalette matching the stylesheet, for everything the QSS does not reach."""
    pal = QPalette()
    text = QColor(palette.TEXT)
    muted = QColor(palette.MUTED)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Window, QColor(palette.BACKGROUND))
        pal.setColor(group, QPalette.ColorRole.WindowText, text)
        pal.setColor(group, QPalette.ColorRole.Base, QColor(palette.SURFACE))
        pal.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#FAF8F5"))
        pal.setColor(group, QPalette.ColorRole.Text, text)
        pal.setColor(group, QPalette.ColorRole.PlaceholderText, muted)
        pal.setColor(group, QPalette.ColorRole.Button, QColor(palette.SURFACE))
        pal.setColor(group, QPalette.ColorRole.ButtonText, text)
        pal.setColor(group, QPalette.ColorRole.BrightText, QColor("#FFFFFF"))
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor(palette.ACCENT))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
        pal.setColor(group, QPalette.ColorRole.ToolTipBase, text)
        pal.setColor(group, QPalette.ColorRole.ToolTipText, QColor("#FFFFFF"))
        pal.setColor(group, QPalette.ColorRole.Link, QColor(palette.ACCENT))
        pal.setColor(group, QPalette.ColorRole.LinkVisited, QColor(palette.ACCENT_DARK))
        pal.setColor(group, QPalette.ColorRole.Mid, QColor(palette.BORDER))
        pal.setColor(group, QPalette.ColorRole.Midlight, QColor("#ECE7E0"))
        pal.setColor(group, QPalette.ColorRole.Dark, QColor("#A8A199"))
        pal.setColor(group, QPalette.ColorRole.Light, QColor("#FFFFFF"))
        pal.setColor(group, QPalette.ColorRole.Shadow, QColor("#6B655D"))
    disabled = QPalette.ColorGroup.Disabled
    pal.setColor(disabled, QPalette.ColorRole.Window, QColor(palette.BACKGROUND))
    pal.setColor(disabled, QPalette.ColorRole.Base, QColor("#F0ECE6"))
    pal.setColor(disabled, QPalette.ColorRole.Button, QColor("#F0ECE6"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.PlaceholderText,
    ):
        pal.setColor(disabled, role, QColor("#A8A199"))
    pal.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#A9C7CA"))
    pal.setColor(disabled, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    return pal


def apply_look(app: QApplication) -> None:
    """Give ``app`` the Tafelronde look: Fusion base style, palette, font size, QSS, app icon.

    Fusion is used on every platform so the stylesheet renders the same on
    Windows, macOS and Linux, and the light palette is set explicitly so a dark
    system theme does not leave dark patches where the stylesheet does not reach.
    The system font family is kept; only a too-small point size is raised.
    """
    if app.property(FUSION_GIVEN) is not True:
        app.setStyle("Fusion")
    app.setPalette(light_palette())
    font = QFont(app.font())
    if 0 < font.pointSizeF() < _MIN_POINT_SIZE:
        font.setPointSizeF(_MIN_POINT_SIZE)
        app.setFont(font)
    # The QSS refers to its arrow images as url(styles:chevron-down.svg).
    QDir.addSearchPath("styles", str(paths.resource("styles")))
    app.setStyleSheet(stylesheet())
    app.setWindowIcon(app_icon())


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after changing a styling property such as ``invalid``."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
