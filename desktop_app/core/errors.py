"""Errors the user can do something about, with their message in Dutch and English.

Following qutebrowser's split: these are caused by the environment or the input
(a foreign file, a full disk, a file open elsewhere) and are shown to the user
as one clear sentence. Anything else is a bug and is allowed to surface as one.
The CLI prints :meth:`UserError.message`; the GUI shows it in a message bar.
"""

from __future__ import annotations

from typing import Any

# code -> (Dutch, English). Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    "file_missing": (
        "Bestand niet gevonden: {path}",
        "File not found: {path}",
    ),
    "not_sqlite": (
        "{path} is geen Tafelronde-sessiebestand (het is geen SQLite-database). "
        "Er is niets aan veranderd.",
        "{path} is not a Tafelronde session file (it is not an SQLite database). "
        "Nothing was changed.",
    ),
    "foreign_sqlite": (
        "{path} is een SQLite-database van een ander programma, geen Tafelronde-sessie. "
        "Er is niets aan veranderd.",
        "{path} is an SQLite database of another program, not a Tafelronde session. "
        "Nothing was changed.",
    ),
    "too_new": (
        "{path} is gemaakt met een nieuwere versie van Tafelronde (bestandsversie {found}, "
        "deze versie kent tot {known}). Werk Tafelronde bij om het te openen.",
        "{path} was made by a newer version of Tafelronde (file version {found}, this "
        "version knows up to {known}). Update Tafelronde to open it.",
    ),
    "locked": (
        "{path} is al geopend in een ander Tafelronde-venster{holder}. Sluit het daar, "
        "of open hier een kopie.",
        "{path} is already open in another Tafelronde window{holder}. Close it there, "
        "or open a copy here.",
    ),
    "unreadable": (
        "{path} kan niet worden gelezen: {reason}",
        "{path} cannot be read: {reason}",
    ),
    "disk_full": (
        "De schijf is vol: de laatste wijziging is niet opgeslagen. Maak ruimte vrij en "
        "probeer het opnieuw; alles van daarvoor is veilig.",
        "The disk is full: the last change was not saved. Free some space and try "
        "again; everything before it is safe.",
    ),
    "read_only": (
        "{path} is alleen-lezen: wijzigingen kunnen niet worden opgeslagen. Werk in een "
        "kopie op een plek waar je kunt schrijven, zoals Documenten.",
        "{path} is read-only: changes cannot be saved. Work in a copy in a place you can "
        "write to, such as Documents.",
    ),
    "damaged_empty": (
        "{path} is leeg (0 bytes): het bestand is beschadigd, bijvoorbeeld doordat het "
        "kopiëren of opslaan ervan werd afgebroken. Er is niets aan veranderd.",
        "{path} is empty (0 bytes): the file is damaged, for instance because copying or "
        "saving it was cut off. Nothing was changed.",
    ),
    "damaged": (
        "{path} is beschadigd: {reason}. Er is niets aan veranderd.",
        "{path} is damaged: {reason}. Nothing was changed.",
    ),
    "io_error": (
        "De wijziging is niet opgeslagen: de schijf of USB-stick met {path} weigert te "
        "schrijven (misschien is hij alleen-lezen geworden of losgeraakt). Alles van "
        "daarvoor is veilig. Sla een kopie op een andere schijf op (Bestand > Kopie "
        "opslaan als…) en werk daarin verder.",
        "The change was not saved: the disk or USB stick holding {path} refuses to write "
        "(it may have become read-only or been unplugged). Everything before it is safe. "
        "Save a copy on another disk (File > Save copy as…) and carry on in that.",
    ),
    "backup_no_room": (
        "Geen reservekopie gemaakt: die zou meer dan {share}% van de vrije schijfruimte "
        "innemen ({needed}). Maak ruimte vrij; de sessie zelf is veilig.",
        "No backup made: it would take more than {share}% of the free disk space "
        "({needed}). Free some space; the session itself is safe.",
    ),
    "backup_failed": (
        "Geen reservekopie gemaakt: {reason}. De sessie zelf is veilig.",
        "No backup made: {reason}. The session itself is safe.",
    ),
    "backup_unusable": (
        "De reservekopie {name} is beschadigd of onleesbaar. Kies een andere; er is niets "
        "veranderd.",
        "The backup {name} is damaged or unreadable. Choose another one; nothing was changed.",
    ),
    "write_failed": (
        "Kan niet schrijven naar {path}: {reason}",
        "Cannot write to {path}: {reason}",
    ),
    "target_folder_missing": (
        "De map {folder} bestaat niet. Kies een andere plek.",
        "The folder {folder} does not exist. Choose another place.",
    ),
    "target_in_use": (
        "{path} is geopend in een ander programma (bijvoorbeeld Excel). Sluit het daar "
        "en probeer het opnieuw; het bestaande bestand is niet veranderd.",
        "{path} is open in another program (Excel, for instance). Close it there and "
        "try again; the existing file was not changed.",
    ),
    "output_is_session": (
        "{path} is een sessiebestand, of hoort bij een sessie (een logbestand, slot of "
        "reservekopie ernaast): een export overschrijft dat nooit. Kies een andere naam; "
        "er is niets geschreven.",
        "{path} is a session file, or belongs to a session (a log file, lock or backup "
        "beside it): an export never overwrites that. Choose another name; nothing was "
        "written.",
    ),
    "export_twice": (
        "{path} is twee keer als doel gegeven. Geef elke export een eigen bestand; er is "
        "niets geschreven.",
        "{path} is given twice as a target. Give every export a file of its own; nothing "
        "was written.",
    ),
    "export_disk_full": (
        "De schijf is vol: {path} is niet geschreven en er is niets achtergelaten. Maak "
        "ruimte vrij of kies een andere schijf, en exporteer opnieuw. De sessie zelf is "
        "niet veranderd.",
        "The disk is full: {path} was not written and nothing was left behind. Free some "
        "space or choose another disk, and export again. The session itself was not "
        "changed.",
    ),
    "export_read_only": (
        "In de map {folder} kan niet worden geschreven (alleen-lezen): {path} is niet "
        "geschreven. Kies een andere map, zoals Documenten.",
        "The folder {folder} cannot be written to (read-only): {path} was not written. "
        "Choose another folder, such as Documents.",
    ),
    "export_io": (
        "De schijf of USB-stick weigert te schrijven: {path} is niet geschreven (misschien "
        "is hij losgeraakt of alleen-lezen geworden). Kies een andere schijf.",
        "The disk or USB stick refuses to write: {path} was not written (it may have been "
        "unplugged or become read-only). Choose another disk.",
    ),
    "export_failed": (
        "{path} is niet geschreven: {reason}. Er is niets achtergelaten.",
        "{path} was not written: {reason}. Nothing was left behind.",
    ),
    "session_unreadable_here": (
        "{path} kan hier niet worden gelezen: {reason}. Er is niets geschreven.",
        "{path} cannot be read here: {reason}. Nothing was written.",
    ),
    "exchange_too_big": (
        "{path} is te groot voor een uitwisselbestand ({size}; hoogstens {limit}). "
        "Er is niets geïmporteerd.",
        "{path} is too big for an exchange file ({size}; at most {limit}). Nothing was imported.",
    ),
    "exchange_not_a_file": (
        "{path} is geen gewoon bestand ({what}) en wordt niet gelezen. Er is niets geïmporteerd.",
        "{path} is not a regular file ({what}) and is not read. Nothing was imported.",
    ),
    "environment": (
        "{where}{reason}. Er is niets geschreven.",
        "{where}{reason}. Nothing was written.",
    ),
    "not_json": (
        "{path} is geen geldig uitwisselbestand (geen leesbare JSON: {reason}). "
        "Er is niets geïmporteerd.",
        "{path} is not a valid exchange file (not readable JSON: {reason}). Nothing was imported.",
    ),
    "invalid_exchange": (
        "{path} is geweigerd: op {pointer}: {reason}. Er is niets geïmporteerd.",
        "{path} was refused: at {pointer}: {reason}. Nothing was imported.",
    ),
    "other_session": (
        "{path} hoort bij een andere sessie ({file_title}), niet bij deze ({session_title}). "
        "Er is niets geïmporteerd.",
        "{path} belongs to another session ({file_title}), not to this one "
        "({session_title}). Nothing was imported.",
    ),
    "not_found": (
        "Dit onderdeel bestaat niet (meer): {kind} {id}",
        "This item does not exist (any more): {kind} {id}",
    ),
    "invalid_value": (
        "{field}: {reason}",
        "{field}: {reason}",
    ),
    "erase_incomplete": (
        "Niet alles kon worden gewist. Nog aanwezig: {paths}. Sluit wat deze bestanden "
        "gebruikt en kies opnieuw Sessie > Wissen na afloop, of verwijder ze zelf.",
        "Not everything could be erased. Still there: {paths}. Close what uses these files "
        "and choose Session > Erase after the session again, or delete them yourself.",
    ),
}

