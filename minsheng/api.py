"""The REST API: one NinjaAPI, one router per app, the same services as the web pages."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from ninja.security import HttpBearer, django_auth

from minsheng.accounts.api import router as accounts_router
from minsheng.accounts.services import api_token_authenticate
from minsheng.classify.api import router as classify_router
from minsheng.petitions.api import router as petitions_router
from minsheng.petitions.api_workflow import router as workflow_router
from minsheng.similarity.api import router as similarity_router


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = api_token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


class LocalTimeEncoder(NinjaJSONEncoder):
    """Times in the bureau's zone (+08:00), as people read them, rather than in UTC."""

    def default(self, o):
        if isinstance(o, datetime.datetime) and timezone.is_aware(o):
            o = timezone.localtime(o)
        return super().default(o)


class ReadableJSONRenderer(JSONRenderer):
    # Chinese text as UTF-8, not \uXXXX escapes: readable in logs and by people testing with curl.
    encoder_class = LocalTimeEncoder
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=ReadableJSONRenderer(),
    title="民声 Minsheng API",
    version="1",
    description=(
        "信访事项登记、查询与办理记录。认证：`Authorization: Bearer <令牌>`，令牌在“API 令牌”页面创建。"
    ),
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)
api.add_router("/v1/", accounts_router)
api.add_router("/v1/", petitions_router)
api.add_router("/v1/", workflow_router)
api.add_router("/v1/", similarity_router)
api.add_router("/v1/", classify_router)
api.add_router("/v1/", "minsheng.hotissues.api.router")
api.add_router("/v1/", "minsheng.reception.api.router")
api.add_router("/v1/", "minsheng.instructions.api.router")
api.add_router("/v1/", "minsheng.meetings.api.router")
api.add_router("/v1/", "minsheng.supervision.api.router")
api.add_router("/v1/", "minsheng.legal.api.router")
api.add_router("/v1/", "minsheng.outreach.api.router")
api.add_router("/v1/", "minsheng.reports.api.router")
api.add_router("/v1/", "minsheng.proposals.api.router")
api.add_router("/v1/", "minsheng.proposals.api_stats.router")
api.add_router("/v1/", "minsheng.policies.api.router")


@api.exception_handler(ValidationError)
def _validation_error(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "提交的数据有误", "errors": errors}, status=422)


_SCHEMA_MESSAGES = {
    "missing": "此项为必填",
    "string_too_long": "不能超过 {max_length} 个字",
    "string_too_short": "不能少于 {min_length} 个字",
    "too_long": "最多 {max_length} 项",
    "greater_than_equal": "不能小于 {ge}",
    "less_than_equal": "不能大于 {le}",
    "enum": "取值无效，可选：{expected}",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文本",
    "list_type": "应为列表",
    "datetime_from_date_parsing": "时间格式不正确，例如 2026-11-26T09:30:00+08:00",
    "datetime_parsing": "时间格式不正确，例如 2026-11-26T09:30:00+08:00",
    "datetime_type": "时间格式不正确，例如 2026-11-26T09:30:00+08:00",
    "date_from_datetime_parsing": "日期格式不正确，例如 2026-11-26",
    "date_parsing": "日期格式不正确，例如 2026-11-26",
    "json_invalid": "请求体不是有效的 JSON",
}
# Location prefixes ninja puts in front of a field: the parameter source and the parameter's name.
_LOCATION_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def _schema_error_field(loc) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in _LOCATION_SOURCES:
        parts = parts[2:] if len(parts) > 2 else parts[1:]
    return ".".join(parts) or "__all__"


@api.exception_handler(SchemaValidationError)
def _schema_validation_error(request, exc):
    """Ninja's own input validation, reported in the same shape and language as the services'."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        template = _SCHEMA_MESSAGES.get(error.get("type", ""), "")
        try:
            message = (
                template.format(**(error.get("ctx") or {})) if template else error.get("msg", "格式不正确")
            )
        except (KeyError, IndexError):
            message = error.get("msg", "格式不正确")
        errors.setdefault(_schema_error_field(error.get("loc", ())), []).append(message)
    return api.create_response(request, {"detail": "提交的数据有误", "errors": errors}, status=422)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    detail = str(exc)
    if detail.startswith("Cannot parse request body"):
        detail = "请求体不是有效的 JSON"
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "无权执行此操作"}, status=403)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "找不到该对象，或您无权查看"}, status=404)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, {"detail": "未登录或令牌无效"}, status=401)
