"""Training the two suggestion models and storing them as weight rows (`manage.py train_classifier`)."""

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from minsheng.petitions.services import categories_seed

from ..features import FeatureSpec, document_features, name_features
from ..labelfiles import LABELS_DIR
from ..learning import (
    Accuracy,
    AveragedPerceptron,
    NaiveBayes,
    NaiveBayesParams,
    Stats,
    accuracy,
    class_weights,
    folds,
    ranked,
    softmax,
)
from ..models import SuggestionModel, SuggestionWeight
from ..scoring import DEFAULT_KAPPA, DEFAULT_PARAMS, DEFAULT_SPEC, TAXONOMY_WEIGHT, baseline_scores
from ..selectors import taxonomy_names, top_categories
from ..training_data import Example, TrainingData, training_data

SEED = 2026
FOLDS = 5
KAPPAS = (1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 50.0)
NATURE_WEIGHT = 3.0  # the unit model reads a matter's nature as a feature worth this many n-grams
WRITE_BATCH = 20_000
TAXONOMY_FILE = "taidi2020C_fujian1_label_taxonomy.csv"


@dataclass(frozen=True)
class Candidate:
    """A configuration compared by `train_classifier --compare`."""

    name: str
    spec: FeatureSpec
    params: NaiveBayesParams | None  # None: averaged perceptron
    taxonomy_weight: float = TAXONOMY_WEIGHT


CANDIDATES = (
    Candidate("补集朴素贝叶斯，类别半平衡（采用）", DEFAULT_SPEC, DEFAULT_PARAMS),
    Candidate("补集朴素贝叶斯，不平衡", DEFAULT_SPEC, replace(DEFAULT_PARAMS, class_balance=0.0)),
    Candidate("补集朴素贝叶斯，完全平衡", DEFAULT_SPEC, replace(DEFAULT_PARAMS, class_balance=1.0)),
    Candidate("补集朴素贝叶斯，标题权重 1", FeatureSpec(title_weight=1.0, tf="raw"), DEFAULT_PARAMS),
    Candidate("补集朴素贝叶斯，不用分类表", DEFAULT_SPEC, DEFAULT_PARAMS, taxonomy_weight=0.0),
    Candidate(
        "多项式朴素贝叶斯 α=0.1，类别半平衡", DEFAULT_SPEC, NaiveBayesParams(alpha=0.1, class_balance=0.5)
    ),
    Candidate("多项式朴素贝叶斯 α=0.1", DEFAULT_SPEC, NaiveBayesParams(alpha=0.1)),
    Candidate("平均感知机（8 轮）", FeatureSpec(title_weight=3.0, tf="log"), None),
)


@dataclass
class CrossValidation:
    model: Accuracy
    baseline: Accuracy | None = None
    sure: Accuracy | None = None  # on the examples labelled 确定 only
    by_source: dict[str, Accuracy] = field(default_factory=dict)
    kappa: float = DEFAULT_KAPPA
    # Mean over the labels of each label's top-1: the accuracy a test set with every label equally
    # frequent would see, whatever the mix of the training labels.
    per_label_top1: float = 0.0


@dataclass
class TrainingReport:
    categories_seeded: int = 0
    category_sources: Counter = field(default_factory=Counter)
    unit_sources: Counter = field(default_factory=Counter)
    category_labels: int = 0
    unit_labels: int = 0
    category_cv: CrossValidation | None = None
    unit_cv: CrossValidation | None = None
    comparison: list[tuple[str, "CrossValidation"]] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    weights_written: int = 0

    @property
    def category_examples(self) -> int:
        return sum(self.category_sources.values())

    @property
    def unit_examples(self) -> int:
        return sum(self.unit_sources.values())


def _features(example: Example, spec: FeatureSpec, *, with_nature: bool = False) -> dict[str, float]:
    features = document_features(title=example.title, content=example.content, extra=example.extra, spec=spec)
    if with_nature and example.nature:
        features[f"n:{example.nature}"] = NATURE_WEIGHT
    return features


