from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .permissions import can_close_supervision, can_see_supervision


@login_required
@require_GET
def item_list(request):
    if not can_see_supervision(request.user):
        raise PermissionDenied(_("只有督办员、领导或管理员可以查看督办事项"))
    page = Paginator(
        selectors.supervision_items_open(user=request.user), settings.MATTER_LIST_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [(item, selectors.days_overdue(item, today)) for item in page]
    return render(
        request,
        "supervision/item_list.html",
        {"page": page, "rows": rows, "can_close": can_close_supervision(request.user)},
    )


@login_required
@require_POST
def item_close(request, pk: int):
    item = selectors.supervision_items_open(user=request.user).filter(pk=pk).first()
    if item is None:
        raise Http404(_("找不到该督办事项，或它已办结"))
    try:
        services.supervision_item_close(actor=request.user, item=item, note=request.POST.get("note", ""))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("已办结督办事项：%(number)s") % {"number": item.matter.number})
    return redirect("supervision:item_list")
