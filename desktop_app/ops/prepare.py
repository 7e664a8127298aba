"""Preparing the session: its record, target groups, tables, rounds, context, order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from desktop_app.core import run_state
from desktop_app.core.actions import Action, Label
from desktop_app.core.model import DEFAULT_PRIVACY_FLOOR, Entity, Kind, SessionInfo, Table
from desktop_app.ops.errors import OperationError
from desktop_app.storage import records
from desktop_app.storage.session_file import SessionFile

E = TypeVar("E", bound=Entity)


def edit_session(session: SessionFile, /, **fields: Any) -> SessionInfo:
    """Title, organisation, date, place, purpose, language, voting rules; no step if same."""
    current = session.session()
    if all(getattr(current, name) == value for name, value in fields.items()):
        return current
    label = Label(Action.EDIT_SESSION, field=next(iter(fields)) if len(fields) == 1 else "")
    with session.transaction(label):
        return session.update_session(**fields)


def set_privacy_floor(session: SessionFile, /, floor: int) -> None:
    """Groups with fewer participants than ``floor`` get no breakdown of their own."""
    if session.state(run_state.PRIVACY_FLOOR, DEFAULT_PRIVACY_FLOOR) == floor:
        return
    with session.transaction(Label(Action.SET_PRIVACY_FLOOR, count=floor)):
        session.set_state(run_state.PRIVACY_FLOOR, floor)


def add_entity(session: SessionFile, /, kind: Kind, entity: E) -> E:
    """Add a target group, table, round, context item (or intervention) at the end."""
    with session.transaction(Label(Action.ADD, kind)):
        return session.add(kind, entity)


def add_tables(session: SessionFile, /, tables: Sequence[Table]) -> list[Table]:
    """Add several tables at once ("12 tables"), one step."""
    if not tables:
        return []
    with session.transaction(Label(Action.ADD, Kind.TABLE, count=len(tables))):
        return [session.add(Kind.TABLE, table) for table in tables]


def edit_entity(session: SessionFile, /, kind: Kind, entity_id: str, **fields: Any) -> Entity:
    """Set fields of one entity; no step when nothing changes."""
    current = session.get(kind, entity_id)
    if current is None:
        return session.update(kind, entity_id, **fields)  # raises not_found
    if all(getattr(current, name) == value for name, value in fields.items()):
        return current
    label = Label(
        Action.EDIT, kind, name=_name(current), field=next(iter(fields)) if len(fields) == 1 else ""
    )
    with session.transaction(label):
        return session.put(kind, replace(current, **fields))


def _name(entity: Entity) -> str:
    return str(getattr(entity, "name", "") or getattr(entity, "title", "") or "")


def delete_entity(session: SessionFile, /, kind: Kind, entity_id: str) -> None:
    """Delete (tombstone) one entity. A table or round with proposals stays."""
    if kind is Kind.TABLE and session.proposals(table_id=entity_id):
        raise OperationError("table_in_use")
    if kind is Kind.ROUND and session.proposals(round_id=entity_id):
        raise OperationError("round_in_use")
    current = session.get(kind, entity_id)
    if current is None or current.deleted:
        return
    with session.transaction(Label(Action.DELETE, kind, name=_name(current))):
        session.delete(kind, entity_id)


def reorder(session: SessionFile, /, kind: Kind, ordered_ids: Sequence[str]) -> None:
    """Put a list in a new order: tables, target groups, themes, interventions, context
    items by their position; rounds by their numbers (the rounds swap numbers)."""
    ids = list(dict.fromkeys(ordered_ids))
    label = Label(Action.REORDER, kind, count=len(ids))
    if kind is Kind.ROUND:
        rounds = {r.id: r for r in session.rounds()}
        chosen = [rounds[i] for i in ids if i in rounds]
        numbers = sorted(r.number for r in chosen)
        if [r.number for r in chosen] == numbers:
            return
        with session.transaction(label):
            for number, round_ in zip(numbers, chosen, strict=True):
                if round_.number != number:
                    session.put(Kind.ROUND, replace(round_, number=number))
        return
    if kind not in records.POSITIONED:
        raise OperationError("not_a_list", what=kind.value)
    if [e.id for e in session.entities(kind)] == ids:
        return
    with session.transaction(label):
        session.move_to_position(kind, ids)
