"""The report's text: the reply's sentences from the figures, the subject from the organisation, and
no boasting about nothing."""

from minsheng.accounts.models import Organisation
from minsheng.reports.figures import FIGURES
from minsheng.reports.narrative import paragraphs
from minsheng.reports.petitions import with_rates

CITY = Organisation(name="怀仁市", kind=Organisation.Kind.CITY)
TOWNSHIP = Organisation(name="云中镇", kind=Organisation.Kind.TOWNSHIP)

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


def values(**figures) -> dict:
    counts = {**{spec.key: 0 for spec in FIGURES if spec.kind == "count"}, **figures}
    return {**counts, **with_rates(counts)}


def test_the_reception_paragraph_reads_like_the_reply():
    text = paragraphs(values=values(**REPLY), organisation=CITY, phrase="今年上半年")

    assert text[0] == (
        "今年上半年，市级领导共召开信访工作联席专题会议 11 次，领导坐班接访 66 次，"
        "接待上访群众 20 批次 118 人次，作出重要信访批示 34 件次。"
    )
    assert text[1] == "今年上半年，法律工作者为群众提供免费法律咨询 300 人次。"
    assert text[2] == (
        "今年上半年，全市共计发放宣传资料 30000 份，调查问卷 5000 份，"
        "接受群众咨询 4000 人次，受益群众 1000 人。"
    )


def test_a_township_is_named_in_place_of_the_citys_leaders():
    text = paragraphs(
        values=values(joint_meetings=2, reception_sessions=5, legal_consultations=3, people_reached=40),
        organisation=TOWNSHIP,
        phrase="2026年第三季度",
    )

    assert text[0] == "2026年第三季度，云中镇共召开信访工作联席专题会议 2 次，领导坐班接访 5 次。"
    assert text[1] == "2026年第三季度，法律工作者在云中镇为群众提供免费法律咨询 3 人次。"
    assert text[2] == "2026年第三季度，云中镇共计受益群众 40 人。"


def test_a_zero_figure_is_left_out_of_its_sentence():
    text = paragraphs(
        values=values(reception_sessions=66, instructions=34, questionnaires_collected=5000),
        organisation=CITY,
        phrase="今年上半年",
    )

    assert text[0] == "今年上半年，市级领导共坐班接访 66 次，作出重要信访批示 34 件次。"
    # Without materials, the questionnaires take the verb themselves.
    assert text[2] == "今年上半年，全市共计发放调查问卷 5000 份。"
    assert not any(" 0 " in paragraph for paragraph in text)


def test_a_paragraph_with_nothing_to_report_says_so_plainly():
    text = paragraphs(values=values(matters_received=3, submissions=4), organisation=CITY, phrase="今年10月")

    assert text[0] == "今年10月，未记录市级领导召开信访工作联席会议、坐班接访和作出信访批示的情况。"
    assert text[1] == "今年10月，未记录法律工作者参与信访工作的情况。"
    assert text[2] == "今年10月，全市未记录信访宣传活动。"
    assert text[3] == "今年10月，全市共登记信访事项 3 件，收到信访件 4 件；没有重复信访。"


def test_the_petitions_paragraph_gives_the_rates_with_what_they_are_rates_of():
    text = paragraphs(
        values=values(
            matters_received=6,
            submissions=8,
            channel_letter=3,
            channel_phone=1,
            petition_visit_batches=4,
            petition_person_visits=10,
            repeat_submissions=1,
            accept_due=6,
            accepted_on_time=3,
            handle_due=3,
            completed_on_time=1,
            rated_matters=4,
            satisfied=2,
            basically_satisfied=1,
            unsatisfied=1,
        ),
        organisation=CITY,
        phrase="今年9月",
    )

    assert text[3] == (
        "今年9月，全市共登记信访事项 6 件，收到信访件 8 件（来信 3 件、电话 1 件、来访 4 批次 10 人次）；"
        "应按期告知受理的 6 件中，按期告知 3 件，按期受理率 50.0%；"
        "应按期办结的 3 件中，按期办结 1 件，按期办结率 33.3%；"
        "信访人评价的 4 件事项中，满意 2 件、基本满意 1 件，群众满意率 75.0%；"
        "重复信访 1 件，重复信访率 12.5%。"
    )


def test_an_empty_period_says_nothing_was_recorded():
    text = paragraphs(values=values(), organisation=TOWNSHIP, phrase="今年上半年")

    assert text == [
        "今年上半年，云中镇没有记录任何信访工作数据：领导接访、法律服务、宣传活动和信访事项均无记录。"
    ]
