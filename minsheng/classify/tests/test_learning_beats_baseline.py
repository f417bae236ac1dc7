"""Learning from the hand-labelled messages beats matching the taxonomy's names, on messages it never saw."""

from collections import defaultdict

from minsheng.classify.features import document_features, name_features
from minsheng.classify.learning import NaiveBayes, accuracy, folds, ranked
from minsheng.classify.scoring import DEFAULT_PARAMS, DEFAULT_SPEC, TAXONOMY_WEIGHT, baseline_scores

from .conftest import SEVEN, TAXONOMY_FILE


def _taxonomy_names(shared_data) -> dict[str, list[str]]:
    import csv

    names = defaultdict(list)
    with (shared_data / TAXONOMY_FILE).open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            for column in ("一级分类", "二级分类", "三级分类"):
                name = row[column].strip()
                if name and name != "其他" and name not in names[row["一级分类"]]:
                    names[row["一级分类"]].append(name)
    return names


def _split(labelled):
    held = set(folds(len(labelled), 5, seed=7)[0])
    train = [m for i, m in enumerate(labelled) if i not in held]
    test = [m for i, m in enumerate(labelled) if i in held]
    return train, test


def test_it_beats_the_taxonomy_bigram_baseline_on_a_held_out_fifth(labelled, shared_data):
    names = _taxonomy_names(shared_data)
    train, test = _split(labelled)
    model = NaiveBayes(DEFAULT_PARAMS, list(names)).fit(
        [(document_features(title=m.title, content=m.content, spec=DEFAULT_SPEC), m.category) for m in train],
        [(name_features(words), label, TAXONOMY_WEIGHT) for label, words in names.items()],
    )
    bags = {label: set(name_features(names[label])) for label in SEVEN}
    learnt, base = [], []
    for m in test:
        scores = model.scores(document_features(title=m.title, content=m.content, spec=DEFAULT_SPEC))
        learnt.append((ranked({k: v for k, v in scores.items() if k in SEVEN}), m.category))
        base.append((ranked(baseline_scores(text=f"{m.title}\n{m.content}", names=bags)), m.category))
    learnt, base = accuracy(learnt), accuracy(base)

    assert learnt.n == base.n == len(test) > 100
    assert learnt.top1 > base.top1 + 0.15
    assert learnt.top3 > base.top3
    # Below these the features or the smoothing are broken (cross-validated: about 0.83 and 0.98).
    assert learnt.top1 > 0.75
    assert learnt.top3 > 0.95


def test_the_taxonomy_prior_alone_already_ranks_the_right_category_near_the_top(labelled, shared_data):
    names = _taxonomy_names(shared_data)
    _, test = _split(labelled)
    prior_only = NaiveBayes(DEFAULT_PARAMS, list(names)).fit(
        [], [(name_features(words), label, TAXONOMY_WEIGHT) for label, words in names.items()]
    )
    pairs = []
    for m in test:
        scores = prior_only.scores(document_features(title=m.title, content=m.content, spec=DEFAULT_SPEC))
        pairs.append((ranked({k: v for k, v in scores.items() if k in SEVEN}), m.category))
    result = accuracy(pairs)
    # Far better than chance over seven categories (1/7 and 3/7), before a single example is learnt.
    assert result.top1 > 0.4
    assert result.top3 > 0.7
