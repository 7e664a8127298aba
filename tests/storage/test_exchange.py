"""Exchange import and export exactly as exchange-format.md defines them."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from desktop_app import paths
from desktop_app.core.errors import ExchangeError
from desktop_app.core.merge import Outcome
from desktop_app.storage.exchange import export_document, import_document, read_exchange_file
from desktop_app.storage.session_file import SessionFile

SESSION_ID = "0e6f0c9a-8a55-4c35-9c5a-2b1a3f1d5e01"
T0 = "2026-03-12T13:00:00+01:00"
T1 = "2026-03-12T13:30:00+01:00"
T2 = "2026-03-12T14:00:00+01:00"


def uid(n: int) -> str:
    return str(uuid.UUID(int=n, version=4))


def base_document(proposals: int = 3) -> dict[str, Any]:
    """A table laptop's file: one group, one table, one round, a few proposals."""
    return {
        "format": "tafelronde-exchange",
        "version": 1,
        "session": {
            "id": SESSION_ID,
            "title": "PMO samen ontwerpen",
            "language": "nl",
            "updated_at": T0,
        },
        "target_groups": [{"id": uid(1), "name": "Monteurs", "participants": 24, "updated_at": T0}],
        "tables": [
            {
                "id": uid(2),
                "name": "Tafel 1",
                "host": "Henk",
                "target_group_id": uid(1),
                "updated_at": T0,
            }
        ],
        "rounds": [
            {
                "id": uid(3),
                "number": 1,
                "question": "Wat houdt je gezond?",
                "minutes": 20,
                "updated_at": T0,
            }
        ],
        "proposals": [
            {
                "id": uid(100 + i),
                "round_id": uid(3),
                "table_id": uid(2),
                "text": f"Voorstel {i}",
                "created_at": T0,
                "updated_at": T0,
            }
            for i in range(proposals)
        ],
    }


def normalised(document: dict[str, Any]) -> dict[str, Any]:
    """Entities by id with defaults applied, to compare documents as sessions."""
    result: dict[str, Any] = {"session": document["session"]}
    for kind in (
        "target_groups",
        "tables",
        "rounds",
        "proposals",
        "clusters",
        "votes",
        "interventions",
        "context_items",
    ):
        entities = {}
        for record in document.get(kind) or []:
            record = {k: v for k, v in record.items() if v is not None}
            record.setdefault("deleted", False)
            if kind == "clusters":
                record.setdefault("proposal_ids", [])
            if kind == "interventions":
                record.setdefault("target_group_ids", [])
            if kind == "context_items":
                record.setdefault("kind", "note")
            entities[record["id"]] = record
        result[kind] = entities
    return result


def schema_validator() -> Draft202012Validator:
    schema = json.loads((paths.resource("schema/exchange.schema.json")).read_text("utf-8"))
    return Draft202012Validator(schema)


def live_texts(sf: SessionFile) -> list[str]:
    return [p.text for p in sf.snapshot().live_proposals()]


# ------------------------------------------------------------------ round trip
def test_demo_round_trip_and_export_validates(
    demo_session: SessionFile, demo_document: dict[str, Any]
) -> None:
    exported = export_document(demo_session)
    schema_validator().validate(exported)
    assert normalised(exported) == normalised(demo_document)


def test_reimporting_the_same_file_changes_nothing(session_file: SessionFile) -> None:
    document = base_document()
    first = import_document(session_file, document)
    again = import_document(session_file, document)
    assert first.counts["proposals"][Outcome.ADDED.value] == 3
    assert again.counts["proposals"][Outcome.UNCHANGED.value] == 3
    assert again.total(Outcome.ADDED) == again.total(Outcome.UPDATED) == 0
    assert len(live_texts(session_file)) == 3


