"""QR codes (segno) for the room: the join link, the venue's Wi-Fi, ballot cards. No Qt.

The GUI turns the PNG bytes into a pixmap; the ballot-card PDF embeds them.
"""

from __future__ import annotations

import io


def qr_png(data: str, *, scale: int = 10, border: int = 4, dark: str = "#000000") -> bytes:
    """A QR code as PNG bytes, error correction M (readable from the back of a room)."""
    import segno  # here: the beamer's join slide is built at start-up, segno only when shown

    code = segno.make(data, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=border, dark=dark, light="#ffffff")
    return buffer.getvalue()


def _escape_wifi(value: str) -> str:
    for char in ("\\", ";", ",", '"', ":"):
        value = value.replace(char, "\\" + char)
    return value


def wifi_payload(ssid: str, password: str = "") -> str:
    """The text phones read from a Wi-Fi QR code (``WIFI:T:WPA;S:…;P:…;;``)."""
    if not password:
        return f"WIFI:T:nopass;S:{_escape_wifi(ssid)};;"
    return f"WIFI:T:WPA;S:{_escape_wifi(ssid)};P:{_escape_wifi(password)};;"
