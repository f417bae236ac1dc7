from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .forms import OutboxFilterForm
from .models import Notification


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


def _require_outbox(user):
    if not selectors.sees_outbox(user):
        raise PermissionDenied(_("只有督办员或管理员可以查看消息发送记录"))


@login_required
@require_GET
def outbox(request):
    _require_outbox(request.user)
    form = OutboxFilterForm(request.GET or None)
    page = Paginator(
        selectors.outbox_list(user=request.user, filters=form.filters()), settings.MATTER_LIST_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "notifications/outbox.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "failed_count": selectors.outbox_failed_count(user=request.user),
            "max_attempts": services.max_attempts(),
        },
    )


@login_required
@require_POST
def outbox_resend(request, pk: int):
    _require_outbox(request.user)
    notification = get_object_or_404(selectors.outbox_visible_to(user=request.user), pk=pk)
    try:
        result = services.notification_resend(actor=request.user, notification=notification, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if result.status == Notification.Status.SENT:
            messages.success(request, _("消息 #%(pk)d 已重新发送") % {"pk": pk})
        else:
            text = _("消息 #%(pk)d 重新发送仍然失败：%(error)s")
            messages.error(request, text % {"pk": pk, "error": result.last_error_shown})
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("notifications:outbox")
