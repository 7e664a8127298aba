"""The beamer's join slide: scan the QR code (or type the short address and the code).

Shown whenever the facilitator pins it ("Zaal online" > "Op de beamer", or
the beamer panel's view arrows): the room's QR code, its short URL, the join
code and, when the facilitator entered the venue's Wi-Fi, a second QR code
that puts a phone on that network. Nothing else of the session.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap

from desktop_app.export.qr import qr_png, wifi_payload
from desktop_app.ui.beamer.base import HCENTER_TOP, BeamerView
from desktop_app.ui.beamer.sizing import Drawing, Scale, TextBlock, fit_size, font, text_height


@dataclass(frozen=True, slots=True)
class JoinInfo:
    """What the join slide shows while the room is online."""

    url: str  # the short address, typed by hand: http://192.168.1.20:8080
    join_url: str  # what the QR code holds: the address with the join code
    join_code: str
    wifi_name: str = ""
    wifi_password: str = ""


def _pixmap(data: str) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(data, scale=12, border=2), "PNG")
    return pixmap


class JoinView(BeamerView):
    name = "join"

    def __init__(self, stage: object) -> None:
        super().__init__(stage)  # type: ignore[arg-type]
        self.info: JoinInfo | None = None
        self._join_qr = QPixmap()
        self._wifi_qr = QPixmap()
        self._qr_rects: list[tuple[QRectF, QPixmap]] = []

    def set_info(self, info: JoinInfo | None) -> None:
        """The room started (its address and code) or stopped (None)."""
        if info == self.info:
            return
        self.info = info
        self._join_qr = _pixmap(info.join_url) if info else QPixmap()
        self._wifi_qr = (
            _pixmap(wifi_payload(info.wifi_name, info.wifi_password))
            if info and info.wifi_name
            else QPixmap()
        )
        self.invalidate()

    def build(self, scale: Scale) -> Drawing:
        drawing = Drawing()
        self._qr_rects = []
        info = self.info
        if info is None:
            area = self.header(drawing, scale, self.tr("Meedoen met je telefoon"))
            self.empty(
                drawing,
                scale,
                area,
                self.tr("De zaal is niet online. Start haar via Sessie > Zaal online…"),
            )
            return drawing
        area = self.header(drawing, scale, self.tr("Doe mee met je telefoon"))
        wifi = not self._wifi_qr.isNull()
        columns = 2 if wifi else 1
        gap = scale.gap * 4
        column_width = (area.width() - gap * (columns - 1)) / columns
        text_room = scale.height * 0.26
        side = max(1.0, min(column_width * 0.8, area.height() - text_room))
        panels: list[tuple[QPixmap, list[tuple[str, bool]]]] = []
        if wifi:
            lines = [(self.tr("1. Wifi: {name}").format(name=info.wifi_name), True)]
            if info.wifi_password:
                lines.append(
                    (self.tr("wachtwoord: {password}").format(password=info.wifi_password), False)
                )
            panels.append((self._wifi_qr, lines))
        step = self.tr("2. Scan en doe mee") if wifi else self.tr("Scan en doe mee")
        panels.append(
            (
                self._join_qr,
                [
                    (step, True),
                    (info.url, True),
                    (self.tr("code: {code}").format(code=info.join_code), True),
                ],
            )
        )
        for index, (pixmap, lines) in enumerate(panels):
            x = area.left() + index * (column_width + gap)
            rect = QRectF(x + (column_width - side) / 2, area.top(), side, side)
            self._qr_rects.append((rect, pixmap))
            y = rect.bottom() + scale.gap * 2
            for text, key in lines:
                box = QRectF(x, y, column_width, scale.height / 10)
                largest = scale.height / (14 if key else 20)
                size = fit_size(text, box, largest, scale.key, bold=key) or scale.key
                f = font(size, bold=key)
                h = text_height(text, f, column_width)
                colour = self.theme.accent if key else self.theme.text
                drawing.add_text(
                    TextBlock(
                        QRectF(x, y, column_width, h),
                        text,
                        f,
                        colour,
                        align=HCENTER_TOP,
                        key=True,
                        name="join",
                    )
                )
                y += h + scale.gap
        return drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._qr_rects:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for rect, pixmap in self._qr_rects:
            # A white quiet zone around the code also on the dark theme.
            painter.fillRect(rect.adjusted(-8, -8, 8, 8), Qt.GlobalColor.white)
            painter.drawPixmap(rect.toRect(), pixmap)
        painter.end()