def test_overlapping_files_from_two_laptops_merge_without_duplicates(
    session_file: SessionFile,
) -> None:
    laptop_1 = base_document(3)
    laptop_2 = base_document(0)
    laptop_2["tables"].append({"id": uid(4), "name": "Tafel 2", "updated_at": T0})
    laptop_2["proposals"] = [
        {
            "id": uid(200),
            "round_id": uid(3),
            "table_id": uid(4),
            "text": "Fruit 🍎",
            "updated_at": T0,
        },
        laptop_1["proposals"][0],
    ]
    import_document(session_file, laptop_1)
    report = import_document(session_file, laptop_2)
    assert report.counts["proposals"] == {"added": 1, "unchanged": 1}
    assert sorted(live_texts(session_file)) == [
        "Fruit 🍎",
        "Voorstel 0",
        "Voorstel 1",
        "Voorstel 2",
    ]


def test_later_edit_wins_earlier_edit_is_ignored(session_file: SessionFile) -> None:
    import_document(session_file, base_document())
    later = base_document()
    later["proposals"][0] |= {"text": "Later bewerkt", "updated_at": T2}
    earlier = base_document()
    earlier["proposals"][1] |= {"text": "Ouder", "updated_at": "2026-03-12T11:00:00Z"}
    same_instant = base_document()
    same_instant["proposals"][2] |= {"text": "Zelfde moment", "updated_at": "2026-03-12T12:00:00Z"}
    import_document(session_file, later)
    import_document(session_file, earlier)
    import_document(session_file, same_instant)  # 12:00Z == 13:00+01:00: keeps what is stored
    assert live_texts(session_file) == ["Later bewerkt", "Voorstel 1", "Voorstel 2"]


def test_a_later_edit_replaces_the_whole_record(session_file: SessionFile) -> None:
    document = base_document()
    document["proposals"][0]["details"] = "meer uitleg"
    import_document(session_file, document)
    later = base_document()
    later["proposals"][0]["updated_at"] = T1  # no details any more
    import_document(session_file, later)
    exported = export_document(session_file)
    assert "details" not in exported["proposals"][0]


def test_tombstone_hides_and_travels(session_file: SessionFile, tmp_path: Path) -> None:
    import_document(session_file, base_document())
    deletion = base_document()
    deletion["proposals"][1] |= {"deleted": True, "updated_at": T1}
    report = import_document(session_file, deletion)
    assert report.counts["proposals"]["updated"] == 1
    assert live_texts(session_file) == ["Voorstel 0", "Voorstel 2"]
    exported = export_document(session_file)
    assert exported["proposals"][1]["deleted"] is True
    stale = base_document()  # an older laptop file does not bring it back
    import_document(session_file, stale)
    assert live_texts(session_file) == ["Voorstel 0", "Voorstel 2"]


def test_texts_are_kept_exactly(session_file: SessionFile) -> None:
    document = base_document(0)
    texts = [
        "=SUM(A1:A9)",
        "+31 6 1234",
        "-min",
        "@kantine",
        "\tinspringen",
        "regel 1\nregel 2",
        "حمية صحية",
        "🙂👍🏽 fruit",
        "x" * 1900,
    ]
    document["proposals"] = [
        {"id": uid(300 + i), "round_id": uid(3), "table_id": uid(2), "text": t}
        for i, t in enumerate(texts)
    ]
    import_document(session_file, document)
    assert live_texts(session_file) == texts
    assert [p["text"] for p in export_document(session_file)["proposals"]] == texts


# ------------------------------------------------------------------- refusals
def assert_nothing_written(sf: SessionFile, before: dict[str, Any]) -> None:
    after = export_document(sf)
    before = dict(before, exported_at=None)
    after = dict(after, exported_at=None)
    assert after == before


def test_dangling_reference_is_refused_naming_the_place(session_file: SessionFile) -> None:
    import_document(session_file, base_document())
    before = export_document(session_file)
    bad = base_document(5)
    bad["proposals"][4]["round_id"] = uid(999)
    with pytest.raises(ExchangeError) as refused:
        import_document(session_file, bad, source="tafel3.json")
    assert refused.value.pointer == "/proposals/4/round_id"
    assert "/proposals/4/round_id" in refused.value.message("nl")
    assert "niets geïmporteerd" in refused.value.message("nl")
    assert_nothing_written(session_file, before)


