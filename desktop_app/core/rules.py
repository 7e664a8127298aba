"""Rules a value must keep before it is stored, the same for the GUI and imports.

Each check raises :class:`ValidationError` naming the field, in the user's
language, so the GUI can show it next to the field and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields

from desktop_app.core.errors import Reason, ValidationError
from desktop_app.core.model import (
    CONTEXT_KINDS,
    LANGUAGES,
    MAX_PROPOSAL_LENGTH,
    STATUSES,
    VOTE_TARGETS,
    ContextItem,
    Entity,
    Intervention,
    Kind,
    Proposal,
    Round,
    SessionInfo,
    Table,
    TargetGroup,
    Theme,
    Vote,
)
from desktop_app.core.timestamps import is_date

MAX_NAME = 200
MAX_TEXT = 10000

ReferenceExists = Callable[[Kind, str], bool]


def _fail(field: str, code: str, **params: object) -> ValidationError:
    return ValidationError("invalid_value", field=field, reason=Reason(code, **params))


def check_name(field: str, value: str | None) -> None:
    if value is None or not value.strip():
        raise _fail(field, "empty")
    if len(value) > MAX_NAME:
        raise _fail(field, "too_long", length=len(value), limit=MAX_NAME)


def check_text(field: str, value: str | None, limit: int = MAX_TEXT) -> None:
    if value is not None and len(value) > limit:
        raise _fail(field, "too_long", length=len(value), limit=limit)


def check_range(field: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise _fail(field, "out_of_range", low=low, high=high)


def check_choice(field: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise _fail(field, "not_allowed", value=value)


def check_date(field: str, value: str | None) -> None:
    if value is not None and not is_date(value):
        raise _fail(field, "bad_date", value=value)


def checked_session(info: SessionInfo) -> SessionInfo:
    check_text("title", info.title)
    for name in ("organisation", "location", "purpose"):
        check_text(name, getattr(info, name))
    check_date("date", info.date)
    check_choice("language", info.language, LANGUAGES)
    check_range("dots_per_participant", info.dots_per_participant, 1, 100)
    check_range("max_dots_per_item", info.max_dots_per_item, 1, 100)
    check_choice("vote_target", info.vote_target, VOTE_TARGETS)
    return info


def _check_ref(field: str, kind: Kind, value: str | None, exists: ReferenceExists) -> None:
    if value is not None and not exists(kind, value):
        raise _fail(field, "dangling", what=kind.value, id=value)


def check_entity(kind: Kind, entity: Entity, exists: ReferenceExists) -> None:
    """Check one entity's own values and that what it refers to exists."""
    for f in fields(entity):
        value = getattr(entity, f.name)
        if isinstance(value, str) and f.name not in ("text",):
            check_text(f.name, value)
    if isinstance(entity, TargetGroup):
        check_name("name", entity.name)
        if entity.participants is not None and entity.participants < 0:
            raise _fail("participants", "negative")
    elif isinstance(entity, Table):
        check_name("name", entity.name)
        _check_ref("target_group_id", Kind.TARGET_GROUP, entity.target_group_id, exists)
    elif isinstance(entity, Round):
        check_range("number", entity.number, 1, 10_000)
        check_range("minutes", entity.minutes, 1, 600)
    elif isinstance(entity, Proposal):
        check_proposal_text(entity.text)
        _check_ref("round_id", Kind.ROUND, entity.round_id, exists)
        _check_ref("table_id", Kind.TABLE, entity.table_id, exists)
        _check_ref("target_group_id", Kind.TARGET_GROUP, entity.target_group_id, exists)
    elif isinstance(entity, Theme):
        check_name("name", entity.name)
        for pid in entity.proposal_ids:
            _check_ref("proposal_ids", Kind.PROPOSAL, pid, exists)
    elif isinstance(entity, Vote):
        check_range("dots", entity.dots, 1, 100_000)
        if not (exists(Kind.THEME, entity.item_id) or exists(Kind.PROPOSAL, entity.item_id)):
            raise _fail("item_id", "dangling", what="item", id=entity.item_id)
        _check_ref("target_group_id", Kind.TARGET_GROUP, entity.target_group_id, exists)
        _check_ref("table_id", Kind.TABLE, entity.table_id, exists)
    elif isinstance(entity, Intervention):
        check_name("title", entity.title)
        check_choice("status", entity.status, STATUSES)
        check_range("impact", entity.impact, 1, 5)
        check_range("effort", entity.effort, 1, 5)
        check_date("start", entity.start)
        check_date("follow_up", entity.follow_up)
        _check_ref("cluster_id", Kind.THEME, entity.cluster_id, exists)
        for gid in entity.target_group_ids:
            _check_ref("target_group_ids", Kind.TARGET_GROUP, gid, exists)
    elif isinstance(entity, ContextItem):
        check_name("title", entity.title)
        check_choice("kind", entity.kind, CONTEXT_KINDS)


def check_proposal_text(text: str) -> None:
    if not text.strip():
        raise _fail("text", "empty")
    if len(text) > MAX_PROPOSAL_LENGTH:
        raise _fail("text", "too_long", length=len(text), limit=MAX_PROPOSAL_LENGTH)


def check_ballot(dots: Mapping[str, int], *, budget: int, cap: int) -> None:
    """A ballot spends at most ``budget`` dots and at most ``cap`` on one item."""
    if any(count < 0 for count in dots.values()):
        raise _fail("dots", "negative")
    if any(count > cap for count in dots.values()):
        raise _fail("dots", "out_of_range", low=0, high=cap)
    if sum(dots.values()) > budget:
        raise _fail("dots", "out_of_range", low=0, high=budget)
