"""The names of undo steps in the user's language (Edit > Undo: …).

Operations name their step with a :class:`~desktop_app.core.actions.Label`
(an action, a kind, a count, the names the user knows); this turns it into the
words of the menu through Qt's translation (context ``UndoLabels``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.actions import Action, Label
from desktop_app.core.model import Kind

NAME_LENGTH = 32  # longer names are cut with "…" so the menu stays readable


def _short(name: str) -> str:
    flat = " ".join(name.split())
    return flat if len(flat) <= NAME_LENGTH else flat[: NAME_LENGTH - 1].rstrip() + "…"


def label_text(label: Label) -> str:
    """Edit > Undo's words for ``label``."""
    a, n, name, other = label.action, label.count, _short(label.name), _short(label.other)
    one = n == 1
    if a is Action.ADD_PROPOSAL:
        return QCoreApplication.translate("UndoLabels", "Voorstel toevoegen")
    if a is Action.EDIT_PROPOSAL:
        return QCoreApplication.translate("UndoLabels", "Voorstel bewerken")
    if a is Action.DELETE_PROPOSALS:
        if one:
            return QCoreApplication.translate("UndoLabels", "Voorstel verwijderen")
        return QCoreApplication.translate("UndoLabels", "{n} voorstellen verwijderen").format(n=n)
    if a is Action.HIDE_ON_BEAMER:
        return QCoreApplication.translate("UndoLabels", "Verbergen op de beamer")
    if a is Action.SHOW_ON_BEAMER:
        return QCoreApplication.translate("UndoLabels", "Weer tonen op de beamer")
    if a is Action.NEW_THEME:
        return QCoreApplication.translate("UndoLabels", "Nieuw thema “{name}”").format(name=name)
    if a is Action.THEME_FROM_SUGGESTION:
        return QCoreApplication.translate("UndoLabels", "Thema “{name}” uit een suggestie").format(
            name=name
        )
    if a is Action.RENAME_THEME:
        return QCoreApplication.translate("UndoLabels", "Thema hernoemen naar “{name}”").format(
            name=name
        )
    if a is Action.DESCRIBE_THEME:
        return QCoreApplication.translate("UndoLabels", "Beschrijving van “{name}”").format(
            name=name
        )
    if a is Action.COLOUR_THEME:
        return QCoreApplication.translate("UndoLabels", "Kleur van “{name}”").format(name=name)
    if a is Action.MERGE_THEMES:
        return QCoreApplication.translate(
            "UndoLabels", "“{name}” samengevoegd met “{other}”"
        ).format(name=name, other=other)
    if a is Action.SPLIT_THEME:
        return QCoreApplication.translate("UndoLabels", "“{name}” gesplitst").format(name=name)
    if a is Action.DELETE_THEME:
        return QCoreApplication.translate("UndoLabels", "Thema “{name}” verwijderen").format(
            name=name
        )
    if a is Action.MOVE_CARDS:
        if one:
            return QCoreApplication.translate("UndoLabels", "Kaart naar “{name}”").format(name=name)
        return QCoreApplication.translate("UndoLabels", "{n} kaarten naar “{name}”").format(
            n=n, name=name
        )
    if a is Action.MOVE_CARDS_TO_TRAY:
        if one:
            return QCoreApplication.translate("UndoLabels", "Kaart terug naar de bak")
        return QCoreApplication.translate("UndoLabels", "{n} kaarten terug naar de bak").format(n=n)
    if a is Action.PLACE_CARDS:
        return QCoreApplication.translate(
            "UndoLabels", "{n} kaarten naar hun voorgestelde thema"
        ).format(n=n)
    if a is Action.LINK_DUPLICATES:
        return QCoreApplication.translate("UndoLabels", "Dubbele voorstellen samengevoegd")
    if a is Action.SET_TALLY:
        return QCoreApplication.translate("UndoLabels", "Turven aangepast")
    if a is Action.CAST_BALLOT:
        return QCoreApplication.translate("UndoLabels", "Kioskstem")
    if a is Action.VOID_BALLOT:
        return QCoreApplication.translate("UndoLabels", "Stem ongeldig gemaakt")
    if a is Action.FIX_VOTING_RULES:
        return QCoreApplication.translate("UndoLabels", "Stemregels vastgelegd")
    if a is Action.SET_VOTING_GROUPS:
        return QCoreApplication.translate("UndoLabels", "Stemmende doelgroepen gewijzigd")
    if a is Action.PROMOTE_TOP:
        if one:
            return QCoreApplication.translate("UndoLabels", "Een thema omzetten in een interventie")
        return QCoreApplication.translate(
            "UndoLabels", "{n} thema's omzetten in interventies"
        ).format(n=n)
    if a is Action.PROMOTE_ITEM:
        return QCoreApplication.translate("UndoLabels", "Omzetten in interventie: {name}").format(
            name=name
        )
    if a is Action.EDIT_INTERVENTION:
        return _intervention_field(label.field)
    if a is Action.DELETE_INTERVENTION:
        return QCoreApplication.translate("UndoLabels", "Interventie verwijderen: {name}").format(
            name=name
        )
    if a is Action.TAKE_OVER_PLAN:
        return QCoreApplication.translate("UndoLabels", "Actieplan overnemen van {name}").format(
            name=name
        )
    if a is Action.EDIT_SESSION:
        return _session_field(label.field)
    if a is Action.SET_PRIVACY_FLOOR:
        return QCoreApplication.translate("UndoLabels", "Privacygrens wijzigen")
    if a is Action.ADD:
        return _added(label.kind, n)
    if a is Action.EDIT:
        return _edited(label.kind, name)
    if a is Action.DELETE:
        return _deleted(label.kind, name)
    if a is Action.REORDER:
        return _reordered(label.kind)
    return QCoreApplication.translate("UndoLabels", "Wijziging")


