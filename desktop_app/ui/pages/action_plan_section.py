"""What the parts of the action plan page share, declared for the type checker.

:class:`~desktop_app.ui.pages.action_plan.ActionPlanPage` is built from the plan
list and its buttons (action_plan.py), the intervention editor
(intervention_form.py) and where interventions come from (plan_sources.py). The
page builds the widgets and defines what is declared here; at run time this
base class adds nothing to :class:`~desktop_app.ui.pages.base.Page`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.pages.base import Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QSpinBox, QTabWidget, QTreeWidget

    from desktop_app.core.model import Intervention
    from desktop_app.storage.follow_up import CarriedIntervention
    from desktop_app.ui.pages.action_plan_widgets import PlanTree


class ActionPlanSection(Page):
    """The action plan page as its parts see it."""

    if TYPE_CHECKING:
        top_spin: QSpinBox
        tabs: QTabWidget
        plan_list: PlanTree
        ranked_hint: QLabel
        ranked_list: QTreeWidget
        previous_label: QLabel
        _carried: dict[str, CarriedIntervention]
        _current_id: str | None

        def _status_text(self, status: str | None) -> str: ...
        def _say(self, text: str, *, error: bool = False) -> None: ...
        def status_labels(self) -> dict[str, str]: ...
        def periodicity_labels(self) -> dict[str, str]: ...
        def current(self) -> Intervention | None: ...
        def _carried_text(self, carried: CarriedIntervention) -> str: ...
