"""The harvest report (oogstverslag): an A4 PDF for participants and management.

In the session's language (Dutch unless it says English): the session, its
purpose and questions, the themes with their proposals, the proposals left
outside a theme, the voting result as a chart, the action plan, the
impact/effort matrix and what happens next. Every text the room typed is
printed exactly as typed: nothing is read as markup, an ``=`` at the start is
just a character, and long texts wrap.

Fonts: DejaVu Sans from matplotlib's own data folder, so the report looks the
same from a source checkout, on Windows and in a frozen build. Characters
DejaVu lacks (colour emoji, CJK) are drawn by matplotlib's bundled Last Resort
font as a placeholder box naming the character's block; the text layer keeps
the real character, so copying or searching the PDF still finds it. Arabic and
Hebrew are ordered right to left (fpdf2's bidi); full shaping would need
uharfbuzz, which is optional.

No Qt: the CLI writes this on a machine without a display.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Final

import matplotlib
from fpdf import FPDF, FontFace, XPos, YPos
from fpdf.drawing_primitives import color_from_hex_string
from fpdf.enums import Align, TableBordersLayout, TableCellFillMode, VAlign
from matplotlib.figure import Figure
from PIL import Image

from desktop_app.core import labels
from desktop_app.core.action_plan import QUADRANTS, quadrant_name, quadrant_of
from desktop_app.core.model import Intervention, SessionSnapshot, Theme
from desktop_app.core.privacy import without_names
from desktop_app.core.ranking import RankedItem, ranking_of
from desktop_app.export.charts import impact_effort_figure, results_figure, scored
from desktop_app.storage.atomic import atomic_target

# Kept in step with desktop_app/ui/palette.py by hand: export must not import ui/.
ACCENT: Final = "#1F6F78"
ACCENT_DARK: Final = "#14545B"
ACCENT_LIGHT: Final = "#E1EFEF"
TEXT: Final = "#2A2724"
MUTED: Final = "#6B655D"
BORDER: Final = "#DAD4CB"
ROW_TINT: Final = "#F7F5F1"

CHART_DPI: Final = 200
REPORT_CHART_ROWS: Final = 18  # rows of the vote chart that still fit one A4 page

CARD_LABEL_WIDTH: Final = 42.0
HEADING_HEIGHT: Final = 24.0  # a section heading with the space around it, in mm
MARGIN_SIDE: Final = 22.0
MARGIN_TOP: Final = 24.0
MARGIN_BOTTOM: Final = 22.0

FAMILY: Final = "dejavu"
FALLBACK_FAMILY: Final = "lastresort"
PAGE_ALIAS: Final = "{nb}"

# Every word of the report is in the one catalogue, desktop_app/core/labels.py;
# these are its sections in each language (lang -> key -> text).
MONTHS: Final[dict[str, tuple[str, ...]]] = {
    lang: tuple(labels.words(labels.MONTH, lang).values()) for lang in labels.LANGUAGES
}
STATUS_NAMES: Final = {lang: labels.words(labels.STATUS, lang) for lang in labels.LANGUAGES}
PERIODICITY_NAMES: Final = {
    lang: labels.words(labels.PERIODICITY, lang) for lang in labels.LANGUAGES
}
TEXTS: Final = {lang: labels.words(labels.REPORT, lang) for lang in labels.LANGUAGES}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _lang(snapshot: SessionSnapshot) -> str:
    lang = snapshot.session.lang
    return lang if lang in TEXTS else "nl"


def format_date(value: str | None, lang: str = "nl") -> str:
    """An ISO date as people write it: ``12 maart 2027`` / ``12 March 2027``.

    Anything that is not an ISO date (a typed "na de zomer") is returned as is.
    """
    if not value:
        return ""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    months = MONTHS.get(lang, MONTHS["nl"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _printable(text: str) -> str:
    """The text as typed, with only layout control characters made printable.

    Tabs become spaces and CR LF a line break; other control characters (which
    no font can draw) are dropped. Every visible character stays.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


