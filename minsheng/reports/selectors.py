"""Reads for the period report, scoped to the organisations the user may report on."""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation, User
from minsheng.accounts.selectors import organisations_in_scope

from . import narrative
from .figures import (
    CONTRIBUTED_KEYS,
    FIGURES,
    FIGURES_BY_KEY,
    PETITION_GROUPS,
    PETITIONS,
    RATE,
    SECTIONS,
    FigureSpec,
    spec_for,
)
from .periods import Period
from .petitions import petition_counts_by_unit, with_rates

logger = logging.getLogger(__name__)

# The figures shown large at the top of the page.
HEADLINE = (
    "matters_received",
    "submissions",
    "accepted_on_time_rate",
    "completed_on_time_rate",
    "satisfaction_rate",
    "repeat_rate",
)


def report_organisations(*, user: User, including: Organisation | None = None) -> QuerySet[Organisation]:
    """The organisations a user may report on: their jurisdiction (属地) and everything below it, the
    active ones — and `including`, so that a unit since closed can still be reported on."""
    active = Q(is_active=True) | Q(pk=including.pk) if including is not None else Q(is_active=True)
    return organisations_in_scope(user=user).filter(active).order_by("path")


def report_default_organisation(*, user: User) -> Organisation | None:
    """The top of the user's jurisdiction: the city for the bureau and leaders, a township for its staff."""
    scope = organisations_in_scope(user=user)
    if user.is_superuser and user.organisation_id is None:
        return scope.filter(parent__isnull=True).order_by("path").first()
    if user.organisation_id is None:
        return None
    return scope.filter(path=user.organisation.scope_path).first() or user.organisation


def report_organisation_get(*, user: User, pk: int) -> Organisation:
    """One organisation in the user's scope; Organisation.DoesNotExist for any other."""
    return organisations_in_scope(user=user).get(pk=pk)


@dataclass(frozen=True)
class Figure:
    spec: FigureSpec
    value: int | float | None

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def is_rate(self) -> bool:
        return self.spec.kind == RATE

    @property
    def display(self) -> str:
        if self.value is None:
            return "—"
        return f"{self.value:.1f}%" if self.is_rate else str(self.value)


@dataclass(frozen=True)
class UnitRow:
    organisation: Organisation
    is_own: bool  # the organisation's own level (本级), not a unit below it
    values: dict


@dataclass
class PeriodReport:
    organisation: Organisation
    period: Period
    today: dt.date
    values: dict[str, int | float | None]
    units: list[UnitRow]
    generated_at: dt.datetime = field(default_factory=timezone.now)

    @property
    def figures(self) -> list[Figure]:
        known = [Figure(spec, self.values[spec.key]) for spec in FIGURES if spec.key in self.values]
        extra = [Figure(spec_for(key), v) for key, v in self.values.items() if key not in FIGURES_BY_KEY]
        return known + extra

    @property
    def headline(self) -> list[Figure]:
        return [figure for figure in self.figures if figure.key in HEADLINE]

    @property
    def sections(self) -> list[tuple[str, str, list[Figure]]]:
        figures = self.figures
        return [
            (key, str(label), [f for f in figures if f.spec.section == key])
            for key, label in SECTIONS.items()
            if any(f.spec.section == key for f in figures)
        ]

    @property
    def petition_groups(self) -> list[tuple[str, list[Figure]]]:
        by_key = {figure.key: figure for figure in self.figures}
        return [
            (str(title), [by_key[key] for key in keys if key in by_key]) for title, keys in PETITION_GROUPS
        ]

    @property
    def period_phrase(self) -> str:
        return self.period.phrase(self.today)

    @property
    def narrative(self) -> list[str]:
        return narrative.paragraphs(
            values=self.values, organisation=self.organisation, phrase=self.period_phrase
        )


def contributed_figures(*, organisation: Organisation, start: dt.date, end: dt.date) -> dict[str, int]:
    """The figures other apps count (settings.REPORT_FIGURES), every expected key present."""
    values = dict.fromkeys(CONTRIBUTED_KEYS, 0)
    for path in settings.REPORT_FIGURES:
        function = import_string(path)
        for key, value in function(organisation=organisation, start=start, end=end).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                # A bad figure from another app must not pass into an official report as if true.
                raise TypeError(f"{path} returned {key}={value!r}; figures are non-negative integers")
            if spec_for(key).section == PETITIONS:
                logger.warning("%s returned %s, a figure the report computes itself; ignored", path, key)
                continue
            values[key] = values.get(key, 0) + value
    return values


def _unit_rows(organisation: Organisation, counts: dict, paths: dict[int, str]) -> list[UnitRow]:
    children = list(organisation.children.order_by("sort_order", "path"))
    totals: dict[int, dict[str, int]] = {child.pk: {} for child in children}
    own: dict[str, int] = {}
    for unit_id, unit_counts in counts.items():
        path = paths[unit_id]
        target = own
        if unit_id != organisation.pk:
            child = next((c for c in children if path.startswith(c.path)), None)
            target = totals[child.pk] if child is not None else own
        for key, value in unit_counts.items():
            target[key] = target.get(key, 0) + value
    rows = [UnitRow(organisation, True, with_rates(own))]
    rows += [UnitRow(child, False, with_rates(totals[child.pk])) for child in children]
    return rows


def report_build(
    *, user: User, organisation: Organisation, period: Period, today: dt.date | None = None
) -> PeriodReport:
    """Every figure of the period for the organisation and everything below it.

    Raises PermissionDenied for an organisation outside the user's scope; callers that look the
    organisation up with report_organisation_get answer 404 before getting here."""
    if not organisations_in_scope(user=user).filter(pk=organisation.pk).exists():
        raise PermissionDenied(_("您无权查看该单位的报表"))
    today = today or timezone.localdate()
    subtree = dict(Organisation.objects.filter(path__startswith=organisation.path).values_list("pk", "path"))
    whole_tree = not Organisation.objects.exclude(pk__in=list(subtree)).exists()
    counts = petition_counts_by_unit(
        unit_ids=None if whole_tree else list(subtree), start=period.start, end=period.end, today=today
    )
    total: dict[str, int] = {}
    for unit_counts in counts.values():
        for key, value in unit_counts.items():
            total[key] = total.get(key, 0) + value
    values: dict[str, int | float | None] = contributed_figures(
        organisation=organisation, start=period.start, end=period.end
    )
    values.update(with_rates(total))
    return PeriodReport(
        organisation=organisation,
        period=period,
        today=today,
        values=values,
        units=_unit_rows(organisation, counts, subtree),
    )
