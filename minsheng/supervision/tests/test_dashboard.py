"""The supervisor's dashboard counts the open items by level, by kind and by unit, and lists overdue
feedback first."""

import datetime as dt

import pytest

from minsheng.meetings import services as meetings
from minsheng.petitions import services as petitions
from minsheng.petitions.models import Matter
from minsheng.petitions.tests.workflow_steps import open_matter, set_today, take
from minsheng.supervision import selectors, services
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import deadlines_sweep

from .conftest import TODAY

D = dt.date


@pytest.fixture
def board(city, register, matters, monkeypatch):
    """Swept on 15 June: two overdue matters (住建局 one day, 云中镇 ten days), an overdue meeting task
    (住建局) and an unsatisfied rating (云中镇). A reminder to 住建局 wants feedback by 16 June and a
    listed supervision to 云中镇 by 25 June; the board is read on 17 June."""
    meeting = meetings.meeting_record(
        actor=city.supervisor,
        held_on=D(2026, 6, 1),
        kind="regular",
        title="例会",
        minutes="纪要",
        chair_name="张明",
        decisions=[meetings.Decision(text="排查物业纠纷", organisation=city.housing, due_on=D(2026, 6, 10))],
    )
    answered = take(city, open_matter(register, title="不满意"), to=Matter.Status.REPLIED)
    petitions.matter_rate(actor=city.registrar, matter=answered, value="unsatisfied", comment="不满意")
    deadlines_sweep(today=TODAY)
    items = {
        i.matter.title if i.matter_id else "task": i for i in SupervisionItem.objects.select_related("matter")
    }
    services.supervision_notice_issue(
        actor=city.supervisor,
        item=items["超期一日"],
        level="reminder",
        feedback_due_on=D(2026, 6, 16),
        on=TODAY,
    )
    services.supervision_notice_issue(
        actor=city.supervisor,
        item=items["超期十日"],
        level="listed",
        feedback_due_on=D(2026, 6, 25),
        on=TODAY,
    )
    set_today(monkeypatch, D(2026, 6, 17))
    return items, meeting


def test_it_counts_open_items_by_level_kind_and_unit(city, board):
    dash = selectors.dashboard(user=city.supervisor)

    assert (dash.total, dash.feedback_overdue) == (4, 1)
    assert dash.by_level == [
        ("none", "未发通知", 2),
        ("reminder", "提醒", 1),
        ("supervision", "督办", 0),
        ("listed", "挂牌督办", 1),
    ]
    assert dash.by_category == [
        ("matter_overdue", "事项超期", 2),
        ("unsatisfied", "不满意回访", 1),
        ("instruction_overdue", "批示超期", 0),
        ("meeting_task_overdue", "会议决定超期", 1),
    ]
    assert [(u["name"], u["total"], u["feedback_overdue"], u["listed"]) for u in dash.by_unit] == [
        ("怀仁市住房和城乡建设局", 2, 1, 0),
        ("云中镇", 2, 0, 1),
    ]


def test_it_lists_overdue_feedback_first(city, board):
    items, _meeting = board

    listed = list(selectors.supervision_items_open(user=city.supervisor))

    assert listed[0] == items["超期一日"]
    assert listed[1] == items["超期十日"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"category": "meeting_task_overdue"}, {"task"}),
        ({"level": "none"}, {"task", "不满意"}),
        ({"level": "listed"}, {"超期十日"}),
        ({"feedback_overdue": True}, {"超期一日"}),
    ],
)
def test_it_filters_the_list(city, board, filters, expected):
    found = selectors.item_list(user=city.supervisor, filters=selectors.ItemFilters(**filters))

    assert {i.matter.title if i.matter_id else "task" for i in found} == expected


def test_it_filters_by_unit(city, board):
    found = selectors.item_list(
        user=city.supervisor, filters=selectors.ItemFilters(organisation=city.housing)
    )

    assert {i.organisation for i in found} == {city.housing}


def test_the_page_shows_the_counts_and_links_to_each_item(client, city, board):
    items, _meeting = board
    client.force_login(city.supervisor)

    html = client.get("/supervision/").content.decode()

    assert "反馈逾期" in html and "会议决定超期" in html
    assert f'href="/supervision/{items["超期一日"].pk}/"' in html
    assert html.index("超期一日") < html.index("超期十日")
    filtered = client.get("/supervision/?level=listed").content.decode()
    assert items["超期十日"].matter.number in filtered and items["超期一日"].matter.number not in filtered
