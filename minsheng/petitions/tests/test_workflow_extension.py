"""Art 34: the handling period may be extended once, by at most 30 days, with the approval of the
handling unit's head, and the petitioner is told why."""

import pytest

from minsheng.accounts.models import Role
from minsheng.petitions import services
from minsheng.petitions.models import Extension, Matter, MatterEvent

from .workflow_steps import D, last_event, open_matter, refused, set_today, staff, take

Status = Matter.Status
REASON = "涉及多个部门，需进一步调查核实"
# Accepted on Monday 1 June 2026: handled by Friday 31 July.
DUE = D(2026, 7, 31)


@pytest.fixture
def head(city):
    """The head of 云中镇, who approves its extensions."""
    return staff(city.yunzhong, "yz_zhenzhang", role=Role.LEADER, title="镇长")


def accepted(city, register) -> Matter:
    matter = take(city, open_matter(register), to="accepted")
    assert matter.handle_due_on == DUE
    return matter


def test_it_extends_the_handling_period_once(city, register, head, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = accepted(city, register)

    extension = services.matter_extend(
        actor=city.yunzhong_handler, matter=matter, days=30, reason=REASON, approved_by=head
    )

    matter.refresh_from_db()
    # 31 July + 30 日 = Sunday 30 August, so Monday 31 August.
    assert (extension.days, extension.reason, extension.approved_by, extension.actor) == (
        30,
        REASON,
        head,
        city.yunzhong_handler,
    )
    assert (extension.previous_due_on, extension.new_due_on) == (DUE, D(2026, 8, 31))
    assert matter.status == Status.ACCEPTED
    assert matter.handle_due_on == D(2026, 8, 31)
    assert (matter.due_kind, matter.due_on) == ("handle", D(2026, 8, 31))
    notice = matter.notices.get(kind="extension_notice")
    assert notice.issued_on == D(2026, 7, 20)
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status) == (
        MatterEvent.Kind.EXTENDED,
        city.yunzhong_handler,
        Status.ACCEPTED,
        Status.ACCEPTED,
    )
    assert event.note == f"延期 30 日至 2026-08-31，批准人 yz_zhenzhang：{REASON}"


def test_it_extends_on_the_last_day_of_the_handling_period(city, register, head, monkeypatch):
    set_today(monkeypatch, DUE)
    matter = accepted(city, register)

    extension = services.matter_extend(
        actor=city.yunzhong_handler, matter=matter, days=10, reason=REASON, approved_by=head
    )

    assert extension.new_due_on == D(2026, 8, 10)


def test_it_lets_a_colleague_of_the_handling_unit_approve(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = accepted(city, register)

    extension = services.matter_extend(
        actor=city.yunzhong_handler,
        matter=matter,
        days=15,
        reason=REASON,
        approved_by=city.yunzhong_registrar,
    )

    assert extension.approved_by == city.yunzhong_registrar


def test_it_refuses_a_second_extension(city, register, head, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = accepted(city, register)
    services.matter_extend(
        actor=city.yunzhong_handler, matter=matter, days=10, reason=REASON, approved_by=head
    )

    with refused(matter, "days"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=10, reason=REASON, approved_by=head
        )


@pytest.mark.parametrize("days", [31, 0, -5, 10.5, "30"])
def test_it_refuses_an_extension_that_is_not_1_to_30_days(city, register, head, monkeypatch, days):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = accepted(city, register)

    with refused(matter, "days"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=days, reason=REASON, approved_by=head
        )


def test_it_refuses_an_approver_from_another_unit(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = accepted(city, register)

    with refused(matter, "approved_by"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=30, reason=REASON, approved_by=city.supervisor
        )
    with refused(matter, "approved_by"):
        services.matter_extend(
            actor=city.yunzhong_handler,
            matter=matter,
            days=30,
            reason=REASON,
            approved_by=city.jinshatan_handler,
        )


def test_it_refuses_an_extension_without_an_approver(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = accepted(city, register)

    with refused(matter, "approved_by"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=30, reason=REASON, approved_by=None
        )


def test_it_refuses_an_extension_without_a_reason(city, register, head, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = accepted(city, register)

    with refused(matter, "reason"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=30, reason="  ", approved_by=head
        )


def test_it_refuses_an_extension_after_the_handling_deadline(city, register, head, monkeypatch):
    set_today(monkeypatch, D(2026, 8, 1))
    matter = accepted(city, register)

    with refused(matter, "deadline"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=30, reason=REASON, approved_by=head
        )


@pytest.mark.parametrize("status", ["transferred", "replied"])
def test_it_refuses_an_extension_unless_the_matter_is_being_handled(
    city, register, head, monkeypatch, status
):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = take(city, open_matter(register), to=status)

    with refused(matter, "status"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=30, reason=REASON, approved_by=head
        )


def test_it_refuses_an_extension_asked_by_another_unit(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = take(city, open_matter(register, concerned_org=city.jinshatan), to="accepted")

    with refused(matter):
        services.matter_extend(
            actor=city.jinshatan_handler,
            matter=matter,
            days=30,
            reason=REASON,
            approved_by=city.jinshatan_handler,
        )


def test_it_keeps_no_extension_row_when_refused(city, register, head, monkeypatch):
    set_today(monkeypatch, D(2026, 8, 1))
    matter = accepted(city, register)

    with refused(matter, "deadline"):
        services.matter_extend(
            actor=city.yunzhong_handler, matter=matter, days=30, reason=REASON, approved_by=head
        )

    assert not Extension.objects.filter(matter=matter).exists()
