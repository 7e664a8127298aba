"""Follow-up across cycles: take over the action plan of an earlier session.

A new session (say, next year's PMO session) takes over the interventions of an
earlier one, read from its session file (opened read-only, never changed) or
from its exchange file. Each earlier intervention is added to this session as a
new intervention with a new id, so the two sessions stay separate:

* its theme (``cluster_id``) is dropped: the theme belongs to the old session;
* its target groups are mapped by name onto this session's groups (names
  compared without case and surrounding spaces); groups without a namesake here
  are dropped;
* its status is kept, so the facilitator updates it ("planned" -> "done").

Where it came from and the status it had there are kept in the local table
``carried_interventions`` (migration m003; exchange format v1 has no field for
it), and the run state ``previous_session`` names the session followed up.
:func:`carried_over` reads it back as plain data for the workbook, the report
and the beamer ("wat deden we met de uitkomsten van vorige keer").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop_app.core import run_state
from desktop_app.core.errors import SessionFileError, UserError
from desktop_app.core.labels import FOLLOW_UP, Text
from desktop_app.core.model import Intervention, Kind
from desktop_app.storage import records
from desktop_app.storage.exchange import read_exchange_file, validate_document
from desktop_app.storage.session_file import SQLITE_HEADER, SessionFile, new_id

# code -> (Dutch, English): in the one catalogue, desktop_app/core/labels.py.
FOLLOW_UP_MESSAGES: dict[str, Text] = FOLLOW_UP


class FollowUpError(UserError):
    """The earlier session cannot be followed up as asked; nothing was changed."""

    def message(self, lang: str = "nl") -> str:
        if self.code not in FOLLOW_UP_MESSAGES:
            return super().message(lang)
        nl, en = FOLLOW_UP_MESSAGES[self.code]
        return (en if lang == "en" else nl).format(**self.params)


@dataclass(frozen=True, slots=True)
class EarlierPlan:
    """The action plan of an earlier session, as read from its file."""

    source: str
    session_id: str
    title: str
    date: str | None
    interventions: tuple[Intervention, ...]
    """Its live interventions, in the earlier session's order."""
    group_names: Mapping[str, str]
    """Target group id -> name, in the earlier session."""


@dataclass(frozen=True, slots=True)
class TakeOver:
    """What taking over a plan will add; made by :func:`prepare_take_over`."""

    plan: EarlierPlan
    interventions: tuple[Intervention, ...]
    """The new interventions for this session (new ids), in order."""
    sources: tuple[str, ...]
    """The earlier intervention's id for each new intervention."""
    already_carried: int
    """Earlier interventions skipped because this session already has them."""
    dropped_groups: tuple[str, ...]
    """Names of earlier target groups that have no namesake in this session."""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(iv.id for iv in self.interventions)


@dataclass(frozen=True, slots=True)
class CarriedIntervention:
    """An intervention of this session that came from an earlier one."""

    intervention: Intervention
    """As it is now in this session (its status is the updated one)."""
    source_session_id: str | None
    source_session_title: str
    source_session_date: str | None
    source_intervention_id: str | None
    earlier_status: str | None
    carried_at: str | None

    @property
    def intervention_id(self) -> str:
        return self.intervention.id

    @property
    def title(self) -> str:
        return self.intervention.title

    @property
    def status(self) -> str | None:
        """The status now, as the facilitator updated it."""
        return self.intervention.status

    @property
    def status_changed(self) -> bool:
        return self.intervention.status != self.earlier_status


# ------------------------------------------------------------------ reading


def _is_session_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        raise SessionFileError("file_missing", path=str(path)) from None
    except OSError as error:
        raise SessionFileError("unreadable", path=str(path), reason=error.strerror) from None


