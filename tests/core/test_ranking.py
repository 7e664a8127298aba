from desktop_app.core.model import Vote
from desktop_app.core.ranking import (
    below_privacy_floor,
    floor_label,
    hidden_groups,
    shared_ranks,
    vote_totals,
)


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    ranked = shared_ranks({"a": 10, "b": 7, "c": 7, "d": 3})
    assert [(r.item_id, r.rank) for r in ranked] == [("a", 1), ("b", 2), ("c", 2), ("d", 4)]


def test_all_equal_totals_share_first_place() -> None:
    assert {r.rank for r in shared_ranks({"a": 0, "b": 0, "c": 0})} == {1}


def test_display_order_breaks_ties_without_changing_ranks() -> None:
    ranked = shared_ranks({"x": 5, "y": 5}, order=["y", "x"])
    assert [(r.item_id, r.rank) for r in ranked] == [("y", 1), ("x", 1)]


def test_totals_ignore_tombstoned_votes_and_unknown_items() -> None:
    votes = [
        Vote(id="1", item_id="a", dots=3),
        Vote(id="2", item_id="a", dots=2, deleted=True),
        Vote(id="3", item_id="b", dots=4, ballot_id="k"),
        Vote(id="4", item_id="zzz", dots=9),
    ]
    assert vote_totals(votes, ["a", "b", "c"]) == {"a": 3, "b": 4, "c": 0}


def test_privacy_floor() -> None:
    assert below_privacy_floor(4, 5)
    assert not below_privacy_floor(5, 5)
    assert below_privacy_floor(None, 5)
    assert floor_label(5) == "<5"


def test_groups_with_fewer_voters_than_the_floor_are_hidden() -> None:
    voted = {"a", "b", "c"}
    assert hidden_groups({"a": 20, "b": 3, "c": 4}, 5, voted) == {"b", "c"}
    assert hidden_groups({"a": 20, "b": 30}, 5, voted) == set()


def test_one_hidden_group_with_dots_takes_the_smallest_shown_group_with_it() -> None:
    voted = {"a", "b", "c", None}
    assert hidden_groups({"a": 20, "b": 8, "c": 3}, 5, voted) == {"b", "c"}
    # equal counts: the first in display order
    assert hidden_groups({"a": 8, "b": 8, "c": 3}, 5, voted) == {"a", "c"}
    # votes without a group (None) are always hidden, and need a cover when too few
    assert hidden_groups({"a": 20, "b": 8, None: 1}, 5, voted) == {"b", None}
    # an unknown number of voters counts as none: 3 + ? is not enough
    assert hidden_groups({"a": 20, "c": 3, None: None}, 5, voted) == {"a", "c", None}


def test_hidden_groups_together_below_the_floor_take_a_cover() -> None:
    """Two groups of one voter each: total minus the rest would be two ballots, and
    either voter could subtract their own. A shown group is added to the two."""
    assert hidden_groups({"a": 20, "b": 1, "c": 1}, 5, {"a", "b", "c"}) == {"a", "b", "c"}
    # ... until the hidden ones hold enough voters together
    assert hidden_groups({"a": 20, "m": 6, "b": 1, "c": 1}, 5, {"a", "m", "b", "c"}) == {
        "m",
        "b",
        "c",
    }


def test_hidden_groups_with_enough_voters_together_need_no_cover() -> None:
    assert hidden_groups({"a": 20, "c": 3, "d": 2}, 5, {"a", "c", "d"}) == {"c", "d"}
    assert hidden_groups({"a": 20, "b": 8, None: 6}, 5, {"a", "b", None}) == {None}


def test_a_group_entered_with_0_participants_that_voted_is_covered_too() -> None:
    """New groups start at 0 participants and can still vote (kiosk, tallies)."""
    assert hidden_groups({"m": 20, "d": 0}, 5, {"m", "d"}) == {"m", "d"}


def test_the_cover_is_a_group_that_has_dots() -> None:
    """Hiding Kantoor, which gave no dots, would leave Directie = total - Monteurs."""
    voters = {"m": 20, "k": 8, "d": 3}
    assert hidden_groups(voters, 5, {"m", "d"}) == {"m", "d"}


def test_hidden_groups_without_dots_need_no_cover() -> None:
    assert hidden_groups({"a": 20, "b": 8, "c": 3}, 5, {"a", "b"}) == {"c"}


def test_nothing_more_to_hide_when_no_group_with_dots_is_shown() -> None:
    assert hidden_groups({"c": 3}, 5, {"c"}) == {"c"}
    assert hidden_groups({"a": 20, "c": 3}, 5, {"c"}) == {"c"}
    assert hidden_groups({}, 5, set()) == set()
