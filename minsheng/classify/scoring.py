"""Scoring a text with a model: a trained one read from the database, or the taxonomy prior alone.

A trained model's weights are read for the query's own n-grams only (a few hundred rows for a letter),
so suggestions cost the same whatever the size of the model.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .features import FeatureSpec, document_features, ngram_counts
from .learning import NaiveBayesParams, Stats, naive_bayes_scores, softmax
from .models import SuggestionModel, SuggestionWeight

# Rows per query when reading weights: below SQLite's old limit of 999 bound parameters.
READ_CHUNK = 500
# Weight of the taxonomy's names, as pseudo-documents of each top-level category, next to real examples.
TAXONOMY_WEIGHT = 20.0
DEFAULT_SPEC = FeatureSpec(title_weight=3.0, tf="raw")
DEFAULT_PARAMS = NaiveBayesParams(alpha=1.0, complement=True, class_balance=0.5)
# Sharpness of the displayed shares: softmax of (score per unit of text weight × kappa); training fits
# it by cross-validation, this is the value used before any training.
DEFAULT_KAPPA = 10.0


def weight_rows(*, model_pk: int, features: Iterable[str]) -> dict[str, dict[str, float]]:
    grams = list(dict.fromkeys(features))
    rows: dict[str, dict[str, float]] = {}
    for start in range(0, len(grams), READ_CHUNK):
        chunk = grams[start : start + READ_CHUNK]
        for feature, label, weight in SuggestionWeight.objects.filter(
            model_id=model_pk, feature__in=chunk
        ).values_list("feature", "label", "weight"):
            rows.setdefault(feature, {})[label] = weight
    return rows


@dataclass
class ScoringModel:
    """What scoring needs of a model; `rows_for` fetches the counts of some features."""

    labels: list[str]
    totals: dict[str, float]
    docs: dict[str, float]
    vocabulary: int
    spec: FeatureSpec
    params: NaiveBayesParams
    kappa: float
    rows_for: Callable[[Iterable[str]], dict[str, dict[str, float]]]
    pk: int | None = None

    def features(self, *, title: str, content: str, extra: str = "") -> dict[str, float]:
        return document_features(title=title, content=content, extra=extra, spec=self.spec)

    def scores(self, features: dict[str, float], *, labels: Iterable[str] | None = None) -> dict[str, float]:
        wanted = self.labels if labels is None else [label for label in labels if label in set(self.labels)]
        return naive_bayes_scores(
            features=features,
            rows=self.rows_for(features.keys()),
            labels=wanted,
            totals=self.totals,
            docs=self.docs,
            vocabulary=self.vocabulary,
            params=self.params,
        )

    def shares(self, features: dict[str, float], scores: dict[str, float]) -> dict[str, float]:
        """Scores as shares summing to 1. A score grows with the length of the text, so it is taken
        per unit of text weight before the softmax; kappa was fitted so that the shares are calibrated."""
        weight = sum(features.values()) or 1.0
        return softmax({k: self.kappa * v / weight for k, v in scores.items()})


def model_from_row(row: SuggestionModel) -> ScoringModel:
    params = dict(row.params or {})
    return ScoringModel(
        labels=[str(label) for label in row.labels],
        totals={str(k): float(v) for k, v in (row.totals or {}).items()},
        docs={str(k): float(v) for k, v in (row.docs or {}).items()},
        vocabulary=row.vocabulary,
        spec=FeatureSpec.from_dict(row.feature_spec),
        params=NaiveBayesParams.from_dict(params),
        kappa=float(params.get("kappa", DEFAULT_KAPPA)),
        rows_for=lambda features, pk=row.pk: weight_rows(model_pk=pk, features=features),
        pk=row.pk,
    )


def active_model(kind: str) -> ScoringModel | None:
    row = SuggestionModel.objects.filter(kind=kind, is_active=True).first()
    return model_from_row(row) if row is not None else None


def model_from_stats(
    stats: Stats, *, labels: list[str], spec: FeatureSpec, params: NaiveBayesParams, kappa: float
) -> ScoringModel:
    return ScoringModel(
        labels=labels,
        totals=stats.totals,
        docs=stats.docs,
        vocabulary=stats.vocabulary,
        spec=spec,
        params=params,
        kappa=kappa,
        rows_for=lambda features: {f: stats.counts[f] for f in features if f in stats.counts},
    )


def baseline_scores(*, text: str, names: dict[str, set[str]]) -> dict[str, float]:
    """The taxonomy-bigram baseline: how many of the text's character bigrams occur in each
    category's names (its own and those below it). No learning; the figure to beat."""
    grams = ngram_counts(text)
    return {label: float(sum(n for g, n in grams.items() if g in bag)) for label, bag in names.items()}
