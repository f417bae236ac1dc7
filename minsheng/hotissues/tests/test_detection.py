"""Finding the groups of matters about one problem, on matters whose true groups are known."""

import datetime as dt

from django.utils import timezone

from minsheng.hotissues import detection
from minsheng.hotissues.models import HotIssue, HotIssueAnalysis
from minsheng.hotissues.services import hot_issues_refresh
from minsheng.similarity import text

from .helpers import member_sets, period, pks


def test_it_groups_the_petitioners_of_one_estate_and_keeps_the_look_alike_estate_apart(estates):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])

    groups = member_sets(analysis)
    assert pks(estates.lijing) in groups
    assert pks(estates.jinxiu) in groups
    assert len(groups) == 2
    assert not pks(estates.noise) & set().union(*groups)


def test_it_names_each_group_by_its_place_and_a_central_title(estates):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])

    lijing = HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])
    assert lijing.size == 5
    assert "丽景小区" in lijing.place_list
    assert "锦绣小区" not in lijing.places
    assert lijing.label in {m.title for m in estates.lijing}
    assert lijing.first_received_at == min(m.received_at for m in estates.lijing)
    assert lijing.last_received_at == max(m.received_at for m in estates.lijing)
    assert 0.3 <= lijing.cohesion <= 1


def test_it_keeps_only_the_matters_received_in_the_period(estates):
    # 丽景 matters are 1, 4, 7, 10 and 13 days old: a 9-day period holds three of them.
    analysis = hot_issues_refresh(start=period(9)[0], end=period(9)[1])

    assert analysis.matter_count < len(estates.lijing) + len(estates.jinxiu) + len(estates.noise)
    lijing = HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])
    assert {m.matter_id for m in lijing.members.all()} == pks(estates.lijing[:3])


def test_it_replaces_the_earlier_analysis_of_the_same_period(estates):
    start, end = period()
    first = hot_issues_refresh(start=start, end=end)
    second = hot_issues_refresh(start=start, end=end)

    assert not HotIssueAnalysis.objects.filter(pk=first.pk).exists()
    assert list(HotIssueAnalysis.objects.values_list("pk", flat=True)) == [second.pk]
    assert HotIssue.objects.filter(analysis=second).count() == 2


def test_it_finds_nothing_in_a_period_without_matters(estates):
    long_ago = timezone.localdate() - dt.timedelta(days=400)
    analysis = hot_issues_refresh(start=long_ago, end=long_ago + dt.timedelta(days=30))

    assert analysis.matter_count == 0
    assert analysis.issue_count == 0


def test_it_does_not_count_one_person_writing_three_times_as_a_hot_issue(city, register, people):
    someone = people()
    for i, (title, content) in enumerate([("丽景小区供暖不热", "丽景小区暖气不热，室温只有十二度。")] * 3):
        register(
            title=title,
            content=f"{content}第{i + 1}次反映。",
            petitioners=[someone],
            received_at=timezone.now() - dt.timedelta(days=i + 1),
            confirmed_new=True,
        )

    analysis = hot_issues_refresh(start=period()[0], end=period()[1])

    assert analysis.issue_count == 0


def _matter(pk, title, content):
    body = f"{title}\n{title}\n{content}"
    return detection.matter_of(pk, title, text.pack(text.vector(body)), " ".join(text.places(body)))


def test_it_does_not_chain_two_problems_through_a_matter_that_mentions_both():
    heating = [
        _matter(i, title, content)
        for i, (title, content) in enumerate(
            [
                ("丽景小区供暖不热", "丽景小区暖气不热，室温只有十二度，请督促热力公司整改。"),
                ("丽景小区暖气不热", "丽景小区供暖温度不达标，暖气片冰凉，请热力公司整改。"),
                ("反映丽景小区供暖问题", "丽景小区供暖不达标，室温只有十二度，暖气不热。"),
                ("丽景小区供暖温度低", "丽景小区暖气不热，热力公司不整改，室温十二度。"),
            ],
            start=1,
        )
    ]
    land = [
        _matter(i, title, content)
        for i, (title, content) in enumerate(
            [
                ("东关村征地补偿款未发放", "东关村承包地去年被征收，征地补偿款至今没有发放到位。"),
                ("东关村征地补偿款拖欠", "东关村村民的征地补偿款被拖欠一年多，请求尽快发放。"),
                ("反映东关村征地补偿问题", "东关村土地征收后补偿款迟迟未发放，村民生活困难。"),
                ("东关村村民讨要征地补偿款", "东关村被征地村民多次讨要补偿款无果，请求督促发放。"),
            ],
            start=11,
        )
    ]
    # One writer raises both: it is close to each group, and would chain them into one.
    bridge = _matter(
        21,
        "丽景小区供暖不热，东关村征地补偿款未发放",
        "丽景小区暖气不热，室温只有十二度；我老家东关村的征地补偿款也至今没有发放。",
    )
    matters = {m.pk: m for m in [*heating, *land, bridge]}
    every_pair = [(a, b) for a in matters for b in matters if a < b]

    groups = [set(g.members) for g in detection.group(matters, every_pair)]

    assert detection.linked(bridge, heating[0]) and detection.linked(bridge, land[0])
    assert any(group >= pks(heating) for group in groups)
    assert any(group >= pks(land) for group in groups)
    assert not any(group & pks(heating) and group & pks(land) for group in groups)


def test_it_joins_overlapping_bigrams_into_phrases():
    assert detection.chain(["丽景", "景小", "小区", "物业"]) == ["丽景小区", "物业"]
    assert detection.chain(["8车贷", "58车"]) == ["58车贷"]