def _cross_validate(
    *,
    examples: list[Example],
    labels: list[str],
    spec: FeatureSpec,
    params: NaiveBayesParams | None,
    prior: list[tuple[dict, str, float]],
    names: dict[str, set[str]] | None = None,
    with_nature: bool = False,
    k: int = FOLDS,
) -> CrossValidation:
    """k-fold cross-validation; the held-out fold is never seen by its model. Also fits kappa, the
    sharpness of the displayed shares, by the log-likelihood of the held-out labels."""
    data = [(_features(e, spec, with_nature=with_nature), e.label) for e in examples]
    pairs, sure_pairs, base_pairs = [], [], []
    by_source: dict[str, list] = {}
    held_scores: list[tuple[dict[str, float], float, str]] = []
    for held in folds(len(data), min(k, len(data)), seed=SEED):
        held_set = set(held)
        train = [d for i, d in enumerate(data) if i not in held_set]
        model = (NaiveBayes(params, labels) if params else AveragedPerceptron(labels, seed=SEED)).fit(
            train, prior
        )
        for i in held:
            features, truth = data[i]
            scores = model.scores(features)
            pair = (ranked(scores), truth)
            pairs.append(pair)
            by_source.setdefault(examples[i].source.split("_")[0], []).append(pair)
            if examples[i].sure:
                sure_pairs.append(pair)
            held_scores.append((scores, sum(features.values()) or 1.0, truth))
            if names is not None:
                text = f"{examples[i].title}\n{examples[i].content}\n{examples[i].extra}"
                base_pairs.append((ranked(baseline_scores(text=text, names=names)), truth))
    return CrossValidation(
        model=accuracy(pairs),
        baseline=accuracy(base_pairs) if names is not None else None,
        sure=accuracy(sure_pairs) if len(sure_pairs) < len(pairs) else None,
        by_source={source: accuracy(p) for source, p in by_source.items()} if len(by_source) > 1 else {},
        kappa=_fit_kappa(held_scores) if params else DEFAULT_KAPPA,
        per_label_top1=_per_label_top1(pairs),
    )


def _per_label_top1(pairs: list[tuple[list[str], str]]) -> float:
    by_label: dict[str, list] = {}
    for order, truth in pairs:
        by_label.setdefault(truth, []).append((order, truth))
    return sum(accuracy(p).top1 for p in by_label.values()) / len(by_label) if by_label else 0.0


def _fit_kappa(held: list[tuple[dict[str, float], float, str]]) -> float:
    def loss(kappa: float) -> float:
        total = 0.0
        for scores, weight, truth in held:
            shares = softmax({k: kappa * v / weight for k, v in scores.items()})
            total -= math.log(max(shares.get(truth, 0.0), 1e-12))
        return total

    return min(KAPPAS, key=loss) if held else DEFAULT_KAPPA


def _stats(
    examples: list[Example], spec: FeatureSpec, params: NaiveBayesParams, prior, *, with_nature: bool = False
) -> Stats:
    """The same counts as NaiveBayes.fit, kept for storing."""
    stats = Stats()
    weights = class_weights([e.label for e in examples], params.class_balance)
    for features, label, weight in prior:
        stats.add(label, features, weight=weight, as_document=False)
    for example in examples:
        stats.add(
            example.label, _features(example, spec, with_nature=with_nature), weight=weights[example.label]
        )
    return stats


def _store(
    *,
    kind: str,
    stats: Stats,
    labels: list[str],
    spec: FeatureSpec,
    params: dict,
    summary: dict,
    extra_rows=(),
) -> tuple[SuggestionModel, int]:
    model = SuggestionModel.objects.create(
        kind=kind,
        labels=labels,
        totals=stats.totals,
        docs=stats.docs,
        vocabulary=stats.vocabulary,
        feature_spec=spec.as_dict(),
        params=params,
        summary=summary,
        trained_at=timezone.now(),
    )
    rows = [(f, label, w) for f, row in stats.counts.items() for label, w in row.items() if w]
    rows += list(extra_rows)
    return model, _insert_weights(model.pk, rows)


def _insert_weights(model_pk: int, rows: list[tuple[str, str, float]]) -> int:
    """A few hundred thousand rows: one prepared INSERT run many times is several times faster than
    building a model instance per row for bulk_create."""
    table = connection.ops.quote_name(SuggestionWeight._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in ("model_id", "feature", "label", "weight"))
    sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s)"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), WRITE_BATCH):
            cursor.executemany(
                sql, [(model_pk, f, label, w) for f, label, w in rows[start : start + WRITE_BATCH]]
            )
    return len(rows)


def _summary(data_sources: Counter, cv: CrossValidation | None) -> dict:
    summary = {"examples": dict(data_sources)}
    if cv is not None:
        summary["cross_validation"] = {**cv.model.as_dict(), "per_label_top1": round(cv.per_label_top1, 4)}
        if cv.baseline is not None:
            summary["baseline"] = cv.baseline.as_dict()
    return summary


