from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .selectors import api_tokens_of
from .services import api_token_create, api_token_revoke


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def api_tokens(request):
    new_token = None
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()
        if not name:
            messages.error(request, _("请填写令牌用途"))
        else:
            _token, new_token = api_token_create(user=request.user, name=name, request=request)
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "tokens": api_tokens_of(user=request.user),
            "new_token": new_token,
        },
    )


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    token = api_tokens_of(user=request.user).filter(pk=pk).first()
    if token is None:
        raise Http404
    api_token_revoke(user=request.user, token=token, request=request)
    messages.success(request, _("令牌已吊销"))
    return redirect("accounts:api_tokens")
