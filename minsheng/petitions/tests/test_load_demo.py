"""`manage.py load_demo` builds the demo city through the services, and building twice changes nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from minsheng.accounts.models import Organisation, Role, User
from minsheng.lib import crypto, idnumber
from minsheng.petitions.models import Matter, Petitioner, Submission
from minsheng.proposals.models import Proposal

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Organisation.objects.count(),
        User.objects.count(),
        Matter.objects.count(),
        Submission.objects.count(),
        Petitioner.objects.count(),
    )


def test_it_builds_a_city_with_every_role_and_matters_from_the_real_messages(shared_data):
    out = StringIO()
    call_command("load_demo", matters=40, force=True, stdout=out)

    assert Organisation.objects.get(kind=Organisation.Kind.PETITION_BUREAU).number_prefix == "怀信"
    assert Organisation.objects.filter(kind=Organisation.Kind.TOWNSHIP).count() == 12
    assert Organisation.objects.filter(kind=Organisation.Kind.LEADERSHIP).count() == 4
    assert Organisation.objects.filter(kind=Organisation.Kind.VILLAGE).count() >= 24
    roles = set(User.objects.values_list("role", flat=True))
    assert {r.value for r in Role} <= roles
    # The matters asked for, and the one online petition whose query code the loader prints.
    assert Matter.objects.filter(online_accesses__isnull=True).count() == 40
    assert Matter.objects.filter(online_accesses__isnull=False).count() == 1
    assert "查询码 DEMQ 2345 6789，密码 26482648" in out.getvalue()
    assert Submission.objects.filter(is_repeat=True).exists()
    assert "留言数据" in out.getvalue()
    # The other areas have their demo records too.
    assert "领导接访" in out.getvalue() and "信访宣传" in out.getvalue() and "政协提案" in out.getvalue()
    assert Proposal.objects.filter(status=Proposal.Status.CLOSED, published_at__isnull=False).count() == 1
    assert "dengji" in out.getvalue() and "Minsheng@2026" in out.getvalue()
    # The demo logins printed really work.
    assert User.objects.get(username="dengji").check_password("Minsheng@2026")
    # Every generated person carries a valid, encrypted ID number.
    for person in Petitioner.objects.exclude(id_number_encrypted=""):
        assert idnumber.is_valid(crypto.decrypt(person.id_number_encrypted))


def test_it_changes_nothing_when_run_again(shared_data):
    call_command("load_demo", matters=20, force=True, stdout=StringIO())
    before = _counts()

    out = StringIO()
    call_command("load_demo", matters=20, force=True, stdout=out)

    assert _counts() == before
    assert "本次不再生成事项" in out.getvalue()


def test_it_refuses_to_run_outside_development_without_force(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", matters=5, stdout=StringIO())
    assert Organisation.objects.count() == 0


def test_it_builds_its_own_texts_when_the_shared_data_is_absent(settings, tmp_path):
    settings.SHARED_DATA_DIR = tmp_path / "missing"

    call_command("load_demo", matters=15, force=True, stdout=StringIO())

    assert Matter.objects.filter(online_accesses__isnull=True).count() == 15
    assert all(m.title and m.content for m in Matter.objects.all())


def test_it_moves_the_demo_matters_along_the_workflow_with_their_own_dates(shared_data):
    call_command("load_demo", matters=60, force=True, stdout=StringIO())

    statuses = set(Matter.objects.values_list("status", flat=True))
    assert {Matter.Status.ACCEPTED, Matter.Status.CLOSED} <= statuses
    assert len(statuses) >= 4
    for matter in Matter.objects.exclude(status=Matter.Status.REGISTERED)[:20]:
        kinds = list(matter.events.order_by("at", "pk").values_list("kind", flat=True))
        assert kinds[0] == "registered"  # the timeline starts at the counter, not at load time
        times = list(matter.events.order_by("pk").values_list("at", flat=True))
        assert times[0] <= times[-1]
