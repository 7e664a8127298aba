"""The domain types of a session, in the words of the room.

A *theme* is what the exchange format calls a *cluster*. Every entity keeps its
UUID for life and carries ``updated_at`` and a ``deleted`` tombstone so that files
from several laptops merge without duplicates (see exchange-format.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of entity a session holds; values are the exchange list names."""

    TARGET_GROUP = "target_groups"
    TABLE = "tables"
    ROUND = "rounds"
    PROPOSAL = "proposals"
    THEME = "clusters"
    VOTE = "votes"
    INTERVENTION = "interventions"
    CONTEXT_ITEM = "context_items"


# Order in which kinds are written so that references always point backwards.
KIND_ORDER: tuple[Kind, ...] = (
    Kind.TARGET_GROUP,
    Kind.TABLE,
    Kind.ROUND,
    Kind.PROPOSAL,
    Kind.THEME,
    Kind.VOTE,
    Kind.INTERVENTION,
    Kind.CONTEXT_ITEM,
)


class VoteTarget(StrEnum):
    """What the room votes on; the values are the exchange format's ``voting.target``."""

    THEME = "cluster"
    PROPOSAL = "proposal"


VOTE_TARGETS = tuple(target.value for target in VoteTarget)
STATUSES = ("proposed", "agreed", "planned", "running", "done", "dropped")
PERIODICITIES = ("once", "ongoing", "monthly", "quarterly", "yearly", "other")
LANGUAGES = ("nl", "en")


class ContextKind(StrEnum):
    """What a context item at the opening is; the values are what the file stores."""

    RISK = "risk"  # a risk from the RI&E
    FIGURE = "figure"  # a figure of the last cycle
    NOTE = "note"


CONTEXT_KINDS = tuple(kind.value for kind in ContextKind)
MAX_PROPOSAL_LENGTH = 2000
DEFAULT_PRIVACY_FLOOR = 5


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: str
    title: str
    organisation: str | None = None
    date: str | None = None
    location: str | None = None
    purpose: str | None = None
    language: str | None = None
    dots_per_participant: int | None = None
    max_dots_per_item: int | None = None
    vote_target: str | None = None
    updated_at: str | None = None

    @property
    def lang(self) -> str:
        """The session's language, Dutch when not set."""
        return self.language or "nl"

    @property
    def votes_on(self) -> VoteTarget:
        """Themes unless the session says proposals (``vote_target`` as stored)."""
        return VoteTarget.PROPOSAL if self.vote_target == VoteTarget.PROPOSAL else VoteTarget.THEME


@dataclass(frozen=True, slots=True)
class TargetGroup:
    id: str
    name: str
    participants: int | None = None
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    id: str
    name: str
    host: str | None = None
    target_group_id: str | None = None
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Round:
    id: str
    number: int
    question: str
    minutes: int | None = None
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Proposal:
    id: str
    round_id: str
    table_id: str
    text: str
    details: str | None = None
    target_group_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Theme:
    """A cluster of proposals that the room can vote on."""

    id: str
    name: str
    description: str | None = None
    proposal_ids: tuple[str, ...] = ()
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Vote:
    """Dots given to one item: a sticker tally (no ballot) or part of a ballot."""

    id: str
    item_id: str
    dots: int
    target_group_id: str | None = None
    table_id: str | None = None
    ballot_id: str | None = None
    updated_at: str | None = None
    deleted: bool = False

    @property
    def is_ballot(self) -> bool:
        return self.ballot_id is not None


@dataclass(frozen=True, slots=True)
class Intervention:
    id: str
    title: str
    cluster_id: str | None = None
    description: str | None = None
    target_group_ids: tuple[str, ...] = ()
    periodicity: str | None = None
    location: str | None = None
    owner: str | None = None
    start: str | None = None
    follow_up: str | None = None
    status: str | None = None
    impact: int | None = None
    effort: int | None = None
    value_for_employee: str | None = None
    value_for_organisation: str | None = None
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class ContextItem:
    """Something told at the opening: an RI&E risk, a figure of last cycle, a note.

    Not part of exchange format v1's required lists; carried as the extra
    top-level list ``context_items`` with the same id/updated_at/deleted rules.
    """

    id: str
    kind: str
    title: str
    text: str | None = None
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """An intervention taken over from an earlier session (follow-up across cycles).

    Local to this session file; exchange format v1 has no field for it.
    """

    intervention_id: str
    source_session_title: str
    source_session_date: str | None = None
    earlier_status: str | None = None


Entity = TargetGroup | Table | Round | Proposal | Theme | Vote | Intervention | ContextItem

ENTITY_TYPES: dict[Kind, type[Entity]] = {
    Kind.TARGET_GROUP: TargetGroup,
    Kind.TABLE: Table,
    Kind.ROUND: Round,
    Kind.PROPOSAL: Proposal,
    Kind.THEME: Theme,
    Kind.VOTE: Vote,
    Kind.INTERVENTION: Intervention,
    Kind.CONTEXT_ITEM: ContextItem,
}


@dataclass(frozen=True, slots=True)
class SessionSnapshot:
    """Everything in a session at one moment, tombstones included.

    Lists are in display order (tables by position, rounds by number, proposals
    by entry time). The ``live_*`` helpers leave tombstones out; exports and
    views use those.
    """

    session: SessionInfo
    target_groups: tuple[TargetGroup, ...] = ()
    tables: tuple[Table, ...] = ()
    rounds: tuple[Round, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    themes: tuple[Theme, ...] = ()
    votes: tuple[Vote, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    context_items: tuple[ContextItem, ...] = ()
    privacy_floor: int = DEFAULT_PRIVACY_FLOOR
    hidden_proposal_ids: frozenset[str] = field(default_factory=frozenset)
    carried_over: tuple[CarriedOver, ...] = ()
    vote_channels: Mapping[str, str] = field(default_factory=dict)
    """Vote id -> "phone" or "card" for votes that came in through the room network
    (local, never exchanged); every other ballot is a kiosk ballot, a tally a sticker."""

    def live_target_groups(self) -> list[TargetGroup]:
        return [e for e in self.target_groups if not e.deleted]

    def live_tables(self) -> list[Table]:
        return [e for e in self.tables if not e.deleted]

    def live_rounds(self) -> list[Round]:
        return [e for e in self.rounds if not e.deleted]

    def live_proposals(self) -> list[Proposal]:
        return [e for e in self.proposals if not e.deleted]

    def live_themes(self) -> list[Theme]:
        return [e for e in self.themes if not e.deleted]

    def live_votes(self) -> list[Vote]:
        return [e for e in self.votes if not e.deleted]

    def live_interventions(self) -> list[Intervention]:
        return [e for e in self.interventions if not e.deleted]

    def live_context_items(self) -> list[ContextItem]:
        return [e for e in self.context_items if not e.deleted]

    def theme_of(self) -> dict[str, str]:
        """Proposal id -> the id of the live theme that holds it."""
        live_proposals = {p.id for p in self.proposals if not p.deleted}
        result: dict[str, str] = {}
        for theme in self.live_themes():
            for pid in theme.proposal_ids:
                if pid in live_proposals:
                    result[pid] = theme.id
        return result
