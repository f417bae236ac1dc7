"""Recording what the registrar did with the suggestions, and learning from it at once."""

import json
import logging

from django.db import DatabaseError, transaction

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Category, Matter

from ..learning import class_weight
from ..models import CategorySuggestionFeedback, SuggestionModel, SuggestionWeight
from ..scoring import model_from_row
from ..selectors import top_level_of

MAX_SHOWN = 10
logger = logging.getLogger(__name__)


def _clean_shown(shown) -> list[dict]:
    """The ranked suggestions as the page sent them back; anything malformed is dropped, since this is
    a record of what was shown and must never stop a registration."""
    cleaned = []
    for item in (shown if isinstance(shown, list) else [])[:MAX_SHOWN]:
        try:
            pk = int(item["id"])
            score = float(item.get("score", 0.0))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        cleaned.append({"id": pk, "score": round(min(max(score, 0.0), 1.0), 4)})
    return cleaned


def _rank(shown: list[dict], pk: int | None) -> int | None:
    if pk is None:
        return None
    for position, item in enumerate(shown, start=1):
        if item["id"] == pk:
            return position
    return None


def category_model_learn(*, matter: Matter, label: str) -> bool:
    """Add one categorised matter to the counts of the category model in use. Naive Bayes learns by
    counting, so this is what retraining would add for this matter; only the class weights of the other
    examples, which shift a little as the counts grow, wait for the next retraining. Call inside a
    transaction."""
    row = (
        SuggestionModel.objects.select_for_update()
        .filter(kind=SuggestionModel.Kind.CATEGORY, is_active=True)
        .first()
    )
    if row is None:
        return False
    model = model_from_row(row)
    features = model.features(title=matter.title, content=matter.content, extra=matter.demands)
    if not features:
        return False
    # Weighted as retraining would weigh it now (see NaiveBayesParams.class_balance), by the documents
    # each label has, this one included.
    docs = {k: float(v) for k, v in row.docs.items()}
    docs[label] = docs.get(label, 0.0) + 1.0
    total, kinds = sum(docs.values()), sum(1 for v in docs.values() if v > 0)
    weight = class_weight(total=total, kinds=kinds, count=docs[label], power=model.params.class_balance)
    features = {feature: weight * value for feature, value in features.items()}
    # The model row's lock (above) serialises learners, so reading and writing the weights is safe.
    existing = {
        w.feature: w
        for w in SuggestionWeight.objects.filter(model=row, label=label, feature__in=list(features))
    }
    known = set(
        SuggestionWeight.objects.filter(model=row, feature__in=list(features)).values_list(
            "feature", flat=True
        )
    )
    for feature, stored in existing.items():
        stored.weight += features[feature]
    SuggestionWeight.objects.bulk_update(existing.values(), ["weight"], batch_size=500)
    SuggestionWeight.objects.bulk_create(
        [
            SuggestionWeight(model=row, feature=feature, label=label, weight=value)
            for feature, value in features.items()
            if feature not in existing
        ],
        batch_size=1000,
    )
    totals = dict(row.totals)
    totals[label] = totals.get(label, 0.0) + sum(features.values())
    row.totals, row.docs = totals, docs
    row.vocabulary += sum(1 for feature in features if feature not in known)
    if label not in row.labels:
        row.labels = [*row.labels, label]
    row.updates += 1
    row.save(update_fields=["totals", "docs", "vocabulary", "labels", "updates"])
    return True


@transaction.atomic
def suggestion_feedback_record(
    *,
    actor,
    matter: Matter,
    shown_categories,
    shown_units=None,
    category: Category | None,
    unit: Organisation | None = None,
    learn: bool = True,
) -> CategorySuggestionFeedback:
    """Record the suggestions shown at intake and what was finally chosen; when a category was chosen,
    add the matter to the category model at once (a confirmation or a correction alike)."""
    categories = _clean_shown(shown_categories)
    units = _clean_shown(shown_units)
    top = None
    if category is not None:
        top_pk = top_level_of().get(category.pk, category.pk)
        top = category if top_pk == category.pk else Category.objects.filter(pk=top_pk).first()
    feedback = CategorySuggestionFeedback.objects.create(
        matter=matter,
        suggested_categories=categories,
        suggested_units=units,
        chosen_category=category,
        chosen_unit=unit,
        chosen_top_category=top,
        category_rank=_rank(categories, top.pk if top else None),
        unit_rank=_rank(units, unit.pk if unit else None),
        actor=actor if getattr(actor, "pk", None) else None,
    )
    if learn and top is not None:
        feedback.model_updated = category_model_learn(matter=matter, label=str(top.pk))
        if feedback.model_updated:
            feedback.save(update_fields=["model_updated"])
    return feedback


def intake_feedback_record(
    *, actor, submission, shown: str, category, unit
) -> CategorySuggestionFeedback | None:
    """After a registration at the intake page: record the suggestions the page showed (`shown`, the
    JSON the panel put in the form) against the category and unit registered. Only for a submission
    that opened its matter, and only when suggestions were shown."""
    if not shown:
        return None
    try:
        data = json.loads(shown)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if submission.matter.submissions.exclude(pk=submission.pk).exists():
        return None
    try:
        return suggestion_feedback_record(
            actor=actor,
            matter=submission.matter,
            shown_categories=data.get("categories"),
            shown_units=data.get("units"),
            category=category,
            unit=unit,
        )
    except DatabaseError:
        # The registration has committed; a lost feedback record must not turn it into an error page.
        logger.exception("分类建议反馈未能记录（事项 %s）", submission.matter_id)
        return None
