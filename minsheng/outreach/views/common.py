from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .. import selectors
from ..models import Activity, Questionnaire
from ..permissions import can_record_outreach, can_see_outreach


def require_seeing(user) -> None:
    if not can_see_outreach(user):
        raise PermissionDenied(_("您的账号未设所属机构，不能查看信访宣传"))


def require_recording(user) -> None:
    if not can_record_outreach(user):
        raise PermissionDenied(_("只有信访局和乡镇（街道）、村（社区）的工作人员可以登记宣传活动"))


def activity_or_404(request, pk: int) -> Activity:
    try:
        return selectors.activity_get(user=request.user, pk=pk)
    except Activity.DoesNotExist as exc:
        raise Http404(_("找不到该宣传活动，或您无权查看")) from exc


def questionnaire_or_404(request, pk: int) -> Questionnaire:
    try:
        return selectors.questionnaire_get(user=request.user, pk=pk)
    except Questionnaire.DoesNotExist as exc:
        raise Http404(_("找不到该调查问卷，或您无权查看")) from exc


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
