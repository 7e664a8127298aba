import pytest

from desktop_app.core.merge import (
    Outcome,
    ThemeClaim,
    incoming_wins,
    merge_outcome,
    settle_theme_membership,
)


def test_new_id_is_added() -> None:
    assert merge_outcome(None, {"updated_at": "2026-01-01T10:00:00Z"}) is Outcome.ADDED


def test_later_updated_at_wins() -> None:
    assert incoming_wins("2026-01-01T10:00:00Z", "2026-01-01T10:00:01Z")
    assert not incoming_wins("2026-01-01T10:00:01Z", "2026-01-01T10:00:00Z")


def test_equal_instants_keep_what_is_stored_whatever_the_offset() -> None:
    assert not incoming_wins("2026-01-01T10:00:00Z", "2026-01-01T11:00:00+01:00")


def test_offsets_compare_as_instants() -> None:
    # 10:30+01:00 is 09:30Z: earlier than 10:00Z although its digits are larger.
    assert not incoming_wins("2026-01-01T10:00:00Z", "2026-01-01T10:30:00+01:00")
    assert incoming_wins("2026-01-01T10:00:00+02:00", "2026-01-01T09:00:00Z")


@pytest.mark.parametrize(
    ("stored", "incoming"),
    [(None, "2026-01-01T10:00:00Z"), ("2026-01-01T10:00:00Z", None), (None, None)],
)
def test_missing_timestamps_keep_what_is_stored(stored: str | None, incoming: str | None) -> None:
    assert merge_outcome({"updated_at": stored}, {"updated_at": incoming}) is Outcome.UNCHANGED


def test_tombstone_wins_like_any_change() -> None:
    outcome = merge_outcome(
        {"updated_at": "2026-01-01T10:00:00Z", "deleted": False},
        {"updated_at": "2026-01-01T10:05:00Z", "deleted": True},
    )
    assert outcome is Outcome.UPDATED


def test_later_theme_keeps_a_proposal_claimed_twice() -> None:
    changed = settle_theme_membership(
        [
            ThemeClaim("old", "2026-01-01T10:00:00Z", ("p1", "p2")),
            ThemeClaim("new", "2026-01-01T10:01:00Z", ("p2", "p3")),
        ]
    )
    assert changed == {"old": ("p1",)}


def test_theme_without_timestamp_loses_and_ties_do_not_depend_on_order() -> None:
    claims = [ThemeClaim("a", None, ("p",)), ThemeClaim("b", "2026-01-01T00:00:00Z", ("p",))]
    assert settle_theme_membership(claims) == {"a": ()}
    tie = [
        ThemeClaim("a", "2026-01-01T00:00:00Z", ("p",)),
        ThemeClaim("b", "2026-01-01T00:00:00Z", ("p",)),
    ]
    assert settle_theme_membership(tie) == settle_theme_membership(list(reversed(tie)))


def test_no_conflict_changes_nothing() -> None:
    assert (
        settle_theme_membership([ThemeClaim("a", None, ("p1",)), ThemeClaim("b", None, ("p2",))])
        == {}
    )
