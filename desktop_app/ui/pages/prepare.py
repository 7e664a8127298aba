"""Phase page: Voorbereiden (placeholder until it is built)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.base import PlaceholderPage


class PreparePage(PlaceholderPage):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, QCoreApplication.translate("PreparePage", "Voorbereiden"), QCoreApplication.translate("PreparePage", "Hier komen de sessiegegevens, doelgroepen, tafels en rondes."), parent)
