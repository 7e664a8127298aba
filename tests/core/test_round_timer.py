"""The round timer: start, pause, plus a minute, reset, and surviving a restart."""

from __future__ import annotations

from desktop_app.core.round_timer import RoundTimer, format_remaining


def test_counts_down_only_while_running() -> None:
    timer = RoundTimer.for_round("r1", 20)
    assert timer.remaining(1000.0) == 20 * 60
    timer = timer.start(1000.0)
    assert timer.running
    assert timer.remaining(1060.0) == 19 * 60
    timer = timer.pause(1060.0)
    assert not timer.running
    assert timer.remaining(5000.0) == 19 * 60  # paused: time does not pass
    timer = timer.start(5000.0)
    assert timer.remaining(5030.0) == 19 * 60 - 30


def test_plus_a_minute_and_reset() -> None:
    timer = RoundTimer.for_round("r1", 1).start(0.0)
    timer = timer.add_minute()
    assert timer.remaining(30.0) == 90
    timer = timer.reset()
    assert not timer.running and timer.remaining(100.0) == 120
    timer = timer.reset(minutes=25)
    assert timer.remaining(100.0) == 25 * 60


def test_runs_over_and_says_so() -> None:
    timer = RoundTimer.for_round("r1", 1).start(0.0)
    assert not timer.is_over(59.0)
    assert timer.is_over(61.0)
    assert format_remaining(timer.remaining(102.0)) == "-0:42"


def test_state_survives_a_restart() -> None:
    timer = RoundTimer.for_round("r1", 10).start(100.0)
    stored = timer.to_state()
    # The app is closed at 160 and started again at 400: the clock kept going.
    again = RoundTimer.from_state(stored)
    assert again.running
    assert again.remaining(400.0) == 10 * 60 - 300
    assert RoundTimer.from_state(again.pause(400.0).to_state()).remaining(9999.0) == 300


def test_malformed_state_gives_a_stopped_timer() -> None:
    assert RoundTimer.from_state({"duration": "x"}) == RoundTimer()
    assert RoundTimer.from_state(None) == RoundTimer()


def test_clock_going_backwards_counts_as_no_time() -> None:
    timer = RoundTimer.for_round("r1", 5).start(1000.0)
    assert timer.remaining(900.0) == 300


def test_format_remaining() -> None:
    assert format_remaining(20 * 60) == "20:00"
    assert format_remaining(0.2) == "0:01"
    assert format_remaining(0) == "0:00"
    assert format_remaining(3725) == "1:02:05"
