"""Errors the user can do something about, with their message in Dutch and English.

Following qutebrowser's split: these are caused by the environment or the input
(a foreign file, a full disk, a file open elsewhere) and are shown to the user
as one clear sentence. Anything else is a bug and is allowed to surface as one.
The CLI prints :meth:`UserError.message`; the GUI shows it in a message bar.
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.labels import ERROR, REASON, Text

# code -> (Dutch, English), placeholders in str.format names. The texts live in the
# one catalogue, desktop_app/core/labels.py (ERROR and REASON); a message written
# here in the old style (``"code": ("Nederlands", "English"),``) moves there as is.
MESSAGES: dict[str, Text] = ERROR

# Reasons inside messages ({reason}) that come from our own checks.
REASONS: dict[str, Text] = REASON


def reason(code: str, lang: str = "nl", **params: Any) -> str:
    nl, en = REASONS[code]
    return (en if lang == "en" else nl).format(**params)


class UserError(Exception):
    """An error the user caused or can fix; carries a message in both languages."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "nl") -> str:
        nl, en = MESSAGES[self.code]
        params = {
            key: (value.text(lang) if isinstance(value, Reason) else value)
            for key, value in self.params.items()
        }
        return (en if lang == "en" else nl).format(**params)


class Reason:
    """A reason inside a message, rendered in the message's language."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params

    def text(self, lang: str) -> str:
        return reason(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.text("en")


class SessionFileError(UserError):
    """The session file cannot be opened or written as asked."""


class DamagedFileError(SessionFileError):
    """The session file is damaged; it was not changed (the console offers a backup)."""


class ExchangeError(UserError):
    """An exchange file is refused; nothing was imported."""

    def __init__(self, code: str, pointer: str = "", **params: Any) -> None:
        self.pointer = pointer
        super().__init__(code, pointer=pointer or "/", **params)


class ValidationError(UserError):
    """A value the user typed breaks a rule (shown next to the field)."""
