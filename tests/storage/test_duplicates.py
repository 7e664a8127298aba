"""Duplicate links: both proposals stay; the link is local, one transaction per command."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.model import Kind
from desktop_app.storage import duplicates
from desktop_app.storage.schema import SCHEMA_VERSION
from desktop_app.storage.session_file import Change, SessionFile


def three_proposals(sf: SessionFile) -> list[str]:
    snapshot_round = sf.rounds()[0].id
    table = sf.tables()[0].id
    return [sf.add_proposal(snapshot_round, table, f"Fysio op locatie {n}").id for n in range(3)]


def test_the_table_comes_with_the_schema(demo_session: SessionFile) -> None:
    version = demo_session.connection.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION >= 4
    assert duplicates.links(demo_session) == {}


def test_link_unlink_and_the_change_listeners_hear(demo_session: SessionFile) -> None:
    a, b, c = three_proposals(demo_session)
    heard: list[Change] = []
    demo_session.subscribe(heard.append)

    duplicates.link(demo_session, b, a)
    duplicates.link(demo_session, c, b)

    assert duplicates.links(demo_session) == {b: a, c: b}
    assert duplicates.kept_of(duplicates.links(demo_session)) == {b: a, c: a}
    # Each link is one change of the two proposals' cards.
    assert [h.of(Kind.PROPOSAL) for h in heard] == [{a, b}, {b, c}]
    # Both texts stay: nothing is deleted.
    assert all(not demo_session.get(Kind.PROPOSAL, p).deleted for p in (a, b, c))  # type: ignore[union-attr]

    assert duplicates.unlink(demo_session, c) == b
    assert duplicates.unlink(demo_session, c) is None
    assert duplicates.links(demo_session) == {b: a}
    assert len(heard) == 3


def test_no_self_links_no_loops_and_no_unknown_proposals(demo_session: SessionFile) -> None:
    a, b, _ = three_proposals(demo_session)
    with pytest.raises(ValueError):
        duplicates.link(demo_session, a, a)
    duplicates.link(demo_session, b, a)
    with pytest.raises(ValueError):
        duplicates.link(demo_session, a, b)
    with pytest.raises(UserError, match=r"bestaat niet|does not exist"):
        duplicates.link(demo_session, "00000000-0000-4000-8000-000000000000", a)
    assert duplicates.links(demo_session) == {b: a}
