"""The metrics of the intake-matching evaluation, and the consistency of the shipped labelled set.

The metric tests need neither a database nor data; the last test reads the real messages (skips without
../shared/data) to prove the CSVs are exactly what labels.txt produces and every label fits the pool.
"""

import csv
import datetime as dt

import pytest

from minsheng.similarity.evaluation import labels, metrics
from minsheng.similarity.evaluation.pool import unique_pool

T = {name: dt.datetime(2019, 1, day) for day, name in enumerate("abcdefghij", start=1)}


def test_queries_are_later_members_with_their_earlier_members_as_answers():
    groups = {"g1": ["c", "a", "b"], "g2": ["d", "e"]}
    queries = {q.key: q.relevant for q in metrics.queries_from_groups(groups, T.__getitem__)}
    assert queries == {"b": {"a"}, "c": {"a", "b"}, "e": {"d"}}


def test_a_member_sent_at_the_same_moment_as_the_first_is_no_query():
    same_time = {"x": T["a"], "y": T["a"], "z": T["b"]}
    queries = metrics.queries_from_groups({"g": ["x", "y", "z"]}, same_time.__getitem__)
    assert [(q.key, q.relevant) for q in queries] == [("z", frozenset({"x", "y"}))]


def test_recall_and_precision_count_any_earlier_group_member():
    queries = [
        metrics.Query("q1", frozenset({"a"})),
        metrics.Query("q2", frozenset({"b", "c"})),
        metrics.Query("q3", frozenset({"d"})),
        metrics.Query("q4", frozenset({"e"})),
    ]
    rankings = {
        "q1": ["a", "x"],  # first
        "q2": ["x", "y", "c"],  # third: in the top 5, not first
        "q3": ["x", "y", "z", "w", "v", "d"],  # sixth: missed
        # q4 has no ranking at all: counts as missed
    }
    result = metrics.evaluate(rankings, queries)
    assert result["recall@5"] == 0.5
    assert result["precision@1"] == 0.25
    assert result["queries"] == 4
    assert result["hard_negative_first"] is None


def test_hard_negative_first_only_over_queries_with_labelled_negatives():
    queries = [
        metrics.Query("q1", frozenset({"a"})),
        metrics.Query("q2", frozenset({"b"})),
        metrics.Query("q3", frozenset({"c"})),
        metrics.Query("q4", frozenset({"d"})),
    ]
    rankings = {
        "q1": ["n1", "a"],  # the negative outranks the match
        "q2": ["b", "n2"],  # the match comes first
        "q3": ["x", "n3"],  # the match is not ranked at all: the negative still wins
        "q4": ["n4", "d"],  # n4 is not labelled for q4: no negatives, not counted
    }
    negatives = metrics.negatives_by_query(
        [("q1", "n1", "same_place"), ("q2", "n2", "same_topic"), ("q3", "n3", "same_topic")]
    )
    result = metrics.evaluate(rankings, queries, negatives)
    assert result["queries_with_hard_negatives"] == 3
    assert result["hard_negative_first"] == pytest.approx(2 / 3, abs=1e-4)


def test_a_labelled_negative_missing_from_the_ranking_never_wins():
    assert not metrics.negative_first(["a", "x"], frozenset({"a"}), {"n"})
    assert not metrics.negative_first([], frozenset({"a"}), {"n"})


def test_a_ranking_that_contains_its_own_query_is_refused():
    with pytest.raises(ValueError, match="query itself"):
        metrics.evaluate({"q": ["q", "a"]}, [metrics.Query("q", frozenset({"a"}))])
    with pytest.raises(ValueError, match="no queries"):
        metrics.evaluate({}, [])


def test_the_labels_are_consistent_with_each_other(shared_data):
    groups = labels.load_groups(pool=unique_pool(data_dir=shared_data))
    owner = {key: name for name, keys in groups.items() for key in keys}
    assert len(owner) == sum(len(keys) for keys in groups.values()), "a message is in two groups"
    assert all(len(keys) >= 2 for keys in groups.values())
    assert len(groups) >= 250
    negatives = labels.load_negatives()
    assert len(negatives) >= 300
    for query, negative, kind in negatives:
        assert kind in {"same_place", "same_topic"}
        assert query in owner
        assert owner.get(negative) != owner[query]


def test_labels_fit_the_real_pool_and_the_csv_export_reads_back_the_same(shared_data, tmp_path):
    pool = unique_pool(data_dir=shared_data)
    groups, negatives = labels.parse()
    assert labels.check(groups, negatives, pool) == []
    labels.write(groups, negatives, pool, tmp_path / "g.csv", tmp_path / "n.csv")
    assert labels.load_groups(tmp_path / "g.csv") == labels.load_groups(pool=pool)
    assert labels.load_negatives(tmp_path / "n.csv") == labels.load_negatives()
    with open(tmp_path / "g.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == ["group", "文件", "留言编号", "备注"]
    assert not (tmp_path / "g.csv").read_bytes().startswith(b"\xef\xbb\xbf")
