"""The beamer's views that are laid out from a few texts: welcome, context,
follow-up, round, themes, voting and action plan. The wall and the results
have modules of their own."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QRectF, QTimer
from PySide6.QtGui import QColor, QShowEvent

from desktop_app.core.model import ContextKind, SessionSnapshot, VoteTarget
from desktop_app.ui.beamer.base import (
    CENTER,
    HCENTER_TOP,
    BeamerView,
    Card,
    clamp_page,
    draw_cards,
    layout_cards,
)
from desktop_app.ui.beamer.countdown import Countdown, countdown_of
from desktop_app.ui.beamer.sizing import Drawing, Scale, TextBlock, fit_size, font, text_height
from desktop_app.ui.beamer.stage_protocol import Stage
from desktop_app.ui.beamer.theme import group_color

FOLLOW_UP_STATUSES = ("done", "running")


def _long_date(value: str | None) -> str:
    """2026-03-12 -> "12 maart 2026" in the interface's language; other text unchanged."""
    if not value:
        return ""
    day = QDate.fromString(value[:10], "yyyy-MM-dd")
    if len(value) != 10 or not day.isValid():
        return value
    return QLocale().toString(day, "d MMMM yyyy")


class CardsView(BeamerView):
    """A heading with cards below, paged when they do not fit."""

    max_columns = 3

    def title(self) -> str:
        return ""

    def subtitle(self) -> str | None:
        return None

    def cards(self, snapshot: SessionSnapshot) -> list[Card]:
        return []

    def empty_message(self) -> str:
        return ""

    def build(self, scale: Scale) -> Drawing:
        drawing = Drawing()
        snapshot = self.stage.snapshot()
        rect = self.header(drawing, scale, self.title(), self.subtitle())
        cards = self.cards(snapshot)
        if not cards:
            self.page_count, self.page = 1, 0
            self.empty(drawing, scale, rect, self.empty_message())
            return drawing
        layout = layout_cards(cards, rect, scale, max_columns=self.max_columns)
        self.page_count = len(layout.pages)
        self.page = clamp_page(self.page, self.page_count)
        draw_cards(drawing, layout.pages[self.page], self.theme, scale)
        self.footer(drawing, scale)
        return drawing


class WelcomeView(BeamerView):
    name = "welcome"

    def build(self, scale: Scale) -> Drawing:
        drawing = Drawing()
        info = self.stage.snapshot().session
        m = scale.margin
        width = scale.width - 2 * m
        theme = self.theme
        parts: list[tuple[str, float, float, bool, QColor, bool, str]] = []
        # (text, largest, smallest, bold, colour, key, name)
        title = info.title or self.tr("Welkom")
        parts.append((title, scale.height / 8, scale.key, True, theme.accent, True, "title"))
        line = " · ".join(x for x in (info.organisation, _long_date(info.date)) if x)
        if line:
            parts.append(
                (line, scale.height / 18, scale.key, False, theme.text, True, "organisation")
            )
        if info.location:
            parts.append(
                (
                    info.location,
                    scale.height / 26,
                    scale.minimum,
                    False,
                    theme.muted,
                    False,
                    "location",
                )
            )
        if info.purpose:
            parts.append(
                (
                    info.purpose,
                    scale.height / 20,
                    scale.minimum,
                    False,
                    theme.text,
                    False,
                    "purpose",
                )
            )
        # Share the height: title up to 35 %, purpose the rest.
        shares = {"title": 0.34, "organisation": 0.14, "location": 0.1, "purpose": 0.42}
        total_h = scale.height - 2 * m
        blocks: list[TextBlock] = []
        for text, largest, smallest, bold, colour, key, name in parts:
            box = QRectF(m, 0, width, total_h * shares[name])
            size = fit_size(text, box, largest, smallest, bold=bold) or smallest
            f = font(size, bold=bold)
            h = text_height(text, f, width)
            blocks.append(
                TextBlock(
                    QRectF(m, 0, width, h),
                    text,
                    f,
                    colour,
                    align=HCENTER_TOP,
                    key=key,
                    name=name,
                )
            )
        gap = scale.gap * 2
        used = sum(b.rect.height() for b in blocks) + gap * (len(blocks) - 1)
        y = m + max(0.0, (total_h - used) / 2)
        for block in blocks:
            block.rect.moveTop(y)
            y += block.rect.height() + gap
            drawing.add_text(block)
        return drawing


