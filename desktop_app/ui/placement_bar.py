"""The bar under the tray that says where the chosen card most likely belongs.

Once the facilitator has put cards in their own themes, each tray card carries
the theme it most likely belongs to (drawn on the card). This bar repeats it
for the chosen card as a button, one click (or Enter in the tray) puts the card
there; "Meer" (or S) shows the second and third choice as buttons too (keys 2
and 3). The bar only shows and asks: the page moves the cards, one undoable
step, exactly as a drop would.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui import palette
from desktop_app.ui.look import icon

CHOICES = 3


class PlacementBar(QFrame):
    """Top choice as a button; the next two on request."""

    place = Signal(int)  # rank of the chosen theme: 0 best
    more_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placementBar")
        self.setStyleSheet(
            f"QFrame#placementBar {{ background: {palette.SURFACE}; "
            f"border: 1px solid {palette.BORDER}; border-radius: 6px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.title)
        self.buttons: list[QPushButton] = []
        for rank in range(CHOICES):
            button = QPushButton()
            button.setObjectName(f"placeChoice{rank + 1}")
            button.setProperty("primary", "true" if rank == 0 else "false")
            button.clicked.connect(lambda _=False, r=rank: self.place.emit(r))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays on the cards
            self.buttons.append(button)
            layout.addWidget(button)
        row = QHBoxLayout()
        row.addStretch(1)
        self.more_button = QPushButton(self.tr("Meer (S)"))
        self.more_button.setObjectName("placeMore")
        self.more_button.setFlat(True)
        self.more_button.setCheckable(True)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.toggled.connect(self._more)
        row.addWidget(self.more_button)
        layout.addLayout(row)
        self._names: list[str] = []
        self._labels: list[str] = ["", "", ""]
        self._count = 0
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        """Long theme names end in "…" on the buttons (the whole name is the tooltip)."""
        for button, label in zip(self.buttons, self._labels, strict=True):
            width = max(40, self.width() - 16 - 48)
            button.setText(
                button.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, width)
            )

    def label(self, rank: int) -> str:
        """The full text of a choice's button (before it is shortened to fit)."""
        return self._labels[rank]

    def _more(self, on: bool) -> None:
        self._update()
        self.more_toggled.emit(on)

    def toggle_more(self) -> None:
        self.more_button.toggle()

    def showing_more(self) -> bool:
        return self.more_button.isChecked()

    def set_choices(self, names: Sequence[str], cards: int) -> None:
        """The ranked theme names for the chosen card(s); none hides the bar."""
        self._names = list(names[:CHOICES])
        self._count = cards
        self._update()

    def _update(self) -> None:
        names = self._names
        self.setVisible(bool(names))
        if not names:
            return
        self.title.setText(
            self.tr("Hoort waarschijnlijk bij:")
            if self._count <= 1
            else self.tr("Elke gekozen kaart naar haar eerste suggestie ({n} kaarten):").format(
                n=self._count
            )
        )
        more = self.more_button.isChecked() and self._count <= 1
        for rank, button in enumerate(self.buttons):
            if rank == 0:
                label = (
                    self.tr("Enter: {name}").format(name=names[0])
                    if self._count <= 1
                    else self.tr("Enter: plaatsen")
                )
                button.setIcon(icon("check", "#FFFFFF"))
            else:
                label = (
                    self.tr("{key}: {name}").format(name=names[rank], key=rank + 1)
                    if rank < len(names)
                    else ""
                )
            self._labels[rank] = label
            button.setToolTip(names[rank] if rank < len(names) else "")
            button.setVisible(rank == 0 or (more and rank < len(names)))
        self.more_button.setVisible(self._count <= 1 and len(names) > 1)
        self._elide()
