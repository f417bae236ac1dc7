"""Fixtures of proposal work: the city CPPCC, its members and office, a handler of the petition bureau,
the current session, and proposal No. 67 of 二届二次会议 with the petition bureau's real reply
(shared/reference/proposal-67-petition-work.md), entered through the services."""

import datetime as dt

import pytest

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.conftest import PASSWORD
from minsheng.proposals import services
from minsheng.proposals.models import ProposalSession

from . import reference67

# Read from the real document (see reference67.py); empty when ../shared is absent, and then every test
# of a module that uses them is skipped (see `_needs_the_reference`).
TITLE_67 = reference67.TEXT.get("title", "")
REASON_67 = reference67.TEXT.get("reason", "")
SUGGESTIONS_67 = reference67.TEXT.get("suggestions", "")
OPENING_67 = reference67.TEXT.get("opening", "")
MEASURES_67 = reference67.TEXT.get("measures", [])
CLOSING_67 = reference67.TEXT.get("closing", "")
_REFERENCE_NAMES = ("TITLE_67", "REASON_67", "SUGGESTIONS_67", "OPENING_67", "MEASURES_67", "CLOSING_67")

# The handling report is blank on the reference form: this one is ours.
REPORT_67 = (
    "我局对照提案所提四条建议逐项研究，落实领导接访、律师参与和《信访工作条例》宣传三项措施，"
    "已书面答复提案人。"
)


class Cppcc:
    """Namespace of the CPPCC side of the test city."""


@pytest.fixture
def cppcc(city) -> Cppcc:
    c = Cppcc()
    c.office_org = organisation_create(
        name="政协怀仁市委员会提案委员会",
        short_name="市政协提案委",
        kind=Organisation.Kind.PROPOSAL_OFFICE,
        parent=city.root,
    )

    def user(username, full_name, role, organisation, **extra):
        return user_create(
            username=username,
            password=PASSWORD,
            full_name=full_name,
            role=role,
            organisation=organisation,
            **extra,
        )

    c.office = user("tiwei", "提案委张科长", Role.PROPOSAL_OFFICE, c.office_org)
    c.wang = user("wangxudong", "王旭东", Role.MEMBER, c.office_org, title="怀仁一中仁德校区德育处主任")
    c.li = user("limei", "李梅", Role.MEMBER, c.office_org, title="金沙滩镇卫生院院长")
    c.zhao = user("zhaogang", "赵刚", Role.MEMBER, c.office_org, title="云中镇商会会长")
    c.bureau_handler = user("xf_chengban", "信访局承办人", Role.HANDLER, city.bureau)
    c.session = ProposalSession.objects.create(
        name="二届二次会议",
        opens_on=dt.date(2026, 1, 10),
        closes_on=dt.date(2026, 1, 14),
        is_current=True,
        # The 66 proposals admitted before No. 67 in that session.
        last_number=66,
    )
    return c


@pytest.fixture
def submit(cppcc):
    """Submit a proposal through the service with sensible defaults; override any field."""

    def _submit(actor=None, **fields):
        defaults = {
            "title": "关于规范城区停车秩序的建议",
            "reason": "城区主干道乱停乱放现象突出，影响通行和消防安全。",
            "suggestions": (
                "（一）增设公共停车位，规范路边停车管理。\n（二）加强停车秩序执法巡查，整治占道停车。"
            ),
            "phone": "13812345678",
            "address": "怀仁市云中镇仁德路1号",
            "desired_departments": "住建局",
        }
        defaults.update(fields)
        return services.proposal_submit(actor=actor or cppcc.wang, **defaults)

    return _submit


@pytest.fixture(autouse=True)
def _needs_the_reference(request):
    if reference67.MISSING and any(name in vars(request.module) for name in _REFERENCE_NAMES):
        pytest.skip(reference67.SKIP_REASON)


@pytest.fixture
def proposal_67(cppcc):
    if reference67.MISSING:
        pytest.skip(reference67.SKIP_REASON)
    """Proposal No. 67 as the office entered it on 王旭东's behalf: submitted, not yet reviewed."""
    return services.proposal_submit(
        actor=cppcc.office,
        proposer=cppcc.wang,
        title=TITLE_67,
        reason=REASON_67,
        suggestions=SUGGESTIONS_67,
        proposer_unit_post="怀仁一中仁德校区德育处主任",
        phone="13934561234",
        address="怀仁市仁德路怀仁一中仁德校区",
        desired_departments="信访部门",
    )


@pytest.fixture
def proposal_67_replied(proposal_67, cppcc, city):
    """No. 67 admitted (it gets number 67), assigned to the petition bureau as lead unit, answered with
    the bureau's real reply (grade A), the report signed off, and sent: waiting for 王旭东's rating."""
    services.proposal_admit(
        actor=cppcc.office, proposal=proposal_67, review_opinion="同意立案，交市信访局办理。"
    )
    services.proposal_review_note(
        actor=cppcc.office, proposal=proposal_67, leader_instruction="请市信访局认真研究办理。"
    )
    services.proposal_assign(actor=cppcc.office, proposal=proposal_67, lead=city.bureau)
    services.proposal_reply_draft(
        actor=cppcc.bureau_handler,
        proposal=proposal_67,
        opening=OPENING_67,
        measures=MEASURES_67,
        closing=CLOSING_67,
        grade="A",
        report=REPORT_67,
        unit_name="怀仁市信访局",
    )
    from django.utils import timezone

    services.proposal_reply_sign(
        actor=cppcc.bureau_handler,
        proposal=proposal_67,
        signed_by_name="刘局长",
        signed_on=timezone.localdate(),
    )
    services.proposal_reply_send(actor=cppcc.bureau_handler, proposal=proposal_67)
    proposal_67.refresh_from_db()
    return proposal_67
