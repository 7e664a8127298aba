"""The beamer's controls in the console: a live thumbnail and the buttons.

The thumbnail is the beamer's own stage rendered scaled, so it shows exactly
what the room sees (black when blacked out, no result before the reveal).
Buttons: show/hide (F5), full screen, previous/next view, pin, black-out
(Ctrl+B in the console; B on the beamer itself), reveal the results, light or
dark. Below them the moderation list: tick a proposal to keep it off the
beamer without deleting it. When a projector is plugged in again, a bar offers
to send the beamer back to it.
"""

from __future__ import annotations

import contextlib

import shiboken6
from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QHideEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import run_state
from desktop_app.core.voting import reveal_steps
from desktop_app.storage.session_file import Change
from desktop_app.ui import palette
from desktop_app.ui.beamer.stage import VIEW_ORDER, BeamerStage, view_title
from desktop_app.ui.beamer.window import BeamerWindow
from desktop_app.ui.controller import SessionController
from desktop_app.ui.flow_layout import flow_row
from desktop_app.ui.look import icon
from desktop_app.ui.settings import Settings

MODERATION_ROWS = 150  # newest proposals listed for moderation


class BeamerThumbnail(QWidget):
    """The stage, rendered scaled into a 16:9 (or the stage's own) frame."""

    def __init__(self, stage: BeamerStage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beamerThumbnail")
        self.stage = stage
        self.image = QImage()
        self.setMinimumSize(QSize(200, 113))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.render_now)
        self._clock = QTimer(self)  # the countdown and page turns also change the picture
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.schedule)
        stage.repainted.connect(self.schedule)
        stage.shown_changed.connect(self.schedule)
        stage.destroyed.connect(self._stage_gone)

    def _stage_gone(self) -> None:
        self._timer.stop()
        self._clock.stop()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        size = self.stage.size()
        ratio = size.height() / size.width() if size.width() > 0 else 9 / 16
        return int(width * ratio)

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._clock.start()
        self.schedule()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._clock.stop()
        self._timer.stop()

    def schedule(self) -> None:
        """Render soon (coalesced); only while the thumbnail is on screen."""
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def render_now(self) -> None:
        """Render the stage scaled into ``image`` (also used by the tests)."""
        if not shiboken6.isValid(self.stage):
            return
        stage_size = self.stage.size()
        if stage_size.width() <= 0 or stage_size.height() <= 0:
            return
        target = self.frame()
        ratio = self.devicePixelRatioF() or 1.0
        image = QImage(
            max(1, int(target.width() * ratio)),
            max(1, int(target.height() * ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.black)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.scale(target.width() / stage_size.width(), target.height() / stage_size.height())
        self.stage.render(painter, QPoint(0, 0))
        painter.end()
        self.image = image
        self.update()

    def frame(self) -> QSize:
        width = max(1, self.width())
        height = self.heightForWidth(width)
        if height > self.height() > 0:
            height = self.height()
            size = self.stage.size()
            width = int(height * size.width() / max(1, size.height()))
        return QSize(width, max(1, height))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self.image.isNull():
            target = self.frame()
            x = (self.width() - target.width()) // 2
            painter.drawImage(x, 0, self.image)
            painter.setPen(palette.BORDER)
            painter.drawRect(x, 0, target.width() - 1, target.height() - 1)
        painter.end()


class BeamerDock(QDockWidget):
    """The console's beamer panel."""

    status_changed = Signal()  # shown/hidden, black-out, reveal, view: after refresh_status

    def __init__(
        self, window: BeamerWindow, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Beamer"), parent)
        self.setObjectName("beamerDock")
        self.window_ = window
        self.stage = window.stage
        self.settings = settings
        self.controller: SessionController | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        self.offer = QFrame()
        self.offer.setObjectName("beamerOffer")
        self.offer.setProperty("card", "true")
        offer_row = QHBoxLayout(self.offer)
        self.offer_label = QLabel()
        self.offer_label.setWordWrap(True)
        self.offer_button = QPushButton(self.tr("Terugzetten"))
        self.offer_button.setObjectName("beamerOfferButton")
        self.offer_button.setProperty("primary", "true")
        self.offer_button.clicked.connect(self.accept_offer)
        later = QPushButton(self.tr("Niet nu"))
        later.clicked.connect(self.offer_hide)
        offer_row.addWidget(self.offer_label, 1)
        offer_row.addWidget(self.offer_button)
        offer_row.addWidget(later)
        self.offer.hide()
        self._offered: QScreen | None = None
        layout.addWidget(self.offer)

        self.thumbnail = BeamerThumbnail(self.stage)
        layout.addWidget(self.thumbnail)
        self.status = QLabel()
        self.status.setObjectName("beamerStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.show_button = self._button(
            self.tr("Tonen"),
            "presentation",
            window.toggle,
            self.tr("Beamer tonen of verbergen (F5)"),
        )
        self.full_button = self._button(
            self.tr("Volledig scherm"),
            "maximize",
            window.toggle_full_screen,
            self.tr("Volledig scherm aan of uit (Esc op de beamer)"),
        )
        self.prev_button = self._button(
            self.tr("Vorige"), "chevron-left", lambda: self.step(-1), self.tr("Vorige weergave")
        )
        self.next_button = self._button(
            self.tr("Volgende"), "chevron-right", lambda: self.step(1), self.tr("Volgende weergave")
        )
        self.pin_button = self._button(
            self.tr("Vastzetten"),
            "pin",
            self.toggle_pin,
            self.tr("Deze weergave vasthouden, ook als de fase verandert"),
        )
        self.pin_button.setCheckable(True)
        self.black_button = self._button(
            self.tr("Zwart"),
            "eye-off",
            self.toggle_blackout,
            self.tr("Beamer op zwart (Ctrl+B; B op de beamer)"),
        )
        self.black_button.setCheckable(True)
        self.reveal_button = self._button(
            self.tr("Uitslag onthullen"),
            "chart-bar",
            self.toggle_reveal,
            self.tr("De uitslag van de stemming tonen"),
        )
        self.reveal_button.setCheckable(True)
        self.theme_box = QComboBox()
        self.theme_box.setObjectName("beamerTheme")
        self.theme_box.addItem(self.tr("Licht"), "light")
        self.theme_box.addItem(self.tr("Donker"), "dark")
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(self.stage.theme.name)))
        self.theme_box.currentIndexChanged.connect(self._theme_chosen)
        # A wrapping row: in a narrow panel (1024x768) the buttons take more lines
        # instead of cutting their labels.
        self.buttons = flow_row(
            [
                self.show_button,
                self.full_button,
                self.prev_button,
                self.next_button,
                self.pin_button,
                self.black_button,
                self.reveal_button,
                self.theme_box,
            ],
            spacing=6,
        )
        layout.addWidget(self.buttons)

        moderation = QLabel(
            self.tr(
                "Verbergen op de beamer: vink een voorstel aan om het niet "
                "te tonen. Het blijft bewaard."
            )
        )
        moderation.setObjectName("beamerModerationHint")
        moderation.setStyleSheet(f"color: {palette.MUTED};")
        moderation.setWordWrap(True)
        layout.addWidget(moderation)
        self.moderation = QListWidget()
        self.moderation.setObjectName("beamerModeration")
        self.moderation.itemChanged.connect(self._moderation_changed)
        layout.addWidget(self.moderation, 1)
        # Two buttons side by side at the least; the panel is never narrower.
        body.setMinimumWidth(264)
        self.setWidget(body)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh)
        self.stage.shown_changed.connect(self.refresh_status)
        window.visibility_changed.connect(lambda _v: self.refresh_status())
        window.placement_changed.connect(self.refresh_status)
        window.screen_returned.connect(self.offer_screen)
        window.screen_lost.connect(self._lost)
        window.on_blackout = self.toggle_blackout
        window.on_step = self.step
        self._keep_the_keyboard_where_it_is(body)
        self.set_controller(None)

    @staticmethod
    def _keep_the_keyboard_where_it_is(body: QWidget) -> None:
        """A click in the panel (black-out, next view, a tick in the list) leaves the
        keyboard where it was, say in the scribe field: the next keys typed go on
        there. Tab still reaches every control."""
        for widget in body.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.ClickFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _button(self, text: str, icon_name: str, slot: object, tip: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ session
    def set_controller(self, controller: SessionController | None) -> None:
        if self.controller is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.controller.changed.disconnect(self._on_change)
        self.controller = controller
        if controller is None:
            self._refresh_timer.stop()
        self.stage.set_controller(controller)
        if controller is not None:
            controller.changed.connect(self._on_change)
        for widget in (
            self.prev_button,
            self.next_button,
            self.pin_button,
            self.black_button,
            self.reveal_button,
            self.moderation,
        ):
            widget.setEnabled(controller is not None)
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _write(self, key: str, value: object) -> None:
        controller = self.controller
        if controller is not None:
            controller.run_unrecorded(lambda: controller.session_file.set_state(key, value))

    # ------------------------------------------------------------ actions
    def step(self, delta: int) -> None:
        """Previous / next view; the view reached is pinned."""
        if self.controller is None:
            return
        index = VIEW_ORDER.index(self.stage.current) if self.stage.current in VIEW_ORDER else 0
        self._write(run_state.BEAMER_PINNED_VIEW, VIEW_ORDER[(index + delta) % len(VIEW_ORDER)])

    def toggle_pin(self) -> None:
        if self.controller is None:
            return
        pinned = self.stage.pinned()
        self._write(run_state.BEAMER_PINNED_VIEW, None if pinned else self.stage.current)

    def toggle_blackout(self) -> None:
        if self.controller is None:
            return
        self._write(run_state.BEAMER_BLACKOUT, not self.stage.is_blacked_out())

    def toggle_reveal(self) -> None:
        if self.controller is None:
            return
        revealed = bool(self.stage.state(run_state.RESULTS_REVEALED, False))
        for key, value in reveal_steps(self.stage.state, not revealed):
            self._write(key, value)  # revealing closes the vote first

    def set_hidden(self, proposal_id: str, hidden: bool) -> None:
        controller = self.controller
        if controller is not None:
            from desktop_app import ops

            controller.run(ops.hide_on_beamer, [proposal_id], hidden)

    def _theme_chosen(self, _index: int) -> None:
        name = str(self.theme_box.currentData())
        self.settings.set("beamer/theme", name)
        self.stage.set_theme(name)

    # ------------------------------------------------------- reconnecting
    def offer_screen(self, screen: QScreen) -> None:
        self._offered = screen
        self.offer_label.setText(
            self.tr("Scherm {name} is aangesloten. De beamer daarheen sturen?").format(
                name=screen.name()
            )
        )
        self.offer.show()
        self.show()

    def accept_offer(self) -> None:
        screen = self._offered
        self.offer_hide()
        if screen is not None and screen in QGuiApplication.screens():
            self.window_.show_on(screen)

    def offer_hide(self) -> None:
        self._offered = None
        self.offer.hide()

    def _lost(self, name: str) -> None:
        self.offer_hide()
        self.status.setText(
            self.tr("Scherm {name} is weg: de beamer staat nu als venster op dit scherm.").format(
                name=name
            )
        )

    # ------------------------------------------------------------ refresh
    def refresh(self) -> None:
        self.refresh_status()
        self._fill_moderation()

    def refresh_status(self) -> None:
        window = self.window_
        self.show_button.setText(self.tr("Verbergen") if window.isVisible() else self.tr("Tonen"))
        self.full_button.setEnabled(window.isVisible())
        if self.controller is None:
            self.status.setText(self.tr("Open een sessie om de beamer te gebruiken."))
            self.status_changed.emit()
            return
        pinned = self.stage.pinned()
        black = self.stage.is_blacked_out()
        revealed = bool(self.stage.state(run_state.RESULTS_REVEALED, False))
        self.pin_button.setChecked(pinned is not None)
        self.black_button.setChecked(black)
        self.reveal_button.setChecked(revealed)
        self.reveal_button.setText(
            self.tr("Uitslag verbergen") if revealed else self.tr("Uitslag onthullen")
        )
        where = (
            self.tr("volledig scherm op {name}").format(name=window.screen().name())
            if window.isVisible() and window.isFullScreen()
            else self.tr("als venster")
            if window.isVisible()
            else self.tr("verborgen")
        )
        shown = view_title(self.stage.current)
        text = self.tr("Op de beamer: {view}{pin} ({where})").format(
            view=shown, pin=self.tr(", vastgezet") if pinned else "", where=where
        )
        if black:
            text = self.tr("Beamer staat op zwart. ") + text
        self.status.setText(text)
        self.status_changed.emit()

    def _fill_moderation(self) -> None:
        controller = self.controller
        self.moderation.blockSignals(True)
        self.moderation.clear()
        if controller is not None:
            sf = controller.session_file
            round_ = self.stage.current_round()
            if self.stage.current == "wall_themes" or round_ is None:
                proposals = sf.proposals()
            else:
                proposals = sf.proposals(round_id=round_.id)
            hidden = sf.hidden_on_beamer()
            for proposal in reversed(proposals[-MODERATION_ROWS:]):
                item = QListWidgetItem(" ".join(proposal.text.split()))
                item.setData(Qt.ItemDataRole.UserRole, proposal.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if proposal.id in hidden else Qt.CheckState.Unchecked
                )
                item.setToolTip(proposal.text)
                self.moderation.addItem(item)
        self.moderation.blockSignals(False)

    def _moderation_changed(self, item: QListWidgetItem) -> None:
        proposal_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(proposal_id, str):
            self.set_hidden(proposal_id, item.checkState() == Qt.CheckState.Checked)
