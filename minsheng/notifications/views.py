from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services


@login_required
@require_GET
def notification_list(request):
    page = Paginator(
        selectors.notifications_in_app(user=request.user), settings.MATTER_LIST_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def notifications_read(request):
    count = services.notifications_mark_read(user=request.user)
    if count:
        messages.success(request, _("已将 %(count)d 条消息标为已读") % {"count": count})
    return redirect("notifications:list")