def test_another_sessions_file_is_refused(session_file: SessionFile) -> None:
    import_document(session_file, base_document())
    before = export_document(session_file)
    other = base_document()
    other["session"]["id"] = uid(77)
    other["session"]["title"] = "Andere sessie"
    with pytest.raises(ExchangeError) as refused:
        import_document(session_file, other)
    assert refused.value.code == "other_session"
    assert "Andere sessie" in refused.value.message("nl")
    assert_nothing_written(session_file, before)


def test_a_new_empty_session_takes_the_files_session(session_path: Path) -> None:
    with SessionFile.create(session_path) as sf:
        import_document(sf, base_document())
        assert sf.session().id == SESSION_ID
        assert sf.session().title == "PMO samen ontwerpen"


def test_one_proposal_in_two_themes_in_one_file_is_refused(session_file: SessionFile) -> None:
    document = base_document()
    document["clusters"] = [
        {"id": uid(500), "name": "A", "proposal_ids": [uid(100)]},
        {"id": uid(501), "name": "B", "proposal_ids": [uid(101), uid(100)]},
    ]
    with pytest.raises(ExchangeError) as refused:
        import_document(session_file, document)
    assert refused.value.pointer == "/clusters/1/proposal_ids/1"
    assert session_file.snapshot().proposals == ()


def test_merge_putting_a_proposal_in_two_themes_gives_it_to_the_later(
    session_file: SessionFile,
) -> None:
    first = base_document()
    first["clusters"] = [
        {"id": uid(500), "name": "Bewegen", "proposal_ids": [uid(100), uid(101)], "updated_at": T0}
    ]
    second = base_document()
    second["clusters"] = [
        {"id": uid(501), "name": "Sport", "proposal_ids": [uid(100)], "updated_at": T1}
    ]
    import_document(session_file, first)
    import_document(session_file, second)
    themes = {t.name: t.proposal_ids for t in session_file.themes()}
    assert themes == {"Bewegen": (uid(101),), "Sport": (uid(100),)}


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d.__setitem__("format", "iets-anders"), "/format"),
        (lambda d: d["proposals"][1].__setitem__("text", ""), "/proposals/1/text"),
        (lambda d: d["proposals"][2].__setitem__("text", "x" * 2001), "/proposals/2/text"),
        (lambda d: d["proposals"][0].__setitem__("id", "niet-een-uuid"), "/proposals/0/id"),
        (
            lambda d: d["proposals"][0].__setitem__("updated_at", "gisteren"),
            "/proposals/0/updated_at",
        ),
        (lambda d: d["rounds"][0].__setitem__("minutes", 0), "/rounds/0/minutes"),
        (lambda d: d["proposals"].append(copy.deepcopy(d["proposals"][0])), "/proposals/3/id"),
        (lambda d: d["session"].__setitem__("date", "12-03-2026"), "/session/date"),
    ],
)
def test_invalid_files_are_refused_with_the_first_bad_place(
    session_file: SessionFile, mutate: Any, where: str
) -> None:
    document = base_document()
    mutate(document)
    with pytest.raises(ExchangeError) as refused:
        import_document(session_file, document)
    assert refused.value.pointer == where
    assert session_file.snapshot().proposals == ()