def _ensure_categories(report: TrainingReport, shared_data_dir: Path | None) -> None:
    if top_categories().exists():
        return
    taxonomy = Path(shared_data_dir) / TAXONOMY_FILE if shared_data_dir else None
    if taxonomy is None or not taxonomy.is_file():
        raise ValidationError("系统中还没有分类，也找不到分类表文件；请先在管理后台建立分类或运行 load_demo")
    report.categories_seeded = categories_seed(taxonomy_csv=taxonomy)
    report.notes.append(f"系统中还没有分类，已从 {TAXONOMY_FILE} 建立 {report.categories_seeded} 个")


@transaction.atomic
def classifier_train(
    *,
    shared_data_dir: Path | None = None,
    labels_dir: Path = LABELS_DIR,
    cross_validate: bool = True,
    compare: bool = False,
) -> TrainingReport:
    """Retrain the category and unit models from everything available, replace the ones in use, and
    report what they were trained on and how they cross-validate. Deterministic (fixed seeds)."""
    report = TrainingReport()
    shared_data_dir = settings.SHARED_DATA_DIR if shared_data_dir is None else shared_data_dir
    _ensure_categories(report, shared_data_dir)
    data: TrainingData = training_data(shared_data_dir=shared_data_dir, labels_dir=labels_dir)
    report.skipped, report.notes = data.skipped, report.notes + data.notes

    names = taxonomy_names()
    labels = list(names)
    prior = [(name_features(words), label, TAXONOMY_WEIGHT) for label, words in names.items()]
    report.category_sources = Counter(e.source.split("_")[0] for e in data.categories)
    report.category_labels = len({e.label for e in data.categories})
    kappa = DEFAULT_KAPPA
    if cross_validate and len(data.categories) >= FOLDS * 2:
        bags = {label: set(name_features(words)) for label, words in names.items()}
        report.category_cv = _cross_validate(
            examples=data.categories,
            labels=labels,
            spec=DEFAULT_SPEC,
            params=DEFAULT_PARAMS,
            prior=prior,
            names=bags,
        )
        kappa = report.category_cv.kappa
    if compare and len(data.categories) >= FOLDS * 2:
        for candidate in CANDIDATES:
            candidate_prior = [(f, label, candidate.taxonomy_weight) for f, label, _ in prior]
            cv = _cross_validate(
                examples=data.categories,
                labels=labels,
                spec=candidate.spec,
                params=candidate.params,
                prior=candidate_prior if candidate.taxonomy_weight else [],
            )
            report.comparison.append((candidate.name, cv))

    SuggestionModel.objects.all().delete()
    category_stats = _stats(data.categories, DEFAULT_SPEC, DEFAULT_PARAMS, prior)
    _, written = _store(
        kind=SuggestionModel.Kind.CATEGORY,
        stats=category_stats,
        labels=labels,
        spec=DEFAULT_SPEC,
        params={**DEFAULT_PARAMS.as_dict(), "kappa": kappa, "taxonomy_weight": TAXONOMY_WEIGHT},
        summary=_summary(report.category_sources, report.category_cv),
    )
    report.weights_written += written

    report.unit_sources = Counter(e.source.split("_")[0] for e in data.units)
    unit_labels = sorted({e.label for e in data.units}, key=int)
    report.unit_labels = len(unit_labels)
    unit_kappa = DEFAULT_KAPPA
    if cross_validate and len(unit_labels) >= 2 and len(data.units) >= FOLDS * 2:
        report.unit_cv = _cross_validate(
            examples=data.units,
            labels=unit_labels,
            spec=DEFAULT_SPEC,
            params=DEFAULT_PARAMS,
            prior=[],
            with_nature=True,
        )
        unit_kappa = report.unit_cv.kappa
    unit_stats = _stats(data.units, DEFAULT_SPEC, DEFAULT_PARAMS, [], with_nature=True)
    category_unit_rows = [
        (f"c:{category}", unit, float(n)) for (category, unit), n in data.category_units.items()
    ]
    _, written = _store(
        kind=SuggestionModel.Kind.UNIT,
        stats=unit_stats,
        labels=unit_labels,
        spec=DEFAULT_SPEC,
        params={**DEFAULT_PARAMS.as_dict(), "kappa": unit_kappa},
        summary=_summary(report.unit_sources, report.unit_cv),
        extra_rows=category_unit_rows,
    )
    report.weights_written += written
    SuggestionModel.objects.update(is_active=True)
    return report


def classifier_refresh(*, force: bool = False) -> TrainingReport | None:
    """Train (without cross-validation) when forced or when no model is in use yet; for load_demo, so
    that a fresh demo suggests from the first visit without retraining on every run."""
    if not force and SuggestionModel.objects.filter(is_active=True).exists():
        return None
    return classifier_train(cross_validate=False)
