"""The learning algorithms, on plain dicts: no Django, no numpy.

Both suggestion models are naive Bayes over character n-grams (`NaiveBayes`); it was chosen by
cross-validation against complement naive Bayes and an averaged perceptron (see labels/README.md and
`cross_validate`). Its parameters are counts — how much weight of each n-gram was seen under each
label — so that the database can hold them as rows, a query reads only the rows of its own n-grams, and
a registrar's confirmation is one more document added to the counts.
"""

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

Features = dict[str, float]


@dataclass
class Stats:
    """Sufficient statistics of a count model: n-gram weight per label, totals, document counts."""

    counts: dict[str, dict[str, float]] = field(default_factory=dict)  # feature → label → weight
    totals: dict[str, float] = field(default_factory=dict)  # label → total weight of its features
    docs: dict[str, float] = field(default_factory=dict)  # label → documents seen (for the prior)

    def add(self, label: str, features: Features, *, weight: float = 1.0, as_document: bool = True) -> None:
        for gram, value in features.items():
            row = self.counts.setdefault(gram, {})
            row[label] = row.get(label, 0.0) + weight * value
            self.totals[label] = self.totals.get(label, 0.0) + weight * value
        self.totals.setdefault(label, 0.0)
        if as_document:
            self.docs[label] = self.docs.get(label, 0.0) + 1.0

    @property
    def vocabulary(self) -> int:
        return len(self.counts)


