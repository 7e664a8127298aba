"""A smaller ICU data library for the Linux app: only the ICU data Qt can use here.

PySide6's Qt on Linux links ICU and finds all ICU data in ``libicudata.so.NN``: one
exported symbol, ``icudtNN_dat``, holding an ICU data package of 31 MB (every
locale's names, currencies, units, spelled-out numbers, transliterators, 200
legacy code pages, ...). Of all Qt libraries only QtCore calls ICU (``nm -D``),
and only for collation (QCollator: ``ucol_*``), case mapping (``u_strTo*``),
time zones (QTimeZone: ``ucal_*``) and legacy text encodings (QStringConverter:
``ucnv_*``). The app speaks Dutch and English.

:func:`trimmed_library` takes the package out of the library, removes with ICU's
own ``icupkg`` (Debian: icu-devtools) what cannot be used, and builds a library
with the same file name, soname and symbol (``as`` and ``ld``: binutils). Kept:

- the data that is not per locale (but for the few items removed below):
  normalisation, likely subtags, time zone rules and metazones, calendar and
  plural rules, converter aliases, ...;
- in every tree: ``root``, ``pool`` and ``res_index`` and the Dutch and English
  locales (any region: ``nl_BE``, ``en_GB``, ``en_001``, ...);
- all of ``brkitr/`` (break iterator rules and dictionaries, 3.4 MB), although
  this Qt calls no ``ubrk_*`` function: it breaks text with its own tables.

Removed: other languages' locales (ICU falls back to root: a QCollator for,
say, a Swedish system locale sorts by the root order, as Dutch and English do), the
conversion tables (``*.cnv``: UTF-8/16/32, Latin-1 and ASCII are built into ICU
and Qt), transliteration, rule-based number formatting, character names, spoof
checks and StringPrep profiles (Qt calls none of these).

:func:`check` loads the ICU libraries of a folder with ctypes and calls what Qt
calls; the build runs it on the result and tests/test_frozen_app.py on the app.

    python installer/icu_data.py tools      # exit 1 and name what is missing
    python installer/icu_data.py check DIR  # exit 1 and say what fails
"""

from __future__ import annotations

import ctypes
import functools
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

LOCALE_ITEM = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res")
KEEP_LANGUAGES = frozenset({"nl", "en"})
ALWAYS_KEPT = frozenset({"root.res", "pool.res", "res_index.res"})
DROPPED_TREES = frozenset({"translit", "rbnf"})
KEPT_TREES = frozenset({"brkitr"})
#: Character names (u_charName), spoof checks (uspoof) and StringPrep profiles
#: (IDNA2003, usprep): ICU services Qt never calls.
DROPPED_ITEMS = frozenset({"unames.icu", "confusables.cfu"})
DROPPED_SUFFIXES = (".cnv", ".spp")
DATA_SYMBOL = re.compile(r"icudt(\d+)_dat")
#: The tools and the Debian package that has them.
TOOLS = {"icupkg": "icu-devtools", "as": "binutils", "ld": "binutils"}


class ToolsMissing(RuntimeError):
    """A tool needed to trim the data is not installed."""


def keep_item(item: str) -> bool:
    """True for an item of the ICU data package (``coll/nl.res``, ``likelySubtags.res``) kept."""
    tree, _, name = item.rpartition("/")
    if tree in KEPT_TREES:
        return True
    if tree in DROPPED_TREES or item in DROPPED_ITEMS or name.endswith(DROPPED_SUFFIXES):
        return False
    if name in ALWAYS_KEPT or not LOCALE_ITEM.fullmatch(name):
        return True
    return name.removesuffix(".res").split("_")[0] in KEEP_LANGUAGES


def tool(name: str) -> str | None:
    """The path of a tool; icupkg is in /usr/sbin on Debian, outside a user's PATH."""
    return shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")


def missing_tools() -> list[str]:
    return [name for name in TOOLS if tool(name) is None]


