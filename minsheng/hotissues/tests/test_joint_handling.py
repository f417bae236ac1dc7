"""Joint handling (并案办理): combined under a lead matter and unit, each matter still answered on its own."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from minsheng.hotissues.models import HotIssue, JointHandling, JointHandlingMember
from minsheng.hotissues.services import (
    hot_issues_refresh,
    joint_handling_create,
    joint_handling_member_add,
    joint_handling_member_remove,
)
from minsheng.petitions.models import Matter, MatterEvent, Nature, Reply, Submission
from minsheng.petitions.services import matter_accept, matter_reply

from .helpers import period

OPINION = {
    "request": "请求解决供暖不热",
    "facts_and_reasons": "经核实，丽景小区供暖管网老化，室温不达标属实。",
    "basis": "《城镇供热管理条例》",
    "outcome": "support",
}


def combine(city, matters, **extra):
    fields = {
        "actor": city.supervisor,
        "matters": matters,
        "lead_matter": matters[0],
        "lead_org": city.yunzhong,
    }
    fields.update(extra)
    return joint_handling_create(**fields)


def test_a_supervisor_combines_matters_and_every_member_records_it_on_its_timeline(city, estates):
    matters = estates.lijing[:3]

    joint = combine(city, matters, note="由云中镇牵头，热力公司配合整改")

    assert set(joint.members.values_list("matter_id", flat=True)) == {m.pk for m in matters}
    assert (joint.lead_matter, joint.lead_org, joint.created_by) == (
        matters[0],
        city.yunzhong,
        city.supervisor,
    )
    assert joint.title == matters[0].title
    for matter in matters:
        event = MatterEvent.objects.get(matter=matter, kind=MatterEvent.Kind.JOINT_HANDLING)
        assert event.actor == city.supervisor
        assert event.kind_label == "并案办理"
        assert matters[0].number in event.note and "云中镇" in event.note and "分别答复" in event.note
        assert event.note.endswith("由云中镇牵头，热力公司配合整改")
        assert event.data["joint_handling"] == joint.pk
        assert sorted(event.data["members"]) == sorted(m.pk for m in matters)
    assert not MatterEvent.objects.filter(
        matter=estates.lijing[3], kind=MatterEvent.Kind.JOINT_HANDLING
    ).exists()


def test_joint_handling_keeps_each_matter_its_number_submissions_and_its_own_reply(city, estates):
    matters = estates.lijing[:3]
    numbers = {m.pk: m.number for m in matters}

    combine(city, matters, route_kind="assign")

    for matter in matters:
        matter.refresh_from_db()
        assert (matter.status, matter.handling_org) == (Matter.Status.ASSIGNED, city.yunzhong)
        assert matter.number == numbers[matter.pk]
        assert Submission.objects.filter(matter=matter).count() == 1
    for i, matter in enumerate(matters):
        matter_accept(actor=city.yunzhong_handler, matter=matter)
        matter_reply(
            actor=city.yunzhong_handler, matter=matter, text=f"答复第 {i + 1} 位信访人：已整改。", **OPINION
        )
    for i, matter in enumerate(matters):
        matter.refresh_from_db()
        assert matter.status == Matter.Status.REPLIED
        (reply,) = Reply.objects.filter(matter=matter)
        assert reply.text == f"答复第 {i + 1} 位信访人：已整改。"
    assert Matter.objects.filter(pk__in=numbers).count() == 3


def test_routing_with_the_joint_handling_leaves_matters_already_sent_on_alone(city, estates):
    first, second, third = estates.lijing[:3]
    combine(city, [first, second], route_kind="transfer")
    first.refresh_from_db()
    assert first.status == Matter.Status.TRANSFERRED

    joint = JointHandling.objects.get()
    joint_handling_member_add(actor=city.supervisor, joint=joint, matter=third)

    third.refresh_from_db()
    assert third.status == Matter.Status.REGISTERED
    assert MatterEvent.objects.filter(matter=third, kind=MatterEvent.Kind.JOINT_HANDLING).count() == 1


def test_a_refused_routing_undoes_the_whole_joint_handling(city, estates):
    matters = estates.lijing[:2]

    with pytest.raises(ValidationError) as caught:
        combine(city, matters, lead_org=city.bureau, route_kind="transfer")

    assert "不能转送给本单位" in str(caught.value)
    assert matters[0].number in str(caught.value)
    assert not JointHandling.objects.exists()
    assert not MatterEvent.objects.filter(kind=MatterEvent.Kind.JOINT_HANDLING).exists()


@pytest.mark.parametrize("who", ["registrar", "leader", "yunzhong_handler", "lawyer"])
def test_only_supervisors_and_administrators_combine(city, estates, who):
    with pytest.raises(PermissionDenied):
        combine(city, estates.lijing[:2], actor=getattr(city, who))

    assert not JointHandling.objects.exists()


def test_it_refuses_bad_combinations_and_changes_nothing(city, estates, register, people):
    lijing = estates.lijing
    accusation = register(
        title="举报丽景小区物业侵占公共收益",
        content="物业公司侵占丽景小区公共收益。",
        nature=Nature.ACCUSATION,
        petitioners=[people()],
    ).matter
    closed = lijing[4]
    Matter.objects.filter(pk=closed.pk).update(status=Matter.Status.CLOSED)
    cases = [
        ({"matters": lijing[:1]}, "matters", "至少需要两件"),
        ({"lead_matter": lijing[3]}, "lead_matter", "主办事项应是并案的事项之一"),
        ({"lead_matter": None}, "lead_matter", "请选择主办事项"),
        ({"lead_org": None}, "lead_org", "请选择主办单位"),
        ({"lead_org": city.leadership}, "lead_org", "主办单位应为"),
        ({"matters": [lijing[0], accusation]}, "matters", "检举控告类事项，不并案办理"),
        ({"matters": [lijing[0], Matter.objects.get(pk=closed.pk)]}, "matters", "不能并案办理"),
        ({"title": "名" * 201}, "title", "不能超过 200 个字"),
        ({"route_kind": "divert"}, "route_kind", "转送或交办"),
    ]
    for extra, field, message in cases:
        with pytest.raises(ValidationError) as caught:
            combine(city, **{"matters": lijing[:2], **extra})
        assert message in " ".join(caught.value.message_dict[field]), (extra, caught.value)
    assert not JointHandling.objects.exists()
    assert not MatterEvent.objects.filter(kind=MatterEvent.Kind.JOINT_HANDLING).exists()


def test_a_matter_belongs_to_one_joint_handling_at_a_time(city, estates):
    first = combine(city, estates.lijing[:2])

    with pytest.raises(ValidationError) as caught:
        combine(city, [estates.lijing[1], estates.lijing[2]], lead_matter=estates.lijing[1])

    assert first.title in str(caught.value)
    assert JointHandling.objects.count() == 1


def test_a_matter_out_of_the_supervisors_scope_cannot_be_combined(city, estates, township_supervisor):
    with pytest.raises(ValidationError) as caught:
        combine(city, [estates.lijing[0], estates.jinxiu[0]], actor=township_supervisor)

    assert "无权查看" in str(caught.value)


def test_a_member_leaves_with_an_event_but_the_lead_and_the_last_two_stay(city, estates):
    a, b, c = estates.lijing[:3]
    joint = combine(city, [a, b, c])

    joint_handling_member_remove(actor=city.supervisor, joint=joint, matter=c, reason="另属物业问题")

    assert not JointHandlingMember.objects.filter(matter=c).exists()
    left = MatterEvent.objects.get(matter=c, kind=MatterEvent.Kind.JOINT_HANDLING_LEFT)
    assert "另属物业问题" in left.note and left.kind_label == "移出并案办理"
    with pytest.raises(ValidationError, match="主办事项不能移出"):
        joint_handling_member_remove(actor=city.supervisor, joint=joint, matter=a)
    with pytest.raises(ValidationError, match="至少需要两件"):
        joint_handling_member_remove(actor=city.supervisor, joint=joint, matter=b)
    with pytest.raises(ValidationError, match="不在该并案办理中"):
        joint_handling_member_remove(actor=city.supervisor, joint=joint, matter=c)


def test_the_matter_page_shows_the_joint_handling_with_its_lead_and_other_members(client, city, estates):
    lead, other, third = estates.lijing[:3]
    combine(city, [lead, other, third])
    client.force_login(city.supervisor)

    html = client.get(reverse("petitions:matter_detail", args=[other.pk])).content.decode()

    assert 'id="joint-box-title"' in html
    assert f'href="/matters/{lead.pk}/"' in html and lead.number in html
    assert third.number in html
    assert "分别答复" in html
    lead_html = client.get(reverse("petitions:matter_detail", args=[lead.pk])).content.decode()
    assert "本事项为主办事项" in lead_html
    alone = client.get(reverse("petitions:matter_detail", args=[estates.lijing[3].pk])).content.decode()
    assert 'id="joint-box-title"' not in alone


def test_the_box_names_only_the_members_the_reader_may_see(client, city, estates):
    combine(city, [estates.lijing[0], estates.jinxiu[0], estates.jinxiu[1]])
    client.force_login(city.yunzhong_handler)

    html = client.get(reverse("petitions:matter_detail", args=[estates.lijing[0].pk])).content.decode()

    assert estates.jinxiu[0].number not in html
    assert "另有 2 件不在您的查看范围内" in html


def test_a_supervisor_combines_from_the_hot_issue_page(client, city, estates):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])
    issue = HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])
    chosen = estates.lijing[1:4]
    client.force_login(city.supervisor)

    response = client.post(
        reverse("hotissues:joint_create", args=[issue.pk]),
        {
            "matters": [m.pk for m in chosen],
            "extra_numbers": estates.lijing[4].number,
            "lead_matter": chosen[0].pk,
            "lead_org": city.yunzhong.pk,
            "title": "",
            "note": "",
            "route_kind": "",
        },
    )

    joint = JointHandling.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "hotissues:joint_detail", args=[joint.pk]
    )
    assert set(joint.members.values_list("matter_id", flat=True)) == {
        m.pk for m in [*chosen, estates.lijing[4]]
    }
    assert joint.hot_issue == issue and joint.title == issue.label
    page = client.get(response["Location"]).content.decode()
    assert all(m.number in page for m in chosen)


def test_the_hot_issue_page_shows_the_errors_of_a_refused_combination(client, city, estates):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])
    issue = HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])
    client.force_login(city.supervisor)

    response = client.post(
        reverse("hotissues:joint_create", args=[issue.pk]),
        {
            "matters": [estates.lijing[0].pk],
            "lead_matter": estates.lijing[0].pk,
            "lead_org": city.yunzhong.pk,
            "extra_numbers": "怀信〔2026〕99999",
        },
    )

    assert response.status_code == 422
    assert "找不到事项 怀信〔2026〕99999" in response.content.decode()
    assert not JointHandling.objects.exists()


def test_a_registrar_cannot_combine_from_the_page(client, city, estates):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])
    issue = HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])
    client.force_login(city.registrar)

    page = client.get(reverse("hotissues:issue_detail", args=[issue.pk])).content.decode()
    response = client.post(
        reverse("hotissues:joint_create", args=[issue.pk]),
        {
            "matters": [m.pk for m in estates.lijing[:2]],
            "lead_matter": estates.lijing[0].pk,
            "lead_org": city.yunzhong.pk,
        },
    )

    assert 'name="lead_org"' not in page
    assert response.status_code == 403
    assert not JointHandling.objects.exists()


def test_replying_to_one_member_does_not_touch_the_others(city, estates):
    """Each matter goes its own way through the workflow after the joint decision."""
    a, b = estates.lijing[:2]
    combine(city, [a, b], route_kind="assign")
    matter_accept(actor=city.yunzhong_handler, matter=a)
    matter_reply(actor=city.yunzhong_handler, matter=a, text="已整改", **OPINION)

    b.refresh_from_db()
    assert b.status == Matter.Status.ASSIGNED
    assert not Reply.objects.filter(matter=b).exists()
