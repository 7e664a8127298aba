"""The room network under load, on loopback (issue 16).

Run: ``.venv/bin/python benchmarks/room.py [--phones 300] [--mixed-clients 100]
[--minutes 5] [--only NAME ...] [--json]``

Scenarios (each on a fresh copy of the demo session, voting open):

``vote``    ``--phones`` simulated phones (aiohttp clients, one cookie jar each)
            join, then all cast their ballot at once against ``tafelronde room``
            (a separate process, as on the facilitator's laptop). Checked: no
            ballot lost, none twice; measured: send -> acknowledged, p50/p95/max.
``gui``     the same vote with the GUI's writer: the server in this process,
            every write posted to the Qt GUI thread (offscreen) and run there.
            Measured: the GUI thread's longest block (a 5 ms QTimer heartbeat)
            and the longest single job, and when the beamer's voting view
            repainted after the last ballot (the count on the beamer).
``mixed``   ``--mixed-clients`` clients for ``--minutes`` minutes: scribes send
            proposals (and edit some), every client votes once. Checked: 0 errors.
``drop``    10% of the phones lose the connection right after sending their
            ballot (the ack never arrives), rejoin with a new connection and
            send again. Checked: the count is exact; measured: time to get back.
``kill``    the room process is killed with SIGKILL while phones are voting and
            started again; phones retry until acknowledged. Checked: every
            acknowledged ballot is there, none twice, all phones counted.

Limits: at most ``--phones`` connections at once, every request with a timeout,
every scenario with an overall deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app import paths  # noqa: E402
from desktop_app.core import run_state  # noqa: E402
from desktop_app.storage.exchange import import_document, read_exchange_file  # noqa: E402
from desktop_app.storage.session_file import SessionFile  # noqa: E402

REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=30)
DEADLINE = 600.0  # seconds: any scenario gives up after this


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_session(folder: Path) -> Path:
    path = folder / f"room-{uuid.uuid4().hex[:8]}.tafelronde"
    session = SessionFile.create(path)
    import_document(session, read_exchange_file(paths.shipped_data_dir() / "demo.json"))
    with session.transaction():
        session.set_state(run_state.VOTING_OPEN, True)
    session.close()
    return path


def phone_count(path: Path) -> tuple[int, int]:
    """(phone ballots, spent tokens) as stored, read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ballots = conn.execute(
            "SELECT count(DISTINCT ballot_id) FROM votes WHERE channel = 'phone' AND deleted = 0"
        ).fetchone()[0]
        tokens = conn.execute("SELECT count(*) FROM _room_used_tokens").fetchone()[0]
    finally:
        conn.close()
    return int(ballots), int(tokens)


class RoomProcess:
    """``tafelronde room`` in its own process; its first stdout line is the join URL."""

    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port = path, port
        self.process: subprocess.Popen[str] | None = None
        self.join_url = ""

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "room",
                str(self.path),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "TAFELRONDE_LANG": "en"},
        )
        assert self.process.stdout is not None
        self.join_url = self.process.stdout.readline().strip()
        if not self.join_url.startswith("http"):
            raise RuntimeError(f"room did not start: {self.join_url!r}")

    @property
    def base(self) -> str:
        return self.join_url.split("/j/")[0]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(20)

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(20)


@dataclass
class Phone:
    client: aiohttp.ClientSession
    state: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


async def join(join_url: str) -> Phone:
    base = join_url.split("/j/")[0]
    client = aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=REQUEST_TIMEOUT
    )
    async with client.get(join_url) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"join: {response.status}")
    async with client.get(f"{base}/api/state") as response:
        state = await response.json()
    return Phone(client, state, {"X-CSRF-Token": state["csrf"], "Origin": base})


async def join_all(join_url: str, count: int) -> list[Phone]:
    gate = asyncio.Semaphore(50)

    async def one() -> Phone:
        async with gate:
            return await join(join_url)

    return list(await asyncio.gather(*(one() for _ in range(count))))


