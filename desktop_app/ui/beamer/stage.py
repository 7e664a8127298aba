"""The beamer's content: one view at a time, chosen by the console's phase or a pin.

The stage is the widget the beamer window shows full screen and the console's
thumbnail renders scaled, so both always show the same thing. It listens to
the controller's one change signal: a new proposal is appended to the wall
without a reload, anything else refreshes the view on screen (the others
refresh when they are shown).
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QStackedLayout, QWidget

from desktop_app.core import run_state
from desktop_app.core.model import Kind, Round, SessionInfo, SessionSnapshot
from desktop_app.core.round_timer import system_clock
from desktop_app.storage.session_file import Change
from desktop_app.ui.beamer.base import BeamerView
from desktop_app.ui.beamer.countdown import Clock, countdown_of
from desktop_app.ui.beamer.join import JoinView
from desktop_app.ui.beamer.results import ResultsView
from desktop_app.ui.beamer.theme import BeamerTheme, theme_named
from desktop_app.ui.beamer.views import (
    ActionPlanView,
    ContextView,
    FollowUpView,
    RoundView,
    ThemesView,
    VotingView,
    WelcomeView,
)
from desktop_app.ui.beamer.wall import WallByThemeView, WallView
from desktop_app.ui.controller import SessionController

#: Every view, in the order "next" and "previous" walk through them.
VIEW_ORDER: tuple[str, ...] = (
    "welcome",
    "join",
    "context",
    "follow_up",
    "round",
    "wall",
    "wall_themes",
    "themes",
    "voting",
    "results",
    "action_plan",
)

PAGE_SECONDS = 12  # a view with several pages turns a page this often


def view_title(name: str) -> str:
    """The Dutch name of a view, for the console."""

    return {
        "welcome": QCoreApplication.translate("Beamer", "Welkom"),
        "join": QCoreApplication.translate("Beamer", "Meedoen met je telefoon"),
        "context": QCoreApplication.translate("Beamer", "Context (RI&E)"),
        "follow_up": QCoreApplication.translate("Beamer", "Vorige keer"),
        "round": QCoreApplication.translate("Beamer", "Ronde en aftellen"),
        "wall": QCoreApplication.translate("Beamer", "Wand per tafel"),
        "wall_themes": QCoreApplication.translate("Beamer", "Wand per thema"),
        "themes": QCoreApplication.translate("Beamer", "Thema's"),
        "voting": QCoreApplication.translate("Beamer", "Stemmen"),
        "results": QCoreApplication.translate("Beamer", "Uitslag"),
        "action_plan": QCoreApplication.translate("Beamer", "Actieplan"),
    }.get(name, name)


def view_for_phase(
    phase: int, *, revealed: bool, has_themes: bool, round_running: bool, round_has_proposals: bool
) -> str:
    """The view that goes with the console's phase (0..5) when nothing is pinned."""
    if phase == 1:
        return "wall" if round_has_proposals and not round_running else "round"
    if phase == 2:
        return "themes" if has_themes else "wall_themes"
    if phase == 3:
        return "results" if revealed else "voting"
    if phase in (4, 5):
        return "action_plan"
    return "welcome"


