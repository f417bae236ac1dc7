"""This app's figures for the period report (minsheng.reports)."""

import datetime as dt

from minsheng.accounts.models import Organisation

from .selectors import organisation_totals


def period_figures(*, organisation: Organisation, start: dt.date, end: dt.date) -> dict[str, int]:
    """Sums over the publicity activities held on start..end (both included) whose organiser is
    `organisation` or a unit below it: how many activities, materials distributed, questionnaires
    collected, consultations answered and people reached."""
    totals = organisation_totals(organisation=organisation, start=start, end=end)
    return {
        "publicity_activities": totals.activities,
        "materials_distributed": totals.materials_distributed,
        "questionnaires_collected": totals.questionnaires_collected,
        "consultations_answered": totals.consultations_answered,
        "people_reached": totals.people_reached,
    }
