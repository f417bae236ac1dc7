"""A legal opinion: facts, analysis, the route under Art 31 and its legal basis; on the matter's
timeline and in the box shown beside the reply form."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from minsheng.legal import selectors, services
from minsheng.legal.models import LegalEvent, LegalOpinion
from minsheng.petitions.models import MatterEvent

from .conftest import opinion_fields


def box_html(user, matter, **extra) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("legal/_matter_box.html", {"matter": matter, "request": request, **extra})


def test_declaration_then_an_opinion_with_its_route_and_basis_shows_on_the_matters_box(
    city, claim, firm, active
):
    opinion = services.legal_opinion_give(actor=firm.zhang, assignment=active, **opinion_fields())

    assert opinion.matter == claim and opinion.organisation == city.bureau
    assert opinion.get_route_display() == "诉讼、复议、检察或公安法律程序（第三十一条第一项）"
    event = MatterEvent.objects.get(matter=claim, kind=LegalEvent.LEGAL_OPINION)
    assert "建议：诉讼、复议、检察或公安法律程序（第三十一条第一项）" in event.note
    assert "依据：《中华人民共和国民法典》第二百四十三条" in event.note
    # The handler drafting the reply reads it beside the reply form.
    html = box_html(city.supervisor, claim, compact=True)
    assert "律师法律意见与调解" in html
    assert "第三十一条第一项" in html and "《中华人民共和国土地管理法》第四十八条" in html
    assert "出具处理意见前请参阅律师的法律意见" in html
    box = selectors.legal_box_for(user=city.supervisor, matter=claim)
    assert box["opinions"] == [opinion]


def test_route_six_keeps_the_matter_in_petition_handling(firm, active):
    opinion = services.legal_opinion_give(
        actor=firm.zhang, assignment=active, **opinion_fields(route="petition")
    )

    assert "第三十一条第六项" in opinion.get_route_display()


def test_no_opinion_before_the_declaration_or_after_a_conflict(city, firm, assigned):
    with pytest.raises(ValidationError) as caught:
        services.legal_opinion_give(actor=firm.zhang, assignment=assigned, **opinion_fields())
    assert "须先声明无利益冲突" in caught.value.messages[0]

    services.conflict_declaration_record(
        actor=firm.zhang, assignment=assigned, has_conflict=True, relation="亲属"
    )
    assigned.refresh_from_db()
    with pytest.raises(ValidationError):
        services.legal_opinion_give(actor=firm.zhang, assignment=assigned, **opinion_fields())
    assert LegalOpinion.objects.count() == 0


def test_another_lawyer_cannot_give_the_assigned_lawyers_opinion(city, firm, active):
    for actor in (firm.wang, city.supervisor):
        with pytest.raises(PermissionDenied):
            services.legal_opinion_give(actor=actor, assignment=active, **opinion_fields())


@pytest.mark.parametrize(
    ("fields", "key", "message"),
    [
        ({"facts": "  "}, "facts", "请填写律师了解的事实"),
        ({"analysis": ""}, "analysis", "请填写法律分析"),
        ({"basis": ""}, "basis", "请填写法律依据"),
        ({"route": "mediation"}, "route", "请选择第三十一条规定的处理途径"),
        ({"route": ""}, "route", "请选择第三十一条规定的处理途径"),
        ({"analysis": "析" * 20001}, "analysis", "法律分析不能超过 20000 个字"),
        (
            {"given_on": timezone.localdate() + dt.timedelta(days=1)},
            "given_on",
            "出具日期不能晚于今天",
        ),
        (
            {"given_on": timezone.localdate() - dt.timedelta(days=30)},
            "given_on",
            "出具日期不能早于利益冲突声明的日期",
        ),
    ],
)
def test_it_refuses_bad_input_and_records_nothing(claim, firm, active, fields, key, message):
    with pytest.raises(ValidationError) as caught:
        services.legal_opinion_give(actor=firm.zhang, assignment=active, **opinion_fields(**fields))

    assert caught.value.message_dict[key] == [message]
    assert LegalOpinion.objects.count() == 0
    assert not MatterEvent.objects.filter(matter=claim, kind=LegalEvent.LEGAL_OPINION).exists()


def test_the_township_handler_drafting_the_reply_reads_the_opinion(city, claim, firm, active):
    from minsheng.petitions import services as petition_services

    services.legal_opinion_give(actor=firm.zhang, assignment=active, **opinion_fields(route="administrative"))
    petition_services.matter_route(actor=city.supervisor, matter=claim, kind="transfer", to_org=city.yunzhong)
    matter = petition_services.matter_accept(actor=city.yunzhong_handler, matter=claim)

    html = box_html(city.yunzhong_handler, matter, compact=True)

    assert "第三十一条第四项" in html and "《中华人民共和国民法典》第二百四十三条" in html
    assert "指派律师" not in html
    assert "律师法律意见与调解" not in box_html(city.jinshatan_handler, matter)
