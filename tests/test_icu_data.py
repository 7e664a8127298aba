"""The Linux app's smaller ICU data library (installer/icu_data.py).

The rules of what is kept, and a library built from PySide6's own ICU data that
still does what Qt asks of ICU (collation, time zone names, case mapping,
converters), checked through PySide6's ICU libraries in a separate process.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "installer" / "icu_data.py"
_spec = importlib.util.spec_from_file_location("icu_data", SCRIPT)
assert _spec is not None and _spec.loader is not None
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)


def pyside6_icu() -> Path | None:
    """PySide6's libicudata (Linux wheels only), if there is one."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    found = sorted((Path(spec.origin).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@pytest.mark.parametrize(
    "item",
    [
        "root.res",
        "pool.res",
        "res_index.res",
        "nl.res",
        "nl_BE.res",
        "en_GB.res",
        "en_001.res",
        "likelySubtags.res",
        "zoneinfo64.res",
        "metaZones.res",
        "cnvalias.icu",
        "nfkc.nrm",
        "coll/root.res",
        "coll/ucadata.icu",
        "coll/nl.res",
        "coll/res_index.res",
        "zone/nl.res",
        "zone/tzdbNames.res",
        "curr/supplementalData.res",
        "brkitr/cjdict.dict",
        "brkitr/de.res",
        "brkitr/line.brk",
    ],
)
def test_kept(item: str) -> None:
    assert icu_data.keep_item(item)


@pytest.mark.parametrize(
    "item",
    [
        "de.res",
        "fr_CA.res",
        "zh_Hant_TW.res",
        "ibm-1252_P100-2000.cnv",
        "gb18030.cnv",
        "coll/zh.res",
        "coll/de__PHONEBOOK.res",
        "zone/ja.res",
        "lang/fr.res",
        "translit/root.res",
        "rbnf/root.res",
        "rbnf/nl.res",
        "unames.icu",
        "confusables.cfu",
        "rfc3491.spp",
    ],
)
def test_removed(item: str) -> None:
    assert not icu_data.keep_item(item)


needs_pyside6_icu = pytest.mark.skipif(pyside6_icu() is None, reason="no PySide6 libicudata")
needs_tools = pytest.mark.skipif(
    bool(icu_data.missing_tools()), reason="needs icupkg (icu-devtools), as and ld (binutils)"
)


@needs_pyside6_icu
def test_finds_the_data_in_pyside6s_library() -> None:
    library = pyside6_icu()
    assert library is not None
    name, offset, size = icu_data.data_symbol(library)
    assert name == f"icudt{library.name.rsplit('.', 1)[1]}_dat"
    assert 20_000_000 < size <= library.stat().st_size - offset


def build(tmp_path: Path, **keep: object) -> Path:
    """The trimmed library, next to copies of PySide6's other ICU libraries."""
    library = pyside6_icu()
    assert library is not None
    result = icu_data.trimmed_library(library, tmp_path, **keep)
    for sibling in library.parent.glob("libicu*.so.*"):
        if sibling.name != library.name:
            shutil.copy2(sibling, result.parent / sibling.name)
    return Path(result)


def check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@needs_pyside6_icu
def test_pyside6s_full_icu_passes_the_check() -> None:
    library = pyside6_icu()
    assert library is not None
    result = check(library.parent)
    assert result.returncode == 0, result.stderr


@needs_pyside6_icu
@needs_tools
def test_trimmed_library_is_small_and_still_serves_qt(tmp_path: Path) -> None:
    original = pyside6_icu()
    assert original is not None
    trimmed = build(tmp_path)
    assert trimmed.name == original.name
    assert trimmed.stat().st_size < original.stat().st_size / 3
    result = check(trimmed.parent)
    assert result.returncode == 0, result.stderr
    # The soname and the symbol ICU looks for are the original ones.
    dynamic = subprocess.run(["readelf", "-d", str(trimmed)], capture_output=True, text=True)
    assert f"[{original.name}]" in dynamic.stdout
    assert icu_data.data_symbol(trimmed)[0] == icu_data.data_symbol(original)[0]


@needs_pyside6_icu
@needs_tools
def test_the_check_notices_missing_data(tmp_path: Path) -> None:
    """Without the time zone rules, time zone names fall back to "GMT": the check says so."""
    trimmed = build(
        tmp_path, keep=lambda item: icu_data.keep_item(item) and item != "zoneinfo64.res"
    )
    result = check(trimmed.parent)
    assert result.returncode == 1
    assert "time zone name 'nl_NL'" in result.stderr