@dataclass(frozen=True)
class NaiveBayesParams:
    alpha: float = 0.1  # additive smoothing of n-gram counts
    # How much the labels' share of the training documents counts (0: every label equally likely).
    # Below 1 because the mix of matters at a counter differs from the mix in the labelled files.
    prior_weight: float = 0.0
    complement: bool = False  # Rennie et al. 2003: estimate each label from the documents of the others
    # Each example weighs (N / (K · n_label)) ** class_balance: 0 leaves the labelled mix as it is,
    # 1 gives every label the same total weight. The mix of a test set or of a counter's matters is
    # not the mix of the labels (one category is 44% of ours); 0.5 cross-validated best on our labels.
    class_balance: float = 0.0

    def as_dict(self) -> dict:
        return {
            "alpha": self.alpha,
            "prior_weight": self.prior_weight,
            "complement": self.complement,
            "class_balance": self.class_balance,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> "NaiveBayesParams":
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


def naive_bayes_scores(
    *,
    features: Features,
    rows: dict[str, dict[str, float]],
    labels: Sequence[str],
    totals: dict[str, float],
    docs: dict[str, float],
    vocabulary: int,
    params: NaiveBayesParams,
) -> dict[str, float]:
    """Log-score of each label. `rows` holds the counts of the query's n-grams only (those the model
    has seen; the others say nothing and are left out), which is all the database needs to read."""
    alpha, vocabulary = params.alpha, max(vocabulary, 1)
    wanted = set(labels)
    all_docs = sum(docs.get(label, 0.0) for label in labels)
    grand_total = sum(totals.get(label, 0.0) for label in labels)
    # Only the query's n-grams matter; their rows are summed once for the complement estimates.
    present = [
        (value, row, sum(v for k, v in row.items() if k in wanted))
        for gram, value in features.items()
        if (row := rows.get(gram)) is not None
    ]
    scores = {}
    for label in labels:
        prior = 0.0
        if params.prior_weight and all_docs:
            prior = params.prior_weight * math.log((docs.get(label, 0.0) + 1.0) / (all_docs + len(labels)))
        if params.complement:
            denominator = math.log(grand_total - totals.get(label, 0.0) + alpha * vocabulary)
        else:
            denominator = math.log(totals.get(label, 0.0) + alpha * vocabulary)
        score = prior
        for value, row, row_total in present:
            own = row.get(label, 0.0)
            if params.complement:
                score -= value * (math.log(row_total - own + alpha) - denominator)
            else:
                score += value * (math.log(own + alpha) - denominator)
        scores[label] = score
    return scores


# A label with a handful of examples is not multiplied more than this: a few examples, perhaps
# mistaken, must not outweigh a well-learnt label.
MAX_CLASS_WEIGHT = 3.0


def class_weight(*, total: float, kinds: int, count: float, power: float) -> float:
    """The weight of one example of a label with `count` of `total` examples over `kinds` labels."""
    if not power or not count:
        return 1.0
    return min((total / (kinds * count)) ** power, MAX_CLASS_WEIGHT)


def class_weights(labels: Sequence[str], power: float) -> dict[str, float]:
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    total, kinds = len(labels), len(counts)
    return {
        label: class_weight(total=total, kinds=kinds, count=n, power=power) for label, n in counts.items()
    }


def softmax(scores: dict[str, float], *, temperature: float = 1.0) -> dict[str, float]:
    """Scores as shares that sum to 1, for display; the order is the scores' order."""
    if not scores:
        return {}
    top = max(scores.values())
    exp = {k: math.exp((v - top) / temperature) for k, v in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


def ranked(scores: dict[str, float]) -> list[str]:
    # Ties broken by label so that the same input always gives the same order.
    return [label for label, _ in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]


class NaiveBayes:
    """An in-memory naive Bayes over Stats, for cross-validation; the database model scores the same way."""

    def __init__(self, params: NaiveBayesParams, labels: Sequence[str]):
        self.params, self.labels, self.stats = params, list(labels), Stats()

    def fit(
        self, examples: Iterable[tuple[Features, str]], prior: Iterable[tuple[Features, str, float]] = ()
    ):
        examples = list(examples)
        weights = class_weights([label for _, label in examples], self.params.class_balance)
        for features, label, weight in prior:
            self.stats.add(label, features, weight=weight, as_document=False)
        for features, label in examples:
            self.stats.add(label, features, weight=weights[label])
        return self

    def scores(self, features: Features) -> dict[str, float]:
        return naive_bayes_scores(
            features=features,
            rows=self.stats.counts,
            labels=self.labels,
            totals=self.stats.totals,
            docs=self.stats.docs,
            vocabulary=self.stats.vocabulary,
            params=self.params,
        )


class AveragedPerceptron:
    """Multiclass averaged perceptron (Collins 2002), compared against naive Bayes in cross-validation."""

    def __init__(self, labels: Sequence[str], *, epochs: int = 8, seed: int = 2026):
        self.labels, self.epochs, self.seed = list(labels), epochs, seed
        self.weights: dict[str, dict[str, float]] = {}
        self._totals: dict[tuple[str, str], float] = {}
        self._stamps: dict[tuple[str, str], int] = {}
        self._step = 0

    def _raw(self, features: Features) -> dict[str, float]:
        scores = dict.fromkeys(self.labels, 0.0)
        for gram, value in features.items():
            row = self.weights.get(gram)
            if row:
                for label, weight in row.items():
                    scores[label] += value * weight
        return scores

    def _bump(self, gram: str, label: str, delta: float) -> None:
        key = (gram, label)
        row = self.weights.setdefault(gram, {})
        current = row.get(label, 0.0)
        self._totals[key] = self._totals.get(key, 0.0) + (self._step - self._stamps.get(key, 0)) * current
        self._stamps[key] = self._step
        row[label] = current + delta

    def fit(self, examples: Iterable[tuple[Features, str]], prior=()):
        data = [(f, label, 1.0) for f, label in examples] + [(f, label, w) for f, label, w in prior]
        rng = random.Random(self.seed)
        for _ in range(self.epochs):
            rng.shuffle(data)
            for features, label, weight in data:
                self._step += 1
                scores = self._raw(features)
                # Ties go to a wrong label, so that an example nothing has been learnt about yet
                # still teaches something.
                guess = max(self.labels, key=lambda k: (scores[k], k != label))
                if guess != label:
                    for gram, value in features.items():
                        self._bump(gram, label, weight * value)
                        self._bump(gram, guess, -weight * value)
        for gram, row in self.weights.items():
            for label, current in row.items():
                key = (gram, label)
                total = self._totals.get(key, 0.0) + (self._step - self._stamps.get(key, 0)) * current
                row[label] = total / max(self._step, 1)
        return self

    def scores(self, features: Features) -> dict[str, float]:
        return self._raw(features)


@dataclass(frozen=True)
class Accuracy:
    top1: float
    top3: float
    n: int

    def as_dict(self) -> dict:
        return {"top1": round(self.top1, 4), "top3": round(self.top3, 4), "n": self.n}


def accuracy(rankings: Iterable[tuple[list[str], str]]) -> Accuracy:
    n = top1 = top3 = 0
    for order, truth in rankings:
        n += 1
        top1 += bool(order) and order[0] == truth
        top3 += truth in order[:3]
    return Accuracy(top1=top1 / n if n else 0.0, top3=top3 / n if n else 0.0, n=n)


def folds(n: int, k: int, *, seed: int = 2026) -> list[list[int]]:
    """k disjoint folds of range(n), shuffled with a fixed seed."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(
    *,
    examples: Sequence[tuple[Features, str]],
    make_model: Callable[[], object],
    prior: Sequence[tuple[Features, str, float]] = (),
    k: int = 5,
    seed: int = 2026,
    candidates: Sequence[str] | None = None,
) -> Accuracy:
    """Mean top-1 / top-3 over k folds; every fold's model also gets the `prior` pseudo-documents.
    `candidates` restricts the ranking (as when a test set covers some labels only)."""
    results = []
    for held in folds(len(examples), k, seed=seed):
        held_set = set(held)
        model = make_model().fit([e for i, e in enumerate(examples) if i not in held_set], prior)
        pairs = []
        for i in held:
            features, truth = examples[i]
            scores = model.scores(features)
            if candidates is not None:
                scores = {k2: v for k2, v in scores.items() if k2 in candidates}
            pairs.append((ranked(scores), truth))
        results.append(accuracy(pairs))
    total = sum(r.n for r in results)
    return Accuracy(
        top1=sum(r.top1 * r.n for r in results) / total if total else 0.0,
        top3=sum(r.top3 * r.n for r in results) / total if total else 0.0,
        n=total,
    )
