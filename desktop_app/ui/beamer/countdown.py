"""The round countdown, on an injected clock.

The timer lives in the run state (``run_state.TIMER``): ``{"round_id",
"duration", "elapsed", "started_at"}`` with ``started_at`` in epoch seconds
while running and None while paused.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.core.round_timer import RoundTimer

Clock = Callable[[], float]

LAST_MINUTE = 60.0


@dataclass(frozen=True, slots=True)
class Countdown:
    round_id: str | None
    duration: float
    remaining: float
    running: bool

    @property
    def last_minute(self) -> bool:
        return 0 < self.remaining <= LAST_MINUTE

    @property
    def over(self) -> bool:
        return self.remaining <= 0

    def text(self) -> str:
        """``mm:ss`` rounded up, so 0:00 shows only when the time is really up."""
        seconds = max(0, math.ceil(self.remaining))
        return f"{seconds // 60}:{seconds % 60:02d}"


def countdown_of(timer: Mapping[str, Any] | None, now: float) -> Countdown | None:
    """The countdown of a timer state at ``now``; None without a usable timer.

    The state is read by the console's own timer logic (core/round_timer), so the
    beamer and the console can never disagree about the time left.
    """
    state = RoundTimer.from_state(timer)
    if state.duration <= 0:
        return None
    return Countdown(
        round_id=state.round_id,
        duration=state.duration,
        remaining=state.remaining(now),
        running=state.running,
    )
