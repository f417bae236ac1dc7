"""Pages of the similarity app: the intake panel of possibly-same matters, and similar closed cases."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Matter
from minsheng.petitions.permissions import can_register
from minsheng.petitions.selectors import matter_get

from .check import PersonHint, submission_check
from .selectors import similar_closed_matters

MAX_ROWS = 200


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _people_from(post) -> list[PersonHint]:
    """The petitioner rows of the intake form (prefix "p"), as far as they are filled in."""
    total = min(_int_or_none(post.get("p-TOTAL_FORMS")) or 0, MAX_ROWS)
    people = []
    for index in range(total):
        field = f"p-{index}-"
        hint = PersonHint(
            petitioner_id=_int_or_none(post.get(field + "petitioner_id")),
            name=(post.get(field + "name") or "")[:50],
            id_number=(post.get(field + "id_number") or "")[:30],
            phone=(post.get(field + "phone") or "")[:30],
            address=(post.get(field + "address") or "")[:200],
        )
        if hint.petitioner_id or hint.name or hint.id_number or hint.phone:
            people.append(hint)
    return people


@login_required
@require_POST
def intake_check(request):
    """The panel under the intake form; the form posts itself here (htmx) as the registrar types."""
    if not can_register(request.user):
        raise PermissionDenied(_("只有登记员、督办员或管理员可以登记信访件"))
    post = request.POST
    concerned_id = _int_or_none(post.get("concerned_org"))
    receiving_id = _int_or_none(post.get("receiving_org"))
    organisations = Organisation.objects.in_bulk([pk for pk in (concerned_id, receiving_id) if pk])
    result = submission_check(
        user=request.user,
        title=(post.get("title") or "")[:200],
        content=(post.get("content") or "")[:20000],
        demands=(post.get("demands") or "")[:5000],
        place=(post.get("place") or "")[:200],
        people=_people_from(post),
        concerned_org=organisations.get(concerned_id),
        receiving_org=organisations.get(receiving_id),
    )
    shown = [{"matter": c.candidate.matter.pk, "score": c.candidate.score} for c in result.candidates]
    return render(
        request,
        "similarity/_intake_candidates.html",
        {
            "result": result,
            "shown_json": json.dumps(shown),
            "chosen_number": (post.get("matter_number") or "").strip(),
            "confirmed_new": post.get("confirmed_new") in ("on", "true", "1", "True"),
            "asked": bool((post.get("title") or "").strip() or (post.get("content") or "").strip()),
        },
    )


@login_required
@require_GET
def similar_cases(request, pk: int):
    """Closed matters like this one, with their replies: loaded into the matter page after it shows."""
    try:
        matter = matter_get(user=request.user, pk=pk)
    except Matter.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "similarity/_similar_cases.html",
        {"matter": matter, "cases": similar_closed_matters(user=request.user, matter=matter)},
    )
