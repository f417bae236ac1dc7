"""The petitions figures of a period, counted in the database and grouped by unit.

Each query returns {organisation id: {figure: count}} for the organisations of one subtree, so that the
same few aggregate queries give both the organisation's totals and its units' rows (roll-up happens per
organisation, never per matter). Definitions are in figures.py; in short:

- matters and submissions count where they were registered (the receiving unit);
- acceptance, completion and satisfaction count for the unit responsible: the handling unit, or the
  receiving unit while a matter has not been sent on;
- an on-time question is settled on one day — the day the answer was given when it was in time, the
  deadline when it was not — and a matter counts in the period containing that day, so each matter is
  counted once, and one whose deadline has not yet come and that is not yet answered is not counted.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from minsheng.petitions.models import Channel, Matter, Notice, Rating, Reply, Submission

Counts = dict[int, dict[str, int]]

# Written notices by which a unit answers "do you accept it?" other than accepting (Art 23, 31).
DECISION_NOTICE_KINDS = ("rejection_notice", "diversion_notice")
# Visits are counted as batches and person-visits; the other channels by submission.
CHANNEL_KEYS = {channel: f"channel_{channel}" for channel in Channel.values if channel != Channel.VISIT}


def local_midnight(day: dt.date) -> dt.datetime:
    # Bounds as aware datetimes, so the indexed columns are compared directly, not through a per-row
    # date conversion that SQLite and PostgreSQL would spell differently.
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _merge(into: Counts, rows, unit_field: str, keys: tuple[str, ...]) -> None:
    for row in rows:
        counts = into[row[unit_field]]
        for key in keys:
            counts[key] = counts.get(key, 0) + (row[key] or 0)


def _in(field: str, unit_ids: list[int] | None) -> Q:
    # None stands for the whole tree: no filter at all is cheaper than a list of every organisation.
    return Q() if unit_ids is None else Q(**{f"{field}__in": unit_ids})


def _responsible_in(unit_ids: list[int] | None, prefix: str = "") -> Q:
    if unit_ids is None:
        return Q()
    return Q(**{f"{prefix}handling_org__in": unit_ids}) | Q(
        **{f"{prefix}handling_org__isnull": True, f"{prefix}receiving_org__in": unit_ids}
    )


def _responsible(prefix: str = ""):
    return Coalesce(f"{prefix}handling_org", f"{prefix}receiving_org")


def _received(counts: Counts, unit_ids, lo, hi) -> None:
    rows = (
        Matter.objects.filter(_in("receiving_org", unit_ids), received_at__gte=lo, received_at__lt=hi)
        .values("receiving_org")
        .annotate(matters_received=Count("pk"))
        .order_by()
    )
    _merge(counts, rows, "receiving_org", ("matters_received",))


def _submissions(counts: Counts, unit_ids, lo, hi) -> None:
    visit = Q(channel=Channel.VISIT)
    per_channel = {key: Count("pk", filter=Q(channel=channel)) for channel, key in CHANNEL_KEYS.items()}
    rows = (
        Submission.objects.filter(_in("receiving_org", unit_ids), received_at__gte=lo, received_at__lt=hi)
        .values("receiving_org")
        .annotate(
            submissions=Count("pk"),
            repeat_submissions=Count("pk", filter=Q(is_repeat=True)),
            petition_visit_batches=Count("pk", filter=visit),
            petition_person_visits=Sum("head_count", filter=visit),
            **per_channel,
        )
        .order_by()
    )
    keys = ("submissions", "repeat_submissions", "petition_visit_batches", "petition_person_visits")
    _merge(counts, rows, "receiving_org", keys + tuple(per_channel))


def _count_by_unit(counts: Counts, queryset, key: str, prefix: str = "") -> None:
    rows = (
        queryset.annotate(unit=_responsible(prefix)).values("unit").annotate(**{key: Count("pk")}).order_by()
    )
    _merge(counts, rows, "unit", (key,))


# Each on-time question below is split into the matters answered in time, counted on the day of the
# answer, and the matters not answered in time, counted on the deadline; their sum is what was due.
# Two plain queries instead of one with the answer's date as an expression: the databases evaluate
# such an expression again wherever it is used, which made a half-year of 100,000 matters slow.


def _acceptance(counts: Counts, unit_ids, start, end, today) -> None:
    decision_notices = Notice.objects.filter(kind__in=DECISION_NOTICE_KINDS)
    accepted_in_time = Q(accepted_on__isnull=False, accepted_on__lte=F("accept_due_on"))
    noticed_in_time = Q(accepted_on__isnull=True) & Exists(
        decision_notices.filter(matter=OuterRef("pk"), issued_on__lte=OuterRef("accept_due_on"))
    )
    deciding = Matter.objects.filter(_responsible_in(unit_ids), accept_due_on__isnull=False)
    _count_by_unit(
        counts,
        deciding.filter(accepted_in_time, accepted_on__gte=start, accepted_on__lte=end),
        "accepted_on_time",
    )
    # A rejection or diversion is dated by its notice; only a matter that was not accepted has one.
    noticed = decision_notices.filter(
        _responsible_in(unit_ids, "matter__"),
        Q(issued_on__lte=F("matter__accept_due_on")),
        matter__accepted_on__isnull=True,
        matter__accept_due_on__isnull=False,
        issued_on__gte=start,
        issued_on__lte=end,
    ).values("matter_id")
    _count_by_unit(counts, deciding.filter(pk__in=noticed), "accepted_on_time")
    late = Matter.objects.filter(
        _responsible_in(unit_ids), accept_due_on__gte=start, accept_due_on__lte=end, accept_due_on__lt=today
    ).exclude(accepted_in_time | noticed_in_time)
    _count_by_unit(counts, late, "accepted_late")


def _completion(counts: Counts, unit_ids, start, end, today) -> None:
    replies = Reply.objects.filter(stage=Reply.Stage.HANDLING)
    in_time = replies.filter(
        _responsible_in(unit_ids, "matter__"),
        Q(served_on__lte=F("matter__handle_due_on")),
        served_on__gte=start,
        served_on__lte=end,
    ).values("matter_id")
    _count_by_unit(counts, Matter.objects.filter(pk__in=in_time), "completed_on_time")
    late = Matter.objects.filter(
        _responsible_in(unit_ids), handle_due_on__gte=start, handle_due_on__lte=end, handle_due_on__lt=today
    ).exclude(Exists(replies.filter(matter=OuterRef("pk"), served_on__lte=OuterRef("handle_due_on"))))
    _count_by_unit(counts, late, "completed_late")


def _satisfaction(counts: Counts, unit_ids, lo, hi) -> None:
    current = Rating.objects.filter(is_current=True)
    # A matter's latest current rating speaks for it: one of its other answers rated later replaces it.
    later = current.filter(matter=OuterRef("matter")).filter(
        Q(recorded_at__gt=OuterRef("recorded_at"))
        | Q(recorded_at=OuterRef("recorded_at"), pk__gt=OuterRef("pk"))
    )
    rows = (
        current.filter(_responsible_in(unit_ids, "matter__"), recorded_at__gte=lo, recorded_at__lt=hi)
        .exclude(Exists(later))
        .annotate(unit=_responsible("matter__"))
        .values("unit")
        .annotate(
            rated_matters=Count("pk"),
            satisfied=Count("pk", filter=Q(value=Rating.Value.SATISFIED)),
            basically_satisfied=Count("pk", filter=Q(value=Rating.Value.BASICALLY_SATISFIED)),
            unsatisfied=Count("pk", filter=Q(value=Rating.Value.UNSATISFIED)),
        )
        .order_by()
    )
    _merge(counts, rows, "unit", ("rated_matters", "satisfied", "basically_satisfied", "unsatisfied"))


def petition_counts_by_unit(
    *, unit_ids: list[int] | None, start: dt.date, end: dt.date, today: dt.date
) -> Counts:
    """Every petitions count of start..end (inclusive), by the organisation it belongs to; `unit_ids`
    None counts the whole tree."""
    lo, hi = local_midnight(start), local_midnight(end + dt.timedelta(days=1))
    counts: Counts = defaultdict(dict)
    _received(counts, unit_ids, lo, hi)
    _submissions(counts, unit_ids, lo, hi)
    _acceptance(counts, unit_ids, start, end, today)
    _completion(counts, unit_ids, start, end, today)
    _satisfaction(counts, unit_ids, lo, hi)
    for unit_counts in counts.values():
        unit_counts["accept_due"] = unit_counts.get("accepted_on_time", 0) + unit_counts.pop(
            "accepted_late", 0
        )
        unit_counts["handle_due"] = unit_counts.get("completed_on_time", 0) + unit_counts.pop(
            "completed_late", 0
        )
    return counts


COUNT_KEYS = (
    "matters_received",
    "submissions",
    "petition_visit_batches",
    "petition_person_visits",
    "repeat_submissions",
    "accept_due",
    "accepted_on_time",
    "handle_due",
    "completed_on_time",
    "rated_matters",
    "satisfied",
    "basically_satisfied",
    "unsatisfied",
    *CHANNEL_KEYS.values(),
)


def percentage(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def with_rates(counts: dict[str, int]) -> dict[str, int | float | None]:
    """Fill every count (0 where nothing was counted) and the rates derived from them."""
    values: dict[str, int | float | None] = {key: counts.get(key, 0) for key in COUNT_KEYS}
    values["repeat_rate"] = percentage(values["repeat_submissions"], values["submissions"])
    values["accepted_on_time_rate"] = percentage(values["accepted_on_time"], values["accept_due"])
    values["completed_on_time_rate"] = percentage(values["completed_on_time"], values["handle_due"])
    values["satisfaction_rate"] = percentage(
        values["satisfied"] + values["basically_satisfied"], values["rated_matters"]
    )
    return values
