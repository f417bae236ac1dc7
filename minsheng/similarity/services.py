"""Writes of the similarity app: the registrar's decision at intake (the index has its own module)."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from minsheng.petitions.models import Submission

from .models import MatchDecision

MAX_CANDIDATES = 20


def _clean_candidates(candidates: Sequence[dict]) -> list[dict]:
    cleaned = []
    for item in list(candidates)[:MAX_CANDIDATES]:
        try:
            cleaned.append({"matter": int(item["matter"]), "score": round(float(item.get("score", 0)), 3)})
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError({"shown_candidates": ["查重结果格式不正确"]}) from exc
    return cleaned


@transaction.atomic
def match_decision_record(*, submission: Submission, candidates: Sequence[dict], actor) -> MatchDecision:
    """What the registrar was shown and what they did: attached as a repeat, as a joint submission, or
    opened a new matter. The rank of the chosen matter among the candidates is what evaluation reads.
    Part of the registration's transaction; the registration's timeline event names the actor."""
    shown = _clean_candidates(candidates)
    opened_new = not submission.matter.submissions.exclude(pk=submission.pk).exists()
    if opened_new:
        choice, chosen, rank = MatchDecision.Choice.NEW, None, None
    else:
        choice = MatchDecision.Choice.REPEAT if submission.is_repeat else MatchDecision.Choice.JOINT
        chosen = submission.matter
        ids = [item["matter"] for item in shown]
        rank = ids.index(chosen.pk) + 1 if chosen.pk in ids else None
    decision = MatchDecision.objects.create(
        submission=submission,
        choice=choice,
        chosen_matter=chosen,
        candidates=shown,
        chosen_rank=rank,
        actor=actor if getattr(actor, "pk", None) else None,
    )
    return decision
