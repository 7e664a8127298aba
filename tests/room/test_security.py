"""The room server against a hostile phone on the LAN: real HTTP on 127.0.0.1, aiohttp client."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest

from desktop_app.core.model import Kind
from desktop_app.room.server import Limits
from desktop_app.storage import room_store
from desktop_app.storage.session_file import SessionFile
from tests.room.conftest import Room, start_room, stop_room


def run(coro_fn: Callable[[], Awaitable[Any]]) -> Any:
    return asyncio.run(coro_fn())


async def joined(room: Room) -> tuple[aiohttp.ClientSession, dict[str, Any]]:
    client = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with client.get(f"{room.url}/j/{room.server.join_code}") as response:
        assert response.status == 200  # followed the redirect to the room page
        assert "Tafelronde" in await response.text()
    async with client.get(f"{room.url}/api/state") as response:
        state = await response.json()
    return client, state


def headers(state: dict[str, Any], room: Room) -> dict[str, str]:
    return {"X-CSRF-Token": state["csrf"], "Origin": room.url}


def test_a_wrong_join_code_gets_no_device_and_no_data(room: Room) -> None:
    async def go() -> None:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
            async with client.get(f"{room.url}/j/000000x") as response:
                assert response.status == 403
                assert "klopt niet" in await response.text()
            async with client.get(f"{room.url}/api/state") as response:
                assert response.status == 401
            async with client.get(f"{room.url}/room", allow_redirects=False) as response:
                assert response.status == 303
            for _ in range(12):  # guessing codes is slowed down per address
                async with client.post(f"{room.url}/join", data={"code": "111111"}) as response:
                    last = response.status
            assert last == 429

    run(go)


def test_nothing_of_the_console_is_reachable(room: Room) -> None:
    async def go() -> None:
        client, _state = await joined(room)
        async with client:
            for path in (
                "/export",
                "/settings",
                "/api/results",
                "/static/../../README.md",
                "/static/strings.json",
                "/api/session",
            ):
                async with client.get(f"{room.url}{path}") as response:
                    assert response.status == 404, path
            async with client.get(
                f"{room.url}/api/state", headers={"Host": "evil.example"}
            ) as response:
                assert response.status == 421  # DNS rebinding: only IP hosts

    run(go)


def test_bad_csrf_and_bad_origin_are_refused_and_change_nothing(room: Room) -> None:
    async def go() -> None:
        client, state = await joined(room)
        body = {"id": str(uuid.uuid4()), "table_id": state["tables"][0]["id"], "text": "X"}
        async with client:
            async with client.post(
                f"{room.url}/api/proposals", json=body, headers={"Origin": room.url}
            ) as response:
                assert response.status == 403
                assert (await response.json())["code"] == "bad_csrf"
            async with client.post(
                f"{room.url}/api/proposals",
                json=body,
                headers={"X-CSRF-Token": state["csrf"], "Origin": "http://evil.example"},
            ) as response:
                assert response.status == 403
                assert (await response.json())["code"] == "bad_origin"
            # The WebSocket checks the Origin too.
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await client.ws_connect(f"{room.url}/ws", origin="http://evil.example")
            ws = await client.ws_connect(f"{room.url}/ws", origin=room.url)
            await ws.close()
        assert room.run(lambda s: s.get(Kind.PROPOSAL, body["id"])) is None

    run(go)


def test_an_oversized_request_is_refused(room: Room) -> None:
    async def go() -> None:
        client, state = await joined(room)
        body = {
            "id": str(uuid.uuid4()),
            "table_id": state["tables"][0]["id"],
            "text": "x" * (64 * 1024),
        }
        async with (
            client,
            client.post(
                f"{room.url}/api/proposals", json=body, headers=headers(state, room)
            ) as response,
        ):
            assert response.status == 413

    run(go)


def test_a_device_that_floods_is_slowed_down(demo_path: Any) -> None:
    room = start_room(demo_path, Limits(device_rate=1.0, device_burst=5.0))
    try:

        async def go() -> list[int]:
            client, _state = await joined(room)
            async with client:
                statuses = []
                for _ in range(10):
                    async with client.get(f"{room.url}/api/state") as response:
                        statuses.append(response.status)
                return statuses

        statuses = run(go)
        assert 429 in statuses
    finally:
        stop_room(room)


def test_one_ballot_per_token_within_budget_and_cap(room: Room) -> None:
    room.open_vote()

    async def go() -> None:
        client, state = await joined(room)
        async with client:
            async with client.get(f"{room.url}/api/state") as response:
                state = await response.json()
            voting = state["voting"]
            assert voting["open"] and state["ballot_token"]
            items = [item["id"] for item in voting["items"]]
            url = f"{room.url}/api/ballot"
            over_cap = {"token": state["ballot_token"], "dots": {items[0]: voting["cap"] + 1}}
            async with client.post(url, json=over_cap, headers=headers(state, room)) as response:
                assert response.status == 422
            too_many = {i: 1 for i in items[: voting["budget"] + 1]}
            if len(too_many) > voting["budget"]:
                ballot = {"token": state["ballot_token"], "dots": too_many}
                async with client.post(url, json=ballot, headers=headers(state, room)) as r:
                    assert r.status == 422
            forged = {"token": "f" * 40, "dots": {items[0]: 1}}
            async with client.post(url, json=forged, headers=headers(state, room)) as response:
                assert response.status == 403
            good = {
                "token": state["ballot_token"],
                "dots": {items[0]: 1},
                "group": voting["groups"][0]["id"],
            }
            async with client.post(url, json=good, headers=headers(state, room)) as response:
                assert response.status == 200
            async with client.post(url, json=good, headers=headers(state, room)) as response:
                assert response.status == 409
                assert (await response.json())["code"] == "already_voted"

    run(go)

    def phone_ballots(session: SessionFile) -> int:
        return {c.channel: c.ballots for c in room_store.channel_counts(session)}["phone"]

    assert room.run(phone_ballots) == 1


def test_a_retried_proposal_is_stored_once(room: Room) -> None:
    async def go() -> dict[str, Any]:
        client, state = await joined(room)
        body = {
            "id": str(uuid.uuid4()),
            "table_id": state["tables"][1]["id"],
            "text": "Fietsen naar het werk belonen",
        }
        async with client:
            for _ in range(3):
                async with client.post(
                    f"{room.url}/api/proposals", json=body, headers=headers(state, room)
                ) as response:
                    assert response.status == 200
        return body

    body = run(go)
    stored = room.run(
        lambda s: [p for p in s.proposals() if p.text == "Fietsen naar het werk belonen"]
    )
    assert [p.id for p in stored] == [body["id"]]


def test_nothing_links_a_token_device_or_address_to_a_choice(room: Room, tmp_path: Any) -> None:
    """After phones voted: the file, the exchange file and the workbook hold no token,
    no device, no address; spent tokens are hashes kept apart from the votes."""
    room.open_vote()

    async def go() -> list[tuple[str, str]]:
        seen = []
        for _ in range(3):
            client, state = await joined(room)
            async with client:
                async with client.get(f"{room.url}/api/state") as response:
                    state = await response.json()
                cookie = next(iter(client.cookie_jar)).value
                item = state["voting"]["items"][0]["id"]
                body = {"token": state["ballot_token"], "dots": {item: 1}, "group": None}
                async with client.post(
                    f"{room.url}/api/ballot", json=body, headers=headers(state, room)
                ) as response:
                    assert response.status == 200
                seen.append((state["ballot_token"], cookie))
        return seen

    seen = run(go)
    path = room.path
    stop_room_now = room.server.stop
    stop_room_now()

    def exports(session: SessionFile) -> str:
        from desktop_app.export.workbook import write_workbook
        from desktop_app.storage.exchange import export_file

        export_file(session, tmp_path / "x.json")
        write_workbook(session.snapshot(), tmp_path / "x.xlsx")
        return "".join(session.connection.iterdump())

    dump = room.run(exports)
    texts = [dump, (tmp_path / "x.json").read_text("utf-8")]
    import zipfile

    with zipfile.ZipFile(tmp_path / "x.xlsx") as book:
        texts += [book.read(name).decode("utf-8", "replace") for name in book.namelist()]
    everything = "\n".join(texts)
    for token, cookie in seen:
        device = cookie.split(".")[0]
        assert token not in everything and device not in everything and cookie not in everything
    assert "127.0.0.1" not in everything
    columns = room.run(
        lambda s: [row[1] for row in s.connection.execute("PRAGMA table_info(_room_used_tokens)")]
    )
    assert columns == ["token_hash"]
    assert path.exists()


def test_participants_proposals_wait_for_approval_unless_the_facilitator_turns_it_off(
    room: Room,
) -> None:
    from desktop_app.room.view import APPROVE_FIRST_KEY

    async def send(text: str) -> dict[str, Any]:
        client, state = await joined(room)
        async with client:
            body = {
                "id": str(uuid.uuid4()),
                "table_id": state["tables"][0]["id"],
                "text": text,
                "role": "participant",
            }
            async with client.post(
                f"{room.url}/api/proposals", json=body, headers=headers(state, room)
            ) as response:
                assert response.status == 200
                return dict(await response.json())

    first = run(lambda: send("Eerst goedkeuren"))
    assert first["pending"] is True
    assert room.run(lambda s: first["id"] in s.hidden_on_beamer())

    def approve_first_off(session: SessionFile) -> None:
        with session.transaction():
            session.set_state(APPROVE_FIRST_KEY, False)

    room.run(approve_first_off)

    async def settled() -> None:
        """The phones' view follows the change (debounced): poll it, as a phone would."""
        client, _state = await joined(room)
        async with client:
            for _ in range(100):  # within the device's rate limit: 5 a second
                async with client.get(f"{room.url}/api/state") as response:
                    if (await response.json()).get("approve_first") is False:
                        return
                await asyncio.sleep(0.2)
        raise AssertionError("the view never followed")

    run(settled)
    second = run(lambda: send("Meteen op de beamer"))
    assert second["pending"] is False
    assert room.run(lambda s: second["id"] not in s.hidden_on_beamer())
    assert room.run(lambda s: room_store.pending_proposal_ids(s)) == [first["id"]]
