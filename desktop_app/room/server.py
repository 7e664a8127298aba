"""The room server: aiohttp on its own asyncio loop in a worker thread.

Why aiohttp in a thread: one dependency gives HTTP and WebSocket with request
size limits and a test client, it runs thousands of idle phone connections on
one thread, and its loop never touches the GUI thread. The GUI (or the
command line) stays the only owner of the session file: every write is an
operation handed to a :class:`~desktop_app.room.writer.Writer`, and a phone is
acknowledged only after that operation committed.

What is reachable (and nothing else): the join page, ``/j/CODE`` (the QR
code), the room page, the test page, two static files, ``/api/state``, the
proposal and ballot endpoints and ``/ws``. No export, no settings, no other
session, no results.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import random
import socket
import threading
import time
import weakref
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from desktop_app import paths
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.model import Kind
from desktop_app.ops import room as room_ops
from desktop_app.ops.errors import OperationError
from desktop_app.room import security
from desktop_app.room.security import Keys, RateLimiter, preferred_language
from desktop_app.room.view import RoomView, build_view
from desktop_app.room.writer import Writer, WriterClosed
from desktop_app.storage.session_file import Change, SessionFile

log = logging.getLogger(__name__)
R = TypeVar("R")

COOKIE = "tr_device"
STATIC_FILES = {"room.js": "application/javascript", "room.css": "text/css"}
PAGES = ("join.html", "room.html", "test.html")
UUID_LENGTH = 36
VIEW_DEBOUNCE = 0.05  # seconds: a burst of changes is one refresh of what phones see
# Kinds whose change alters nothing a phone sees (ballots are counted, not shown).
_INVISIBLE_TABLES = frozenset({"_room_used_tokens", "_room_card_tokens"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Request size and rate limits of a closed LAN (see the README's threat model)."""

    max_body: int = 32 * 1024  # bytes of one request (a proposal is at most a few kB)
    device_rate: float = 5.0  # API requests a second per device ...
    device_burst: float = 30.0  # ... in bursts of this many
    join_failures_per_minute: float = 10.0  # wrong join codes per address
    max_sockets: int = 3000
    ballot_batch: int = 32  # ballots in one group commit at most (one GUI-thread job)


@dataclass(frozen=True, slots=True)
class RoomStatus:
    """What the console shows: who is connected, whether a phone ever reached us."""

    running: bool = False
    url: str = ""
    join_url: str = ""
    join_code: str = ""
    devices_connected: int = 0
    devices_joined: int = 0
    test_hits: int = 0
    remote_test_hits: int = 0  # from another machine than this laptop


class RoomStartError(UserError):
    """The room could not start (port in use, address not on this laptop)."""

    def message(self, lang: str = "nl") -> str:
        port, host = self.params.get("port", ""), self.params.get("host", "")
        if self.code == "port_in_use":
            if lang == "en":
                return f"Port {port} on {host} is in use: choose another port."
            return f"Poort {port} op {host} is al in gebruik: kies een andere poort."
        if lang == "en":
            return f"The room cannot start on {host}:{port}: {self.params.get('reason', '')}"
        return f"De zaal kan niet starten op {host}:{port}: {self.params.get('reason', '')}"


def ensure_keys(session: SessionFile) -> Keys:
    """This session's room secret and join code, made once and kept in local run state.

    Kept so that phones stay joined when the laptop restarts (after a crash).
    Not an operation: run state is never undone. Call on the owning thread.
    """
    secret = session.state(security.SECRET_KEY)
    code = session.state(security.JOIN_CODE_KEY)
    if not isinstance(secret, str) or not isinstance(code, str):
        secret, code = security.new_secret(), security.new_join_code()
        with session.transaction():
            session.set_state(security.SECRET_KEY, secret)
            session.set_state(security.JOIN_CODE_KEY, code)
    return Keys(secret=bytes.fromhex(secret), join_code=code)


