import pytest

from minsheng.notifications.services import templates_forget
from minsheng.petitions.tests.conftest import person  # noqa: F401  (a fixture)

from .logs import notification_log  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def _fresh_templates():
    """The services keep the bureau's templates for a few seconds; a test's rolled-back templates
    must not outlive it."""
    templates_forget()
    yield
    templates_forget()