def read_earlier_plan(path: Path | str) -> EarlierPlan:
    """Read the action plan of a session file (read-only) or of an exchange file.

    The kind of file is told by its content, not its name. A session file is
    never changed; an exchange file must pass the exchange format's checks.
    """
    path = Path(path)
    if _is_session_file(path):
        with SessionFile.open_readonly(path) as earlier:
            snapshot = earlier.snapshot()
        return EarlierPlan(
            source=str(path),
            session_id=snapshot.session.id,
            title=snapshot.session.title,
            date=snapshot.session.date,
            interventions=tuple(snapshot.live_interventions()),
            group_names={group.id: group.name for group in snapshot.target_groups},
        )
    document = read_exchange_file(path)
    validate_document(document, str(path))
    session: Mapping[str, Any] = document["session"]
    interventions: list[Intervention] = []
    for record in document.get(Kind.INTERVENTION.value) or []:
        if record.get("deleted"):
            continue
        entity = records.row_to_entity(
            Kind.INTERVENTION, records.exchange_to_row(Kind.INTERVENTION, record)
        )
        assert isinstance(entity, Intervention)
        interventions.append(entity)
    return EarlierPlan(
        source=str(path),
        session_id=str(session["id"]),
        title=str(session["title"]),
        date=session.get("date"),
        interventions=tuple(interventions),
        group_names={
            str(group["id"]): str(group["name"])
            for group in document.get(Kind.TARGET_GROUP.value) or []
        },
    )


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def prepare_take_over(session_file: SessionFile, plan: EarlierPlan) -> TakeOver:
    """Plan the new interventions (new ids) without writing anything.

    Refuses a plan of this same session. Earlier interventions this session
    already took over (and still has) are skipped, so taking over twice adds
    nothing twice.
    """
    if plan.session_id == session_file.session().id:
        raise FollowUpError("same_session", path=plan.source)
    groups: dict[str, str] = {}
    for group in session_file.target_groups():
        groups.setdefault(_name_key(group.name), group.id)
    carried_sources = {item.source_intervention_id for item in carried_over(session_file)}
    new: list[Intervention] = []
    sources: list[str] = []
    dropped: dict[str, None] = {}
    skipped = 0
    for earlier in plan.interventions:
        if earlier.id in carried_sources:
            skipped += 1
            continue
        mapped: list[str] = []
        for group_id in earlier.target_group_ids:
            name = plan.group_names.get(group_id)
            here = groups.get(_name_key(name)) if name is not None else None
            if here is None:
                dropped[name or group_id] = None
            elif here not in mapped:
                mapped.append(here)
        new.append(
            replace(
                earlier,
                id=new_id(),
                cluster_id=None,
                target_group_ids=tuple(mapped),
                updated_at=None,
                deleted=False,
            )
        )
        sources.append(earlier.id)
    return TakeOver(
        plan=plan,
        interventions=tuple(new),
        sources=tuple(sources),
        already_carried=skipped,
        dropped_groups=tuple(dropped),
    )


def apply_take_over(session_file: SessionFile, take: TakeOver) -> list[Intervention]:
    """Write a prepared take-over: one transaction, all or nothing."""
    added: list[Intervention] = []
    plan = take.plan
    with session_file.transaction():
        now = session_file.now()
        for intervention, source_id in zip(take.interventions, take.sources, strict=True):
            added.append(session_file.add(Kind.INTERVENTION, intervention))
            session_file.connection.execute(
                "INSERT INTO carried_interventions (intervention_id, source_session_id, "
                "source_session_title, source_session_date, source_intervention_id, "
                "earlier_status, carried_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(intervention_id) DO NOTHING",
                (
                    intervention.id,
                    plan.session_id,
                    plan.title,
                    plan.date,
                    source_id,
                    intervention.status,
                    now,
                ),
            )
        session_file.set_state(
            run_state.PREVIOUS_SESSION,
            {
                "id": plan.session_id,
                "title": plan.title,
                "date": plan.date,
                "file": Path(plan.source).name,
            },
        )
    return added


def take_over(session_file: SessionFile, path: Path | str) -> TakeOver:
    """Read an earlier session's plan and add it to this session (CLI, tests)."""
    take = prepare_take_over(session_file, read_earlier_plan(path))
    apply_take_over(session_file, take)
    return take


# ----------------------------------------------------------- carried over


def carried_over(session_file: SessionFile) -> list[CarriedIntervention]:
    """The live interventions of this session taken over from an earlier one.

    In the session's display order, each with where it came from, its status
    there and (through ``intervention``) its status now. Pure data, for the
    workbook, the report and the beamer.
    """
    rows = session_file.connection.execute(
        "SELECT c.intervention_id, c.source_session_id, c.source_session_title, "
        "c.source_session_date, c.source_intervention_id, c.earlier_status, c.carried_at "
        "FROM carried_interventions c JOIN interventions i ON i.id = c.intervention_id "
        "WHERE i.deleted = 0 ORDER BY i.position, i.rowid"
    ).fetchall()
    result: list[CarriedIntervention] = []
    for row in rows:
        intervention = session_file.get(Kind.INTERVENTION, row[0])
        if not isinstance(intervention, Intervention):
            continue
        result.append(
            CarriedIntervention(
                intervention=intervention,
                source_session_id=row[1],
                source_session_title=row[2],
                source_session_date=row[3],
                source_intervention_id=row[4],
                earlier_status=row[5],
                carried_at=row[6],
            )
        )
    return result


def previous_session(session_file: SessionFile) -> dict[str, Any] | None:
    """The earlier session followed up: ``{"id", "title", "date", "file"}`` or None."""
    value = session_file.state(run_state.PREVIOUS_SESSION)
    return value if isinstance(value, dict) else None
