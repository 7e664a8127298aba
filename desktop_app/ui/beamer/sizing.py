"""Legible by rule: every size on the beamer derives from the height of its screen.

Key text (headings, the round question, the countdown, theme names) is at least
1/25 of the screen height, and nothing at all is smaller than 1/60. Texts are
fitted to the space they get (largest size that fits, word wrapped); a text
that would not fit even at the smallest allowed size goes to the next page, it
is never clipped.

Everything a view draws is a list of :class:`TextBlock` (and plain shapes), so
the tests can check each text's required size against the space it got.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

KEY_FRACTION = 1 / 25  # key text: at least this share of the screen height
MIN_FRACTION = 1 / 60  # nothing below this share of the screen height

WRAP = int(Qt.TextFlag.TextWordWrap)
WRAP_ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere)


@dataclass(frozen=True, slots=True)
class Scale:
    """Pixel sizes for a beamer of ``width`` x ``height`` logical pixels."""

    width: float
    height: float

    @property
    def key(self) -> float:
        """The smallest size for key text (1/25 of the height)."""
        return math.ceil(self.height * KEY_FRACTION)

    @property
    def minimum(self) -> float:
        """The smallest size for any text (1/60 of the height)."""
        return math.ceil(self.height * MIN_FRACTION)

    @property
    def margin(self) -> float:
        return round(self.height / 18)

    @property
    def gap(self) -> float:
        return round(self.height / 60)

    def px(self, fraction: float) -> float:
        return max(self.minimum, round(self.height * fraction))


def font(pixel_size: float, *, bold: bool = False, family: str | None = None) -> QFont:
    result = QFont(family) if family else QFont()
    result.setPixelSize(max(1, int(pixel_size)))
    result.setBold(bold)
    return result


def wrap_flags(text: str, metrics: QFontMetricsF, width: float) -> int:
    """Word wrap; wrap anywhere too when a single word is wider than the space."""
    flags = WRAP
    if any(metrics.horizontalAdvance(word) > width for word in text.split()):
        flags |= WRAP_ANYWHERE
    return flags


def required_size(text: str, f: QFont, width: float, align: int = 0) -> QRectF:
    """The size ``text`` needs in font ``f`` when wrapped to ``width``."""
    metrics = QFontMetricsF(f)
    flags = wrap_flags(text, metrics, width) | align
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text)


def fits(text: str, f: QFont, rect: QRectF) -> bool:
    need = required_size(text, f, rect.width())
    return need.width() <= rect.width() + 0.5 and need.height() <= rect.height() + 0.5


def fit_size(
    text: str, rect: QRectF, largest: float, smallest: float, *, bold: bool = False
) -> float | None:
    """The largest pixel size in [smallest, largest] at which ``text`` fits ``rect``.

    None when it does not fit even at ``smallest``.
    """
    lo, hi = math.ceil(smallest), int(max(math.ceil(smallest), largest))
    if not fits(text, font(lo, bold=bold), rect):
        return None
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(text, font(mid, bold=bold), rect):
            lo = mid
        else:
            hi = mid - 1
    return float(lo)


def text_height(text: str, f: QFont, width: float) -> float:
    return math.ceil(required_size(text, f, width).height())


@dataclass(slots=True)
class TextBlock:
    """One text drawn into ``rect`` with ``font``; ``key`` marks key text."""

    rect: QRectF
    text: str
    font: QFont
    color: QColor
    align: int = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    key: bool = False
    name: str = ""
    wrap: bool = True  # False: one line, measured by whoever placed it

    @property
    def flags(self) -> int:
        if not self.wrap:
            return self.align
        return wrap_flags(self.text, QFontMetricsF(self.font), self.rect.width()) | self.align


@dataclass(slots=True)
class Shape:
    """A filled (rounded) rectangle behind texts: cards, stripes, bars."""

    rect: QRectF
    fill: QColor
    border: QColor | None = None
    radius: float = 0.0
    border_width: float = 0.0


@dataclass(slots=True)
class Tile:
    """A piece of a drawing repainted as a whole: a card, a heading, a title.

    ``rect`` bounds everything its shapes and texts paint (borders included);
    tiles of one drawing do not overlap, so each can be repainted on its own.
    ``signature`` (what it looks like, relative to ``rect``) tells which tiles
    changed between two drawings.
    """

    rect: QRectF
    shapes: list[Shape] = field(default_factory=list)
    texts: list[TextBlock] = field(default_factory=list)
    signature: tuple[object, ...] | None = None  # what it looks like, set when painted


@dataclass(slots=True)
class Drawing:
    """What one view draws: shapes first, then texts.

    A ``tiled`` drawing also lists every shape and text in :attr:`tiles`
    (a text added on its own becomes a tile of its own), so that the view can
    repaint only the tiles that changed.
    """

    shapes: list[Shape] = field(default_factory=list)
    texts: list[TextBlock] = field(default_factory=list)
    tiled: bool = False
    tiles: list[Tile] = field(default_factory=list)

    def add_text(self, block: TextBlock) -> TextBlock:
        self.texts.append(block)
        if self.tiled:
            self.tiles.append(Tile(block.rect.adjusted(-1, -1, 1, 1), [], [block]))
        return block

    def add_tile(self, rect: QRectF, shapes: list[Shape], texts: list[TextBlock]) -> Tile:
        """Add ``shapes`` and ``texts`` as one tile bounded by ``rect``."""
        tile = Tile(rect, shapes, texts)
        self.shapes.extend(shapes)
        self.texts.extend(texts)
        self.tiles.append(tile)
        return tile
