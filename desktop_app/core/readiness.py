"""Ready for the room? What would embarrass the facilitator in front of sixty people.

Before the beamer is shown, the vote is opened or the harvest is exported, the
console lists these findings, each with the place to fix it; it never blocks.

* an unfilled placeholder from a template: a lone "…" (``Verzuim vorig jaar: …%``)
  or text that starts with "Vul in" / "Fill in";
* a target group with 0 participants (its dots and its privacy cannot be judged);
* proposals in no theme while the room votes on themes (not on the ballot);
* an intervention without an owner, or without a start or follow-up date;
* a privacy floor that hides every voting group (no breakdown at all).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core.model import SessionSnapshot, VoteTarget
from desktop_app.core.ranking import hidden_groups

# A lone ellipsis ("…%", ": …", "(…") or three dots standing in for a figure; not the
# ellipsis that ends a word ("enzovoort…").
_LONE_ELLIPSIS = re.compile(r"(?<![\w.…])(…|\.\.\.)")
_FILL_IN = re.compile(r"^\s*(vul\s+in|fill\s+in)\b", re.IGNORECASE | re.MULTILINE)


def has_placeholder(text: str | None) -> bool:
    """True for template text that still has to be filled in."""
    return bool(text) and bool(_LONE_ELLIPSIS.search(text or "") or _FILL_IN.search(text or ""))


class Problem(StrEnum):
    PLACEHOLDER = "placeholder"
    EMPTY_GROUP = "empty_group"
    UNTHEMED = "unthemed"
    NO_OWNER = "no_owner"
    NO_DATE = "no_date"
    FLOOR_HIDES_ALL = "floor_hides_all"


class Place(StrEnum):
    """Where the fix is made."""

    SESSION = "session"
    CONTEXT = "context"
    ROUND = "round"
    TARGET_GROUP = "target_group"
    TABLE = "table"
    THEME = "theme"
    INTERVENTION = "intervention"
    PRIVACY_FLOOR = "privacy_floor"
    TRAY = "tray"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at: what, where (``place``, ``entity_id``, ``field``), the text."""

    problem: Problem
    place: Place
    entity_id: str | None = None
    field: str | None = None
    text: str = ""
    count: int = 1


def _placeholders(snapshot: SessionSnapshot) -> Iterable[Finding]:
    info = snapshot.session
    for name in ("title", "organisation", "location", "purpose"):
        value = getattr(info, name)
        if has_placeholder(value):
            yield Finding(Problem.PLACEHOLDER, Place.SESSION, None, name, value)
    for item in snapshot.live_context_items():
        for name in ("title", "text"):
            if has_placeholder(getattr(item, name)):
                yield Finding(Problem.PLACEHOLDER, Place.CONTEXT, item.id, name, item.title)
                break
    for round_ in snapshot.live_rounds():
        if has_placeholder(round_.question):
            yield Finding(Problem.PLACEHOLDER, Place.ROUND, round_.id, "question", round_.question)
    for group in snapshot.live_target_groups():
        if has_placeholder(group.name):
            yield Finding(Problem.PLACEHOLDER, Place.TARGET_GROUP, group.id, "name", group.name)
    for table in snapshot.live_tables():
        if has_placeholder(table.name):
            yield Finding(Problem.PLACEHOLDER, Place.TABLE, table.id, "name", table.name)
    for theme in snapshot.live_themes():
        if has_placeholder(theme.name) or has_placeholder(theme.description):
            yield Finding(Problem.PLACEHOLDER, Place.THEME, theme.id, "name", theme.name)
    for iv in snapshot.live_interventions():
        texts = (iv.title, iv.description, iv.owner, iv.location)
        if any(has_placeholder(text) for text in texts):
            yield Finding(Problem.PLACEHOLDER, Place.INTERVENTION, iv.id, "title", iv.title)


def check(snapshot: SessionSnapshot, voting_groups: Sequence[str]) -> list[Finding]:
    """Everything worth a look before the room sees it; ``voting_groups``: the ids
    of the target groups that vote (see ``voting.voting_group_ids``)."""
    findings = list(_placeholders(snapshot))
    groups = snapshot.live_target_groups()
    for group in groups:
        if group.participants == 0:
            findings.append(
                Finding(
                    Problem.EMPTY_GROUP, Place.TARGET_GROUP, group.id, "participants", group.name
                )
            )
    if snapshot.session.votes_on is VoteTarget.THEME:
        themed = snapshot.theme_of()
        loose = [p for p in snapshot.live_proposals() if p.id not in themed]
        if loose and snapshot.live_themes():
            findings.append(
                Finding(Problem.UNTHEMED, Place.TRAY, loose[0].id, None, loose[0].text, len(loose))
            )
    for iv in snapshot.live_interventions():
        if iv.status == "dropped":
            continue
        if not (iv.owner or "").strip():
            findings.append(Finding(Problem.NO_OWNER, Place.INTERVENTION, iv.id, "owner", iv.title))
        if not iv.start and not iv.follow_up:
            findings.append(Finding(Problem.NO_DATE, Place.INTERVENTION, iv.id, "start", iv.title))
    voting = set(voting_groups)
    sizes: dict[str | None, int | None] = {g.id: g.participants for g in groups if g.id in voting}
    if sizes and hidden_groups(sizes, snapshot.privacy_floor, set(sizes)) >= set(sizes):
        findings.append(
            Finding(
                Problem.FLOOR_HIDES_ALL,
                Place.PRIVACY_FLOOR,
                None,
                None,
                str(snapshot.privacy_floor),
            )
        )
    return findings