# Reasons inside messages ({reason}) that come from our own checks.
REASONS: dict[str, tuple[str, str]] = {
    "dangling": (
        "verwijst naar {what} {id}, die niet in het bestand of de sessie staat",
        "refers to {what} {id}, which is in neither the file nor the session",
    ),
    "duplicate_id": (
        "id {id} komt twee keer voor in het bestand",
        "id {id} occurs twice in the file",
    ),
    "id_kind_clash": (
        "id {id} is al in gebruik voor iets anders",
        "id {id} is already used for something else",
    ),
    "two_themes": (
        "voorstel {id} staat in twee thema's",
        "proposal {id} is in two themes",
    ),
    "truncated": (
        "het is korter dan het hoort te zijn (afgekapt, bijvoorbeeld bij een afgebroken kopie)",
        "it is shorter than it should be (cut off, for instance by an interrupted copy)",
    ),
    "malformed": (
        "de opbouw van de database klopt niet meer (bijvoorbeeld door een schijffout)",
        "the structure of the database is broken (by a disk error, for instance)",
    ),
    "bad_text": (
        "tekst in de tabel {table} is onleesbaar geworden",
        "text in the table {table} has become unreadable",
    ),
    "no_session": (
        "er staat geen sessie in (het is nooit afgemaakt, of leeggemaakt)",
        "it holds no session (it was never finished, or it was emptied)",
    ),
    "foreign_wal": (
        "het logbestand {wal} ernaast hoort er niet bij (het komt van een andere kopie of "
        "sessie) en zou het overschrijven",
        "the log file {wal} beside it does not belong to it (it comes from another copy or "
        "session) and would overwrite it",
    ),
    "backup_disk_full": ("de schijf is vol", "the disk is full"),
    "backup_read_only": (
        "de map voor reservekopieën is alleen-lezen",
        "the folder for backups is read-only",
    ),
    "backup_not_whole": (
        "de kopie bleek bij de controle na het schrijven niet in orde",
        "the copy was not whole when checked after writing",
    ),
    "backup_io": ("schrijffout ({detail})", "write error ({detail})"),
    "bad_timestamp": ("geen geldige datum en tijd: {value}", "not a valid date and time: {value}"),
    "bad_date": ("geen geldige datum: {value}", "not a valid date: {value}"),
    "empty": ("mag niet leeg zijn", "must not be empty"),
    "too_long": (
        "is te lang ({length} tekens, hoogstens {limit})",
        "is too long ({length} characters, at most {limit})",
    ),
    "negative": ("mag niet negatief zijn", "must not be negative"),
    "out_of_range": (
        "moet tussen {low} en {high} liggen",
        "must be between {low} and {high}",
    ),
    "not_allowed": ("waarde niet toegestaan: {value}", "value not allowed: {value}"),
    "is_folder": ("het is een map", "it is a folder"),
    "too_big": (
        "het bestand wordt groter dan de schijf toestaat",
        "the file grows beyond what the disk allows",
    ),
    "os_error": ("het besturingssysteem meldt: {detail}", "the operating system says: {detail}"),
    "fifo": ("een FIFO-pijp", "a FIFO pipe"),
    "device": ("een apparaat", "a device"),
    "socket": ("een socket", "a socket"),
    "folder": ("een map", "a folder"),
    "symlink_loop": (
        "een snelkoppeling die naar zichzelf verwijst",
        "a symbolic link that points to itself",
    ),
    "too_deep": (
        "te diep genest (meer dan {limit} lagen)",
        "nested too deeply (more than {limit} levels)",
    ),
    "lone_surrogate": (
        "tekst met een ongeldig teken (een losse UTF-16-helft, {value})",
        "text with an invalid character (a lone UTF-16 half, {value})",
    ),
    "not_a_number": (
        "{value} is geen getal dat in een bestand past",
        "{value} is not a number a file can hold",
    ),
    "int_too_big": (
        "het getal is te groot (hoogstens {limit})",
        "the number is too big (at most {limit})",
    ),
    "year_range": (
        "het jaar moet tussen {low} en {high} liggen",
        "the year must be between {low} and {high}",
    ),
    "disk_is_full": ("de schijf is vol", "the disk is full"),
    "disk_read_only": ("de schijf is alleen-lezen", "the disk is read-only"),
    "no_permission": ("geen toestemming", "permission denied"),
    "not_utf8": (
        "geen UTF-8-tekst bij byte {position}",
        "not UTF-8 text at byte {position}",
    ),
    "not_object": ("het is geen JSON-object", "it is not a JSON object"),
    "sqlite_io": (
        "de schijf gaf een leesfout",
        "the disk gave a read error",
    ),
    # Schema checks of exchange files, by JSON Schema keyword.
    "schema_required": ("het veld {value} ontbreekt", "the field {value} is missing"),
    "schema_type": (
        "verkeerd soort waarde (verwacht: {value})",
        "wrong kind of value (expected: {value})",
    ),
    "schema_const": ("moet {value} zijn", "must be {value}"),
    "schema_enum": ("moet een van {value} zijn", "must be one of {value}"),
    "schema_minLength": ("is leeg of te kort", "is empty or too short"),
    "schema_maxLength": (
        "is te lang (hoogstens {value} tekens)",
        "is too long (at most {value} characters)",
    ),
    "schema_pattern": ("is geen geldige id (UUID)", "is not a valid id (UUID)"),
    "schema_format": ("heeft niet de vorm {value}", "does not have the form {value}"),
    "schema_minimum": ("moet minstens {value} zijn", "must be at least {value}"),
    "schema_maximum": ("mag hoogstens {value} zijn", "must be at most {value}"),
    "schema_uniqueItems": ("bevat een waarde twee keer", "contains a value twice"),
    "schema_other": ("ongeldige waarde ({value})", "invalid value ({value})"),
}


def reason(code: str, lang: str = "nl", **params: Any) -> str:
    nl, en = REASONS[code]
    return (en if lang == "en" else nl).format(**params)


class UserError(Exception):
    """An error the user caused or can fix; carries a message in both languages."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "nl") -> str:
        nl, en = MESSAGES[self.code]
        params = {
            key: (value.text(lang) if isinstance(value, Reason) else value)
            for key, value in self.params.items()
        }
        return (en if lang == "en" else nl).format(**params)


class Reason:
    """A reason inside a message, rendered in the message's language."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params

    def text(self, lang: str) -> str:
        return reason(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.text("en")


class SessionFileError(UserError):
    """The session file cannot be opened or written as asked."""


class DamagedFileError(SessionFileError):
    """The session file is damaged; it was not changed (the console offers a backup)."""


class ExchangeError(UserError):
    """An exchange file is refused; nothing was imported."""

    def __init__(self, code: str, pointer: str = "", **params: Any) -> None:
        self.pointer = pointer
        super().__init__(code, pointer=pointer or "/", **params)


class ValidationError(UserError):
    """A value the user typed breaks a rule (shown next to the field)."""
