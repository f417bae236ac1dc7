from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .api import api

admin.site.site_header = settings.ADMIN_SITE_HEADER
admin.site.site_title = settings.ADMIN_SITE_HEADER

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("minsheng.accounts.urls")),
    path("supervision/", include("minsheng.supervision.urls")),
    path("notifications/", include("minsheng.notifications.urls")),
    path("hot-issues/", include("minsheng.hotissues.urls")),
    path("similar/", include("minsheng.similarity.urls")),
    path("classify/", include("minsheng.classify.urls")),
    path("reception/", include("minsheng.reception.urls")),
    path("instructions/", include("minsheng.instructions.urls")),
    path("meetings/", include("minsheng.meetings.urls")),
    path("legal/", include("minsheng.legal.urls")),
    path("outreach/", include("minsheng.outreach.urls")),
    path("reports/", include("minsheng.reports.urls")),
    path("proposals/", include("minsheng.proposals.urls")),
    path("public/library/", include("minsheng.policies.urls")),
    path("public/", include("minsheng.portal.urls")),
    path("", include("minsheng.petitions.urls")),
]
