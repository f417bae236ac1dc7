"""The REST API: one NinjaAPI, one router per app, the same services as the web pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from minsheng.accounts.api import router as accounts_router
from minsheng.accounts.services import api_token_authenticate
from minsheng.petitions.api import router as petitions_router


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = api_token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="民声 Minsheng API",
    version="1",
    description="信访事项登记、查询与办理记录。认证：`Authorization: Bearer <令牌>`，令牌在“API 令牌”页面创建。",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)
api.add_router("/v1/", accounts_router)
api.add_router("/v1/", petitions_router)


@api.exception_handler(ValidationError)
def _validation_error(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "提交的数据有误", "errors": errors}, status=422)


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "无权执行此操作"}, status=403)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "找不到该对象，或您无权查看"}, status=404)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, {"detail": "未登录或令牌无效"}, status=401)
