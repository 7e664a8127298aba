"""Why an operation refused, in Dutch and English (the pattern of core/errors.py)."""

from __future__ import annotations

from desktop_app.core.errors import UserError

# code -> (Dutch, English)
OPERATION_MESSAGES: dict[str, tuple[str, str]] = {
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


class OperationError(UserError):
    """An operation refused; nothing was changed."""

    def message(self, lang: str = "nl") -> str:
        if self.code not in OPERATION_MESSAGES:
            return super().message(lang)
        nl, en = OPERATION_MESSAGES[self.code]
        return (en if lang == "en" else nl).format(**self.params)
