"""`tafelronde suggest PATH --json`: suggestions for a session file, without Qt."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app import paths
from desktop_app.core.model import Kind, Proposal, Round, Table, Theme
from desktop_app.storage.exchange import import_document, read_exchange_file
from desktop_app.storage.session_file import SessionFile, new_id

# Runs the CLI and reports, on stderr's last line, whether any PySide6 module was loaded.
_RUN = (
    "import sys\n"
    "from desktop_app.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
    "sys.stderr.write('\\nQT:' + ','.join(loaded) + '\\n')\n"
    "raise SystemExit(code)\n"
)


def run_suggest(*args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    env = dict(os.environ, TAFELRONDE_LANG="nl")
    done = subprocess.run(
        [sys.executable, "-c", _RUN, "suggest", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    assert last.startswith("QT:"), done.stderr
    return done, [m for m in last[3:].split(",") if m]


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.tafelronde"
    sf = SessionFile.create(path)
    import_document(sf, read_exchange_file(paths.shipped_data_dir() / "demo.json"), source="demo")
    # One tombstoned proposal must not be suggested.
    sf.delete(Kind.PROPOSAL, sf.proposals()[0].id)
    sf.close()
    return path


def live_ids(path: Path) -> set[str]:
    with SessionFile.open_readonly(path) as sf:
        return {p.id for p in sf.proposals()}


def test_suggest_json_has_the_documented_shape(demo_path: Path) -> None:
    done, qt_modules = run_suggest(str(demo_path), "--json")
    assert done.returncode == 0, done.stderr
    assert qt_modules == []
    result: dict[str, Any] = json.loads(done.stdout)
    assert {"duplicates", "themes", "proposals", "session_themes"} <= set(result)
    live = live_ids(demo_path)
    texts = {p["id"]: p["text"] for p in result["proposals"]}
    assert set(texts) == live, "every live proposal with its text, no tombstone"
    with SessionFile.open_readonly(demo_path) as sf:
        assert texts == {p.id: p.text for p in sf.proposals()}
    for pair in result["duplicates"]:
        assert isinstance(pair, list) and len(pair) == 2
        assert pair[0] != pair[1] and set(pair) <= live
    assert result["themes"], "the demo has themes to suggest"
    seen: list[str] = []
    for theme in result["themes"]:
        assert {"name", "proposal_ids"} <= set(theme)
        assert isinstance(theme["name"], str) and theme["name"].strip()
        assert theme["proposal_ids"] and set(theme["proposal_ids"]) <= live
        seen.extend(theme["proposal_ids"])
    assert len(seen) == len(set(seen)), "a live proposal is in at most one suggested theme"


def test_suggest_is_deterministic(demo_path: Path) -> None:
    first, _ = run_suggest(str(demo_path), "--json")
    second, _ = run_suggest(str(demo_path), "--json")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout


def test_suggest_without_json_prints_a_summary(demo_path: Path) -> None:
    done, qt_modules = run_suggest(str(demo_path))
    assert done.returncode == 0
    assert qt_modules == []
    assert "voorgestelde thema's" in done.stdout.splitlines()[0]


def test_suggest_refuses_a_missing_file_in_one_line(tmp_path: Path) -> None:
    done, _ = run_suggest(str(tmp_path / "nope.tafelronde"), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    message = [line for line in done.stderr.splitlines() if line and not line.startswith("QT:")]
    assert len(message) == 1 and "nope.tafelronde" in message[0]


def _session_from_labelled(
    path: Path, key: str, per_theme: int, seed: int
) -> tuple[Path, dict[str, str], set[str]]:
    """A real session file holding one labelled session, with ``per_theme`` cards of
    every facilitator's theme already placed; returns the gold themes by proposal."""
    doc = json.loads(
        (Path(__file__).resolve().parents[1] / "data" / "dev_sessions.json").read_text("utf-8")
    )
    labelled = next(s for s in doc["sessions"] if s["key"] == key)
    sf = SessionFile.create(path, title=labelled["name"])
    rounds = {
        n: Round(id=new_id(), number=n, question=q) for n, q in enumerate(labelled["rounds"], 1)
    }
    for r in rounds.values():
        sf.add(Kind.ROUND, r)
    tables = {
        t: Table(id=new_id(), name=f"Tafel {t}")
        for t in sorted({p["table"] for p in labelled["proposals"]})
    }
    for t in tables.values():
        sf.add(Kind.TABLE, t)
    gold: dict[str, str] = {}
    by_theme: dict[str, list[str]] = {}
    for p in labelled["proposals"]:
        proposal = Proposal(
            id=new_id(),
            round_id=rounds[p["round"]].id,
            table_id=tables[p["table"]].id,
            text=p["text"],
        )
        sf.add(Kind.PROPOSAL, proposal)
        by_theme.setdefault(p["theme"], []).append(proposal.id)
    rng = random.Random(seed)
    placed: set[str] = set()
    for name, members in by_theme.items():
        chosen = rng.sample(members, per_theme)
        theme = sf.add(Kind.THEME, Theme(id=new_id(), name=name, proposal_ids=tuple(chosen)))
        placed.update(chosen)
        for pid in members:
            gold[pid] = theme.id
    sf.close()
    return path, gold, placed


def test_suggest_json_ranks_the_sessions_themes_for_every_tray_card(tmp_path: Path) -> None:
    path, gold, placed = _session_from_labelled(tmp_path / "zorg.tafelronde", "zorg-linde", 2, 5)
    done, qt_modules = run_suggest(str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert qt_modules == []
    result: dict[str, Any] = json.loads(done.stdout)
    theme_ids = {t["id"] for t in result["session_themes"]}
    assert {t["name"] for t in result["session_themes"]} >= {"Tillen & transfers", "Collegialiteit"}
    placements = result["placements"]
    tray = set(gold) - placed
    assert [p["proposal_id"] for p in placements] == [
        p["id"] for p in result["proposals"] if p["id"] in tray
    ], "one entry per proposal not yet in a theme, in the session's order"
    for entry in placements:
        assert len(entry["themes"]) >= 3
        assert len(set(entry["themes"])) == len(entry["themes"])
        assert set(entry["themes"]) <= theme_ids
    top1 = sum(gold[e["proposal_id"]] == e["themes"][0] for e in placements) / len(placements)
    top3 = sum(gold[e["proposal_id"]] in e["themes"][:3] for e in placements) / len(placements)
    assert top1 >= 0.5 and top3 >= 0.75, (top1, top3)


def test_suggest_json_has_no_placements_before_any_card_is_placed(tmp_path: Path) -> None:
    path = tmp_path / "leeg.tafelronde"
    sf = SessionFile.create(path)
    round_ = sf.add(Kind.ROUND, Round(id=new_id(), number=1, question="?"))
    table = sf.add(Kind.TABLE, Table(id=new_id(), name="Tafel 1"))
    sf.add(
        Kind.PROPOSAL,
        Proposal(id=new_id(), round_id=round_.id, table_id=table.id, text="Fysio op locatie"),
    )
    sf.add(Kind.THEME, Theme(id=new_id(), name="Nog leeg"))
    sf.close()
    done, _ = run_suggest(str(path), "--json")
    result = json.loads(done.stdout)
    assert "placements" not in result
    assert result["proposals"][0]["text"] == "Fysio op locatie"
    assert result["session_themes"][0]["name"] == "Nog leeg"
