"""Each step that must tell the petitioner (or the receiving unit) prepares its written notice: numbered
per issuing unit and year like 怀信〔2026〕1号, addressed to the petitioners by name (a transfer or
assignment form to the receiving unit), naming the matter and its dates in Chinese."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Notice

from .helpers import beijing
from .workflow_steps import D, open_matter, political_legal_organ, refused, set_today, take

TITLE = "反映征地拆迁补偿款未发放"


def notice(matter, kind) -> Notice:
    return Notice.objects.get(matter=matter, kind=kind)


def text(n: Notice) -> str:
    return "\n".join(n.paragraphs)


def test_it_numbers_documents_per_issuer_and_year(city, register):
    first = take(city, open_matter(register), to="accepted")
    second = take(city, open_matter(register), to="accepted")

    assert notice(first, "transfer_form").number == "怀信〔2026〕1号"
    assert notice(first, "acceptance_notice").number == "云中信〔2026〕1号"
    assert notice(second, "transfer_form").number == "怀信〔2026〕2号"
    assert notice(second, "acceptance_notice").number == "云中信〔2026〕2号"


def test_it_starts_the_numbers_again_in_a_new_year(city, register):
    old = open_matter(register, received_at=beijing(2025, 12, 22, 10))
    take(city, old, to="accepted", routed_on=D(2025, 12, 26), accepted_on=D(2026, 1, 5))
    new = take(city, open_matter(register), to="transferred")

    assert notice(old, "transfer_form").number == "怀信〔2025〕1号"
    assert notice(old, "transfer_form").issued_on == D(2025, 12, 26)
    assert notice(old, "acceptance_notice").number == "云中信〔2026〕1号"
    assert notice(new, "transfer_form").number == "怀信〔2026〕1号"


def test_it_keeps_document_numbers_apart_from_matter_numbers(city, register):
    matter = take(city, open_matter(register), to="transferred")

    assert matter.number == "怀信〔2026〕00001"
    assert notice(matter, "transfer_form").number == "怀信〔2026〕1号"


def test_it_uses_no_number_for_a_refused_step(city, register):
    matter = take(city, open_matter(register), to="transferred")
    with refused(matter):
        services.matter_accept(actor=city.jinshatan_handler, matter=matter, on=D(2026, 6, 1))

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=D(2026, 6, 1))

    assert notice(matter, "acceptance_notice").number == "云中信〔2026〕1号"


def test_it_numbers_every_document_of_a_matters_life(city, register):
    matter = take(city, open_matter(register), to="final")

    numbers = list(
        Notice.objects.filter(matter=matter).order_by("pk").values_list("kind", "number", "issuer")
    )
    assert numbers == [
        ("transfer_form", "怀信〔2026〕1号", city.bureau.pk),
        ("acceptance_notice", "云中信〔2026〕1号", city.yunzhong.pk),
        ("reply_opinion", "云中信〔2026〕2号", city.yunzhong.pk),
        # The city has no prefix of its own: the first four characters of its name.
        ("review_opinion", "怀仁市〔2026〕1号", city.root.pk),
        # The recheck body is above the city; the bureau records its opinion.
        ("recheck_opinion", "怀信〔2026〕2号", city.bureau.pk),
    ]


def test_it_addresses_the_forms_to_the_receiving_unit_and_the_notices_to_the_petitioners(
    city, register, person
):
    matter = open_matter(register, petitioners=[person("王建国"), person("张秀英")], head_count=2)
    take(city, matter, to="final")

    addressees = dict(Notice.objects.filter(matter=matter).values_list("kind", "addressee"))
    assert addressees == {
        "transfer_form": "云中镇",
        "acceptance_notice": "王建国、张秀英",
        "reply_opinion": "王建国、张秀英",
        "review_opinion": "王建国、张秀英",
        "recheck_opinion": "王建国、张秀英",
    }


def test_it_addresses_everyone_who_petitioned_on_the_matter(city, register, person):
    matter = open_matter(register)
    register(matter=matter, petitioners=[person("张秀英")], received_at=beijing(2026, 5, 26, 9))
    take(city, matter, to="accepted")

    assert notice(matter, "acceptance_notice").addressee == "李桂兰、张秀英"


def test_it_writes_the_transfer_form(city, register):
    matter = take(city, open_matter(register), to="transferred")

    form = notice(matter, "transfer_form")
    assert (form.title, form.issuer, form.issued_on, form.actor) == (
        "信访事项转送单",
        city.bureau,
        D(2026, 5, 27),
        city.supervisor,
    )
    fields = dict(form.fields)
    assert fields["信访事项编号"] == "怀信〔2026〕00001"
    assert fields["信访人"] == "李桂兰"
    assert fields["事项标题"] == TITLE
    assert fields["转送方式"] == "转送"
    assert "反馈期限" not in fields
    assert f"现将{TITLE}信访事项转送你单位" in form.paragraphs[0]
    assert "5个工作日内提出异议" in text(form)


def test_it_writes_the_assignment_form_with_the_report_deadline(city, register):
    matter = take(city, open_matter(register), to="assigned")

    form = notice(matter, "assignment_form")
    assert form.title == "信访事项交办单"
    assert dict(form.fields)["反馈期限"] == "2026年6月26日"
    assert dict(form.fields)["转送方式"] == "交办"
    assert "请于2026年6月26日前反馈办理结果，并提交办结报告。" in form.paragraphs


def test_it_writes_the_received_date_on_forms_without_leading_zeros(city, register):
    # GB/T 9704-2012 7.3.5.1: 月、日不编虚位 — 2026年5月25日, never 2026年05月25日.
    matter = take(city, open_matter(register), to="transferred")

    assert dict(notice(matter, "transfer_form").fields)["收到日期"] == "2026年5月25日"


def test_it_writes_the_acceptance_notice(city, register):
    matter = take(city, open_matter(register), to="accepted")

    accepted = notice(matter, "acceptance_notice")
    assert (accepted.title, accepted.issuer, accepted.issued_on) == (
        "信访事项受理告知书",
        city.yunzhong,
        D(2026, 6, 1),
    )
    assert f"你反映的“{TITLE}”信访事项，我单位已于2026年6月1日受理。" in accepted.paragraphs
    assert "我单位将在2026年7月31日前办结并书面答复你。" in text(accepted)


def test_it_writes_the_rejection_notice_with_the_reasons(city, register):
    matter = take(city, open_matter(register), to="transferred")
    services.matter_reject(
        actor=city.yunzhong_handler, matter=matter, reason="该事项已经复核终结。", on=D(2026, 6, 1)
    )

    rejected = notice(matter, "rejection_notice")
    assert (rejected.title, rejected.issuer, rejected.issued_on) == (
        "信访事项不予受理告知书",
        city.yunzhong,
        D(2026, 6, 1),
    )
    assert f"你反映的“{TITLE}”信访事项，经审查，决定不予受理。" in rejected.paragraphs
    assert "理由：该事项已经复核终结。" in rejected.paragraphs


def test_it_writes_the_extension_notice_with_the_reason_and_the_new_date(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 9, 20))
    matter = take(
        city,
        open_matter(register, received_at=beijing(2026, 7, 30, 10)),
        to="accepted",
        routed_on=D(2026, 8, 3),
        accepted_on=D(2026, 8, 6),
    )
    services.matter_extend(
        actor=city.yunzhong_handler,
        matter=matter,
        days=30,
        reason="需会同自然资源局核实",
        approved_by=city.yunzhong_registrar,
    )

    extended = notice(matter, "extension_notice")
    assert (extended.title, extended.issuer, extended.issued_on, extended.number) == (
        "信访事项延期办理告知书",
        city.yunzhong,
        D(2026, 9, 20),
        "云中信〔2026〕2号",
    )
    assert extended.paragraphs[0] == (
        f"你反映的“{TITLE}”信访事项，因需会同自然资源局核实，经本单位负责人批准，办理期限延长30日，至2026年11月4日。"
    )
    assert "第三十四条" in text(extended)


def test_it_writes_the_reply_opinion_with_its_four_parts_and_the_review_window(city, register):
    matter = take(city, open_matter(register), to="replied")

    opinion = notice(matter, "reply_opinion")
    assert (opinion.title, opinion.issuer, opinion.issued_on) == (
        "信访事项处理意见书",
        city.yunzhong,
        D(2026, 7, 15),
    )
    assert opinion.paragraphs == [
        f"你于2026年5月25日反映的“{TITLE}”信访事项（编号{matter.number}），现将信访处理意见告知如下：",
        "一、投诉请求：请求尽快发放征地补偿款",
        "二、事实和理由：经调查核实，补偿款已拨付至镇财政所，尚未发放到户。",
        "三、处理意见：责成镇财政所于30日内将补偿款发放到户。（支持）",
        "四、依据：《中华人民共和国土地管理法》第四十八条",
        "如对本意见不服，可自收到本意见书之日起30日内（至2026年8月14日）向上一级机关、单位请求复查。",
    ]


def test_it_writes_the_review_opinion_with_the_recheck_window(city, register):
    matter = take(city, open_matter(register), to="reviewed")

    opinion = notice(matter, "review_opinion")
    assert (opinion.title, opinion.issued_on) == ("信访事项复查意见书", D(2026, 8, 28))
    assert opinion.paragraphs[0].endswith("现将复查意见告知如下：")
    assert opinion.paragraphs[3] == "三、处理意见：维持原处理意见。（支持）"
    assert opinion.paragraphs[-1] == (
        "如对本意见不服，可自收到本意见书之日起30日内（至2026年9月28日）向上一级机关、单位请求复核。"
    )


def test_it_writes_the_recheck_opinion_as_the_last_word(city, register):
    matter = take(city, open_matter(register), to="final")

    opinion = notice(matter, "recheck_opinion")
    assert (opinion.title, opinion.issued_on) == ("信访事项复核意见书", D(2026, 10, 9))
    assert (
        opinion.paragraphs[-1]
        == "信访人对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理（第三十六条）。"
    )


def test_it_writes_the_diversion_notice_with_the_guidance(city, register):
    matter = open_matter(register)
    services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="arbitration",
        guidance="怀仁市劳动人事争议仲裁委员会",
        routed_on=D(2026, 5, 27),
    )

    diverted = notice(matter, "diversion_notice")
    assert (diverted.title, diverted.issuer, diverted.issued_on, diverted.number) == (
        "依法分类处理告知书",
        city.bureau,
        D(2026, 5, 27),
        "怀信〔2026〕1号",
    )
    assert diverted.addressee == "李桂兰"
    assert diverted.paragraphs[0] == f"你于2026年5月25日提出的“{TITLE}”信访事项已收悉。"
    assert "请你向怀仁市劳动人事争议仲裁委员会提出" in diverted.paragraphs[1]


def test_it_names_the_political_legal_organ_in_the_diversion_notice(city, register):
    organ = political_legal_organ(city)
    matter = open_matter(register)
    services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="political_legal",
        to_org=organ,
        routed_on=D(2026, 5, 27),
    )

    assert "请你向怀仁市委政法委员会提出" in notice(matter, "diversion_notice").paragraphs[1]


def test_it_dates_the_diversion_notice_by_the_day_of_receipt_in_beijing(city, register):
    # Received at 07:30 on 25 May in Beijing, which is 23:30 on 24 May in UTC.
    matter = open_matter(register, received_at=beijing(2026, 5, 25, 7, 30))
    services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="litigation",
        guidance="怀仁市人民法院",
        routed_on=D(2026, 5, 27),
    )

    assert notice(matter, "diversion_notice").paragraphs[0].startswith("你于2026年5月25日提出")


@pytest.mark.parametrize("kind", ["reply_opinion", "review_opinion", "recheck_opinion"])
def test_it_names_the_matter_in_every_opinion(city, register, kind):
    # Every other notice says which matter it answers; an opinion served alone must too.
    matter = take(city, open_matter(register), to="final")

    assert TITLE in text(notice(matter, kind))
