"""Bad notices, feedback and steps get a Chinese message by field, or 403, and change nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.accounts.models import Role
from minsheng.petitions.models import MatterNumberSequence
from minsheng.petitions.tests.workflow_steps import staff
from minsheng.supervision import services
from minsheng.supervision.models import (
    SupervisionEvent,
    SupervisionFeedback,
    SupervisionItem,
    SupervisionNotice,
)

from .conftest import TODAY
from .notices import D, swept_item


@pytest.fixture
def item(city, matters):
    return swept_item(matters.overdue_10, TODAY)


def state():
    return {
        "items": list(
            SupervisionItem.objects.order_by("pk").values_list(
                "level", "feedback_due_on", "closed_on", "organisation_id"
            )
        ),
        "notices": list(SupervisionNotice.objects.order_by("pk").values_list("status", "level")),
        "feedbacks": SupervisionFeedback.objects.count(),
        "events": SupervisionEvent.objects.count(),
        "numbers": sorted(MatterNumberSequence.objects.values_list("prefix", "last_value")),
    }


def refused(call, field=None):
    before = state()
    expected = PermissionDenied if field is None else ValidationError
    with pytest.raises(expected) as caught:
        call()
    after = state()
    assert after == before
    if field is not None:
        return caught.value.message_dict[field]
    return None


def issue(city, item, **fields):
    defaults = {
        "actor": city.supervisor,
        "item": item,
        "level": "reminder",
        "feedback_due_on": D(2026, 6, 22),
        "on": TODAY,
    }
    defaults.update(fields)
    return services.supervision_notice_issue(**defaults)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"level": "urgent"}, "level", "请选择督办级别：提醒、督办或挂牌督办"),
        ({"feedback_due_on": None}, "feedback_due_on", "请填写反馈期限"),
        ({"feedback_due_on": TODAY}, "feedback_due_on", "反馈期限应晚于发出日期"),
        ({"feedback_due_on": TODAY - dt.timedelta(days=3)}, "feedback_due_on", "反馈期限应晚于发出日期"),
        (
            {"feedback_due_on": TODAY + dt.timedelta(days=91)},
            "feedback_due_on",
            "反馈期限不能超过发出后 90 日",
        ),
        ({"requirement": "要" * 2001}, "requirement", "督办要求不能超过 2000 个字"),
        (
            {
                "on": dt.date.today() + dt.timedelta(days=2),
                "feedback_due_on": dt.date.today() + dt.timedelta(days=9),
            },
            "on",
            "日期不能晚于今天",
        ),
        ({"on": TODAY - dt.timedelta(days=1)}, "on", "日期不能早于 2026-06-15"),
    ],
)
def test_it_refuses_a_bad_notice(city, item, fields, field, message):
    assert refused(lambda: issue(city, item, **fields), field) == [message]


def test_it_refuses_an_addressee_with_nothing_to_do_with_the_matter(city, item):
    assert refused(lambda: issue(city, item, addressee=city.jinshatan), "addressee") == [
        "主送单位应是承办、登记或涉及该事项的单位（或其上级）"
    ]


def test_it_refuses_to_go_down_a_level_or_to_repeat_one_that_waits(city, item):
    issue(city, item, level="supervision")

    assert refused(lambda: issue(city, item, level="reminder"), "level") == [
        "不能降低督办级别（当前为“督办”）"
    ]
    assert refused(lambda: issue(city, item, level="supervision"), "level") == [
        "该事项已有未办完的督办通知书（怀信督〔2026〕1号），请先认可反馈，或升级督办"
    ]


def test_it_refuses_to_escalate_before_a_notice_or_beyond_listed(city, item):
    escalate = lambda: services.supervision_item_escalate(  # noqa: E731
        actor=city.supervisor, item=item, feedback_due_on=D(2026, 6, 25), on=TODAY
    )
    assert refused(escalate, "level") == ["尚未发出督办通知，请先发出提醒"]

    issue(city, item, level="listed")

    assert refused(escalate, "level") == ["已是挂牌督办，不能再升级"]


@pytest.mark.parametrize("who", ["yunzhong_handler", "leader", "registrar", "housing_handler"])
def test_it_lets_only_the_bureau_issue_notices(city, item, who):
    refused(lambda: issue(city, item, actor=getattr(city, who)))


def test_it_does_not_let_a_township_supervisor_issue_notices(city, item):
    township_supervisor = staff(city.yunzhong, "yz_duban2", role=Role.SUPERVISOR)

    refused(lambda: issue(city, item, actor=township_supervisor))


@pytest.mark.parametrize("who", ["jinshatan_handler", "housing_handler", "registrar", "leader"])
def test_it_takes_feedback_only_from_the_addressed_unit(city, item, who):
    notice = issue(city, item)

    refused(
        lambda: services.supervision_feedback_submit(
            actor=getattr(city, who), notice=notice, text="已办", on=TODAY
        )
    )


@pytest.mark.parametrize(
    ("text", "on", "field", "message"),
    [
        ("", TODAY, "text", "请填写反馈内容"),
        ("办" * 5001, TODAY, "text", "反馈内容不能超过 5000 个字"),
        ("已办", TODAY - dt.timedelta(days=1), "on", "日期不能早于 2026-06-15"),
    ],
)
def test_it_refuses_bad_feedback(city, item, text, on, field, message):
    notice = issue(city, item)

    assert refused(
        lambda: services.supervision_feedback_submit(
            actor=city.yunzhong_handler, notice=notice, text=text, on=on
        ),
        field,
    ) == [message]


def test_it_refuses_to_accept_before_feedback_and_feedback_after_acceptance(city, item):
    notice = issue(city, item)
    accept = lambda: services.supervision_feedback_accept(actor=city.supervisor, notice=notice, on=TODAY)  # noqa: E731

    assert refused(accept, "__all__") == ["该督办通知书当前为“待反馈”，须在主送单位反馈后认可"]

    services.supervision_feedback_submit(actor=city.yunzhong_handler, notice=notice, text="已办", on=TODAY)
    accept()
    assert refused(
        lambda: services.supervision_feedback_submit(
            actor=city.yunzhong_handler, notice=notice, text="补充", on=TODAY
        ),
        "__all__",
    ) == ["该督办通知书当前为“反馈已认可”，不能再反馈"]


def test_it_refuses_to_close_without_a_note_or_twice(city, item):
    assert refused(
        lambda: services.supervision_item_close(actor=city.supervisor, item=item, note="  "), "note"
    ) == ["请填写办结说明"]
    services.supervision_item_close(actor=city.supervisor, item=item, note="已办结", on=TODAY)

    assert refused(lambda: issue(city, item), "__all__") == ["该督办事项已于 2026-06-15 办结"]
    assert refused(
        lambda: services.supervision_follow_up(actor=city.supervisor, item=item, note="再跟踪"), "__all__"
    ) == ["该督办事项已于 2026-06-15 办结"]


def test_it_closes_a_waiting_notice_with_its_item(city, item):
    notice = issue(city, item)

    services.supervision_item_close(actor=city.supervisor, item=item, note="信访人撤回", on=TODAY)

    notice.refresh_from_db()
    item.refresh_from_db()
    assert (notice.status, item.feedback_due_on) == ("closed", None)
    with pytest.raises(ValidationError, match="该督办事项已办结"):
        services.supervision_feedback_submit(
            actor=city.yunzhong_handler, notice=notice, text="已办", on=TODAY
        )


def test_it_refuses_a_follow_up_note_without_text_or_from_a_leader(city, item):
    assert refused(
        lambda: services.supervision_follow_up(actor=city.supervisor, item=item, note=""), "note"
    ) == ["请填写跟踪问效情况"]
    refused(lambda: services.supervision_follow_up(actor=city.leader, item=item, note="跟踪"))
