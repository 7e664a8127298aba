"""Cells that no text typed in the room can break.

Every piece of text goes through :func:`safe_text` and is written by a
:class:`CellWriter` as a string cell (``t="inlineStr"``), never a formula:

- a value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return also
  gets Excel's quote prefix, so it stays text when someone edits the cell;
- characters that Excel (XML 1.0) cannot hold are removed instead of crashing;
- line breaks become ``\\n`` (a carriage return would not survive the XML anyway);
- text over Excel's limit of 32,767 characters is cut with a visible marker.

Styles are made once per workbook and shared by every cell (one style array per
kind of cell), so writing a big session costs little more than plain values.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, NamedStyle

# Excel's limit, counted in UTF-16 code units (an emoji counts two).
EXCEL_MAX_TEXT = 32_767
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
TRUNCATED = {"nl": "… [afgekapt]", "en": "… [truncated]"}

# Besides openpyxl's list: lone surrogates and the two non-characters XML refuses.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?")


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def safe_text(value: str, lang: str = "nl") -> str:
    """``value`` as Excel can hold it: illegal characters out, cut at the limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    text = _NOT_XML.sub("", text)
    if "\r" in text:
        text = _LINE_BREAKS.sub("\n", text)
    if len(text) > EXCEL_MAX_TEXT // 2 and _utf16_length(text) > EXCEL_MAX_TEXT:
        marker = TRUNCATED.get(lang, TRUNCATED["en"])
        keep = (EXCEL_MAX_TEXT - _utf16_length(marker)) * 2
        # Cutting the UTF-16 bytes may split a surrogate pair; "ignore" drops the half.
        head = text.encode("utf-16-le")[:keep].decode("utf-16-le", "ignore")
        text = head + marker
    return text


def needs_quote_prefix(value: str) -> bool:
    """True when Excel would read ``value`` as a formula once someone edits the cell."""
    return value.startswith(FORMULA_LEADS)


def header_text(value: str) -> str:
    """A table column name: one line, no control characters, at most 255 characters."""
    text = " ".join(safe_text(value).split())
    return text[:255]


def unique_headers(names: list[str], fallback: str) -> list[str]:
    """Table column names must be unique (ignoring case) and not empty."""
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        base = header_text(name) or fallback
        candidate = base
        counter = 2
        while candidate.casefold() in seen:
            candidate = f"{base} ({counter})"
            counter += 1
        seen.add(candidate.casefold())
        result.append(candidate)
    return result


# Number formats: dates as the session's language writes them.
DATE_FORMATS = {"nl": "dd-mm-yyyy", "en": "yyyy-mm-dd"}
DATETIME_FORMATS = {"nl": "dd-mm-yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}

NUMBER = "number"
PERCENT = "percent"
TEXT = "text"


class CellWriter:
    """Makes the cells of one write-only worksheet, sharing a few styles."""

    def __init__(self, worksheet: Any, lang: str, styles: dict[str, Any]) -> None:
        self.worksheet = worksheet
        self.lang = lang
        self._styles = styles

    def text(self, value: str) -> Cell:
        text = safe_text(value, self.lang)
        style = self._styles["quoted" if needs_quote_prefix(text) else "text"]
        cell = Cell(self.worksheet, row=1, column=1, style_array=style)
        cell._value = text
        cell.data_type = "s"  # a string, whatever it starts with
        return cell

    def header(self, value: str) -> Cell:
        cell = self.text(value)
        cell._style = self._styles["header_quoted" if needs_quote_prefix(value) else "header"]
        return cell

    def value(self, value: object, kind: str = NUMBER) -> Cell | None:
        """A cell for any value: text stays text, numbers and dates keep their type."""
        if value is None:
            return None
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bool):  # bool is an int; never meant here
            return self.text(str(value))
        if isinstance(value, datetime):
            return self._plain(value, "d", "datetime")
        if isinstance(value, date):
            return self._plain(value, "d", "date")
        if isinstance(value, int | float):
            return self._plain(value, "n", "percent" if kind == PERCENT else "number")
        return self.text(str(value))

    def _plain(self, value: object, data_type: str, style: str) -> Cell:
        cell = Cell(self.worksheet, row=1, column=1, style_array=self._styles[style])
        cell._value = value
        cell.data_type = data_type
        return cell


def make_styles(workbook: Any, lang: str) -> dict[str, Any]:
    """Register the workbook's named styles; return one style array per kind of cell."""
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    named = {
        "text": NamedStyle("Tafelronde tekst", alignment=wrapped),
        "header": NamedStyle("Tafelronde kop", font=Font(bold=True), alignment=wrapped),
        "number": NamedStyle("Tafelronde getal", alignment=top, number_format="0"),
        "percent": NamedStyle("Tafelronde aandeel", alignment=top, number_format="0.0%"),
        "date": NamedStyle("Tafelronde datum", alignment=top, number_format=DATE_FORMATS[lang]),
        "datetime": NamedStyle(
            "Tafelronde tijdstip", alignment=top, number_format=DATETIME_FORMATS[lang]
        ),
    }
    styles: dict[str, Any] = {}
    for key, style in named.items():
        workbook.add_named_style(style)
        template = Cell(None, row=1, column=1)
        template.parent = _StyleHost(workbook)
        template.style = style.name
        styles[key] = template._style
        if key in ("text", "header"):
            quoted = Cell(None, row=1, column=1)
            quoted.parent = _StyleHost(workbook)
            quoted.style = style.name
            quoted.quotePrefix = True
            styles["quoted" if key == "text" else "header_quoted"] = quoted._style
    return styles


class _StyleHost:
    """Just enough of a worksheet for a template cell to look its styles up."""

    def __init__(self, workbook: Any) -> None:
        self.parent = workbook
