"""Why an operation refused, in Dutch and English (the pattern of core/errors.py)."""

from __future__ import annotations

from desktop_app.core.errors import UserError
from desktop_app.core.labels import OPERATION, Text

# code -> (Dutch, English): in the one catalogue, desktop_app/core/labels.py.
OPERATION_MESSAGES: dict[str, Text] = OPERATION


class OperationError(UserError):
    """An operation refused; nothing was changed."""

    def message(self, lang: str = "nl") -> str:
        if self.code not in OPERATION_MESSAGES:
            return super().message(lang)
        nl, en = OPERATION_MESSAGES[self.code]
        return (en if lang == "en" else nl).format(**self.params)