def lan_addresses() -> list[str]:
    """This laptop's IPv4 addresses on a network (not loopback), best guess first."""
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))  # UDP: no packet is sent
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    usable = [a for a in dict.fromkeys(found) if not ipaddress.ip_address(a).is_loopback]
    return usable


def _host_for_url(host: str) -> str:
    if host in ("0.0.0.0", ""):
        addresses = lan_addresses()
        return addresses[0] if addresses else "127.0.0.1"
    return host


class RoomServer:
    """The room's HTTP + WebSocket server; start it, stop it, tell it when the session changed."""

    def __init__(
        self,
        writer: Writer,
        keys: Keys,
        *,
        host: str = "127.0.0.1",
        port: int = 8080,
        limits: Limits | None = None,
        on_status: Callable[[RoomStatus], None] | None = None,
        resources: Path | None = None,
    ) -> None:
        self._writer = writer
        self._keys = keys
        self.host = host
        self.port = port
        self.limits = limits or Limits()
        self._on_status = on_status
        self._resources = resources or paths.resource("room")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._stopping: asyncio.Event | None = None
        self._sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self._socket_devices: dict[int, str] = {}
        self._joined: set[str] = set()
        self._view: RoomView | None = None
        self._version = 0
        self._refresh: asyncio.Task[None] | None = None
        self._dirty = False
        self._device_limiter = RateLimiter(self.limits.device_rate, self.limits.device_burst)
        self._join_limiter = RateLimiter(
            self.limits.join_failures_per_minute / 60.0, self.limits.join_failures_per_minute
        )
        self._pages = {name: (self._resources / name).read_text("utf-8") for name in PAGES}
        self._strings: dict[str, Any] = json.loads(
            (self._resources / "strings.json").read_text("utf-8")
        )
        self._status = RoomStatus()
        self._ballots: (
            asyncio.Queue[tuple[room_ops.BallotRequest, asyncio.Future[str | room_ops.RoomError]]]
            | None
        ) = None

    # ------------------------------------------------------------ lifecycle
    @property
    def url(self) -> str:
        return f"http://{_host_for_url(self.host)}:{self.port}"

    @property
    def join_url(self) -> str:
        return f"{self.url}/j/{self._keys.join_code}"

    @property
    def join_code(self) -> str:
        return self._keys.join_code

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def status(self) -> RoomStatus:
        return self._status

    def start(self, timeout: float = 10.0) -> None:
        """Bind and serve in a worker thread; returns once bound (or raises)."""
        if self.running:
            return
        ready: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._serve, args=(ready,), name="room-server", daemon=True
        )
        self._thread.start()
        try:
            ready.result(timeout)
        except BaseException:
            self._thread.join(timeout)
            self._thread = None
            raise
        self._publish(running=True, url=self.url, join_url=self.join_url, join_code=self.join_code)

    def stop(self, timeout: float = 10.0) -> None:
        """Close every connection and stop the loop; safe to call twice."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if self._stopping is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._stopping.set)
        thread.join(timeout)
        self._thread = None
        self._publish(running=False, devices_connected=0)

    def notify_changed(self, change: Change | None = None) -> None:
        """The session changed (any thread): phones refresh what they see, if it matters."""
        if change is not None and not _visible(change):
            return
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._schedule_refresh)

    def _serve(self, ready: Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._main(ready))
        except BaseException as error:  # reported to start(); logged if it came later
            if not ready.done():
                ready.set_exception(error)
            else:
                log.exception("room server stopped with an error")
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None

    async def _main(self, ready: Future[None]) -> None:
        self._stopping = asyncio.Event()
        app = self.make_app()
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, backlog=1024, reuse_address=True)
        try:
            await site.start()
        except OSError as error:
            await runner.cleanup()
            code = "port_in_use" if error.errno in (98, 48, 10048) else "cannot_bind"
            raise RoomStartError(
                code, host=self.host, port=self.port, reason=error.strerror or str(error)
            ) from None
        if self.port == 0:  # an OS-chosen port (tests)
            for address in runner.addresses:
                self.port = int(address[1])
                break
        self._runner = runner
        self._ballots = asyncio.Queue()
        counter = asyncio.ensure_future(self._count_ballots(self._ballots))
        ready.set_result(None)
        self._schedule_refresh()
        await self._stopping.wait()
        counter.cancel()
        for ws in list(self._sockets):
            with contextlib.suppress(Exception):
                await ws.close(code=1001, message=b"room closed")
        await runner.cleanup()

    # ----------------------------------------------------------------- app
    def make_app(self) -> web.Application:
        """The aiohttp application (also for aiohttp's test client)."""
        app = web.Application(
            client_max_size=self.limits.max_body,
            middlewares=[self._guard],
        )
        app.router.add_get("/", self._index)
        app.router.add_get("/j/{code}", self._join_link)
        app.router.add_post("/join", self._join_form)
        app.router.add_get("/room", self._room_page)
        app.router.add_get("/test", self._test_page)
        app.router.add_post("/test/hit", self._test_hit)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/api/state", self._api_state)
        app.router.add_post("/api/proposals", self._api_add_proposal)
        app.router.add_post("/api/proposals/{id}", self._api_edit_proposal)
        app.router.add_post("/api/proposals/{id}/delete", self._api_delete_proposal)
        app.router.add_post("/api/ballot", self._api_ballot)
        app.router.add_post("/api/card", self._api_card)
        app.router.add_get("/ws", self._websocket)
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Host check (DNS rebinding), device rate limits, security headers on every answer."""
        if not _host_ok(request.host):
            return web.Response(status=421, text="wrong host")
        if request.path.startswith("/api/"):
            device = self._device(request)
            if device is None:
                return self._refuse(request, 401, "not_joined")
            if not self._device_limiter.allow(device):
                return self._refuse(request, 429, "too_fast")
            if request.method == "POST":
                if not _origin_ok(request):
                    return self._refuse(request, 403, "bad_origin")
                if not self._keys.csrf_ok(device, request.headers.get("X-CSRF-Token")):
                    return self._refuse(request, 403, "bad_csrf")
                if request.content_length is not None and (
                    request.content_length > self.limits.max_body
                ):
                    return self._refuse(request, 413, "too_large")
        try:
            response = await handler(request)
        except web.HTTPRequestEntityTooLarge:
            return self._refuse(request, 413, "too_large")
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Cache-Control", "no-store")
        headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self' ws: ; frame-ancestors 'none'; form-action 'self'; "
            "base-uri 'none'",
        )
        return response

    # ------------------------------------------------------------- helpers
    def _device(self, request: web.Request) -> str | None:
        return self._keys.device_of(request.cookies.get(COOKIE))

    def _lang(self, request: web.Request) -> str:
        return preferred_language(request.headers.get("Accept-Language"))

    def _text(self, lang: str, key: str) -> str:
        return str(self._strings[lang].get(key, self._strings["nl"].get(key, key)))

    def _refuse(
        self, request: web.Request, status: int, code: str, message: str | None = None
    ) -> web.Response:
        lang = self._lang(request)
        text = message if message is not None else self._text(lang, f"error_{code}")
        return web.json_response(
            {"ok": False, "code": code, "message": text},
            status=status,
            headers={"Cache-Control": "no-store"},
        )

    def _page(self, name: str, lang: str, extra: dict[str, Any] | None = None) -> web.Response:
        strings = dict(self._strings[lang])
        strings.update(extra or {})
        blob = json.dumps(strings, ensure_ascii=False).replace("</", "<\\/")
        html = self._pages[name]
        for key, value in strings.items():
            html = html.replace("{{" + key + "}}", _escape(str(value)))
        html = html.replace("{{lang}}", lang).replace("{{strings_json}}", blob)
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    async def _run(self, job: Callable[[SessionFile], R]) -> R:
        return await asyncio.wrap_future(self._writer.submit(job))

    async def _json(self, request: web.Request) -> dict[str, Any] | None:
        if request.content_type != "application/json":
            return None
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            return None
        return body if isinstance(body, dict) else None

    async def _write(
        self, request: web.Request, job: Callable[[SessionFile], Any], answer: Callable[[Any], Any]
    ) -> web.Response:
        """Run one operation on the owning thread; ack only once it committed."""
        try:
            result = await self._run(job)
        except (OperationError, ValidationError) as error:  # refused: nothing changed
            code = error.code if isinstance(error, room_ops.RoomError) else "refused"
            status = 409 if code == "already_voted" else 422
            return self._refuse(request, status, code, error.message(self._lang(request)))
        except UserError as error:  # the laptop could not write (disk full): try again later
            log.warning("room write failed: %s", error.code)
            return self._refuse(request, 503, "not_saved", error.message(self._lang(request)))
        except WriterClosed:
            return self._refuse(request, 503, "closed")
        return web.json_response({"ok": True, **answer(result)})

    def _publish(self, **fields: Any) -> None:
        self._status = replace(self._status, **fields)
        if self._on_status is not None:
            try:
                self._on_status(self._status)
            except Exception:  # the console's problem, not the phones'
                log.exception("room status listener failed")

    def _count_sockets(self) -> None:
        devices = set(self._socket_devices.values())
        self._publish(devices_connected=len(devices), devices_joined=len(self._joined))

    # ---------------------------------------------------------------- view
    def _schedule_refresh(self) -> None:
        if self._refresh is not None and not self._refresh.done():
            self._dirty = True
            return
        self._dirty = False
        self._refresh = asyncio.ensure_future(self._refresh_view())

    async def _refresh_view(self) -> None:
        while True:
            await asyncio.sleep(VIEW_DEBOUNCE)
            self._dirty = False
            try:
                view = await self._run(build_view)
            except (WriterClosed, UserError):
                return
            changed = self._view is None or view.data != self._view.data
            self._view = view
            if changed:
                self._version += 1
                message = json.dumps({"type": "state", "version": self._version})
                for ws in list(self._sockets):
                    with contextlib.suppress(Exception):
                        await ws.send_str(message)
            if not self._dirty:
                return

    async def _count_ballots(
        self,
        queue: asyncio.Queue[
            tuple[room_ops.BallotRequest, asyncio.Future[str | room_ops.RoomError]]
        ],
    ) -> None:
        """Group commit: the ballots that arrived meanwhile are one transaction."""
        while True:
            batch = [await queue.get()]
            while not queue.empty() and len(batch) < self.limits.ballot_batch:
                batch.append(queue.get_nowait())
            requests = [request for request, _future in batch]
            try:
                results = await self._run(partial(room_ops.cast_token_ballots, ballots=requests))
            except BaseException as error:  # the file refused (disk full): all of them
                for _request, future in batch:
                    if not future.done():
                        future.set_exception(error)
                if isinstance(error, asyncio.CancelledError):
                    raise
                continue
            for (_request, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)

    async def _current_view(self) -> RoomView:
        if self._view is None:
            self._view = await self._run(build_view)
        return self._view

    # ------------------------------------------------------------- joining
    def _joined_response(self, request: web.Request, target: str) -> web.Response:
        device = self._device(request)
        response = web.Response(status=303, headers={"Location": target})
        if device is None:
            token = self._keys.new_device_token()
            device = self._keys.device_of(token)
            response.set_cookie(
                COOKIE, token, httponly=True, samesite="Strict", path="/", max_age=86400 * 2
            )
        if device is not None:
            self._joined.add(device)
            self._count_sockets()
        return response

    def _join_refused(self, request: web.Request) -> web.Response:
        lang = self._lang(request)
        if not self._join_limiter.allow(request.remote or "?"):
            return web.Response(status=429, text=self._text(lang, "error_too_fast"))
        response = self._page("join.html", lang, {"error": self._text(lang, "error_bad_code")})
        response.set_status(403)
        return response

    async def _index(self, request: web.Request) -> web.StreamResponse:
        if self._device(request) is not None:
            raise web.HTTPSeeOther("/room")
        return self._page("join.html", self._lang(request), {"error": ""})

    async def _join_link(self, request: web.Request) -> web.StreamResponse:
        if not self._keys.join_ok(request.match_info["code"]):
            return self._join_refused(request)
        return self._joined_response(request, "/room")

    async def _join_form(self, request: web.Request) -> web.StreamResponse:
        if not _origin_ok(request):
            return web.Response(status=403, text="bad origin")
        form = await request.post()
        code = str(form.get("code", ""))[:20]
        if not self._keys.join_ok(code):
            return self._join_refused(request)
        return self._joined_response(request, "/room")

    async def _room_page(self, request: web.Request) -> web.StreamResponse:
        if self._device(request) is None:
            raise web.HTTPSeeOther("/")
        return self._page("room.html", self._lang(request))

    async def _test_page(self, request: web.Request) -> web.StreamResponse:
        return self._page("test.html", self._lang(request))

    async def _test_hit(self, request: web.Request) -> web.StreamResponse:
        """The test page loaded its script: a phone reached the room (the console says so)."""
        if not _origin_ok(request):
            return web.Response(status=403)
        remote = request.remote or ""
        local = _is_loopback(remote)
        self._publish(
            test_hits=self._status.test_hits + 1,
            remote_test_hits=self._status.remote_test_hits + (0 if local else 1),
        )
        return web.json_response({"ok": True})

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in STATIC_FILES:
            raise web.HTTPNotFound()
        return web.Response(
            body=(self._resources / name).read_bytes(),
            content_type=STATIC_FILES[name],
            headers={"Cache-Control": "no-cache"},
        )

    # ----------------------------------------------------------------- api
    async def _api_state(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        assert device is not None  # the guard refused others
        view = await self._current_view()
        data = dict(view.data)
        voting = dict(data["voting"])
        items = list(voting["items"])
        random.Random(self._keys.ballot_token(device)).shuffle(items)  # random, stable order
        voting["items"] = items
        data["voting"] = voting
        data.update(
            version=self._version,
            csrf=self._keys.csrf_token(device),
            ballot_token=self._keys.ballot_token(device) if voting["open"] else None,
            lang=self._lang(request),
        )
        return web.json_response(data)

    async def _api_add_proposal(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        body = await self._json(request)
        if device is None or body is None:
            return self._refuse(request, 400, "bad_request")
        pid, table_id = body.get("id"), body.get("table_id")
        text, role = body.get("text"), body.get("role", "scribe")
        if (
            not _is_uuid(pid)
            or not isinstance(table_id, str)
            or not isinstance(text, str)
            or role not in ("scribe", "participant")
        ):
            return self._refuse(request, 400, "bad_request")
        view = await self._current_view()
        round_ = view.data["round"]
        round_id = body.get("round_id") or (round_["id"] if round_ else "")
        if not isinstance(round_id, str):
            return self._refuse(request, 400, "bad_request")
        pending = role == "participant" and bool(view.data["approve_first"])
        owner = self._keys.device_hash(device)

        def job(session: SessionFile) -> Any:
            return room_ops.send_proposal(
                session,
                round_id,
                table_id,
                text,
                proposal_id=str(pid),
                device_hash=owner,
                pending=pending,
                source=str(role),
            )

        return await self._write(
            request, job, lambda p: {"id": p.id, "text": p.text, "pending": pending}
        )

    async def _api_edit_proposal(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        body = await self._json(request)
        pid = request.match_info["id"]
        if device is None or body is None or not _is_uuid(pid):
            return self._refuse(request, 400, "bad_request")
        text = body.get("text")
        if not isinstance(text, str):
            return self._refuse(request, 400, "bad_request")
        owner = self._keys.device_hash(device)
        return await self._write(
            request,
            lambda s: room_ops.edit_own_proposal(s, pid, text, device_hash=owner),
            lambda p: {"id": p.id, "text": p.text},
        )

    async def _api_delete_proposal(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        pid = request.match_info["id"]
        if device is None or not _is_uuid(pid):
            return self._refuse(request, 400, "bad_request")
        owner = self._keys.device_hash(device)
        return await self._write(
            request,
            lambda s: room_ops.delete_own_proposal(s, pid, device_hash=owner),
            lambda n: {"id": pid, "deleted": n},
        )

    async def _ballot(self, request: web.Request, channel: str) -> web.StreamResponse:
        device = self._device(request)
        body = await self._json(request)
        if device is None or body is None:
            return self._refuse(request, 400, "bad_request")
        token, dots, group = body.get("token"), body.get("dots"), body.get("group")
        if (
            not isinstance(token, str)
            or not 8 <= len(token) <= 80
            or not isinstance(dots, dict)
            or len(dots) > 500
            or not all(isinstance(k, str) and type(v) is int for k, v in dots.items())
            or (group is not None and not isinstance(group, str))
        ):
            return self._refuse(request, 400, "bad_request")
        if channel == "phone" and token != self._keys.ballot_token(device):
            return self._refuse(request, 403, "bad_token")
        counts = {str(k): int(v) for k, v in dots.items()}
        arrived = time.perf_counter()
        queue = self._ballots
        if queue is None:
            return self._refuse(request, 503, "closed")
        future: asyncio.Future[str | room_ops.RoomError] = (
            asyncio.get_running_loop().create_future()
        )
        queue.put_nowait((room_ops.BallotRequest(token, counts, group or None, channel), future))
        try:
            result = await future
        except UserError as error:  # the laptop could not write (disk full): try again later
            log.warning("room ballot not saved: %s", error.code)
            return self._refuse(request, 503, "not_saved", error.message(self._lang(request)))
        except WriterClosed:
            return self._refuse(request, 503, "closed")
        if isinstance(result, room_ops.RoomError):
            status = 409 if result.code == "already_voted" else 422
            return self._refuse(request, status, result.code, result.message(self._lang(request)))
        spent = (time.perf_counter() - arrived) * 1000
        return web.json_response(
            {"ok": True, "counted": sum(counts.values())},
            headers={"Server-Timing": f"commit;dur={spent:.1f}"},  # for benchmarks/room.py
        )

    async def _api_ballot(self, request: web.Request) -> web.StreamResponse:
        return await self._ballot(request, "phone")

    async def _api_card(self, request: web.Request) -> web.StreamResponse:
        return await self._ballot(request, "card")

    # ------------------------------------------------------------ websocket
    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        if device is None:
            return web.Response(status=401)
        if not _origin_ok(request, required=True):
            return web.Response(status=403, text="bad origin")
        if len(self._socket_devices) >= self.limits.max_sockets:
            return web.Response(status=503)
        ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=1024)
        await ws.prepare(request)
        self._sockets.add(ws)
        self._socket_devices[id(ws)] = device
        self._joined.add(device)
        self._count_sockets()
        try:
            await ws.send_str(json.dumps({"type": "state", "version": self._version}))
            async for message in ws:
                if message.type == WSMsgType.TEXT and message.data == "ping":
                    await ws.send_str('{"type":"pong"}')
                elif message.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            self._socket_devices.pop(id(ws), None)
            self._count_sockets()
        return ws


def _visible(change: Change) -> bool:
    """False for a change phones cannot see (a ballot or a tally: counts are not shown)."""
    if change.session or change.state:
        return True
    if change.tables - _INVISIBLE_TABLES:
        return True
    return bool(change.kinds - {Kind.VOTE})


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str) or len(value) != UUID_LENGTH:
        return False
    return all(c in "0123456789abcdef-" for c in value.lower())


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _host_ok(host: str) -> bool:
    """Only an IP address or localhost: a page on some other name (DNS rebinding) is refused."""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.strip("[]")
    if name == "localhost":
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _origin_ok(request: web.Request, *, required: bool = False) -> bool:
    """The page that sent this request was served by us (same scheme, host and port)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return not required
    return origin == f"http://{request.host}"
