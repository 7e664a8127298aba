"""How each kind of entity is laid out: its exchange fields and its table.

One table per kind, named like the exchange list. Exchange fields are stored
as they are (timestamps verbatim, so an export gives back what was imported);
``deleted`` as 0/1, ``target_group_ids`` as a JSON list, a theme's
``proposal_ids`` in ``cluster_proposals``. Local columns (positions, colours,
beamer moderation) are never exchanged and survive merges.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from desktop_app.core.model import (
    ENTITY_TYPES,
    Entity,
    Intervention,
    Kind,
    Theme,
)

# Exchange fields of each kind besides id, updated_at and deleted.
FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.TARGET_GROUP: ("name", "participants"),
    Kind.TABLE: ("name", "host", "target_group_id"),
    Kind.ROUND: ("number", "question", "minutes"),
    Kind.PROPOSAL: ("round_id", "table_id", "text", "details", "target_group_id", "created_at"),
    Kind.THEME: ("name", "description", "proposal_ids"),
    Kind.VOTE: ("item_id", "dots", "target_group_id", "table_id", "ballot_id"),
    Kind.INTERVENTION: (
        "cluster_id",
        "title",
        "description",
        "target_group_ids",
        "periodicity",
        "location",
        "owner",
        "start",
        "follow_up",
        "status",
        "impact",
        "effort",
        "value_for_employee",
        "value_for_organisation",
    ),
    Kind.CONTEXT_ITEM: ("kind", "title", "text"),
}

# Columns stored in the kind's own table (proposal_ids live elsewhere).
COLUMNS: dict[Kind, tuple[str, ...]] = {
    kind: ("id", *(f for f in fields if f != "proposal_ids"), "updated_at", "deleted")
    for kind, fields in FIELDS.items()
}

# Kinds whose rows keep a local display position.
POSITIONED = {
    Kind.TARGET_GROUP,
    Kind.TABLE,
    Kind.THEME,
    Kind.INTERVENTION,
    Kind.CONTEXT_ITEM,
}

ORDER_BY: dict[Kind, str] = {
    Kind.TARGET_GROUP: "position, rowid",
    Kind.TABLE: "position, rowid",
    Kind.ROUND: "number, rowid",
    Kind.PROPOSAL: "seq",
    Kind.THEME: "position, rowid",
    Kind.VOTE: "id",
    Kind.INTERVENTION: "position, rowid",
    Kind.CONTEXT_ITEM: "position, rowid",
}


def row_to_entity(kind: Kind, row: Mapping[str, Any], proposal_ids: tuple[str, ...] = ()) -> Entity:
    """Build the domain object from a table row."""
    values = {column: row[column] for column in COLUMNS[kind]}
    values["deleted"] = bool(values["deleted"])
    if kind is Kind.INTERVENTION:
        values["target_group_ids"] = tuple(json.loads(values["target_group_ids"] or "[]"))
    if kind is Kind.THEME:
        values["proposal_ids"] = proposal_ids
    entity_type = ENTITY_TYPES[kind]
    return entity_type(**values)


def entity_to_row(kind: Kind, entity: Entity) -> dict[str, Any]:
    """The table row (without local columns) for a domain object."""
    row: dict[str, Any] = {column: getattr(entity, column) for column in COLUMNS[kind]}
    row["deleted"] = 1 if row["deleted"] else 0
    if isinstance(entity, Intervention):
        row["target_group_ids"] = json.dumps(list(entity.target_group_ids))
    return row


def exchange_to_row(kind: Kind, record: Mapping[str, Any]) -> dict[str, Any]:
    """A table row from an exchange record (absent fields become NULL)."""
    row: dict[str, Any] = {column: record.get(column) for column in COLUMNS[kind]}
    row["deleted"] = 1 if record.get("deleted") else 0
    if kind is Kind.INTERVENTION:
        row["target_group_ids"] = json.dumps(list(record.get("target_group_ids") or []))
    if kind is Kind.CONTEXT_ITEM and row["kind"] is None:
        row["kind"] = "note"
    return row


def entity_to_exchange(kind: Kind, entity: Entity) -> dict[str, Any]:
    """The exchange record of a domain object: absent values are left out."""
    record: dict[str, Any] = {"id": entity.id}
    for name in FIELDS[kind]:
        value = getattr(entity, name)
        if isinstance(entity, Theme | Intervention) and name in (
            "proposal_ids",
            "target_group_ids",
        ):
            record[name] = list(value)
        elif value is not None:
            record[name] = value
    if entity.updated_at is not None:
        record["updated_at"] = entity.updated_at
    record["deleted"] = entity.deleted
    return record