# --------------------------------------------------------------------------- fonts


def _font_dir() -> Path:
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


FONT_FILES: Final[dict[str, str]] = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
}
FALLBACK_FILE: Final = "LastResortHE-Regular.ttf"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))


def _missing_code_points(snapshot: SessionSnapshot, covered: frozenset[int]) -> list[int]:
    used = {ord(ch) for text in _strings(snapshot) for ch in _printable(text)}
    return sorted(cp for cp in used if cp not in covered and cp > 0x20)


# --------------------------------------------------------------------------- document


class _Document(FPDF):
    """FPDF with the report's header, footer and a few layout helpers."""

    def __init__(self, header_title: str, lang: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.header_title = header_title
        self.t = TEXTS[lang]
        # The page-count alias is switched on only while the footer is drawn,
        # so a proposal that happens to contain "{nb}" is printed as typed.
        self.str_alias_nb_pages = None  # type: ignore[assignment]  # fpdf2: None disables it
        self.set_margins(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(11)
        self.set_font(FAMILY, "", 8.5)
        self.set_text_color(MUTED)
        self.cell(self.epw, 5, _fit(self, self.header_title, self.epw), align=Align.L)
        self.set_draw_color(ACCENT)
        self.set_line_width(0.4)
        self.line(self.l_margin, 17, self.w - self.r_margin, 17)
        self.set_y(MARGIN_TOP)
        self.set_text_color(TEXT)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_draw_color(BORDER)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y() - 1.5, self.w - self.r_margin, self.get_y() - 1.5)
        self.set_font(FAMILY, "", 8.5)
        self.set_text_color(MUTED)
        self.cell(self.epw * 0.7, 5, _fit(self, self.header_title, self.epw * 0.68), align=Align.L)
        previous = self.str_alias_nb_pages
        self.alias_nb_pages(PAGE_ALIAS)
        self.cell(
            self.epw * 0.3,
            5,
            self.t["page"].format(page=self.page_no(), total=PAGE_ALIAS),
            align=Align.R,
        )
        self.str_alias_nb_pages = previous
        self.set_text_color(TEXT)

    def finish(self) -> bytes:
        """The PDF; the page-count alias is on from here so fpdf2 fills it in."""
        self.alias_nb_pages(PAGE_ALIAS)
        try:
            return bytes(self.output())
        finally:
            self.close_fonts()

    def close_fonts(self) -> None:
        """Close the font files fpdf2 keeps open (it reads them lazily)."""
        for font in self.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.close()

    # -- helpers

    def space_left(self) -> float:
        return self.page_break_trigger - self.get_y()

    def ensure_space(self, needed: float) -> None:
        """Start a new page unless ``needed`` mm still fit on this one."""
        if self.space_left() < needed:
            self.add_page()

    def paragraph(
        self,
        text: str,
        *,
        size: float = 10.5,
        style: str = "",
        colour: str = TEXT,
        line_height: float | None = None,
        indent: float = 0.0,
        after: float = 2.0,
    ) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent,
            line_height or size * 0.5,
            _printable(text),
            align=Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(after)
        self.set_text_color(TEXT)

    def heading(self, text: str, *, new_page: bool = False) -> None:
        if new_page and self.get_y() > MARGIN_TOP + 1:
            self.add_page()
        else:
            self.ensure_space(45)
            self.ln(4)
        self.set_font(FAMILY, "B", 17)
        self.set_text_color(ACCENT)
        self.multi_cell(
            self.epw, 8.5, _printable(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_draw_color(ACCENT)
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y() + 1, self.l_margin + 18, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(TEXT)

    def subheading(self, text: str, *, size: float = 12.5, colour: str = ACCENT_DARK) -> None:
        self.ensure_space(25)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(colour)
        self.multi_cell(
            self.epw,
            size * 0.52,
            _printable(text),
            align=Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(1)
        self.set_text_color(TEXT)

    def bullet(self, text: str, meta: str | None = None, *, indent: float = 6.0) -> None:
        """One proposal: a bullet, the text as typed, then a muted origin note."""
        self.ensure_space(8)
        y = self.get_y()
        self.set_font(FAMILY, "B", 10.5)
        self.set_text_color(ACCENT)
        self.set_xy(self.l_margin + 1, y)
        self.cell(indent - 1, 5.4, "•")
        self.set_text_color(TEXT)
        self.set_font(FAMILY, "", 10.5)
        with _left_margin(self, self.l_margin + indent):
            self.set_xy(self.l_margin, y)
            self.write(5.4, _printable(text))
            if meta:
                self.set_font(FAMILY, "", 8.5)
                self.set_text_color(MUTED)
                self.write(5.4, f"   {meta}")
            self.ln(5.4)
        self.set_text_color(TEXT)
        self.ln(1.2)

    def text_height(
        self, text: str, width: float, size: float, style: str, line_height: float
    ) -> float:
        """How tall ``text`` will be as a multi_cell of ``width`` mm."""
        self.set_font(FAMILY, style, size)
        lines = self.multi_cell(width, line_height, _printable(text), dry_run=True, output="LINES")
        assert isinstance(lines, list)
        return line_height * max(1, len(lines))

    def figure_section(
        self, title: str, intro: str, fig: Figure, *, width: float | None = None
    ) -> None:
        """A heading, a short intro and a figure, kept together on one page.

        The figure is embedded as a 200 dpi PNG, scaled to ``width`` mm (the
        text width by default) and shrunk if it would not fit one page.
        """
        fig_w, fig_h = (float(v) for v in fig.get_size_inches())
        width = width or self.epw
        height = width * fig_h / fig_w
        intro_height = self.text_height(intro, self.epw, 10, "", 5.2) + 4
        room = self.page_break_trigger - MARGIN_TOP - HEADING_HEIGHT - intro_height - 3
        if height > room:
            width, height = width * room / height, room
        needed = HEADING_HEIGHT + intro_height + height + 3
        self.heading(title, new_page=self.space_left() < needed)
        self.paragraph(intro, size=10, colour=MUTED, line_height=5.2, after=4)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=CHART_DPI, facecolor="white")
        buffer.seek(0)
        # Opaque RGB: no alpha mask, so viewers show the figure's white as paper white.
        with Image.open(buffer) as png:
            picture = png.convert("RGB")
        x = self.l_margin + (self.epw - width) / 2
        self.image(picture, x=x, y=self.get_y(), w=width, h=height)
        self.set_y(self.get_y() + height + 3)


@contextmanager
def _left_margin(pdf: FPDF, margin: float) -> Iterator[None]:
    previous = pdf.l_margin
    pdf.set_left_margin(margin)
    try:
        yield
    finally:
        pdf.set_left_margin(previous)


OVERVIEW_LINES = 4
"""Lines of a title or owner in the action plan's overview table."""


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """One line of ``text`` that fits ``width`` mm, ending in an ellipsis if cut."""
    flat = " ".join(_printable(text).split())
    if pdf.get_string_width(flat) <= width:
        return flat
    low, high = 0, len(flat)
    while low < high:
        middle = (low + high + 1) // 2
        if pdf.get_string_width(flat[:middle].rstrip() + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return flat[:low].rstrip() + "…"


def _clip_lines(pdf: FPDF, text: str, width: float, lines: int) -> str:
    """``text`` cut to at most ``lines`` lines of ``width`` mm in the current font, with "…"."""
    flat = _printable(text)
    # Far more characters than the lines can hold never need measuring.
    flat = flat[: max(40, int(lines * width / 0.8))]
    wrapped = pdf.multi_cell(width, 5, flat, dry_run=True, output="LINES")
    assert isinstance(wrapped, list)
    if len(wrapped) <= lines and len(flat) == len(_printable(text)):
        return flat
    kept = [str(line) for line in wrapped[:lines]]
    kept[-1] = _fit(pdf, kept[-1].rstrip() + "…", width)
    return "\n".join(kept)


# --------------------------------------------------------------------------- report


def _owned(owner: str | None, t: dict[str, str]) -> str:
    return owner if owner else t["unknown"]


class _Report:
    def __init__(self, snapshot: SessionSnapshot, *, names: bool = True) -> None:
        self.names = names
        if not names:
            snapshot = without_names(snapshot)
        self.s = snapshot
        self.lang = _lang(snapshot)
        self.t = TEXTS[self.lang]
        self.pdf = _Document(snapshot.session.title, self.lang)
        self.pdf.set_title(snapshot.session.title)
        self.pdf.set_lang(self.lang)
        self.pdf.set_creator("Tafelronde")
        self.pdf.set_subject(self.t["kind"].capitalize())
        if snapshot.session.organisation:
            self.pdf.set_author(snapshot.session.organisation)
        self._add_fonts()
        self.tables = {t.id: t for t in snapshot.tables}
        self.rounds = {r.id: r for r in snapshot.rounds}
        self.groups = {g.id: g for g in snapshot.target_groups}
        self.proposals = {p.id: p for p in snapshot.live_proposals()}
        self.ranking = ranking_of(snapshot)
        self.ranks: dict[str, RankedItem] = {item.item_id: item for item in self.ranking}
        self.interventions = snapshot.live_interventions()

    def _add_fonts(self) -> None:
        folder = _font_dir()
        for style, name in FONT_FILES.items():
            self.pdf.add_font(FAMILY, style, str(folder / name))
        cmaps = [set(font.cmap) for font in self.pdf.fonts.values() if hasattr(font, "cmap")]
        missing = _missing_code_points(self.s, frozenset(set.intersection(*cmaps)))
        if missing and (folder / FALLBACK_FILE).is_file():  # bundled with matplotlib 3.11+
            # Only the code points in use: Last Resort maps all of Unicode and
            # loading its whole table would take seconds.
            self.pdf.add_font(
                FALLBACK_FAMILY, "", str(folder / FALLBACK_FILE), unicode_range=missing
            )
            self.pdf.set_fallback_fonts([FALLBACK_FAMILY], exact_match=False)
        self.pdf.set_font(FAMILY, "", 10.5)

    # -- sections

    def build(self) -> _Document:
        self.pdf.add_page()
        self.title_block()
        self.questions()
        self.context()
        self.themes()
        self.unclustered()
        self.results()
        self.action_plan()
        self.matrix()
        self.next_steps()
        return self.pdf

    def title_block(self) -> None:
        pdf, info, t = self.pdf, self.s.session, self.t
        pdf.set_y(MARGIN_TOP + 6)
        pdf.set_fill_color(ACCENT)
        pdf.rect(pdf.l_margin, pdf.get_y(), 18, 1.6, style="F")
        pdf.set_fill_color("#FFFFFF")
        pdf.ln(5)
        pdf.paragraph(t["kind"], size=9.5, style="B", colour=ACCENT, after=2)
        pdf.paragraph(info.title, size=24, style="B", colour=TEXT, line_height=11, after=2)
        if info.organisation:
            pdf.paragraph(info.organisation, size=14, colour=MUTED, line_height=7, after=6)
        facts: list[tuple[str, str]] = []
        if info.date:
            facts.append((t["date"], format_date(info.date, self.lang)))
        if info.location:
            facts.append((t["location"], info.location))
        groups = self.s.live_target_groups()
        if groups:
            names = ", ".join(g.name for g in groups)
            total = sum(g.participants or 0 for g in groups)
            if total:
                names += " (" + t["participants"].format(count=total) + ")"
            facts.append((t["groups"], names))
        dots = sum(v.dots for v in self.s.live_votes())
        facts.append(
            (
                t["in_numbers"],
                t["numbers"].format(
                    tables=len(self.s.live_tables()),
                    proposals=len(self.proposals),
                    themes=len(self.s.live_themes()),
                    dots=dots,
                ),
            )
        )
        if not self.names:
            facts.append((t["names"], t["names_left_out"]))
        self._facts(facts)
        if info.purpose:
            pdf.ln(4)
            pdf.subheading(t["purpose"])
            pdf.paragraph(info.purpose, size=11, line_height=6)

    def _facts(self, facts: list[tuple[str, str]]) -> None:
        pdf = self.pdf
        label_w = 38.0
        pdf.set_draw_color(BORDER)
        pdf.set_line_width(0.2)
        for label, value in facts:
            pdf.ensure_space(10)
            y = pdf.get_y()
            pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
            pdf.set_xy(pdf.l_margin, y + 2)
            pdf.set_font(FAMILY, "B", 9.5)
            pdf.set_text_color(MUTED)
            pdf.cell(label_w, 5.4, label)
            pdf.set_font(FAMILY, "", 10.5)
            pdf.set_text_color(TEXT)
            pdf.multi_cell(
                pdf.epw - label_w,
                5.4,
                _printable(value),
                align=Align.L,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            pdf.ln(2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(3)

    def questions(self) -> None:
        rounds = self.s.live_rounds()
        if not rounds:
            return
        pdf, t = self.pdf, self.t
        pdf.ln(3)
        pdf.subheading(t["questions"])
        for rnd in rounds:
            label = t["round"].format(number=rnd.number)
            if rnd.minutes:
                label += " · " + t["minutes"].format(minutes=rnd.minutes)
            pdf.ensure_space(16)
            pdf.paragraph(label, size=9, style="B", colour=MUTED, after=0.5)
            pdf.paragraph(rnd.question, size=11, line_height=5.8, after=3)

    def context(self) -> None:
        items = self.s.live_context_items()
        if not items:
            return
        pdf, t = self.pdf, self.t
        pdf.ln(3)
        pdf.subheading(t["context"])
        for item in items:
            pdf.ensure_space(14)
            label = t.get("context_" + item.kind)
            if label:
                pdf.paragraph(label, size=9, style="B", colour=MUTED, after=0.5)
            pdf.paragraph(item.title, size=10.5, style="B", line_height=5.4, after=0.5)
            if item.text:
                pdf.paragraph(item.text, size=10, line_height=5.2, after=2.5)

    def _proposal_meta(self, proposal_id: str) -> str:
        proposal = self.proposals[proposal_id]
        table = self.tables.get(proposal.table_id)
        rnd = self.rounds.get(proposal.round_id)
        return self.t["proposal_meta"].format(
            table=table.name if table else "?",
            round=rnd.number if rnd else "?",
        )

    def _proposal(self, proposal_id: str) -> None:
        proposal = self.proposals[proposal_id]
        self.pdf.bullet(proposal.text, self._proposal_meta(proposal_id))
        if proposal.details:
            self.pdf.paragraph(
                proposal.details, size=9.5, colour=MUTED, line_height=5, indent=6, after=1.5
            )

    def _ordered_themes(self) -> list[Theme]:
        themes = self.s.live_themes()
        if self.s.session.votes_on != "cluster":
            return themes
        order = {item.item_id: i for i, item in enumerate(self.ranking)}
        return sorted(themes, key=lambda theme: order.get(theme.id, len(order)))

    def themes(self) -> None:
        pdf, t = self.pdf, self.t
        pdf.heading(t["themes"])
        pdf.paragraph(t["themes_intro"], size=10, colour=MUTED, line_height=5.2, after=4)
        themes = self._ordered_themes()
        if not themes:
            pdf.paragraph(t["no_themes"])
            return
        for theme in themes:
            members = [pid for pid in theme.proposal_ids if pid in self.proposals]
            pdf.ensure_space(30)
            pdf.ln(2)
            pdf.subheading(theme.name)
            ranked = self.ranks.get(theme.id) if self.s.session.votes_on == "cluster" else None
            if ranked is not None and any(item.total for item in self.ranking):
                meta = t["theme_meta"].format(
                    rank=ranked.rank, dots=ranked.total, count=len(members)
                )
            else:
                meta = t["theme_meta_plain"].format(count=len(members))
            pdf.paragraph(meta, size=9, colour=MUTED, after=1.5)
            if theme.description:
                pdf.paragraph(
                    theme.description, size=10, style="I", colour=TEXT, line_height=5.2, after=2
                )
            for pid in members:
                self._proposal(pid)
            pdf.ln(2)

    def unclustered(self) -> None:
        placed = self.s.theme_of()
        loose = [pid for pid in self.proposals if pid not in placed]
        if not loose:
            return
        pdf, t = self.pdf, self.t
        pdf.heading(t["unclustered"])
        pdf.paragraph(t["unclustered_intro"], size=10, colour=MUTED, line_height=5.2, after=4)
        for pid in loose:
            self._proposal(pid)

    def results(self) -> None:
        pdf, t, info = self.pdf, self.t, self.s.session
        if info.dots_per_participant and info.max_dots_per_item:
            key = (
                "results_intro_proposal" if info.votes_on == "proposal" else "results_intro_cluster"
            )
            intro = t[key].format(dots=info.dots_per_participant, max=info.max_dots_per_item)
        else:
            intro = t["results_intro_plain"]
        fig = results_figure(self.s, lang=self.lang, max_items=REPORT_CHART_ROWS)
        pdf.figure_section(t["results"], intro, fig)

    def action_plan(self) -> None:
        pdf, t = self.pdf, self.t
        pdf.heading(t["plan"], new_page=True)
        if not self.interventions:
            pdf.paragraph(t["no_plan"])
            return
        pdf.paragraph(t["plan_intro"], size=10, colour=MUTED, line_height=5.2, after=4)
        pdf.set_font(FAMILY, "", 9.5)
        pdf.set_draw_color(BORDER)
        pdf.set_line_width(0.2)
        keys = ["col_number", "col_title", "col_owner", "col_follow_up", "col_status"]
        widths = [8, 58, 44, 30, 26]
        if not self.names:
            keys.remove("col_owner")
            widths = [8, 102, 30, 26]
        with pdf.table(
            col_widths=tuple(widths),
            width=pdf.epw,
            align=Align.L,
            text_align=(Align.R, *(Align.L for _ in keys[1:])),
            v_align=VAlign.T,
            line_height=5,
            padding=(1.8, 1.5, 1.8, 1.5),
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            cell_fill_color=color_from_hex_string(ROW_TINT),
            cell_fill_mode=TableCellFillMode.EVEN_ROWS,
            headings_style=FontFace(
                emphasis="BOLD", color=ACCENT_DARK, fill_color=ACCENT_LIGHT, size_pt=9
            ),
        ) as table:
            head = table.row()
            for key in keys:
                head.cell(t[key])
            # A table row cannot be split over pages: the overview shows at most a few
            # lines of a long title or owner; the card below gives them in full.
            for number, iv in enumerate(self.interventions, start=1):
                row = table.row()
                row.cell(f"{number}.")
                pdf.set_font(FAMILY, "B", 9.5)
                row.cell(
                    _clip_lines(pdf, iv.title, widths[1] - 3.6, OVERVIEW_LINES),
                    style=FontFace(emphasis="BOLD"),
                )
                if self.names:
                    pdf.set_font(FAMILY, "", 9.5)
                    row.cell(_clip_lines(pdf, _owned(iv.owner, t), widths[2] - 3.6, OVERVIEW_LINES))
                row.cell(format_date(iv.follow_up, self.lang) or t["unknown"])
                row.cell(self._status(iv.status))
        pdf.ln(6)
        for number, iv in enumerate(self.interventions, start=1):
            self._intervention_card(number, iv)

    def _status(self, status: str | None) -> str:
        if not status:
            return "–"
        return STATUS_NAMES[self.lang].get(status, status)

    def _intervention_card(self, number: int, iv: Intervention) -> None:
        pdf = self.pdf
        title = f"{number}. {iv.title}"
        facts = self._card_fact_list(iv)
        height = pdf.text_height(title, pdf.epw, 12.5, "B", 12.5 * 0.52) + 4
        if iv.description:
            height += pdf.text_height(iv.description, pdf.epw, 10.5, "", 5.4) + 2
        for label, value in facts:
            label_h = pdf.text_height(label, CARD_LABEL_WIDTH - 3, 9, "B", 5)
            value_h = pdf.text_height(value, pdf.epw - CARD_LABEL_WIDTH, 10, "", 5)
            height += max(label_h, value_h) + 0.8
        # Keep a card on one page when it fits one; a longer one starts where it is.
        pdf.ensure_space(height if height < pdf.page_break_trigger - MARGIN_TOP else 40)
        pdf.ln(2)
        pdf.subheading(title)
        if iv.description:
            pdf.paragraph(iv.description, size=10.5, line_height=5.4, after=2)
        self._card_facts(facts)
        pdf.ln(3)

    def _card_fact_list(self, iv: Intervention) -> list[tuple[str, str]]:
        t = self.t
        facts: list[tuple[str, str]] = [(t["owner"], _owned(iv.owner, t))] if self.names else []
        groups = [self.groups[g].name for g in iv.target_group_ids if g in self.groups]
        if groups:
            facts.append((t["for_whom"], ", ".join(groups)))
        if iv.periodicity:
            facts.append(
                (t["periodicity"], PERIODICITY_NAMES[self.lang].get(iv.periodicity, iv.periodicity))
            )
        if iv.location:
            facts.append((t["where"], iv.location))
        if iv.start:
            facts.append((t["start"], format_date(iv.start, self.lang)))
        facts.append((t["follow_up"], format_date(iv.follow_up, self.lang) or t["unknown"]))
        if iv.status:
            facts.append((t["status"], self._status(iv.status)))
        if scored(iv):
            assert iv.impact is not None and iv.effort is not None
            quadrant = quadrant_name(quadrant_of(iv.impact, iv.effort), self.lang)
            facts.append(
                (
                    t["scores"],
                    t["scores_value"].format(impact=iv.impact, effort=iv.effort, quadrant=quadrant),
                )
            )
        if iv.value_for_employee:
            facts.append((t["employee"], iv.value_for_employee))
        if iv.value_for_organisation:
            facts.append((t["organisation_value"], iv.value_for_organisation))
        theme = next((th for th in self.s.live_themes() if th.id == iv.cluster_id), None)
        if theme is not None:
            ranked = self.ranks.get(theme.id)
            value = theme.name
            if ranked is not None and self.s.session.votes_on == "cluster":
                value = t["source_value"].format(name=theme.name, dots=ranked.total)
            facts.append((t["source"], value))
        return facts

    def _card_facts(self, facts: list[tuple[str, str]]) -> None:
        """Label/value rows; a row starts a new page rather than being split from its label."""
        pdf = self.pdf
        label_w = CARD_LABEL_WIDTH
        for label, value in facts:
            pdf.set_font(FAMILY, "B", 9)
            label_lines = pdf.multi_cell(label_w - 3, 5, label, dry_run=True, output="LINES")
            assert isinstance(label_lines, list)
            pdf.ensure_space(5 * min(len(label_lines), 3) + 1)
            y, page = pdf.get_y(), pdf.page_no()
            pdf.set_text_color(MUTED)
            pdf.set_xy(pdf.l_margin, y)
            pdf.multi_cell(
                label_w - 3, 5, label, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            label_bottom = pdf.get_y()
            pdf.set_xy(pdf.l_margin + label_w, y)
            pdf.set_font(FAMILY, "", 10)
            pdf.set_text_color(TEXT)
            pdf.multi_cell(
                pdf.epw - label_w,
                5,
                _printable(value),
                align=Align.L,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            if pdf.page_no() == page and pdf.get_y() < label_bottom:
                pdf.set_y(label_bottom)
            pdf.ln(0.8)

    def matrix(self) -> None:
        if not self.interventions:
            return
        pdf, t = self.pdf, self.t
        # Smaller than the chart's default, so its key stays legible at text width.
        fig = Figure(figsize=(6.6, 4.4), facecolor="white")
        impact_effort_figure(self.interventions, figure=fig, lang=self.lang)
        pdf.figure_section(t["matrix"], t["matrix_intro"], fig, width=158)
        counts = {q: 0 for q in QUADRANTS}
        for iv in self.interventions:
            if scored(iv):
                assert iv.impact is not None and iv.effort is not None
                counts[quadrant_of(iv.impact, iv.effort)] += 1
        summary = " · ".join(f"{quadrant_name(q, self.lang)}: {n}" for q, n in counts.items())
        pdf.paragraph(summary, size=9.5, colour=MUTED, after=2)

    def next_steps(self) -> None:
        pdf, t = self.pdf, self.t
        dated = sorted(
            (iv for iv in self.interventions if iv.follow_up),
            key=lambda iv: (_sortable_date(iv.follow_up), iv.title),
        )
        items = [
            (
                t["next_item"].format(date=format_date(iv.follow_up, self.lang), title=iv.title),
                t["next_owner"].format(owner=_owned(iv.owner, t)) if self.names else "",
            )
            for iv in dated
        ]
        height = 30 + pdf.text_height(t["next_closing"], pdf.epw, 10.5, "", 5.4)
        height += pdf.text_height(
            t["next_intro"] if items else t["next_none"], pdf.epw, 10.5, "", 5.4
        )
        for what, who in items:
            height += pdf.text_height(what, pdf.epw, 10.5, "B", 5.2)
            height += (pdf.text_height(who, pdf.epw, 10, "", 5) if who else 0) + 2.2
        # The whole section on one page when it fits one.
        fits_a_page = height < pdf.page_break_trigger - MARGIN_TOP
        pdf.heading(t["next"], new_page=fits_a_page and pdf.space_left() < height)
        if items:
            pdf.paragraph(t["next_intro"], size=10.5, line_height=5.4, after=3)
            for what, who in items:
                pdf.ensure_space(12)
                pdf.paragraph(what, size=10.5, style="B", line_height=5.2, after=0 if who else 2.2)
                if who:
                    pdf.paragraph(who, size=10, colour=MUTED, line_height=5, after=2.2)
        else:
            pdf.paragraph(t["next_none"], size=10.5, line_height=5.4, after=3)
        pdf.ln(2)
        pdf.ensure_space(24)
        pdf.paragraph(t["next_closing"], size=10.5, line_height=5.4)


def _sortable_date(value: str | None) -> str:
    return value or "9999"


def build_report(snapshot: SessionSnapshot, *, names: bool = True) -> bytes:
    """The report as PDF bytes; ``names=False`` leaves out table hosts and owners."""
    return _Report(snapshot, names=names).build().finish()


def write_report(snapshot: SessionSnapshot, target: Path, *, names: bool = True) -> None:
    """Write the harvest report of ``snapshot`` to ``target`` (A4 PDF), atomically.

    Raises :class:`~desktop_app.core.errors.SessionFileError` when the target
    cannot be written; nothing is left behind then.
    """
    with atomic_target(target) as temporary:
        temporary.write_bytes(build_report(snapshot, names=names))
