"""The command line: ``tafelronde [SESSION] | --demo | import | export | suggest | room``.

No Qt is imported on the import, export and suggest paths, so they run on a
server or in CI without a display. Errors are one clear line on stderr and
exit status 2, and nothing is written.
"""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from desktop_app import __version__
from desktop_app.core.errors import UserError

if TYPE_CHECKING:
    from desktop_app.storage.session_file import SessionFile

EXIT_ERROR = 2

TEXT = {
    "nl": {
        "description": "Tafelronde: World Café- en grotegroepssessies, op locatie en offline.",
        "session": "sessiebestand (.tafelronde) om te openen",
        "demo": "open een kopie van de demosessie",
        "lang": "taal van de interface (nl of en)",
        "import": "voeg uitwisselbestanden (JSON) samen in een sessiebestand",
        "import_files": "uitwisselbestanden",
        "import_session": "het sessiebestand (wordt gemaakt als het nog niet bestaat)",
        "export": "exporteer een sessie naar JSON, Excel of PDF",
        "export_path": "het sessiebestand",
        "export_json": "schrijf het uitwisselbestand (JSON) hierheen",
        "export_xlsx": "schrijf de HR-werkmap (Excel) hierheen",
        "export_pdf": "schrijf het oogstverslag (PDF) hierheen",
        "export_no_names": "zonder namen van personen (tafelhosts, eigenaren) en met de "
        "privacydrempel ook in de JSON: om te delen buiten HR",
        "suggest": "print thema- en dubbelsuggesties voor een sessie",
        "suggest_json": "als JSON",
        "need_output": "geef minstens één van --json, --xlsx of --pdf",
        "imported": "{source}: {added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd",
        "exported": "geschreven: {path}",
        "usage_error": "fout in de opdracht: {message} (zie tafelronde --help)",
        "suggest_summary": "{duplicates} mogelijke dubbelen, {themes} voorgestelde thema's",
        "room": "zet de zaal online (telefoons doen mee via het lokale netwerk), zonder venster",
        "room_host": "adres van deze laptop om op te luisteren (standaard: het netwerkadres)",
        "room_port": "poort (standaard 8080)",
    },
    "en": {
        "description": "Tafelronde: World Café and large-group sessions, on site and offline.",
        "session": "session file (.tafelronde) to open",
        "demo": "open a copy of the demo session",
        "lang": "interface language (nl or en)",
        "import": "merge exchange files (JSON) into a session file",
        "import_files": "exchange files",
        "import_session": "the session file (created if it does not exist)",
        "export": "export a session to JSON, Excel or PDF",
        "export_path": "the session file",
        "export_json": "write the exchange file (JSON) here",
        "export_xlsx": "write the HR workbook (Excel) here",
        "export_pdf": "write the harvest report (PDF) here",
        "export_no_names": "without names of people (table hosts, owners) and with the "
        "privacy floor in the JSON too: to share beyond HR",
        "suggest": "print theme and duplicate suggestions for a session",
        "suggest_json": "as JSON",
        "need_output": "give at least one of --json, --xlsx or --pdf",
        "imported": "{source}: {added} added, {updated} updated, {unchanged} unchanged",
        "exported": "written: {path}",
        "usage_error": "error in the command: {message} (see tafelronde --help)",
        "suggest_summary": "{duplicates} possible duplicates, {themes} suggested themes",
        "room": "put the room online (phones join over the local network), without a window",
        "room_host": "address of this laptop to listen on (default: its network address)",
        "room_port": "port (default 8080)",
    },
}


