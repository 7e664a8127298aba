"""Printable ballot cards (issue 16): one QR code per card, one one-time anonymous token.

For people without a phone. A card holds a random token (printed as text
too) and no name, number or order that could tie it to a person: the
session file keeps only the token's hash among the cards that may vote
(``ops.room.issue_ballot_cards``). Whoever helps, scans the card (or types
its code under "Stemkaart invoeren" on the room page) and enters the dots;
the card counts once. Fonts: DejaVu Sans from matplotlib's data folder, as
the harvest report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import matplotlib
from fpdf import FPDF

from desktop_app.core import labels
from desktop_app.export.qr import qr_png
from desktop_app.storage.atomic import atomic_target

FAMILY = "DejaVu"
COLUMNS, ROWS = 2, 4  # cards per A4 page: 8, cut along the grey lines
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 10.0

# The card's words, from the one catalogue (lang -> key -> text).
TEXT = {lang: labels.words(labels.BALLOT_CARD, lang) for lang in labels.LANGUAGES}


def card_payload(token: str, room_url: str | None) -> str:
    """What a card's QR code holds: the room page with the card, or the bare code."""
    if room_url:
        return f"{room_url.rstrip('/')}/room#card={token}"
    return token


def build_ballot_cards(
    tokens: Sequence[str], *, title: str, lang: str = "nl", room_url: str | None = None
) -> bytes:
    """The PDF (bytes): ``len(tokens)`` cards, eight to an A4 page."""
    t = TEXT["en" if lang == "en" else "nl"]
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creator("Tafelronde")
    pdf.set_title(t["card"])
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdf.add_font(FAMILY, "", str(folder / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(folder / "DejaVuSans-Bold.ttf"))
    card_w = (PAGE_W - 2 * MARGIN) / COLUMNS
    card_h = (PAGE_H - 2 * MARGIN) / ROWS
    per_page = COLUMNS * ROWS
    for index, token in enumerate(tokens):
        if index % per_page == 0:
            pdf.add_page()
        slot = index % per_page
        x = MARGIN + (slot % COLUMNS) * card_w
        y = MARGIN + (slot // COLUMNS) * card_h
        pdf.set_draw_color(170, 170, 170)
        pdf.set_line_width(0.2)
        pdf.rect(x, y, card_w, card_h)
        pad = 5.0
        qr_side = card_h - 2 * pad - 12
        pdf.image(
            io.BytesIO(qr_png(card_payload(token, room_url), scale=8, border=2)),
            x=x + pad,
            y=y + pad,
            w=qr_side,
            h=qr_side,
        )
        text_x = x + pad + qr_side + 4
        text_w = card_w - (text_x - x) - pad
        pdf.set_text_color(20, 20, 20)
        pdf.set_xy(text_x, y + pad)
        pdf.set_font(FAMILY, "B", 14)
        pdf.multi_cell(text_w, 6, t["card"], align="L")
        pdf.set_x(text_x)
        pdf.set_font(FAMILY, "", 8)
        pdf.multi_cell(text_w, 3.6, title[:80], align="L")
        pdf.ln(1)
        pdf.set_x(text_x)
        pdf.multi_cell(text_w, 3.6, t["how"], align="L")
        pdf.set_xy(x + pad, y + card_h - pad - 7)
        pdf.set_font(FAMILY, "B", 11)
        pdf.cell(card_w - 2 * pad, 7, t["code"].format(token=token))
    return bytes(pdf.output())


def write_ballot_cards(
    target: Path,
    tokens: Sequence[str],
    *,
    title: str,
    lang: str = "nl",
    room_url: str | None = None,
) -> None:
    """Write the cards PDF to ``target`` (beside it first, then renamed into place)."""
    data = build_ballot_cards(tokens, title=title, lang=lang, room_url=room_url)
    with atomic_target(target) as temporary:
        Path(temporary).write_bytes(data)
