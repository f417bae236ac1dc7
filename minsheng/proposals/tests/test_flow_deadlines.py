"""Handling deadlines: 3 months from assignment by default, at most 6, both settings; extension only
within the maximum; re-handling after an unsatisfied rating within 3 months."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.proposals import services
from minsheng.proposals.models import Proposal
from minsheng.proposals.selectors import ProposalFilters, proposal_list


@pytest.fixture
def admitted(submit, cppcc):
    proposal = submit()
    services.proposal_admit(actor=cppcc.office, proposal=proposal)
    return proposal


def test_the_deadline_is_three_months_from_assignment(admitted, cppcc, city):
    services.proposal_assign(actor=cppcc.office, proposal=admitted, lead=city.housing)
    admitted.refresh_from_db()
    today = timezone.localdate()
    assert admitted.assigned_on == today
    assert admitted.due_on == services.add_months(today, 3)


def test_months_are_added_to_the_calendar_day_or_the_last_day_of_a_short_month():
    assert services.add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert services.add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert services.add_months(dt.date(2026, 1, 15), 3) == dt.date(2026, 4, 15)


def test_the_setting_changes_the_default_deadline(admitted, cppcc, city, settings):
    settings.PROPOSAL_HANDLING_MONTHS = 2
    services.proposal_assign(actor=cppcc.office, proposal=admitted, lead=city.housing)
    admitted.refresh_from_db()
    assert admitted.due_on == services.add_months(timezone.localdate(), 2)


def test_it_refuses_a_deadline_beyond_six_months_or_not_after_today(admitted, cppcc, city):
    today = timezone.localdate()
    for due_on in (services.add_months(today, 6) + dt.timedelta(days=1), today, today - dt.timedelta(days=3)):
        with pytest.raises(ValidationError) as error:
            services.proposal_assign(actor=cppcc.office, proposal=admitted, lead=city.housing, due_on=due_on)
        assert "due_on" in error.value.message_dict
    admitted.refresh_from_db()
    assert admitted.status == Proposal.Status.ADMITTED and not admitted.assignments.exists()
    services.proposal_assign(
        actor=cppcc.office, proposal=admitted, lead=city.housing, due_on=services.add_months(today, 6)
    )


def test_the_maximum_is_a_setting_too(admitted, cppcc, city, settings):
    settings.PROPOSAL_HANDLING_MAX_MONTHS = 4
    with pytest.raises(ValidationError):
        services.proposal_assign(
            actor=cppcc.office,
            proposal=admitted,
            lead=city.housing,
            due_on=services.add_months(timezone.localdate(), 5),
        )


def test_an_extension_stays_within_the_maximum(admitted, cppcc, city):
    services.proposal_assign(actor=cppcc.office, proposal=admitted, lead=city.housing)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.proposal_extend(
            actor=cppcc.office, proposal=admitted, due_on=services.add_months(today, 7), reason="需要调研"
        )
    assert "6 个月" in str(error.value.message_dict["due_on"])
    with pytest.raises(ValidationError):
        services.proposal_extend(actor=cppcc.office, proposal=admitted, due_on=today, reason="需要调研")
    with pytest.raises(ValidationError) as error:
        services.proposal_extend(
            actor=cppcc.office, proposal=admitted, due_on=services.add_months(today, 5), reason=""
        )
    assert "reason" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.proposal_extend(
            actor=city.housing_handler,
            proposal=admitted,
            due_on=services.add_months(today, 5),
            reason="需要调研",
        )
    admitted.refresh_from_db()
    assert admitted.due_on == services.add_months(today, 3)
    services.proposal_extend(
        actor=cppcc.office, proposal=admitted, due_on=services.add_months(today, 6), reason="需要跨部门调研"
    )
    admitted.refresh_from_db()
    assert admitted.due_on == services.add_months(today, 6)


def test_overdue_proposals_are_found_by_their_deadline(admitted, cppcc, city):
    services.proposal_assign(actor=cppcc.office, proposal=admitted, lead=city.housing)
    Proposal.objects.filter(pk=admitted.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    overdue = proposal_list(user=cppcc.office, filters=ProposalFilters(deadline_state="overdue"))
    assert list(overdue) == [admitted]
    assert not proposal_list(user=cppcc.office, filters=ProposalFilters(deadline_state="on_time")).exists()


def test_rehandling_gets_the_rehandling_months_of_the_setting(proposal_67_replied, cppcc, settings):
    settings.PROPOSAL_REHANDLING_MONTHS = 1
    services.proposal_rate(
        actor=cppcc.wang, proposal=proposal_67_replied, rating="unsatisfied", comment="不具体"
    )
    proposal_67_replied.refresh_from_db()
    assert proposal_67_replied.due_on == services.add_months(timezone.localdate(), 1)
