"""The reception pages: who sees them, forms with their errors in place, the matter page's box."""

import datetime as dt

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from minsheng.instructions.models import Instruction
from minsheng.reception.models import Kind, Outcome, ReceptionDay, ReceptionEntry, ReceptionSession
from minsheng.reception.selectors import matter_reception_box
from minsheng.reception.services import case_ownership_assign, reception_day_plan, reception_entry_register

from .helpers import VISIT, person


def login(client, user):
    client.force_login(user)
    return client


def test_the_rota_page_shows_the_month_and_offers_the_supervisor_the_generator(client, city, leaders):
    reception_day_plan(actor=city.supervisor, kind=Kind.CENTRE, leader=leaders.liu, date=timezone.localdate())

    html = login(client, city.supervisor).get(reverse("reception:rota")).content.decode()

    assert "刘振华" in html and "开始接访" in html
    assert "按月生成坐班接访排班" in html and 'name="order_' in html


def test_the_registrar_sees_the_rota_without_the_planning_forms(client, city, leaders):
    html = login(client, city.registrar).get(reverse("reception:rota")).content.decode()

    assert "按月生成坐班接访排班" not in html


def test_a_handler_may_not_open_the_reception_pages(client, city, leaders, today_session):
    client = login(client, city.yunzhong_handler)

    assert client.get(reverse("reception:rota")).status_code == 403
    assert client.get(reverse("reception:session_detail", args=[today_session.pk])).status_code == 403


