"""The suggestions panel of the theme board: candidate themes and near-duplicates.

The panel only shows and asks; the page does the writing. Every suggestion is
accepted (as shown or with an edited name), or dismissed, one by one; nothing
is applied silently. What accepting will do is written on the suggestion:
which proposals go into the new theme and which stay where they are, or which
theme two duplicates end up in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.suggestions import Suggestions, ThemeSuggestion
from desktop_app.ui import palette
from desktop_app.ui.card_model import CardInfo
from desktop_app.ui.look import icon

PAGE_SIZE = 12
_PREVIEW = 4
_PREVIEW_CHARS = 110


def theme_key(suggestion: ThemeSuggestion) -> str:
    """A stable key for a theme suggestion: its set of proposals."""
    digest = hashlib.sha1("\n".join(sorted(suggestion.proposal_ids)).encode("utf-8"))
    return "theme:" + digest.hexdigest()[:20]


def duplicate_key(a: str, b: str) -> str:
    return "dup:{}|{}".format(*sorted((a, b)))


def _short(text: str, limit: int = _PREVIEW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _label(text: str, *, muted: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if muted:
        label.setStyleSheet(f"color: {palette.MUTED};")
    return label


class ThemeSuggestionItem(QFrame):
    accepted = Signal(object, str)  # ThemeSuggestion, name
    dismissed = Signal(str)

    def __init__(
        self,
        suggestion: ThemeSuggestion,
        cards: Mapping[str, CardInfo],
        standard_names: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("card", "true")
        self.setObjectName("themeSuggestion")
        self.suggestion = suggestion
        self.key = theme_key(suggestion)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.name_edit = QComboBox()
        self.name_edit.setObjectName("suggestionName")
        self.name_edit.setEditable(True)
        self.name_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = [suggestion.name, *(n for n in standard_names if n != suggestion.name)]
        self.name_edit.addItems(names)
        self.name_edit.setCurrentIndex(0)
        self.name_edit.setToolTip(self.tr("Pas de naam aan of kies een standaardnaam"))
        self.name_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.name_edit)
        self.count_label = _label("", muted=True)
        layout.addWidget(self.count_label)
        self._cards = cards
        self._previewed: tuple[str, ...] | None = None
        self.preview = _label("")
        layout.addWidget(self.preview)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.accept_button = QPushButton(icon("check", "#FFFFFF"), self.tr("Thema maken"))
        self.accept_button.setObjectName("acceptThemeSuggestion")
        self.accept_button.setProperty("primary", "true")
        self.accept_button.clicked.connect(
            lambda: self.accepted.emit(self.suggestion, self.name_edit.currentText())
        )
        self.dismiss_button = QPushButton(self.tr("Negeren"))
        self.dismiss_button.setObjectName("dismissSuggestion")
        self.dismiss_button.clicked.connect(lambda: self.dismissed.emit(self.key))
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def free_ids(self, theme_of: Mapping[str, str], live: Iterable[str]) -> list[str]:
        """The proposals accepting would put in the new theme: live and not in a theme."""
        alive = set(live)
        return [p for p in self.suggestion.proposal_ids if p in alive and p not in theme_of]

    def _set_preview(self, ids: tuple[str, ...]) -> None:
        """The texts that would go into the new theme (the first few; all in the tooltip)."""
        if ids == self._previewed:
            return
        self._previewed = ids
        texts = [self._cards[pid].text for pid in ids if pid in self._cards]
        preview = "\n".join("• " + _short(t) for t in texts[:_PREVIEW])
        if len(texts) > _PREVIEW:
            preview += "\n" + self.tr("… en nog {n}").format(n=len(texts) - _PREVIEW)
        self.preview.setText(preview)
        self.preview.setToolTip("\n".join("• " + _short(t, 200) for t in texts))

    def update_state(self, theme_of: Mapping[str, str], live: Iterable[str], frozen: bool) -> None:
        alive = set(live)
        members = [p for p in self.suggestion.proposal_ids if p in alive]
        free = [p for p in members if p not in theme_of]
        taken = len(members) - len(free)
        if not free:
            text = self.tr("Alle {n} voorstellen zitten al in een thema.").format(n=len(members))
        elif taken:
            text = self.tr(
                "Naar het nieuwe thema: {free}. Al in een ander thema (die blijven daar): {taken}."
            ).format(free=len(free), taken=taken)
        else:
            text = (
                self.tr("1 voorstel gaat naar het nieuwe thema.")
                if len(free) == 1
                else self.tr("{n} voorstellen gaan naar het nieuwe thema.").format(n=len(free))
            )
        self.count_label.setText(text)
        self._set_preview(tuple(free))
        if self.isHidden() == bool(free):
            self.setVisible(bool(free))
        self.accept_button.setEnabled(bool(free) and not frozen)
        self.accept_button.setToolTip(
            self.tr("Stemmen is open: er kunnen nu geen thema's bij.") if frozen else ""
        )


class DuplicateItem(QFrame):
    accepted = Signal(str, str)
    dismissed = Signal(str)

    def __init__(
        self, a: str, b: str, cards: Mapping[str, CardInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("card", "true")
        self.setObjectName("duplicateSuggestion")
        self.pair = (a, b)
        self.key = duplicate_key(a, b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(4)
        for pid in (a, b):
            card = cards.get(pid)
            layout.addWidget(_label("• " + _short(card.text if card else "?", 200)))
            if card is not None:
                meta = _label("   " + card.meta, muted=True)
                layout.addWidget(meta)
        self.where_label = _label("", muted=True)
        layout.addWidget(self.where_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.accept_button = QPushButton(icon("combine", "#FFFFFF"), self.tr("Samenvoegen"))
        self.accept_button.setObjectName("acceptDuplicate")
        self.accept_button.setProperty("primary", "true")
        self.accept_button.setToolTip(
            self.tr("Beide teksten blijven; de eerste kaart toont hoeveel tafels het zeiden.")
        )
        self.accept_button.clicked.connect(lambda: self.accepted.emit(*self.pair))
        self.dismiss_button = QPushButton(self.tr("Negeren"))
        self.dismiss_button.setObjectName("dismissSuggestion")
        self.dismiss_button.clicked.connect(lambda: self.dismissed.emit(self.key))
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def update_state(self, theme_of: Mapping[str, str], theme_names: Mapping[str, str]) -> None:
        a, b = self.pair
        target = theme_of.get(a) or theme_of.get(b)
        if target is not None:
            self.where_label.setText(
                self.tr("Beide komen in het thema “{name}”.").format(
                    name=theme_names.get(target, "")
                )
            )
        else:
            self.where_label.setText(
                self.tr("Nog geen van beide in een thema: je kiest er een bij het samenvoegen.")
            )


class SuggestionsPanel(QFrame):
    """Lists the suggestions of one run of the engine; the page acts on the signals."""

    accept_theme = Signal(object, str)  # ThemeSuggestion, name
    accept_duplicate = Signal(str, str)
    dismiss = Signal(str)
    refresh_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.setMinimumWidth(300)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 0, 0, 0)
        outer.setSpacing(8)
        top = QHBoxLayout()
        title = QLabel(self.tr("Suggesties"))
        title.setProperty("role", "subheading")
        top.addWidget(title)
        top.addStretch(1)
        self.refresh_button = QToolButton()
        self.refresh_button.setObjectName("refreshSuggestions")
        self.refresh_button.setIcon(icon("refresh-cw"))
        self.refresh_button.setToolTip(self.tr("Opnieuw berekenen"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        top.addWidget(self.refresh_button)
        close = QToolButton()
        close.setIcon(icon("x"))
        close.setToolTip(self.tr("Suggesties sluiten"))
        close.clicked.connect(self.close_requested)
        top.addWidget(close)
        outer.addLayout(top)
        self.info = _label("", muted=True)
        outer.addWidget(self.info)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll_area, 1)
        self._content = QWidget()
        self._content.setObjectName("suggestionsContent")
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(0, 0, 8, 0)
        self._layout.setSpacing(8)
        self.scroll_area.setWidget(self._content)
        self.theme_items: list[ThemeSuggestionItem] = []
        self.duplicate_items: list[DuplicateItem] = []
        self._result = Suggestions()
        self._theme_keys: list[tuple[ThemeSuggestion, str]] = []
        self._duplicate_keys: list[tuple[str, str, str]] = []
        self._open_duplicate_count = 0
        self._cards: Mapping[str, CardInfo] = {}
        self._standard: Sequence[str] = ()
        self._dismissed: set[str] = set()
        self._done: set[str] = set()
        self._theme_limit = PAGE_SIZE
        self._dup_limit = PAGE_SIZE
        self.themes_title = QLabel()
        self.no_themes = QLabel()
        self.duplicates_title = QLabel()
        self.no_duplicates = QLabel()
        self._state: tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str], bool] = (
            {},
            {},
            {},
            False,
        )

    # ------------------------------------------------------------------ filling
    def set_result(
        self,
        result: Suggestions,
        cards: Mapping[str, CardInfo],
        standard_names: Sequence[str],
        dismissed: Iterable[str],
        *,
        elapsed_ms: float,
    ) -> None:
        self._result = result
        self._theme_keys = [(t, theme_key(t)) for t in result.themes]
        self._duplicate_keys = [(a, b, duplicate_key(a, b)) for a, b in result.duplicates]
        self._cards = dict(cards)
        self._standard = list(standard_names)
        self._dismissed = set(dismissed)
        self._done = set()
        self._theme_limit = PAGE_SIZE
        self._dup_limit = PAGE_SIZE
        self.info.setText(
            self.tr(
                "Berekend op {n} voorstellen in {ms} ms, op deze laptop. Niets gebeurt vanzelf: "
                "neem een suggestie over, pas de naam aan of negeer haar."
            ).format(n=len(cards), ms=max(1, round(elapsed_ms)))
        )
        self._rebuild()

    def set_dismissed(self, dismissed: Iterable[str]) -> None:
        dismissed = set(dismissed)
        if dismissed != self._dismissed:
            self._dismissed = dismissed
            self._rebuild()

    def mark_done(self, key: str) -> None:
        self._done.add(key)
        self._rebuild()

    def update_state(
        self,
        theme_of: Mapping[str, str],
        theme_names: Mapping[str, str],
        kept: Mapping[str, str],
        frozen: bool,
    ) -> None:
        """Board changed: say again what accepting each suggestion would do."""
        self._state = (theme_of, theme_names, kept, frozen)
        live = self._cards.keys()
        for item in self.theme_items:
            item.update_state(theme_of, live, frozen)
        shown = sum(1 for item in self.theme_items if not item.isHidden())
        done = len(self.theme_items) - shown
        title = self.tr("Voorgestelde thema's ({n})").format(n=shown)
        if done:
            title += " · " + self.tr("{n} al ingedeeld").format(n=done)
        self.themes_title.setText(title)
        self.no_themes.setVisible(shown == 0)
        for dup in self.duplicate_items:
            dup.update_state(theme_of, theme_names)
            a, b = dup.pair
            separate = kept.get(a, a) != kept.get(b, b)
            if dup.isHidden() == separate:
                dup.setVisible(separate)
        open_dups = sum(1 for dup in self.duplicate_items if not dup.isHidden())
        extra = self._open_duplicate_count - len(self.duplicate_items)
        self.duplicates_title.setText(
            self.tr("Mogelijke dubbelen ({n})").format(n=open_dups + max(0, extra))
        )
        self.no_duplicates.setVisible(open_dups == 0)

    def _open_themes(self) -> list[ThemeSuggestion]:
        closed = self._dismissed | self._done
        return [t for t, key in self._theme_keys if key not in closed]

    def _open_duplicates(self) -> list[tuple[str, str]]:
        closed = self._dismissed | self._done
        return [
            (a, b)
            for a, b, key in self._duplicate_keys
            if key not in closed and a in self._cards and b in self._cards
        ]

    def _rebuild(self) -> None:
        # Fill a new page off screen and swap it in: one polish, no flicker.
        self._content = QWidget()
        self._content.setObjectName("suggestionsContent")
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(0, 0, 8, 0)
        self._layout.setSpacing(8)
        self.theme_items = []
        self.duplicate_items = []
        themes = self._open_themes()
        dups = self._open_duplicates()
        self._open_duplicate_count = len(dups)
        self.themes_title = self._section("")
        self._layout.addWidget(self.themes_title)
        self.no_themes = _label(
            self.tr("Geen themasuggesties voor de voorstellen die nog niet ingedeeld zijn."),
            muted=True,
        )
        self._layout.addWidget(self.no_themes)
        for suggestion in themes[: self._theme_limit]:
            item = ThemeSuggestionItem(suggestion, self._cards, self._standard)
            item.accepted.connect(self.accept_theme)
            item.dismissed.connect(self.dismiss)
            self.theme_items.append(item)
            self._layout.addWidget(item)
        if len(themes) > self._theme_limit:
            self._layout.addWidget(self._more(len(themes) - self._theme_limit, self._more_themes))
        self._layout.addSpacing(8)
        self.duplicates_title = self._section("")
        self._layout.addWidget(self.duplicates_title)
        self.no_duplicates = _label(self.tr("Geen mogelijke dubbelen (meer)."), muted=True)
        self._layout.addWidget(self.no_duplicates)
        for a, b in dups[: self._dup_limit]:
            dup = DuplicateItem(a, b, self._cards)
            dup.accepted.connect(self.accept_duplicate)
            dup.dismissed.connect(self.dismiss)
            self.duplicate_items.append(dup)
            self._layout.addWidget(dup)
        if len(dups) > self._dup_limit:
            self._layout.addWidget(self._more(len(dups) - self._dup_limit, self._more_duplicates))
        self._layout.addStretch(1)
        self.update_state(*self._state)
        self.scroll_area.setWidget(self._content)  # deletes the previous page

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600;")
        return label

    def _more(self, n: int, slot: object) -> QPushButton:
        button = QPushButton(self.tr("Toon er meer ({n} over)").format(n=n))
        button.setFlat(True)
        button.clicked.connect(slot)
        return button

    def _more_themes(self) -> None:
        self._theme_limit += PAGE_SIZE
        self._rebuild()

    def _more_duplicates(self) -> None:
        self._dup_limit += PAGE_SIZE
        self._rebuild()
