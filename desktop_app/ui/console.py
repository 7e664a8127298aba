"""Assemble the console: the six phases and their pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.main_window import ConsoleWindow, PageFactory
from desktop_app.ui.pages.action_plan import ActionPlanPage
from desktop_app.ui.pages.cluster import ClusterPage
from desktop_app.ui.pages.harvest import HarvestPage
from desktop_app.ui.pages.prepare import PreparePage
from desktop_app.ui.pages.rounds import RoundsPage
from desktop_app.ui.pages.vote import VotePage
from desktop_app.ui.settings import Settings


def phases() -> list[tuple[str, str, PageFactory]]:
    """(numbered title, icon, page factory) for the six phases, in order."""

    def t(text: str) -> str:
        return QCoreApplication.translate("Phases", text)

    return [
        (t("1  Voorbereiden"), "clipboard-list", PreparePage),
        (t("2  Rondes"), "message-square-text", RoundsPage),
        (t("3  Clusteren"), "group", ClusterPage),
        (t("4  Stemmen"), "vote", VotePage),
        (t("5  Actieplan"), "list-todo", ActionPlanPage),
        (t("6  Oogst"), "wheat", HarvestPage),
    ]


def build_console_window(settings: Settings, language: str) -> ConsoleWindow:
    from desktop_app.ui.beamer import attach_beamer

    window = ConsoleWindow(settings, phases(), language=language)
    window.beamer = attach_beamer(window, settings)  # type: ignore[attr-defined]
    return window
