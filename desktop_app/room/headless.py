"""``tafelronde room PATH``: the room server without the GUI (tests, benchmarks, a terminal).

The first line on stdout is the join URL (what the QR code holds); the join
code and the test page follow. SIGINT (Ctrl+C) and SIGTERM stop it cleanly:
every connection is closed and the session file is closed (checkpointed,
lock released). The file is opened for writing, so the GUI and ``room`` on
one file meet the writer lock's clear message.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from desktop_app.core import labels
from desktop_app.room.server import RoomServer, ensure_keys, lan_addresses
from desktop_app.room.writer import ThreadWriter
from desktop_app.storage.session_file import SessionFile

TEXT = {lang: labels.words(labels.ROOM_CONSOLE, lang) for lang in labels.LANGUAGES}


def default_host() -> str:
    """The laptop's address on the venue's network, else loopback only."""
    addresses = lan_addresses()
    return addresses[0] if addresses else "127.0.0.1"


def run_room(path: Path, *, host: str | None, port: int, lang: str) -> int:
    """Serve the room until SIGINT or SIGTERM; UserError (locked file, port in use) raises."""
    t = TEXT[lang]
    session = SessionFile.open(path)
    writer = ThreadWriter(session)
    server: RoomServer | None = None
    stop = threading.Event()
    previous = {}
    try:
        keys = writer.submit(ensure_keys).result()
        server = RoomServer(writer, keys, host=host or default_host(), port=port)
        room = server
        writer.submit(lambda s: s.subscribe(room.notify_changed)).result()
        server.start()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            del signum, frame
            stop.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, on_signal)
        sys.stdout.write(server.join_url + "\n")
        sys.stdout.write(t["code"].format(code=server.join_code) + "\n")
        sys.stdout.write(t["test"].format(url=server.url) + "\n")
        sys.stdout.write(t["stop"] + "\n")
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if server is not None:
            server.stop()
        writer.close()
        session.close()
    sys.stdout.write(t["stopped"] + "\n")
    sys.stdout.flush()
    return 0
