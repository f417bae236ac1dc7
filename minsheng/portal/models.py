"""What the public portal keeps: the petitioner's key to their matter, and counters that slow down abuse."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.petitions.models import Matter, Submission


class OnlineAccess(models.Model):
    """The query code and password a petitioner got when submitting online (网上信访查询码).

    Only a hash of the password is kept (Django's password hashers), so not even the staff can read it;
    a lost password means a new submission or a visit, as with a lost receipt."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="online_accesses")
    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="online_access")
    query_code = models.CharField(_("查询码"), max_length=16, unique=True)
    password_hash = models.CharField(max_length=200)
    created_at = models.DateTimeField(_("发放时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近查询时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("网上信访查询码")
        verbose_name_plural = _("网上信访查询码")

    def __str__(self):
        # Never the code itself: it is a credential.
        return f"{self.matter_id}"


class Throttle(models.Model):
    """A counter for one client or identity in one scope (e.g. failed queries from one IP address).

    The key is a keyed hash, so the table never holds an IP address, ID number, phone or code. Kept in
    the database so every worker process sees the same counts."""

    scope = models.CharField(max_length=30)
    key_hash = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key_hash"], name="portal_throttle_unique")]

    def __str__(self):
        return f"{self.scope} {self.count}"