def test_the_staff_pages_need_a_login(client, city):
    response = client.get(reverse("reception:rota"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_generating_from_the_page_reports_what_was_planned(client, city, leaders):
    today = timezone.localdate()
    month = f"{today:%Y-%m}"
    data = {"month": month, "place": "群众来访服务中心", "starts_at": "09:00", "ends_at": "17:00"}
    data[f"order_{leaders.wang.pk}"] = "1"
    data[f"order_{leaders.zhao.pk}"] = "2"

    response = login(client, city.supervisor).post(reverse("reception:rota_generate"), data, follow=True)

    html = response.content.decode()
    assert "已为" in html and "安排坐班接访" in html
    assert set(ReceptionDay.objects.values_list("leader", flat=True)) <= {leaders.wang.pk, leaders.zhao.pk}


def test_generating_a_past_month_shows_the_error_in_place(client, city, leaders):
    data = {"month": "2020-01", "place": "群众来访服务中心", f"order_{leaders.wang.pk}": "1"}

    response = login(client, city.supervisor).post(reverse("reception:rota_generate"), data)

    assert response.status_code == 422
    assert "不能为已经过去的月份排班" in response.content.decode()
    assert not ReceptionDay.objects.exists()


def test_a_field_visit_is_planned_from_the_page(client, city, leaders):
    date = timezone.localdate() + dt.timedelta(days=2)
    data = {
        "kind": "field_visit",
        "date": date.isoformat(),
        "leader": leaders.zhao.pk,
        "organisation": city.jinshatan.pk,
        "place": "金沙滩镇政府",
    }

    response = login(client, city.supervisor).post(reverse("reception:day_create"), data)

    assert response.status_code == 302
    day = ReceptionDay.objects.get()
    assert (day.kind, day.organisation, day.date) == (Kind.FIELD_VISIT, city.jinshatan, date)


def test_opening_todays_day_records_the_session_once(client, city, leaders):
    day = reception_day_plan(
        actor=city.supervisor, kind=Kind.CENTRE, leader=leaders.liu, date=timezone.localdate()
    )
    client = login(client, city.registrar)

    first = client.post(reverse("reception:session_open", args=[day.pk]))
    second = client.post(reverse("reception:session_open", args=[day.pk]))

    session = ReceptionSession.objects.get()
    assert first["Location"] == second["Location"] == reverse("reception:session_detail", args=[session.pk])


def test_the_session_page_registers_a_visitor_with_the_outcome(client, city, leaders, today_session):
    data = {
        "mode": "register",
        "name": "张秀英",
        "id_number": person().id_number,
        "phone": "13712345678",
        "head_count": "1",
        "outcome": "answered",
        "outcome_note": "已解释补偿政策",
        **VISIT,
    }

    response = login(client, city.registrar).post(
        reverse("reception:entry_add", args=[today_session.pk]), data, follow=True
    )

    html = response.content.decode()
    entry = ReceptionEntry.objects.get()
    assert entry.outcome == Outcome.ANSWERED
    assert entry.matter.number in html and "张秀英" in html and "现场答复" in html


def test_a_bad_registration_comes_back_with_the_errors_beside_the_fields(
    client, city, leaders, today_session
):
    data = {
        "mode": "register",
        "name": "张秀英",
        "id_number": "140624198001011234",
        "head_count": "1",
        "outcome": "instructed",
        "instruction_text": "",
        "title": "",
        "content": "内容",
    }

    response = login(client, city.registrar).post(
        reverse("reception:entry_add", args=[today_session.pk]), data
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "请填写标题" in html and "请填写批示内容" in html and "请选择至少一个承办单位" in html
    assert "身份证" in html
    assert 'value="张秀英"' in html
    assert not ReceptionEntry.objects.exists() and not Instruction.objects.exists()


def test_attaching_an_unknown_matter_number_says_so(client, city, leaders, today_session):
    data = {"mode": "attach", "attach_number": "怀信〔2026〕99999", "head_count": "1", "outcome": "answered"}

    response = login(client, city.registrar).post(
        reverse("reception:entry_add", args=[today_session.pk]), data
    )

    assert response.status_code == 422
    assert "找不到该信访事项，或您无权查看" in response.content.decode()


def test_a_session_outside_the_users_scope_is_not_found(client, city, leaders):
    from minsheng.reception.services import reception_session_record

    field = reception_session_record(
        actor=city.registrar,
        leader=leaders.wang,
        held_on=timezone.localdate(),
        kind=Kind.FIELD_VISIT,
        organisation=city.jinshatan,
        place="金沙滩镇政府",
    )

    response = login(client, city.yunzhong_registrar).get(
        reverse("reception:session_detail", args=[field.pk])
    )

    assert response.status_code == 404


def test_my_reception_lists_a_leaders_days_owned_matters_and_instructions(client, city, leaders, register):
    reception_day_plan(
        actor=city.supervisor,
        kind=Kind.CENTRE,
        leader=leaders.liu,
        date=timezone.localdate() + dt.timedelta(days=1),
    )
    matter = register().matter
    case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.liu)

    html = login(client, leaders.liu).get(reverse("reception:mine")).content.decode()

    assert "我的接访" in html and "坐班接访" in html and matter.number in html
    assert login(client, city.registrar).get(reverse("reception:mine")).status_code == 403


def test_the_matter_box_shows_the_owner_the_reception_and_offers_the_forms(city, leaders, today_session):
    entry = reception_entry_register(
        actor=city.registrar, session=today_session, petitioners=[person()], outcome=Outcome.SOLVED, **VISIT
    )
    request = RequestFactory().get("/")
    request.user = city.supervisor

    before = render_to_string(
        "reception/_matter_box.html",
        {"box": matter_reception_box(matter=entry.matter, user=city.supervisor)},
        request=request,
    )
    case_ownership_assign(actor=city.supervisor, matter=entry.matter, leader=leaders.wang)
    after = render_to_string(
        "reception/_matter_box.html",
        {"box": matter_reception_box(matter=entry.matter, user=city.supervisor)},
        request=request,
    )

    assert "指定包案领导" in before and "现场解决" in before and "刘振华" in before
    assert "王建华" in after and "解除包案" in after and 'name="leader"' not in after


def test_assigning_from_the_box_without_a_leader_shows_the_form_with_its_error(
    client, city, leaders, register
):
    matter = register().matter

    response = login(client, city.supervisor).post(
        reverse("reception:ownership_assign", args=[matter.pk]), {}
    )

    assert response.status_code == 422 and "这个字段是必填项" in response.content.decode()


def test_the_session_list_pages_and_filters(client, city, leaders, today_session, past_session):
    client = login(client, city.supervisor)

    html = client.get(reverse("reception:session_list")).content.decode()
    assert "共 2 次接访" in html
    html = client.get(
        reverse("reception:session_list"), {"held_from": timezone.localdate().isoformat()}
    ).content.decode()
    assert "共 1 次接访" in html


def test_a_unit_handling_the_matter_sees_the_reception_in_the_box_without_links(city, leaders, today_session):
    entry = reception_entry_register(
        actor=city.registrar,
        session=today_session,
        petitioners=[person()],
        outcome=Outcome.ANSWERED,
        concerned_org=city.yunzhong,
        **VISIT,
    )
    request = RequestFactory().get("/")
    request.user = city.yunzhong_handler

    box = matter_reception_box(matter=entry.matter, user=city.yunzhong_handler)
    html = render_to_string("reception/_matter_box.html", {"box": box}, request=request)

    assert "现场答复" in html and "刘振华" in html
    assert "/reception/sessions/" not in html and "指定包案领导" not in html
