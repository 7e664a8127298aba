"""A large, realistic session as an exchange document, for the benchmarks."""

from __future__ import annotations

import random
import uuid
from typing import Any

WORDS = (
    "fysio op locatie",
    "gezonde lunch",
    "fruit in de kantine",
    "werkdruk bespreekbaar",
    "tilhulpen bus",
    "ploegendienst rooster",
    "bloeddruk meten",
    "sportschool korting",
    "mentale gezondheid",
    "coaching leidinggevenden",
    "gehoortest",
    "ogen laten testen",
)


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def session_document(
    tables: int = 100,
    rounds: int = 3,
    per_cell: int = 6,
    votes: int = 3700,
    groups: int = 4,
    seed: int = 7,
) -> dict[str, Any]:
    rng = random.Random(seed)
    stamp = "2026-03-12T13:00:00+01:00"
    target_groups = [
        {"id": uid(rng), "name": f"Doelgroep {i + 1}", "participants": 250, "updated_at": stamp}
        for i in range(groups)
    ]
    table_list = [
        {
            "id": uid(rng),
            "name": f"Tafel {i + 1}",
            "host": f"Gastheer {i + 1}",
            "target_group_id": target_groups[i % groups]["id"],
            "updated_at": stamp,
        }
        for i in range(tables)
    ]
    round_list = [
        {
            "id": uid(rng),
            "number": i + 1,
            "question": f"Vraag {i + 1}?",
            "minutes": 20,
            "updated_at": stamp,
        }
        for i in range(rounds)
    ]
    proposals = [
        {
            "id": uid(rng),
            "round_id": r["id"],
            "table_id": t["id"],
            "text": f"{rng.choice(WORDS)} — {rng.choice(WORDS)} ({n})",
            "created_at": stamp,
            "updated_at": stamp,
        }
        for r in round_list
        for t in table_list
        for n in range(per_cell)
    ]
    theme_count = 12
    clusters = [
        {"id": uid(rng), "name": f"Thema {i + 1}", "proposal_ids": [], "updated_at": stamp}
        for i in range(theme_count)
    ]
    for index, proposal in enumerate(proposals):
        clusters[index % theme_count]["proposal_ids"].append(proposal["id"])
    vote_list = []
    for _ in range(votes):
        record = {
            "id": uid(rng),
            "item_id": rng.choice(clusters)["id"],
            "dots": rng.randint(1, 2),
            "target_group_id": rng.choice(target_groups)["id"],
            "updated_at": stamp,
        }
        if rng.random() < 0.5:
            record["ballot_id"] = uid(rng)
        vote_list.append(record)
    return {
        "format": "tafelronde-exchange",
        "version": 1,
        "session": {
            "id": uid(rng),
            "title": "Benchmarksessie",
            "language": "nl",
            "voting": {"dots_per_participant": 4, "max_dots_per_item": 2, "target": "cluster"},
            "updated_at": stamp,
        },
        "target_groups": target_groups,
        "tables": table_list,
        "rounds": round_list,
        "proposals": proposals,
        "clusters": clusters,
        "votes": vote_list,
        "interventions": [],
    }
