"""The meeting pages: list with filters and pages, recording a meeting with its decisions (errors in
place), a meeting's page, and the task page where the unit reports back and the bureau decides."""

import datetime as dt

from minsheng.meetings.models import JointMeeting, MeetingTask
from minsheng.petitions import services as petitions
from minsheng.petitions.models import Matter

from .conftest import decision, record

D = dt.date


def login(client, user):
    client.force_login(user)
    return client


def form_data(city, **overrides) -> dict:
    data = {
        "held_on": "2026-06-10",
        "kind": "special",
        "title": "研究东关村征地补偿问题",
        "organisation": str(city.bureau.pk),
        "place": "市信访局三楼会议室",
        "chair": str(city.leader.pk),
        "chair_name": "",
        "attendees": [str(city.yunzhong_handler.pk)],
        "guests": "王建国，东关村党支部书记\n李四（市自然资源局副局长）",
        "matter_numbers": "",
        "minutes": "会议研究了补偿款发放问题。",
        "decisions-TOTAL_FORMS": "3",
        "decisions-INITIAL_FORMS": "0",
        "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "50",
        "decisions-0-text": "核查补偿款发放情况",
        "decisions-0-kind": "task",
        "decisions-0-organisation": str(city.yunzhong.pk),
        "decisions-0-due_on": "2026-06-30",
        "decisions-1-kind": "task",
        "decisions-2-kind": "task",
    }
    data.update(overrides)
    return data


def test_it_lists_meetings_with_filters_and_pages(client, city):
    for n in range(26):
        record(city, held_on=D(2026, 1, 5) + dt.timedelta(days=n), title=f"会议{n:02d}", kind="regular")
    record(city, held_on=D(2026, 3, 1), title="专题会议甲")
    login(client, city.supervisor)

    first = client.get("/meetings/").content.decode()
    second = client.get("/meetings/?page=2").content.decode()
    special = client.get("/meetings/?kind=special").content.decode()
    january = client.get("/meetings/?held_from=2026-01-10&held_to=2026-01-12").content.decode()

    assert "联席会议 27 次" in first and "第 1 / 2 页" in first
    assert first.count('href="/meetings/') >= 25 and "会议00" in second
    assert "专题会议甲" in special and "会议01" not in special
    assert "会议05" in january and "会议07" in january and "会议08" not in january
    assert 'href="/meetings/new/"' in first


def test_it_shows_a_bad_period_in_place(client, city):
    html = (
        login(client, city.supervisor)
        .get("/meetings/?held_from=2026-06-10&held_to=2026-06-01")
        .content.decode()
    )

    assert "截止日期不能早于起始日期" in html


def test_it_offers_recording_only_to_those_who_keep_meetings(client, city):
    html = login(client, city.housing_handler).get("/meetings/").content.decode()

    assert 'href="/meetings/new/"' not in html
    assert client.get("/meetings/new/").status_code == 403


def test_it_sends_anonymous_visitors_to_the_login(client, db):
    assert client.get("/meetings/")["Location"].startswith("/accounts/login/")


def test_it_records_a_meeting_from_the_page(client, city, matter):
    response = login(client, city.supervisor).post(
        "/meetings/new/", form_data(city, matter_numbers=f"{matter.number}\n")
    )

    meeting = JointMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/meetings/{meeting.pk}/"
    assert [str(a) for a in meeting.attendees.all()] == [
        "yz_chengban（云中镇）",
        "王建国（东关村党支部书记）",
        "李四（市自然资源局副局长）",
    ]
    assert meeting.tasks.get().decision == "核查补偿款发放情况"
    html = client.get(response["Location"]).content.decode()
    assert "研究东关村征地补偿问题" in html and matter.number in html and "核查补偿款发放情况" in html