def user_language() -> str:
    """nl or en: TAFELRONDE_LANG, else the locale (Dutch unless it says English)."""
    chosen = os.environ.get("TAFELRONDE_LANG")
    if chosen in ("nl", "en"):
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "en" if value.lower().startswith("en") else "nl"
    code = locale.getlocale()[0] or ""
    return "en" if code.lower().startswith("en") else "nl"


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line, exit status 2."""

    lang = "nl"

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(TEXT[self.lang]["usage_error"].format(message=message) + "\n")
        raise SystemExit(EXIT_ERROR)


def _subcommand_parser(lang: str) -> _Parser:
    t = TEXT[lang]
    _Parser.lang = lang
    parser = _Parser(prog="tafelronde", description=t["description"])
    parser.add_argument("--version", action="version", version=f"tafelronde {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    p_import = commands.add_parser("import", help=t["import"], description=t["import"])
    p_import.add_argument("files", nargs="+", metavar="FILE", help=t["import_files"])
    p_import.add_argument("--session", required=True, metavar="PATH", help=t["import_session"])
    p_export = commands.add_parser("export", help=t["export"], description=t["export"])
    p_export.add_argument("path", metavar="PATH", help=t["export_path"])
    p_export.add_argument("--json", metavar="OUT", help=t["export_json"])
    p_export.add_argument("--xlsx", metavar="OUT", help=t["export_xlsx"])
    p_export.add_argument("--pdf", metavar="OUT", help=t["export_pdf"])
    p_export.add_argument(
        "--zonder-namen",
        "--no-names",
        dest="no_names",
        action="store_true",
        help=t["export_no_names"],
    )
    p_suggest = commands.add_parser("suggest", help=t["suggest"], description=t["suggest"])
    p_suggest.add_argument("path", metavar="PATH", help=t["export_path"])
    p_suggest.add_argument("--json", action="store_true", help=t["suggest_json"])
    p_room = commands.add_parser("room", help=t["room"], description=t["room"])
    p_room.add_argument("path", metavar="PATH", help=t["export_path"])
    p_room.add_argument("--host", metavar="H", help=t["room_host"])
    p_room.add_argument("--port", metavar="N", type=int, default=8080, help=t["room_port"])
    return parser


def _gui_parser(lang: str) -> _Parser:
    t = TEXT[lang]
    _Parser.lang = lang
    parser = _Parser(
        prog="tafelronde",
        description=t["description"],
        epilog="tafelronde import FILE... --session PATH | "
        "tafelronde export PATH --json OUT | --xlsx OUT | --pdf OUT [--zonder-namen] | "
        "tafelronde suggest PATH --json | "
        "tafelronde room PATH [--host H] [--port N]",
    )
    parser.add_argument("--version", action="version", version=f"tafelronde {__version__}")
    parser.add_argument("session", nargs="?", metavar="SESSION", help=t["session"])
    parser.add_argument("--demo", action="store_true", help=t["demo"])
    parser.add_argument("--lang", choices=("nl", "en"), help=t["lang"])
    return parser


SUBCOMMANDS = ("import", "export", "suggest", "room")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = user_language()
    if args_list and args_list[0] in SUBCOMMANDS:
        import sqlite3  # here, not at the top: the GUI's start does not wait for it

        args = _subcommand_parser(lang).parse_args(args_list)
        try:
            if args.command == "import":
                return _run_import(args.files, Path(args.session), lang)
            if args.command == "export":
                return _run_export(args, lang)
            if args.command == "room":
                from desktop_app.room.headless import run_room

                return run_room(Path(args.path), host=args.host, port=args.port, lang=lang)
            return _run_suggest(Path(args.path), as_json=args.json, lang=lang)
        except UserError as error:
            sys.stderr.write(error.message(lang) + "\n")
            return EXIT_ERROR
        except (OSError, sqlite3.Error) as error:
            sys.stderr.write(f"tafelronde: {error}\n")
            return EXIT_ERROR
    args = _gui_parser(lang).parse_args(args_list)
    from desktop_app import app  # Qt only from here on

    return app.run(session=args.session, demo=args.demo, lang=args.lang)


def _run_import(files: Sequence[str], session_path: Path, lang: str) -> int:
    from desktop_app.core.merge import Outcome
    from desktop_app.storage.exchange import import_files
    from desktop_app.storage.session_file import SessionFile

    created = not session_path.exists()
    session_file = SessionFile.create(session_path) if created else SessionFile.open(session_path)
    try:
        if not created:
            _backup_before_import(session_file, lang)
        reports = import_files(session_file, files)
    except BaseException:
        session_file.close()
        if created:
            _remove_session_files(session_path)
        raise
    session_file.close()
    for report in reports:
        print(
            TEXT[lang]["imported"].format(
                source=report.source,
                added=report.total(Outcome.ADDED),
                updated=report.total(Outcome.UPDATED),
                unchanged=report.total(Outcome.UNCHANGED),
            )
        )
    return 0


def _backup_before_import(session_file: SessionFile, lang: str) -> None:
    """As the GUI does; the import goes on without one (and says so on stderr)."""
    from desktop_app.storage.backups import IMPORT, make_backup

    try:
        make_backup(session_file.path, IMPORT)
    except UserError as error:
        sys.stderr.write(error.message(lang) + "\n")


def _remove_session_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _run_export(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.storage.exchange import export_document, write_json_atomically
    from desktop_app.storage.session_file import SessionFile

    if not (args.json or args.xlsx or args.pdf):
        sys.stderr.write(TEXT[lang]["usage_error"].format(message=TEXT[lang]["need_output"]) + "\n")
        return EXIT_ERROR
    with SessionFile.open_readonly(args.path) as session_file:
        snapshot = session_file.snapshot()
        names = not args.no_names
        document = export_document(session_file, names=names) if args.json else None
    if document is not None:
        write_json_atomically(document, args.json)
        print(TEXT[lang]["exported"].format(path=args.json))
    if args.xlsx:
        from desktop_app.export.workbook import write_workbook

        write_workbook(snapshot, Path(args.xlsx), names=names)
        print(TEXT[lang]["exported"].format(path=args.xlsx))
    if args.pdf:
        from desktop_app.export.report import write_report

        write_report(snapshot, Path(args.pdf), names=names)
        print(TEXT[lang]["exported"].format(path=args.pdf))
    return 0


def _run_suggest(path: Path, *, as_json: bool, lang: str) -> int:
    import json

    from desktop_app.core.suggestion_report import suggestion_document
    from desktop_app.storage.session_file import SessionFile

    with SessionFile.open_readonly(path) as session_file:
        snapshot = session_file.snapshot()
    document = suggestion_document(snapshot)
    if as_json:
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(
            TEXT[lang]["suggest_summary"].format(
                duplicates=len(document["duplicates"]), themes=len(document["themes"])
            )
        )
        for theme in document["themes"]:
            print(f"- {theme['name']} ({len(theme['proposal_ids'])})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
