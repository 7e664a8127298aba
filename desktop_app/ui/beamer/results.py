"""The results: a ranked bar chart (matplotlib), only after the facilitator reveals.

The chart is ``export.charts.results_figure`` drawn on this view's own Figure in
a ``FigureCanvasQTAgg``. Its text sizes are in points; the figure's dpi is set
from the screen height (``CHART_DPI_FRACTION``) so that its smallest text is
above 1/60 of the screen height at every resolution, and the number of rows
shown is what fits. Before the reveal the figure is cleared and the canvas
hidden: nothing of the result is drawn anywhere, the thumbnail included.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QRectF

from desktop_app.core import run_state
from desktop_app.core.ranking import ranking_of, vote_items
from desktop_app.ui.beamer.base import HCENTER_TOP, BeamerView
from desktop_app.ui.beamer.sizing import Drawing, Scale, TextBlock, fit_size, font, text_height

# dpi = fraction x screen height: results_figure's smallest text (8 pt) is then
# 8/72 x 0.17 H = H/53, its labels (9.5 pt) H/45, ranks (11 pt) H/38.
CHART_DPI_FRACTION = 0.17
CHART_MARGIN_INCHES = 0.65  # results_figure's bottom + top margin
RESULT_ROW_INCHES = 0.52  # export.charts.RESULT_ROW_INCHES; a test keeps them equal


class ResultsView(BeamerView):
    name = "results"

    def __init__(self, stage: Any) -> None:
        super().__init__(stage)
        # matplotlib loads with the first revealed result, not with the app.
        self.figure: Any = None
        self.canvas: Any = None
        self.chart_rect = QRectF()
        self.rows = 0
        self._applying = False

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure()
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setParent(self)
        self.canvas.hide()
        self.canvas.mpl_connect("resize_event", lambda _event: self._apply_dpi())

    def revealed(self) -> bool:
        return bool(self.stage.state(run_state.RESULTS_REVEALED, False))

    def refresh(self) -> None:
        super().refresh()
        self._place_chart()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_chart()

    def chart_dpi(self) -> float:
        return max(40.0, CHART_DPI_FRACTION * self.scale().height)

    def _apply_dpi(self) -> None:
        if self._applying or self.canvas is None:
            return
        self._applying = True
        try:
            ratio = self.canvas.device_pixel_ratio or 1.0
            dpi = self.chart_dpi() * ratio
            if abs(self.figure.dpi - dpi) > 1e-6:
                self.figure.set_dpi(dpi)
            w = max(1, self.canvas.width()) * ratio / dpi
            h = max(1, self.canvas.height()) * ratio / dpi
            self.figure.set_size_inches(w, h, forward=False)
        finally:
            self._applying = False

    def _place_chart(self) -> None:
        self.drawing()  # lays out and computes chart_rect
        if not self.revealed() or self.chart_rect.isEmpty():
            if self.canvas is not None:
                self.figure.clear()
                self.canvas.hide()
            return
        from desktop_app.export.charts import results_figure

        self._ensure_canvas()
        rect = self.chart_rect.toRect()
        if self.canvas.geometry() != rect:
            self.canvas.setGeometry(rect)
        self._apply_dpi()
        height_in = rect.height() / self.chart_dpi()
        self.rows = max(2, math.floor((height_in - CHART_MARGIN_INCHES) / RESULT_ROW_INCHES) - 1)
        results_figure(
            self.stage.snapshot(),
            figure=self.figure,
            lang=self.stage.language(),
            max_items=self.rows,
        )
        self.canvas.show()
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def build(self, scale: Scale) -> Drawing:
        drawing = Drawing()
        rect = self.header(drawing, scale, self.tr("Uitslag van de stemming"))
        self.chart_rect = QRectF()
        if not self.revealed():
            self.empty(
                drawing, scale, rect, self.tr("De uitslag volgt zodra alle stemmen geteld zijn.")
            )
            return drawing
        snapshot = self.stage.snapshot()
        ranking = ranking_of(snapshot)
        if not ranking or sum(item.total for item in ranking) == 0:
            self.empty(drawing, scale, rect, self.tr("Er zijn nog geen stemmen uitgebracht."))
            return drawing
        labels = dict(vote_items(snapshot))
        winners = [labels.get(item.item_id, "") for item in ranking if item.rank == 1]
        if len(winners) == 1:
            line = self.tr("Op 1: {name}").format(name=winners[0])
        else:
            line = self.tr("Gedeeld op 1: {names}").format(names=", ".join(winners))
        box = QRectF(rect.x(), rect.y(), rect.width(), scale.key * 2.8)
        size = fit_size(line, box, scale.height / 18, scale.key, bold=True) or scale.key
        f = font(size, bold=True)
        h = min(box.height(), text_height(line, f, rect.width()))
        if text_height(line, f, rect.width()) <= box.height():
            drawing.add_text(
                TextBlock(
                    QRectF(rect.x(), rect.y(), rect.width(), h),
                    line,
                    f,
                    self.theme.text,
                    align=HCENTER_TOP,
                    key=True,
                    name="winner",
                )
            )
        else:
            h = 0
        top = rect.y() + h + scale.gap
        self.chart_rect = QRectF(rect.x(), top, rect.width(), rect.bottom() - top)
        return drawing
