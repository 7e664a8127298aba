"""Cells that no text typed in the room can break.

Every piece of text goes through :func:`safe_text` and is written by a
:class:`RowWriter` as a string cell (``t="inlineStr"``), never a formula:

- a value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return also
  gets Excel's quote prefix, so it stays text when someone edits the cell;
- characters that Excel (XML 1.0) cannot hold are removed instead of crashing;
- line breaks become ``\\n`` (a carriage return would not survive the XML anyway);
- text over Excel's limit of 32,767 characters is cut with a visible marker.

Styles are named styles made once per workbook; every cell refers to one of a
handful of style ids, so writing a big session costs little more than the values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from desktop_app.core import labels

# Excel's limit, counted in UTF-16 code units (an emoji counts two).
EXCEL_MAX_TEXT = 32_767
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
TRUNCATED = {lang: labels.pick(labels.CELL["truncated"], lang) for lang in labels.LANGUAGES}

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


class RowWriter:
    """Writes the XML of a sheet's rows (``<row>`` elements of ``<sheetData>``).

    Text is always an inline string (``t="inlineStr"``), never a formula, and
    gets the quote-prefix style when it starts like one. Numbers and dates are
    plain values with a shared number format. This is what openpyxl writes for
    the same cells, minus its per-cell objects, which made the export several
    times slower than the data needs.
    """

    def __init__(self, lang: str, style_ids: dict[str, int], column_count: int) -> None:
        self.lang = lang
        self._ids = style_ids
        self._letters = [get_column_letter(i) for i in range(1, column_count + 1)]
        self._texts: dict[tuple[str, str], str] = {}

    def text_xml(self, reference: str, value: str, style: str = "text") -> str:
        key = (value, style)
        tail = self._texts.get(key)
        if tail is None:  # names and questions repeat on every row: clean each once
            text = safe_text(value, self.lang)
            if not text:  # nothing Excel can hold is left: an empty cell
                self._texts[key] = ""
                return ""
            if needs_quote_prefix(text):
                style = "header_quoted" if style == "header" else "quoted"
            tail = (
                f'" s="{self._ids[style]}" t="inlineStr"><is>'
                f'<t xml:space="preserve">{escape(text)}</t></is></c>'
            )
            self._texts[key] = tail
        return f'<c r="{reference}{tail}' if tail else ""

    def row_xml(
        self,
        row_index: int,
        values: Sequence[object],
        kinds: Sequence[str],
        *,
        header: bool = False,
    ) -> str:
        ids = self._ids
        parts = [f'<row r="{row_index}">']
        for letter, value, kind in zip(self._letters, values, kinds, strict=True):
            if value is None:
                continue
            reference = f"{letter}{row_index}"
            if isinstance(value, str):
                parts.append(self.text_xml(reference, value, "header" if header else "text"))
            elif isinstance(value, bool):  # bool is an int, but never meant as one here
                parts.append(self.text_xml(reference, str(value)))
            elif isinstance(value, int | float):
                style = ids["percent" if kind == PERCENT else "number"]
                parts.append(f'<c r="{reference}" s="{style}"><v>{value!r}</v></c>')
            elif isinstance(value, datetime):
                serial = to_excel(value)
                parts.append(f'<c r="{reference}" s="{ids["datetime"]}"><v>{serial!r}</v></c>')
            elif isinstance(value, date):
                serial = to_excel(value)
                parts.append(f'<c r="{reference}" s="{ids["date"]}"><v>{serial!r}</v></c>')
            else:
                parts.append(self.text_xml(reference, str(value)))
        parts.append("</row>")
        return "".join(parts)


def make_styles(workbook: Any, lang: str) -> dict[str, int]:
    """Register the workbook's named styles; return the cell style id of each kind of cell."""
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    name = labels.words(labels.CELL_STYLE, lang)
    named = {
        "text": NamedStyle(name["text"], alignment=wrapped),
        "header": NamedStyle(name["header"], font=Font(bold=True), alignment=wrapped),
        "number": NamedStyle(name["number"], alignment=top, number_format="0"),
        "percent": NamedStyle(name["percent"], alignment=top, number_format="0.0%"),
        "date": NamedStyle(name["date"], alignment=top, number_format=DATE_FORMATS[lang]),
        "datetime": NamedStyle(
            name["datetime"], alignment=top, number_format=DATETIME_FORMATS[lang]
        ),
    }
    host = _StyleHost(workbook)
    ids: dict[str, int] = {}
    for key, style in named.items():
        workbook.add_named_style(style)
        ids[key] = _style_id(host, style.name, quote_prefix=False)
        if key in ("text", "header"):
            # Stays text when someone edits the cell in Excel.
            quoted = _style_id(host, style.name, quote_prefix=True)
            ids["quoted" if key == "text" else "header_quoted"] = quoted
    return ids


def _style_id(host: _StyleHost, name: str, *, quote_prefix: bool) -> int:
    # A fresh cell each time: the workbook keeps the very style array it is given.
    template = Cell(host, row=1, column=1)
    template.style = name
    if quote_prefix:
        template.quotePrefix = True
    return int(template.style_id)


class _StyleHost:
    """Just enough of a worksheet for a template cell to find the workbook's styles."""

    def __init__(self, workbook: Any) -> None:
        self.parent = workbook
