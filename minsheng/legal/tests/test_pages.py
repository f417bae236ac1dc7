"""The lawyers' pages: who may open them, forms that show their errors in place, paginated lists."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.legal import services
from minsheng.legal.models import Consultation, DutyShift, LawyerAssignment, LegalOpinion

from .conftest import opinion_fields


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "name", ["legal:index", "legal:roster", "legal:assignment_list", "legal:consultation_list"]
)
def test_every_page_opens_for_the_supervisor_and_the_lawyer(client, city, firm, name):
    for user in (city.supervisor, firm.zhang):
        assert logged_in(client, user).get(reverse(name)).status_code == 200


def test_a_member_of_the_cppcc_is_turned_away(client, city):
    from minsheng.accounts.models import Role
    from minsheng.accounts.services import user_create

    member = user_create(
        username="weiyuan",
        password="Minsheng@2026",
        full_name="委员",
        role=Role.MEMBER,
        organisation=city.root,
    )

    assert logged_in(client, member).get(reverse("legal:index")).status_code == 403


def test_the_roster_page_plans_a_month_and_marks_rest_days(client, city, firm):
    start = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    month = f"{start:%Y-%m}"
    client = logged_in(client, city.supervisor)

    response = client.post(
        f"{reverse('legal:roster_plan')}?month={month}",
        {
            "month": month,
            "lawyers": [firm.zhang.pk, firm.wang.pk],
            "start_with": firm.wang.pk,
            "session": "full_day",
            "place": "群众来访服务中心",
        },
    )

    assert response.status_code == 302
    first = DutyShift.objects.order_by("day").first()
    assert first.lawyer == firm.wang
    html = client.get(response.url).content.decode()
    assert "王芳律师" in html and "张明律师" in html and "休息日" in html
    assert html.count('class="legal-shift"') == DutyShift.objects.count()


def test_a_plan_without_lawyers_shows_the_error_beside_the_field(client, city):
    response = logged_in(client, city.supervisor).post(
        reverse("legal:roster_plan"), {"month": "2099-03", "session": "full_day", "place": "中心"}
    )

    assert response.status_code == 422
    assert (
        "这个字段是必填项" in response.content.decode()
        or "This field is required" in response.content.decode()
    )
    assert DutyShift.objects.count() == 0


def test_a_lawyer_sees_no_planning_forms(client, firm):
    html = logged_in(client, firm.zhang).get(reverse("legal:roster")).content.decode()

    assert "按月轮流排班" not in html and "单日安排" not in html


def test_the_supervisor_assigns_from_the_list_by_matter_number(client, city, claim, firm):
    response = logged_in(client, city.supervisor).post(
        reverse("legal:assignment_create"), {"number": claim.number, "lawyer": firm.zhang.pk, "request": ""}
    )

    assignment = LawyerAssignment.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "legal:assignment_detail", args=[assignment.pk]
    )


def test_an_unknown_matter_number_is_shown_in_place(client, city, firm):
    response = logged_in(client, city.supervisor).post(
        reverse("legal:assignment_create"), {"number": "怀信〔2026〕99999", "lawyer": firm.zhang.pk}
    )

    assert response.status_code == 422
    assert "找不到事项 怀信〔2026〕99999，或您无权查看" in response.content.decode()


def test_assigning_from_the_matter_box_returns_to_the_matter(client, city, claim, firm):
    matter_url = reverse("petitions:matter_detail", args=[claim.pk])

    response = logged_in(client, city.supervisor).post(
        reverse("legal:assignment_create"),
        {"number": claim.number, "lawyer": firm.zhang.pk, "next": matter_url},
    )

    assert response.status_code == 302 and response.url == matter_url
    again = client.post(
        reverse("legal:assignment_create"),
        {"number": claim.number, "lawyer": firm.zhang.pk, "next": matter_url},
    )
    assert again.url == matter_url
    assert LawyerAssignment.objects.count() == 1


def test_the_lawyer_declares_and_gives_an_opinion_through_the_pages(client, claim, firm, assigned):
    client = logged_in(client, firm.zhang)
    refused = client.post(reverse("legal:declare", args=[assigned.pk]), {"has_conflict": "no"})
    assert refused.status_code == 422 and "请阅读并勾选确认无利益冲突的声明" in refused.content.decode()

    client.post(reverse("legal:declare", args=[assigned.pk]), {"has_conflict": "no", "confirmed": "on"})
    fields = opinion_fields()
    fields["given_on"] = fields["given_on"].isoformat()
    empty = client.post(reverse("legal:opinion_create", args=[assigned.pk]), {**fields, "route": "nowhere"})
    assert empty.status_code == 422 and LegalOpinion.objects.count() == 0
    done = client.post(reverse("legal:opinion_create", args=[assigned.pk]), fields)

    opinion = LegalOpinion.objects.get()
    assert done.url == reverse("legal:opinion_detail", args=[opinion.pk])
    html = client.get(done.url).content.decode()
    assert "第三十一条第一项" in html and "法律分析" in html


def test_the_lawyer_declares_a_conflict_through_the_page(client, city, firm, assigned):
    response = logged_in(client, firm.zhang).post(
        reverse("legal:declare", args=[assigned.pk]),
        {"has_conflict": "yes", "relation": "本人是信访人的表弟"},
    )

    assigned.refresh_from_db()
    assert response.status_code == 302 and assigned.status == "conflict"
    html = client.get(reverse("legal:assignment_detail", args=[assigned.pk])).content.decode()
    assert "利益冲突，已回避" in html and "出具法律意见" not in html


def test_the_lawyer_records_a_mediation_through_the_page(client, claim, firm, active):
    response = logged_in(client, firm.zhang).post(
        reverse("legal:mediation_create", args=[active.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "place": "调解室",
            "parties": "李桂兰；东关村委会",
            "lawyers": [firm.zhang.pk],
            "outcome": "agreed",
            "result": "月底前发放补偿款",
        },
    )
    assert response.status_code == 422
    assert "调解须经争议双方当事人同意（第三十三条），请确认" in response.content.decode()

    response = client.post(
        reverse("legal:mediation_create", args=[active.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "place": "调解室",
            "parties": "李桂兰；东关村委会",
            "lawyers": [firm.zhang.pk],
            "outcome": "agreed",
            "result": "月底前发放补偿款",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    assert "月底前发放补偿款" in client.get(response.url).content.decode()


def test_the_quick_entry_keeps_date_lawyer_and_place_for_the_next_one(client, city, firm):
    client = logged_in(client, city.registrar)
    day = timezone.localdate() - dt.timedelta(days=1)

    response = client.post(
        reverse("legal:consultation_list"),
        {
            "consulted_on": day.isoformat(),
            "lawyer": firm.wang.pk,
            "organisation": city.bureau.pk,
            "topic": "marriage",
            "question": "离婚后孩子抚养费怎么算？",
            "advice": "一般按月收入的百分之二十至三十给付。",
        },
    )

    assert response.status_code == 302
    assert Consultation.objects.get().person_name == ""
    html = client.get(reverse("legal:consultation_list")).content.decode()
    assert f'value="{day:%Y-%m-%d}"' in html
    assert f'<option value="{firm.wang.pk}" selected>' in html
    assert "匿名" in html and "婚姻家庭与继承 1" in html


def test_a_bad_entry_shows_the_errors_in_place_and_saves_nothing(client, city, firm):
    response = logged_in(client, city.registrar).post(
        reverse("legal:consultation_list"),
        {
            "consulted_on": timezone.localdate().isoformat(),
            "lawyer": firm.wang.pk,
            "organisation": city.bureau.pk,
            "topic": "labour",
            "question": "工资",
            "advice": "仲裁",
            "phone": "123",
        },
    )

    assert response.status_code == 422
    assert "电话号码格式不正确" in response.content.decode()
    assert Consultation.objects.count() == 0


def test_the_consultation_list_is_paginated_and_filtered(client, city, firm):
    Consultation.objects.bulk_create(
        Consultation(
            consulted_on=timezone.localdate(),
            organisation=city.bureau,
            lawyer=firm.zhang,
            topic="labour" if i % 2 else "land",
            question=f"问题 {i}",
            advice="解答",
        )
        for i in range(30)
    )
    client = logged_in(client, city.supervisor)

    first = client.get(reverse("legal:consultation_list")).content.decode()
    second = client.get(reverse("legal:consultation_list"), {"page": 2}).content.decode()
    labour = client.get(reverse("legal:consultation_list"), {"topic": "labour"}).content.decode()

    assert "共 30 人次" in first and "第 1 / 2 页" in first
    assert len(re.findall(r'href="/legal/consultations/\d+/"', first)) == 25
    assert len(re.findall(r'href="/legal/consultations/\d+/"', second)) == 5
    assert "共 15 人次" in labour


def test_the_phone_is_revealed_on_request(client, city, firm):
    consultation = services.consultation_record(
        actor=firm.zhang,
        consulted_on=timezone.localdate(),
        topic="tort",
        question="被狗咬了",
        advice="可要求饲养人赔偿",
        phone_number="13912345678",
    )
    client = logged_in(client, city.registrar)

    masked = client.get(reverse("legal:consultation_detail", args=[consultation.pk])).content.decode()
    full = client.post(reverse("legal:consultation_phone", args=[consultation.pk])).content.decode()

    assert "139****5678" in masked and "13912345678" not in masked
    assert "13912345678" in full


def test_the_overview_lists_the_lawyers_pending_declarations(client, claim, firm, assigned):
    html = logged_in(client, firm.zhang).get(reverse("legal:index")).content.decode()

    assert reverse("legal:assignment_detail", args=[assigned.pk]) in html
    assert "请先作出利益冲突声明" in html


def test_the_matter_page_box_offers_assignment_to_the_supervisor(client, city, claim, firm, active):
    services.legal_opinion_give(actor=firm.zhang, assignment=active, **opinion_fields())
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = city.supervisor
    html = Template('{% include "legal/_matter_box.html" %}').render(
        Context({"matter": claim, "request": request})
    )

    assert "指派律师" in html and "张明律师" in html and "参与中" in html
    assert "查看全文（事实与分析）" in html
