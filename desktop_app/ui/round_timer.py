"""The round timer on the console: start, pause, plus a minute, reset.

The time itself lives in the session file's local state (run_state.TIMER) as
wall-clock times, so the countdown goes on across a restart of the app and the
beamer (which reads the same state) shows the same time. Only the label ticks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core import run_state
from desktop_app.core.model import Kind, Round
from desktop_app.core.round_timer import EpochClock, RoundTimer, format_remaining, system_clock
from desktop_app.storage.session_file import Change
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.look import icon


class RoundTimerWidget(QFrame):
    """Big countdown with its four buttons; the state is stored on every action."""

    def __init__(
        self,
        controller: SessionController,
        clock: EpochClock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clock = clock
        self.setObjectName("roundTimer")
        self.setProperty("card", True)
        self.timer = RoundTimer()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(4)
        self.time_label = QLabel("0:00")
        self.time_label.setObjectName("timerLabel")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.time_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        font.setStyleHint(font.StyleHint.Monospace)
        self.time_label.setFont(font)
        self.state_label = QLabel()
        self.state_label.setObjectName("timerStateLabel")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.time_label)
        layout.addWidget(self.state_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.start_button = QPushButton()
        self.start_button.setObjectName("timerStart")
        self.start_button.setProperty("primary", True)
        self.plus_button = QPushButton(icon("plus"), self.tr("1 min"))
        self.plus_button.setObjectName("timerPlus")
        self.plus_button.setToolTip(self.tr("Een minuut erbij (Ctrl+M)"))
        self.reset_button = QPushButton(icon("rotate-ccw"), "")
        self.reset_button.setObjectName("timerReset")
        self.reset_button.setToolTip(self.tr("Terug naar de volle tijd van de ronde"))
        self.reset_button.setAccessibleName(self.tr("Timer herstellen"))
        for button in (self.start_button, self.plus_button, self.reset_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.start_button.clicked.connect(self.toggle)
        self.plus_button.clicked.connect(self.add_minute)
        self.reset_button.clicked.connect(self.reset)
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._show_time)
        controller.changed.connect(self._on_change)
        self.reload()

    # -------------------------------------------------------------- state
    def _round_minutes(self, round_id: str | None) -> int | None:
        if round_id is None:
            return None
        round_ = self.controller.session_file.get(Kind.ROUND, round_id)
        return round_.minutes if isinstance(round_, Round) else None

    def reload(self) -> None:
        """Read the stored timer; a timer of another round starts fresh for the current one."""
        session_file = self.controller.session_file
        current = session_file.state(run_state.CURRENT_ROUND)
        stored = RoundTimer.from_state(session_file.state(run_state.TIMER))
        if current is not None and stored.round_id != current:
            stored = RoundTimer.for_round(current, self._round_minutes(current))
        self.timer = stored
        self._show_time()

    def _store(self, timer: RoundTimer) -> None:
        self.timer = timer
        session_file = self.controller.session_file
        self.controller.run_unrecorded(
            lambda: session_file.set_state(run_state.TIMER, timer.to_state())
        )
        self._show_time()

    def toggle(self) -> None:
        if self.timer.round_id is None:
            return
        self._store(self.timer.toggle(self.clock()))

    def add_minute(self) -> None:
        if self.timer.round_id is None:
            return
        self._store(self.timer.add_minute())

    def reset(self) -> None:
        if self.timer.round_id is None:
            return
        self._store(self.timer.reset(self._round_minutes(self.timer.round_id)))

    def _on_change(self, change: Change) -> None:
        if run_state.TIMER in change.state or run_state.CURRENT_ROUND in change.state:
            stored = RoundTimer.from_state(self.controller.session_file.state(run_state.TIMER))
            current = self.controller.session_file.state(run_state.CURRENT_ROUND)
            if stored != self.timer or stored.round_id != current:
                self.reload()
        elif (
            self.timer.round_id in change.of(Kind.ROUND)
            and not self.timer.running
            and self.timer.elapsed == 0
        ):
            # The round's minutes were changed in the preparation: a stopped,
            # untouched timer follows them.
            self._store(self.timer.reset(self._round_minutes(self.timer.round_id)))

    # ------------------------------------------------------------ showing
    def _show_time(self) -> None:
        timer, now = self.timer, self.clock()
        has_round = timer.round_id is not None
        for button in (self.start_button, self.plus_button, self.reset_button):
            button.setEnabled(has_round)
        remaining = timer.remaining(now)
        self.time_label.setText(format_remaining(remaining) if has_round else "–:––")
        over = has_round and timer.is_over(now)
        self.time_label.setStyleSheet(f"color: {palette.DANGER_TEXT};" if over else "")
        if timer.running:
            self.start_button.setText(self.tr("Pauze"))
            self.start_button.setIcon(icon("pause", "#FFFFFF"))
            self.start_button.setToolTip(self.tr("Timer pauzeren (Ctrl+T)"))
            self.state_label.setText(self.tr("Tijd is om") if over else self.tr("loopt"))
            if not self._ticker.isActive():
                self._ticker.start()
        else:
            self.start_button.setText(self.tr("Start") if timer.elapsed == 0 else self.tr("Verder"))
            self.start_button.setIcon(icon("play", "#FFFFFF"))
            self.start_button.setToolTip(self.tr("Timer starten (Ctrl+T)"))
            self.state_label.setText(
                self.tr("gepauzeerd") if timer.elapsed > 0 else self.tr("klaar om te starten")
            )
            self._ticker.stop()
        if not has_round:
            self.state_label.setText(self.tr("Nog geen ronde"))
