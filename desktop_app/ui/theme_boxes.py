"""The boxes on the theme board: the tray, a theme's box (name, colour, cards) and the zone
that makes a new theme from what is dropped on it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import palette
from desktop_app.ui.board_style import (
    THEME_COLORS,
    set_drop_target,
    swatch_icon,
)
from desktop_app.ui.card_list import BoardHost, CardListView
from desktop_app.ui.card_model import (
    CardFilter,
    CardFilterProxy,
    CardListModel,
    decode_ids,
)
from desktop_app.ui.look import icon


def _pill() -> QLabel:
    label = QLabel("0")
    label.setObjectName("countPill")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class _ClickLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class _DropFrame(QFrame):
    """A frame that takes dropped cards for its area (header included)."""

    def __init__(self, host: BoardHost, area_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.area_id = area_id
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_ids(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            set_drop_target(self, True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        set_drop_target(self, False)

    def dropEvent(self, event: QDropEvent) -> None:
        set_drop_target(self, False)
        ids = decode_ids(event.mimeData())
        if ids and self.take(ids):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def take(self, ids: list[str]) -> bool:
        """Move the dropped cards into this frame's area."""
        return self.host.drop(ids, self.area_id)


class TrayBox(_DropFrame):
    """The unclustered proposals."""

    def __init__(
        self,
        host: BoardHost,
        model: CardListModel,
        card_filter: CardFilter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(host, None, parent)
        self.setObjectName("trayBox")
        self.model = model
        self.proxy = CardFilterProxy(model, card_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 8, 8)
        layout.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(self.tr("Nog niet ingedeeld"))
        title.setObjectName("areaTitle")
        header.addWidget(title, 1)
        self.count = _pill()
        self.count.setObjectName("countPill")
        self.count.setAccessibleName(self.tr("Aantal niet ingedeelde voorstellen"))
        header.addWidget(self.count)
        layout.addLayout(header)
        self.view = CardListView(
            host,
            self.proxy,
            self.tr("Alles is ingedeeld. Sleep een kaart hierheen om haar uit een thema te halen."),
        )
        self.view.setObjectName("cardList")
        self.view.setAccessibleName(self.tr("Niet ingedeelde voorstellen"))
        layout.addWidget(self.view, 1)

    def update_count(self, card_filter: CardFilter) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count.setText(
            str(total)
            if not card_filter.active()
            else self.tr("{shown} van {total}").format(shown=shown, total=total)
        )


class ThemeBox(_DropFrame):
    """One theme: colour, name (edit in place), count, description, menu and its cards."""

    def __init__(
        self,
        host: BoardHost,
        theme_id: str,
        model: CardListModel,
        card_filter: CardFilter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(host, theme_id, parent)
        self.setObjectName("themeBox")
        self.theme_id = theme_id
        self.model = model
        self.proxy = CardFilterProxy(model, card_filter)
        self._name = ""
        self._description = ""
        self._color: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setSpacing(4)
        self.color_button = QToolButton()
        self.color_button.setObjectName("themeColor")
        self.color_button.setToolTip(self.tr("Kleur van het thema"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.color_menu = QMenu(self.color_button)
        self.color_menu.aboutToShow.connect(self._fill_color_menu)
        self.color_button.setMenu(self.color_menu)
        header.addWidget(self.color_button, 0, Qt.AlignmentFlag.AlignTop)
        self.title = _ClickLabel()
        self.title.setObjectName("themeTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setToolTip(self.tr("Klik of F2 om de naam te wijzigen"))
        self.title.clicked.connect(self.start_rename)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        header.addWidget(self.title, 1)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("themeName")
        self.name_edit.setAccessibleName(self.tr("Naam van het thema"))
        self.name_edit.setToolTip(self.tr("Enter bewaart, Esc laat de naam zoals hij was"))
        self.name_edit.editingFinished.connect(self._commit_name)
        self.name_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name_edit.hide()
        header.addWidget(self.name_edit, 1)
        self.count = _pill()
        header.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("themeMenuButton")
        self.menu_button.setIcon(icon("ellipsis-vertical"))
        self.menu_button.setToolTip(self.tr("Thema: samenvoegen, splitsen, verwijderen…"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu_button.setMenu(self.menu)
        header.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.description = QLabel()
        self.description.setObjectName("themeDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setContentsMargins(4, 0, 4, 0)
        self.description.hide()
        layout.addWidget(self.description)
        self.view = CardListView(host, self.proxy, self.tr("Sleep kaarten hierheen."))
        self.view.setAccessibleName(self.tr("Voorstellen in dit thema"))
        layout.addWidget(self.view, 1)

    # --------------------------------------------------------------- showing
    def set_theme(self, name: str, description: str | None, color: str | None) -> None:
        if name != self._name:
            self._name = name
            self.title.setText(name)
            if not self.name_edit.isVisible():
                self.name_edit.setText(name)
        text = description or ""
        if self._description != text:
            self._description = text
            self.description.setToolTip(text)
            self.description.setVisible(bool(text))
            self._elide_description()
        if color != self._color or self.color_button.icon().isNull():
            self._color = color
            self.model.color = color
            self.color_button.setIcon(swatch_icon(color))
            self.view.viewport().update()

    def update_count(self, card_filter: CardFilter) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count.setText(
            str(total)
            if not card_filter.active()
            else self.tr("{shown} van {total}").format(shown=shown, total=total)
        )

    def _elide_description(self) -> None:
        """At most two lines, so the cards keep the room; the whole text is the tooltip."""
        width = max(40, self.width() - 24)
        metrics = self.description.fontMetrics()
        flat = " ".join(self._description.split())
        self.description.setText(
            metrics.elidedText(
                flat, Qt.TextElideMode.ElideRight, 2 * width - 3 * metrics.averageCharWidth()
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._description:
            self._elide_description()

    @property
    def name(self) -> str:
        return self._name

    def start_rename(self) -> None:
        """Edit the name in place; Enter (or leaving the field) keeps it, Esc does not."""
        self.name_edit.setText(self._name)
        self.title.hide()
        self.name_edit.show()
        self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name_edit.selectAll()

    def _end_rename(self) -> None:
        self.name_edit.hide()
        self.title.show()

    def _commit_name(self) -> None:
        if not self.name_edit.isVisible():
            return
        text = self.name_edit.text()
        self._end_rename()
        if text.strip() and text != self._name:
            self.host.rename_theme(self.theme_id, text)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2:
            self.start_rename()
            return
        if event.key() == Qt.Key.Key_Escape and self.name_edit.isVisible():
            self.name_edit.setText(self._name)
            self._end_rename()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    # ----------------------------------------------------------------- menus
    def _color_names(self) -> list[tuple[str, str]]:
        names = [
            self.tr("Oranje"),
            self.tr("Hemelsblauw"),
            self.tr("Blauwgroen"),
            self.tr("Geel"),
            self.tr("Blauw"),
            self.tr("Vermiljoen"),
            self.tr("Roze"),
        ]
        return list(zip(THEME_COLORS, names, strict=True))

    def _fill_color_menu(self) -> None:
        self.color_menu.clear()
        for color, name in self._color_names():
            action = self.color_menu.addAction(swatch_icon(color), name)
            action.setCheckable(True)
            action.setChecked(color == self._color)
            action.triggered.connect(lambda _=False, c=color: self.host.set_color(self.theme_id, c))
        self.color_menu.addSeparator()
        none = self.color_menu.addAction(self.tr("Automatisch (naar plaats op het bord)"))
        none.triggered.connect(lambda: self.host.set_color(self.theme_id, None))

    def _fill_menu(self) -> None:
        self.menu.clear()
        rename = self.menu.addAction(icon("pencil"), self.tr("Naam wijzigen\tF2"))
        rename.triggered.connect(self.start_rename)
        describe = self.menu.addAction(icon("file-text"), self.tr("Beschrijving…"))
        describe.triggered.connect(lambda: self.host.edit_description(self.theme_id))
        colors = self.menu.addMenu(swatch_icon(self._color), self.tr("Kleur"))
        for color, name in self._color_names():
            action = colors.addAction(swatch_icon(color), name)
            action.triggered.connect(lambda _=False, c=color: self.host.set_color(self.theme_id, c))
        self.menu.addSeparator()
        merge = self.menu.addMenu(icon("merge"), self.tr("Samenvoegen met"))
        others = [(tid, name) for tid, name in self.host.theme_names() if tid != self.theme_id]
        for tid, name in others:
            action = merge.addAction(name)
            action.setToolTip(
                self.tr("De kaarten van dit thema gaan naar “{name}”").format(name=name)
            )
            action.triggered.connect(
                lambda _=False, t=tid: self.host.merge_themes(self.theme_id, t)
            )
        merge.setEnabled(bool(others))
        selected = self.view.selected_ids()
        split = self.menu.addAction(
            icon("split"),
            self.tr("Selectie afsplitsen naar een nieuw thema ({n})").format(n=len(selected)),
        )
        split.setEnabled(bool(selected) and len(selected) < self.model.rowCount())
        split.triggered.connect(
            lambda: self.host.split_theme(self.theme_id, self.view.selected_ids())
        )
        self.menu.addSeparator()
        delete = self.menu.addAction(
            icon("trash-2"), self.tr("Thema verwijderen (kaarten terug naar de bak)")
        )
        delete.triggered.connect(lambda: self.host.delete_theme(self.theme_id))


class NewThemeZone(_DropFrame):
    """The dashed box after the last theme: drop cards here or click for a new theme."""

    clicked = Signal()

    def __init__(self, host: BoardHost, parent: QWidget | None = None) -> None:
        super().__init__(host, None, parent)
        self.setObjectName("newThemeZone")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Nieuw thema"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        plus = QLabel()
        plus.setPixmap(icon("plus", palette.MUTED).pixmap(QSize(32, 32)))
        plus.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(plus)
        title = QLabel(self.tr("Nieuw thema"))
        title.setObjectName("areaTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(self.tr("Sleep kaarten hierheen, of kies kaarten en druk op N (Ctrl+G)."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(text)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.host.create_theme_from_selection()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.host.create_theme_from_selection()
            return
        super().keyPressEvent(event)

    def take(self, ids: list[str]) -> bool:
        return self.host.drop_new_theme(ids)
