"""FAQs and the library are edited in the Django admin, by administrators only."""

import pytest
from django.urls import reverse

from minsheng.policies.models import Faq, PolicyDocument

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_an_faq_that_then_appears_on_the_page(client, city):
    client.force_login(city.admin)

    response = client.post(
        reverse("admin:policies_faq_add"),
        {
            "category": "online",
            "question": "网上提交后能修改吗？",
            "answer": "不能修改，可以补充材料。",
            "order": 5,
            "published": "on",
        },
    )

    assert response.status_code == 302
    assert Faq.objects.filter(question="网上提交后能修改吗？").exists()
    assert "网上提交后能修改吗？" in client.get(reverse("policies:faq")).content.decode()


@pytest.mark.parametrize("who", ["registrar", "supervisor", "leader"])
def test_other_staff_cannot_see_or_edit_faqs_even_with_admin_access(client, city, who):
    user = getattr(city, who)
    user.is_staff = True
    user.save()
    client.force_login(user)
    faq = Faq.objects.first()

    assert client.get(reverse("admin:policies_faq_changelist")).status_code == 403
    response = client.post(
        reverse("admin:policies_faq_change", args=[faq.pk]),
        {"category": faq.category, "question": "改掉", "answer": "改掉", "order": 1},
    )
    assert response.status_code == 403
    assert client.post(reverse("admin:policies_faq_add"), {"question": "x", "answer": "y"}).status_code == 403
    assert Faq.objects.get(pk=faq.pk).question != "改掉"
    assert client.get(reverse("admin:policies_policydocument_changelist")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("admin:policies_faq_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_article_corrected_in_the_admin_is_found_by_search(client, city, small_regulation):
    client.force_login(city.admin)
    articles = list(small_regulation.articles.order_by("order"))
    data = {
        "title": small_regulation.title, "kind": "regulation", "is_current": "on",
        "articles-TOTAL_FORMS": len(articles), "articles-INITIAL_FORMS": len(articles),
        "articles-MIN_NUM_FORMS": 0, "articles-MAX_NUM_FORMS": 1000,
    }
    for index, article in enumerate(articles):
        text = article.text.replace("申请复查", "申请复查或者听证") if article.number == 4 else article.text
        data.update({
            f"articles-{index}-id": article.pk, f"articles-{index}-document": small_regulation.pk,
            f"articles-{index}-number": article.number, f"articles-{index}-label": article.label,
            f"articles-{index}-order": article.order, f"articles-{index}-chapter": article.chapter,
            f"articles-{index}-section": article.section, f"articles-{index}-text": text,
        })

    response = client.post(reverse("admin:policies_policydocument_change", args=[small_regulation.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get(reverse("policies:library"), {"q": "听证"}).content.decode()
    assert "共 1 条" in html and "第四条" in html
    assert PolicyDocument.objects.get().updated_by == city.admin
