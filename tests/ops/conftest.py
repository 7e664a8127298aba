"""What the operation tests share: a session's whole state to compare, a laptop's clock."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_app.storage import duplicates
from desktop_app.storage.exchange import import_document
from desktop_app.storage.session_file import SessionFile

World = dict[str, Any]
ENTITY_LISTS = (
    "target_groups",
    "tables",
    "rounds",
    "proposals",
    "themes",
    "votes",
    "interventions",
    "context_items",
)


def world(session: SessionFile) -> World:
    """Everything a session holds that a user could notice, ``updated_at`` left out.

    The snapshot (every entity, tombstones included, lists in display order),
    the session record, the privacy floor, beamer moderation, carried-over
    rows, the colours of live themes, duplicate links and the run state.
    """
    snapshot = session.snapshot()
    result: World = {}
    for field in dataclasses.fields(snapshot):
        value = getattr(snapshot, field.name)
        if isinstance(value, tuple):
            result[field.name] = [_without_stamp(v) for v in value]
        elif field.name == "session":
            result[field.name] = _without_stamp(value)
        else:
            result[field.name] = value
    live = {theme.id for theme in snapshot.live_themes()}
    result["colours"] = {k: v for k, v in session.theme_colors().items() if k in live}
    result["duplicate_links"] = duplicates.links(session)
    result["state"] = dict(session.connection.execute("SELECT key, value FROM local_state"))
    return result


def _without_stamp(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name for f in dataclasses.fields(value)}
        if "updated_at" in fields:
            return dataclasses.replace(value, updated_at=None)
    return value


def as_before(before: World, after_undo: World) -> list[str]:
    """How ``after_undo`` differs from ``before`` beyond what an undo must leave.

    An undone add leaves a tombstone (a deleted entity, so the deletion reaches
    the other laptops); a tombstoned theme holds no proposals. Everything else
    must be exactly as before. Returns the differences (empty: as before).
    """
    problems: list[str] = []
    for key, old in before.items():
        new = after_undo[key]
        if key in ENTITY_LISTS:
            known = {e.id for e in old}
            problems += [
                f"{key}: {e.id} is back but not as a tombstone"
                for e in new
                if e.id not in known and not e.deleted
            ]
            kept = [e for e in new if e.id in known]
            if kept != old:
                problems.append(f"{key}: {kept} != {old}")
        elif new != old:
            problems.append(f"{key}: {new!r} != {old!r}")
    return problems


class LaptopClock:
    """A laptop's clock that the test moves: ``clock.at("10:05")``."""

    def __init__(self, day: str = "2030-05-14") -> None:
        self.day = day
        self.now = datetime.fromisoformat(f"{day}T09:00:00+00:00")

    def at(self, time: str) -> None:
        self.now = datetime.fromisoformat(f"{self.day}T{time}:00+00:00")

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)  # every stamp distinct, in order
        return self.now.astimezone(UTC)


@pytest.fixture
def clock() -> LaptopClock:
    return LaptopClock()


@pytest.fixture
def make_clock() -> type[LaptopClock]:
    """A clock for each laptop of a test: ``make_clock()``."""
    return LaptopClock


@pytest.fixture
def demo(
    tmp_path: Path, demo_document: dict[str, Any], clock: LaptopClock
) -> Iterator[SessionFile]:
    """The demo session on a laptop whose clock the test sets."""
    session = SessionFile.create(tmp_path / "laptop-a.tafelronde", clock=clock)
    import_document(session, demo_document, source="demo.json")
    yield session
    session.close()


@pytest.fixture(name="world")
def world_fixture() -> Callable[[SessionFile], World]:
    """:func:`world`, for the tests (conftest modules are not imported by name)."""
    return world


@pytest.fixture(name="as_before")
def as_before_fixture() -> Callable[[World, World], list[str]]:
    """:func:`as_before`, for the tests."""
    return as_before
