"""A real room server on 127.0.0.1 (an OS-chosen port) over a real session file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.core import run_state
from desktop_app.room.server import Limits, RoomServer, ensure_keys
from desktop_app.room.writer import ThreadWriter
from desktop_app.storage.exchange import import_document
from desktop_app.storage.session_file import SessionFile


@dataclass
class Room:
    server: RoomServer
    writer: ThreadWriter
    path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def run(self, job):  # type: ignore[no-untyped-def]
        """Run ``job(session)`` on the writer thread (the file's owner) and wait."""
        return self.writer.submit(job).result(10)

    def open_vote(self) -> None:
        def job(session: SessionFile) -> None:
            with session.transaction():
                session.set_state(run_state.VOTING_OPEN, True)

        self.run(job)


def start_room(path: Path, limits: Limits | None = None, port: int = 0) -> Room:
    session = SessionFile.open(path)
    writer = ThreadWriter(session)
    keys = writer.submit(ensure_keys).result()
    server = RoomServer(writer, keys, host="127.0.0.1", port=port, limits=limits)
    writer.submit(lambda s: s.subscribe(server.notify_changed)).result()
    server.start()
    return Room(server, writer, path)


def stop_room(room: Room) -> None:
    room.server.stop()
    room.writer.close()
    room.writer.session.close()


@pytest.fixture
def demo_path(tmp_path: Path, demo_document: dict[str, object]) -> Path:
    path = tmp_path / "zaal.tafelronde"
    session = SessionFile.create(path)
    import_document(session, demo_document, source="demo.json")
    session.close()
    return path


@pytest.fixture
def room(demo_path: Path) -> Iterator[Room]:
    started = start_room(demo_path)
    yield started
    stop_room(started)
