"""The beamer window and where it goes.

The window is sent to the second screen, chosen by the screen's name and
geometry (remembered in the setting ``beamer/screen`` as "name|x,y,wxh"), never
by its position in the list of screens, and shown full screen there. With one
screen it is an ordinary window the facilitator can drag to the projector.
When its screen is unplugged it comes back to the console's screen as an
ordinary window; when a screen comes back, ``screen_returned`` lets the console
offer to send it back.

Keys on the beamer window itself (WindowShortcut: only while it has focus):
B black-out, Esc leaves full screen, F5 hides, arrows / PgUp / PgDn (a
presenter's clicker) previous and next view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.core.round_timer import system_clock
from desktop_app.ui.beamer.countdown import Clock
from desktop_app.ui.beamer.stage import BeamerStage
from desktop_app.ui.settings import Settings

SETTING = "beamer/screen"


def screen_key(screen: QScreen) -> str:
    """How a screen is remembered: its name and geometry, ``"HDMI-1|1920,0,1920x1080"``."""
    g = screen.geometry()
    return f"{screen.name()}|{g.x()},{g.y()},{g.width()}x{g.height()}"


def choose_screen(
    screens: Sequence[QScreen], console: QScreen | None, remembered: str
) -> QScreen | None:
    """The screen for the beamer: never the console's own; None when there is no other.

    First the remembered screen (same name and geometry), then one with the
    remembered name, else the largest other screen (ties: the one furthest right).
    """
    others = [s for s in screens if s is not console]
    if not others:
        return None
    for screen in others:
        if remembered and screen_key(screen) == remembered:
            return screen
    name = remembered.split("|", 1)[0] if remembered else ""
    for screen in others:
        if name and screen.name() == name:
            return screen

    def size(screen: QScreen) -> tuple[int, int, int]:
        g = screen.geometry()
        return (g.width() * g.height(), g.x(), g.y())

    return max(others, key=size)


def normal_geometry(screen: QScreen) -> QRect:
    """A 16:9 window in the middle of ``screen``, two thirds of its width."""
    area = screen.availableGeometry()
    width = max(480, area.width() * 2 // 3)
    height = width * 9 // 16
    if height > area.height() * 5 // 6:
        height = area.height() * 5 // 6
        width = height * 16 // 9
    return QRect(
        area.x() + (area.width() - width) // 2,
        area.y() + (area.height() - height) // 2,
        width,
        height,
    )


class BeamerWindow(QWidget):
    """A window without chrome of its own that holds the :class:`BeamerStage`."""

    visibility_changed = Signal(bool)
    placement_changed = Signal()
    screen_returned = Signal(object)  # QScreen: a projector was plugged in again
    screen_lost = Signal(str)  # the name of the screen that went away

    def __init__(
        self,
        settings: Settings,
        *,
        console: QWidget | None = None,
        theme: str | None = None,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.settings = settings
        self.console = console
        self.setObjectName("beamerWindow")
        self.setWindowTitle(self.tr("Tafelronde — beamer"))
        # Showing the beamer leaves the keyboard with the console.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.stage = BeamerStage(
            theme=theme or str(settings.get("beamer/theme")), clock=clock, parent=self
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stage)
        self.target: QScreen | None = None
        self.lost_key = ""
        self.on_blackout: Callable[[], None] | None = None
        # The console's readiness check: called with "show it" instead of showing.
        self.before_show: Callable[[Callable[[], None]], object] | None = None
        self.on_step: Callable[[int], None] | None = None
        self._shortcut("B", lambda: self.on_blackout and self.on_blackout())
        self._shortcut("Esc", self.leave_full_screen)
        self._shortcut("F5", self.hide)
        for key in ("Right", "PgDown", "Space"):
            self._shortcut(key, lambda: self.on_step and self.on_step(1))
        for key in ("Left", "PgUp"):
            self._shortcut(key, lambda: self.on_step and self.on_step(-1))
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenRemoved.connect(self.on_screen_removed)
        app.screenAdded.connect(self.on_screen_added)
        self.resize(normal_geometry(self.console_screen()).size())

    def _shortcut(self, key: str, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # --------------------------------------------------------- screens
    def console_screen(self) -> QScreen:
        if self.console is not None and self.console.screen() is not None:
            return self.console.screen()
        screen = QGuiApplication.primaryScreen()
        assert screen is not None
        return screen

    def chosen_screen(self) -> QScreen | None:
        return choose_screen(
            QGuiApplication.screens(), self.console_screen(), str(self.settings.get(SETTING))
        )

    def present(self) -> None:
        """Show the beamer: full screen on the second screen, else as a window."""
        screen = self.chosen_screen()
        if screen is not None:
            self.show_on(screen)
        else:
            self.show_windowed(self.console_screen())

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``; remembered for next time."""
        self.target = screen
        self.lost_key = ""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        if screen is not self.console_screen():
            self.settings.set(SETTING, screen_key(screen))
        self.placement_changed.emit()
        self.visibility_changed.emit(True)

    def show_windowed(self, screen: QScreen) -> None:
        self.target = None
        self.setScreen(screen)
        if self.isFullScreen():
            self.showNormal()
        self.setGeometry(normal_geometry(screen))
        self.show()
        self.placement_changed.emit()
        self.visibility_changed.emit(True)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.leave_full_screen()
        else:
            screen = self.screen() or self.console_screen()
            self.show_on(screen)

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            screen = self.screen() or self.console_screen()
            self.showNormal()
            self.setGeometry(normal_geometry(screen))
            self.placement_changed.emit()

    def toggle(self) -> None:
        """F5: show or hide; before showing, ``before_show`` may have a look first."""
        if self.isVisible():
            self.hide()
        elif self.before_show is not None:
            self.before_show(self.present)
        else:
            self.present()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.visibility_changed.emit(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # closing the projector window only hides it
        self.hide()

    def on_screen_removed(self, screen: QScreen) -> None:
        """The projector was unplugged: come back to the console's screen, as a window."""
        on_it = screen is self.target or (self.isVisible() and self.screen() is screen)
        if not on_it:
            return
        self.lost_key = screen_key(screen)
        fallback = next((s for s in QGuiApplication.screens() if s is not screen), None)
        console = self.console_screen()
        if console is not screen:
            fallback = console
        was_visible = self.isVisible()
        self.target = None
        if fallback is not None:
            self.setScreen(fallback)
            if self.isFullScreen():
                self.showNormal()
            self.setGeometry(normal_geometry(fallback))
            if was_visible:
                self.show()
        self.placement_changed.emit()
        self.screen_lost.emit(screen.name())

    def on_screen_added(self, screen: QScreen) -> None:
        """A screen came (back): offer to send the beamer there."""
        if screen is self.console_screen():
            return
        if self.target is not None and self.isFullScreen():
            return
        self.screen_returned.emit(screen)

    def detach(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            try:
                app.screenRemoved.disconnect(self.on_screen_removed)
                app.screenAdded.disconnect(self.on_screen_added)
            except (RuntimeError, TypeError):
                pass
