"""A line on stdout for every change the console shows as saved (for the kill -9 test).

With ``TAFELRONDE_REPORT_SAVES=1`` the console prints, for each change it marks
"Opgeslagen", ``saved <kind> <action> <id> <updated_at> <fingerprint>`` and
flushes: the test that kills the app at random moments knows from these lines
exactly what the user was told was saved, and checks the file holds it. The
fingerprint is a hash of the record as the app read it back after the commit.
"""

from __future__ import annotations

import hashlib
import os
import sys

from PySide6.QtCore import QObject

from desktop_app.storage.session_file import Change
from desktop_app.ui.controller import SessionController

REPORT_SAVES = "TAFELRONDE_REPORT_SAVES"


def wanted() -> bool:
    return os.environ.get(REPORT_SAVES) == "1"


def fingerprint(record: object) -> str:
    """The same for equal records, in this process and the test's (dataclass repr)."""
    return hashlib.sha256(repr(record).encode("utf-8")).hexdigest()[:16]


class SaveReport(QObject):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(controller)
        self._controller = controller
        controller.changed.connect(self._report)

    def _report(self, change: Change) -> None:
        session_file = self._controller.session_file
        action = change.origin.value
        lines = []
        if change.session:
            info = session_file.session()
            lines.append(f"saved session {action} {info.id} {info.updated_at} {fingerprint(info)}")
        for kind, ids in change.ids.items():
            for entity_id in sorted(ids):
                record = session_file.get(kind, entity_id)
                stamp = getattr(record, "updated_at", None)
                lines.append(
                    f"saved {kind.value} {action} {entity_id} {stamp} {fingerprint(record)}"
                )
        if change.state:
            lines.append(f"saved state {action} {' '.join(sorted(change.state))}")
        sys.stdout.write("".join(line + "\n" for line in lines))
        sys.stdout.flush()
