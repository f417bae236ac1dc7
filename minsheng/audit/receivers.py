"""Login and logout exist only as django.contrib.auth signals, so the audit log listens to them.

This is record-keeping, not workflow: nothing else depends on these receivers having run.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AuditEntry
from .services import audit_record


@receiver(user_logged_in)
def _on_login(sender, request, user, **kwargs):
    audit_record(action=AuditEntry.Action.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def _on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditEntry.Action.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs):
    audit_record(
        action=AuditEntry.Action.LOGIN_FAILED,
        actor_label=str(credentials.get("username", ""))[:150],
        request=request,
    )
