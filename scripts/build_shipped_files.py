"""Build the shipped demo session and the session templates as exchange files.

Writes ``data/demo.json`` and ``resources/templates/*.json`` (Dutch and ``.en.json``).
Ids are UUID4 strings drawn from a random generator seeded with the file name, so a
re-run rewrites identical files; change ``SEED`` to issue new ids.

    .venv/bin/python scripts/build_shipped_files.py
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = "tafelronde-shipped-v1"
TZ = "+01:00"
APP_SOURCE = {"app": "Tafelronde"}

Json = dict[str, Any]


class Ids:
    """UUID4 strings from a seeded generator: valid version-4 ids, stable per file."""

    def __init__(self, name: str) -> None:
        self._rng = random.Random(f"{SEED}:{name}")

    def new(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))


def ts(day: str, hhmmss: str) -> str:
    return f"{day}T{hhmmss}{TZ}"


def clock(minutes: float) -> str:
    """Minutes after midnight -> HH:MM:SS."""
    seconds = round(minutes * 60)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def write(path: Path, doc: Json) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- demo

DAY = "2026-03-12"
PREP = ts("2026-03-10", "09:15:00")

GROUPS = [("Monteurs", 24), ("Kantoor", 14), ("Ploegendienst", 12), ("Leidinggevenden", 6)]

TABLES = [
    ("Tafel 1", "Henk Bosman", "Monteurs"),
    ("Tafel 2", "Fatima el Amrani", "Monteurs"),
    ("Tafel 3", "Jeroen Kuipers", "Monteurs"),
    ("Tafel 4", "Sanne de Wit", "Kantoor"),
    ("Tafel 5", "Mehmet Yılmaz", "Kantoor"),
    ("Tafel 6", "Ingrid Veenstra", "Ploegendienst"),
    ("Tafel 7", "Ruud Hendriks", "Ploegendienst"),
    ("Tafel 8", "Marloes Timmer", "Leidinggevenden"),
]

ROUNDS = [
    (
        "Wat houdt jou gezond en met plezier aan het werk? "
        "Denk aan een dag waarop je fit en tevreden naar huis ging: wat maakte dat verschil?",
        20,
    ),
    (
        "Welke interventies horen in ons PMO thuis, en voor wie zijn ze het meest waardevol?",
        20,
    ),
    (
        "Hoe organiseren we het zo dat jij meedoet: voor welke doelgroep, hoe vaak en waar?",
        25,
    ),
]
ROUND_START = {1: 13 * 60 + 30, 2: 13 * 60 + 55, 3: 14 * 60 + 20}  # minutes after midnight

# (table, round, key, text, details). ``key`` names a proposal for clustering; "" = no name.
PROPOSALS: list[tuple[int, int, str, str, str | None]] = [
    # Tafel 1, Monteurs
    (1, 1, "collegas", "Goeie collega's, samen op de bus = lol", None),
    (1, 1, "afwisseling", "Afwisseling in projecten, niet 3 mnd in dezelfde kruipruimte", None),
    (1, 1, "spullen", "Als de spullen klaarliggen bij aankomst op het werk → minder stress", None),
    (
        1,
        2,
        "fysio1",
        "Fysiotherapeut op locatie, één ochtend per week",
        "Voor rug en knieën. Liefst zonder verwijzing van de huisarts en in werktijd.",
    ),
    (1, 2, "tilhulp", "Tilhulp voor ketels en warmtepompen (traplift / ketelsteekwagen)", None),
    (1, 2, "gehoor1", "Gehoortest, we boren en slijpen de hele dag", None),
    (1, 3, "vestiging1", "PMO bij ons op de vestiging, niet in een kliniek in Deventer", None),
    (1, 3, "werktijd1", "In werktijd!! anders doet niemand mee", None),
    (1, 3, "freq1", "1x per 2 jaar is genoeg voor jongeren, boven de 45 elk jaar", None),
    # Tafel 2, Monteurs
    (2, 1, "regel", "Zelf je werk indelen", None),
    (2, 1, "waardering", "Waardering van de klant en van je chef", None),
    (2, 1, "gereedschap", "Goed gereedschap en een nette bus", None),
    (2, 2, "fysio2", "Fysio op lokatie!!! (zelfde als tafel 1)", None),
    (2, 2, "knie", "Knieën!! kniebeschermers die wél passen", None),
    (2, 2, "rugcheck", "Rugcheck + oefeningen die je in de bus kan doen", None),
    (2, 2, "huid1", "Huidcheck, we staan de hele zomer op het dak bij de zonnepanelen", None),
    (2, 3, "bus1", "Check op de bus bij grote projecten (bv. nieuwbouw ziekenhuis)", None),
    (2, 3, "halfuur", "Max half uur, niet een hele ochtend kwijt", None),
    (
        2,
        3,
        "zzp",
        "Voor iedereen, ook de inleners en zzp'ers?",
        "Niet iedereen aan tafel eens. Zzp'ers vallen buiten de regeling, inleners misschien wel.",
    ),
    # Tafel 3, Monteurs
    (3, 1, "humor", "Humor op de bouw", None),
    (3, 1, "file", "Niet elke dag in de file naar de andere kant van het land", None),
    (3, 1, "tijd", "Genoeg tijd per klus, niet 3 storingen tussen 2 afspraken proppen", None),
    (3, 2, "fysio3", "Fysio/ oefentherapie, rug en schouders", None),
    (3, 2, "roken", "Stoppen met roken cursus, vergoed", None),
    (3, 2, "zon", "Zonnebrand en petten met nekflap op het dak", None),
    (3, 3, "privacy", "Uitslag alleen naar mij, NIET naar de baas", None),
    (3, 3, "bus2", "PMO-bus op de zaak, op de dag van het werkoverleg", None),
    (3, 3, "freq2", "Elk jaar korte check, om de 3 jaar uitgebreid", None),
    # Tafel 4, Kantoor
    (4, 1, "thuiswerk", "Thuiswerkdag op dinsdag, rust om door te werken", None),
    (4, 1, "lunch", "Samen lunchen, even weg van het scherm", None),
    (4, 1, "prioriteit", "Duidelijke prioriteiten van de afdeling planning", None),
    (4, 2, "werkdruk1", "Werkdruk bespreekbaar maken in het teamoverleg", None),
    (4, 2, "werkplek", "Werkplekonderzoek, ook voor thuis (stoel, scherm)", None),
    (4, 2, "ogen", "Ogentest voor beeldschermwerkers", None),
    (
        4,
        2,
        "kantine",
        "Gezonder eten in de kantine, minder krokketten",
        "Kroket op vrijdag mag blijven 😉",
    ),
    (4, 3, "werktijd2", "Tijdens werktijd, in de ochtend", None),
    (4, 3, "vragenlijst", "Online vragenlijst vooraf, gesprek alleen als dat nodig is", None),
    (4, 3, "uitleg", "Ook uitleggen wat er met de uitkomsten gebeurt", None),
    # Tafel 5, Kantoor
    (5, 1, "vragen", "Collega's die even vragen hoe het gaat", None),
    (5, 1, "wandelen", "Wandelen in de pauze langs de Vecht", None),
    (5, 1, "telefoon", "Als de telefoon niet de hele dag gaat", None),
    (5, 2, "mentaal", "Mentale check / werkdruk, anoniem", None),
    (
        5,
        2,
        "klanten",
        "Cursus omgaan met boze klanten",
        "Planning en klantenservice krijgen alles over zich heen als een monteur te laat is.",
    ),
    (5, 2, "fiets", "Fietsplan en een douche op kantoor", None),
    (5, 3, "afdeling", "Per afdeling plannen, niet iedereen tegelijk weg", None),
    (5, 3, "vestiging2", "Op de vestiging, in de vergaderzaal boven", None),
    (5, 3, "freq3", "Jaarlijks korte vragenlijst; elke 2 jaar lichamelijk onderzoek", None),
    # Tafel 6, Ploegendienst
    (6, 1, "vasteploeg", "Vaste ploeg, je weet wat je aan elkaar hebt", None),
    (6, 1, "rooster1", "Rooster op tijd bekend (min. 4 weken vooruit)", None),
    (6, 1, "pauze", "Goede pauzeruimte, ook 's nachts verse koffie", None),
    (
        6,
        2,
        "slaap1",
        "Slaapadvies voor de nachtdienst",
        "Bijv. een workshop waar je partner ook bij mag, thuis moet het ook kunnen.",
    ),
    (6, 2, "rooster2", "Roosteradvies: voorwaarts roteren (vroeg-laat-nacht)", None),
    (6, 2, "bloeddruk", "Bloeddruk en suiker meten, veel collega's zijn 50+", None),
    (6, 3, "dienst", "PMO aan begin of eind van je dienst, niet op je vrije dag", None),
    (6, 3, "avond", "Ook 's avonds een moment voor de late ploeg", None),
    (6, 3, "arts", "Bedrijfsarts moet snappen wat ploegendienst is", None),
    # Tafel 7, Ploegendienst
    (7, 1, "aflossen", "Op tijd aflossen", None),
    (7, 1, "storing", "Storingsdienst: genoeg rust na een nacht met 3 meldingen", None),
    (7, 1, "gehoord", "Dat je gehoord wordt als er iets is met het rooster", None),
    (7, 2, "slaap2", "Slaap & ploegendienst: info/voorlichting", None),
    (7, 2, "nachteten", "Gezond eten 's nachts, de automaat heeft alleen snoep", None),
    (7, 2, "gehoor2", "Gehoorbescherming op maat (otoplastieken)", None),
    (7, 2, "staand", "Rugklachten, veel staand werk aan de zaagtafel", None),
    (7, 3, "werkplaats", "Bij de werkplaats, dan hoef je niet naar kantoor", None),
    (7, 3, "freq4", "Elk jaar, voor 45+ verplicht?? (niet eens aan tafel)", None),
    (7, 3, "tablet", "Vragenlijst op een tablet in de kantine", None),
    # Tafel 8, Leidinggevenden
    (8, 1, "directie", "Vertrouwen van de directie, zelf beslissingen nemen", None),
    (8, 1, "sterkte", "Een team dat op volle sterkte is", None),
    (8, 1, "praten", "Tijd om met mensen te praten ipv alleen planning", None),
    (8, 2, "signaleren", "Training signaleren van werkdruk en verzuim voor leidinggevenden", None),
    (8, 2, "fysio4", "Fysio op locatie (zelfde als monteurs)", None),
    (8, 2, "groepsrapport", "Goede terugkoppeling PMO op groepsniveau, dan kunnen wij iets", None),
    (8, 3, "voorbeeld", "Leidinggevenden doen zelf als eerste mee, voorbeeldfunctie", None),
    (8, 3, "mt", "Resultaten bespreken in MT en teamoverleg, binnen 6 weken", None),
    (8, 3, "freq5", "1x per 2 jaar voor iedereen, tussendoor op verzoek", None),
]

# key, name, description, proposal keys, minutes after midnight of the last change
THEMES: list[tuple[str, str, str, list[str], float]] = [
    (
        "A",
        "Fysieke belasting: rug, knieën, schouders",
        "Fysiotherapie op locatie, tilhulpmiddelen, passende kniebescherming, "
        "oefeningen en een goede werkplek.",
        [
            "fysio1",
            "fysio2",
            "fysio3",
            "fysio4",
            "tilhulp",
            "knie",
            "rugcheck",
            "staand",
            "werkplek",
        ],
        15 * 60 + 4.5,
    ),
    (
        "B",
        "PMO dichtbij, in werktijd en op maat",
        "Op de vestiging, de werkplaats of het project, kort en in werktijd; "
        "hoe vaak hangt af van leeftijd en risico.",
        [
            "vestiging1",
            "werktijd1",
            "bus1",
            "halfuur",
            "bus2",
            "werktijd2",
            "vragenlijst",
            "afdeling",
            "vestiging2",
            "dienst",
            "avond",
            "werkplaats",
            "tablet",
            "freq1",
            "freq2",
            "freq3",
            "freq4",
            "freq5",
        ],
        15 * 60 + 8.25,
    ),
    (
        "C",
        "Slaap en ploegendienst",
        "Slaap- en roosteradvies, rust na nachtelijke storingen, een vaste ploeg "
        "en een bedrijfsarts die ploegendienst kent.",
        ["slaap1", "slaap2", "rooster1", "rooster2", "storing", "aflossen", "vasteploeg", "arts"],
        15 * 60 + 10,
    ),
    (
        "D",
        "Werkdruk en regelruimte",
        "Haalbare planning, zelf je werk indelen, werkdruk bespreekbaar maken "
        "en leidinggevenden die het op tijd zien.",
        [
            "werkdruk1",
            "mentaal",
            "klanten",
            "signaleren",
            "tijd",
            "prioriteit",
            "telefoon",
            "regel",
            "spullen",
            "afwisseling",
            "file",
            "thuiswerk",
            "praten",
            "sterkte",
            "directie",
        ],
        15 * 60 + 12.5,
    ),
    (
        "E",
        "Leefstijl: eten, bewegen, roken",
        "Gezond eten in kantine en automaat, bewegen in de pauze, fietsplan, "
        "stoppen met roken, bloeddruk en suiker.",
        ["kantine", "nachteten", "roken", "fiets", "wandelen", "bloeddruk", "lunch", "pauze"],
        15 * 60 + 13.75,
    ),
    (
        "F",
        "Vertrouwen en opvolging van de uitkomsten",
        "De uitslag is van jou; de groep hoort binnen zes weken wat er met de "
        "uitkomsten gebeurt, en leidinggevenden doen voor.",
        ["privacy", "uitleg", "groepsrapport", "voorbeeld", "mt", "gehoord"],
        15 * 60 + 15,
    ),
    (
        "G",
        "Gehoor, ogen en huid",
        "Gehoortest en gehoorbescherming op maat, ogentest voor beeldschermwerk, "
        "huidcheck en zonbescherming bij dakwerk.",
        ["gehoor1", "gehoor2", "ogen", "huid1", "zon"],
        15 * 60 + 16,
    ),
]

# Sticker tallies from the flip charts: group -> theme -> dots.
STICKERS: dict[str, dict[str, int]] = {
    "Monteurs": {"A": 34, "B": 24, "D": 8, "E": 6, "F": 10, "G": 12},
    "Kantoor": {"A": 6, "B": 8, "D": 20, "E": 10, "F": 6, "G": 4},
    "Ploegendienst": {"A": 2, "B": 8, "C": 18, "D": 2, "E": 6},
}
# Anonymous ballots at the kiosk laptop: (group, {theme: dots}).
BALLOTS: list[tuple[str, dict[str, int]]] = [
    ("Ploegendienst", {"C": 2, "B": 2}),
    ("Ploegendienst", {"C": 2, "A": 1, "E": 1}),
    ("Ploegendienst", {"C": 1, "F": 1, "A": 2}),
    ("Leidinggevenden", {"D": 2, "F": 2}),
    ("Leidinggevenden", {"F": 2, "A": 1, "B": 1}),
    ("Leidinggevenden", {"D": 1, "F": 1, "B": 2}),
    ("Leidinggevenden", {"A": 2, "D": 2}),
    ("Leidinggevenden", {"F": 1, "C": 1, "B": 1, "D": 1}),
    ("Leidinggevenden", {"F": 2, "C": 1}),
]

INTERVENTIONS: list[Json] = [
    {
        "theme": "A",
        "title": "Fysiotherapeut op de vestiging",
        "description": "Twee ochtenden per maand een spreekuur van een bedrijfsfysiotherapeut "
        "in de EHBO-ruimte, zonder verwijzing en in werktijd. Met een oefenkaart voor "
        "rug, knieën en schouders die in de bus past.",
        "groups": ["Monteurs", "Ploegendienst"],
        "periodicity": "monthly",
        "location": "Vestiging Zwolle, EHBO-ruimte",
        "owner": "Linda Mulder (P&O)",
        "start": "2026-05-04",
        "follow_up": "2026-10-05",
        "status": "agreed",
        "impact": 5,
        "effort": 3,
        "value_for_employee": "Snel hulp bij rug- en knieklachten, zonder wachtlijst en "
        "zonder een vrije dag op te nemen.",
        "value_for_organisation": "Minder verzuim door klachten aan het bewegingsapparaat, "
        "de grootste verzuimoorzaak van 2025; minder uitval op projecten.",
        "at": 16 * 60 + 2,
    },
    {
        "theme": "B",
        "title": "PMO-bus op de vestiging en bij grote projecten",
        "description": "Het PMO in werktijd in een bus op het terrein: blokken van hooguit "
        "30 minuten, vragenlijst vooraf op tablet of telefoon. Ploegendienst aan het begin "
        "of eind van de dienst, één avondmoment voor de late ploeg. Jaarlijks een korte "
        "check, om de twee jaar uitgebreid; 45+ elk jaar uitgebreid.",
        "groups": ["Monteurs", "Kantoor", "Ploegendienst", "Leidinggevenden"],
        "periodicity": "yearly",
        "location": "Vestiging Zwolle (terrein) en projecten met 15 of meer monteurs",
        "owner": "Linda Mulder (P&O) met de arbodienst",
        "start": "2026-09-14",
        "follow_up": "2026-12-14",
        "status": "planned",
        "impact": 5,
        "effort": 4,
        "value_for_employee": "Meedoen kost geen vrije tijd en geen reistijd; het onderzoek "
        "past bij je eigen werk en leeftijd.",
        "value_for_organisation": "Hogere deelname dan de 38% van 2024, dus een "
        "betrouwbaar groepsbeeld om op te sturen.",
        "at": 16 * 60 + 9,
    },
    {
        "theme": "D",
        "title": "Werkdruk vast agendapunt + training leidinggevenden",
        "description": "Elk kwartaal werkdruk en planning als vast punt in het teamoverleg; "
        "leidinggevenden krijgen een training in het signaleren van werkdruk en "
        "beginnend verzuim.",
        "groups": ["Kantoor", "Leidinggevenden"],
        "periodicity": "quarterly",
        "location": "Teamoverleg per afdeling; training op de vestiging",
        "owner": "Peter van Dijk (directie) en het MT",
        "start": "2026-04-13",
        "follow_up": "2026-07-06",
        "status": "agreed",
        "impact": 4,
        "effort": 2,
        "value_for_employee": "Werkdruk mag op tafel en wordt opgepakt voordat je vastloopt.",
        "value_for_organisation": "Psychisch verzuim eerder zien; minder langdurige uitval "
        "bij planning en werkvoorbereiding.",
        "at": 16 * 60 + 15,
    },
    {
        "theme": "C",
        "title": "Slaap- en roosterworkshop ploegendienst",
        "description": "Een workshop slapen in ploegendienst (partners welkom) en een "
        "roostercheck met de bedrijfsarts: voorwaarts roteren, rooster vier weken vooruit.",
        "groups": ["Ploegendienst"],
        "periodicity": "once",
        "location": "Kantine werkplaats prefab, ook een avondsessie",
        "owner": "Ruud Hendriks (teamleider prefab) met de bedrijfsarts",
        "start": "2026-06-02",
        "follow_up": "2026-09-01",
        "status": "proposed",
        "impact": 3,
        "effort": 2,
        "value_for_employee": "Beter slapen na de nachtdienst en een rooster waar je thuis "
        "op kunt plannen.",
        "value_for_organisation": "Minder fouten en ongevallen in de nacht, minder "
        "kortdurend verzuim in de ploegen.",
        "at": 16 * 60 + 21,
    },
    {
        "theme": "F",
        "title": "Terugkoppeling binnen 6 weken, uitslag alleen naar jou",
        "description": "De persoonlijke uitslag gaat alleen naar de medewerker. Het "
        "groepsrapport (geen groepen kleiner dan 5) wordt binnen zes weken besproken in "
        "het MT en in elk teamoverleg; leidinggevenden doen als eersten mee.",
        "groups": ["Monteurs", "Kantoor", "Ploegendienst", "Leidinggevenden"],
        "periodicity": "ongoing",
        "location": "Teamoverleg en intranet",
        "owner": "P&O en het MT",
        "start": "2026-09-14",
        "follow_up": "2026-11-02",
        "status": "proposed",
        "impact": 4,
        "effort": 1,
        "value_for_employee": "Je weet dat je uitslag van jou is en ziet wat er met de "
        "uitkomsten gebeurt.",
        "value_for_organisation": "Meer vertrouwen, dus meer deelname; het PMO leidt "
        "zichtbaar tot maatregelen.",
        "at": 16 * 60 + 26,
    },
]

CONTEXT: list[tuple[str, str, str]] = [
    (
        "risk",
        "Fysieke belasting: tillen en bukken bij monteurs",
        "RI&E 2025: hoog risico bij het plaatsen van cv-ketels, warmtepompen en radiatoren; "
        "veel knielen in kruipruimtes en werken boven de schouders.",
    ),
    (
        "risk",
        "Werkdruk bij planning en werkvoorbereiding",
        "RI&E 2025: verhoogd risico op werkdruk door spoedstoringen en omplannen; "
        "3 van de 5 langdurige verzuimgevallen in 2025 hadden een psychische oorzaak.",
    ),
    (
        "risk",
        "Nachtwerk in de storingsdienst en de ploegen",
        "Prefab-werkplaats draait in twee ploegen, de storingsdienst heeft nachtdiensten. "
        "Roosters roteren nu achterwaarts.",
    ),
    (
        "risk",
        "Geluid en zon bij dakwerk",
        "Boren en slijpen boven 85 dB(A); bij het plaatsen van zonnepanelen staan monteurs "
        "in de zomer hele dagen in de zon.",
    ),
    (
        "figure",
        "Verzuim 2025: 5,8% (branche 4,9%)",
        "Bewegingsapparaat 41%, psychisch 27%, overig 32%. Meldingsfrequentie 1,3.",
    ),
    (
        "figure",
        "Deelname PMO 2024: 38%",
        "56 van de 148 uitgenodigde medewerkers deden mee; monteurs 29%, kantoor 61%, "
        "ploegendienst 33%.",
    ),
]


def build_demo() -> Json:
    ids = Ids("data/demo.json")
    session_id = ids.new()

    group_id = {name: ids.new() for name, _ in GROUPS}
    target_groups = [
        {"id": group_id[name], "name": name, "participants": count, "updated_at": PREP}
        for name, count in GROUPS
    ]
    table_ids = [ids.new() for _ in TABLES]
    tables = [
        {
            "id": table_ids[i],
            "name": name,
            "host": host,
            "target_group_id": group_id[group],
            "updated_at": PREP,
        }
        for i, (name, host, group) in enumerate(TABLES)
    ]
    round_ids = [ids.new() for _ in ROUNDS]
    rounds = [
        {
            "id": round_ids[i],
            "number": i + 1,
            "question": question,
            "minutes": minutes,
            "updated_at": PREP,
        }
        for i, (question, minutes) in enumerate(ROUNDS)
    ]

    proposal_id: dict[str, str] = {}
    proposals: list[Json] = []
    seen_per_cell: dict[tuple[int, int], int] = defaultdict(int)
    entries = []
    for table_no, round_no, key, text, details in PROPOSALS:
        index = seen_per_cell[(table_no, round_no)]
        seen_per_cell[(table_no, round_no)] += 1
        spacing = 6.0 if round_no == 3 else 4.5
        minute = ROUND_START[round_no] + 3 + index * spacing + table_no * 0.37
        entries.append((minute, table_no, round_no, key, text, details))
    for minute, table_no, round_no, key, text, details in sorted(entries):
        pid = ids.new()
        assert key not in proposal_id, key
        proposal_id[key] = pid
        at = ts(DAY, clock(minute))
        record: Json = {
            "id": pid,
            "round_id": round_ids[round_no - 1],
            "table_id": table_ids[table_no - 1],
            "text": text,
        }
        if details:
            record["details"] = details
        record["created_at"] = at
        record["updated_at"] = at
        proposals.append(record)

    theme_id: dict[str, str] = {}
    clusters: list[Json] = []
    for key, name, description, members, minute in THEMES:
        theme_id[key] = ids.new()
        clusters.append(
            {
                "id": theme_id[key],
                "name": name,
                "description": description,
                "proposal_ids": [proposal_id[m] for m in members],
                "updated_at": ts(DAY, clock(minute)),
            }
        )

    votes: list[Json] = []
    minute = 15 * 60 + 24.0
    for group, tally in STICKERS.items():
        for key, dots in tally.items():
            minute += 0.25
            votes.append(
                {
                    "id": ids.new(),
                    "item_id": theme_id[key],
                    "dots": dots,
                    "target_group_id": group_id[group],
                    "updated_at": ts(DAY, clock(minute)),
                }
            )
    minute = 15 * 60 + 17.0
    for group, ballot in BALLOTS:
        ballot_id = ids.new()
        minute += 0.9
        for key, dots in ballot.items():
            votes.append(
                {
                    "id": ids.new(),
                    "item_id": theme_id[key],
                    "dots": dots,
                    "target_group_id": group_id[group],
                    "ballot_id": ballot_id,
                    "updated_at": ts(DAY, clock(minute)),
                }
            )

    interventions: list[Json] = []
    for spec in INTERVENTIONS:
        interventions.append(
            {
                "id": ids.new(),
                "cluster_id": theme_id[spec["theme"]],
                "title": spec["title"],
                "description": spec["description"],
                "target_group_ids": [group_id[g] for g in spec["groups"]],
                "periodicity": spec["periodicity"],
                "location": spec["location"],
                "owner": spec["owner"],
                "start": spec["start"],
                "follow_up": spec["follow_up"],
                "status": spec["status"],
                "impact": spec["impact"],
                "effort": spec["effort"],
                "value_for_employee": spec["value_for_employee"],
                "value_for_organisation": spec["value_for_organisation"],
                "updated_at": ts(DAY, clock(spec["at"])),
            }
        )

    context_items = [
        {"id": ids.new(), "kind": kind, "title": title, "text": text, "updated_at": PREP}
        for kind, title, text in CONTEXT
    ]

    return {
        "format": "tafelronde-exchange",
        "version": 1,
        "exported_at": ts(DAY, "16:52:10"),
        "source": {"app": "Tafelronde", "device": "Laptop procesbegeleider", "demo": True},
        "session": {
            "id": session_id,
            "title": "PMO samen ontwerpen",
            "organisation": "Van Dijk Installatietechniek B.V.",
            "date": DAY,
            "location": "Bedrijfskantine, vestiging Zwolle",
            "purpose": "Met monteurs, kantoor, ploegendienst en leidinggevenden samen bepalen "
            "wat er in het nieuwe PMO komt, voor wie, hoe vaak en waar, zodat veel meer "
            "collega's meedoen dan de 38% van 2024.",
            "language": "nl",
            "voting": {"dots_per_participant": 4, "max_dots_per_item": 2, "target": "cluster"},
            "updated_at": PREP,
        },
        "target_groups": target_groups,
        "tables": tables,
        "rounds": rounds,
        "proposals": proposals,
        "clusters": clusters,
        "votes": votes,
        "interventions": interventions,
        "context_items": context_items,
    }


# ---------------------------------------------------------------------- templates

TEMPLATE_STAMP = "2026-01-15T12:00:00+01:00"

GROUP_NAMES = {
    "nl": ["Monteurs", "Kantoor", "Ploegendienst", "Leidinggevenden"],
    "en": ["Technicians", "Office", "Shift workers", "Managers"],
}
TABLE_WORD = {"nl": "Tafel", "en": "Table"}

TEMPLATES: dict[str, dict[str, Json]] = {
    "pmo-samen-ontwerpen": {
        "nl": {
            "name": "PMO samen ontwerpen",
            "description": "Medewerkers en leidinggevenden ontwerpen in drie rondes samen de "
            "inhoud en de organisatie van het PMO.",
            "purpose": "Samen bepalen wat er in het PMO komt, voor wie, hoe vaak en waar, "
            "zodat het aansluit bij het werk en meer collega's meedoen.",
            "groups": True,
            "tables": 8,
            "voting": (5, 2),
            "rounds": [
                (
                    "Wat houdt jou gezond en met plezier aan het werk? Denk aan een dag "
                    "waarop je fit en tevreden naar huis ging: wat maakte dat verschil?",
                    20,
                ),
                (
                    "Welke interventies horen in ons PMO thuis, en voor wie zijn ze het "
                    "meest waardevol?",
                    20,
                ),
                (
                    "Hoe organiseren we het zo dat jij meedoet: voor welke doelgroep, hoe "
                    "vaak en waar?",
                    25,
                ),
            ],
            "context": [
                (
                    "risk",
                    "Fysieke belasting",
                    "Uit de RI&E: welke functies tillen, bukken, knielen of staan lang? "
                    "Vul aan met de risico's uit jullie eigen RI&E.",
                ),
                (
                    "risk",
                    "Werkdruk en psychosociale arbeidsbelasting",
                    "Uit de RI&E: waar staat de werkdruk onder druk (pieken, spoed, "
                    "klantcontact)? Vul aan met de eigen RI&E.",
                ),
                (
                    "risk",
                    "Werktijden, nachtwerk en ploegendienst",
                    "Uit de RI&E: wie werkt 's nachts of in ploegen, en hoe roteren de roosters?",
                ),
                (
                    "risk",
                    "Geluid, trillingen, zon en gevaarlijke stoffen",
                    "Uit de RI&E: blootstelling per functie. Vul aan met de eigen RI&E.",
                ),
                (
                    "figure",
                    "Verzuim vorig jaar: …% (branche …%)",
                    "Vul in: verzuimpercentage, meldingsfrequentie en de belangrijkste oorzaken.",
                ),
                (
                    "figure",
                    "Deelname vorig PMO: …%",
                    "Vul in: aantal uitgenodigd, aantal deelnemers, deelname per doelgroep.",
                ),
            ],
        },
        "en": {
            "name": "Design the PMO together",
            "description": "Employees and managers design the content and organisation of "
            "the periodic health check together in three rounds.",
            "purpose": "Decide together what goes into the periodic health check (PMO), for "
            "whom, how often and where, so that it fits the work and more colleagues take "
            "part.",
            "groups": True,
            "tables": 8,
            "voting": (5, 2),
            "rounds": [
                (
                    "What keeps you healthy and glad at work? Think of a day you went home "
                    "fit and satisfied: what made the difference?",
                    20,
                ),
                (
                    "Which interventions belong in our PMO, and for whom are they most valuable?",
                    20,
                ),
                (
                    "How do we organise it so that you take part: for which target group, "
                    "how often and where?",
                    25,
                ),
            ],
            "context": [
                (
                    "risk",
                    "Physical workload",
                    "From the risk assessment (RI&E): which jobs lift, bend, kneel or stand "
                    "for long? Add the risks from your own RI&E.",
                ),
                (
                    "risk",
                    "Work pressure and psychosocial workload",
                    "From the RI&E: where is work pressure high (peaks, urgent jobs, "
                    "customer contact)? Add from your own RI&E.",
                ),
                (
                    "risk",
                    "Working hours, night work and shifts",
                    "From the RI&E: who works nights or in shifts, and how do the rosters rotate?",
                ),
                (
                    "risk",
                    "Noise, vibration, sun and hazardous substances",
                    "From the RI&E: exposure per job. Add from your own RI&E.",
                ),
                (
                    "figure",
                    "Sickness absence last year: …% (sector …%)",
                    "Fill in: absence rate, frequency of sick reports and the main causes.",
                ),
                (
                    "figure",
                    "Participation in the last PMO: …%",
                    "Fill in: number invited, number taking part, participation per target group.",
                ),
            ],
        },
    },
    "pmo-uitkomsten-bespreken": {
        "nl": {
            "name": "PMO-uitkomsten bespreken",
            "description": "De groepsuitkomsten van het PMO bespreken en samen omzetten in "
            "verbetermaatregelen.",
            "purpose": "Samen de groepsuitkomsten van het PMO duiden en kiezen welke "
            "verbeteringen we oppakken, voor wie en wie het voortouw neemt.",
            "groups": True,
            "tables": 6,
            "voting": (5, 2),
            "rounds": [
                (
                    "Wat herken je in de uitkomsten van het PMO, en wat verrast je?",
                    20,
                ),
                (
                    "Wat gaat er goed in je werk en je gezondheid, en wat kan beter?",
                    20,
                ),
                (
                    "Welke verbeteringen pakken we op: wat, voor wie, en wie neemt het voortouw?",
                    25,
                ),
            ],
            "context": [
                (
                    "figure",
                    "Deelname PMO: …% van … uitgenodigde medewerkers",
                    "Vul in, ook per doelgroep (alleen groepen van 5 of meer).",
                ),
                ("figure", "Top 3 gezondheidsrisico's uit het groepsrapport", "1. …\n2. …\n3. …"),
                (
                    "figure",
                    "Werkvermogen (WAI) gemiddeld: … (vorige keer …)",
                    "Vul in uit het groepsrapport van de arbodienst.",
                ),
                (
                    "figure",
                    "Verzuim: …% (vorig jaar …%)",
                    "Vul in: verzuimpercentage en meldingsfrequentie.",
                ),
                (
                    "note",
                    "Privacy",
                    "We bespreken alleen groepsuitkomsten. Uitkomsten van groepen kleiner "
                    "dan 5 personen worden niet getoond.",
                ),
            ],
        },
        "en": {
            "name": "Discuss the PMO results",
            "description": "Discuss the group results of the periodic health check and turn "
            "them into improvement measures together.",
            "purpose": "Make sense of the group results of the periodic health check (PMO) "
            "together and choose which improvements we take up, for whom and who leads.",
            "groups": True,
            "tables": 6,
            "voting": (5, 2),
            "rounds": [
                ("What do you recognise in the results of the PMO, and what surprises you?", 20),
                ("What goes well in your work and your health, and what could be better?", 20),
                (
                    "Which improvements do we take up: what, for whom, and who takes the lead?",
                    25,
                ),
            ],
            "context": [
                (
                    "figure",
                    "PMO participation: …% of … employees invited",
                    "Fill in, also per target group (only groups of 5 or more).",
                ),
                ("figure", "Top 3 health risks from the group report", "1. …\n2. …\n3. …"),
                (
                    "figure",
                    "Work ability (WAI) average: … (last time …)",
                    "Fill in from the occupational health service's group report.",
                ),
                (
                    "figure",
                    "Sickness absence: …% (last year …%)",
                    "Fill in: absence rate and frequency of sick reports.",
                ),
                (
                    "note",
                    "Privacy",
                    "We discuss group results only. Results of groups smaller than 5 people "
                    "are not shown.",
                ),
            ],
        },
    },
    "world-cafe-3-rondes": {
        "nl": {
            "name": "World Café (3 rondes)",
            "description": "Een klassiek World Café met drie rondes aan zes tafels, voor elk "
            "onderwerp.",
            "purpose": "",
            "groups": False,
            "tables": 6,
            "voting": (4, 2),
            "rounds": [
                ("Wat werkt er nu al goed? Vertel een voorbeeld dat je energie gaf.", 20),
                ("Wat wordt er mogelijk als we daarop voortbouwen?", 20),
                ("Wat gaan we doen: welke eerste stap zet jij, of zetten we samen?", 20),
            ],
            "context": [],
        },
        "en": {
            "name": "World Café (3 rounds)",
            "description": "A classic World Café with three rounds at six tables, for any topic.",
            "purpose": "",
            "groups": False,
            "tables": 6,
            "voting": (4, 2),
            "rounds": [
                ("What already works well? Tell an example that gave you energy.", 20),
                ("What becomes possible if we build on that?", 20),
                ("What will we do: which first step do you take, or do we take together?", 20),
            ],
            "context": [],
        },
    },
}

BLANK = {
    "nl": ("Lege sessie", "Een lege sessie zonder doelgroepen, tafels of rondes.", "Nieuwe sessie"),
    "en": (
        "Blank session",
        "An empty session without target groups, tables or rounds.",
        "New session",
    ),
}


def envelope(name: str, description: str) -> Json:
    return {
        "format": "tafelronde-exchange",
        "version": 1,
        "exported_at": TEMPLATE_STAMP,
        "source": {**APP_SOURCE, "template": {"name": name, "description": description}},
    }


def build_template(file_name: str, lang: str, spec: Json) -> Json:
    ids = Ids(f"resources/templates/{file_name}")
    doc = envelope(spec["name"], spec["description"])
    dots, cap = spec["voting"]
    session: Json = {"id": ids.new(), "title": spec["name"]}
    if spec["purpose"]:
        session["purpose"] = spec["purpose"]
    session["language"] = lang
    session["voting"] = {
        "dots_per_participant": dots,
        "max_dots_per_item": cap,
        "target": "cluster",
    }
    session["updated_at"] = TEMPLATE_STAMP
    doc["session"] = session
    if spec["groups"]:
        doc["target_groups"] = [
            {"id": ids.new(), "name": name, "participants": 0, "updated_at": TEMPLATE_STAMP}
            for name in GROUP_NAMES[lang]
        ]
    doc["tables"] = [
        {"id": ids.new(), "name": f"{TABLE_WORD[lang]} {n}", "updated_at": TEMPLATE_STAMP}
        for n in range(1, spec["tables"] + 1)
    ]
    doc["rounds"] = [
        {
            "id": ids.new(),
            "number": n,
            "question": question,
            "minutes": minutes,
            "updated_at": TEMPLATE_STAMP,
        }
        for n, (question, minutes) in enumerate(spec["rounds"], start=1)
    ]
    if spec["context"]:
        doc["context_items"] = [
            {
                "id": ids.new(),
                "kind": kind,
                "title": title,
                "text": text,
                "updated_at": TEMPLATE_STAMP,
            }
            for kind, title, text in spec["context"]
        ]
    return doc


def build_blank(file_name: str, lang: str) -> Json:
    ids = Ids(f"resources/templates/{file_name}")
    name, description, title = BLANK[lang]
    doc = envelope(name, description)
    doc["session"] = {
        "id": ids.new(),
        "title": title,
        "language": lang,
        "updated_at": TEMPLATE_STAMP,
    }
    return doc


def file_name(stem: str, lang: str) -> str:
    return f"{stem}.json" if lang == "nl" else f"{stem}.{lang}.json"


def main() -> None:
    write(ROOT / "data" / "demo.json", build_demo())
    templates = ROOT / "resources" / "templates"
    for stem, per_lang in TEMPLATES.items():
        for lang, spec in per_lang.items():
            name = file_name(stem, lang)
            write(templates / name, build_template(name, lang, spec))
    for lang in BLANK:
        name = file_name("leeg", lang)
        write(templates / name, build_blank(name, lang))


if __name__ == "__main__":
    main()
