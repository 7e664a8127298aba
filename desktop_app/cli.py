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
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop_app import __version__
from desktop_app.core import labels
from desktop_app.core.errors import UserError

if TYPE_CHECKING:
    from desktop_app.storage.session_file import SessionFile

EXIT_ERROR = 2

# The words, in the one catalogue (core/labels.py), by language.
TEXT = {lang: labels.words(labels.COMMAND_LINE, lang) for lang in labels.LANGUAGES}


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


# argparse's own words (Python 3.11), in Dutch: the command line speaks one language.
ARGPARSE_NL: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (.*)$", r"deze argumenten ontbreken: \1"),
    (r"^unrecognized arguments: (.*)$", r"onbekende argumenten: \1"),
    (
        r"^argument (.+): invalid choice: (.*) \(choose from (.*)\)$",
        r"argument \1: ongeldige keuze \2 (kies uit \3)",
    ),
    (r"^argument (.+): expected one argument$", r"argument \1: hier hoort één waarde bij"),
    (
        r"^argument (.+): expected at least one argument$",
        r"argument \1: hier hoort minstens één waarde bij",
    ),
    (r"^argument (.+): ignored explicit argument (.*)$", r"argument \1: waarde \2 genegeerd"),
    (r"^argument (.+): not allowed with argument (.*)$", r"argument \1: niet samen met \2"),
    (r"^ambiguous option: (.*) could match (.*)$", r"dubbelzinnige optie: \1 kan \2 zijn"),
    (r"^argument (.+): invalid (.*) value: (.*)$", r"argument \1: ongeldige waarde \3"),
)


def translate_argparse(message: str, lang: str) -> str:
    """argparse's English error in the user's language."""
    if lang == "en":
        return message
    import re

    for pattern, replacement in ARGPARSE_NL:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class _Parser(argparse.ArgumentParser):
    """argparse in one language; a usage error is one line, exit status 2."""

    lang = "nl"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        t = TEXT[self.lang]
        kwargs.setdefault("formatter_class", _formatter(self.lang))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = t["positionals"]
        self._optionals.title = t["options"]
        self.add_argument("-h", "--help", action="help", help=t["help"])

    def error(self, message: str) -> NoReturn:
        message = translate_argparse(message, self.lang)
        sys.stderr.write(TEXT[self.lang]["usage_error"].format(message=message) + "\n")
        raise SystemExit(EXIT_ERROR)


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(
            self,
            usage: str | None,
            actions: Iterable[argparse.Action],
            groups: Iterable[argparse._MutuallyExclusiveGroup],
            prefix: str | None = None,
        ) -> None:
            usage_prefix = TEXT[lang]["usage"] + " " if prefix is None else prefix
            super().add_usage(usage, actions, groups, usage_prefix)

    return Formatter


def _parser_class(lang: str) -> type[_Parser]:
    return type("Parser", (_Parser,), {"lang": lang})


def _subcommand_parser(lang: str) -> _Parser:
    t = TEXT[lang]
    parser = _parser_class(lang)(prog="tafelronde", description=t["description"])
    parser.add_argument(
        "--version", action="version", version=f"tafelronde {__version__}", help=t["version"]
    )
    commands = parser.add_subparsers(
        dest="command", required=True, title=t["commands"], metavar=t["command"]
    )
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


def _commands_section(lang: str) -> str:
    """The subcommands as a help section of the main ``--help``."""
    t = TEXT[lang]
    rows = [
        ("import FILE... --session PATH", t["import"]),
        ("export PATH [--json OUT] [--xlsx OUT] [--pdf OUT] [--zonder-namen]", t["export"]),
        ("suggest PATH [--json]", t["suggest"]),
        ("room PATH [--host H] [--port N]", t["room"]),
    ]
    lines = [f"{t['commands']}:"]
    for usage, text in rows:
        lines.append(f"  tafelronde {usage}")
        lines.append(f"      {text}")
    lines.append("")
    lines.append(t["command_help"])
    return "\n".join(lines)


