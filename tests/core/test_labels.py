"""The one catalogue of words (core/labels.py): complete in both languages, and used."""

from __future__ import annotations

import string

import pytest

from desktop_app.core import labels
from desktop_app.core.action_plan import QUADRANTS, quadrant_name
from desktop_app.core.errors import MESSAGES, REASONS, Reason, UserError, ValidationError
from desktop_app.core.model import PERIODICITIES, STATUSES
from desktop_app.ops.errors import OperationError
from desktop_app.storage.follow_up import FollowUpError

ALL = [
    (section, key, text)
    for section, entries in labels.CATALOGUE.items()
    for key, text in entries.items()
]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize(("section", "key", "text"), ALL, ids=[f"{s}.{k}" for s, k, _ in ALL])
def test_every_key_has_dutch_and_english(section: str, key: str, text: labels.Text) -> None:
    assert isinstance(text, tuple) and len(text) == 2
    nl, en = text
    assert isinstance(nl, str) and nl.strip() == nl and nl
    assert isinstance(en, str) and en.strip() == en and en
    # The same placeholders, so a message fills in alike in both languages.
    assert placeholders(nl) == placeholders(en)


def test_the_catalogue_names_every_section() -> None:
    sections = {
        name
        for name, value in vars(labels).items()
        if name.isupper() and isinstance(value, dict) and name != "CATALOGUE"
    }
    assert {name.lower() for name in sections} == set(labels.CATALOGUE)


def test_kinds_have_a_word_for_every_value() -> None:
    assert tuple(labels.STATUS) == STATUSES
    assert tuple(labels.PERIODICITY) == PERIODICITIES
    assert set(labels.QUADRANT) == set(QUADRANTS)
    assert list(labels.MONTH) == [str(month) for month in range(1, 13)]


def test_a_word_in_each_language() -> None:
    assert labels.text("status.done") == "Afgerond"
    assert labels.text("status.done", "en") == "Done"
    assert labels.status_name("running", "en") == "In progress"
    assert labels.periodicity_name("quarterly") == "Per kwartaal"
    assert labels.text("report.page", "en", page=2, total=5) == "Page 2 of 5"
    # Anything but English reads Dutch, as everywhere else in the app.
    assert labels.text("word.other_groups", "de") == "Overige groepen"
    assert quadrant_name("quick_wins", "en") == "Quick wins"


def test_shared_words_are_one_entry() -> None:
    """The PDF and the workbook say "Status" and "Opvolging" from one entry, not two."""
    assert labels.REPORT["status"] is labels.WORD["status"]
    assert labels.WORKBOOK["status"] is labels.WORD["status"]
    assert labels.WORKBOOK["follow_up"] is labels.REPORT["follow_up"]
    assert labels.SHEET["plan"] is labels.REPORT["plan"]
    assert labels.WORKBOOK["other_groups"] is labels.WORD["other_groups"]


def test_error_messages_keep_their_api() -> None:
    """core/errors.py reads the catalogue; callers and the MESSAGES shape are unchanged."""
    assert MESSAGES is labels.ERROR and REASONS is labels.REASON
    assert all(isinstance(nl, str) and isinstance(en, str) for nl, en in MESSAGES.values())
    error = ValidationError("invalid_value", field="Titel", reason=Reason("empty"))
    assert error.message() == "Titel: mag niet leeg zijn"
    assert error.message("en") == "Titel: must not be empty"
    assert UserError("file_missing", path="x.json").message("en") == "File not found: x.json"
    assert OperationError("same_theme").message("nl").startswith("Een thema kan niet")
    assert FollowUpError("same_session", path="a").message("en").startswith("a is this session")
