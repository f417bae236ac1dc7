"""A handling unit's pages: assigned proposals, objection, contacts, co-handling view, reply, sign-off."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.proposals import services
from minsheng.proposals.models import Proposal

from .conftest import TITLE_67

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned_67(city, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    services.proposal_assign(
        actor=cppcc.office, proposal=proposal_67, lead=city.bureau, co_units=[city.housing]
    )
    proposal_67.refresh_from_db()
    return proposal_67


REPLY = {
    "addressee": "王旭东委员：",
    "acknowledgement": f"您提出的《{TITLE_67}》提案收悉，现回复如下：",
    "opening": "近年来，在市委、市政府的高度重视和正确领导下，我局一手抓信访突出问题解决。",
    "measures": "一、严格落实领导干部接访制度，实现信访工作重心下移。\n今年上半年召开联席专题会议11次。\n\n"
    "二、推行法律工作者参与信访工作机制。\n免费法律咨询约300人次。",
    "closing": "",
    "unit_name": "怀仁市信访局",
    "grade": "A",
    "report": "逐项研究落实。",
}


def test_the_unit_lists_its_assigned_proposals(client, cppcc, assigned_67):
    client.force_login(cppcc.bureau_handler)
    assert TITLE_67 in client.get(reverse("proposals:unit_list")).content.decode()


def test_another_unit_neither_lists_nor_opens_it(client, city, assigned_67):
    client.force_login(city.jinshatan_handler)
    assert TITLE_67 not in client.get(reverse("proposals:unit_list")).content.decode()
    assert client.get(reverse("proposals:detail", args=[assigned_67.pk])).status_code == 404


def test_the_unit_objects_within_the_window_with_a_reason(client, city, assigned_67):
    client.force_login(city.housing_handler)
    url = reverse("proposals:object", args=[assigned_67.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 422 and "异议理由" in response.content.decode()
    response = client.post(url, {"reason": "本局不负责信访工作"})
    assert response.status_code == 302
    co = assigned_67.assignments.get(unit=city.housing)
    assert co.withdrawn_at is not None and co.objection_reason == "本局不负责信访工作"


def test_the_lead_records_a_contact_and_the_co_handling_unit_sends_its_view(client, city, cppcc, assigned_67):
    client.force_login(cppcc.bureau_handler)
    response = client.post(
        reverse("proposals:contact", args=[assigned_67.pk]),
        {"contacted_on": timezone.localdate(), "way": "meeting", "content": "与王旭东委员座谈"},
    )
    assert response.status_code == 302 and assigned_67.contacts.get().content == "与王旭东委员座谈"
    client.force_login(city.housing_handler)
    page = client.get(reverse("proposals:detail", args=[assigned_67.pk])).content.decode()
    assert 'id="cohandling-form"' in page and 'id="reply-form"' not in page
    response = client.post(reverse("proposals:cohandling", args=[assigned_67.pk]), {"content": "住建局意见"})
    assert response.status_code == 302


def test_a_contact_in_the_future_is_refused(client, cppcc, assigned_67):
    client.force_login(cppcc.bureau_handler)
    response = client.post(
        reverse("proposals:contact", args=[assigned_67.pk]),
        {
            "contacted_on": timezone.localdate() + dt.timedelta(days=3),
            "way": "phone",
            "content": "电话",
        },
    )
    assert response.status_code == 422 and not assigned_67.contacts.exists()


def test_the_lead_drafts_signs_and_sends_the_reply(client, city, cppcc, assigned_67):
    services.cohandling_view_send(
        actor=city.housing_handler, proposal=assigned_67, content="同意主办单位意见"
    )
    client.force_login(cppcc.bureau_handler)
    response = client.post(
        reverse("proposals:reply", args=[assigned_67.pk]), {**REPLY, "reply_on": timezone.localdate()}
    )
    assert response.status_code == 302
    reply = assigned_67.replies.get()
    assert reply.measures[0] == {
        "heading": "一、严格落实领导干部接访制度，实现信访工作重心下移。",
        "body": "今年上半年召开联席专题会议11次。",
    }
    page = client.get(reverse("proposals:detail", args=[assigned_67.pk])).content.decode()
    assert 'id="sign-form"' in page and 'id="send-form"' not in page
    response = client.post(
        reverse("proposals:sign", args=[assigned_67.pk]),
        {"signed_by_name": "刘局长", "signed_on": timezone.localdate()},
    )
    assert response.status_code == 302
    response = client.post(reverse("proposals:send", args=[assigned_67.pk]))
    assert response.status_code == 302
    assigned_67.refresh_from_db()
    assert assigned_67.status == Proposal.Status.REPLIED and assigned_67.grade == "A"


def test_a_reply_without_grade_or_report_is_refused_in_place(client, cppcc, assigned_67):
    client.force_login(cppcc.bureau_handler)
    response = client.post(
        reverse("proposals:reply", args=[assigned_67.pk]), {**REPLY, "grade": "", "report": ""}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "答复类别" in page and 'id="reply-form"' in page
    assert not assigned_67.replies.exists()


def test_sending_before_the_leader_signs_is_refused(client, cppcc, assigned_67):
    client.force_login(cppcc.bureau_handler)
    client.post(reverse("proposals:reply", args=[assigned_67.pk]), REPLY)
    response = client.post(reverse("proposals:send", args=[assigned_67.pk]))
    assert response.status_code == 422 and 'class="errorlist"' in response.content.decode()
    assigned_67.refresh_from_db()
    assert assigned_67.status == Proposal.Status.ASSIGNED
