"""The public pages: anyone can read them without logging in; the guide follows the local settings."""

import pytest
from django.urls import reverse

from minsheng.policies.models import Faq

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["policies:library", "policies:guide", "policies:faq"])
def test_the_pages_render_for_anonymous_visitors_without_the_library_imported(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert 'name="viewport"' in response.content.decode()


def test_the_library_lists_documents_and_common_articles(client, regulation):
    html = client.get(reverse("policies:library")).content.decode()

    assert "《信访工作条例》" in html and "共 50 条" in html and "2022年5月1日起施行" in html
    assert reverse("policies:article", args=[regulation.pk, 31]) in html
    assert reverse("policies:document", args=[regulation.pk]) in html


def test_the_document_page_shows_every_article_by_chapter(client, regulation):
    html = client.get(reverse("policies:document", args=[regulation.pk])).content.decode()

    assert html.count('class="policy-article"') == 50
    assert "第六章 附则" in html and "中共中央、国务院" in html
    # 第三十四条 refers to 本条例第三十一条第六项: the reference links to that article.
    assert f'本条例<a href="{reverse("policies:article", args=[regulation.pk, 31])}">第三十一条</a>' in html


def test_an_article_has_a_permanent_page_with_previous_and_next(client, regulation):
    response = client.get(reverse("policies:article", args=[regulation.pk, 31]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>" in html and "第三十一条" in html and "行政复议" in html
    assert reverse("policies:article", args=[regulation.pk, 30]) in html
    assert reverse("policies:article", args=[regulation.pk, 32]) in html
    first = client.get(reverse("policies:article", args=[regulation.pk, 1])).content.decode()
    last = client.get(reverse("policies:article", args=[regulation.pk, 50])).content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_an_article_reached_from_a_search_keeps_the_words_marked(client, regulation):
    html = client.get(reverse("policies:article", args=[regulation.pk, 31]), {"q": "仲裁"}).content.decode()

    assert "<mark>仲裁</mark>" in html
    assert "返回“仲裁”的搜索结果" in html


def test_missing_documents_and_articles_are_404(client, regulation):
    assert client.get(reverse("policies:article", args=[regulation.pk, 51])).status_code == 404
    assert client.get(reverse("policies:article", args=[regulation.pk + 99, 1])).status_code == 404
    assert client.get(reverse("policies:document", args=[regulation.pk + 99])).status_code == 404


def test_the_guide_gives_channels_limits_and_links(client, regulation):
    html = client.get(reverse("policies:guide")).content.decode()

    assert reverse("portal:submit") in html and reverse("portal:track") in html
    assert reverse("reception:schedule") in html
    assert "<b>15 日</b>" in html and "<b>60 日</b>" in html and "<b>30 日</b>" in html
    for number in (17, 18, 19, 20, 26, 31, 35, 36, 47):
        assert reverse("policies:article", args=[regulation.pk, number]) in html
    assert "演示信息" in html  # no PETITION_BUREAU_CONTACT configured: the page says so


def test_the_guide_follows_changed_deadlines(client, settings):
    settings.DEADLINES = {
        **settings.DEADLINES,
        "accept_notice": (10, "working_days"),
        "handle_claim": (45, "calendar_days"),
        "extension_max": (20, "calendar_days"),
        "review_request": (25, "calendar_days"),
    }

    html = client.get(reverse("policies:guide")).content.decode()

    assert "<b>10 个工作日</b>" in html and "<b>45 日</b>" in html
    assert "<b>20 日</b>" in html and "<b>25 日</b>" in html
    assert "<b>15 日</b>" not in html and "<b>60 日</b>" not in html


def test_the_guide_shows_the_configured_bureau_contact(client, settings):
    settings.PETITION_BUREAU_CONTACT = {
        "phone": "0349-1234567",
        "visit_address": "示范路 8 号",
        "hours": "每天 9:00—17:00",
        "bus": "乘 3 路公交到市政府站",
    }

    html = client.get(reverse("policies:guide")).content.decode()

    assert "0349-1234567" in html and 'href="tel:03491234567"' in html
    assert "示范路 8 号" in html and "每天 9:00—17:00" in html and "乘 3 路公交" in html
    assert "演示信息" not in html


def test_without_the_regulation_the_guide_links_to_a_library_search(client):
    html = client.get(reverse("policies:guide")).content.decode()

    assert f'{reverse("policies:library")}?q=%E7%AC%AC%E4%B8%89%E5%8D%81%E4%B8%80%E6%9D%A1' in html


def test_the_faq_page_groups_published_questions_and_links_articles(client, regulation):
    Faq.objects.create(category="other", question="未公开的问题", answer="草稿", published=False)
    Faq.objects.create(category="other", question="<i>标记</i>？", answer="见第三十一条。<script>")

    html = client.get(reverse("policies:faq")).content.decode()

    assert "未公开的问题" not in html
    assert "&lt;i&gt;标记&lt;/i&gt;" in html and "<script>" not in html
    # The default FAQs of the data migration, in their categories' order.
    positions = [html.index(f'<h2 id="faq-{c}-h">') for c in ("submit", "handling", "review", "other")]
    assert positions == sorted(positions)
    assert "提交以后多久有回音？" in html
    assert f'<a href="{reverse("policies:article", args=[regulation.pk, 31])}">第三十一条</a>' in html


def test_the_default_faqs_come_with_the_migrations():
    assert Faq.objects.filter(published=True).count() >= 10
    assert set(Faq.objects.values_list("category", flat=True)) >= {"submit", "handling", "review", "legal"}
