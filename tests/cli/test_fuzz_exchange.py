"""Hostile exchange files (issue 15, build 5): refused with a message, or imported and exported.

Hypothesis mutates the demo exchange file: wrong types, huge strings, deep
nesting, duplicate ids, one id for two kinds, invalid UTF-8, a BOM, NaN and
Infinity, numbers beyond 64 bits, lone surrogates, dates out of range, references
to tombstones. Each mutated file goes through ``tafelronde import`` (the CLI's
own ``main``, in this process for speed) into a session that already holds the
demo. Either it exits 2 with one line naming the place and the session file is
byte for byte as before with nothing new beside it, or it exits 0 and
``tafelronde export --json --xlsx --pdf`` of the result succeeds. Never a
traceback. Fixed cases (a 100 MB file, a folder, /dev/zero, a FIFO, a symlink
loop) run through a real subprocess.
"""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app import cli
from desktop_app.paths import shipped_data_dir
from desktop_app.storage.exchange import MAX_EXCHANGE_BYTES, import_files
from desktop_app.storage.session_file import SessionFile

ROOT = Path(__file__).resolve().parents[2]
DEMO: dict[str, Any] = json.loads((shipped_data_dir() / "demo.json").read_text("utf-8"))
LISTS = [k for k, v in DEMO.items() if isinstance(v, list)]

# What a run found, for the README's table (printed with -s).
TALLY = {"inputs": 0, "refused": 0, "imported": 0, "tracebacks": 0, "writes": 0}


