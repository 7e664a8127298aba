"""Assemble the console: the six phases and their pages."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.main_window import ConsoleWindow, PageFactory
from desktop_app.ui.settings import Settings

if TYPE_CHECKING:
    from desktop_app.ui.controller import SessionController
    from desktop_app.ui.pages.base import Page


def _page(module: str, name: str) -> PageFactory:
    """A factory that imports its page module only when the page is first shown.

    Charts (matplotlib) and suggestions load when their phase is opened, not at start.
    """

    def build(controller: SessionController) -> Page:
        page_type = getattr(importlib.import_module(f"desktop_app.ui.pages.{module}"), name)
        page: Page = page_type(controller)
        return page

    return build


def phases() -> list[tuple[str, str, PageFactory]]:
    """(numbered title, icon, page factory) for the six phases, in order."""

    return [
        (
            QCoreApplication.translate("Phases", "1  Voorbereiden"),
            "clipboard-list",
            _page("prepare", "PreparePage"),
        ),
        (
            QCoreApplication.translate("Phases", "2  Rondes"),
            "message-square-text",
            _page("rounds", "RoundsPage"),
        ),
        (
            QCoreApplication.translate("Phases", "3  Clusteren"),
            "group",
            _page("themes", "ThemesPage"),
        ),
        (QCoreApplication.translate("Phases", "4  Stemmen"), "vote", _page("vote", "VotePage")),
        (
            QCoreApplication.translate("Phases", "5  Actieplan"),
            "list-todo",
            _page("action_plan", "ActionPlanPage"),
        ),
        (
            QCoreApplication.translate("Phases", "6  Oogst"),
            "wheat",
            _page("harvest", "HarvestPage"),
        ),
    ]


def build_console_window(
    settings: Settings, language: str, *, opening: str | None = None, beamer: bool = True
) -> ConsoleWindow:
    """The console, with its beamer unless ``beamer`` is False (then attach it later
    with :func:`attach_beamer_to`). ``opening``: see :class:`ConsoleWindow`."""
    window = ConsoleWindow(settings, phases(), language=language, opening=opening)
    if beamer:
        attach_beamer_to(window, settings)
    return window


def attach_beamer_to(window: ConsoleWindow, settings: Settings) -> None:
    from desktop_app.ui.beamer import attach_beamer

    beamer = attach_beamer(window, settings)
    window.beamer = beamer
    # "Klaar voor de zaal?" before the room sees the beamer.
    beamer.window.before_show = lambda show: (
        window.readiness_gate().before("beamer", show) if window.controller is not None else show()
    )
