"""The half-year of the bureau's reply to proposal No. 67, entered through the other apps' own services,
as the page, the PDF, the Excel file and the API report it:

"今年上半年，市级领导共召开信访工作联席专题会议 11 次，领导坐班接访 66 次，接待上访群众 20 批次 118 人次，
作出重要信访批示 34 件次…法律工作者为群众提供免费法律咨询约300人次…发放宣传资料30000余份，调查问卷5000余份，
接受群众咨询4000余人次，受益群众1000余人。"
"""

import datetime as dt
import io
import itertools
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from minsheng.conftest import make_id_number
from minsheng.instructions.services import instruction_create
from minsheng.legal.services import consultation_record
from minsheng.meetings.services import meeting_record
from minsheng.outreach.services import activity_record
from minsheng.petitions.services import PetitionerEntry
from minsheng.reception.services import reception_entry_register, reception_session_record

REPLY = {
    "joint_meetings": 11,
    "reception_sessions": 66,
    "visit_batches": 20,
    "person_visits": 118,
    "instructions": 34,
    "legal_consultations": 300,
    "materials_distributed": 30000,
    "questionnaires_collected": 5000,
    "consultations_answered": 4000,
    "people_reached": 1000,
}
SENTENCE = (
    "召开信访工作联席专题会议 11 次，领导坐班接访 66 次，"
    "接待上访群众 20 批次 118 人次，作出重要信访批示 34 件次"
)
# 14 batches of 5 and 6 of 8: 20 batches, 118 person-visits.
BATCHES = [5] * 14 + [8] * 6


def first_half() -> tuple[dt.date, dt.date]:
    """The latest first half-year that is over, so that every service accepts its dates."""
    today = timezone.localdate()
    year = today.year if today > dt.date(today.year, 6, 30) else today.year - 1
    return dt.date(year, 1, 1), dt.date(year, 6, 30)


@pytest.fixture
def half_year(city):
    start, _end = first_half()
    staff, leader, lawyer = city.supervisor, city.leader, city.lawyer
    people = itertools.count(200)

    for n in range(11):
        meeting_record(
            actor=staff,
            held_on=start + dt.timedelta(days=3 + 15 * n),
            kind="special",
            title=f"信访突出问题专题研究（第{n + 1}次）",
            minutes="会议研究了信访突出问题的化解措施。",
            chair_name="王市长",
        )
    sessions = [
        reception_session_record(
            actor=staff, leader=leader, held_on=start + dt.timedelta(days=2 * n), kind="centre"
        )
        for n in range(66)
    ]
    for session, head_count in zip(sessions, BATCHES, strict=False):
        reception_entry_register(
            actor=staff,
            session=session,
            petitioners=[
                PetitionerEntry(
                    name=f"来访群众{n}",
                    id_number=make_id_number(sequence=f"{n:03d}"),
                    is_representative=True,
                )
                for n in [next(people)]
            ],
            title="反映村集体土地补偿分配问题",
            content="村民反映征地补偿款分配不公，请求领导过问。",
            outcome="answered",
            head_count=head_count,
        )
    for n in range(34):
        issued = start + dt.timedelta(days=5 * n)
        instruction_create(
            actor=staff,
            leader=leader,
            text="请住建局认真核实，依法依规妥善处理，按期反馈。",
            issued_on=issued,
            due_on=issued + dt.timedelta(days=30),
            units=[city.housing],
        )
    for n in range(300):
        consultation_record(
            actor=lawyer,
            consulted_on=start + dt.timedelta(days=n % 180),
            topic="labour",
            question="单位拖欠工资如何维权？",
            advice="可向劳动保障监察机构投诉，或申请劳动仲裁。",
        )
    for n in range(10):
        activity_record(
            actor=staff,
            held_on=start + dt.timedelta(days=10 + 17 * n),
            place="群众来访服务中心",
            kind="regulations_month",
            title="《信访工作条例》宣传",
            materials_distributed=3000,
            questionnaires_collected=500,
            consultations_answered=400,
            people_reached=100,
        )


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_replys_half_year_shows_on_the_page_in_the_pdf_the_excel_file_and_the_api(
    client, api_client_for, city, half_year
):
    start, end = first_half()
    params = {"start": start.isoformat(), "end": end.isoformat()}
    client.force_login(city.supervisor)

    page = client.get(reverse("reports:period"), params).content.decode()
    for key, value in REPLY.items():
        assert f'<tr data-key="{key}"><td>' in page
        assert re.search(rf'<tr data-key="{key}"><td>[^<]*</td><td class="num">{value}</td>', page), key
    phrase = "今年上半年" if start.year == timezone.localdate().year else f"{start.year}年上半年"
    assert f"{phrase}，市级领导共{SENTENCE}。" in page
    assert "法律工作者为群众提供免费法律咨询 300 人次" in page
    assert "发放宣传资料 30000 份，调查问卷 5000 份，接受群众咨询 4000 人次，受益群众 1000 人" in page

    pdf = client.get(reverse("reports:period_pdf"), params).content
    text = squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert squash(SENTENCE) in text
    assert squash("为群众提供免费法律咨询 300 人次") in text

    workbook = load_workbook(io.BytesIO(client.get(reverse("reports:period_excel"), params).content))
    labels = {row[1]: row[2] for row in workbook["主要数据"].iter_rows(min_row=7, values_only=True)}
    assert labels["信访工作联席（专题）会议"] == 11
    assert labels["领导坐班接访"] == 66
    assert (labels["领导接待上访群众批次"], labels["领导接待上访群众人次"]) == (20, 118)
    assert labels["重要信访批示"] == 34
    assert labels["免费法律咨询"] == 300
    assert (labels["发放宣传资料"], labels["调查问卷"]) == (30000, 5000)
    assert (labels["接受群众咨询"], labels["受益群众"]) == (4000, 1000)
    narrative = [row[0] for row in workbook["情况综述"].iter_rows(min_row=6, values_only=True) if row[0]]
    assert SENTENCE in narrative[0]

    body = api_client_for(city.supervisor).get("/api/v1/reports/period", params).json()
    assert {key: body["values"][key] for key in REPLY} == REPLY
    assert SENTENCE in body["narrative"][0]
    # The leaders' visits were registered as visits, so the petitions figures count them too.
    assert (body["values"]["petition_visit_batches"], body["values"]["petition_person_visits"]) == (20, 118)
