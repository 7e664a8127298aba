"""The round timer as pure logic on an injected clock.

The state is a plain dict (see :data:`desktop_app.core.run_state.TIMER`) kept
in the session file's ``local_state``, so the countdown keeps running, in wall
time, across a restart of the app: ``started_at`` is an epoch time, and the
remaining time is always computed from it, never counted by ticks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

EpochClock = Callable[[], float]
MINUTE = 60.0


@dataclass(frozen=True, slots=True)
class RoundTimer:
    """A countdown of ``duration`` seconds for one round; each action returns a new timer."""

    round_id: str | None = None
    duration: float = 0.0
    elapsed: float = 0.0  # seconds run before the last start
    started_at: float | None = None  # epoch seconds of the last start; None = paused

    # ----------------------------------------------------------- creating
    @classmethod
    def for_round(cls, round_id: str | None, minutes: int | None) -> RoundTimer:
        """A fresh, stopped timer for a round of ``minutes`` (0 when unknown)."""
        return cls(round_id=round_id, duration=float(max(minutes or 0, 0)) * MINUTE)

    @classmethod
    def from_state(cls, state: Mapping[str, Any] | None) -> RoundTimer:
        """Read the stored dict; anything malformed gives a stopped, empty timer."""
        if not isinstance(state, Mapping):
            return cls()
        try:
            round_id = state.get("round_id")
            started = state.get("started_at")
            return cls(
                round_id=round_id if isinstance(round_id, str) else None,
                duration=max(float(state.get("duration") or 0.0), 0.0),
                elapsed=max(float(state.get("elapsed") or 0.0), 0.0),
                started_at=float(started) if started is not None else None,
            )
        except (TypeError, ValueError):
            return cls()

    def to_state(self) -> dict[str, Any]:
        return {
            "round_id": self.round_id,
            "duration": self.duration,
            "elapsed": self.elapsed,
            "started_at": self.started_at,
        }

    # ------------------------------------------------------------ reading
    @property
    def running(self) -> bool:
        return self.started_at is not None

    def elapsed_at(self, now: float) -> float:
        """Seconds run so far; a clock that went backwards counts as no time."""
        if self.started_at is None:
            return self.elapsed
        return self.elapsed + max(now - self.started_at, 0.0)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once the round has run over."""
        return self.duration - self.elapsed_at(now)

    def is_over(self, now: float) -> bool:
        return self.duration > 0 and self.remaining(now) <= 0

    # ------------------------------------------------------------ actions
    def start(self, now: float) -> RoundTimer:
        if self.running:
            return self
        return replace(self, started_at=now)

    def pause(self, now: float) -> RoundTimer:
        if not self.running:
            return self
        return replace(self, elapsed=self.elapsed_at(now), started_at=None)

    def toggle(self, now: float) -> RoundTimer:
        return self.pause(now) if self.running else self.start(now)

    def add_minute(self, minutes: int = 1) -> RoundTimer:
        return replace(self, duration=self.duration + minutes * MINUTE)

    def reset(self, minutes: int | None = None) -> RoundTimer:
        """Stopped at the full time; ``minutes`` sets a new duration (the round's)."""
        duration = self.duration if minutes is None else float(max(minutes, 0)) * MINUTE
        return replace(self, duration=duration, elapsed=0.0, started_at=None)


def format_remaining(seconds: float) -> str:
    """``12:05``; over time shows ``-0:42``; an hour or more ``1:02:05``."""
    negative = seconds < 0
    # Round towards the next whole second while counting down, so 0:00 means done.
    whole = int(-seconds) if negative else int(seconds + 0.999)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"-{text}" if negative else text


def system_clock() -> float:
    return time.time()