# ------------------------------------------------------------------ mutations
def paths_in(document: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in the document (keys and indexes from the top)."""
    yield here
    if isinstance(document, dict):
        for key, value in document.items():
            yield from paths_in(value, (*here, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from paths_in(value, (*here, index))


ALL_PATHS = [p for p in paths_in(DEMO) if p]
LEAVES = [
    p
    for p in ALL_PATHS
    if isinstance(
        _value := __import__("functools").reduce(lambda v, step: v[step], p, DEMO), str | int
    )
    and not isinstance(_value, bool)
]
ALL_IDS = [(kind, i) for kind in LISTS for i in range(len(DEMO[kind]))]

hostile_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**63, -(2**63) - 1, 2**64, 10**30, 0, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["\ud800", "a\udfffb", "x" * 100_000, "", " ", "=cmd|' /C calc'!A0"]),
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59-12:00",
            "1899-12-31",
            "2026-02-30",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


long_texts = st.builds(
    lambda piece, length: (piece * (length // max(len(piece), 1) + 1))[:length],
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
    st.sampled_from([1, 60, 200, 201, 2000, 2001, 10_000, 10_001]),
)
extreme_numbers = st.sampled_from([0, 1, 100, 100_000, 2**31, 2**53, 2**62, 2**63 - 1])
extreme_dates = st.sampled_from(["1900-01-01", "2999-12-31", "2026-02-28"])
extreme_instants = st.sampled_from(
    [
        "1900-01-01T00:00:00+14:00",
        "2999-12-31T23:59:59-12:00",
        "2026-03-12T12:00:00.123456789Z",
        "2026-03-12T12:00:00+23:59",
    ]
)
extreme_texts = st.one_of(
    long_texts,
    st.sampled_from(
        ["=SUM(A1:A9)", "@cmd", "\u202eRTL\u200b\u0301", "\U0001f600" * 50, "a\tb\nc\x00d"]
    ),
)


def extreme_for(original: Any) -> st.SearchStrategy[Any]:
    """A value of the same kind as ``original`` at the edge of what the rules allow."""
    if isinstance(original, int):
        return extreme_numbers
    if isinstance(original, str) and len(original) == 10 and original[4] == "-":
        return extreme_dates
    if isinstance(original, str) and len(original) > 10 and original[4] == "-":
        return extreme_instants if "T" in original else extreme_texts
    return extreme_texts


def nest(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """The demo file, changed in one to three hostile ways, as bytes."""
    document = copy.deepcopy(DEMO)
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        how = draw(
            st.sampled_from(
                ["extreme"] * 6
                + ["tombstone"] * 3
                + ["value", "value", "nest", "duplicate", "clash", "drop", "key"]
            )
        )
        if how in ("value", "nest", "drop", "key", "extreme"):
            where = draw(st.sampled_from(LEAVES if how == "extreme" else ALL_PATHS))
            parent = document
            try:
                for step in where[:-1]:
                    parent = parent[step]
                parent[where[-1]]
            except (KeyError, IndexError, TypeError):
                continue
            if how == "value":
                parent[where[-1]] = draw(hostile_values)
            elif how == "extreme":
                parent[where[-1]] = draw(extreme_for(parent[where[-1]]))
            elif how == "nest":
                parent[where[-1]] = nest(parent[where[-1]], draw(st.integers(30, 3000)))
            elif how == "drop":
                del parent[where[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.sampled_from(["\ud83d", "x" * 300, "", "id"]))] = parent.pop(
                    where[-1]
                )
        elif how == "duplicate":
            kind, index = draw(st.sampled_from(ALL_IDS))
            if index < len(document.get(kind) or []):
                document[kind].append(copy.deepcopy(document[kind][index]))
        elif how == "clash":
            (kind_a, a), (kind_b, b) = (
                draw(st.sampled_from(ALL_IDS)),
                draw(st.sampled_from(ALL_IDS)),
            )
            try:
                document[kind_a][a]["id"] = document[kind_b][b]["id"]
            except (KeyError, IndexError, TypeError):
                continue
        else:  # a tombstone others still refer to
            kind, index = draw(st.sampled_from(ALL_IDS))
            try:
                document[kind][index]["deleted"] = True
                document[kind][index]["updated_at"] = "2026-03-13T09:00:00Z"
            except (KeyError, IndexError, TypeError):
                continue
    allow_nan = True
    try:
        text = json.dumps(document, ensure_ascii=draw(st.booleans()), allow_nan=allow_nan)
    except RecursionError:
        text = json.dumps(DEMO)
    raw = text.encode("utf-8", "surrogatepass")
    byte_change = draw(st.sampled_from(["none"] * 7 + ["bom", "invalid", "cut"]))
    if byte_change == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif byte_change == "invalid":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + raw[at:]
    elif byte_change == "cut":
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


# ------------------------------------------------------------------ harness
@pytest.fixture(scope="module")
def demo_session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "demo.tafelronde"
    with SessionFile.create(path) as session_file:
        import_files(session_file, [shipped_data_dir() / "demo.json"])
    return path


def run_cli(*args: str) -> tuple[int, str, str]:
    """``tafelronde ARGS`` through the CLI's own entry point; a traceback fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = cli.main(list(args))
        except SystemExit as stop:
            status = int(stop.code or 0)
        except BaseException:
            TALLY["tracebacks"] += 1
            raise
    return status, out.getvalue(), err.getvalue()


def folder_state(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def try_one(raw: bytes, demo_session: Path, work: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    session = work / "sessie.tafelronde"
    shutil.copyfile(demo_session, session)
    source = work / "in.json"
    source.write_bytes(raw)
    before = folder_state(work)
    TALLY["inputs"] += 1
    status, _out, err = run_cli("import", str(source), "--session", str(session))
    assert status in (0, 2), (status, err)
    if status == 2:
        TALLY["refused"] += 1
        assert err.count("\n") == 1 and err.strip(), err
        assert "Traceback" not in err
        err.encode("utf-8")  # printable
        after = folder_state(work)
        if after != before:
            TALLY["writes"] += 1
        assert after == before, sorted(set(after) ^ set(before))
        return
    TALLY["imported"] += 1
    targets = [work / "uit.json", work / "uit.xlsx", work / "uit.pdf"]
    status, _out, err = run_cli(
        "export",
        str(session),
        "--json",
        str(targets[0]),
        "--xlsx",
        str(targets[1]),
        "--pdf",
        str(targets[2]),
    )
    assert status == 0, err
    assert all(t.stat().st_size > 0 for t in targets)
    # What was exported imports again.
    again = work / "weer.tafelronde"
    status, _out, err = run_cli("import", str(targets[0]), "--session", str(again))
    assert status == 0, err


FAST = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FAST
@given(raw=mutated())
def test_a_mutated_demo_file_is_refused_by_place_or_imported_and_exported(
    raw: bytes, demo_session: Path, tmp_path: Path
) -> None:
    try_one(raw, demo_session, tmp_path / "work")


@pytest.mark.slow
@settings(
    max_examples=400,
    deadline=None,
    # The same 400 inputs on every machine: a failure found here is found again in CI
    # and can be replayed (run without it, with other seeds, to look further).
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=mutated())
def test_many_mutated_demo_files(raw: bytes, demo_session: Path, tmp_path: Path) -> None:
    try_one(raw, demo_session, tmp_path / "work")


def test_report_the_tally() -> None:
    """After the fuzz tests of this module: what they found (printed with pytest -s)."""
    print(f"\nfuzz tally: {TALLY}")
    assert TALLY["tracebacks"] == 0 and TALLY["writes"] == 0
    assert TALLY["inputs"] == TALLY["refused"] + TALLY["imported"]


# ------------------------------------------------------------------ fixed cases
def cli_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TAFELRONDE_LANG": "nl"},
        check=False,
        timeout=60,
    )


def refused_without_writes(source: Path, demo_session: Path, work: Path, words: str) -> None:
    session = work / "sessie.tafelronde"
    shutil.copyfile(demo_session, session)
    before = folder_state(work)
    result = cli_subprocess("import", str(source), "--session", str(session))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert words in result.stderr, result.stderr
    assert folder_state(work) == before
    # A new session is not even created.
    fresh = work / "nieuw.tafelronde"
    result = cli_subprocess("import", str(source), "--session", str(fresh))
    assert result.returncode == 2
    assert not fresh.exists() and not Path(f"{fresh}.lock").exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    demo_session: Path, tmp_path: Path
) -> None:
    big = tmp_path / "groot.json"
    with open(big, "wb") as handle:  # 100 MB, sparse: no disk space used
        handle.truncate(100 * 1024 * 1024)
    assert big.stat().st_size > MAX_EXCHANGE_BYTES
    work = tmp_path / "work"
    work.mkdir()
    refused_without_writes(big, demo_session, work, "te groot")


@pytest.mark.parametrize("kind", ["folder", "dev_zero", "fifo", "symlink_loop"])
def test_what_is_not_a_regular_file_is_refused(
    kind: str, demo_session: Path, tmp_path: Path
) -> None:
    if kind == "folder":
        source = tmp_path / "map.json"
        source.mkdir()
        words = "een map"
    elif kind == "dev_zero":
        source = Path("/dev/zero")
        if not source.exists():
            pytest.skip("no /dev/zero here")
        words = "een apparaat"
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        source = tmp_path / "pijp.json"
        os.mkfifo(source)
        words = "FIFO"
    else:
        source = tmp_path / "lus.json"
        other = tmp_path / "lus2.json"
        source.symlink_to(other)
        other.symlink_to(source)
        words = "naar zichzelf"
    work = tmp_path / "work"
    work.mkdir()
    refused_without_writes(source, demo_session, work, words)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["clusters"][0].__setitem__("proposal_ids", list(range(20_000))), "/0"),
        (
            lambda d: d["clusters"][0].__setitem__(
                "proposal_ids", [d["proposals"][0]["id"]] * 20_000
            ),
            "/1",
        ),
    ],
)
def test_twenty_thousand_ids_are_checked_at_once(
    change: Any, where: str, demo_session: Path, tmp_path: Path
) -> None:
    import time

    document = copy.deepcopy(DEMO)
    change(document)
    source = tmp_path / "ids.json"
    source.write_text(json.dumps(document), "utf-8")
    from desktop_app.core.errors import ExchangeError
    from desktop_app.storage.exchange import read_exchange_files

    start = time.perf_counter()
    with pytest.raises(ExchangeError) as refused:
        read_exchange_files([source])
    assert time.perf_counter() - start < 1.0
    assert refused.value.pointer == f"/clusters/0/proposal_ids{where}"


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("[" * 5000 + "]" * 5000, "/", "te diep genest"),
        ("[" * 40 + "]" * 40, "/x" + "/0" * 31, "te diep genest"),
        ('"a\\ud800b"', "/x", "losse UTF-16-helft"),
        (str(2**64), "/x", "te groot"),
        ("NaN", "/x", "NaN"),
        ("-Infinity", "/x", "-Infinity"),
    ],
)
def test_values_no_file_can_hold_are_refused_by_place(
    text: str, where: str, words: str, demo_session: Path, tmp_path: Path
) -> None:
    raw = json.dumps(DEMO)[:-1] + ', "x": ' + text + "}"
    source = tmp_path / "in.json"
    source.write_text(raw, "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    refused_without_writes(source, demo_session, work, words)
    result = cli_subprocess("import", str(source), "--session", str(work / "s.tafelronde"))
    assert f"op {where}:" in result.stderr, result.stderr


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"])
def test_dates_the_exports_cannot_show_are_refused(
    date: str, demo_session: Path, tmp_path: Path
) -> None:
    document = copy.deepcopy(DEMO)
    document["interventions"][0]["follow_up"] = date
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document), "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    refused_without_writes(source, demo_session, work, "het jaar moet tussen 1900 en 2999")
