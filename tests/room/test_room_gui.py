"""Sessie > Zaal online… in the real console: phones write through the GUI thread.

A phone (an aiohttp client in its own thread, as a phone is another machine)
sends a participant's proposal: it waits in the console for approval, the
facilitator approves it with a real button click, Edit > Undo takes that
back; a phone's vote is one undo step too; closing the session stops the
room and closes every connection.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop_app.core import run_state
from desktop_app.core.model import Kind
from desktop_app.ui.console import build_console_window
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.room import RoomPanel
from desktop_app.ui.settings import Settings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Phone:
    """A phone on the LAN: requests in a thread of its own, results collected."""

    def __init__(self, base: str, code: str) -> None:
        self.base = base
        self.code = code
        self.results: list[Any] = []
        self.errors: list[BaseException] = []

    def run(
        self, script: Callable[[aiohttp.ClientSession, dict[str, Any]], Any]
    ) -> threading.Thread:
        async def go() -> None:
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as client:
                async with client.get(f"{self.base}/j/{self.code}") as response:
                    assert response.status == 200
                async with client.get(f"{self.base}/api/state") as response:
                    state = await response.json()
                self.results.append(await script(client, state))

        def target() -> None:
            try:
                asyncio.run(go())
            except BaseException as error:  # reported by the test
                self.errors.append(error)

        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        return thread


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The app's settings in an ini file in the test's tmp dir (never the user's)."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    """Screens to look at: the test's tmp dir, or TAFELRONDE_ARTIFACTS when set."""
    chosen = os.environ.get("TAFELRONDE_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def console(qtbot: QtBot, settings: Settings, demo_session: Any) -> Iterator[ConsoleWindow]:
    path = Path(demo_session.path)
    demo_session.close()
    window = build_console_window(settings, "nl")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_session(path)
    yield window
    window.close()


def start_room(qtbot: QtBot, console: ConsoleWindow) -> RoomPanel:
    console.menus.room_action.trigger()
    panel = console.findChild(RoomPanel, "roomPanel")
    assert panel is not None and panel.isVisible()
    panel.interface.setCurrentIndex(panel.interface.findData("127.0.0.1"))
    panel.port.setValue(free_port())
    panel.wifi_name.setText("Kantine-gast")
    panel.wifi_password.setText("welkom123")
    panel._no_phone.setInterval(300)  # the minute a facilitator waits, shortened
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.runner.running, timeout=5000)
    assert "deelnamecode" in panel.address_label.text()
    assert "/test" in panel.test_label.text()
    # Only this laptop reached it (loopback): after the wait, what to do about it.
    qtbot.waitUntil(lambda: "reisrouter" in panel.test_label.text(), timeout=5000)
    assert "clientisolatie" in panel.test_label.text()
    indicator = panel.runner.indicator
    assert indicator.isVisible() and "Zaal online" in indicator.text()
    return panel


def test_phones_write_through_the_console_and_undo_works(
    qtbot: QtBot, console: ConsoleWindow, artifacts: Path
) -> None:
    panel = start_room(qtbot, console)
    server = panel.runner.server
    assert server is not None
    controller = console.controller
    assert controller is not None

    # The join slide on the beamer: QR codes, short address, code, Wi-Fi.
    qtbot.mouseClick(panel.beamer_button, Qt.MouseButton.LeftButton)
    stage = console.beamer.window.stage  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: stage.current == "join")
    join = stage.current_view()
    join.setParent(None)  # on its own, at the beamer's sizes
    try:
        for width, height in ((1920, 1080), (1024, 768)):
            join.resize(width, height)
            join.grab().save(str(artifacts / f"join_{width}x{height}.png"))
            texts = " ".join(block.text for block in join.text_blocks())
            assert server.join_code in texts and "Kantine-gast" in texts and server.url in texts
    finally:
        join.setParent(stage)
    panel.resize(560, 640)
    panel.grab().save(str(artifacts / "room_panel.png"))

    # A participant's proposal waits for approval, hidden on the beamer.
    phone = Phone(server.url, server.join_code)
    pid = str(uuid.uuid4())

    async def propose(client: aiohttp.ClientSession, state: dict[str, Any]) -> int:
        body = {
            "id": pid,
            "table_id": state["tables"][0]["id"],
            "text": "Wandelend vergaderen",
            "role": "participant",
        }
        headers = {"X-CSRF-Token": state["csrf"], "Origin": server.url}
        async with client.post(f"{server.url}/api/proposals", json=body, headers=headers) as r:
            return r.status

    thread = phone.run(propose)
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10000)
    assert phone.errors == [] and phone.results == [200]
    qtbot.waitUntil(
        lambda: panel.pending.count() == 1 and "Wandelend" in panel.pending.item(0).text()
    )
    assert pid in controller.snapshot().hidden_proposal_ids
    assert "Voorstel toevoegen" in console.menus.undo_action.text()
    qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pid not in controller.snapshot().hidden_proposal_ids)
    assert "Niets" in panel.pending.item(0).text()
    console.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: pid in controller.snapshot().hidden_proposal_ids)
    qtbot.waitUntil(lambda: "Wandelend" in panel.pending.item(0).text())

    # A phone's vote: counted at once, one undo step.
    controller.run_unrecorded(
        lambda: controller.session_file.set_state(run_state.VOTING_OPEN, True)
    )
    before = sum(v.dots for v in controller.snapshot().live_votes())

    async def vote(client: aiohttp.ClientSession, state: dict[str, Any]) -> int:
        for _ in range(50):  # the phone hears of the open vote
            async with client.get(f"{server.url}/api/state") as r:
                state = await r.json()
            if state["voting"]["open"]:
                break
            await asyncio.sleep(0.05)
        item = state["voting"]["items"][0]["id"]
        body = {"token": state["ballot_token"], "dots": {item: 1}, "group": None}
        headers = {"X-CSRF-Token": state["csrf"], "Origin": server.url}
        async with client.post(f"{server.url}/api/ballot", json=body, headers=headers) as r:
            return r.status

    phone = Phone(server.url, server.join_code)
    thread = phone.run(vote)
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10000)
    assert phone.errors == [] and phone.results == [200]
    assert sum(v.dots for v in controller.snapshot().live_votes()) == before + 1
    assert controller.snapshot().vote_channels
    console.menus.undo_action.trigger()
    assert sum(v.dots for v in controller.snapshot().live_votes()) == before

    # Closing the session stops the room and closes every connection.
    url = server.url
    console.menus.close_action.trigger()
    assert not panel.runner.running
    with (
        pytest.raises(OSError),
        socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=1),
    ):
        pass
    assert "niet online" in panel.address_label.text()
    assert not panel.runner.indicator.isVisible()
    assert Kind.PROPOSAL  # the file is closed: nothing more to read