def ballot_of(phone: Phone) -> dict[str, Any]:
    voting = phone.state["voting"]
    items = [item["id"] for item in voting["items"]]
    dots: dict[str, int] = {}
    for _ in range(max(1, voting["budget"] // 2)):
        item = random.choice(items)
        if dots.get(item, 0) < voting["cap"]:
            dots[item] = dots.get(item, 0) + 1
    group = voting["groups"][0]["id"] if voting["groups"] else None
    return {"token": phone.state["ballot_token"], "dots": dots, "group": group}


SERVER_TIMES: list[float] = []  # seconds from arrival to ack inside the room (Server-Timing)


async def send_ballot(phone: Phone, base: str, *, retry_until: float = 0.0) -> float:
    """Send until acknowledged (200, or 409 for a ballot already counted); the latency."""
    body = ballot_of(phone)
    while True:
        started = time.perf_counter()
        try:
            async with phone.client.post(
                f"{base}/api/ballot", json=body, headers=phone.headers
            ) as response:
                await response.read()
                status = response.status
                timing = response.headers.get("Server-Timing", "")
        except (TimeoutError, aiohttp.ClientError):
            status = 0
        if status in (200, 409):
            if "dur=" in timing:
                SERVER_TIMES.append(float(timing.split("dur=")[1]) / 1000)
            return time.perf_counter() - started
        if time.monotonic() > retry_until:
            raise RuntimeError(f"ballot refused: {status}")
        await asyncio.sleep(0.2)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ms(value: float) -> float:
    return round(value * 1000, 1)


# ------------------------------------------------------------------ scenarios


def scenario_vote(folder: Path, phones: int) -> dict[str, Any]:
    path = make_session(folder)
    room = RoomProcess(path, free_port())
    room.start()
    try:

        async def run() -> list[float]:
            joined = await join_all(room.join_url, phones)
            try:
                return list(await asyncio.gather(*(send_ballot(p, room.base) for p in joined)))
            finally:
                await asyncio.gather(*(p.client.close() for p in joined))

        SERVER_TIMES.clear()
        latencies = asyncio.run(asyncio.wait_for(run(), DEADLINE))
    finally:
        room.stop()
    ballots, tokens = phone_count(path)
    return {
        "server_p95_ms": ms(percentile(SERVER_TIMES, 0.95)),
        "load_average": os.getloadavg()[0],
        "phones": phones,
        "ballots_stored": ballots,
        "tokens_spent": tokens,
        "lost_or_double": phones - ballots,
        "ack_p50_ms": ms(statistics.median(latencies)),
        "ack_p95_ms": ms(percentile(latencies, 0.95)),
        "ack_max_ms": ms(max(latencies)),
    }


def scenario_drop(folder: Path, phones: int) -> dict[str, Any]:
    path = make_session(folder)
    room = RoomProcess(path, free_port())
    room.start()
    dropping = max(1, phones // 10)
    try:

        async def run() -> list[float]:
            joined = await join_all(room.join_url, phones)
            back: list[float] = []

            async def drop_and_rejoin(phone: Phone) -> None:
                body = ballot_of(phone)
                lost = time.perf_counter()
                # Send, then lose the connection before the ack arrives.
                with_cut = aiohttp.ClientTimeout(total=0.001)
                try:
                    async with phone.client.post(
                        f"{room.base}/api/ballot",
                        json=body,
                        headers=phone.headers,
                        timeout=with_cut,
                    ) as response:
                        await response.read()
                except (TimeoutError, aiohttp.ClientError):
                    pass
                await phone.client.close()
                # Rejoin: a new connection with the same device cookie, the same ballot.
                cookies = phone.client.cookie_jar
                client = aiohttp.ClientSession(cookie_jar=cookies, timeout=REQUEST_TIMEOUT)
                phone.client = client
                async with client.get(f"{room.base}/api/state") as response:
                    phone.state = await response.json()
                await send_ballot(phone, room.base, retry_until=time.monotonic() + 30)
                back.append(time.perf_counter() - lost)

            try:
                await asyncio.gather(
                    *(drop_and_rejoin(p) for p in joined[:dropping]),
                    *(send_ballot(p, room.base) for p in joined[dropping:]),
                )
            finally:
                await asyncio.gather(*(p.client.close() for p in joined))
            return back

        back = asyncio.run(asyncio.wait_for(run(), DEADLINE))
    finally:
        room.stop()
    ballots, tokens = phone_count(path)
    return {
        "phones": phones,
        "dropped_and_rejoined": dropping,
        "ballots_stored": ballots,
        "count_exact": ballots == phones and tokens == phones,
        "back_max_s": round(max(back), 2),
    }


def scenario_kill(folder: Path, phones: int) -> dict[str, Any]:
    path = make_session(folder)
    port = free_port()
    room = RoomProcess(path, port)
    room.start()
    acked: list[int] = []
    restarted = threading.Event()

    async def run() -> None:
        joined = await join_all(room.join_url, phones)
        base = room.base

        async def vote(index: int, phone: Phone) -> None:
            await asyncio.sleep(random.random() * 1.5)  # spread over the kill
            await send_ballot(phone, base, retry_until=time.monotonic() + 120)
            acked.append(index)

        async def killer() -> None:
            while len(acked) < phones // 3:
                await asyncio.sleep(0.01)
            room.kill()
            await asyncio.sleep(0.5)
            await asyncio.to_thread(room.start)
            restarted.set()

        try:
            await asyncio.gather(killer(), *(vote(i, p) for i, p in enumerate(joined)))
        finally:
            await asyncio.gather(*(p.client.close() for p in joined))

    try:
        asyncio.run(asyncio.wait_for(run(), DEADLINE))
    finally:
        room.stop()
    ballots, tokens = phone_count(path)
    return {
        "phones": phones,
        "killed_after_acks": phones // 3,
        "restarted": restarted.is_set(),
        "acknowledged": len(acked),
        "ballots_stored": ballots,
        "tokens_spent": tokens,
        "every_ack_there_none_twice": ballots == len(acked) == phones and tokens == phones,
    }


def scenario_mixed(folder: Path, clients: int, minutes: float) -> dict[str, Any]:
    path = make_session(folder)
    room = RoomProcess(path, free_port())
    room.start()
    counts = {"proposals": 0, "edits": 0, "ballots": 0, "errors": 0}
    errors: list[str] = []
    try:

        async def run() -> None:
            joined = await join_all(room.join_url, clients)
            stop_at = time.monotonic() + minutes * 60
            base = room.base

            async def client_loop(index: int, phone: Phone) -> None:
                rng = random.Random(index)
                voted = False
                table = phone.state["tables"][index % len(phone.state["tables"])]["id"]
                while time.monotonic() < stop_at:
                    await asyncio.sleep(rng.uniform(0.5, 3.5))
                    try:
                        if not voted and rng.random() < 0.2:
                            await send_ballot(phone, base)
                            voted = True
                            counts["ballots"] += 1
                            continue
                        pid = str(uuid.uuid4())
                        body = {"id": pid, "table_id": table, "text": f"Voorstel {index}-{pid[:6]}"}
                        async with phone.client.post(
                            f"{base}/api/proposals", json=body, headers=phone.headers
                        ) as response:
                            await response.read()
                            if response.status != 200:
                                raise RuntimeError(f"proposal {response.status}")
                        counts["proposals"] += 1
                        if rng.random() < 0.2:
                            async with phone.client.post(
                                f"{base}/api/proposals/{pid}",
                                json={"text": body["text"] + " (bijgewerkt)"},
                                headers=phone.headers,
                            ) as response:
                                await response.read()
                                if response.status != 200:
                                    raise RuntimeError(f"edit {response.status}")
                            counts["edits"] += 1
                    except Exception as error:  # counted: the scenario's point
                        counts["errors"] += 1
                        errors.append(repr(error)[:200])
                if not voted:
                    try:
                        await send_ballot(phone, base)
                        counts["ballots"] += 1
                    except Exception as error:
                        counts["errors"] += 1
                        errors.append(repr(error)[:200])

            try:
                await asyncio.gather(*(client_loop(i, p) for i, p in enumerate(joined)))
            finally:
                await asyncio.gather(*(p.client.close() for p in joined))

        asyncio.run(asyncio.wait_for(run(), minutes * 60 + DEADLINE))
    finally:
        room.stop()
    ballots, _tokens = phone_count(path)
    return {
        "clients": clients,
        "minutes": minutes,
        **counts,
        "ballots_stored": ballots,
        "first_errors": errors[:3],
    }


def scenario_gui(folder: Path, phones: int) -> dict[str, Any]:
    """The vote through the GUI's writer; the GUI thread's heartbeat measures its blocks."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.room.server import RoomServer, ensure_keys
    from desktop_app.ui.beamer.stage import BeamerStage
    from desktop_app.ui.controller import SessionController
    from desktop_app.ui.room.bridge import GuiWriter
    from desktop_app.ui.room.runner import GUI_LIMITS

    app = QApplication.instance() or QApplication([])
    path = make_session(folder)
    controller = SessionController(SessionFile.open(path))
    stage = BeamerStage()
    stage.resize(1920, 1080)
    stage.set_controller(controller)
    controller.session_file.set_state(run_state.BEAMER_PINNED_VIEW, "voting")
    stage.show()
    writer = GuiWriter(controller)
    server = RoomServer(
        writer,
        ensure_keys(controller.session_file),
        host="127.0.0.1",
        port=free_port(),
        limits=GUI_LIMITS,
    )
    server.start()
    controller.changed.connect(server.notify_changed)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    done = threading.Event()
    result: dict[str, Any] = {}

    def clients() -> None:
        """The phones are other machines: a process of their own (no share of our GIL)."""
        try:
            output = subprocess.run(
                [sys.executable, __file__, "--phones-of", server.join_url, "--phones", str(phones)],
                capture_output=True,
                text=True,
                timeout=DEADLINE,
                check=True,
            ).stdout
            found = json.loads(output.strip().splitlines()[-1])
            result["latencies"] = found["latencies"]
            result["last_ack"] = time.perf_counter()
        except Exception as error:
            result["error"] = repr(error)
        finally:
            done.set()

    heartbeat.start()
    thread = threading.Thread(target=clients, daemon=True)
    thread.start()
    waiter = QTimer()
    waiter.setInterval(20)
    waiter.timeout.connect(lambda: app.quit() if done.is_set() else None)
    waiter.start()
    app.exec()
    # Let the beamer catch up with the last change, then see when it painted.
    settle = time.perf_counter() + 1.5
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.005)
    heartbeat.stop()
    view = stage.current_view()
    server.stop()
    writer.close()
    controller.close()
    if "error" in result:
        return {"error": result["error"]}
    window = beats
    gaps = [b - a for a, b in itertools.pairwise(window)]
    ballots, _ = phone_count(path)
    latencies = result["latencies"]
    return {
        "load_average": os.getloadavg()[0],
        "phones": phones,
        "ballots_stored": ballots,
        "ack_p95_ms": ms(percentile(latencies, 0.95)),
        "gui_longest_block_ms": ms(max(gaps) - 0.005) if gaps else None,
        "gui_longest_job_ms": ms(writer.longest_job),
        "beamer_view": stage.current,
        "beamer_painted_after_last_ballot_ms": ms(view.painted_at - writer.last_job_at),
    }


def phones_of(join_url: str, phones: int) -> int:
    """Helper process for ``gui``: join, vote at once, print the latencies as JSON."""

    async def run() -> list[float]:
        joined = await join_all(join_url, phones)
        base = join_url.split("/j/")[0]
        try:
            return list(await asyncio.gather(*(send_ballot(p, base) for p in joined)))
        finally:
            await asyncio.gather(*(p.client.close() for p in joined))

    print(json.dumps({"latencies": asyncio.run(asyncio.wait_for(run(), DEADLINE))}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones-of", metavar="JOIN_URL", help=argparse.SUPPRESS)
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--mixed-clients", type=int, default=100)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument(
        "--only", nargs="*", choices=("vote", "gui", "mixed", "drop", "kill"), default=None
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.phones_of:
        return phones_of(args.phones_of, args.phones)
    chosen = args.only or ["vote", "gui", "drop", "kill", "mixed"]
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="tafelronde-room-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("TAFELRONDE_DATA_DIR", str(folder / "data"))
        for name in chosen:
            started = time.perf_counter()
            if name == "vote":
                results[name] = scenario_vote(folder, args.phones)
            elif name == "gui":
                results[name] = scenario_gui(folder, args.phones)
            elif name == "drop":
                results[name] = scenario_drop(folder, args.phones)
            elif name == "kill":
                results[name] = scenario_kill(folder, args.phones)
            else:
                results[name] = scenario_mixed(folder, args.mixed_clients, args.minutes)
            results[name]["took_s"] = round(time.perf_counter() - started, 1)
            if not args.json:
                print(name, json.dumps(results[name]), flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
