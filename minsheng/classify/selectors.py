"""Reads: the taxonomy as the models see it, the units a user may route to, and the suggestions."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Category

from .departments import ORGANISATION_KIND_CATEGORIES, department_kind_of
from .features import name_features
from .learning import Stats
from .models import SuggestionModel
from .scoring import (
    DEFAULT_KAPPA,
    DEFAULT_PARAMS,
    DEFAULT_SPEC,
    TAXONOMY_WEIGHT,
    ScoringModel,
    active_model,
    model_from_row,
    model_from_stats,
    weight_rows,
)

# Organisations a matter can be sent to for handling (Art 22, 23).
ROUTABLE_KINDS = (
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.TOWNSHIP,
    Organisation.Kind.VILLAGE,
    Organisation.Kind.DISCIPLINE,
    Organisation.Kind.POLITICAL_LEGAL,
)
MAX_INPUT_CHARS = 20_000
# Mix of the unit evidence: the text itself (learnt from routed matters), the suggested categories
# through the category → unit table, and townships or villages named in the text or the place.
UNIT_MIX = {"text": 0.4, "category": 0.35, "place": 0.25}
# Pseudo-count of the department table in the category → unit table, against real routed matters.
UNIT_PRIOR_COUNT = 2.0


@dataclass(frozen=True)
class Suggestion:
    id: int
    name: str
    score: float  # share of the model's belief, 0–1


@dataclass(frozen=True)
class Suggestions:
    categories: list[Suggestion] = field(default_factory=list)
    units: list[Suggestion] = field(default_factory=list)
    trained: bool = False  # False: no model trained yet, the taxonomy's names alone


# --- the taxonomy -------------------------------------------------------------------------------------
def top_level_of() -> dict[int, int]:
    """Every category's pk → the pk of its level-1 ancestor."""
    parents = dict(Category.objects.values_list("pk", "parent_id"))
    result = {}
    for pk in parents:
        node, seen = pk, 0
        while parents.get(node) is not None and seen < 10:
            node, seen = parents[node], seen + 1
        result[pk] = node
    return result


def top_categories() -> QuerySet[Category]:
    return Category.objects.filter(level=1, parent__isnull=True, is_active=True).order_by(
        "sort_order", "name"
    )


def taxonomy_names() -> dict[str, list[str]]:
    """Label key (level-1 pk) → the names of the category and of every active category below it."""
    tops = {c.pk: c for c in top_categories()}
    names = {str(pk): [c.name] for pk, c in tops.items()}
    top_of = top_level_of()
    for pk, name in Category.objects.filter(is_active=True, level__gt=1).values_list("pk", "name"):
        top = top_of.get(pk)
        if top in tops and name != "其他":
            names[str(top)].append(name)
    return names


def taxonomy_stats(names: dict[str, list[str]], *, weight: float = TAXONOMY_WEIGHT) -> Stats:
    stats = Stats()
    for label, words in names.items():
        stats.add(label, name_features(words), weight=weight, as_document=False)
    return stats


def category_model() -> tuple[ScoringModel, bool]:
    """The trained category model, or the taxonomy prior alone when nothing was trained yet."""
    model = active_model(SuggestionModel.Kind.CATEGORY)
    if model is not None:
        return model, True
    names = taxonomy_names()
    return (
        model_from_stats(
            taxonomy_stats(names),
            labels=list(names),
            spec=DEFAULT_SPEC,
            params=DEFAULT_PARAMS,
            kappa=DEFAULT_KAPPA,
        ),
        False,
    )


# --- units --------------------------------------------------------------------------------------------
def unit_candidates(*, user=None) -> QuerySet[Organisation]:
    """Organisations the user may send a matter to: anywhere in the city for the bureau and the
    leading bodies; below their own unit for a department or township (Art 23)."""
    units = Organisation.objects.filter(is_active=True, kind__in=ROUTABLE_KINDS)
    if user is None or user.is_superuser:
        return units
    if user.organisation_id is None:
        return units.none()
    organisation = user.organisation
    if organisation.kind in Organisation.JURISDICTION_KINDS:
        return units.filter(path__startswith=organisation.scope_path)
    return units.filter(path__startswith=organisation.path).exclude(pk=organisation.pk)


def unit_category_prior(
    units: list[Organisation], category_names: dict[str, str]
) -> dict[str, dict[str, float]]:
    """Category label → unit label → pseudo-count, from what each unit's name or kind says it does."""
    label_of_name = {name: label for label, name in category_names.items()}
    prior: dict[str, dict[str, float]] = {}
    for unit in units:
        kind = department_kind_of(unit.name)
        answers = kind.categories if kind else ORGANISATION_KIND_CATEGORIES.get(unit.kind, ())
        for rank, name in enumerate(answers):
            label = label_of_name.get(name)
            if label is not None:
                prior.setdefault(label, {})[str(unit.pk)] = UNIT_PRIOR_COUNT / (rank + 1)
    return prior


