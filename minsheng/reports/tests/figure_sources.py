"""Stand-ins for the apps listed in settings.REPORT_FIGURES, to test the contract the report relies on:
period_figures(*, organisation, start, end) -> {figure key: non-negative int}."""


def meetings(*, organisation, start, end):
    return {"joint_meetings": 2}


def more_meetings_and_a_new_figure(*, organisation, start, end):
    return {"joint_meetings": 3, "hotline_calls": 7}


def days_at_a_township(*, organisation, start, end):
    # Shows which organisation and period the report passed on.
    return {"instructions": (end - start).days + 1 if organisation.kind == "township" else 0}


def negative(*, organisation, start, end):
    return {"mediations": -1}


def not_a_number(*, organisation, start, end):
    return {"mediations": "12"}


def a_petitions_figure(*, organisation, start, end):
    return {"matters_received": 999}
