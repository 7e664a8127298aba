"""Sessie > Zaal online…: start and stop the room, see who joined, approve proposals.

Non-modal: the facilitator keeps it beside the console. It shows the address
and join code, how many phones are connected, the "test the room" check (and
what to do when no phone reaches the laptop: a guest Wi-Fi that isolates
clients, so bring a travel router), the participants' proposals waiting for
approval, and prints ballot cards for people without a phone.
"""

from __future__ import annotations

import contextlib
import ipaddress
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UserError
from desktop_app.core.model import Kind, Proposal
from desktop_app.ops import room as room_ops
from desktop_app.room.server import RoomStatus, lan_addresses
from desktop_app.room.view import APPROVE_FIRST_KEY
from desktop_app.storage import room_store
from desktop_app.storage.session_file import Change
from desktop_app.ui.controller import SessionController
from desktop_app.ui.room.runner import RoomRunner, Wifi

NO_PHONE_SECONDS = 60  # after this long without any phone, say what may be wrong
DEFAULT_PORT = 8080


class RoomPanel(QDialog):
    """The console's view of the room network."""

    def __init__(self, runner: RoomRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("roomPanel")
        self.setWindowTitle(self.tr("Zaal online"))
        self.setModal(False)
        self.runner = runner
        self._window = parent
        self.controller: SessionController | None = None

        intro = QLabel(
            self.tr(
                "Deelnemers en notulisten doen mee met hun telefoon, via het wifi waar deze "
                "laptop op zit. Internet is niet nodig. Alleen wie de code heeft, komt binnen."
            )
        )
        intro.setWordWrap(True)

        self.interface = QComboBox()
        self.interface.setObjectName("roomInterface")
        for address in lan_addresses():
            self.interface.addItem(
                self.tr("Wifi/netwerk: {address}").format(address=address), address
            )
        self.interface.addItem(self.tr("Alle netwerken van deze laptop"), "0.0.0.0")
        self.interface.addItem(self.tr("Alleen deze laptop (om te proberen)"), "127.0.0.1")
        self.port = QSpinBox()
        self.port.setObjectName("roomPort")
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.wifi_name = QLineEdit()
        self.wifi_name.setObjectName("roomWifiName")
        self.wifi_name.setPlaceholderText(self.tr("optioneel: dan toont de beamer een wifi-QR"))
        self.wifi_password = QLineEdit()
        self.wifi_password.setObjectName("roomWifiPassword")
        self.wifi_password.setPlaceholderText(self.tr("optioneel"))
        form = QFormLayout()
        form.addRow(self.tr("&Netwerk:"), self.interface)
        form.addRow(self.tr("&Poort:"), self.port)
        form.addRow(self.tr("Wifi-&naam:"), self.wifi_name)
        form.addRow(self.tr("Wifi-&wachtwoord:"), self.wifi_password)
        for field_widget, label_text in (
            (self.interface, self.tr("Netwerk")),
            (self.port, self.tr("Poort")),
            (self.wifi_name, self.tr("Wifi-naam")),
            (self.wifi_password, self.tr("Wifi-wachtwoord")),
        ):
            field_widget.setAccessibleName(label_text)

        self.start_button = QPushButton(self.tr("Zaal &starten"))
        self.start_button.setObjectName("roomStartButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.toggle)
        self.beamer_button = QPushButton(self.tr("Op de &beamer"))
        self.beamer_button.setObjectName("roomBeamerButton")
        self.beamer_button.clicked.connect(self.runner.show_on_beamer)
        self.cards_button = QPushButton(self.tr("Stem&kaarten afdrukken…"))
        self.cards_button.setObjectName("roomCardsButton")
        self.cards_button.clicked.connect(self.print_cards)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.beamer_button)
        buttons.addWidget(self.cards_button)
        buttons.addStretch(1)

        self.address_label = QLabel()
        self.address_label.setObjectName("roomAddress")
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label.setWordWrap(True)
        self.devices_label = QLabel()
        self.devices_label.setObjectName("roomDevices")
        self.test_label = QLabel()
        self.test_label.setObjectName("roomTest")
        self.test_label.setWordWrap(True)
        self.test_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_box = QGroupBox(self.tr("Status"))
        status_layout = QVBoxLayout(status_box)
        for widget in (self.address_label, self.devices_label, self.test_label):
            status_layout.addWidget(widget)

        self.approve_first = QCheckBox(self.tr("Voorstellen van deelnemers eerst &goedkeuren"))
        self.approve_first.setObjectName("roomApproveFirst")
        self.approve_first.setChecked(True)
        self.approve_first.toggled.connect(self._set_approve_first)
        self.pending = QListWidget()
        self.pending.setObjectName("roomPending")
        self.pending.setAccessibleName(self.tr("Voorstellen die wachten op goedkeuring"))
        self.pending.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.pending.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("&Tonen op de beamer"))
        self.approve_button.setObjectName("roomApprove")
        self.approve_button.clicked.connect(lambda: self._moderate(show=True))
        self.hide_button = QPushButton(self.tr("&Verborgen houden"))
        self.hide_button.setObjectName("roomHide")
        self.hide_button.clicked.connect(lambda: self._moderate(show=False))
        moderation_buttons = QHBoxLayout()
        moderation_buttons.addWidget(self.approve_button)
        moderation_buttons.addWidget(self.hide_button)
        moderation_buttons.addStretch(1)
        self.pending_box = QGroupBox(self.tr("Wachten op goedkeuring"))
        pending_layout = QVBoxLayout(self.pending_box)
        pending_layout.addWidget(self.approve_first)
        pending_layout.addWidget(self.pending)
        pending_layout.addLayout(moderation_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(status_box)
        layout.addWidget(self.pending_box, 1)

        self._no_phone = QTimer(self)
        self._no_phone.setSingleShot(True)
        self._no_phone.setInterval(NO_PHONE_SECONDS * 1000)
        self._no_phone.timeout.connect(lambda: self.show_status(self.runner.status))
        self._waited = False
        self._no_phone.timeout.connect(self._mark_waited)
        runner.status_changed.connect(self.show_status)
        self.resize(560, 640)
        self.set_controller(getattr(parent, "controller", None))
        self.show_status(runner.status)

    # ------------------------------------------------------------ session
    def set_controller(self, controller: object) -> None:
        if self.controller is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.controller.changed.disconnect(self._on_change)
        self.controller = controller if isinstance(controller, SessionController) else None
        if self.controller is not None:
            self.controller.changed.connect(self._on_change)
            stored = self.controller.session_file.state(APPROVE_FIRST_KEY, True)
            self.approve_first.blockSignals(True)
            self.approve_first.setChecked(bool(stored))
            self.approve_first.blockSignals(False)
        self.refresh_pending()

    def _on_change(self, change: Change) -> None:
        if change.touches(Kind.PROPOSAL) or change.tables:
            self.refresh_pending()

    def refresh_pending(self) -> None:
        self.pending.clear()
        controller = self.controller
        if controller is None:
            self.pending_box.setEnabled(False)
            return
        self.pending_box.setEnabled(True)
        session = controller.session_file
        ids = room_store.pending_proposal_ids(session)
        for proposal in session.entities_by_id(Kind.PROPOSAL, ids):
            if isinstance(proposal, Proposal) and not proposal.deleted:
                item = QListWidgetItem(proposal.text)
                item.setData(Qt.ItemDataRole.UserRole, proposal.id)
                self.pending.addItem(item)
        if not ids:
            item = QListWidgetItem(self.tr("Niets te beoordelen."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.pending.addItem(item)
        self.pending_box.setTitle(
            self.tr("Wachten op goedkeuring ({n})").format(n=len(ids))
            if ids
            else self.tr("Wachten op goedkeuring")
        )

    def _chosen_ids(self) -> list[str]:
        chosen = self.pending.selectedItems()
        if not chosen:  # nothing selected: all of them
            chosen = [self.pending.item(i) for i in range(self.pending.count())]
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in chosen]
        return [pid for pid in ids if isinstance(pid, str)]

    def _moderate(self, *, show: bool) -> None:
        controller = self.controller
        ids = self._chosen_ids()
        if controller is None or not ids:
            return
        operation = room_ops.approve_proposals if show else room_ops.keep_hidden
        controller.run(operation, ids)

    def _set_approve_first(self, checked: bool) -> None:
        controller = self.controller
        if controller is not None:
            session = controller.session_file
            controller.run_unrecorded(lambda: session.set_state(APPROVE_FIRST_KEY, checked))

    # ------------------------------------------------------------ room
    def toggle(self) -> None:
        if self.runner.running:
            self.runner.stop()
            return
        wifi = Wifi(self.wifi_name.text().strip(), self.wifi_password.text())
        problem = self.runner.start(str(self.interface.currentData()), self.port.value(), wifi)
        if problem is not None:
            self.test_label.setText(problem)
            return
        self._waited = False
        self._no_phone.start()

    def _mark_waited(self) -> None:
        self._waited = True
        self.show_status(self.runner.status)

    def show_status(self, status: object) -> None:
        if not isinstance(status, RoomStatus):
            return
        running = status.running
        for widget in (self.interface, self.port, self.wifi_name, self.wifi_password):
            widget.setEnabled(not running)
        self.start_button.setText(self.tr("Zaal &stoppen") if running else self.tr("Zaal &starten"))
        self.beamer_button.setEnabled(running)
        if not running:
            self.address_label.setText(self.tr("De zaal is niet online."))
            self.devices_label.setText("")
            self.test_label.setText(
                self.tr(
                    "Test de zaal vóór de sessie: start haar, en open op een telefoon in "
                    "hetzelfde wifi het testadres dat hier dan staat."
                )
            )
            return
        self.address_label.setText(
            self.tr("Online op {url} · deelnamecode {code}").format(
                url=status.url, code=status.join_code
            )
        )
        self.devices_label.setText(
            self.tr("Verbonden toestellen: {n} (aangemeld: {joined})").format(
                n=status.devices_connected, joined=status.devices_joined
            )
        )
        loopback_only = _is_loopback_url(status.url)
        reached = status.remote_test_hits > 0 or (status.devices_joined > 0 and not loopback_only)
        test_url = f"{status.url}/test"
        if reached:
            text = self.tr("Een telefoon heeft de zaal bereikt: het wifi werkt voor de sessie.")
        elif self._waited:
            text = self.tr(
                "Nog geen telefoon heeft de zaal bereikt. Open {url} op een telefoon in "
                "hetzelfde wifi. Lukt dat niet, dan houdt het wifi van de locatie toestellen "
                "waarschijnlijk van elkaar gescheiden (clientisolatie, gebruikelijk op "
                "gastnetwerken). Neem dan een eigen reisrouter mee en zet deze laptop en de "
                "telefoons daarop; internet is niet nodig."
            ).format(url=test_url)
        else:
            text = self.tr("Test de zaal: open {url} op een telefoon in hetzelfde wifi.").format(
                url=test_url
            )
        self.test_label.setText(text)

    def print_cards(self) -> None:
        """Ballot cards for people without a phone: ask how many, then where to save."""
        controller = self.controller
        if controller is None:
            return
        count, accepted = QInputDialog.getInt(
            self,
            self.tr("Stemkaarten"),
            self.tr("Hoeveel stemkaarten (8 per A4)?"),
            16,
            1,
            2000,
        )
        if not accepted:
            return
        from desktop_app.ui.file_dialogs import ask_save_file

        suggested = controller.session_file.path.with_name(
            f"{controller.session_file.path.stem}-stemkaarten.pdf"
        )
        ask_save_file(
            self,
            self.tr("Stemkaarten opslaan"),
            suggested,
            self.tr("PDF-bestanden (*.pdf)"),
            ".pdf",
            lambda target: self.write_cards(target, count),
        )

    def write_cards(self, target: Path, count: int) -> bool:
        """Issue ``count`` card tokens and write their PDF; False (and a message) on a problem."""
        from desktop_app.export.ballot_cards import write_ballot_cards

        controller = self.controller
        if controller is None:
            return False
        tokens = controller.run_unrecorded(
            lambda: room_ops.issue_ballot_cards(controller.session_file, count)
        )
        if not tokens:
            return False
        server = self.runner.server
        try:
            write_ballot_cards(
                target,
                tokens,
                title=controller.session().title,
                lang=controller.language,
                room_url=server.url if server is not None else None,
            )
        except UserError as problem:
            self.test_label.setText(problem.message(controller.language))
            return False
        return True


def _is_loopback_url(url: str) -> bool:
    host = url.split("//", 1)[-1].rsplit(":", 1)[0]
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