def _places_named(text: str, units: list[Organisation]) -> dict[str, float]:
    """Townships (and villages, counted for their township when it is a candidate) named in the text."""
    by_pk = {u.pk: u for u in units}
    hits: dict[str, float] = {}
    for unit in units:
        if unit.kind not in (Organisation.Kind.TOWNSHIP, Organisation.Kind.VILLAGE) or len(unit.name) < 2:
            continue
        if unit.name in text:
            target = unit
            if unit.kind == Organisation.Kind.VILLAGE and unit.parent_id in by_pk:
                target = by_pk[unit.parent_id]
            hits[str(target.pk)] = hits.get(str(target.pk), 0.0) + 1.0
    total = sum(hits.values())
    return {k: v / total for k, v in hits.items()} if total else {}


def _unit_shares(
    *,
    text_features: dict,
    category_shares: dict[str, float],
    place_text: str,
    units: list[Organisation],
    category_names: dict[str, str],
) -> dict[str, float]:
    labels = [str(u.pk) for u in units]
    row = SuggestionModel.objects.filter(kind=SuggestionModel.Kind.UNIT, is_active=True).first()
    parts: dict[str, dict[str, float]] = {}
    prior = unit_category_prior(units, category_names)
    if row is not None:
        model = model_from_row(row)
        learned = [label for label in labels if label in set(model.labels)]
        if learned:
            features = dict(text_features)
            parts["text"] = model.shares(features, model.scores(features, labels=learned))
        # Learnt category → unit counts are stored as the unit model's "c:<category>" features.
        counts = weight_rows(model_pk=row.pk, features=[f"c:{c}" for c in category_shares])
        for category, units_seen in counts.items():
            bucket = prior.setdefault(category[2:], {})
            for unit, count in units_seen.items():
                if unit in labels:
                    bucket[unit] = bucket.get(unit, 0.0) + count
    by_category: dict[str, float] = {}
    for category, share in category_shares.items():
        bucket = prior.get(category) or {}
        total = sum(bucket.values())
        for unit, count in bucket.items():
            by_category[unit] = by_category.get(unit, 0.0) + share * count / total
    if by_category:
        parts["category"] = by_category
    places = _places_named(place_text, units)
    if places:
        parts["place"] = places
    weight = sum(UNIT_MIX[name] for name in parts)
    shares: dict[str, float] = {}
    for name, part in parts.items():
        for unit, share in part.items():
            shares[unit] = shares.get(unit, 0.0) + UNIT_MIX[name] / weight * share
    return shares


# --- suggestions --------------------------------------------------------------------------------------
def check_text(*, title: str, content: str, demands: str = "") -> None:
    errors: dict[str, list[str]] = {}
    if not (title or "").strip() and not (content or "").strip():
        errors["content"] = ["请填写标题或信访内容"]
    for name, value in (("title", title), ("content", content), ("demands", demands)):
        if len(value or "") > MAX_INPUT_CHARS:
            errors.setdefault(name, []).append(f"不能超过 {MAX_INPUT_CHARS} 个字")
    if errors:
        raise ValidationError(errors)


def suggestions_for(
    *,
    title: str,
    content: str,
    demands: str = "",
    place: str = "",
    nature: str = "",
    user=None,
    limit: int = 3,
) -> Suggestions:
    """Ranked top-level categories and handling units for a petition's text, best first.

    Raises ValidationError when there is no text at all or a field is absurdly long."""
    check_text(title=title, content=content, demands=demands)
    model, trained = category_model()
    features = model.features(title=title, content=content, extra=demands)
    category_shares = model.shares(features, model.scores(features))
    tops = {str(c.pk): c for c in top_categories()}
    ranked_categories = [
        Suggestion(id=int(label), name=tops[label].name, score=round(share, 4))
        for label, share in sorted(category_shares.items(), key=lambda kv: (-kv[1], kv[0]))
        if label in tops
    ][:limit]

    units = list(unit_candidates(user=user).only("pk", "name", "short_name", "kind", "parent_id", "path"))
    unit_features = dict(features)
    if nature:
        unit_features[f"n:{nature}"] = 3.0
    unit_shares = _unit_shares(
        text_features=unit_features,
        category_shares=category_shares,
        place_text=f"{place}\n{title}\n{content}",
        units=units,
        category_names={label: c.name for label, c in tops.items()},
    )
    by_pk = {str(u.pk): u for u in units}
    ranked_units = [
        Suggestion(id=int(label), name=by_pk[label].name, score=round(share, 4))
        for label, share in sorted(unit_shares.items(), key=lambda kv: (-kv[1], kv[0]))
        if label in by_pk and share > 0
    ][:limit]
    return Suggestions(categories=ranked_categories, units=ranked_units, trained=trained)