class ContextView(CardsView):
    name = "context"
    max_columns = 2

    def title(self) -> str:
        return self.tr("Waar staan we?")

    def cards(self, snapshot: SessionSnapshot) -> list[Card]:
        kinds: dict[str, str] = {
            ContextKind.RISK: self.tr("Risico"),
            ContextKind.FIGURE: self.tr("Cijfer"),
            ContextKind.NOTE: self.tr("Notitie"),
        }
        order: dict[str, int] = {ContextKind.FIGURE: 0, ContextKind.RISK: 1, ContextKind.NOTE: 2}
        colour: dict[str, int] = {ContextKind.RISK: 5, ContextKind.FIGURE: 4}
        items = sorted(snapshot.live_context_items(), key=lambda c: order.get(c.kind, 3))
        return [
            Card(
                item.title,
                item.text or "",
                group_color(colour.get(item.kind, 2)),
                badge=kinds.get(item.kind, ""),
            )
            for item in items
        ]

    def empty_message(self) -> str:
        return self.tr("Hier komen de cijfers en risico's uit de RI&E.")


class FollowUpView(CardsView):
    """What became of last time's outcomes: interventions running or done.

    A slot: the stage lets another module replace this view with a richer one.
    """

    name = "follow_up"
    max_columns = 2

    def title(self) -> str:
        return self.tr("Wat deden we met de uitkomsten van vorige keer?")

    def cards(self, snapshot: SessionSnapshot) -> list[Card]:
        status = {"done": self.tr("Afgerond"), "running": self.tr("Loopt")}
        result = []
        for iv in snapshot.live_interventions():
            if iv.status in FOLLOW_UP_STATUSES:
                body = self.tr("Eigenaar: {owner}").format(owner=iv.owner) if iv.owner else ""
                result.append(
                    Card(
                        iv.title,
                        body,
                        group_color(2 if iv.status == "done" else 4),
                        badge=status[iv.status],
                    )
                )
        return result

    def empty_message(self) -> str:
        return self.tr("Nog niets afgerond of lopend uit de vorige keer.")


class ThemesView(CardsView):
    name = "themes"

    def title(self) -> str:
        return self.tr("De thema's")

    def subtitle(self) -> str | None:
        return self.tr("met het aantal voorstellen in elk thema")

    def cards(self, snapshot: SessionSnapshot) -> list[Card]:
        live = {p.id for p in snapshot.live_proposals()}
        return [
            Card(
                theme.name,
                theme.description or "",
                group_color(index),
                badge=str(sum(1 for pid in theme.proposal_ids if pid in live)),
                body_optional=True,
            )
            for index, theme in enumerate(snapshot.live_themes())
        ]

    def empty_message(self) -> str:
        return self.tr("De thema's verschijnen hier zodra de voorstellen zijn geclusterd.")


class ActionPlanView(CardsView):
    name = "action_plan"
    max_columns = 2

    def title(self) -> str:
        return self.tr("Actieplan")

    def cards(self, snapshot: SessionSnapshot) -> list[Card]:
        groups = {g.id: g.name for g in snapshot.live_target_groups()}
        result = []
        for iv in snapshot.live_interventions():
            if iv.status == "dropped":
                continue
            lines = []
            names = [groups[g] for g in iv.target_group_ids if g in groups]
            if names:
                lines.append(self.tr("Voor: {groups}").format(groups=", ".join(names)))
            if iv.owner:
                lines.append(self.tr("Eigenaar: {owner}").format(owner=iv.owner))
            if iv.start:
                lines.append(self.tr("Start: {date}").format(date=_long_date(iv.start)))
            result.append(Card(iv.title, "\n".join(lines)))
        return result

    def empty_message(self) -> str:
        return self.tr("Het actieplan groeit hier: welke interventies, voor wie, wie trekt ze.")


