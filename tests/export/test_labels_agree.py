"""One word per status: the console, the beamer, the PDF and the workbook agree, per language.

The exports take their words from the catalogue (desktop_app/core/labels.py); the console
and the beamer from Qt's tr() and the English .qm. A session with one intervention per
status (and per periodicity) is exported for real and read back (openpyxl, pypdf), and the
real widgets are asked what they show.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import paths
from desktop_app.core import labels
from desktop_app.core.model import PERIODICITIES, STATUSES, Intervention, Kind
from desktop_app.export.report import write_report
from desktop_app.export.workbook import write_workbook
from desktop_app.storage.session_file import SessionFile, new_id
from desktop_app.ui.beamer.stage import BeamerStage
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.action_plan import ActionPlanPage

LANGUAGES = ("nl", "en")


def title_of(status: str) -> str:
    return f"Interventie-{status}"


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def controller(tmp_path: Path, lang: str) -> Iterator[SessionController]:
    """A session in ``lang`` with one intervention per status, each its own periodicity."""
    sf = SessionFile.create(tmp_path / "labels.tafelronde", title="Labels", language=lang)
    for status, periodicity in zip(STATUSES, PERIODICITIES, strict=True):
        iv = Intervention(
            new_id(),
            title_of(status),
            owner="Jan",
            follow_up="2027-05-01",
            status=status,
            periodicity=periodicity,
        )
        sf.add(Kind.INTERVENTION, iv)
    controller = SessionController(sf, language=lang)
    yield controller
    controller.close()


@pytest.fixture
def interface(qapp: QApplication, lang: str) -> Iterator[None]:
    """The console in ``lang``: the compiled English, as app.install_translators loads it."""
    if lang == "nl":  # Dutch is the source language of every tr()
        yield
        return
    translator = QTranslator()
    assert translator.load(str(paths.resource("translations/tafelronde_en.qm")))
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def workbook_words(controller: SessionController, lang: str, target: Path) -> dict[str, tuple]:
    """Intervention title -> (status, periodicity) as the HR workbook's action plan shows them."""
    write_workbook(controller.snapshot(), target)
    words = labels.words(labels.WORKBOOK, lang)
    sheet = load_workbook(target)[labels.pick(labels.SHEET["plan"], lang)]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    title, status, periodicity = (
        header.index(words[key]) for key in ("intervention", "status", "periodicity")
    )
    return {row[title]: (row[status], row[periodicity]) for row in rows[1:]}


def report_lines(controller: SessionController, target: Path) -> list[str]:
    write_report(controller.snapshot(), target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def report_words(lines: list[str], lang: str) -> dict[str, tuple[str, str, str]]:
    """Intervention title -> (status in the plan's table, status and periodicity on its card)."""
    status_label = labels.pick(labels.REPORT["status"], lang) + " "
    often_label = labels.pick(labels.REPORT["periodicity"], lang) + " "
    found: dict[str, tuple[str, str, str]] = {}
    for number, status in enumerate(STATUSES, start=1):
        heading = f"{number}. {title_of(status)}"
        row = next(line for line in lines if line.startswith(heading + " "))
        card = lines.index(heading)
        facts = lines[card + 1 : card + 8]
        on_card = next(line for line in facts if line.startswith(status_label))
        often = next(line for line in facts if line.startswith(often_label))
        found[title_of(status)] = (
            row,
            on_card.removeprefix(status_label),
            often.removeprefix(often_label),
        )
    return found


def test_every_status_is_one_word_everywhere(
    qtbot: QtBot, tmp_path: Path, controller: SessionController, lang: str, interface: None
) -> None:
    expected = {status: labels.pick(labels.STATUS[status], lang) for status in STATUSES}
    periodicity = {p: labels.pick(labels.PERIODICITY[p], lang) for p in PERIODICITIES}

    # The console: the status and periodicity lists of the form, and the plan's list.
    page = ActionPlanPage(controller)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    combo = page.status_combo
    console = {combo.itemData(i): combo.itemText(i) for i in range(1, combo.count())}
    assert console == expected
    combo = page.periodicity_combo
    console_often = {combo.itemData(i): combo.itemText(i) for i in range(1, combo.count())}
    assert console_often == periodicity
    listed = page.plan_list
    rows = {
        listed.topLevelItem(i).text(1): listed.topLevelItem(i).text(2)
        for i in range(listed.topLevelItemCount())
    }
    assert rows == {title_of(status): word for status, word in expected.items()}

    # The beamer: the follow-up cards of what is done or running.
    stage = BeamerStage()
    qtbot.addWidget(stage)
    stage.pager.stop()
    stage.set_controller(controller)
    cards = stage.views["follow_up"].cards(controller.snapshot())
    assert {card.title: card.badge for card in cards} == {
        title_of(status): expected[status] for status in ("running", "done")
    }
    stage.set_controller(None)

    # The HR workbook.
    sheet = workbook_words(controller, lang, tmp_path / "hr.xlsx")
    assert sheet == {
        title_of(status): (expected[status], periodicity[p])
        for status, p in zip(STATUSES, PERIODICITIES, strict=True)
    }

    # The harvest report: the plan's table and each intervention's card.
    found = report_words(report_lines(controller, tmp_path / "oogst.pdf"), lang)
    for status, p in zip(STATUSES, PERIODICITIES, strict=True):
        row, on_card, often = found[title_of(status)]
        assert row.endswith(" " + expected[status]), row
        assert (on_card, often) == (expected[status], periodicity[p])


# (Qt context, the console's Dutch source) -> the catalogue's entry for the same thing.
CONSOLE_WORDS = [
    ("ResultsSection", "Overige groepen", labels.WORD["other_groups"]),
    ("ActionPlanPage", "Status", labels.WORD["status"]),
    ("ActionPlanPage", "Interventie", labels.WORD["intervention"]),
    ("SessionSafety", "beschadigd", labels.FILE_NAME["damaged"]),
]


@pytest.mark.parametrize(("context", "source", "entry"), CONSOLE_WORDS)
def test_the_console_says_what_the_exports_say(
    lang: str, interface: None, context: str, source: str, entry: labels.Text
) -> None:
    assert QCoreApplication.translate(context, source) == labels.pick(entry, lang)


def test_done_is_afgerond_and_done() -> None:
    """The word chosen for issue 14: not "klaar", "Klaar" or "gedaan" any more."""
    assert labels.STATUS["done"] == ("Afgerond", "Done")
    assert labels.STATUS["running"] == ("Loopt", "In progress")


def test_the_workbook_speaks_one_language(
    tmp_path: Path, controller: SessionController, lang: str
) -> None:
    """Sheets, the action plan's columns and the cell styles all in the session's language."""
    target = tmp_path / "hr.xlsx"
    write_workbook(controller.snapshot(), target)
    book = load_workbook(target)
    assert labels.pick(labels.SHEET["plan"], lang) in book.sheetnames
    styles = set(book.named_styles)
    assert {labels.pick(text, lang) for text in labels.CELL_STYLE.values()} <= styles
    other = "nl" if lang == "en" else "en"
    assert not {labels.pick(text, other) for text in labels.CELL_STYLE.values()} & styles
