"""The intake page's suggestion panel (htmx): ranked categories and units as buttons that fill the form."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.petitions.models import Nature
from minsheng.petitions.permissions import can_register

from .selectors import suggestions_for


@login_required
@require_POST
def intake_suggestions(request):
    if not can_register(request.user):
        raise PermissionDenied(_("只有登记员、督办员或管理员可以登记信访件"))
    data = request.POST
    title, content = data.get("title", ""), data.get("content", "")
    context = {"found": None, "errors": []}
    if title.strip() or content.strip():
        nature = data.get("nature", "")
        try:
            found = suggestions_for(
                title=title,
                content=content,
                demands=data.get("demands", ""),
                place=data.get("place", ""),
                nature=nature if nature in Nature.values else "",
                user=request.user,
            )
        except ValidationError as exc:
            context["errors"] = exc.messages
        else:
            context["found"] = found
            context["shown"] = json.dumps(
                {
                    "categories": [{"id": s.id, "score": s.score} for s in found.categories],
                    "units": [{"id": s.id, "score": s.score} for s in found.units],
                }
            )
    return render(request, "classify/_suggestions.html", context)
