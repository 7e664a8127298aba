"""The round countdown, on an injected clock.

The timer lives in the run state (``run_state.TIMER``): ``{"round_id",
"duration", "elapsed", "started_at"}`` with ``started_at`` in epoch seconds
while running and None while paused.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Clock = Callable[[], float]

LAST_MINUTE = 60.0


def system_clock() -> float:
    return time.time()


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


def _number(value: Any, default: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value)


def countdown_of(timer: Mapping[str, Any] | None, now: float) -> Countdown | None:
    """The countdown of a timer state at ``now``; None without a usable timer."""
    if not isinstance(timer, Mapping):
        return None
    duration = _number(timer.get("duration"))
    if duration <= 0:
        return None
    elapsed = _number(timer.get("elapsed"))
    started = timer.get("started_at")
    running = isinstance(started, int | float) and not isinstance(started, bool)
    if isinstance(started, int | float) and running:
        elapsed += max(0.0, now - float(started))
    round_id = timer.get("round_id")
    return Countdown(
        round_id=round_id if isinstance(round_id, str) else None,
        duration=duration,
        remaining=duration - elapsed,
        running=running,
    )
