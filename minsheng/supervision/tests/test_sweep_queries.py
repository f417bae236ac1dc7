"""The sweep reads users and matters a fixed number of times, however many matters it reminds about."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from minsheng.petitions.models import Matter
from minsheng.petitions.tests.workflow_steps import open_matter

from .conftest import TODAY, due
from .sweeping import sweep


def reads_of(queries, table: str) -> int:
    """Statements reading `table` as their main table; PostgreSQL iterates with a DECLARE'd cursor."""
    return sum(
        1
        for q in queries
        if q["sql"].lstrip().upper().startswith(("SELECT", "DECLARE")) and f'FROM "{table}"' in q["sql"]
    )


def test_it_reads_users_and_matters_once(city, register, matters, django_capture_on_commit_callbacks):
    for n in range(5):
        due(open_matter(register, title=f"又一件{n}"), 1)

    with CaptureQueriesContext(connection) as captured:
        report = sweep(django_capture_on_commit_callbacks, TODAY)

    assert report.matters == 9
    assert reads_of(captured.captured_queries, "accounts_user") == 1
    # One read for the current deadlines, one for the lapsed review and recheck windows: neither
    # grows with the number of matters.
    assert reads_of(captured.captured_queries, Matter._meta.db_table) == 2
