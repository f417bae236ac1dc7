"""Test-only URLs: the project's pages plus a stand-in API carrying the policies router, used until the
router is mounted in minsheng/api.py (see test_api.py)."""

from django.urls import path
from ninja import NinjaAPI
from ninja.security import django_auth

from minsheng.policies.api import router
from minsheng.urls import urlpatterns as project_urlpatterns

# Authenticated by default like the project API, so the endpoint must open itself with auth=None.
api = NinjaAPI(urls_namespace="policies_test_api", docs_url=None, auth=django_auth)
api.add_router("/", router)

urlpatterns = [path("policies-api-test/", api.urls), *project_urlpatterns]
