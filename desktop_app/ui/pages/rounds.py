"""Phase page: Rondes (for now the read-only overview of rounds, tables and proposals)."""

from __future__ import annotations

from desktop_app.ui.pages.overview import OverviewPage


class RoundsPage(OverviewPage):
    pass
