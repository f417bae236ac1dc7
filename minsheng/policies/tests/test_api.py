"""GET /api/v1/policies/articles?q= — public, read-only."""

import pytest
from django.urls import Resolver404, resolve

pytestmark = pytest.mark.django_db
URL = "/api/v1/policies/articles"


@pytest.fixture
def api_url(settings):
    """The project's API once the router is mounted in minsheng/api.py; until then a stand-in API
    with the same router, so the behaviour is tested either way (test_it_is_mounted says which)."""
    try:
        resolve(URL)
        return URL
    except Resolver404:
        settings.ROOT_URLCONF = "minsheng.policies.tests.api_urls"
        return "/policies-api-test/policies/articles"


def test_it_is_mounted_in_the_project_api():
    try:
        resolve(URL)
    except Resolver404:
        pytest.fail('add api.add_router("/v1/", "minsheng.policies.api.router") to minsheng/api.py')


def test_it_searches_without_login_and_puts_the_asked_article_first(client, regulation, api_url):
    response = client.get(api_url, {"q": "第三十一条"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3 and body["page"] == 1 and body["pages"] == 1
    first = body["results"][0]
    assert (first["number"], first["label"], first["document_title"]) == (31, "第三十一条", "信访工作条例")
    assert first["chapter"] == "第四章 信访事项的办理"
    assert first["url"].endswith(f"/public/library/{regulation.pk}/articles/31/")
    assert "仲裁" in first["text"]


def test_it_marks_hits_in_an_escaped_excerpt(client, small_regulation, api_url):
    body = client.get(api_url, {"q": "信访"}).json()

    assert body["results"][0]["excerpt_html"].startswith("为了规范&lt;b&gt;<mark>信访</mark>")


def test_it_pages_and_answers_bad_queries_calmly(client, regulation, api_url):
    body = client.get(api_url, {"q": "信访", "page": 2}).json()
    assert body["page"] == 2 and len(body["results"]) == 20 and body["count"] > 40

    for q in ["", "x" * 10_000, "' OR 1=1 --", "\x00"]:
        response = client.get(api_url, {"q": q})
        assert response.status_code == 200
        assert response.json()["count"] == 0 or q == "x" * 10_000
    assert client.get(api_url, {"q": "信访", "page": 999}).json()["page"] == body["pages"]
    assert client.get(api_url, {"q": "信访", "page": "abc"}).status_code in (400, 422)


def test_it_is_read_only(client, api_url):
    assert client.post(api_url, {"q": "信访"}).status_code == 405