def _gui_parser(lang: str) -> _Parser:
    t = TEXT[lang]
    parser = _parser_class(lang)(
        prog="tafelronde", description=t["description"], epilog=_commands_section(lang)
    )
    parser.add_argument(
        "--version", action="version", version=f"tafelronde {__version__}", help=t["version"]
    )
    parser.add_argument("session", nargs="?", metavar="SESSION", help=t["session"])
    parser.add_argument("--demo", action="store_true", help=t["demo"])
    parser.add_argument("--lang", choices=("nl", "en"), help=t["lang"])
    return parser


def no_display() -> bool:
    """True on Linux (and other X11/Wayland systems) when Qt would find no display.

    Qt aborts with a core dump and a misleading xcb message then; we say so in one
    line instead. ``QT_QPA_PLATFORM=offscreen`` (tests, CI) and the other
    platforms that need no display are left alone.
    """
    if sys.platform in ("win32", "darwin"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    x11 = bool(os.environ.get("DISPLAY"))
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    if platform == "xcb":
        return not x11
    if platform.startswith("wayland"):
        return not wayland
    if platform:
        return False
    return not (x11 or wayland)


def unreachable_x_display() -> str | None:
    """The ``DISPLAY`` Qt would use when no X server answers there, else None.

    A ``DISPLAY`` left over from an ended desktop or an SSH session without X
    forwarding makes Qt abort as an empty one does. Only where Qt would use X11
    and nothing else (``xcb`` asked for alone, or no platform asked for and no
    Wayland), and only on a definite no, as libxcb tries: the local socket
    (``/tmp/.X11-unix/XN``, its abstract twin on Linux), then TCP 6000+N on the
    host (localhost for a local display). A form it does not know (a protocol
    prefix, XQuartz's launchd path), a timeout or any other error: Qt decides.
    """
    if sys.platform in ("win32", "darwin"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    display = os.environ.get("DISPLAY", "")
    if not display or platform.split(":")[0] not in ("", "xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    import re

    parsed = re.fullmatch(r"(?P<host>[^/]*):(?P<number>[0-9]+)(?:\.[0-9]+)?", display)
    if parsed is None:
        return None
    host, number = parsed["host"].strip("[]"), int(parsed["number"])
    import socket

    def refused(family: int, address: Any) -> bool | None:
        """True: nobody there; False: it answers; None: cannot tell."""
        try:
            with socket.socket(family, socket.SOCK_STREAM) as probe:
                probe.settimeout(2.0)
                probe.connect(address)
        except (FileNotFoundError, ConnectionRefusedError):
            return True
        except OSError:
            return None
        return False

    def attempts() -> Iterator[bool | None]:
        if host in ("", "unix"):
            path = f"/tmp/.X11-unix/X{number}"
            yield refused(socket.AF_UNIX, path)
            yield refused(socket.AF_UNIX, "\0" + path)
        if host != "unix":
            try:
                addresses = socket.getaddrinfo(
                    host or "localhost", 6000 + number, type=socket.SOCK_STREAM
                )
            except (socket.gaierror, UnicodeError):
                yield True  # a name that resolves to nothing: libxcb cannot either
                return
            for family, *_, address in addresses:
                yield refused(family, address[:2])

    # At start-up a working display answers the first attempt; the rest are not made.
    return display if all(answer is True for answer in attempts()) else None


def _nearest_command(given: str) -> str | None:
    import difflib

    matches = difflib.get_close_matches(given, SUBCOMMANDS, n=1, cutoff=0.6)
    return matches[0] if matches else None


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
        except BrokenPipeError:
            # The reader went away (``tafelronde suggest S --json | head``): as the
            # Python documentation advises, no message and no second error at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        except (OSError, sqlite3.Error) as error:
            sys.stderr.write(_environment_message(error, lang) + "\n")
            return EXIT_ERROR
    if args_list and not args_list[0].startswith("-") and not Path(args_list[0]).exists():
        match = _nearest_command(args_list[0])
        if match is not None:
            message = TEXT[lang]["unknown_command"].format(given=args_list[0], match=match)
            sys.stderr.write(TEXT[lang]["usage_error"].format(message=message) + "\n")
            return EXIT_ERROR
    args = _gui_parser(lang).parse_args(args_list)
    if no_display():
        sys.stderr.write(TEXT[lang]["no_display"] + "\n")
        return EXIT_ERROR
    if (display := unreachable_x_display()) is not None:
        sys.stderr.write(TEXT[lang]["display_unreachable"].format(display=display) + "\n")
        return EXIT_ERROR
    from desktop_app import app  # Qt only from here on

    return app.run(session=args.session, demo=args.demo, lang=args.lang)


def _environment_message(error: Exception, lang: str) -> str:
    """An OS or SQLite error nobody translated yet, as a plain sentence (no "[Errno 28]")."""
    import errno
    import sqlite3

    from desktop_app.core.errors import Reason

    if isinstance(error, sqlite3.Error):
        text = str(error).lower()
        if "full" in text:
            why = Reason("disk_is_full")
        elif "i/o" in text:
            why = Reason("sqlite_io")
        else:
            why = Reason("os_error", detail=str(error))
        text = UserError("environment", where="", reason=why).message(lang)
        return text[:1].upper() + text[1:]
    assert isinstance(error, OSError)
    codes = {
        errno.ENOSPC: Reason("disk_is_full"),
        errno.EROFS: Reason("disk_read_only"),
        errno.EACCES: Reason("no_permission"),
        errno.EPERM: Reason("no_permission"),
        errno.EIO: Reason("sqlite_io"),
        errno.EISDIR: Reason("is_folder"),
    }
    why = codes.get(error.errno or 0) or Reason("os_error", detail=error.strerror or str(error))
    where = f"{error.filename}: " if error.filename is not None else ""
    return UserError("environment", where=where, reason=why).message(lang)


def _run_import(files: Sequence[str], session_path: Path, lang: str) -> int:
    from desktop_app.core.merge import Outcome
    from desktop_app.storage.exchange import import_documents, read_exchange_files
    from desktop_app.storage.session_file import SessionFile

    # Read and check every file before the session is opened and locked for writing.
    documents = read_exchange_files(files)
    created = not session_path.exists()
    session_file = SessionFile.create(session_path) if created else SessionFile.open(session_path)
    try:
        if not created:
            _backup_before_import(session_file, lang)
        reports = import_documents(session_file, documents)
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
    """Every asked output or none: each written beside its target, then moved into place."""
    from desktop_app.storage.exchange import export_document, write_json_atomically
    from desktop_app.storage.export_targets import Writer, refuse_own_files, write_outputs
    from desktop_app.storage.session_file import SessionFile

    if not (args.json or args.xlsx or args.pdf):
        sys.stderr.write(TEXT[lang]["usage_error"].format(message=TEXT[lang]["need_output"]) + "\n")
        return EXIT_ERROR
    session_path = Path(args.path)
    targets = [Path(t) for t in (args.json, args.xlsx, args.pdf) if t]
    # Before the session is even opened: never write over it or what belongs to it.
    refuse_own_files(session_path, targets)
    names = not args.no_names
    with SessionFile.open_readonly(session_path) as session_file:
        snapshot = session_file.snapshot()
        document = export_document(session_file, names=names) if args.json else None
    outputs: list[tuple[Path, Writer]] = []
    if document is not None:
        outputs.append((Path(args.json), lambda path: write_json_atomically(document, path)))
    if args.xlsx:
        from desktop_app.export.workbook import write_workbook

        outputs.append((Path(args.xlsx), lambda path: write_workbook(snapshot, path, names=names)))
    if args.pdf:
        from desktop_app.export.report import write_report

        outputs.append((Path(args.pdf), lambda path: write_report(snapshot, path, names=names)))
    write_outputs(outputs)
    for target, _ in outputs:
        print(TEXT[lang]["exported"].format(path=target))
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
