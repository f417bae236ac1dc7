"""Handling: co-handling views reach the lead before it answers, the handling report is signed off by
the unit's leader before the reply goes, a changed draft needs signing again, and proposals on one
matter are handled together while each proposer gets an answer."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.notifications.models import Notification
from minsheng.proposals import services
from minsheng.proposals.models import Proposal, ProposalEvent, Reply


@pytest.fixture
def handled(submit, cppcc, city):
    proposal = submit()
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    services.proposal_assign(
        actor=cppcc.office, proposal=proposal, lead=city.housing, co_units=[city.yunzhong]
    )
    return proposal


def _draft(handler, proposal, **extra):
    fields = {
        "measures": [{"heading": "一、增设停车位。", "body": "年内新增公共停车位500个。"}],
        "grade": "A",
        "report": "已落实",
    }
    fields.update(extra)
    return services.proposal_reply_draft(actor=handler, proposal=proposal, **fields)


def test_the_lead_waits_for_the_co_handling_view(handled, city):
    _draft(city.housing_handler, handled)
    services.proposal_reply_sign(
        actor=city.housing_handler, proposal=handled, signed_by_name="王局长", signed_on=timezone.localdate()
    )
    with pytest.raises(ValidationError) as error:
        services.proposal_reply_send(actor=city.housing_handler, proposal=handled)
    assert "云中镇" in str(error.value)
    services.cohandling_view_send(
        actor=city.yunzhong_handler, proposal=handled, content="镇区可提供两处停车场用地"
    )
    assert Notification.objects.filter(recipient=city.housing_handler, subject__contains="会办意见").exists()
    with pytest.raises(ValidationError):
        services.cohandling_view_send(actor=city.yunzhong_handler, proposal=handled, content="再说一次")
    services.proposal_reply_send(actor=city.housing_handler, proposal=handled)
    handled.refresh_from_db()
    assert handled.status == Proposal.Status.REPLIED


def test_the_reply_is_not_sent_unsigned_and_a_changed_draft_is_signed_again(handled, city):
    services.cohandling_view_send(actor=city.yunzhong_handler, proposal=handled, content="同意")
    _draft(city.housing_handler, handled)
    with pytest.raises(ValidationError) as error:
        services.proposal_reply_send(actor=city.housing_handler, proposal=handled)
    assert "signed_by_name" in error.value.message_dict
    services.proposal_reply_sign(
        actor=city.housing_handler, proposal=handled, signed_by_name="王局长", signed_on=timezone.localdate()
    )
    _draft(city.housing_handler, handled, grade="B")
    reply = Reply.objects.get(proposal=handled)
    assert reply.grade == "B" and reply.signed_by_name == "" and reply.signed_on is None
    assert Reply.objects.filter(proposal=handled).count() == 1


def test_only_the_answering_units_write_replies_and_only_co_units_send_views(handled, city, cppcc):
    with pytest.raises(PermissionDenied):
        _draft(city.yunzhong_handler, handled)
    with pytest.raises(PermissionDenied):
        _draft(city.jinshatan_handler, handled)
    with pytest.raises(PermissionDenied):
        _draft(cppcc.office, handled)
    with pytest.raises(PermissionDenied):
        services.cohandling_view_send(
            actor=city.housing_handler, proposal=handled, content="主办不提会办意见"
        )
    assert not Reply.objects.exists()


def test_contacts_are_recorded_with_date_way_and_content(handled, city):
    today = timezone.localdate()
    services.proposal_contact_record(
        actor=city.housing_handler, proposal=handled, contacted_on=today, way="phone", content="电话了解诉求"
    )
    contact = handled.contacts.get()
    assert (contact.unit, contact.way, contact.content) == (city.housing, "phone", "电话了解诉求")
    for fields in (
        {"contacted_on": today + dt.timedelta(days=1), "way": "phone", "content": "明天"},
        {"contacted_on": today, "way": "pigeon", "content": "飞鸽传书"},
        {"contacted_on": today, "way": "phone", "content": ""},
        {"contacted_on": today, "way": "phone", "content": "长" * 2001},
    ):
        with pytest.raises(ValidationError):
            services.proposal_contact_record(actor=city.housing_handler, proposal=handled, **fields)
    assert handled.contacts.count() == 1
    assert handled.events.filter(kind=ProposalEvent.Kind.CONTACT).count() == 1


def test_proposals_on_one_matter_are_handled_together_and_each_proposer_is_answered(submit, cppcc, city):
    first = submit(actor=cppcc.wang, title="关于规范城区停车秩序的建议")
    second = submit(actor=cppcc.li, title="关于缓解城区停车难的建议")
    for proposal in (first, second):
        services.proposal_admit(actor=cppcc.office, proposal=proposal)
    group = services.proposals_join(actor=cppcc.office, proposals=[first, second], title="城区停车问题")
    for proposal in (first, second):
        services.proposal_assign(actor=cppcc.office, proposal=proposal, lead=city.housing)
        _draft(city.housing_handler, proposal)
        services.proposal_reply_sign(
            actor=city.housing_handler,
            proposal=proposal,
            signed_by_name="王局长",
            signed_on=timezone.localdate(),
        )
        services.proposal_reply_send(actor=city.housing_handler, proposal=proposal)
        proposal.refresh_from_db()
        assert proposal.joint_handling == group
        assert proposal.status == Proposal.Status.REPLIED
    addressees = set(Reply.objects.values_list("addressee", flat=True))
    assert addressees == {"王旭东委员：", "李梅委员："}
    with pytest.raises(ValidationError):
        services.proposals_join(actor=cppcc.office, proposals=[first], title="一件")
