"""The English translation: complete, compiled, loaded by Qt, and true to its Dutch source.

Our strings are written in Dutch; ``resources/translations/tafelronde_en.ts`` holds their
English. A new ``self.tr("…")`` without English must fail here, not show up in Dutch in an
English user's console.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import install_translators
from desktop_app.storage.demo import create_demo_copy
from desktop_app.ui.console import build_console_window
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.vote import VotePage
from desktop_app.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")


def _load_update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


updater = _load_update_script()
TS: Path = updater.TS
QM: Path = updater.QM


def messages(ts_file: Path) -> list[tuple[str, str, str]]:
    """(context, Dutch source, English translation) for every message."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else translation.findall("numerusform")
            # A plural message: each of its forms is checked like a translation.
            texts = [f.text or "" for f in forms] or [message.findtext("translation") or ""]
            for text in texts:
                found.append((name, message.findtext("source") or "", text))
    return found


def accelerators(text: str) -> int:
    """How many '&' mark a keyboard accelerator ('&&' is a literal '&', as is RI&E)."""
    return len(re.findall(r"&(?!&)", text.replace("&&", "").replace("RI&E", "")))


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    """The compiled English on the test's application, removed again afterwards."""
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} does not load"
    qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


def test_every_string_in_the_code_has_english(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    updater.run_lupdate(copy)
    missing = updater.unfinished(copy)
    assert missing == [], (
        "strings without English (run scripts/update_translations.py and translate them):\n"
        + "\n".join(f"[{context}] {source}" for context, source in missing)
    )
    # The committed .ts already holds exactly what the code asks for.
    assert messages(copy) == messages(TS)


@pytest.mark.parametrize(("ts", "qm"), [(TS, QM), (updater.TS_NL, updater.QM_NL)])
def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path, ts: Path, qm: Path) -> None:
    fresh = tmp_path / qm.name
    subprocess.run(
        [updater.tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == qm.read_bytes(), "run scripts/update_translations.py"


def test_every_plural_in_the_code_has_its_dutch_forms(tmp_path: Path) -> None:
    copy = tmp_path / updater.TS_NL.name
    shutil.copy(updater.TS_NL, copy)
    updater.run_lupdate(copy, "nl")
    assert updater.unfinished(copy) == []
    assert messages(copy) == messages(updater.TS_NL)


def test_counts_read_as_words_in_both_languages(qapp: QApplication) -> None:
    """ "1 voorstel", "2 voorstellen", never "1 voorstel(len)"; and in English too."""
    tr = QCoreApplication.translate
    assert tr("ProposalSearch", "Gevonden: %n voorstel(len)", "", 1) == "Gevonden: 1 voorstel"
    assert tr("ProposalSearch", "Gevonden: %n voorstel(len)", "", 2) == "Gevonden: 2 voorstellen"
    assert tr("QuickPicker", "%n kaart(en) naar…", "", 1) == "1 kaart naar…"
    english = QTranslator()
    assert english.load(str(QM))
    qapp.installTranslator(english)
    try:
        assert tr("QuickPicker", "%n kaart(en) naar…", "", 1) == "1 card to…"
        assert tr("QuickPicker", "%n kaart(en) naar…", "", 3) == "3 cards to…"
    finally:
        qapp.removeTranslator(english)


def test_the_compiled_english_translates_known_strings(english: QTranslator) -> None:
    tr = QCoreApplication.translate
    assert tr("ConsoleMenus", "&Bestand") == "&File"
    assert tr("ConsoleMenus", "Be&werken") == "&Edit"
    assert tr("ConsoleMenus", "Fase {n}").format(n=4) == "Phase 4"
    assert tr("KioskWindow", "Welkom bij het stemmen") == "Welcome to the vote"
    assert tr("ResultsSection", "Uitslag onthullen") == "Reveal result"
    assert tr("ThemeBox", "Naam wijzigen\tF2") == "Rename\tF2"


def test_a_page_built_from_sections_is_english_in_every_part(
    english: QTranslator, controller: SessionController
) -> None:
    """A page's tabs live in modules of their own (vote_tallies.py, vote_results.py); their
    strings are found under the section's name, which Qt tries after the page's."""
    page = VotePage(controller)
    try:
        assert page.reveal_here.text() == "Reveal result"  # vote_results.py
        assert page.tabs.tabText(1) == "Tally"  # vote.py
        # A plural too, which Qt itself looks up under VotePage only (see Page.tr).
        assert page.tr("%n stip(pen) in totaal", "", 1) == "1 dot in total"
        assert page.tr("%n stip(pen) in totaal", "", 31) == "31 dots in total"
    finally:
        page.deleteLater()


def test_a_plural_in_a_section_reads_as_dutch_words(controller: SessionController) -> None:
    """The Dutch plural forms (tafelronde_nl.qm) reach a page's sections too."""
    page = VotePage(controller)
    try:
        assert page.tr("%n stip(pen) in totaal", "", 1) == "1 stip in totaal"
        assert page.tr("%n stip(pen) in totaal", "", 2) == "2 stippen in totaal"
    finally:
        page.deleteLater()


def test_without_the_translator_the_strings_stay_dutch(qapp: QApplication) -> None:
    assert QCoreApplication.translate("ConsoleMenus", "&Bestand") == "&Bestand"


def test_the_console_speaks_english(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    locale = QLocale()
    translators = install_translators(qapp, "en")
    try:
        window = build_console_window(Settings(), "en")
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        assert window.open_session(create_demo_copy(tmp_path))
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&File", "Session", "&Edit", "&View", "&Help"]
        file_items = [a.text() for a in window.menus.file_menu.actions() if not a.isSeparator()]
        assert "&New session…" in file_items and "&Quit" in file_items
        # Each accelerator letter in the File menu is used once.
        letters = [re.search(r"&(\w)", text) for text in file_items]
        keys = [m.group(1).lower() for m in letters if m]
        assert len(keys) == len(file_items) and len(set(keys)) == len(keys)
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_translations_keep_the_placeholders_of_their_source() -> None:
    wrong = [
        (context, source, english)
        for context, source, english in messages(TS)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(english))
    ]
    assert wrong == []


def test_translations_keep_accelerators_and_endings() -> None:
    wrong = []
    for context, source, english in messages(TS):
        if accelerators(source) != accelerators(english):
            wrong.append((context, source, english, "accelerator"))
        for ending in ("…", ":", "\t", " "):
            if source.endswith(ending) != english.endswith(ending):
                wrong.append((context, source, english, f"ends with {ending!r}"))
        if "\t" in source and source.split("\t")[1] != english.split("\t")[-1]:
            wrong.append((context, source, english, "shortcut after tab"))
    assert wrong == []


CLASS = re.compile(r"^class (\w+)\b", re.MULTILINE)
LITERAL_CONTEXT = re.compile(r"translate\(\s*\"(\w*)\"")
HIDDEN_TEXT = re.compile(r"QCoreApplication\.translate\(\s*\"\w*\",\s*(?=[^\s\"'])")


def test_lupdate_sees_every_string_under_the_context_qt_looks_up() -> None:
    code = {p: p.read_text(encoding="utf-8") for p in (ROOT / "desktop_app").rglob("*.py")}
    known = {name for text in code.values() for name in CLASS.findall(text)}
    known |= {name for text in code.values() for name in LITERAL_CONTEXT.findall(text)}
    contexts = {context for context, _, _ in messages(TS)}
    # A context that is no class: `other.tr(…)`, which Qt translates under other's class.
    assert sorted(contexts - known) == []
    # translate("Context", variable): lupdate cannot collect the text.
    hidden = [str(p.relative_to(ROOT)) for p, text in code.items() if HIDDEN_TEXT.search(text)]
    assert hidden == []
