"""Import and ``export --json`` of a large session against a floor measured in the same run.

Session: 100 tables x 3 rounds x 6 proposals (1,800) and 3,700 votes. The floor
does the least any implementation must: json.load of the file, the same rows
through plain sqlite3 executemany in one transaction (WAL, synchronous=FULL, as
the app), and json.dump of those rows read back. Run:
``.venv/bin/python benchmarks/import_export.py``.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import session_document

from desktop_app.storage.exchange import export_file, import_files
from desktop_app.storage.session_file import SessionFile

KINDS = ("target_groups", "tables", "rounds", "proposals", "clusters", "votes")


def floor_import(source: Path, target: Path) -> None:
    document = json.loads(source.read_text("utf-8"))
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("BEGIN")
    for kind in KINDS:
        rows = document[kind]
        columns = sorted({key for row in rows for key in row})
        conn.execute(f"CREATE TABLE IF NOT EXISTS {kind} ({', '.join(columns)})")
        conn.executemany(
            f"INSERT INTO {kind} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [
                tuple(
                    json.dumps(row.get(c)) if isinstance(row.get(c), list) else row.get(c)
                    for c in columns
                )
                for row in rows
            ],
        )
    conn.execute("COMMIT")
    conn.close()


def floor_export(database: Path, target: Path) -> None:
    conn = sqlite3.connect(database)
    conn.row_factory = sqlite3.Row
    document = {
        kind: [dict(row) for row in conn.execute(f"SELECT * FROM {kind}")] for kind in KINDS
    }
    conn.close()
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)


def app_import(source: Path, target: Path) -> None:
    with SessionFile.create(target) as session_file:
        import_files(session_file, [source])


def app_export(database: Path, target: Path) -> None:
    with SessionFile.open_readonly(database) as session_file:
        export_file(session_file, target)


def timed(action, repeats: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            action(Path(folder))
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        source = work_dir / "groot.json"
        document = session_document()
        source.write_text(json.dumps(document), "utf-8")
        print(
            f"session: {len(document['proposals'])} proposals, {len(document['votes'])} votes, "
            f"{len(document['tables'])} tables"
        )
        floor_db = work_dir / "floor.sqlite"
        app_db = work_dir / "app.tafelronde"
        floor_import(source, floor_db)
        app_import(source, app_db)
        t_floor_import = timed(lambda d: floor_import(source, d / "f.sqlite"))
        t_app_import = timed(lambda d: app_import(source, d / "a.tafelronde"))
        t_floor_export = timed(lambda d: floor_export(floor_db, d / "f.json"))
        t_app_export = timed(lambda d: app_export(app_db, d / "a.json"))
    print(
        f"import      app {t_app_import * 1000:7.1f} ms   floor {t_floor_import * 1000:7.1f} ms   "
        f"ratio {t_app_import / t_floor_import:.2f}"
    )
    print(
        f"export json app {t_app_export * 1000:7.1f} ms   floor {t_floor_export * 1000:7.1f} ms   "
        f"ratio {t_app_export / t_floor_export:.2f}"
    )
    total_ratio = (t_app_import + t_app_export) / (t_floor_import + t_floor_export)
    print(f"import + export ratio {total_ratio:.2f}")


if __name__ == "__main__":
    main()