def data_symbol(library: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the data symbol of a libicudata (ELF, 64-bit, LE)."""
    data = library.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{library}: not a 64-bit little-endian ELF file")
    (section_headers,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    # name, type, flags, address, offset, size, link, info, alignment, entry size
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_headers + i * entry_size)
        for i in range(count)
    ]
    for _, kind, _, _, offset, size, link, _, _, symbol_size in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, symbol_size):
            name_at, _, _, index, value, length = struct.unpack_from("<IBBHQQ", data, at)
            name = data[strings + name_at : data.index(b"\0", strings + name_at)].decode()
            if DATA_SYMBOL.fullmatch(name):
                address, file_offset = sections[index][3], sections[index][4]
                start = file_offset + value - address
                # An ICU data header: its size, then the magic bytes 0xda 0x27.
                if data[start + 2 : start + 4] != b"\xda\x27":
                    raise ValueError(f"{library}: {name} is not ICU data")
                return name, start, length
    raise ValueError(f"{library}: no icudtNN_dat symbol")


def _run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def trimmed_library(library: Path, workdir: Path, keep: Callable[[str], bool] = keep_item) -> Path:
    """A copy of ``library`` (a libicudata) with only the items ``keep`` keeps, in ``workdir``."""
    missing = missing_tools()
    if missing:
        packages = sorted({TOOLS[name] for name in missing})
        raise ToolsMissing(f"missing {', '.join(missing)} (Debian: {' '.join(packages)})")
    symbol, offset, size = data_symbol(library)
    version = DATA_SYMBOL.fullmatch(symbol).group(1)  # type: ignore[union-attr]
    workdir.mkdir(parents=True, exist_ok=True)
    full = workdir / f"icudt{version}l.dat"
    full.write_bytes(library.read_bytes()[offset : offset + size])
    icupkg = str(tool("icupkg"))
    items = _run(icupkg, "--list", str(full)).split()
    removed = workdir / "removed.txt"
    removed.write_text("".join(f"{item}\n" for item in items if not keep(item)))
    (workdir / "trimmed").mkdir(exist_ok=True)
    trimmed = workdir / "trimmed" / full.name
    trimmed.unlink(missing_ok=True)
    _run(icupkg, "--remove", str(removed), str(full), str(trimmed))
    # The package as the library's only content, 16-byte aligned as ICU requires.
    source = workdir / "icudata.s"
    source.write_text(
        '\t.section .note.GNU-stack,"",%progbits\n'
        "\t.section .rodata\n"
        "\t.balign 16\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, %object\n"
        f"\t.size {symbol}, {trimmed.stat().st_size}\n"
        f"{symbol}:\n"
        f'\t.incbin "{trimmed.as_posix()}"\n',
        encoding="utf-8",
    )
    obj = workdir / "icudata.o"
    _run(str(tool("as")), "-o", str(obj), str(source))
    (workdir / "lib").mkdir(exist_ok=True)
    result = workdir / "lib" / library.name
    _run(
        str(tool("ld")),
        "-shared",
        "-z",
        "noexecstack",
        "-soname",
        library.name,
        "-o",
        str(result),
        str(obj),
    )
    return result


# --------------------------------------------------------------------------- the check


def _uchars(text: str) -> tuple[ctypes.Array[ctypes.c_char], int]:
    encoded = text.encode("utf-16-le")
    return ctypes.create_string_buffer(encoded), len(encoded) // 2


def check(folder: Path) -> list[str]:
    """What fails when calling, through the ICU libraries in ``folder``, what Qt calls.

    Loads libicui18n and libicuuc from ``folder`` (they find libicudata next to
    them), so run it in a fresh process: a process that has loaded another ICU of
    the same version would keep using that one.
    """
    i18n_path = next(folder.glob("libicui18n.so.*"))
    version = i18n_path.name.rsplit(".", 1)[1]
    i18n = ctypes.CDLL(str(i18n_path))
    uc = ctypes.CDLL(str(folder / f"libicuuc.so.{version}"))

    def function(lib: ctypes.CDLL, name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:
        result: Callable[..., Any] = getattr(lib, f"{name}_{version}")
        result.restype = restype  # type: ignore[attr-defined]
        result.argtypes = argtypes  # type: ignore[attr-defined]
        return result

    # Opaque handles, UChar (UTF-16) buffers, int32_t, UErrorCode*.
    p, u, i32 = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32
    status_p = ctypes.POINTER(ctypes.c_int)
    error_name = function(uc, "u_errorName", ctypes.c_char_p, ctypes.c_int)
    problems: list[str] = []

    def failed(what: str, status: ctypes.c_int) -> bool:
        if status.value > 0:  # U_FAILURE; warnings (fallbacks) are negative
            problems.append(f"{what}: {error_name(status.value).decode()}")
            return True
        return False

    status = ctypes.c_int(0)
    function(uc, "u_init", None, status_p)(ctypes.byref(status))
    failed("u_init (the ICU data)", status)

    # Collation (QCollator): accents and case are secondary, unlike code point order.
    ucol_open = function(i18n, "ucol_open", p, ctypes.c_char_p, status_p)
    ucol_strcoll = function(i18n, "ucol_strcoll", ctypes.c_int, p, u, i32, u, i32)
    ucol_close = function(i18n, "ucol_close", None, p)
    words = ["zebra", "Émile", "appel", "Zon", "eland", "Ærø", "fiets", "één"]
    for locale in ("nl_NL", "en_GB", "de_DE", ""):
        status = ctypes.c_int(0)
        collator = ucol_open(locale.encode(), ctypes.byref(status))
        if failed(f"ucol_open({locale!r})", status):
            continue

        def compare(a: str, b: str, collator: int = collator) -> int:
            return int(ucol_strcoll(collator, *_uchars(a), *_uchars(b)))

        order = sorted(words, key=functools.cmp_to_key(compare))
        expected = ["Ærø", "appel", "één", "eland", "Émile", "fiets", "zebra", "Zon"]
        if order != expected:
            problems.append(f"collation {locale!r} sorts {order}")
        ucol_close(collator)

    # Time zones (QTimeZone): canonical ids and display names.
    ucal_open = function(i18n, "ucal_open", p, u, i32, ctypes.c_char_p, ctypes.c_int, status_p)
    ucal_name = function(
        i18n,
        "ucal_getTimeZoneDisplayName",
        i32,
        p,
        ctypes.c_int,
        ctypes.c_char_p,
        u,
        i32,
        status_p,
    )
    ucal_close = function(i18n, "ucal_close", None, p)
    for locale, name in (
        ("nl_NL", "Midden-Europese standaardtijd"),
        ("en_GB", "Central European Standard Time"),
    ):
        status = ctypes.c_int(0)
        calendar = ucal_open(*_uchars("Europe/Amsterdam"), locale.encode(), 0, ctypes.byref(status))
        if failed(f"ucal_open({locale!r})", status):
            continue
        buffer = ctypes.create_string_buffer(256)
        length = ucal_name(calendar, 0, locale.encode(), buffer, 128, ctypes.byref(status))
        if not failed(f"ucal_getTimeZoneDisplayName({locale!r})", status):
            shown = buffer.raw[: 2 * length].decode("utf-16-le")
            if shown != name:
                problems.append(f"time zone name {locale!r}: {shown!r}, not {name!r}")
        ucal_close(calendar)

    # Case mapping (QString::toUpper with a locale).
    to_upper = function(uc, "u_strToUpper", i32, u, i32, u, i32, ctypes.c_char_p, status_p)
    status = ctypes.c_int(0)
    buffer = ctypes.create_string_buffer(64)
    length = to_upper(buffer, 32, *_uchars("straße ĳs"), b"nl", ctypes.byref(status))
    if not failed("u_strToUpper", status):
        upper = buffer.raw[: 2 * length].decode("utf-16-le")
        if upper != "STRASSE ĲS":
            problems.append(f"u_strToUpper gives {upper!r}")

    # Text encodings (QStringConverter): the ones built into ICU.
    ucnv_open = function(uc, "ucnv_open", p, ctypes.c_char_p, status_p)
    ucnv_close = function(uc, "ucnv_close", None, p)
    for encoding in ("UTF-8", "UTF-16LE", "ISO-8859-1", "US-ASCII"):
        status = ctypes.c_int(0)
        converter = ucnv_open(encoding.encode(), ctypes.byref(status))
        if not failed(f"ucnv_open({encoding!r})", status):
            ucnv_close(converter)

    # The data really came from this folder.
    maps = Path("/proc/self/maps").read_text(encoding="utf-8")
    used = {line.split()[-1] for line in maps.splitlines() if "libicudata" in line}
    if used != {str((folder / f"libicudata.so.{version}").resolve())}:
        problems.append(f"libicudata loaded from {sorted(used)}")
    return problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["tools"]:
        missing = missing_tools()
        for name in missing:
            print(f"missing {name} (Debian package {TOOLS[name]})", file=sys.stderr)
        return 1 if missing else 0
    if len(argv) == 2 and argv[0] == "check":
        problems = check(Path(argv[1]).resolve())
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print("usage: icu_data.py tools | icu_data.py check DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
