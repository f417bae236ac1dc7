"""The score combines the text with what a registrar knows: person, place, unit, time."""

from minsheng.similarity.scoring import Evidence, score


def test_the_same_person_raises_a_similar_matter_above_a_stranger():
    stranger = score(Evidence(text_similarity=0.4, title_similarity=0.4))
    same = score(Evidence(text_similarity=0.4, title_similarity=0.4, same_petitioner=True))
    assert same.value > stranger.value
    assert "同一信访人" in same.reasons


def test_a_shared_estate_is_named_and_a_different_estate_counts_against():
    query = {"丽景小区": False}
    shared = score(Evidence(0.4, 0.4, query_places=query, candidate_places={"丽景小区"}))
    other = score(Evidence(0.4, 0.4, query_places=query, candidate_places={"金色家园"}))
    assert "同一地点：丽景小区" in shared.reasons
    assert "地点不同" in other.reasons and shared.value > other.value


def test_places_of_different_kinds_do_not_conflict():
    # An estate and a road are not two answers to "which estate?".
    result = score(Evidence(0.4, 0.4, query_places={"丽景小区": False}, candidate_places={"云塘路"}))
    assert "地点不同" not in result.reasons


def test_scores_stay_between_zero_and_one():
    assert score(Evidence(1.0, 1.0, same_petitioner=True, same_unit=True, days_apart=1)).value == 1.0
    assert (
        score(Evidence(0.0, 0.0, query_places={"丽景小区": False}, candidate_places={"金色小区"})).value
        == 0.0
    )
