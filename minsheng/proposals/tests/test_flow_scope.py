"""Who sees which proposal: a unit only those assigned to it, a member their own and those they
co-sign; the phone and address only the proposer, the office and the units still assigned."""

from minsheng.proposals import services
from minsheng.proposals.selectors import proposals_visible_to, sees_personal_data, similar_proposals


def _assign(proposal, cppcc, unit):
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    services.proposal_assign(actor=cppcc.office, proposal=proposal, lead=unit)


def test_a_unit_sees_only_the_proposals_assigned_to_it(submit, cppcc, city):
    housing = submit(title="关于老旧小区改造的建议")
    township = submit(title="关于云中镇道路硬化的建议")
    _assign(housing, cppcc, city.housing)
    _assign(township, cppcc, city.yunzhong)
    assert list(proposals_visible_to(user=city.housing_handler)) == [housing]
    assert list(proposals_visible_to(user=city.yunzhong_handler)) == [township]
    assert not proposals_visible_to(user=city.jinshatan_handler).exists()
    assert not proposals_visible_to(user=city.registrar).exists()
    assert not proposals_visible_to(user=city.lawyer).exists()
    assert set(proposals_visible_to(user=cppcc.office)) == {housing, township}


def test_a_member_sees_their_own_and_those_they_cosign(submit, cppcc):
    own = submit(actor=cppcc.li, title="关于乡镇卫生院人才引进的建议")
    asked = submit(actor=cppcc.wang, cosigners=[cppcc.li])
    other = submit(actor=cppcc.zhao)
    assert set(proposals_visible_to(user=cppcc.li)) == {own, asked}
    assert set(proposals_visible_to(user=cppcc.zhao)) == {other}
    assert set(proposals_visible_to(user=cppcc.wang)) == {asked}


def test_personal_data_is_for_the_proposer_the_office_and_current_units(submit, cppcc, city):
    proposal = submit()
    _assign(proposal, cppcc, city.housing)
    assert sees_personal_data(user=cppcc.wang, proposal=proposal)
    assert sees_personal_data(user=cppcc.office, proposal=proposal)
    assert sees_personal_data(user=city.housing_handler, proposal=proposal)
    assert not sees_personal_data(user=cppcc.li, proposal=proposal)
    assert not sees_personal_data(user=city.leader, proposal=proposal)
    assert not sees_personal_data(user=city.yunzhong_handler, proposal=proposal)
    lead = proposal.assignments.get()
    services.assignment_object(actor=city.housing_handler, assignment=lead, reason="不属于本局职责")
    assert not sees_personal_data(user=city.housing_handler, proposal=proposal)


def test_a_member_is_shown_only_earlier_proposals_they_may_see(submit, cppcc, city):
    hidden = submit(actor=cppcc.zhao, title="关于规范城区停车秩序的建议")
    _assign(hidden, cppcc, city.housing)
    assert (
        similar_proposals(title="关于城区停车难问题的建议", reason="城区停车位不足，乱停乱放", user=cppcc.li)
        == []
    )
    found = similar_proposals(
        title="关于城区停车难问题的建议", reason="城区停车位不足，乱停乱放", user=cppcc.office
    )
    assert [s.proposal for s in found] == [hidden]
