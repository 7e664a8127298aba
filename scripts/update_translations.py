"""Refresh the English translation from the Dutch source strings, then compile it.

Our strings are written in Dutch (Dutch first); ``resources/translations/
tafelronde_en.ts`` holds their English. This runs ``pyside6-lupdate`` over the
package (keeping existing translations, dropping vanished ones) and
``pyside6-lrelease`` to make the ``.qm`` the app loads. Usage:
``.venv/bin/python scripts/update_translations.py [--check]``; ``--check`` exits 1
when a string has no English yet.

Plural forms (``self.tr("%n voorstel(len)", "", n)``) need a translation in the
source language too, as Qt's documentation says: ``tafelronde_nl.ts`` holds only
those (``lupdate -pluralonly``), with the Dutch singular and plural.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "tafelronde_en.ts"
QM = TS.with_suffix(".qm")
TS_NL = ROOT / "resources" / "translations" / "tafelronde_nl.ts"  # Dutch plural forms only
QM_NL = TS_NL.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "desktop_app").rglob("*.py"))]


def run_lupdate(target: Path, language: str = "en") -> None:
    """``language`` "nl": only the messages with plural forms (``-pluralonly``)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            *(["-pluralonly"] if language == "nl" else []),
            "-source-language",
            "nl",
            "-target-language",
            language,
            "-locations",
            "none",
            "-no-obsolete",
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    tree = ET.parse(ts_file)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not (translation.text or translation.findall("numerusform"))
            ):
                missing.append((name, message.findtext("source") or ""))
    return missing


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    total = 0
    for ts, qm, language in ((TS, QM, "en"), (TS_NL, QM_NL, "nl")):
        run_lupdate(ts, language)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
        missing = unfinished(ts)
        for context, source in missing:
            print(f"untranslated: [{context}] {source}")
        print(f"{ts.name}: {len(missing)} untranslated")
        total += len(missing)
    return 1 if total and "--check" in sys.argv else 0


if __name__ == "__main__":
    raise SystemExit(main())