# ----------------------------------------------------------- property tests
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
# Years the importer accepts (EARLIEST_YEAR..LATEST_YEAR: what every export can show).
stamps = st.datetimes(
    min_value=__import__("datetime").datetime(1900, 1, 2),
    max_value=__import__("datetime").datetime(2999, 12, 30),
    timezones=st.just(__import__("datetime").UTC),
).map(lambda d: d.isoformat().replace("+00:00", "Z"))


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    n_groups = draw(st.integers(0, 3))
    groups = [
        {
            "id": uid(10 + i),
            "name": draw(texts),
            "participants": draw(st.integers(0, 50)),
            "updated_at": draw(stamps),
            "deleted": draw(st.booleans()),
        }
        for i in range(n_groups)
    ]
    tables = [
        {
            "id": uid(40 + i),
            "name": draw(texts),
            **({"target_group_id": groups[0]["id"]} if groups else {}),
        }
        for i in range(draw(st.integers(1, 3)))
    ]
    rounds = [{"id": uid(70 + i), "number": i + 1, "question": draw(texts)} for i in range(2)]
    proposals = [
        {
            "id": uid(1000 + i),
            "round_id": draw(st.sampled_from(rounds))["id"],
            "table_id": draw(st.sampled_from(tables))["id"],
            "text": draw(texts),
            "updated_at": draw(stamps),
            "deleted": draw(st.booleans()),
        }
        for i in range(draw(st.integers(0, 8)))
    ]
    ids = [p["id"] for p in proposals]
    clusters = []
    if ids:
        members = draw(st.lists(st.sampled_from(ids), unique=True))
        clusters.append({"id": uid(5000), "name": draw(texts), "proposal_ids": members})
    votes = (
        [
            {
                "id": uid(6000 + i),
                "item_id": clusters[0]["id"],
                "dots": draw(st.integers(1, 9)),
                **({"ballot_id": uid(7000)} if draw(st.booleans()) else {}),
            }
            for i in range(draw(st.integers(0, 3)))
        ]
        if clusters
        else []
    )
    return {
        "format": "tafelronde-exchange",
        "version": 1,
        "session": {"id": SESSION_ID, "title": draw(texts)},
        "target_groups": groups,
        "tables": tables,
        "rounds": rounds,
        "proposals": proposals,
        "clusters": clusters,
        "votes": votes,
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=documents())
def test_valid_documents_survive_import_of_export(
    tmp_path_factory: pytest.TempPathFactory, document: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    with SessionFile.create(folder / "a.tafelronde") as sf:
        import_document(sf, document)
        exported = export_document(sf)
    schema_validator().validate(exported)
    assert normalised(exported) == normalised(document)
    with SessionFile.create(folder / "b.tafelronde") as sf:
        import_document(sf, exported)
        assert normalised(export_document(sf)) == normalised(document)


MUTATIONS = [
    ("proposals", "round_id", uid(424242)),
    ("proposals", "text", ""),
    ("proposals", "table_id", None),
    ("tables", "name", 7),
    ("rounds", "number", 0),
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=documents(), mutation=st.sampled_from(MUTATIONS), data=st.data())
def test_mutated_documents_are_refused_with_nothing_written(
    tmp_path_factory: pytest.TempPathFactory,
    document: dict[str, Any],
    mutation: tuple[str, str, Any],
    data: st.DataObject,
) -> None:
    kind, field, value = mutation
    if not document[kind]:
        return
    index = data.draw(st.integers(0, len(document[kind]) - 1))
    document[kind][index][field] = value
    with SessionFile.create(tmp_path_factory.mktemp("mut") / "s.tafelronde") as sf:
        with pytest.raises(ExchangeError):
            import_document(sf, document)
        assert sf.is_empty()


# ------------------------------------------------------------------ kill -9
KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from desktop_app.storage.exchange import import_document, read_exchange_file
    from desktop_app.storage.session_file import SessionFile
    session, exchange, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    document = read_exchange_file(exchange)
    sf = SessionFile.open(session)
    calls = 0

    def tick():
        global calls
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0

    sf.connection.set_progress_handler(tick, 50)  # every 50 SQLite VM steps
    import_document(sf, document)
    sf.connection.set_progress_handler(None, 0)
    print("finished", calls)
    """
)


@pytest.mark.parametrize("steps", [50, 700, 1500, 2400, 2580])
def test_import_killed_part_way_leaves_all_or_nothing(tmp_path: Path, steps: int) -> None:
    document = base_document(1800)
    exchange = tmp_path / "groot.json"
    exchange.write_text(json.dumps(document), "utf-8")
    session = tmp_path / "s.tafelronde"
    SessionFile.create(session).close()
    result = subprocess.run(
        [sys.executable, "-c", KILLER, str(session), str(exchange), str(steps)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    with SessionFile.open(session) as sf:
        count = len(sf.snapshot().live_proposals())
    if result.returncode == 0:
        assert count == 1800
    else:
        assert result.returncode == -9
        assert count in (0, 1800)


def _json_values() -> st.SearchStrategy[object]:
    text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
    scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | text
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
        max_leaves=12,
    )


@settings(max_examples=300, deadline=None, derandomize=True)
@given(document=_json_values(), bom=st.booleans())
def test_a_file_is_read_as_written_whatever_its_characters(document: object, bom: bool) -> None:
    """Characters beyond the Basic Multilingual Plane are parsed as \\u escapes (one
    emoji would otherwise hold the whole text at four bytes a character): the values
    must be exactly those written, accents, emoji, backslashes and a BOM included."""
    from desktop_app.storage.exchange import _compact_json

    written = json.dumps(document, ensure_ascii=False).encode("utf-8")
    if bom:
        written = b"\xef\xbb\xbf" + written
    assert json.loads(_compact_json(written)) == document


_PIECES = [
    b'{"a": "',
    b'"',
    b"\\",
    b"\xc3\xa9",  # e acute (Latin-1)
    b"\xe2\x80\x94",  # an em dash (beyond Latin-1)
    b"\xd0\xb6",  # Cyrillic
    b"\xf0\x9f\x98\x80",  # an emoji (beyond the BMP)
    b"\xff",  # never UTF-8
    b"\xc3",  # a character cut short
    b"\xef\xbb\xbf",  # a byte order mark
    b"\\u00e9",
    b"\\ud83d",
    b"x",
    b", ",
    b'"b": ',
    b"}",
]


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=14))
def test_any_bytes_read_compactly_parse_or_fail_as_written(pieces: list[bytes]) -> None:
    """Whatever the bytes: the compact text parses to what the text as written parses
    to, or both are refused (the place of a refusal is checked elsewhere)."""
    from desktop_app.storage.exchange import _compact_json, _NotUtf8

    written = b"".join(pieces)
    try:
        expected: object = json.loads(written.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        expected = type(error)
    try:
        got: object = json.loads(_compact_json(written))
    except _NotUtf8:
        got = UnicodeDecodeError
    except json.JSONDecodeError:
        got = json.JSONDecodeError
    assert got == expected


@pytest.mark.parametrize(
    ("note", "most_bytes_a_character"),
    [
        ("x" * (4 * 1024 * 1024), 1),  # Dutch or English: one byte a character
        ("café " * (800 * 1024), 1),  # accents stay one byte (Latin-1)
        ("жизнь " * (700 * 1024), 2),  # Cyrillic two, as in the file
        ("中文" * (700 * 1024), 2),  # Chinese two (three in the file)
    ],
)
def test_a_large_file_with_an_emoji_is_held_compactly(
    note: str, most_bytes_a_character: int
) -> None:
    """A 4 MB note and one emoji: the text parsed keeps the note's own width, not
    four bytes a character, and the note arrives whole."""
    from desktop_app.storage.exchange import _compact_json

    document = {"note": note, "title": "Fruit 🍎"}
    written = json.dumps(document, ensure_ascii=False).encode()
    text = _compact_json(written)
    assert sys.getsizeof(text) < most_bytes_a_character * len(text) + 1000
    assert json.loads(text) == document


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        (b'{"a": "\\\xc3\xa9", "b": "\xff"}', 19),  # an invalid escape, then a bad byte
        (b'{"a": "\xf0\x9f\x8d\x8e", "b": "\xc3"}', 20),  # an emoji, then a cut character
        (b'\xef\xbb\xbf{"a": "\xed\xa0\x80"}', 10),  # a UTF-16 half written as UTF-8
    ],
)
def test_bytes_that_are_not_utf8_are_refused_at_their_place(
    tmp_path: Path, written: bytes, offset: int
) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(written)
    with pytest.raises(ExchangeError) as refused:
        read_exchange_file(source)
    assert f"byte {offset}" in refused.value.message("nl")


@pytest.mark.parametrize(
    ("written", "where"),
    [
        ('{"a":\n  "é€", x}', "regel 2, kolom 9"),
        ('{"a": "\\é"}', "regel 1, kolom 8"),
    ],
)
def test_a_broken_file_is_reported_where_it_is_broken_as_written(
    tmp_path: Path, written: str, where: str
) -> None:
    source = tmp_path / "broken.json"
    source.write_text(written, "utf-8")
    with pytest.raises(ExchangeError) as refused:
        read_exchange_file(source)
    assert where in refused.value.message("nl")