def _intervention_field(field: str) -> str:
    texts = {
        "title": QCoreApplication.translate("UndoLabels", "Interventie bewerken: titel"),
        "description": QCoreApplication.translate(
            "UndoLabels", "Interventie bewerken: omschrijving"
        ),
        "target_group_ids": QCoreApplication.translate(
            "UndoLabels", "Interventie bewerken: doelgroepen"
        ),
        "periodicity": QCoreApplication.translate(
            "UndoLabels", "Interventie bewerken: periodiciteit"
        ),
        "location": QCoreApplication.translate("UndoLabels", "Interventie bewerken: locatie"),
        "owner": QCoreApplication.translate("UndoLabels", "Interventie bewerken: eigenaar"),
        "start": QCoreApplication.translate("UndoLabels", "Interventie bewerken: startdatum"),
        "follow_up": QCoreApplication.translate("UndoLabels", "Interventie bewerken: opvolgdatum"),
        "status": QCoreApplication.translate("UndoLabels", "Interventie bewerken: status"),
        "impact": QCoreApplication.translate("UndoLabels", "Interventie bewerken: impact"),
        "effort": QCoreApplication.translate("UndoLabels", "Interventie bewerken: inspanning"),
        "value_for_employee": QCoreApplication.translate(
            "UndoLabels", "Interventie bewerken: waarde voor de medewerker"
        ),
        "value_for_organisation": QCoreApplication.translate(
            "UndoLabels", "Interventie bewerken: waarde voor de organisatie"
        ),
    }
    return texts.get(field) or QCoreApplication.translate("UndoLabels", "Interventie bewerken")