class _Blackout(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        painter.end()


class BeamerStage(QWidget):
    """Shows one of the views; ``shown_changed`` fires when another one is shown."""

    shown_changed = Signal()
    repainted = Signal()  # the content changed (for the thumbnail)

    def __init__(
        self, *, theme: str = "light", clock: Clock = system_clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("beamerStage")
        self.controller: SessionController | None = None
        self.clock = clock
        self.theme: BeamerTheme = theme_named(theme)
        self._snapshot_fallback = SessionSnapshot(session=SessionInfo(id="", title=""))
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, BeamerView] = {}
        for cls in (
            WelcomeView,
            ContextView,
            FollowUpView,
            RoundView,
            WallView,
            WallByThemeView,
            ThemesView,
            VotingView,
            ResultsView,
            ActionPlanView,
            JoinView,
        ):
            view = cls(self)
            self.views[view.name] = view
            self._stack.addWidget(view)
        self._stale: set[str] = set(self.views)
        self._current = ""
        self.blackout = _Blackout(self)
        self.blackout.hide()
        self.pager = QTimer(self)
        self.pager.setInterval(PAGE_SECONDS * 1000)
        self.pager.timeout.connect(self.turn_page)
        self.pager.start()
        self._update_soon = QTimer(self)
        self._update_soon.setSingleShot(True)
        self._update_soon.setInterval(0)
        self._update_soon.timeout.connect(lambda: self.update_shown())
        self.update_shown()

    # ------------------------------------------------------------ slots
    def set_view_widget(self, name: str, view: BeamerView) -> None:
        """Put another widget in a view slot (e.g. a richer "follow_up" view)."""
        old = self.views.get(name)
        self.views[name] = view
        self._stack.addWidget(view)
        if old is not None:
            self._stack.removeWidget(old)
            old.deleteLater()
        self._stale.add(name)
        self.update_shown(force=True)

    # ------------------------------------------------------------ session
    def set_controller(self, controller: SessionController | None) -> None:
        if self.controller is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.controller.changed.disconnect(self.on_change)
        self.controller = controller
        if controller is not None:
            controller.changed.connect(self.on_change)
        for view in self.views.values():
            view.page = 0
        self._stale = set(self.views)
        self.update_shown(force=True)

    def set_theme(self, name: str) -> None:
        self.theme = theme_named(name)
        for view in self.views.values():
            view.invalidate()
        self.repainted.emit()

    def snapshot(self) -> SessionSnapshot:
        return self.controller.snapshot() if self.controller else self._snapshot_fallback

    def state(self, key: str, default: Any = None) -> Any:
        if self.controller is None:
            return default
        return self.controller.session_file.state(key, default)

    def language(self) -> str:
        return self.controller.language if self.controller else "nl"

    def session_title(self) -> str:
        return self.snapshot().session.title

    def current_round(self) -> Round | None:
        rounds = self.snapshot().live_rounds()
        if not rounds:
            return None
        wanted = self.state(run_state.CURRENT_ROUND)
        timer = self.state(run_state.TIMER)
        if not isinstance(wanted, str) and isinstance(timer, dict):
            wanted = timer.get("round_id")
        for round_ in rounds:
            if round_.id == wanted:
                return round_
        return rounds[0]

    # ------------------------------------------------------------ choosing
    def pinned(self) -> str | None:
        value = self.state(run_state.BEAMER_PINNED_VIEW)
        return value if isinstance(value, str) and value in self.views else None

    def wanted_view(self) -> str:
        pinned = self.pinned()
        if pinned is not None:
            return pinned
        phase = self.state(run_state.PHASE, 0)
        phase = phase if isinstance(phase, int) else 0
        if self.controller is None:
            return "welcome"
        snapshot = self.snapshot()
        round_running = False
        round_has = False
        if phase == 1:
            round_ = self.current_round()
            countdown = countdown_of(self.state(run_state.TIMER), self.clock())
            round_running = bool(countdown and countdown.running and not countdown.over)
            if round_ is not None:
                hidden = snapshot.hidden_proposal_ids
                round_has = any(
                    p.round_id == round_.id and not p.deleted and p.id not in hidden
                    for p in snapshot.proposals
                )
        return view_for_phase(
            phase,
            revealed=bool(self.state(run_state.RESULTS_REVEALED, False)),
            has_themes=bool(snapshot.live_themes()),
            round_running=round_running,
            round_has_proposals=round_has,
        )

    def is_blacked_out(self) -> bool:
        return bool(self.state(run_state.BEAMER_BLACKOUT, False))

    def update_shown(self, *, force: bool = False) -> None:
        name = self.wanted_view()
        view = self.views[name]
        self._update_soon.stop()
        changed = name != self._current
        if changed or force or name in self._stale:
            self._stale.discard(name)
            view.refresh()
        if changed:
            self._current = name
            self._stack.setCurrentWidget(view)
        black = self.is_blacked_out()
        self.blackout.setGeometry(self.rect())
        self.blackout.setVisible(black)
        if black:
            self.blackout.raise_()
        if changed or force:
            self.shown_changed.emit()
        self.repainted.emit()

    @property
    def current(self) -> str:
        """The view shown (brought up to date first if a change is still pending)."""
        if self._update_soon.isActive():
            self.update_shown()
        return self._current

    def current_view(self) -> BeamerView:
        return self.views[self.current]

    def on_change(self, change: Change) -> None:
        """Every change from the controller: fast path for a new proposal on the wall."""
        added = change.added_of(Kind.PROPOSAL)
        only_added = change.kinds == {Kind.PROPOSAL} and added == change.of(Kind.PROPOSAL)
        if added and only_added and not change.session and self._wall_stays():
            view = self.current_view()
            assert isinstance(view, WallView)
            if view.add_proposals(tuple(added)):
                self._stale = set(self.views) - {self.current}
                self.repainted.emit()
                return
        self._stale = set(self.views)
        if self.isVisible():
            self.update_shown()
        elif not self._update_soon.isActive():
            # Only the console's thumbnail shows this stage: catch up right after the
            # change, coalesced, so that neither a scribe's Enter nor a merge waits
            # for the beamer to read the whole session.
            self._update_soon.start()

    def _wall_stays(self) -> bool:
        """True when a new proposal cannot change which view is shown: the wall stays."""
        if not isinstance(self.views.get(self.current), WallView) or self.is_blacked_out():
            return False
        pinned = self.pinned()
        if pinned is not None:
            return pinned == self.current
        phase = self.state(run_state.PHASE, 0)
        return (phase, self.current) in ((1, "wall"), (2, "wall_themes"))

    def turn_page(self) -> None:
        if self.current and self.current_view().next_page():
            self.repainted.emit()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.blackout.setGeometry(self.rect())
