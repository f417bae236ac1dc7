"""Every workflow step a petitioner must hear about queues one SMS per petitioner's mobile number,
through the real services, with the matter's number, the unit and the dates — and nothing personal."""

import pytest

from minsheng.accounts.models import Role
from minsheng.conftest import make_id_number
from minsheng.notifications.models import Notification
from minsheng.petitions import services
from minsheng.petitions.models import Channel, Routing
from minsheng.petitions.tests.workflow_steps import D, open_matter, refused, set_today, staff, take

from .logs import lines
from .petitioner_sms import MASKED, PHONE, one_text, petitioner_sms

HINT = "详情可凭查询码在网上信访平台查询。"


def test_it_tells_the_petitioner_the_matter_is_registered(city, register):
    matter = open_matter(register)

    assert one_text("registered") == f"您反映的信访事项已由怀仁市信访局登记，编号{matter.number}。{HINT}"
    (message,) = petitioner_sms("registered")
    assert (message.matter, message.status, message.recipient) == (matter, "pending", None)
    assert message.subject == f"信访事项{matter.number}已登记"


def test_it_sends_after_the_step_commits_with_the_number_masked_in_the_log(
    city, register, notification_log, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        open_matter(register)
        assert lines(notification_log) == []

    (message,) = petitioner_sms("registered")
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("sent", 1)
    assert lines(notification_log) == [f"sms #{message.pk} to {MASKED}: registered"]
    assert PHONE not in notification_log.text


def test_it_keeps_the_petitioners_number_only_encrypted(city, register):
    open_matter(register)

    stored = Notification.objects.filter(event="registered").values().get()
    assert PHONE not in str(stored)
    assert stored["address"] == MASKED and stored["address_encrypted"]


def test_it_never_names_the_petitioner_or_the_content(city, register, person):
    matter = open_matter(register)
    take(city, matter, to="final")

    for message in Notification.objects.filter(recipient__isnull=True):
        for private in ("李桂兰", "云中镇东关村", make_id_number(), "补偿款", matter.title):
            assert private not in message.body and private not in message.subject


def test_it_tells_where_the_matter_was_transferred_and_when_acceptance_is_due(city, register):
    matter = take(city, open_matter(register), to="transferred")

    assert one_text("transferred") == (
        f"您的信访事项{matter.number}已转送云中镇，该单位应于2026年6月11日前告知是否受理。{HINT}"
    )


def test_it_tells_where_the_matter_was_assigned(city, register):
    matter = take(city, open_matter(register), to="assigned")

    assert one_text("assigned") == (
        f"您的信访事项{matter.number}已交办云中镇办理，该单位应于2026年6月11日前告知是否受理。{HINT}"
    )


def test_it_tells_that_the_matter_goes_another_lawful_way(city, register):
    matter = open_matter(register)
    services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind=Routing.Kind.DIVERT,
        route=Routing.Route.ARBITRATION,
        guidance="请向怀仁市劳动人事争议仲裁委员会申请仲裁",
        routed_on=D(2026, 5, 27),
    )

    assert (
        one_text("diverted")
        == f"您的信访事项{matter.number}依法应通过其他法定途径解决，具体途径见书面告知书。{HINT}"
    )


def test_it_tells_that_the_matter_is_accepted_and_until_when(city, register):
    matter = take(city, open_matter(register), to="accepted")

    assert one_text("accepted") == (
        f"您的信访事项{matter.number}已由云中镇受理，办理期限至2026年7月31日，受理告知书另行送达。{HINT}"
    )


def test_it_tells_that_the_matter_is_not_accepted(city, register):
    matter = take(city, open_matter(register), to="transferred")
    services.matter_reject(
        actor=city.yunzhong_handler, matter=matter, reason="已经进入诉讼程序", on=D(2026, 6, 1)
    )

    assert (
        one_text("rejected") == f"您的信访事项{matter.number}经云中镇审查不予受理，理由见书面告知书。{HINT}"
    )


