"""Hot issues among real messages: the 349 messages of August 2019 on the board of
../shared/data/taidi2020C_fujian3_messages.csv, where 34 people complained that the 伊景园滨河苑 estate
forced buyers to take a parking space with their flat."""

import datetime as dt
import time

import pytest
from django.db import transaction

from minsheng.accounts.models import Organisation
from minsheng.accounts.services import organisation_create
from minsheng.hotissues import detection
from minsheng.hotissues.models import HotIssue, HotIssueMember
from minsheng.hotissues.services import hot_issues_refresh
from minsheng.petitions.importing import parse_time, read_messages_file
from minsheng.petitions.models import Matter, SubmissionPetitioner
from minsheng.petitions.services import messages_import
from minsheng.similarity import text

FILE = "taidi2020C_fujian3_messages.csv"
START, END = dt.date(2019, 8, 1), dt.date(2019, 8, 31)


@pytest.fixture
def august(shared_data, db):
    records = [
        r for r in read_messages_file(shared_data / FILE) if START <= parse_time(r["留言时间"]).date() <= END
    ]
    with transaction.atomic():
        bureau = organisation_create(name="热点测试信访局", kind=Organisation.Kind.PETITION_BUREAU)
        report = messages_import(records=records, organisation=bureau)
    assert report.imported == len(records) == 349
    started = time.monotonic()
    analysis = hot_issues_refresh(start=START, end=END)
    analysis.elapsed = time.monotonic() - started
    return analysis


def test_it_finds_the_parking_space_complaints_of_one_estate_as_the_largest_hot_issue(august):
    largest = august.issues.order_by("-size", "pk").first()

    assert "滨河苑" in largest.places or "滨河苑" in largest.label
    assert largest.size >= 25
    titles = list(
        Matter.objects.filter(pk__in=largest.members.values("matter_id")).values_list("title", flat=True)
    )
    assert sum("滨河苑" in t for t in titles) >= 0.9 * len(titles)
    people = SubmissionPetitioner.objects.filter(submission__matter__in=largest.members.values("matter_id"))
    assert people.values("petitioner").distinct().count() >= 20


def test_every_member_of_the_largest_groups_shares_a_place_or_much_text_with_their_central_matter(august):
    def precise_places(matter):
        found = text.places(f"{matter.title}\n{matter.content}")
        return {place for place, coarse in found.items() if not coarse}

    for issue in august.issues.order_by("-size", "pk")[:5]:
        matters = list(Matter.objects.filter(pk__in=issue.members.values("matter_id")))
        central = next(m for m in matters if m.title == issue.label)
        central_vector = text.vector(f"{central.title}\n{central.content}")
        for matter in matters:
            close = text.cosine(text.vector(f"{matter.title}\n{matter.content}"), central_vector) >= 0.3
            assert close or precise_places(matter) & precise_places(central), (issue.label, matter.title)


def test_it_puts_no_matter_in_two_groups_and_no_group_of_one_person(august):
    members = HotIssueMember.objects.filter(issue__analysis=august)
    assert members.count() == members.values("matter").distinct().count()
    for issue in HotIssue.objects.filter(analysis=august):
        people = SubmissionPetitioner.objects.filter(submission__matter__in=issue.members.values("matter_id"))
        assert people.values("petitioner").distinct().count() >= 2
        assert issue.size >= detection.MIN_SIZE


def test_it_analyses_a_month_of_real_messages_in_seconds(august):
    assert august.matter_count == 349
    assert 3 <= august.issue_count <= 60
    assert august.elapsed < 10
