"""The one catalogue of words and sentences that core/, storage/, ops/, export/ and the
command line show users.

Every text exists here once per language, under a stable key, as a pair
``(Dutch, English)``: a status is "Afgerond" / "Done" in the PDF, the workbook
and every message alike. The console and the beamer keep Qt's ``tr()`` (their
``.ts`` files), but use the same words for the same things;
``tests/export/test_labels_agree.py`` holds them to it, status by status.

Why a Python module and not gettext ``.po``/``.mo`` files: there are exactly two
languages, both written by the people who write the code; a pair in the source
is read, reviewed and type-checked (mypy, ruff) with the code that uses it; a key
that is missing fails at import or in a test, not as an English fallback in
front of the room; nothing has to be compiled, and the frozen app needs no data
file (PyInstaller picks the module up like any other, ``collect_submodules``).
Qt's own strings keep Qt's mechanism because Qt Linguist, plural forms and
``QCoreApplication.translate`` are what its widgets expect.

Adding a text: put ``"key": ("Nederlands", "English"),`` in the section it
belongs to. Messages written in the old style of ``core/errors.py``
(``MESSAGES["code"] = (nl, en)``) move here unchanged, into :data:`ERROR`: the
shape of an entry is the same. Placeholders use ``str.format`` names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

Text = tuple[str, str]
"""(Dutch, English)."""

LANGUAGES: Final[tuple[str, str]] = ("nl", "en")


def pick(text: Text, lang: str = "nl") -> str:
    """``text`` in ``lang``: English for "en", Dutch for anything else."""
    return text[1] if lang == "en" else text[0]


def words(section: Mapping[str, Text], lang: str = "nl") -> dict[str, str]:
    """A whole section in one language: key -> text."""
    return {key: pick(text, lang) for key, text in section.items()}


# ------------------------------------------------------------------ shared words
# Things the room, HR and the facilitator see in more than one place. Sections
# below refer to these instead of writing the word again.

WORD: Final[dict[str, Text]] = {
    "date": ("Datum", "Date"),
    "location": ("Locatie", "Location"),
    "organisation": ("Organisatie", "Organisation"),
    "target_groups": ("Doelgroepen", "Target groups"),
    "theme": ("Thema", "Theme"),
    "themes": ("Thema's", "Themes"),
    "proposals": ("Voorstellen", "Proposals"),
    "intervention": ("Interventie", "Intervention"),
    "interventions": ("Interventies", "Interventions"),
    "dots": ("Stippen", "Dots"),
    "action_plan": ("Actieplan", "Action plan"),
    "start": ("Start", "Start"),
    "follow_up": ("Opvolging", "Follow-up"),
    "status": ("Status", "Status"),
    "other_groups": ("Overige groepen", "Other groups"),
}

STATUS: Final[dict[str, Text]] = {
    # An intervention's status: the console's list and form, the beamer's
    # follow-up cards, the PDF's action plan and the workbook's drop-down.
    "proposed": ("Voorgesteld", "Proposed"),
    "agreed": ("Afgesproken", "Agreed"),
    "planned": ("Gepland", "Planned"),
    "running": ("Loopt", "In progress"),
    "done": ("Afgerond", "Done"),
    "dropped": ("Vervallen", "Dropped"),
}

PERIODICITY: Final[dict[str, Text]] = {
    "once": ("Eenmalig", "One-off"),
    "ongoing": ("Doorlopend", "Ongoing"),
    "monthly": ("Maandelijks", "Monthly"),
    "quarterly": ("Per kwartaal", "Quarterly"),
    "yearly": ("Jaarlijks", "Yearly"),
    "other": ("Anders", "Other"),
}

QUADRANT: Final[dict[str, Text]] = {
    # The impact/effort quadrants (keys: core.action_plan.QUADRANTS).
    "quick_wins": ("Snelle winst", "Quick wins"),
    "big_projects": ("Grote projecten", "Big projects"),
    "fill_ins": ("Opvullers", "Fill-ins"),
    "reconsider": ("Heroverwegen", "Reconsider"),
}

MONTH: Final[dict[str, Text]] = {
    "1": ("januari", "January"),
    "2": ("februari", "February"),
    "3": ("maart", "March"),
    "4": ("april", "April"),
    "5": ("mei", "May"),
    "6": ("juni", "June"),
    "7": ("juli", "July"),
    "8": ("augustus", "August"),
    "9": ("september", "September"),
    "10": ("oktober", "October"),
    "11": ("november", "November"),
    "12": ("december", "December"),
}

# ------------------------------------------------------------ the HR workbook

SHEET: Final[dict[str, Text]] = {  # sheet names
    "session": ("Sessie", "Session"),
    "proposals": WORD["proposals"],
    "themes": WORD["themes"],
    "votes": ("Stemmen", "Votes"),
    "plan": WORD["action_plan"],
    "earlier": ("Vorige cyclus", "Previous cycle"),
}

TABLE_NAME: Final[dict[str, Text]] = {  # Excel table names
    "session": ("tblSessie", "tblSession"),
    "proposals": ("tblVoorstellen", "tblProposals"),
    "themes": ("tblThemas", "tblThemes"),
    "votes": ("tblStemmen", "tblVotes"),
    "plan": ("tblActieplan", "tblActionPlan"),
    "earlier": ("tblVorigeCyclus", "tblPreviousCycle"),
}

WORKBOOK: Final[dict[str, Text]] = {
    "item": ("Onderdeel", "Item"),
    "value": ("Waarde", "Value"),
    "title": ("Titel", "Title"),
    "organisation": WORD["organisation"],
    "date": WORD["date"],
    "location": WORD["location"],
    "purpose": ("Doel", "Purpose"),
    "dots_per_participant": ("Stippen per deelnemer", "Dots per participant"),
    "max_dots_per_item": ("Hoogstens stippen per item", "Most dots per item"),
    "votes_on": ("Stemmen op", "Votes on"),
    "on_cluster": WORD["themes"],
    "on_proposal": WORD["proposals"],
    "privacy_floor": ("Privacydrempel", "Privacy floor"),
    "participants_of": ("Deelnemers {name}", "Participants {name}"),
    "participants_total": ("Deelnemers totaal", "Participants in total"),
    "target_groups": WORD["target_groups"],
    "tables": ("Tafels", "Tables"),
    "rounds": ("Rondes", "Rounds"),
    "proposals": WORD["proposals"],
    "themes": WORD["themes"],
    "interventions": WORD["interventions"],
    "dots_handed_out": ("Stippen uitgedeeld", "Dots handed out"),
    "dots_cast": ("Stippen uitgebracht", "Dots cast"),
    "ballots": ("Stembiljetten", "Ballots"),
    "exported_at": ("Geëxporteerd op", "Exported at"),
    "app_version": ("Versie Tafelronde", "Tafelronde version"),
    "combined_groups": ("Overige groepen (samen)", "Other groups (together)"),
    "breakdown": ("Uitsplitsing per doelgroep", "Breakdown by target group"),
    "breakdown_none": (
        "Geen: elke doelgroep heeft te weinig stemmers (privacydrempel)",
        "None: every target group has too few voters (privacy floor)",
    ),
    "no_group": ("zonder doelgroep", "no target group"),
    "names": ("Namen van personen", "Names of people"),
    "names_left_out": ("Weggelaten (tafelhosts, eigenaren)", "Left out (table hosts, owners)"),
    "round": ("Ronde", "Round"),
    "round_question": ("Rondevraag", "Round question"),
    "table": ("Tafel", "Table"),
    "host": ("Tafelhost", "Table host"),
    "target_group": ("Doelgroep", "Target group"),
    "proposal": ("Voorstel", "Proposal"),
    "details": ("Toelichting", "Details"),
    "theme": WORD["theme"],
    "theme_dots": ("Stippen thema", "Theme dots"),
    "theme_rank": ("Rang thema", "Theme rank"),
    "proposal_dots": ("Stippen voorstel", "Proposal dots"),
    "proposal_rank": ("Rang voorstel", "Proposal rank"),
    "entered_at": ("Ingevoerd op", "Entered at"),
    "name": WORD["theme"],
    "description": ("Omschrijving", "Description"),
    "proposal_count": ("Aantal voorstellen", "Number of proposals"),
    "total_dots": WORD["dots"],
    "rank": ("Rang", "Rank"),
    "dots_of": ("Stippen {name}", "Dots {name}"),
    "dots_others": ("Stippen overige groepen", "Dots other groups"),
    "share": ("Aandeel", "Share"),
    "chart_title": ("Stippen per thema", "Dots per theme"),
    "vote_item": ("Item", "Item"),
    "kind": ("Soort", "Kind"),
    "ballot": ("Stembiljet", "Ballot"),
    "stickers": ("Stickers", "Sticker tally"),
    "ballot_n": ("Stembiljet {n}", "Ballot {n}"),
    "combined": ("Samengevoegd", "Combined"),
    "other_groups": WORD["other_groups"],
    "dots": WORD["dots"],
    "intervention": WORD["intervention"],
    "target_groups_col": WORD["target_groups"],
    "periodicity": ("Periodiciteit", "Periodicity"),
    "owner": ("Eigenaar", "Owner"),
    "start": WORD["start"],
    "follow_up": WORD["follow_up"],
    "status": WORD["status"],
    "impact": ("Impact", "Impact"),
    "effort": ("Inspanning", "Effort"),
    "value_for_employee": ("Waarde voor de medewerker", "Value for the employee"),
    "value_for_organisation": ("Waarde voor de organisatie", "Value for the organisation"),
    "source_theme": ("Bronthema", "Source theme"),
    "source_theme_dots": ("Stippen bronthema", "Source theme dots"),
    "earlier_session": ("Uit sessie", "From session"),
    "earlier_date": ("Datum sessie", "Session date"),
    "earlier_status": ("Status toen", "Status then"),
    "current_status": ("Status nu", "Status now"),
    "status_prompt": ("Kies een status uit de lijst.", "Choose a status from the list."),
    "status_error": ("Kies een status uit de lijst.", "Choose a status from the list."),
    "column": ("Kolom", "Column"),
    # How many came through each way of voting (the Sessie sheet; totals only).
    "channel_row": ("Stemmen via {channel}", "Votes through {channel}"),
    "channel_value": ("{voters} {what}, {dots} stippen", "{voters} {what}, {dots} dots"),
    "channel_sticker": ("stickers", "stickers"),
    "channel_kiosk": ("de stemkiosk", "the voting kiosk"),
    "channel_card": ("stemkaarten", "ballot cards"),
    "channel_phone": ("telefoons", "phones"),
    "channel_cells": ("vakjes", "cells"),
    "channel_voters": ("stemmers", "voters"),
}

# ------------------------------------------------------------ the harvest report (PDF)

REPORT: Final[dict[str, Text]] = {
    "kind": ("OOGSTVERSLAG", "HARVEST REPORT"),
    "page": ("Pagina {page} van {total}", "Page {page} of {total}"),
    "date": WORD["date"],
    "location": WORD["location"],
    "organisation": WORD["organisation"],
    "groups": WORD["target_groups"],
    "participants": ("{count} deelnemers", "{count} participants"),
    "purpose": ("Waarom deze sessie", "Why this session"),
    "questions": ("De vragen", "The questions"),
    "round": ("Ronde {number}", "Round {number}"),
    "minutes": ("{minutes} minuten", "{minutes} minutes"),
    "in_numbers": ("In cijfers", "In numbers"),
    "names": ("Namen", "Names"),
    "names_left_out": (
        "Weggelaten: dit verslag noemt geen tafelhosts en eigenaren.",
        "Left out: this report names no table hosts or owners.",
    ),
    "context": ("Waar we stonden", "Where we started"),
    "context_risk": ("Risico uit de RI&E", "Risk from the risk assessment"),
    "context_figure": ("Cijfer", "Figure"),
    "context_note": ("Om te weten", "Worth knowing"),
    "numbers": (
        "{tables} tafels · {proposals} voorstellen · {themes} thema's · {dots} stippen",
        "{tables} tables · {proposals} proposals · {themes} themes · {dots} dots",
    ),
    "themes": ("Thema's en voorstellen", "Themes and proposals"),
    "themes_intro": (
        "De voorstellen van alle tafels, door de groep geordend in thema's. Elk voorstel "
        "staat er zoals het aan tafel is opgeschreven.",
        "The proposals of every table, grouped into themes by the room. Each proposal is "
        "shown as it was written down at the table.",
    ),
    "no_themes": ("Er zijn geen thema's gemaakt.", "No themes were made."),
    "theme_meta": (
        "{rank}e plaats · {dots} stippen · {count} voorstellen",
        "rank {rank} · {dots} dots · {count} proposals",
    ),
    "theme_meta_plain": ("{count} voorstellen", "{count} proposals"),
    "proposal_meta": ("{table} · ronde {round}", "{table} · round {round}"),
    "unclustered": ("Voorstellen zonder thema", "Proposals without a theme"),
    "unclustered_intro": (
        "Deze voorstellen zijn niet in een thema ondergebracht, maar horen net zo goed bij "
        "de oogst.",
        "These proposals were not placed in a theme, but they are just as much part of the "
        "harvest.",
    ),
    "results": ("Uitslag van de stemming", "Voting result"),
    "results_intro_cluster": (
        "Iedereen kreeg {dots} stippen om op de thema's te zetten, hoogstens {max} per "
        "thema. Gelijke aantallen delen een plaats.",
        "Everyone had {dots} dots to place on the themes, at most {max} per theme. Equal "
        "totals share a rank.",
    ),
    "results_intro_proposal": (
        "Iedereen kreeg {dots} stippen om op de voorstellen te zetten, hoogstens {max} per "
        "voorstel. Gelijke aantallen delen een plaats.",
        "Everyone had {dots} dots to place on the proposals, at most {max} per proposal. "
        "Equal totals share a rank.",
    ),
    "results_intro_plain": (
        "Gelijke aantallen stippen delen een plaats.",
        "Equal totals share a rank.",
    ),
    "plan": WORD["action_plan"],
    "plan_intro": (
        "Wat we gaan doen, wie het trekt en wanneer we kijken hoe het gaat.",
        "What we will do, who leads it and when we check how it is going.",
    ),
    "no_plan": (
        "Er is nog geen actieplan gemaakt. De procesbegeleider laat weten wanneer de "
        "prioriteiten worden uitgewerkt.",
        "No action plan has been made yet. The facilitator will let you know when the "
        "priorities are worked out.",
    ),
    "col_number": ("#", "#"),
    "col_title": WORD["intervention"],
    "col_owner": ("Eigenaar", "Owner"),
    "col_follow_up": WORD["follow_up"],
    "col_status": WORD["status"],
    "owner": ("Eigenaar", "Owner"),
    "for_whom": ("Voor wie", "For whom"),
    "periodicity": ("Hoe vaak", "How often"),
    "where": ("Waar", "Where"),
    "start": WORD["start"],
    "follow_up": WORD["follow_up"],
    "status": WORD["status"],
    "scores": ("Impact / inspanning", "Impact / effort"),
    "scores_value": ("{impact} / {effort} · {quadrant}", "{impact} / {effort} · {quadrant}"),
    "employee": ("Opbrengst medewerker", "Value for employees"),
    "organisation_value": ("Opbrengst organisatie", "Value for the organisation"),
    "source": ("Uit thema", "From theme"),
    "source_value": ("{name} ({dots} stippen)", "{name} ({dots} dots)"),
    "unknown": ("nog niet bekend", "not known yet"),
    "matrix": ("Impact en inspanning", "Impact and effort"),
    "matrix_intro": (
        "Elke interventie staat op haar score voor impact (verticaal) en inspanning "
        "(horizontaal), van 1 tot 5. Impact 3 of hoger telt als groot, inspanning 2 of "
        "lager als weinig.",
        "Each intervention is placed at its impact (vertical) and effort (horizontal) "
        "score, from 1 to 5. Impact 3 or more counts as high, effort 2 or less as low.",
    ),
    "next": ("Hoe gaat het verder?", "What happens next"),
    "next_intro": (
        "Dit zijn de afgesproken momenten waarop we kijken hoe het gaat:",
        "These are the agreed moments at which we check how things are going:",
    ),
    "next_item": ("{date}: {title}", "{date}: {title}"),
    "next_owner": ("Eigenaar: {owner}", "Owner: {owner}"),
    "next_none": (
        "Er zijn nog geen opvolgdata afgesproken. De procesbegeleider laat weten wanneer "
        "en hoe de uitkomsten worden opgepakt.",
        "No follow-up dates have been agreed yet. The facilitator will let you know when "
        "and how the outcomes will be taken up.",
    ),
    "next_closing": (
        "In de volgende sessie kijken we samen terug: wat is er met deze uitkomsten "
        "gedaan, wat werkte en wat moet anders? Vragen of ideeën in de tussentijd? Spreek "
        "de eigenaar van een actie aan.",
        "In the next session we look back together: what was done with these outcomes, "
        "what worked and what should change? Questions or ideas in the meantime? Talk to "
        "the owner of an action.",
    ),
}

# ------------------------------------------------------------ charts (report, console, beamer)

CHART: Final[dict[str, Text]] = {
    "dots": ("Aantal stippen", "Number of dots"),
    "no_items": ("Nog niets om op te stemmen", "Nothing to vote on yet"),
    "no_votes": ("Nog geen stemmen uitgebracht", "No votes cast yet"),
    "in_plan": ("In het actieplan", "In the action plan"),
    "not_in_plan": ("Niet (nog) in het actieplan", "Not (yet) in the action plan"),
    "more": ("en nog {count} met minder stippen", "and {count} more with fewer dots"),
    "impact": ("Impact (1 = klein, 5 = groot)", "Impact (1 = small, 5 = large)"),
    "effort": ("Inspanning (1 = weinig, 5 = veel)", "Effort (1 = little, 5 = a lot)"),
    "no_interventions": (
        "Nog geen interventies met een score\nvoor impact en inspanning",
        "No interventions with an impact\nand effort score yet",
    ),
    "unscored": ("zonder score", "not scored"),
    "key": WORD["interventions"],
}

CELL_STYLE: Final[dict[str, Text]] = {
    # The workbook's named cell styles (Excel's Cell Styles gallery).
    "text": ("Tafelronde tekst", "Tafelronde text"),
    "header": ("Tafelronde kop", "Tafelronde header"),
    "number": ("Tafelronde getal", "Tafelronde number"),
    "percent": ("Tafelronde aandeel", "Tafelronde share"),
    "date": ("Tafelronde datum", "Tafelronde date"),
    "datetime": ("Tafelronde tijdstip", "Tafelronde date and time"),
}

CELL: Final[dict[str, Text]] = {
    # The end of a text cut at Excel's limit of 32,767 characters.
    "truncated": ("… [afgekapt]", "… [truncated]"),
}

FILE_NAME: Final[dict[str, Text]] = {
    # Words in the names of files Tafelronde makes beside a session: the damaged
    # file set aside after a restore, "NAME (beschadigd 2026-11-23 10.04).tafelronde".
    "damaged": ("beschadigd", "damaged"),
}

# ------------------------------------------------------------------ messages
# Errors the user can do something about (core.errors.UserError and its kinds).

ERROR: Final[dict[str, Text]] = {
    "file_missing": (
        "Bestand niet gevonden: {path}",
        "File not found: {path}",
    ),
    "not_sqlite": (
        "{path} is geen Tafelronde-sessiebestand (het is geen SQLite-database). "
        "Er is niets aan veranderd.",
        "{path} is not a Tafelronde session file (it is not an SQLite database). "
        "Nothing was changed.",
    ),
    "foreign_sqlite": (
        "{path} is een SQLite-database van een ander programma, geen Tafelronde-sessie. "
        "Er is niets aan veranderd.",
        "{path} is an SQLite database of another program, not a Tafelronde session. "
        "Nothing was changed.",
    ),
    "too_new": (
        "{path} is gemaakt met een nieuwere versie van Tafelronde (bestandsversie {found}, "
        "deze versie kent tot {known}). Werk Tafelronde bij om het te openen.",
        "{path} was made by a newer version of Tafelronde (file version {found}, this "
        "version knows up to {known}). Update Tafelronde to open it.",
    ),
    "locked": (
        "{path} is al geopend in een ander Tafelronde-venster{holder}. Sluit het daar, "
        "of open hier een kopie.",
        "{path} is already open in another Tafelronde window{holder}. Close it there, "
        "or open a copy here.",
    ),
    "unreadable": (
        "{path} kan niet worden gelezen: {reason}",
        "{path} cannot be read: {reason}",
    ),
    "disk_full": (
        "De schijf is vol: de laatste wijziging is niet opgeslagen. Maak ruimte vrij en "
        "probeer het opnieuw; alles van daarvoor is veilig.",
        "The disk is full: the last change was not saved. Free some space and try "
        "again; everything before it is safe.",
    ),
    "read_only": (
        "{path} is alleen-lezen: wijzigingen kunnen niet worden opgeslagen. Werk in een "
        "kopie op een plek waar je kunt schrijven, zoals Documenten.",
        "{path} is read-only: changes cannot be saved. Work in a copy in a place you can "
        "write to, such as Documents.",
    ),
    "damaged_empty": (
        "{path} is leeg (0 bytes): het bestand is beschadigd, bijvoorbeeld doordat het "
        "kopiëren of opslaan ervan werd afgebroken. Er is niets aan veranderd.",
        "{path} is empty (0 bytes): the file is damaged, for instance because copying or "
        "saving it was cut off. Nothing was changed.",
    ),
    "damaged": (
        "{path} is beschadigd: {reason}. Er is niets aan veranderd.",
        "{path} is damaged: {reason}. Nothing was changed.",
    ),
    "io_error": (
        "De wijziging is niet opgeslagen: de schijf of USB-stick met {path} weigert te "
        "schrijven (misschien is hij alleen-lezen geworden of losgeraakt). Alles van "
        "daarvoor is veilig. Sla een kopie op een andere schijf op (Bestand > Kopie "
        "opslaan als…) en werk daarin verder.",
        "The change was not saved: the disk or USB stick holding {path} refuses to write "
        "(it may have become read-only or been unplugged). Everything before it is safe. "
        "Save a copy on another disk (File > Save copy as…) and carry on in that.",
    ),
    "backup_no_room": (
        "Geen reservekopie gemaakt: die zou meer dan {share}% van de vrije schijfruimte "
        "innemen ({needed}). Maak ruimte vrij; de sessie zelf is veilig.",
        "No backup made: it would take more than {share}% of the free disk space "
        "({needed}). Free some space; the session itself is safe.",
    ),
    "backup_failed": (
        "Geen reservekopie gemaakt: {reason}. De sessie zelf is veilig.",
        "No backup made: {reason}. The session itself is safe.",
    ),
    "backup_unusable": (
        "De reservekopie {name} is beschadigd of onleesbaar. Kies een andere; er is niets "
        "veranderd.",
        "The backup {name} is damaged or unreadable. Choose another one; nothing was changed.",
    ),
    "write_failed": (
        "Kan niet schrijven naar {path}: {reason}",
        "Cannot write to {path}: {reason}",
    ),
    "target_folder_missing": (
        "De map {folder} bestaat niet. Kies een andere plek.",
        "The folder {folder} does not exist. Choose another place.",
    ),
    "target_in_use": (
        "{path} is geopend in een ander programma (bijvoorbeeld Excel). Sluit het daar "
        "en probeer het opnieuw; het bestaande bestand is niet veranderd.",
        "{path} is open in another program (Excel, for instance). Close it there and "
        "try again; the existing file was not changed.",
    ),
    "not_json": (
        "{path} is geen geldig uitwisselbestand (geen leesbare JSON: {reason}). "
        "Er is niets geïmporteerd.",
        "{path} is not a valid exchange file (not readable JSON: {reason}). Nothing was imported.",
    ),
    "invalid_exchange": (
        "{path} is geweigerd: op {pointer}: {reason}. Er is niets geïmporteerd.",
        "{path} was refused: at {pointer}: {reason}. Nothing was imported.",
    ),
    "other_session": (
        "{path} hoort bij een andere sessie ({file_title}), niet bij deze ({session_title}). "
        "Er is niets geïmporteerd.",
        "{path} belongs to another session ({file_title}), not to this one "
        "({session_title}). Nothing was imported.",
    ),
    "not_found": (
        "Dit onderdeel bestaat niet (meer): {kind} {id}",
        "This item does not exist (any more): {kind} {id}",
    ),
    "invalid_value": (
        "{field}: {reason}",
        "{field}: {reason}",
    ),
    "erase_incomplete": (
        "Niet alles kon worden gewist. Nog aanwezig: {paths}. Sluit wat deze bestanden "
        "gebruikt en kies opnieuw Sessie > Wissen na afloop, of verwijder ze zelf.",
        "Not everything could be erased. Still there: {paths}. Close what uses these files "
        "and choose Session > Erase after the session again, or delete them yourself.",
    ),
    "output_is_session": (
        "{path} is een sessiebestand, of hoort bij een sessie (een logbestand, slot of "
        "reservekopie ernaast): een export overschrijft dat nooit. Kies een andere naam; "
        "er is niets geschreven.",
        "{path} is a session file, or belongs to a session (a log file, lock or backup "
        "beside it): an export never overwrites that. Choose another name; nothing was "
        "written.",
    ),
    "export_twice": (
        "{path} is twee keer als doel gegeven. Geef elke export een eigen bestand; er is "
        "niets geschreven.",
        "{path} is given twice as a target. Give every export a file of its own; nothing "
        "was written.",
    ),
    "export_disk_full": (
        "De schijf is vol: {path} is niet geschreven en er is niets achtergelaten. Maak "
        "ruimte vrij of kies een andere schijf, en exporteer opnieuw. De sessie zelf is "
        "niet veranderd.",
        "The disk is full: {path} was not written and nothing was left behind. Free some "
        "space or choose another disk, and export again. The session itself was not "
        "changed.",
    ),
    "export_read_only": (
        "In de map {folder} kan niet worden geschreven (alleen-lezen): {path} is niet "
        "geschreven. Kies een andere map, zoals Documenten.",
        "The folder {folder} cannot be written to (read-only): {path} was not written. "
        "Choose another folder, such as Documents.",
    ),
    "export_io": (
        "De schijf of USB-stick weigert te schrijven: {path} is niet geschreven (misschien "
        "is hij losgeraakt of alleen-lezen geworden). Kies een andere schijf.",
        "The disk or USB stick refuses to write: {path} was not written (it may have been "
        "unplugged or become read-only). Choose another disk.",
    ),
    "export_failed": (
        "{path} is niet geschreven: {reason}. Er is niets achtergelaten.",
        "{path} was not written: {reason}. Nothing was left behind.",
    ),
    "session_unreadable_here": (
        "{path} kan hier niet worden gelezen: {reason}. Er is niets geschreven.",
        "{path} cannot be read here: {reason}. Nothing was written.",
    ),
    "exchange_too_big": (
        "{path} is te groot voor een uitwisselbestand ({size}; hoogstens {limit}). "
        "Er is niets geïmporteerd.",
        "{path} is too big for an exchange file ({size}; at most {limit}). Nothing was imported.",
    ),
    "exchange_not_a_file": (
        "{path} is geen gewoon bestand ({what}) en wordt niet gelezen. Er is niets geïmporteerd.",
        "{path} is not a regular file ({what}) and is not read. Nothing was imported.",
    ),
    "environment": (
        "{where}{reason}. Er is niets geschreven.",
        "{where}{reason}. Nothing was written.",
    ),
}

REASON: Final[dict[str, Text]] = {
    "dangling": (
        "verwijst naar {what} {id}, die niet in het bestand of de sessie staat",
        "refers to {what} {id}, which is in neither the file nor the session",
    ),
    "duplicate_id": (
        "id {id} komt twee keer voor in het bestand",
        "id {id} occurs twice in the file",
    ),
    "id_kind_clash": (
        "id {id} is al in gebruik voor iets anders",
        "id {id} is already used for something else",
    ),
    "two_themes": (
        "voorstel {id} staat in twee thema's",
        "proposal {id} is in two themes",
    ),
    "truncated": (
        "het is korter dan het hoort te zijn (afgekapt, bijvoorbeeld bij een afgebroken kopie)",
        "it is shorter than it should be (cut off, for instance by an interrupted copy)",
    ),
    "malformed": (
        "de opbouw van de database klopt niet meer (bijvoorbeeld door een schijffout)",
        "the structure of the database is broken (by a disk error, for instance)",
    ),
    "bad_text": (
        "tekst in de tabel {table} is onleesbaar geworden",
        "text in the table {table} has become unreadable",
    ),
    "no_session": (
        "er staat geen sessie in (het is nooit afgemaakt, of leeggemaakt)",
        "it holds no session (it was never finished, or it was emptied)",
    ),
    "foreign_wal": (
        "het logbestand {wal} ernaast hoort er niet bij (het komt van een andere kopie of "
        "sessie) en zou het overschrijven",
        "the log file {wal} beside it does not belong to it (it comes from another copy or "
        "session) and would overwrite it",
    ),
    "backup_disk_full": ("de schijf is vol", "the disk is full"),
    "backup_read_only": (
        "de map voor reservekopieën is alleen-lezen",
        "the folder for backups is read-only",
    ),
    "backup_not_whole": (
        "de kopie bleek bij de controle na het schrijven niet in orde",
        "the copy was not whole when checked after writing",
    ),
    "backup_io": ("schrijffout ({detail})", "write error ({detail})"),
    "bad_timestamp": ("geen geldige datum en tijd: {value}", "not a valid date and time: {value}"),
    "bad_date": ("geen geldige datum: {value}", "not a valid date: {value}"),
    "empty": ("mag niet leeg zijn", "must not be empty"),
    "too_long": (
        "is te lang ({length} tekens, hoogstens {limit})",
        "is too long ({length} characters, at most {limit})",
    ),
    "negative": ("mag niet negatief zijn", "must not be negative"),
    "out_of_range": (
        "moet tussen {low} en {high} liggen",
        "must be between {low} and {high}",
    ),
    "not_allowed": ("waarde niet toegestaan: {value}", "value not allowed: {value}"),
    # Schema checks of exchange files, by JSON Schema keyword.
    "schema_required": ("het veld {value} ontbreekt", "the field {value} is missing"),
    "schema_type": (
        "verkeerd soort waarde (verwacht: {value})",
        "wrong kind of value (expected: {value})",
    ),
    "schema_const": ("moet {value} zijn", "must be {value}"),
    "schema_enum": ("moet een van {value} zijn", "must be one of {value}"),
    "schema_minLength": ("is leeg of te kort", "is empty or too short"),
    "schema_maxLength": (
        "is te lang (hoogstens {value} tekens)",
        "is too long (at most {value} characters)",
    ),
    "schema_pattern": ("is geen geldige id (UUID)", "is not a valid id (UUID)"),
    "schema_format": ("heeft niet de vorm {value}", "does not have the form {value}"),
    "schema_minimum": ("moet minstens {value} zijn", "must be at least {value}"),
    "schema_maximum": ("mag hoogstens {value} zijn", "must be at most {value}"),
    "schema_uniqueItems": ("bevat een waarde twee keer", "contains a value twice"),
    "schema_other": ("ongeldige waarde ({value})", "invalid value ({value})"),
    "is_folder": ("het is een map", "it is a folder"),
    "too_big": (
        "het bestand wordt groter dan de schijf toestaat",
        "the file grows beyond what the disk allows",
    ),
    "os_error": ("het besturingssysteem meldt: {detail}", "the operating system says: {detail}"),
    "fifo": ("een FIFO-pijp", "a FIFO pipe"),
    "device": ("een apparaat", "a device"),
    "socket": ("een socket", "a socket"),
    "folder": ("een map", "a folder"),
    "symlink_loop": (
        "een snelkoppeling die naar zichzelf verwijst",
        "a symbolic link that points to itself",
    ),
    "too_deep": (
        "te diep genest (meer dan {limit} lagen)",
        "nested too deeply (more than {limit} levels)",
    ),
    "lone_surrogate": (
        "tekst met een ongeldig teken (een losse UTF-16-helft, {value})",
        "text with an invalid character (a lone UTF-16 half, {value})",
    ),
    "not_a_number": (
        "{value} is geen getal dat in een bestand past",
        "{value} is not a number a file can hold",
    ),
    "int_too_big": (
        "het getal is te groot (hoogstens {limit})",
        "the number is too big (at most {limit})",
    ),
    "year_range": (
        "het jaar moet tussen {low} en {high} liggen",
        "the year must be between {low} and {high}",
    ),
    "disk_is_full": ("de schijf is vol", "the disk is full"),
    "disk_read_only": ("de schijf is alleen-lezen", "the disk is read-only"),
    "no_permission": ("geen toestemming", "permission denied"),
    "not_utf8": (
        "geen UTF-8-tekst bij byte {position}",
        "not UTF-8 text at byte {position}",
    ),
    "not_object": ("het is geen JSON-object", "it is not a JSON object"),
    "sqlite_io": (
        "de schijf gaf een leesfout",
        "the disk gave a read error",
    ),
}

OPERATION: Final[dict[str, Text]] = {
    "items_frozen": (
        "Het stemmen is open: er kunnen nu geen thema's bij of af. Sluit eerst het stemmen "
        "(fase 4) om thema's te maken, samen te voegen, te splitsen of te verwijderen. "
        "Er is niets veranderd.",
        "Voting is open: themes cannot be added or removed now. Close the vote first "
        "(phase 4) to create, merge, split or delete themes. Nothing was changed.",
    ),
    "same_theme": (
        "Een thema kan niet met zichzelf worden samengevoegd.",
        "A theme cannot be merged with itself.",
    ),
    "no_cards": (
        "Kies eerst de kaarten die uit het thema gaan.",
        "First choose the cards that leave the theme.",
    ),
    "table_in_use": (
        "Deze tafel heeft al voorstellen; verwijder die eerst bij 2 Rondes.",
        "This table already has proposals; delete them first under 2 Rounds.",
    ),
    "round_in_use": (
        "Deze ronde heeft al voorstellen; verwijder die eerst bij 2 Rondes.",
        "This round already has proposals; delete them first under 2 Rounds.",
    ),
    "not_a_list": (
        "{what} kunnen niet in een andere volgorde worden gezet.",
        "{what} cannot be put in another order.",
    ),
}

FOLLOW_UP: Final[dict[str, Text]] = {
    "same_session": (
        "{path} is deze sessie zelf. Kies het bestand van een eerdere sessie.",
        "{path} is this session itself. Choose the file of an earlier session.",
    ),
}
# Every section by name: what the catalogue test walks, and what text() reads.
# What Python's JSON parser complains of, in the user's words (by its message).
JSON_ERROR: Final[dict[str, Text]] = {
    "Expecting value": ("hier hoort een waarde", "a value belongs here"),
    "Expecting property name enclosed in double quotes": (
        "hier hoort een veldnaam tussen dubbele aanhalingstekens",
        "a field name in double quotes belongs here",
    ),
    "Expecting ',' delimiter": ("hier hoort een komma", "a comma belongs here"),
    "Expecting ':' delimiter": ("hier hoort een dubbelepunt", "a colon belongs here"),
    "Unterminated string starting at": (
        "een tekst die niet wordt afgesloten",
        "a text that is never closed",
    ),
    "Invalid control character at": (
        "een stuurteken binnen een tekst",
        "a control character inside a text",
    ),
    "Extra data": ("er staat nog iets na het einde", "there is more after the end"),
    "Invalid \\escape": ("een ongeldige \\-code", "an invalid \\ code"),
    "Invalid \\uXXXX escape": ("een ongeldige \\u-code", "an invalid \\u code"),
}

# What a phone is told when the room's server refuses (code -> text).
ROOM: Final[dict[str, Text]] = {
    "voting_closed": (
        "Het stemmen is niet open. Wacht tot de begeleider het opent.",
        "Voting is not open. Wait until the facilitator opens it.",
    ),
    "already_voted": (
        "Met deze stemkaart is al gestemd. Je stem telt één keer.",
        "This ballot has already been cast. Your vote counts once.",
    ),
    "unknown_card": (
        "Deze stemkaart is onbekend in deze sessie.",
        "This ballot card is not known in this session.",
    ),
    "empty_ballot": (
        "Zet eerst minstens één stip.",
        "Place at least one dot first.",
    ),
    "over_budget": (
        "Te veel stippen: je hebt er {budget}.",
        "Too many dots: you have {budget}.",
    ),
    "over_cap": (
        "Te veel stippen op één punt: hoogstens {cap}.",
        "Too many dots on one item: at most {cap}.",
    ),
    "unknown_item": (
        "Een van de punten bestaat niet meer. Laad de pagina opnieuw.",
        "One of the items no longer exists. Reload the page.",
    ),
    "unknown_group": (
        "Kies een doelgroep uit de lijst.",
        "Choose a target group from the list.",
    ),
    "unknown_table": (
        "Deze tafel bestaat niet (meer). Kies de tafel opnieuw.",
        "This table does not exist (any more). Choose the table again.",
    ),
    "unknown_round": (
        "Er loopt geen ronde. Wacht tot de begeleider een ronde start.",
        "No round is running. Wait until the facilitator starts a round.",
    ),
    "not_yours": (
        "Dit voorstel is niet vanaf dit toestel gestuurd.",
        "This proposal was not sent from this device.",
    ),
    "bad_text": (
        "Typ een voorstel van hoogstens {limit} tekens.",
        "Type a proposal of at most {limit} characters.",
    ),
}

# The printed ballot cards for people without a phone (export/ballot_cards.py).
BALLOT_CARD: Final[dict[str, Text]] = {
    "card": ("Stemkaart", "Ballot card"),
    "how": (
        "Geen telefoon? Geef deze kaart aan iemand met een telefoon of aan de begeleider: "
        "scan de code, kies de stippen, klaar. Eén keer geldig, anoniem.",
        "No phone? Hand this card to someone with a phone or to the facilitator: scan "
        "the code, choose the dots, done. Valid once, anonymous.",
    ),
    "code": ("Code: {token}", "Code: {token}"),
}

# tafelronde's command line: its help, argparse's words, results
COMMAND_LINE: Final[dict[str, Text]] = {
    "description": (
        "Tafelronde: World Café- en grotegroepssessies, op locatie en offline.",
        "Tafelronde: World Café and large-group sessions, on site and offline.",
    ),
    "session": ("sessiebestand (.tafelronde) om te openen", "session file (.tafelronde) to open"),
    "demo": ("open een kopie van de demosessie", "open a copy of the demo session"),
    "lang": ("taal van de interface (nl of en)", "interface language (nl or en)"),
    "import": (
        "voeg uitwisselbestanden (JSON) samen in een sessiebestand",
        "merge exchange files (JSON) into a session file",
    ),
    "import_files": ("uitwisselbestanden", "exchange files"),
    "import_session": (
        "het sessiebestand (wordt gemaakt als het nog niet bestaat)",
        "the session file (created if it does not exist)",
    ),
    "export": (
        "exporteer een sessie naar JSON, Excel of PDF",
        "export a session to JSON, Excel or PDF",
    ),
    "export_path": ("het sessiebestand", "the session file"),
    "export_json": (
        "schrijf het uitwisselbestand (JSON) hierheen",
        "write the exchange file (JSON) here",
    ),
    "export_xlsx": ("schrijf de HR-werkmap (Excel) hierheen", "write the HR workbook (Excel) here"),
    "export_pdf": (
        "schrijf het oogstverslag (PDF) hierheen",
        "write the harvest report (PDF) here",
    ),
    "export_no_names": (
        "zonder namen van personen (tafelhosts, eigenaren) en met de privacydrempel ook in de "
        "JSON: om te delen buiten HR",
        "without names of people (table hosts, owners) and with the privacy floor in the JSON "
        "too: to share beyond HR",
    ),
    "suggest": (
        "print thema- en dubbelsuggesties voor een sessie",
        "print theme and duplicate suggestions for a session",
    ),
    "suggest_json": ("als JSON", "as JSON"),
    "need_output": (
        "geef minstens één van --json, --xlsx of --pdf",
        "give at least one of --json, --xlsx or --pdf",
    ),
    "imported": (
        "{source}: {added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd",
        "{source}: {added} added, {updated} updated, {unchanged} unchanged",
    ),
    "exported": ("geschreven: {path}", "written: {path}"),
    "usage_error": (
        "fout in de opdracht: {message} (zie tafelronde --help)",
        "error in the command: {message} (see tafelronde --help)",
    ),
    "suggest_summary": (
        "{duplicates} mogelijke dubbelen, {themes} voorgestelde thema's",
        "{duplicates} possible duplicates, {themes} suggested themes",
    ),
    "usage": ("gebruik:", "usage:"),
    "positionals": ("argumenten", "arguments"),
    "options": ("opties", "options"),
    "help": ("toon deze hulp en stop", "show this help and stop"),
    "version": ("toon het versienummer en stop", "show the version number and stop"),
    "commands": (
        "opdrachten (zonder venster, ook zonder beeldscherm)",
        "commands (no window, no display needed)",
    ),
    "command_help": (
        "meer over een opdracht: tafelronde OPDRACHT --help",
        "more about a command: tafelronde COMMAND --help",
    ),
    "command": ("OPDRACHT", "COMMAND"),
    "unknown_command": (
        "onbekende opdracht '{given}'; bedoelde u '{match}'?",
        "unknown command '{given}'; did you mean '{match}'?",
    ),
    "no_display": (
        "Geen beeldscherm gevonden (DISPLAY en WAYLAND_DISPLAY zijn leeg): het venster van "
        "Tafelronde kan hier niet openen. Start het vanaf een bureaublad; import, export, suggest "
        "en room werken ook zonder beeldscherm.",
        "No display found (DISPLAY and WAYLAND_DISPLAY are empty): Tafelronde's window cannot "
        "open here. Start it from a desktop; import, export, suggest and room also work without a "
        "display.",
    ),
    "display_unreachable": (
        "Het beeldscherm {display} (DISPLAY) antwoordt niet: het venster van Tafelronde kan hier "
        "niet openen. Start het vanaf een bureaublad of zet DISPLAY goed; import, export, suggest "
        "en room werken ook zonder beeldscherm.",
        "The display {display} (DISPLAY) does not answer: Tafelronde's window cannot open here. "
        "Start it from a desktop or set DISPLAY right; import, export, suggest and room also work "
        "without a display.",
    ),
    "room": (
        "zet de zaal online (telefoons doen mee via het lokale netwerk), zonder venster",
        "put the room online (phones join over the local network), without a window",
    ),
    "room_host": (
        "adres van deze laptop om op te luisteren (standaard: het netwerkadres)",
        "address of this laptop to listen on (default: its network address)",
    ),
    "room_port": ("poort (standaard 8080)", "port (default 8080)"),
}

# `tafelronde room` in a terminal
ROOM_CONSOLE: Final[dict[str, Text]] = {
    "code": ("deelnamecode: {code}", "join code: {code}"),
    "test": ("test de zaal: {url}/test", "test the room: {url}/test"),
    "stop": ("stoppen: Ctrl+C", "stop: Ctrl+C"),
    "stopped": ("zaal gesloten", "room closed"),
}

CATALOGUE: Final[dict[str, Mapping[str, Text]]] = {
    "word": WORD,
    "status": STATUS,
    "periodicity": PERIODICITY,
    "quadrant": QUADRANT,
    "month": MONTH,
    "sheet": SHEET,
    "table_name": TABLE_NAME,
    "workbook": WORKBOOK,
    "report": REPORT,
    "chart": CHART,
    "cell_style": CELL_STYLE,
    "cell": CELL,
    "file_name": FILE_NAME,
    "error": ERROR,
    "reason": REASON,
    "operation": OPERATION,
    "follow_up": FOLLOW_UP,
    "json_error": JSON_ERROR,
    "room": ROOM,
    "ballot_card": BALLOT_CARD,
    "command_line": COMMAND_LINE,
    "room_console": ROOM_CONSOLE,
}


def text(key: str, lang: str = "nl", **params: Any) -> str:
    """The text under ``"section.key"`` (``"status.done"``) in ``lang``, filled in."""
    section, _, name = key.partition(".")
    chosen = pick(CATALOGUE[section][name], lang)
    return chosen.format(**params) if params else chosen


def status_name(status: str, lang: str = "nl") -> str:
    """An intervention status (``"done"``) as the user reads it ("Afgerond")."""
    return pick(STATUS[status], lang)


def periodicity_name(periodicity: str, lang: str = "nl") -> str:
    return pick(PERIODICITY[periodicity], lang)