class RoundView(BeamerView):
    """Round n of N, the question very large, the countdown large."""

    name = "round"

    def __init__(self, stage: Stage) -> None:
        super().__init__(stage)
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.tick)
        self._shown_text = ""

    def countdown(self) -> Countdown | None:
        from desktop_app.core import run_state

        timer = self.stage.state(run_state.TIMER)
        countdown = countdown_of(timer, self.stage.clock())
        round_ = self.stage.current_round()
        if (
            countdown is not None
            and round_ is not None
            and countdown.round_id not in (None, round_.id)
        ):
            return None
        return countdown

    def tick(self) -> None:
        """Repaint when the shown seconds change (runs on the injected clock).

        It runs while this is the stage's view, also when the beamer window is
        hidden: the console's thumbnail shows the stage and must not freeze.
        """
        countdown = self.countdown()
        text = self._countdown_line(countdown)
        if text != self._shown_text:
            self.invalidate()
        if self.stage.current not in ("", self.name):
            self.ticker.stop()  # another view is shown: it starts again with refresh()

    def refresh(self) -> None:
        super().refresh()
        self.ticker.start()  # also when the window is hidden (see tick)

    def showEvent(self, event: QShowEvent) -> None:
        self.ticker.start()
        super().showEvent(event)

    def _countdown_line(self, countdown: Countdown | None) -> str:
        if countdown is None:
            return ""
        return countdown.text() + ("!" if countdown.over else "")

    def build(self, scale: Scale) -> Drawing:
        drawing = Drawing()
        theme = self.theme
        snapshot = self.stage.snapshot()
        rounds = snapshot.live_rounds()
        round_ = self.stage.current_round()
        m = scale.margin
        width = scale.width - 2 * m
        if round_ is None:
            rect = self.header(drawing, scale, self.tr("Ronde"))
            self.empty(drawing, scale, rect, self.tr("Kies in de console de ronde die begint."))
            return drawing
        position = next((i for i, r in enumerate(rounds) if r.id == round_.id), 0) + 1
        label = self.tr("Ronde {n} van {total}").format(n=position, total=len(rounds))
        countdown = self.countdown()
        self._shown_text = self._countdown_line(countdown)
        y = m * 0.7
        f = font(scale.px(1 / 18), bold=True)
        h = text_height(label, f, width)
        drawing.add_text(
            TextBlock(QRectF(m, y, width, h), label, f, theme.accent, key=True, name="round")
        )
        y += h + scale.gap * 2
        # The countdown takes the bottom; the question the space between.
        count_h = 0.0
        status_h = 0.0
        if countdown is not None:
            count_px = scale.height / 4.2
            count_h = text_height("0:00", font(count_px, bold=True), width)
            status_h = text_height("Tijd", font(scale.px(1 / 14), bold=True), width)
        elif round_.minutes:
            status_h = text_height("20", font(scale.px(1 / 18)), width)
        bottom = scale.height - m * 0.7 - count_h - status_h - scale.gap * 2
        question_rect = QRectF(m, y, width, max(scale.key * 1.5, bottom - y))
        size = fit_size(round_.question, question_rect, scale.height / 7, scale.key, bold=True)
        if size is None:
            size = scale.key
        qf = font(size, bold=True)
        qh = min(question_rect.height(), text_height(round_.question, qf, width))
        drawing.add_text(
            TextBlock(
                QRectF(m, y + (question_rect.height() - qh) / 2, width, qh),
                round_.question,
                qf,
                theme.text,
                align=HCENTER_TOP,
                key=True,
                name="question",
            )
        )
        y = bottom + scale.gap * 2
        if countdown is not None:
            colour = theme.text
            if countdown.running:
                status = self.tr("nog te gaan")
            elif countdown.remaining >= countdown.duration:
                status = self.tr("begint zo")  # never started: not "paused"
            else:
                status = self.tr("gepauzeerd")
            if countdown.over:
                colour, status = theme.danger, self.tr("Tijd is om")
            elif countdown.last_minute:
                colour, status = theme.warning, self.tr("Laatste minuut")
            cf = font(scale.height / 4.2, bold=True)
            drawing.add_text(
                TextBlock(
                    QRectF(m, y, width, count_h),
                    countdown.text(),
                    cf,
                    colour,
                    align=CENTER,
                    key=True,
                    name="countdown",
                )
            )
            sf = font(scale.px(1 / 14), bold=countdown.over or countdown.last_minute)
            drawing.add_text(
                TextBlock(
                    QRectF(m, y + count_h, width, status_h),
                    status,
                    sf,
                    colour if countdown.over or countdown.last_minute else theme.muted,
                    align=HCENTER_TOP,
                    key=True,
                    name="countdown-status",
                )
            )
        elif round_.minutes:
            text = self.tr("{minutes} minuten").format(minutes=round_.minutes)
            drawing.add_text(
                TextBlock(
                    QRectF(m, y, width, status_h),
                    text,
                    font(scale.px(1 / 18)),
                    theme.muted,
                    align=HCENTER_TOP,
                    key=True,
                    name="minutes",
                )
            )
        return drawing


