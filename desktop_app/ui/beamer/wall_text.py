"""The wall's cards as text: an item, where a card was placed, and how a card's text wraps
at a font size (measured once per word, so a wall of 1,800 cards lays out fast)."""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from desktop_app.ui.beamer.sizing import font


@dataclass(slots=True)
class WallItem:
    id: str
    text: str
    group: str
    seq: int


class Placed(NamedTuple):
    """One thing on a page: a group header (item None) or a proposal card."""

    x: float
    y: float
    width: float
    height: float
    group: str
    item: WallItem | None
    lines: list[str]  # the card's lines, or the group header's

    @property
    def rect(self) -> QRectF:
        return QRectF(self.x, self.y, self.width, self.height)


class WallFonts:
    """Metrics and word widths at one pixel size, cached."""

    def __init__(self, px: int) -> None:
        self.px = px
        self.font = font(px)
        self.bold = font(px, bold=True)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.line = math.ceil(self.metrics.lineSpacing())
        self.space = self.metrics.horizontalAdvance(" ")
        self.slack = max(1.0, px * 0.08)  # kerning at word boundaries, rounding
        self.words: dict[str, float] = {}
        self.bold_words: dict[str, float] = {}

    def wrap_bold(self, text: str, width: float) -> list[str]:
        """Wrap a group name in the bold font (rarely more than one line)."""
        plain = self.metrics, self.words, self.space
        self.metrics, self.words = self.bold_metrics, self.bold_words
        self.space = self.bold_metrics.horizontalAdvance(" ")
        try:
            return self.wrap(text, width)
        finally:
            self.metrics, self.words, self.space = plain

    def width(self, word: str) -> float:
        w = self.words.get(word)
        if w is None:
            w = self.words[word] = self.metrics.horizontalAdvance(word)
        return w

    def widths(self, words: list[str]) -> list[float]:
        """The cached widths of ``words`` (measuring the ones not seen yet)."""
        found = [self.words.get(word) for word in words]
        known = [w for w in found if w is not None]
        if len(known) < len(found):
            return [self.width(word) for word in words]
        return known

    def text_width(self, text: str) -> float:
        """Width of ``text`` on one line, from the cached widths of its words."""
        words = text.split()
        return sum(self.widths(words)) + self.space * max(0, len(words) - 1)

    def wrap(self, text: str, width: float) -> list[str]:
        """Greedy word wrap to ``width``; a word wider than that is split by characters.

        Lines are measured as the sum of their words' widths (shaping a whole
        text is slow; words repeat and are cached), with a little slack for
        kerning at the spaces; the lines drawn are exactly these lines. Each
        line is found with one bisection over the running sum of word widths
        (plus a space each), not word by word.
        """
        width -= self.slack
        lines: list[str] = []
        space = self.space
        for paragraph in text.split("\n"):
            words = paragraph.split()
            if not words:
                lines.append("")
                continue
            widths = self.widths(words)
            if max(widths) > width:
                lines.extend(self._wrap_long(words, width))
                continue
            # ends[i]: width of words[:i + 1] with a space after each
            ends = list(accumulate(map(space.__add__, widths)))
            if ends[-1] - space <= width:
                lines.append(paragraph if len(words) == 1 else " ".join(words))
                continue
            start, base, count = 0, 0.0, len(words)
            while start < count:
                # words[start:stop] fit when ends[stop - 1] - base - space <= width
                stop = bisect_right(ends, base + width + space, start, count)
                lines.append(" ".join(words[start:stop]))
                base = ends[stop - 1]
                start = stop
        return lines or [""]

    def _wrap_long(self, words: list[str], width: float) -> list[str]:
        """Word by word, breaking the words wider than ``width`` by characters."""
        lines: list[str] = []
        space = self.space
        current: list[str] = []
        used = 0.0
        for word in words:
            w = self.width(word)
            if w > width:
                if current:
                    lines.append(" ".join(current))
                pieces = self._split_word(word, width)
                lines.extend(pieces[:-1])
                current, used = [pieces[-1]], self.width(pieces[-1])
                continue
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [word], w
            elif current:
                current.append(word)
                used += space + w
            else:
                current, used = [word], w
        if current:
            lines.append(" ".join(current))
        return lines

    def _split_word(self, word: str, width: float) -> list[str]:
        pieces: list[str] = []
        rest = word
        while rest:
            lo, hi = 1, len(rest)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self.metrics.horizontalAdvance(rest[:mid]) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            pieces.append(rest[:lo])
            rest = rest[lo:]
        return pieces


def card_lines(fonts: WallFonts, text: str, inner: float, max_lines: int) -> list[str]:
    """A card's lines at ``inner`` width: at most ``max_lines``, the last ending in "…"."""
    lines = fonts.wrap(text, inner)
    if len(lines) > max_lines:  # a very long text: what fits, then "…"
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip() + " …"]
        while len(lines[-1]) > 2 and fonts.text_width(lines[-1]) > inner - fonts.slack:
            lines[-1] = lines[-1][:-3].rstrip() + " …"
    return lines