def test_it_shows_the_mistakes_of_a_decision_on_its_row(client, city):
    response = login(client, city.supervisor).post(
        "/meetings/new/",
        form_data(
            city,
            **{
                "decisions-1-text": "第二项决定",
                "decisions-1-organisation": str(city.housing.pk),
                "decisions-1-due_on": "2026-06-01",
                "matter_numbers": "怀信〔2026〕99999",
            },
        ),
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert "完成期限应晚于会议日期" in html
    assert "找不到事项 怀信〔2026〕99999，或您无权查看" in html
    assert "第二项决定</textarea>" in html  # what was typed stays on its row
    assert not JointMeeting.objects.exists()


def test_it_answers_404_for_a_meeting_out_of_sight(client, city):
    meeting = record(city, actor=city.yunzhong_handler, kind="regular")

    assert login(client, city.jinshatan_handler).get(f"/meetings/{meeting.pk}/").status_code == 404


def test_the_unit_reports_back_and_the_bureau_closes_from_the_task_page(client, city, task):
    login(client, city.yunzhong_handler)
    page = client.get(f"/meetings/tasks/{task.pk}/").content.decode()
    assert f'action="/meetings/tasks/{task.pk}/feedback/"' in page

    empty = client.post(f"/meetings/tasks/{task.pk}/feedback/", {"text": ""})
    done = client.post(f"/meetings/tasks/{task.pk}/feedback/", {"text": "已发放到户"})

    assert (
        empty.status_code == 422 and "这个字段是必填项" in empty.content.decode()
    ) or "必填" in empty.content.decode()
    assert done.status_code == 302
    login(client, city.supervisor)
    assert client.post(f"/meetings/tasks/{task.pk}/close/", {"note": "落实"}).status_code == 302
    task.refresh_from_db()
    assert task.status == MeetingTask.Status.CLOSED


def test_the_units_task_list_shows_its_tasks(client, city, task):
    html = login(client, city.yunzhong_handler).get("/meetings/tasks/").content.decode()

    assert f'href="/meetings/tasks/{task.pk}/"' in html
    assert "决定事项 1 项" in html
    assert (
        "对补偿款发放情况进行核查"
        not in login(client, city.jinshatan_handler).get("/meetings/tasks/").content.decode()
    )


def test_it_applies_a_jurisdiction_decision_from_the_meeting_page(client, city, matter):
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.jinshatan, routed_on=D(2026, 5, 27)
    )
    petitions.matter_object(actor=city.jinshatan_handler, matter=matter, reason="不属本镇", on=D(2026, 5, 29))
    response = login(client, city.supervisor).post(
        "/meetings/new/",
        form_data(
            city,
            **{
                "decisions-0-kind": "jurisdiction",
                "decisions-0-matter_number": matter.number,
                "decisions-0-text": "由云中镇受理办理",
            },
        ),
    )
    meeting = JointMeeting.objects.get()
    task = meeting.tasks.get()
    page = client.get(response["Location"]).content.decode()
    assert f'action="/meetings/tasks/{task.pk}/apply/"' in page

    applied = client.post(f"/meetings/tasks/{task.pk}/apply/", {f"apply-{task.pk}-route_kind": "assign"})

    assert applied.status_code == 302
    matter.refresh_from_db()
    assert (matter.status, matter.handling_org) == (Matter.Status.ASSIGNED, city.yunzhong)
    assert "已于 2026-" in client.get(f"/meetings/{meeting.pk}/").content.decode()


def test_it_shows_a_refused_application_in_place(client, city, matter):
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.jinshatan, routed_on=D(2026, 5, 27)
    )
    meeting = record(
        city,
        matter_numbers=[matter.number],
        decisions=[decision(city.yunzhong, kind="jurisdiction", matter_number=matter.number)],
    )
    task = meeting.tasks.get()

    response = login(client, city.supervisor).post(
        f"/meetings/tasks/{task.pk}/apply/", {f"apply-{task.pk}-route_kind": "assign"}
    )

    assert response.status_code == 422
    assert "应由现承办单位提出异议" in response.content.decode()


def test_the_form_proposes_the_bureau_as_convener(client, city):
    html = login(client, city.supervisor).get("/meetings/new/").content.decode()

    assert f'<option value="{city.bureau.pk}" selected>' in html
    assert 'name="decisions-TOTAL_FORMS" value="3"' in html
    assert 'name="decisions-TOTAL_FORMS" value="6"' in client.get("/meetings/new/?rows=6").content.decode()