class VotingView(BeamerView):
    """The rules in plain words and how many ballots are in; never a result."""

    name = "voting"

    def build(self, scale: Scale) -> Drawing:
        drawing = Drawing()
        snapshot = self.stage.snapshot()
        info = snapshot.session
        rect = self.header(drawing, scale, self.tr("Stemmen"))
        theme = self.theme
        on_themes = info.votes_on is VoteTarget.THEME
        dots = info.dots_per_participant
        most = info.max_dots_per_item
        rules: list[str] = []
        if dots:
            rules.append(self.tr("Je hebt %n stip(pen).", "", dots))
        if most:
            rules.append(
                self.tr("Geef hoogstens %n stip(pen) aan hetzelfde thema.", "", most)
                if on_themes
                else self.tr("Geef hoogstens %n stip(pen) aan hetzelfde voorstel.", "", most)
            )
        rules.append(
            self.tr("Zet je stippen bij wat jij het belangrijkst vindt.")
            if on_themes
            else self.tr("Zet je stippen bij de voorstellen die jij het belangrijkst vindt.")
        )
        ballots = len({v.ballot_id for v in snapshot.live_votes() if v.ballot_id})
        count = (
            self.tr("Nog geen stembiljetten binnen")
            if ballots == 0
            else self.tr("%n stembiljet(ten) binnen", "", ballots)
        )
        text = "\n".join(rules)
        count_f = font(scale.px(1 / 14), bold=True)
        count_h = text_height(count, count_f, rect.width())
        rules_rect = QRectF(
            rect.x(), rect.y(), rect.width(), rect.height() - count_h - scale.gap * 3
        )
        size = fit_size(text, rules_rect, scale.height / 12, scale.key) or scale.key
        rf = font(size)
        rh = min(rules_rect.height(), text_height(text, rf, rect.width()))
        drawing.add_text(
            TextBlock(
                QRectF(rect.x(), rect.y(), rect.width(), rh),
                text,
                rf,
                theme.text,
                key=True,
                name="rules",
            )
        )
        drawing.add_text(
            TextBlock(
                QRectF(rect.x(), rect.bottom() - count_h, rect.width(), count_h),
                count,
                count_f,
                theme.accent,
                key=True,
                name="ballots",
            )
        )
        return drawing
