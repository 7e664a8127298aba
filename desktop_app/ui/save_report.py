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

from desktop_app.core.model import Kind
from desktop_app.storage.session_file import Change
from desktop_app.ui.controller import SessionController

REPORT_SAVES = "TAFELRONDE_REPORT_SAVES"
_KINDS = {kind.value: kind for kind in Kind}


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
        lines = []
        if change.kind == "session":
            info = session_file.session()
            lines.append(
                f"saved session {change.action} {info.id} {info.updated_at} {fingerprint(info)}"
            )
        elif change.kind in _KINDS:
            for entity_id in change.ids:
                record = session_file.get(_KINDS[change.kind], entity_id)
                stamp = getattr(record, "updated_at", None)
                lines.append(
                    f"saved {change.kind} {change.action} {entity_id} {stamp} {fingerprint(record)}"
                )
        else:
            lines.append(f"saved {change.kind} {change.action} {' '.join(change.ids)}")
        sys.stdout.write("".join(line + "\n" for line in lines))
        sys.stdout.flush()
