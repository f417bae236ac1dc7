"""What the workflow tests share: the dates of a matter's life, a function that takes a matter through
route → accept → reply → review → recheck, a fixed "today", and a check that a refused step changed
nothing.

The default dates are a claim the petition bureau received on Monday 25 May 2026 and sent to 云中镇.
Each deadline below was counted by hand and is asserted in the tests that need it:

    received 2026-05-25 → route by 2026-06-09 (15 日)
    routed   2026-05-27 → accept notice by 2026-06-11 (15 日), objection by 2026-06-03 (5 工作日),
                          assignment report by 2026-06-26 (30 日)
    accepted 2026-06-01 → handled by 2026-07-31 (60 日)
    served   2026-07-15 → review may be requested until 2026-08-14 (30 日)
    review requested 2026-08-03 → review opinion by 2026-09-02
    reviewed 2026-08-28 → recheck may be requested until 2026-09-28 (day 30, Sunday 27 September, is
                          in the Mid-Autumn holiday)
    recheck requested 2026-09-10 → recheck opinion by 2026-10-10 (a make-up working Saturday)
    rechecked 2026-10-09
"""

import datetime as dt
from contextlib import contextmanager

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.conftest import PASSWORD
from minsheng.petitions import services
from minsheng.petitions.models import (
    Extension,
    HandlingNote,
    Matter,
    MatterEvent,
    MatterNumberSequence,
    Notice,
    Reconsideration,
    Reply,
    Routing,
)

from .helpers import beijing

D = dt.date
Status = Matter.Status

RECEIVED_AT = beijing(2026, 5, 25, 10)
DATES = {
    "routed_on": D(2026, 5, 27),
    "accepted_on": D(2026, 6, 1),
    "served_on": D(2026, 7, 15),
    "review_requested_on": D(2026, 8, 3),
    "reviewed_on": D(2026, 8, 28),
    "recheck_requested_on": D(2026, 9, 10),
    "rechecked_on": D(2026, 10, 9),
}

# The order in which `take` moves a matter; ASSIGNED and TRANSFERRED are the same place in it.
PATH = (
    Status.REGISTERED,
    Status.TRANSFERRED,
    Status.ACCEPTED,
    Status.REPLIED,
    Status.REVIEW_REQUESTED,
    Status.REVIEWED,
    Status.RECHECK_REQUESTED,
    Status.FINAL,
)


def reply_parts(**overrides) -> dict:
    """The four parts of a 信访处理意见书 (Art 32) and its outcome."""
    return {
        "request": "请求尽快发放征地补偿款",
        "facts_and_reasons": "经调查核实，补偿款已拨付至镇财政所，尚未发放到户。",
        "text": "责成镇财政所于30日内将补偿款发放到户。",
        "basis": "《中华人民共和国土地管理法》第四十八条",
        "outcome": Reply.Outcome.SUPPORT,
        **overrides,
    }


def open_matter(register, **fields) -> Matter:
    """Register a submission at the bureau (or where `actor` works) on the default day of receipt."""
    fields.setdefault("received_at", RECEIVED_AT)
    return register(**fields).matter


def take(
    city,
    matter: Matter,
    *,
    to: str,
    unit: Organisation | None = None,
    handler=None,
    reviewer=None,
    rechecker=None,
    **dates,
) -> Matter:
    """Take a matter registered at the bureau to status `to` through the real services, one step at a
    time from where it is: the supervisor transfers it (assigns it when `to` is "assigned") to `unit`
    (云中镇), whose `handler` accepts and replies; the bureau records the review and recheck for the
    upper levels unless `reviewer` / `rechecker` are given. Any date of DATES can be overridden."""
    if to == Status.ASSIGNED:
        kind, to = Routing.Kind.ASSIGN, Status.TRANSFERRED
    else:
        kind = Routing.Kind.TRANSFER
    if to not in PATH:
        raise ValueError(f"take() cannot reach {to!r}")
    on = {**DATES, **dates}
    unit = unit or city.yunzhong
    handler = handler or city.yunzhong_handler
    reviewer = reviewer or city.supervisor
    rechecker = rechecker or city.supervisor
    steps = [
        lambda: services.matter_route(
            actor=city.supervisor, matter=matter, kind=kind, to_org=unit, routed_on=on["routed_on"]
        ),
        lambda: services.matter_accept(actor=handler, matter=matter, on=on["accepted_on"]),
        lambda: services.matter_reply(
            actor=handler, matter=matter, served_on=on["served_on"], **reply_parts()
        ),
        lambda: services.reconsideration_request(
            actor=city.supervisor,
            matter=matter,
            stage="review",
            reason="对处理意见不服",
            requested_on=on["review_requested_on"],
        ),
        lambda: services.reconsideration_decide(
            actor=reviewer,
            matter=matter,
            stage="review",
            served_on=on["reviewed_on"],
            **reply_parts(text="维持原处理意见。"),
        ),
        lambda: services.reconsideration_request(
            actor=city.supervisor,
            matter=matter,
            stage="recheck",
            reason="对复查意见不服",
            requested_on=on["recheck_requested_on"],
        ),
        lambda: services.reconsideration_decide(
            actor=rechecker,
            matter=matter,
            stage="recheck",
            served_on=on["rechecked_on"],
            **reply_parts(text="复查意见正确，予以维持。"),
        ),
    ]
    here = Status.TRANSFERRED if matter.status == Status.ASSIGNED else matter.status
    if here not in PATH or PATH.index(here) > PATH.index(to):
        raise ValueError(f"take() cannot go from {matter.status!r} to {to!r}")
    for step in steps[PATH.index(here) : PATH.index(to)]:
        step()
    matter.refresh_from_db()
    return matter


