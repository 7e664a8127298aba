"""Where interventions come from on the action plan page: the voting result's ranking (promote
the top N or one theme) and the plan of an earlier session (take it over)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QTreeWidgetItem,
)

from desktop_app import ops, paths
from desktop_app.core.errors import UserError
from desktop_app.core.model import (
    Intervention,
    SessionSnapshot,
    VoteTarget,
)
from desktop_app.core.promotion import (
    in_plan,
    ranked_sources,
)
from desktop_app.storage.follow_up import (
    CarriedIntervention,
    prepare_take_over,
    previous_session,
    read_earlier_plan,
)
from desktop_app.ui import palette
from desktop_app.ui.file_dialogs import ask_open_file
from desktop_app.ui.look import icon
from desktop_app.ui.pages.action_plan_section import ActionPlanSection
from desktop_app.ui.pages.action_plan_widgets import (
    ROLE_ID,
    plan_row,
)


class PlanSources(ActionPlanSection):
    """Promoting and taking over for :class:`~desktop_app.ui.pages.action_plan.ActionPlanPage`."""

    def _fill_ranked(self, snapshot: SessionSnapshot, interventions: list[Intervention]) -> None:
        sources = ranked_sources(snapshot)
        current = self.ranked_list.currentItem()
        keep = current.data(0, ROLE_ID) if current is not None else None
        self.ranked_list.blockSignals(True)
        self.ranked_list.clear()
        any_votes = any(s.total for s in sources)
        for source in sources:
            planned = in_plan(source, interventions)
            item = QTreeWidgetItem(
                [
                    f"{source.rank}." if any_votes else "",
                    " ".join(source.name.split()),
                    str(source.total),
                    self.tr("ja") if planned else "",
                ]
            )
            item.setData(0, ROLE_ID, source.item_id)
            item.setToolTip(1, source.name)
            if planned:
                item.setIcon(3, icon("check", palette.SUCCESS_TEXT))
            self.ranked_list.addTopLevelItem(item)
            if source.item_id == keep:
                self.ranked_list.setCurrentItem(item)
        if self.ranked_list.currentItem() is None and sources:
            for row, source in enumerate(sources):
                if not in_plan(source, interventions):
                    self.ranked_list.setCurrentItem(plan_row(self.ranked_list, row))
                    break
        self.ranked_list.blockSignals(False)
        votes_on_proposals = snapshot.session.votes_on is VoteTarget.PROPOSAL
        if not sources:
            text = (
                self.tr("Nog geen voorstellen om om te zetten: vul eerst de rondes in.")
                if votes_on_proposals
                else self.tr("Nog geen thema's: cluster eerst de voorstellen (fase 3).")
            )
        elif not any_votes:
            text = self.tr(
                "Nog geen stemmen: de thema's staan in hun eigen volgorde. "
                "Stem eerst (fase 4) of kies zelf."
            )
        else:
            text = ""
        self.ranked_hint.setText(text)
        self.ranked_hint.setVisible(bool(text))
        self.ranked_list.setHeaderLabels(
            [
                self.tr("Plaats"),
                self.tr("Voorstel") if votes_on_proposals else self.tr("Thema"),
                self.tr("Stippen"),
                self.tr("In actieplan"),
            ]
        )

    def _show_previous(self) -> None:
        previous = previous_session(self.controller.session_file)
        if previous is None or not self._carried:
            self.previous_label.setVisible(False)
            return
        changed = sum(1 for c in self._carried.values() if c.status_changed)
        self.previous_label.setText(
            self.tr(
                "Klok-icoon: overgenomen van {title}{date} ({n}); {changed} met een "
                "nieuwe status. Werk de status van de andere bij."
            ).format(
                n=len(self._carried),
                title=previous.get("title") or self.tr("de vorige sessie"),
                date=f" ({previous['date']})" if previous.get("date") else "",
                changed=changed,
            )
        )
        self.previous_label.setVisible(True)

    def _carried_text(self, carried: CarriedIntervention) -> str:
        date = f", {carried.source_session_date}" if carried.source_session_date else ""
        return self.tr("Overgenomen van {title}{date}. Status toen: {status}.").format(
            title=carried.source_session_title or self.tr("een eerdere sessie"),
            date=date,
            status=self._status_text(carried.earlier_status),
        )

    def promote_top(self, n: int | None = None) -> list[str]:
        """Exactly the top ``n`` of the ranking become interventions: one step.

        Items already in the plan are skipped, never replaced by the next ones,
        so a second click adds nothing.
        """
        count = n if n is not None else self.top_spin.value()
        added = self.controller.run(ops.promote_top, count)
        if added is None:
            return []  # refused: the message went out
        if not added:
            sources = ranked_sources(self.controller.snapshot())
            self._say(
                self.tr("De top {n} staat al in het actieplan.").format(n=min(count, len(sources)))
                if sources
                else self.tr("Er is nog niets om om te zetten: maak eerst thema's (fase 3)."),
                error=True,
            )
            return []
        self._after_promote(added[0].id)
        self._say(
            self.tr(
                "{n} thema's zijn interventies geworden. Vul per interventie de "
                "eigenaar, doelgroepen en data in."
            ).format(n=len(added))
        )
        return [iv.id for iv in added]

    def promote_selected(self) -> str | None:
        """The chosen item of the voting result becomes an intervention."""
        item = self.ranked_list.currentItem()
        if item is None:
            return None
        added = self.controller.run(ops.promote_item, str(item.data(0, ROLE_ID)))
        if added is None:
            return None
        self._after_promote(added.id)
        return added.id

    def _after_promote(self, first_id: str) -> None:
        self._current_id = first_id
        self.tabs.setCurrentIndex(0)
        self.refresh()
        self.plan_list.setFocus()

    def choose_and_take_over(self) -> None:
        ask_open_file(
            self,
            self.tr("Actieplan overnemen van vorige sessie"),
            str(paths.documents_dir()),
            self.tr("Sessies en uitwisselbestanden (*.tafelronde *.json);;Alle bestanden (*)"),
            self.take_over_from,
        )

    def take_over_from(self, path: Path) -> list[str]:
        """Add the interventions of an earlier session; one undoable step."""
        session_file = self.controller.session_file
        try:
            take = prepare_take_over(session_file, read_earlier_plan(path))
        except UserError as error:
            message = error.message(self.controller.language)
            self._say(message, error=True)
            self.controller.error.emit(message)
            return []
        title = take.plan.title or path.name
        if not take.interventions:
            self._say(
                self.tr("{title} heeft geen interventies die nog niet zijn overgenomen.").format(
                    title=title
                ),
                error=True,
            )
            return []
        result = self.controller.run(ops.take_over_plan, take)
        if result is None:
            return []
        text = self.tr("%n interventie(s) overgenomen van {title}.", "", len(take.ids)).format(
            title=title
        )
        if take.dropped_groups:
            text += " " + self.tr(
                "Doelgroepen die hier niet bestaan zijn weggelaten: {names}."
            ).format(names=", ".join(take.dropped_groups))
        self._say(text)
        self._after_promote(take.ids[0])
        return list(take.ids)