def test_it_tells_of_an_extension_and_the_new_deadline(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = take(city, open_matter(register), to="accepted")
    head = staff(city.yunzhong, "yz_zhenzhang", role=Role.LEADER)

    services.matter_extend(
        actor=city.yunzhong_handler, matter=matter, days=30, reason="需进一步调查", approved_by=head
    )

    assert one_text("extended") == (
        f"您的信访事项{matter.number}经批准延期办理，办理期限延至2026年8月31日，延期理由见书面通知。{HINT}"
    )


def test_it_tells_of_the_reply_and_the_window_to_request_review(city, register):
    matter = take(city, open_matter(register), to="replied")

    assert one_text("replied") == (
        f"您的信访事项{matter.number}已由云中镇出具处理意见。"
        f"如不服，可自收到答复之日起30日内（至2026年8月14日）请求复查。{HINT}"
    )


def test_it_acknowledges_requests_and_tells_of_the_review_and_recheck_opinions(city, register):
    matter = take(city, open_matter(register), to="final")
    n = matter.number

    # 云中镇 replied, so its upper level, 怀仁市, reviews; the recheck lies above the city, outside
    # this system, and is named as such.
    assert one_text("review_requested") == (
        f"已收到您对信访事项{n}的复查请求，怀仁市应于2026年9月2日前出具复查意见。{HINT}"
    )
    assert one_text("reviewed") == (
        f"您的信访事项{n}复查意见已由怀仁市出具。如不服，可自收到之日起30日内（至2026年9月28日）请求复核。{HINT}"
    )
    assert one_text("recheck_requested") == (
        f"已收到您对信访事项{n}的复核请求，怀仁市的上一级机关应于2026年10月10日前出具复核意见。{HINT}"
    )
    assert one_text("final") == (
        f"您的信访事项{n}复核意见已由怀仁市的上一级机关出具。以同一事实和理由再提出的，不再受理。{HINT}"
    )


def test_it_tells_nobody_when_a_step_is_refused(city, register):
    matter = take(city, open_matter(register), to="transferred")
    before = Notification.objects.count()

    with refused(matter):
        services.matter_accept(actor=city.housing_handler, matter=matter, on=D(2026, 6, 1))

    assert Notification.objects.count() == before


def test_it_tells_each_mobile_number_once_and_skips_landlines(city, register, person):
    register(
        petitioners=[
            person("张三", phone="13800000001"),
            person("张三之妻", phone="138-0000-0001"),
            person("李四", phone="0349-6021234"),
            person("王五"),
            person("赵六", phone="13800000002"),
        ],
        channel=Channel.LETTER,
    )

    sent = petitioner_sms("registered")
    assert sorted(m.clear_address() for m in sent) == ["13800000001", "13800000002"]


def test_it_tells_only_the_people_of_a_later_submission(city, register, person):
    matter = open_matter(register)
    register(matter=matter, petitioners=[person("孙七", phone="13700000007")], channel=Channel.LETTER)

    (attached,) = petitioner_sms("submission_attached")
    assert attached.clear_address() == "13700000007"
    assert attached.body == f"您的信访件已由怀仁市信访局登记，并入信访事项{matter.number}一并办理。{HINT}"
    assert len(petitioner_sms("registered")) == 1


def test_it_tells_everyone_on_the_matter_about_later_steps(city, register, person):
    matter = open_matter(register)
    register(matter=matter, petitioners=[person("孙七", phone="13700000007")], channel=Channel.LETTER)

    take(city, matter, to="accepted")

    assert sorted(m.clear_address() for m in petitioner_sms("accepted")) == ["13700000007", PHONE]


def test_it_leaves_online_registrations_to_the_portals_own_message(city, register):
    open_matter(register, channel=Channel.ONLINE)

    assert petitioner_sms("registered") == []


@pytest.mark.parametrize("kind", ["handling_note", "hearing", "closed", "rated"])
def test_it_does_not_text_about_internal_steps(city, register, kind):
    from minsheng.notifications.petitioners import EVENT_BY_KIND
    from minsheng.petitions.services.events import matter_event_record

    assert kind not in EVENT_BY_KIND
    matter = open_matter(register)
    before = Notification.objects.filter(recipient__isnull=True).count()
    matter_event_record(matter=matter, kind=kind, note="内部步骤")
    assert Notification.objects.filter(recipient__isnull=True).count() == before


def test_it_never_texts_about_imported_history(city, register):
    from minsheng.petitions.models import Matter, MatterEvent
    from minsheng.petitions.services.events import matter_event_record

    matter = open_matter(register)
    # As import_messages leaves an old board message: its source says it is history, answered long ago.
    Matter.objects.filter(pk=matter.pk).update(source=Matter.Source.IMPORT)
    matter.refresh_from_db()
    matter_event_record(matter=matter, kind=MatterEvent.Kind.REPLIED, note="历史答复")

    assert petitioner_sms("replied") == []
