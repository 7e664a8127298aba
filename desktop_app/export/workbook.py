"""The HR workbook: the whole session as an Excel file that HR can work with.

Five sheets in the session's language (Session, Proposals, Themes, Votes,
Action plan), each a real Excel table with a filter, a frozen header row,
fitted columns and wrapped text; dates as dates, numbers as numbers. Themes
carry a native bar chart of their totals; the action plan a drop-down for the
status. Text goes through :mod:`desktop_app.export.cells`, so no cell the
user's text reaches is a formula. A target group with fewer voters than the
privacy floor never shows its own numbers: the hidden groups appear only
together ("other groups"), never by row, column, position or ballot.

openpyxl (write-only) writes the workbook's parts; the rows are streamed as
XML by :mod:`desktop_app.export.cells`. The file is written beside the target,
then renamed into place.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from desktop_app import __version__
from desktop_app.core import labels
from desktop_app.core.model import (
    PERIODICITIES,
    STATUSES,
    Intervention,
    Proposal,
    SessionSnapshot,
    Vote,
)
from desktop_app.core.privacy import unordered_ids, without_names
from desktop_app.core.ranking import shared_ranks, vote_totals
from desktop_app.core.timestamps import parse_instant
from desktop_app.core.voting import compute_results, group_of_vote
from desktop_app.export.cells import (
    NUMBER,
    PERCENT,
    TEXT,
    RowWriter,
    header_text,
    make_styles,
    unique_headers,
)
from desktop_app.storage.atomic import atomic_target

# ---------------------------------------------------------------- language

# Every word of the workbook is in the one catalogue, desktop_app/core/labels.py;
# these are its sections in each language (lang -> key -> text).
SHEET_NAMES = {lang: labels.words(labels.SHEET, lang) for lang in labels.LANGUAGES}
TABLE_NAMES = {lang: labels.words(labels.TABLE_NAME, lang) for lang in labels.LANGUAGES}
WORDS: dict[str, dict[str, str]] = {
    lang: labels.words(labels.WORKBOOK, lang) for lang in labels.LANGUAGES
}
STATUS_LABELS = {lang: labels.words(labels.STATUS, lang) for lang in labels.LANGUAGES}
PERIODICITY_LABELS = {lang: labels.words(labels.PERIODICITY, lang) for lang in labels.LANGUAGES}

assert all(set(labels) == set(STATUSES) for labels in STATUS_LABELS.values())
assert all(set(labels) == set(PERIODICITIES) for labels in PERIODICITY_LABELS.values())

TABLE_STYLE = "TableStyleMedium2"
# Column widths in characters: never narrower than MIN, long text wraps at MAX.
MIN_WIDTH = 8
MAX_WIDTH = 60
DATE_WIDTH = 12
DATETIME_WIDTH = 17
# The status drop-down also covers rows HR adds below the table.
VALIDATION_ROWS = 500


# ---------------------------------------------------------------- sheet data


@dataclass
class Column:
    """A column: header, how numbers show (NUMBER or PERCENT), and whether it is long text."""

    header: str
    kind: str = TEXT
    wide: bool = False


@dataclass
class SheetData:
    """One sheet as plain values, before any cell is made."""

    key: str
    columns: list[Column]
    rows: list[list[Any]]
    # Called with the worksheet and the sheet after the rows are written (chart, validation).
    finish: Callable[[Any, SheetData, str], None] | None = None


@dataclass
class Figures:
    """Totals and ranks, computed once and shared by the sheets."""

    theme_totals: dict[str, int]
    theme_ranks: dict[str, int]
    theme_order: list[str]  # live theme ids in rank order (ties in display order)
    theme_groups: dict[str, dict[str | None, int]]
    proposal_totals: dict[str, int]
    proposal_ranks: dict[str, int]
    counted_votes: list[Vote]  # live votes on live items
    dots_cast: int


def _figures(snapshot: SessionSnapshot) -> Figures:
    themes = snapshot.live_themes()
    theme_ids = [t.id for t in themes]
    live_proposals = snapshot.live_proposals()
    proposal_ids = [p.id for p in live_proposals]
    on_proposals = snapshot.session.votes_on == "proposal"
    items = set(proposal_ids) if on_proposals else set(theme_ids)
    counted = [v for v in snapshot.votes if not v.deleted and v.item_id in items]

    proposal_totals = vote_totals(counted, proposal_ids) if on_proposals else {}
    proposal_ranks = (
        {r.item_id: r.rank for r in shared_ranks(proposal_totals, order=proposal_ids)}
        if on_proposals
        else {}
    )
    # A vote counts for a theme directly, or (voting on proposals) through its proposal.
    theme_of_item: dict[str, str] = {tid: tid for tid in theme_ids}
    if on_proposals:
        theme_of_item = snapshot.theme_of()
    theme_totals = dict.fromkeys(theme_ids, 0)
    theme_groups: dict[str, dict[str | None, int]] = {tid: {} for tid in theme_ids}
    table_groups = {t.id: t.target_group_id for t in snapshot.tables}
    for vote in counted:
        theme_id = theme_of_item.get(vote.item_id)
        if theme_id is None:
            continue
        theme_totals[theme_id] += vote.dots
        groups = theme_groups[theme_id]
        # The same rule as the console: a table's tally counts for the table's group.
        group_id = group_of_vote(vote, table_groups)
        groups[group_id] = groups.get(group_id, 0) + vote.dots
    ranked = shared_ranks(theme_totals, order=theme_ids)
    return Figures(
        theme_totals=theme_totals,
        theme_ranks={r.item_id: r.rank for r in ranked},
        theme_order=[r.item_id for r in ranked],
        theme_groups=theme_groups,
        proposal_totals=proposal_totals,
        proposal_ranks=proposal_ranks,
        counted_votes=counted,
        dots_cast=sum(v.dots for v in counted),
    )


def _date(value: str | None) -> date | str | None:
    """A calendar date as an Excel date; anything else stays text."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def _local(moment: datetime) -> datetime:
    """Excel has no time zones: the moment in this computer's local time."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


def _instant(value: str | None) -> datetime | str | None:
    if not value:
        return None
    try:
        return _local(parse_instant(value))
    except ValueError:
        return value


class _Context:
    """Lookups shared by the sheet builders."""

    def __init__(self, snapshot: SessionSnapshot, exported_at: datetime, *, names: bool) -> None:
        self.names = names
        if not names:
            snapshot = without_names(snapshot)
        self.snapshot = snapshot
        self.lang = "en" if snapshot.session.lang == "en" else "nl"
        self.words = WORDS[self.lang]
        self.exported_at = _local(exported_at)
        self.figures = _figures(snapshot)
        self.floor = snapshot.privacy_floor
        self.groups = {g.id: g for g in snapshot.target_groups}
        self.tables = {t.id: t for t in snapshot.tables}
        self.rounds = {r.id: r for r in snapshot.rounds}
        self.themes = {t.id: t for t in snapshot.themes}
        self.proposals = {p.id: p for p in snapshot.proposals}
        self.live_groups = snapshot.live_target_groups()
        self._table_groups = {t.id: t.target_group_id for t in snapshot.tables}
        self._live_group_ids = {g.id for g in self.live_groups}
        # Exactly what the console shows: the groups with enough voters on their own,
        # and the others only together (never one of them by name, row or column).
        self.results = compute_results(snapshot)
        self.shown_groups = [g.group_id for g in self.results.shown_groups]
        self.breakdown = bool(self.shown_groups)

    def group_of(self, vote: Vote) -> str | None:
        """The live target group a vote counts for (a tally: its table's), or None."""
        group_id = group_of_vote(vote, self._table_groups)
        return group_id if group_id in self._live_group_ids else None

    def group_name(self, group_id: str | None) -> str | None:
        group = self.groups.get(group_id) if group_id else None
        return group.name if group is not None else None


# ---------------------------------------------------------------- sheets


def _session_sheet(ctx: _Context) -> SheetData:
    w = ctx.words
    s = ctx.snapshot
    info = s.session
    live_groups = ctx.live_groups
    participants = [g.participants for g in live_groups if g.participants is not None]
    total_participants = sum(participants) if participants else None
    handed_out = (
        total_participants * info.dots_per_participant
        if total_participants is not None and info.dots_per_participant is not None
        else None
    )
    ballots = {v.ballot_id for v in ctx.figures.counted_votes if v.ballot_id is not None}
    rows: list[list[Any]] = [
        [w["title"], info.title],
        [w["organisation"], info.organisation],
        [w["date"], _date(info.date)],
        [w["location"], info.location],
        [w["purpose"], info.purpose],
        [w["dots_per_participant"], info.dots_per_participant],
        [w["max_dots_per_item"], info.max_dots_per_item],
        [w["votes_on"], w["on_proposal"] if info.votes_on == "proposal" else w["on_cluster"]],
        [w["privacy_floor"], ctx.floor],
    ]
    others = ctx.results.others
    if others is not None and ctx.breakdown:
        together = list(others.names) + ([w["no_group"]] if others.no_group else [])
        rows.append([w["combined_groups"], ", ".join(together)])
    elif others is not None and others.names and ctx.figures.dots_cast:
        rows.append([w["breakdown"], w["breakdown_none"]])
    if not ctx.names:
        rows.append([w["names"], w["names_left_out"]])
    rows += [[w["participants_of"].format(name=g.name), g.participants] for g in live_groups]
    rows += [
        [w["participants_total"], total_participants],
        [w["target_groups"], len(live_groups)],
        [w["tables"], len(s.live_tables())],
        [w["rounds"], len(s.live_rounds())],
        [w["proposals"], len(s.live_proposals())],
        [w["themes"], len(s.live_themes())],
        [w["interventions"], len(s.live_interventions())],
        [w["dots_handed_out"], handed_out],
        [w["dots_cast"], ctx.figures.dots_cast],
        [w["ballots"], len(ballots)],
        *_channel_rows(ctx),
        [w["exported_at"], ctx.exported_at.replace(microsecond=0)],
        [w["app_version"], __version__],
    ]
    return SheetData("session", [Column(w["item"]), Column(w["value"], wide=True)], rows)


def _channel_rows(ctx: _Context) -> list[list[Any]]:
    """How the counted dots came in: stickers, the kiosk, ballot cards, phones (issue 16).

    Totals over everyone, never per target group: no group too small for the
    privacy floor can be singled out by them.
    """
    w = ctx.words
    channels = ctx.snapshot.vote_channels
    found: dict[str, tuple[set[str], int]] = {}
    for vote in ctx.figures.counted_votes:
        channel = "sticker" if vote.ballot_id is None else channels.get(vote.id, "kiosk")
        who, dots = found.get(channel, (set(), 0))
        who.add(vote.ballot_id or vote.id)
        found[channel] = (who, dots + vote.dots)
    rows: list[list[Any]] = []
    for channel in ("sticker", "kiosk", "card", "phone"):
        who, dots = found.get(channel, (set(), 0))
        what = w["channel_cells"] if channel == "sticker" else w["channel_voters"]
        rows.append(
            [
                w["channel_row"].format(channel=w[f"channel_{channel}"]),
                w["channel_value"].format(voters=len(who), what=what, dots=dots),
            ]
        )
    return rows


def _proposal_sort_key(ctx: _Context) -> Callable[[tuple[int, Proposal]], tuple[int, int, int]]:
    table_position = {t.id: i for i, t in enumerate(ctx.snapshot.tables)}

    def key(entry: tuple[int, Proposal]) -> tuple[int, int, int]:
        index, proposal = entry
        round_ = ctx.rounds.get(proposal.round_id)
        return (
            round_.number if round_ is not None else 0,
            table_position.get(proposal.table_id, len(table_position)),
            index,
        )

    return key


def _proposals_sheet(ctx: _Context) -> SheetData:
    w = ctx.words
    fig = ctx.figures
    on_proposals = ctx.snapshot.session.votes_on == "proposal"
    theme_of = ctx.snapshot.theme_of()
    columns = [
        Column(w["round"], NUMBER),
        Column(w["round_question"], wide=True),
        Column(w["table"]),
        *([Column(w["host"])] if ctx.names else []),
        Column(w["target_group"]),
        Column(w["proposal"], wide=True),
        Column(w["details"], wide=True),
        Column(w["theme"]),
        Column(w["theme_dots"], NUMBER),
        Column(w["theme_rank"], NUMBER),
    ]
    if on_proposals:
        columns += [Column(w["proposal_dots"], NUMBER), Column(w["proposal_rank"], NUMBER)]
    columns.append(Column(w["entered_at"]))
    rows: list[list[Any]] = []
    entries = sorted(enumerate(ctx.snapshot.live_proposals()), key=_proposal_sort_key(ctx))
    for _, p in entries:
        round_ = ctx.rounds.get(p.round_id)
        table = ctx.tables.get(p.table_id)
        group_id = p.target_group_id or (table.target_group_id if table is not None else None)
        theme_id = theme_of.get(p.id)
        theme = ctx.themes.get(theme_id) if theme_id else None
        row: list[Any] = [
            round_.number if round_ is not None else None,
            round_.question if round_ is not None else None,
            table.name if table is not None else None,
            *([table.host if table is not None else None] if ctx.names else []),
            ctx.group_name(group_id),
            p.text,
            p.details,
            theme.name if theme is not None else None,
            fig.theme_totals.get(theme_id) if theme_id else None,
            fig.theme_ranks.get(theme_id) if theme_id else None,
        ]
        if on_proposals:
            row += [fig.proposal_totals.get(p.id), fig.proposal_ranks.get(p.id)]
        row.append(_instant(p.created_at))
        rows.append(row)
    return SheetData("proposals", columns, rows)


def _themes_sheet(ctx: _Context) -> SheetData:
    w = ctx.words
    fig = ctx.figures
    live_proposals = {p.id for p in ctx.snapshot.live_proposals()}
    shown = ctx.shown_groups
    others = ctx.breakdown and ctx.results.others is not None
    names = {g.id: g.name for g in ctx.live_groups}
    columns = [
        Column(w["name"]),
        Column(w["description"], wide=True),
        Column(w["proposal_count"], NUMBER),
        Column(w["total_dots"], NUMBER),
        Column(w["rank"], NUMBER),
    ]
    # A column per group shown on its own; the hidden groups only together, in one
    # column (their dots together are the total minus the shown groups anyway).
    columns += [Column(w["dots_of"].format(name=names.get(gid or "", "")), NUMBER) for gid in shown]
    if others:
        columns.append(Column(w["dots_others"], NUMBER))
    columns.append(Column(w["share"], PERCENT))
    rows: list[list[Any]] = []
    for theme_id in fig.theme_order:
        theme = ctx.themes[theme_id]
        groups = fig.theme_groups[theme_id]
        total = fig.theme_totals[theme_id]
        row: list[Any] = [
            theme.name,
            theme.description,
            sum(1 for pid in theme.proposal_ids if pid in live_proposals),
            total,
            fig.theme_ranks[theme_id],
        ]
        row += [groups.get(gid, 0) for gid in shown]
        if others:
            row.append(sum(dots for gid, dots in groups.items() if gid not in shown))
        row.append(total / fig.dots_cast if fig.dots_cast else 0.0)
        rows.append(row)
    return SheetData("themes", columns, rows, finish=_add_theme_chart)


def _votes_sheet(ctx: _Context) -> SheetData:
    """The votes as HR can check them, without a way to single out a small group.

    Groups shown on their own: their sticker tallies per item (a table's tally
    counts for its group; tables are not named, a table is a group smaller than
    the floor) and their ballots, numbered in an order from a hash of the
    ballot's id. The hidden groups: one "combined" row per item with their dots
    together, no ballots, no group names. No row follows the order of storing.
    """
    w = ctx.words
    item_ids = [item_id for item_id, _label in ctx.results.items]
    labels = dict(ctx.results.items)
    position = {item_id: index for index, item_id in enumerate(item_ids)}
    shown = ctx.shown_groups
    tallied: dict[tuple[str | None, str], int] = {}
    ballots: dict[str | None, dict[str, list[Vote]]] = {gid: {} for gid in shown}
    for vote in ctx.figures.counted_votes:
        group_id = ctx.group_of(vote)
        if group_id not in ballots:
            continue  # a hidden group: only in the combined rows
        if vote.ballot_id is None:
            key = (group_id, vote.item_id)
            tallied[key] = tallied.get(key, 0) + vote.dots
        else:
            ballots[group_id].setdefault(vote.ballot_id, []).append(vote)
    rows: list[list[Any]] = []
    number = 0
    for group_id in shown:
        name = ctx.group_name(group_id)
        for item_id in item_ids:
            dots = tallied.get((group_id, item_id), 0)
            if dots:
                rows.append([labels[item_id], w["stickers"], None, name, dots])
        for ballot_id in unordered_ids(ballots[group_id]):
            number += 1
            ballot = w["ballot_n"].format(n=number)
            for vote in sorted(ballots[group_id][ballot_id], key=lambda v: position[v.item_id]):
                rows.append([labels[vote.item_id], w["ballot"], ballot, name, vote.dots])
    others = ctx.results.others
    if others is not None:
        # With no group shown on its own, "other groups" would be everyone: the item's total.
        name = w["other_groups"] if shown else None
        for item_id in item_ids:
            dots = others.totals.get(item_id, 0)
            if dots:
                rows.append([labels[item_id], w["combined"], None, name, dots])
    columns = [
        Column(w["vote_item"], wide=True),
        Column(w["kind"]),
        Column(w["ballot"]),
        Column(w["target_group"]),
        Column(w["dots"], NUMBER),
    ]
    return SheetData("votes", columns, rows)


def _plan_order(ctx: _Context, interventions: Sequence[Intervention]) -> list[Intervention]:
    """Rank order of the source theme; without a (live) theme last; ties keep their order."""
    ranks = ctx.figures.theme_ranks
    unranked = len(ranks) + 1

    def key(entry: tuple[int, Intervention]) -> tuple[int, int]:
        index, intervention = entry
        return (ranks.get(intervention.cluster_id or "", unranked), index)

    return [i for _, i in sorted(enumerate(interventions), key=key)]


def _plan_sheet(ctx: _Context) -> SheetData:
    w = ctx.words
    statuses = STATUS_LABELS[ctx.lang]
    periodicities = PERIODICITY_LABELS[ctx.lang]
    rows: list[list[Any]] = []
    for item in _plan_order(ctx, ctx.snapshot.live_interventions()):
        theme = ctx.themes.get(item.cluster_id) if item.cluster_id else None
        theme_dots = (
            ctx.figures.theme_totals.get(theme.id)
            if theme is not None and not theme.deleted
            else None
        )
        groups = [name for gid in item.target_group_ids if (name := ctx.group_name(gid))]
        rows.append(
            [
                item.title,
                item.description,
                ", ".join(groups) if groups else None,
                periodicities.get(item.periodicity or "", item.periodicity),
                item.location,
                *([item.owner] if ctx.names else []),
                _date(item.start),
                _date(item.follow_up),
                statuses.get(item.status or "", item.status),
                item.impact,
                item.effort,
                item.value_for_employee,
                item.value_for_organisation,
                theme.name if theme is not None else None,
                theme_dots,
            ]
        )
    columns = [
        Column(w["intervention"]),
        Column(w["description"], wide=True),
        Column(w["target_groups_col"]),
        Column(w["periodicity"]),
        Column(w["location"]),
        *([Column(w["owner"])] if ctx.names else []),
        Column(w["start"]),
        Column(w["follow_up"]),
        Column(w["status"]),
        Column(w["impact"], NUMBER),
        Column(w["effort"], NUMBER),
        Column(w["value_for_employee"], wide=True),
        Column(w["value_for_organisation"], wide=True),
        Column(w["source_theme"]),
        Column(w["source_theme_dots"], NUMBER),
    ]
    return SheetData("plan", columns, rows, finish=_add_status_validation)


def _sheets(ctx: _Context) -> list[SheetData]:
    """The sheets in workbook order.

    Follow-up across cycles (issue 8) adds its sheet of earlier interventions
    here, after the action plan, built the same way from a SheetData.
    """
    sheets = [
        _session_sheet(ctx),
        _proposals_sheet(ctx),
        _themes_sheet(ctx),
        _votes_sheet(ctx),
        _plan_sheet(ctx),
    ]
    if ctx.snapshot.carried_over:
        sheets.append(_earlier_sheet(ctx))
    return sheets


def _earlier_sheet(ctx: _Context) -> SheetData:
    """Interventions taken over from the previous session, with their status then and now."""
    w = ctx.words
    statuses = STATUS_LABELS[ctx.lang]
    by_id = {item.id: item for item in ctx.snapshot.live_interventions()}
    rows: list[list[Any]] = []
    for carried in ctx.snapshot.carried_over:
        item = by_id.get(carried.intervention_id)
        if item is None:
            continue
        rows.append(
            [
                item.title,
                carried.source_session_title,
                _date(carried.source_session_date),
                statuses.get(carried.earlier_status or "", carried.earlier_status),
                statuses.get(item.status or "", item.status),
                *([item.owner] if ctx.names else []),
                _date(item.follow_up),
            ]
        )
    columns = [
        Column(w["intervention"]),
        Column(w["earlier_session"]),
        Column(w["earlier_date"]),
        Column(w["earlier_status"]),
        Column(w["current_status"]),
        *([Column(w["owner"])] if ctx.names else []),
        Column(w["follow_up"]),
    ]
    return SheetData("earlier", columns, rows)


# ---------------------------------------------------------------- extras


def _add_theme_chart(worksheet: Any, sheet: SheetData, lang: str) -> None:
    count = len(sheet.rows)
    if count == 0:
        return
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: long theme names stay readable
    chart.style = 10
    chart.title = WORDS[lang]["chart_title"]
    chart.legend = None
    total_col = 4  # the "dots" column
    data = Reference(worksheet, min_col=total_col, min_row=1, max_row=count + 1)
    names = Reference(worksheet, min_col=1, min_row=2, max_row=count + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(names)
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 on top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.width = 18
    chart.height = max(7.5, min(40.0, 1.0 + 0.8 * count))
    anchor = get_column_letter(len(sheet.columns) + 2) + "2"
    worksheet.add_chart(chart, anchor)


def _add_status_validation(worksheet: Any, sheet: SheetData, lang: str) -> None:
    labels = ",".join(STATUS_LABELS[lang][key] for key in STATUSES)
    headers = [column.header for column in sheet.columns]
    status_col = get_column_letter(headers.index(WORDS[lang]["status"]) + 1)
    last = max(len(sheet.rows) + 1, VALIDATION_ROWS)
    validation = DataValidation(
        type="list",
        formula1=f'"{labels}"',
        allow_blank=True,
        showDropDown=False,  # (sic) False shows the in-cell arrow
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle=WORDS[lang]["status"],
        prompt=WORDS[lang]["status_prompt"],
        errorTitle=WORDS[lang]["status"],
        error=WORDS[lang]["status_error"],
    )
    validation.add(f"{status_col}2:{status_col}{last}")
    worksheet.data_validations.append(validation)


# ---------------------------------------------------------------- writing


def _display_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        if "\n" in value:
            return max(len(line) for line in value.split("\n"))
        return len(value)
    if isinstance(value, datetime):
        return DATETIME_WIDTH
    if isinstance(value, date):
        return DATE_WIDTH
    if isinstance(value, float):
        return 7
    return len(str(value))


def _column_widths(sheet: SheetData, headers: list[str]) -> list[float]:
    widths: list[float] = []
    for index, (column, header) in enumerate(zip(sheet.columns, headers, strict=True)):
        longest = 0
        for row in sheet.rows:
            length = _display_length(row[index])
            if length > longest:
                longest = length
                if longest >= MAX_WIDTH:
                    break
        # The header keeps room for the filter arrow; long text wraps at MAX_WIDTH.
        header_room = min(len(header) + 3, 40 if not column.wide else MAX_WIDTH)
        width = max(MIN_WIDTH, header_room, min(longest + 2, MAX_WIDTH))
        widths.append(float(width))
    return widths


def _write_sheet(workbook: Any, style_ids: dict[str, int], sheet: SheetData, lang: str) -> Any:
    """Set up one worksheet (widths, frozen row, table, extras); return it with its rows' XML."""
    worksheet = workbook.create_sheet(SHEET_NAMES[lang][sheet.key])
    headers = unique_headers([c.header for c in sheet.columns], WORDS[lang]["column"])
    for index, width in enumerate(_column_widths(sheet, headers), start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = "A2"
    writer = RowWriter(lang, style_ids, len(headers))
    kinds = [c.kind for c in sheet.columns]
    rows = [writer.row_xml(1, headers, kinds, header=True)]
    rows += [writer.row_xml(i, row, kinds) for i, row in enumerate(sheet.rows, start=2)]
    # An Excel table needs at least one data row; an empty sheet gets one blank row.
    last_row = len(sheet.rows) + 1 if sheet.rows else 2
    ref = f"A1:{get_column_letter(len(headers))}{last_row}"
    table = Table(displayName=TABLE_NAMES[lang][sheet.key], ref=ref)
    table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, start=1)]
    table.autoFilter = AutoFilter(ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl reminds write-only users to set the table columns, which we did.
        warnings.filterwarnings("ignore", message="In write-only mode", category=UserWarning)
        worksheet.add_table(table)
    if sheet.finish is not None:
        sheet.finish(worksheet, sheet, lang)
    return worksheet, "".join(rows)


class HrWorkbook:
    """The workbook, ready to save: openpyxl writes the parts, we stream the rows.

    openpyxl (write-only) writes everything but the cells: styles, tables,
    frozen panes, widths, validation, the chart. The rows' XML, made by
    :class:`~desktop_app.export.cells.RowWriter`, goes into each sheet's empty
    ``<sheetData>`` as the file is written.
    """

    def __init__(self, workbook: Any, rows: list[tuple[Any, str]]) -> None:
        self._workbook = workbook
        self._rows = rows

    def save(self, target: Path) -> None:
        parts = io.BytesIO()
        self._workbook.save(parts)
        sheet_data = {ws.path.lstrip("/"): xml for ws, xml in self._rows}
        with (
            zipfile.ZipFile(parts) as source,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out,
        ):
            for info in source.infolist():
                data = source.read(info)
                if info.filename in sheet_data:
                    data = _fill_sheet_data(data, sheet_data[info.filename])
                out.writestr(info.filename, data)


def _fill_sheet_data(sheet_xml: bytes, rows: str) -> bytes:
    for empty in EMPTY_SHEET_DATA:
        if sheet_xml.count(empty) == 1:
            return sheet_xml.replace(empty, b"<sheetData>" + rows.encode("utf-8") + b"</sheetData>")
    raise RuntimeError("openpyxl wrote a worksheet without one empty <sheetData>")


EMPTY_SHEET_DATA = (b"<sheetData></sheetData>", b"<sheetData />", b"<sheetData/>")


def build_workbook(
    snapshot: SessionSnapshot, *, exported_at: datetime | None = None, names: bool = True
) -> HrWorkbook:
    """The whole workbook in memory; :meth:`HrWorkbook.save` writes it.

    ``names=False``: without the names of people (table hosts, owners of
    interventions; their columns are left out), to share beyond HR.
    """
    ctx = _Context(snapshot, exported_at or datetime.now(UTC), names=names)
    workbook = Workbook(write_only=True)
    workbook.properties.creator = f"Tafelronde {__version__}"
    workbook.properties.title = header_text(snapshot.session.title) or None
    style_ids = make_styles(workbook, ctx.lang)
    rows = [_write_sheet(workbook, style_ids, sheet, ctx.lang) for sheet in _sheets(ctx)]
    return HrWorkbook(workbook, rows)


def write_workbook(
    snapshot: SessionSnapshot,
    target: Path,
    *,
    exported_at: datetime | None = None,
    names: bool = True,
) -> None:
    """Write the HR workbook to ``target``: beside it first, then renamed into place.

    Raises :class:`~desktop_app.core.errors.SessionFileError` with a clear
    message (missing folder, read-only, open in Excel, disk full); an existing
    workbook at ``target`` is then left as it was.
    """
    workbook = build_workbook(snapshot, exported_at=exported_at, names=names)
    with atomic_target(target) as temporary:
        workbook.save(temporary)
