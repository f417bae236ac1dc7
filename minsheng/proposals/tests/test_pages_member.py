"""A member's pages: writing a proposal, earlier proposals on the subject, co-signing, rating."""

import pytest
from django.urls import reverse

from minsheng.proposals import services
from minsheng.proposals.models import Cosigner, Proposal

from .conftest import REASON_67, SUGGESTIONS_67, TITLE_67

pytestmark = pytest.mark.django_db

FORM = {
    "title": "关于加强农村饮水安全的建议",
    "proposer_unit_post": "金沙滩镇卫生院院长",
    "phone": "13800001111",
    "address": "金沙滩镇卫生院",
    "desired_departments": "水务局",
    "reason": "部分山区村饮水水质不达标，供水设施老化。",
    "suggestions": "（一）加快农村供水管网改造。\n（二）定期检测农村饮用水水质。",
}


def test_a_member_submits_a_proposal_from_the_page(client, cppcc):
    client.force_login(cppcc.li)
    response = client.post(reverse("proposals:submit"), FORM)
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "proposals:detail", args=[proposal.pk]
    )
    assert (proposal.proposer, proposal.status, proposal.phone) == (
        cppcc.li,
        Proposal.Status.SUBMITTED,
        "13800001111",
    )
    page = client.get(reverse("proposals:mine")).content.decode()
    assert FORM["title"] in page


def test_a_proposal_without_title_or_suggestions_is_refused_in_place(client, cppcc):
    client.force_login(cppcc.li)
    response = client.post(reverse("proposals:submit"), {**FORM, "title": "", "suggestions": "   "})
    assert response.status_code == 422
    page = response.content.decode()
    assert "请按提示修改后再提交" in page and page.count('class="errorlist"') >= 2
    assert not Proposal.objects.exists()


def test_a_wrong_phone_number_gets_a_chinese_message(client, cppcc):
    client.force_login(cppcc.li)
    response = client.post(reverse("proposals:submit"), {**FORM, "phone": "12345"})
    assert response.status_code == 422
    assert "电话号码格式不正确" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_huge_title_is_refused(client, cppcc):
    client.force_login(cppcc.li)
    response = client.post(reverse("proposals:submit"), {**FORM, "title": "长" * 5000})
    assert response.status_code == 422 and not Proposal.objects.exists()


def test_a_proposal_on_two_matters_is_saved_with_a_warning(client, cppcc):
    client.force_login(cppcc.li)
    suggestions = FORM["suggestions"] + "\n（三）提高中小学食堂伙食补助标准，改善学生营养餐。"
    response = client.post(reverse("proposals:submit"), {**FORM, "suggestions": suggestions}, follow=True)
    proposal = Proposal.objects.get()
    assert proposal.multi_matter_warning
    assert "一事一议" in response.content.decode()


def test_the_page_shows_earlier_published_proposals_on_the_same_subject(client, cppcc, proposal_67_replied):
    services.proposal_rate(actor=cppcc.wang, proposal=proposal_67_replied, rating=Proposal.Rating.SATISFIED)
    services.proposal_publish(actor=cppcc.office, proposal=proposal_67_replied)
    client.force_login(cppcc.li)
    response = client.get(
        reverse("proposals:similar"), {"title": "关于改进基层信访工作的建议", "reason": REASON_67[:120]}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert TITLE_67 in page and "第 67 号" in page and "怀仁市信访局" in page
    unrelated = client.get(
        reverse("proposals:similar"), {"title": "关于建设城市公园的建议", "reason": "绿地少"}
    )
    assert TITLE_67 not in unrelated.content.decode()


def test_the_partial_warns_while_typing_two_matters(client, cppcc):
    client.force_login(cppcc.li)
    response = client.get(
        reverse("proposals:similar"),
        {
            "title": TITLE_67,
            "reason": REASON_67,
            "suggestions": SUGGESTIONS_67 + "\n（五）提高中小学食堂伙食补助标准，改善学生营养餐。",
        },
    )
    assert 'id="one-matter-warning"' in response.content.decode()


def test_a_co_signer_confirms_from_the_proposals_page(client, cppcc, submit):
    proposal = submit(cosigners=[cppcc.li])
    client.force_login(cppcc.li)
    assert "待确认的联名邀请" in client.get(reverse("proposals:mine")).content.decode()
    assert 'id="cosign-form"' in client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    response = client.post(reverse("proposals:cosign", args=[proposal.pk]), {"answer": "confirm"})
    assert response.status_code == 302
    assert proposal.cosigners.get().answer == Cosigner.Answer.CONFIRMED
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_someone_not_invited_cannot_answer_for_a_co_signer(client, cppcc, submit):
    proposal = submit(cosigners=[cppcc.li])
    client.force_login(cppcc.zhao)
    assert (
        client.post(reverse("proposals:cosign", args=[proposal.pk]), {"answer": "confirm"}).status_code == 404
    )
    assert proposal.cosigners.get().answer == Cosigner.Answer.PENDING


def test_the_proposer_rates_the_reply_and_unsatisfied_needs_a_reason(client, cppcc, proposal_67_replied):
    url = reverse("proposals:rate", args=[proposal_67_replied.pk])
    client.force_login(cppcc.wang)
    assert (
        'id="rate"' in client.get(reverse("proposals:detail", args=[proposal_67_replied.pk])).content.decode()
    )
    response = client.post(url, {"rating": "unsatisfied", "comment": ""})
    assert response.status_code == 422 and "评价意见" in response.content.decode()
    proposal_67_replied.refresh_from_db()
    assert proposal_67_replied.status == Proposal.Status.REPLIED
    response = client.post(url, {"rating": "unsatisfied", "comment": "希望细化宣传措施"})
    assert response.status_code == 302
    proposal_67_replied.refresh_from_db()
    assert proposal_67_replied.status == Proposal.Status.REHANDLING and proposal_67_replied.round == 2


def test_only_the_proposer_rates(client, cppcc, proposal_67_replied):
    client.force_login(cppcc.office)
    response = client.post(reverse("proposals:rate", args=[proposal_67_replied.pk]), {"rating": "satisfied"})
    assert response.status_code == 403
    proposal_67_replied.refresh_from_db()
    assert proposal_67_replied.rating == ""


def test_the_proposer_sees_their_phone_but_a_leader_does_not(client, city, cppcc, proposal_67_replied):
    url = reverse("proposals:detail", args=[proposal_67_replied.pk])
    client.force_login(cppcc.wang)
    assert "13934561234" in client.get(url).content.decode()
    client.force_login(city.leader)
    page = client.get(url).content.decode()
    assert TITLE_67 in page and "13934561234" not in page and "仁德路" not in page