def set_today(monkeypatch, day: dt.date) -> None:
    """Make the services' "today" (django.utils.timezone.localdate()) a fixed day.

    Steps without a date parameter (an extension) and checks against today (nothing dated in the
    future, no extension after the deadline) then behave as on that day, whatever day the tests run."""
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return day if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)


def without_holiday_data_from(monkeypatch, year: int) -> None:
    """Make `year` and later unknown to the holiday package, as 2027 is in chinesecalendar 1.11, so
    that tests of the no-data warning keep their premise after the package learns that year."""
    from minsheng.lib import workdays

    first = workdays.PACKAGE_YEARS.start
    monkeypatch.setattr(workdays, "PACKAGE_YEARS", range(first, min(year, workdays.PACKAGE_YEARS.stop)))


def staff(organisation: Organisation, username: str, role: str = Role.HANDLER, **extra):
    """One more user: a village handler, a township head who approves an extension."""
    return user_create(
        username=username,
        password=PASSWORD,
        full_name=username,
        role=role,
        organisation=organisation,
        **extra,
    )


def political_legal_organ(city) -> Organisation:
    return organisation_create(
        name="怀仁市委政法委员会",
        kind=Organisation.Kind.POLITICAL_LEGAL,
        parent=city.root,
        number_prefix="怀政法",
    )


# What a step may change; a refused step must leave all of it as it was.
MATTER_FIELDS = (
    "status",
    "handling_org_id",
    "due_on",
    "due_kind",
    "route_due_on",
    "accept_due_on",
    "objection_due_on",
    "report_due_on",
    "handle_due_on",
    "review_request_due_on",
    "review_due_on",
    "recheck_request_due_on",
    "recheck_due_on",
    "deadline_uncertain",
    "accepted_on",
    "closed_on",
)
ROW_MODELS = (Routing, Notice, Reply, MatterEvent, Extension, Reconsideration, HandlingNote)


def snapshot(matter: Matter) -> dict:
    fresh = Matter.objects.get(pk=matter.pk)
    return {
        "matter": {field: getattr(fresh, field) for field in MATTER_FIELDS},
        "rows": {model.__name__: model.objects.count() for model in ROW_MODELS},
        "routings": list(Routing.objects.order_by("pk").values_list("objected_on", "objection_reason")),
        "reconsiderations": list(
            Reconsideration.objects.order_by("pk").values_list("due_on", "hearing_days", "decided_on")
        ),
        # Document and matter numbers: a refused step must not use one up.
        "numbers": sorted(MatterNumberSequence.objects.values_list("prefix", "year", "last_value")),
    }


# For `refused`: any ValidationError will do, whatever field it names.
ANY_FIELD = "*"


@contextmanager
def refused(matter: Matter, field: str | None = None):
    """The step inside must be refused and change nothing: a ValidationError whose messages name
    `field` (any field for ANY_FIELD), or PermissionDenied when no field is given."""
    before = snapshot(matter)
    expected = PermissionDenied if field is None else ValidationError
    with pytest.raises(expected) as caught:
        yield caught
    if field not in (None, ANY_FIELD):
        messages = caught.value.message_dict
        assert field in messages, f"expected a message for {field!r}, got {messages}"
    after = snapshot(matter)
    assert after == before, f"a refused step changed something:\nbefore {before}\nafter  {after}"


def last_event(matter: Matter) -> MatterEvent:
    return MatterEvent.objects.filter(matter=matter).latest("at", "pk")
