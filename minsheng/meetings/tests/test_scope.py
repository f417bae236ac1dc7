"""Who sees which meetings and tasks: the bureau and the leaders all of the city's, a township its own
and the meetings that gave it a task — and only the discussed matters it may see."""

import pytest

from minsheng.meetings import selectors
from minsheng.meetings.models import JointMeeting
from minsheng.meetings.templatetags.meetings import sees_meetings
from minsheng.petitions.tests.workflow_steps import open_matter

from .conftest import decision, record


@pytest.fixture
def meetings(city, register):
    bureau_matter = open_matter(register, title="局里的事项")
    city_meeting = record(
        city, matter_numbers=[bureau_matter.number], decisions=[decision(city.jinshatan)], title="全市例会"
    )
    yunzhong_meeting = record(city, actor=city.yunzhong_handler, title="云中镇例会", kind="regular")
    other = record(city, title="住建专题", decisions=[decision(city.housing)])
    return city_meeting, yunzhong_meeting, other


def titles(user):
    return set(selectors.meetings_visible_to(user=user).values_list("title", flat=True))


def test_the_bureau_and_the_leaders_see_every_meeting(city, meetings):
    everything = {"全市例会", "云中镇例会", "住建专题"}
    assert titles(city.supervisor) == titles(city.leader) == titles(city.admin) == everything


def test_a_township_sees_its_own_meetings_and_those_that_gave_it_a_task(city, meetings):
    assert titles(city.yunzhong_handler) == {"云中镇例会"}
    assert titles(city.jinshatan_handler) == {"全市例会"}
    assert titles(city.housing_handler) == {"住建专题"}
    assert titles(city.lawyer) == set()


def test_a_unit_sees_only_the_discussed_matters_it_may_see(city, meetings):
    city_meeting = meetings[0]

    assert selectors.meeting_matters(meeting=city_meeting, user=city.jinshatan_handler) == ([], 1)
    visible, hidden = selectors.meeting_matters(meeting=city_meeting, user=city.supervisor)
    assert ([m.title for m in visible], hidden) == (["局里的事项"], 0)


def test_a_unit_lists_its_own_tasks(city, meetings):
    assert [t.meeting.title for t in selectors.tasks_of_unit(user=city.jinshatan_handler)] == ["全市例会"]
    assert not selectors.tasks_of_unit(user=city.yunzhong_handler).exists()


def test_it_filters_the_list_by_period_and_kind(city, meetings):
    filters = selectors.MeetingFilters(kind=JointMeeting.Kind.REGULAR)

    assert [m.title for m in selectors.meeting_list(user=city.supervisor, filters=filters)] == ["云中镇例会"]


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("supervisor", True),
        ("leader", True),
        ("yunzhong_handler", True),
        ("registrar", True),
        ("lawyer", False),
    ],
)
def test_the_navigation_offers_meetings_to_government_staff(city, who, shown):
    assert sees_meetings(getattr(city, who)) is shown
