"""The console's tests run with the Dutch plural forms loaded, as the app does.

Our strings are Dutch; Qt picks "1 voorstel" or "2 voorstellen" for
``tr("%n voorstel(len)", "", n)`` only from a translation, so the app loads
``tafelronde_nl.qm`` (plural forms only) for Dutch. Without it every count would
read "voorstel(len)".
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app import paths


@pytest.fixture(autouse=True, scope="session")
def dutch_plural_forms(qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(paths.resource("translations/tafelronde_nl.qm")))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)