def _session_field(field: str) -> str:
    texts = {
        "title": QCoreApplication.translate("UndoLabels", "Titel wijzigen"),
        "organisation": QCoreApplication.translate("UndoLabels", "Organisatie wijzigen"),
        "date": QCoreApplication.translate("UndoLabels", "Datum wijzigen"),
        "location": QCoreApplication.translate("UndoLabels", "Locatie wijzigen"),
        "purpose": QCoreApplication.translate("UndoLabels", "Doel wijzigen"),
        "language": QCoreApplication.translate("UndoLabels", "Taal wijzigen"),
        "dots_per_participant": QCoreApplication.translate(
            "UndoLabels", "Stippen per deelnemer wijzigen"
        ),
        "max_dots_per_item": QCoreApplication.translate(
            "UndoLabels", "Hoogstens per item wijzigen"
        ),
        "vote_target": QCoreApplication.translate("UndoLabels", "Stemmen op wijzigen"),
    }
    return texts.get(field) or QCoreApplication.translate("UndoLabels", "Sessie wijzigen")


def _added(kind: Kind | None, n: int) -> str:
    if kind is Kind.TARGET_GROUP:
        return QCoreApplication.translate("UndoLabels", "Doelgroep toevoegen")
    if kind is Kind.TABLE:
        if n == 1:
            return QCoreApplication.translate("UndoLabels", "Tafel toevoegen")
        return QCoreApplication.translate("UndoLabels", "{n} tafels toevoegen").format(n=n)
    if kind is Kind.ROUND:
        return QCoreApplication.translate("UndoLabels", "Ronde toevoegen")
    if kind is Kind.CONTEXT_ITEM:
        return QCoreApplication.translate("UndoLabels", "Context toevoegen")
    if kind is Kind.INTERVENTION:
        return QCoreApplication.translate("UndoLabels", "Interventie toevoegen")
    return QCoreApplication.translate("UndoLabels", "Toevoegen")


def _edited(kind: Kind | None, name: str) -> str:
    if kind is Kind.TARGET_GROUP:
        return QCoreApplication.translate("UndoLabels", "Doelgroep “{name}” wijzigen").format(
            name=name
        )
    if kind is Kind.TABLE:
        return QCoreApplication.translate("UndoLabels", "Tafel “{name}” wijzigen").format(name=name)
    if kind is Kind.ROUND:
        return QCoreApplication.translate("UndoLabels", "Ronde wijzigen")
    if kind is Kind.CONTEXT_ITEM:
        return QCoreApplication.translate("UndoLabels", "Context “{name}” wijzigen").format(
            name=name
        )
    return QCoreApplication.translate("UndoLabels", "Wijzigen")


def _deleted(kind: Kind | None, name: str) -> str:
    if kind is Kind.TARGET_GROUP:
        return QCoreApplication.translate("UndoLabels", "Doelgroep “{name}” verwijderen").format(
            name=name
        )
    if kind is Kind.TABLE:
        return QCoreApplication.translate("UndoLabels", "Tafel “{name}” verwijderen").format(
            name=name
        )
    if kind is Kind.ROUND:
        return QCoreApplication.translate("UndoLabels", "Ronde verwijderen")
    if kind is Kind.CONTEXT_ITEM:
        return QCoreApplication.translate("UndoLabels", "Context “{name}” verwijderen").format(
            name=name
        )
    return QCoreApplication.translate("UndoLabels", "Verwijderen")


def _reordered(kind: Kind | None) -> str:
    if kind is Kind.TARGET_GROUP:
        return QCoreApplication.translate("UndoLabels", "Volgorde van de doelgroepen wijzigen")
    if kind is Kind.TABLE:
        return QCoreApplication.translate("UndoLabels", "Volgorde van de tafels wijzigen")
    if kind is Kind.ROUND:
        return QCoreApplication.translate("UndoLabels", "Volgorde van de rondes wijzigen")
    if kind is Kind.THEME:
        return QCoreApplication.translate("UndoLabels", "Volgorde van de thema's wijzigen")
    if kind is Kind.INTERVENTION:
        return QCoreApplication.translate("UndoLabels", "Interventies herschikken")
    if kind is Kind.CONTEXT_ITEM:
        return QCoreApplication.translate("UndoLabels", "Volgorde van de context wijzigen")
    return QCoreApplication.translate("UndoLabels", "Volgorde wijzigen")
