"""What a facilitator would see as broken on a screen: a cut-off label or button text,
or a widget that lies (partly) outside the window.

``layout_problems(window)`` walks every visible widget of a top-level window:

* a button (push, tool, check or radio) narrower than the width its text and icon
  need (its size hint), or lower than its text;
* a label whose text is wider than the label (one line) or, when it wraps, needs
  more height than it got; a single word wider than a wrapping label;
* a widget that is not inside the window, or not inside its parent (the parent
  cuts it off: its layout needs more room than there is), unless it sits in a
  scroll area (the viewport clips it and a scroll bar reaches it).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLayout,
    QPushButton,
    QStackedLayout,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

TOLERANCE = 1  # pixels


def _plain(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text.replace("&&", "\0")).replace("\0", "&")


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.textFormat() == Qt.TextFormat.RichText or text.lstrip().startswith("<"):
        return None  # measured by its own document; none of ours are clipped by design
    room = label.contentsRect()
    metrics = label.fontMetrics()
    plain = _plain(text) if label.buddy() is not None else text
    if label.wordWrap():
        if label.heightForWidth(label.width()) > label.height() + TOLERANCE:
            return f"needs {label.heightForWidth(label.width())} px height, has {label.height()}"
        longest = max((metrics.horizontalAdvance(w) for w in plain.split()), default=0)
        if longest > room.width() + TOLERANCE:
            return f"a word needs {longest} px, has {room.width()}"
        return None
    widest = max(metrics.horizontalAdvance(line) for line in plain.split("\n"))
    if widest > room.width() + TOLERANCE:
        return f"text needs {widest} px, has {room.width()}"
    lines = plain.count("\n") + 1
    if metrics.height() * lines > room.height() + 2 * TOLERANCE:
        return f"text needs {metrics.height() * lines} px height, has {room.height()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None  # an icon button with a tooltip and an accessible name
    if isinstance(button, QPushButton):
        # Text and icon against the room inside the button's (styled) padding.
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        widest = max(
            button.fontMetrics().horizontalAdvance(line)
            for line in _plain(button.text()).split("\n")
        )
        need = widest + (button.iconSize().width() + 4 if not button.icon().isNull() else 0)
        if need > room.width() + TOLERANCE:
            return f"text and icon need {need} px, has {room.width()}"
        return None
    hint = button.sizeHint()
    if hint.width() > button.width() + TOLERANCE:
        return f"needs {hint.width()} px, has {button.width()}"
    if button.fontMetrics().height() > button.height():
        return f"text needs {button.fontMetrics().height()} px height, has {button.height()}"
    return None


def _laid_out(layout: QLayout) -> list[QWidget]:
    """The widgets ``layout`` places, also through its nested layouts."""
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += _laid_out(item.layout())
    return found


def _overlaps(parent: QWidget) -> list[str]:
    """Widgets of one layout drawn over each other: the layout had too little room."""
    layout = parent.layout()
    if layout is None or isinstance(layout, QStackedLayout):
        return []
    shown = [w for w in _laid_out(layout) if w.isVisible() and not w.isWindow()]
    problems = []
    for i, first in enumerate(shown):
        for second in shown[i + 1 :]:
            a, b = first.geometry(), second.geometry()
            if a.contains(b) or b.contains(a):
                continue  # a frame laid behind the cells it holds (a card in a grid)
            both = a.intersected(b)
            if both.width() > TOLERANCE and both.height() > TOLERANCE:
                problems.append(
                    f"{type(first).__name__} {first.objectName()} and {type(second).__name__} "
                    f"{second.objectName()} overlap in {type(parent).__name__} "
                    f"{parent.objectName()}"
                )
    return problems


def layout_problems(window: QWidget) -> list[str]:
    """Every clipped text and every widget outside ``window``, one line each."""
    problems: list[str] = []
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue
        problems += _overlaps(widget)
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
            name += f" {widget.text()[:40]!r}"
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
            name += f" {widget.text()[:40]!r}"
        if problem is not None:
            problems.append(f"{name}: clipped, {problem}")
        if _in_scroll_area(widget, window):
            continue
        placed = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        if not bounds.contains(placed):
            problems.append(f"{name}: outside the window at {placed.getRect()}")
            continue
        parent = widget.parentWidget()
        if parent is not None and not parent.rect().contains(widget.geometry()):
            # Wider than the room its layout has: the parent cuts it off.
            problems.append(
                f"{name}: cut off by {type(parent).__name__} {parent.objectName()}, "
                f"{widget.geometry().getRect()} in {parent.width()}x{parent.height()}"
            )
    return problems
