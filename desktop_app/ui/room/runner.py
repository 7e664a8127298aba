"""The room of one open session in the GUI: starts and stops the server, tells the console.

Lives as long as the console window; the room it runs lives at most as long
as the session: closing the session or quitting stops it and closes every
connection (the window's ``session_closing`` signal).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from desktop_app.core import run_state
from desktop_app.core.errors import UserError
from desktop_app.room.server import Limits, RoomServer, RoomStatus, ensure_keys
from desktop_app.storage.session_file import Change
from desktop_app.ui.beamer.join import JoinInfo, JoinView
from desktop_app.ui.controller import SessionController
from desktop_app.ui.room.bridge import GuiWriter

# Group commits as headless: each is one job on the GUI thread, which must never block
# long (benchmarks/room.py measures it with a heartbeat: 32 ballots kept the longest block
# at 52-65 ms and the phones' p95 under 400 ms; 16 lengthened the p95 past 600 ms, as the
# beamer then repaints after twice as many groups).
GUI_LIMITS = Limits(ballot_batch=32)


@dataclass(frozen=True, slots=True)
class Wifi:
    name: str = ""
    password: str = ""


class RoomRunner(QObject):
    """Start/stop the room for the console's session; ``status_changed`` on the GUI thread."""

    status_changed = Signal(object)  # RoomStatus
    _status_from_server = Signal(object)

    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self._window = window
        self.server: RoomServer | None = None
        self.writer: GuiWriter | None = None
        self.controller: SessionController | None = None
        self.wifi = Wifi()
        self.status = RoomStatus()
        self._status_from_server.connect(self._on_status)
        # The console's status bar says the room is online and how many phones are in it.
        self.indicator = QLabel()
        self.indicator.setObjectName("roomIndicator")
        self.indicator.setContentsMargins(16, 0, 8, 0)
        self.indicator.hide()
        status_bar = getattr(window, "statusBar", None)
        if callable(status_bar):
            status_bar().addPermanentWidget(self.indicator)
        closing = getattr(window, "session_closing", None)
        if closing is not None:
            closing.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def start(self, host: str, port: int, wifi: Wifi) -> str | None:
        """Start the room on ``host:port``; returns a message when it cannot."""
        controller = getattr(self._window, "controller", None)
        if not isinstance(controller, SessionController):
            return self.tr("Open eerst een sessie.")
        self.stop()
        try:
            keys = ensure_keys(controller.session_file)
        except UserError as problem:
            return problem.message(controller.language)
        writer = GuiWriter(controller, self)
        server = RoomServer(
            writer,
            keys,
            host=host,
            port=port,
            limits=GUI_LIMITS,
            on_status=self._status_from_server.emit,
        )
        try:
            server.start()
        except UserError as problem:
            writer.close()
            writer.deleteLater()
            return problem.message(controller.language)
        self.controller, self.writer, self.server, self.wifi = controller, writer, server, wifi
        controller.changed.connect(self._on_change)
        self._show_join_info()
        return None

    def stop(self) -> None:
        """Close every connection and stop serving (closing the session, quitting, Stop)."""
        server, writer, controller = self.server, self.writer, self.controller
        self.server = self.writer = self.controller = None
        if controller is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                controller.changed.disconnect(self._on_change)
        if writer is not None:
            writer.close()  # first: a phone's job waiting for this thread fails at once
        if server is not None:
            server.stop()
        if writer is not None:
            writer.deleteLater()
        self._show_join_info()
        self._on_status(RoomStatus())

    def show_on_beamer(self) -> None:
        """Pin the join slide on the beamer (it stays available the whole session)."""
        controller = self.controller or getattr(self._window, "controller", None)
        if isinstance(controller, SessionController):
            session = controller.session_file
            controller.run_unrecorded(
                lambda: session.set_state(run_state.BEAMER_PINNED_VIEW, "join")
            )

    def _join_view(self) -> JoinView | None:
        beamer = getattr(self._window, "beamer", None)
        stage = getattr(getattr(beamer, "window", None), "stage", None)
        view = getattr(stage, "views", {}).get("join") if stage is not None else None
        return view if isinstance(view, JoinView) else None

    def _show_join_info(self) -> None:
        view = self._join_view()
        if view is None:
            return
        server = self.server
        if server is None:
            view.set_info(None)
        else:
            view.set_info(
                JoinInfo(
                    url=server.url,
                    join_url=server.join_url,
                    join_code=server.join_code,
                    wifi_name=self.wifi.name,
                    wifi_password=self.wifi.password,
                )
            )
        stage = view.stage
        stage.repainted.emit()

    def _on_change(self, change: Change) -> None:
        if self.server is not None:
            self.server.notify_changed(change)

    def _on_status(self, status: object) -> None:
        if isinstance(status, RoomStatus):
            self.status = status
            self.indicator.setVisible(status.running)
            self.indicator.setText(
                self.tr("Zaal online · code {code} · {n} verbonden").format(
                    code=status.join_code, n=status.devices_connected
                )
            )
            self.status_changed.emit(status)
