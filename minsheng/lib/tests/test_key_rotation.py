"""petitioners_rotate_keys moves every stored petitioner to the newest key without losing anything."""

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from minsheng.audit.models import AuditEntry
from minsheng.conftest import make_id_number
from minsheng.lib import crypto
from minsheng.petitions import selectors, services
from minsheng.petitions.models import Petitioner

PEOPLE = [
    ("王建国", make_id_number(birth="19650312", sequence="315"), "13812340001"),
    ("赵淑芬", make_id_number(birth="19721109", sequence="428"), "13812340002"),
]


@pytest.fixture
def petitioners(register):
    register(
        petitioners=[
            services.PetitionerEntry(name=name, id_number=id_number, phone=phone)
            for name, id_number, phone in PEOPLE
        ],
        head_count=len(PEOPLE),
    )
    # Someone who gave neither an ID nor a phone number must survive the rotation too.
    register(petitioners=[services.PetitionerEntry(name="无证件人")])
    assert Petitioner.objects.count() == 3
    return PEOPLE


def _assert_found_by_id_and_phone(user):
    for name, id_number, phone in PEOPLE:
        by_id = selectors.petitioner_search(user=user, query=id_number)
        assert [p.name for p in by_id] == [name]
        assert by_id[0].id_number_masked == id_number[:6] + "********" + id_number[-4:]
        assert by_id[0].phone_masked == phone[:3] + "****" + phone[-4:]
        assert [p.name for p in selectors.petitioner_search(user=user, query=phone)] == [name]


def test_it_re_encrypts_every_petitioner_so_the_old_key_can_be_removed(city, petitioners):
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    before = {p.pk: p.id_number_encrypted for p in Petitioner.objects.all()}

    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, *old_keys]):
        changed = services.petitioners_rotate_keys()
    assert changed >= 2  # the two people with numbers; whether the one without is counted does not matter

    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):
        _assert_found_by_id_and_phone(city.registrar)
        for person in Petitioner.objects.exclude(id_number_encrypted=""):
            assert person.id_number_encrypted != before[person.pk]
            assert crypto.decrypt(person.id_number_encrypted) in {p[1] for p in PEOPLE}
        nobody = Petitioner.objects.get(name="无证件人")
        assert (nobody.id_number_masked, nobody.phone_masked) == ("", "")

    # Nothing is left that only the old key can read: with the old key alone, the values are unreadable.
    with override_settings(FIELD_ENCRYPTION_KEYS=old_keys), pytest.raises(ImproperlyConfigured):
        _ = Petitioner.objects.get(name=PEOPLE[0][0]).id_number_masked


def test_it_recomputes_lookup_hashes_under_a_new_hash_key(city, petitioners):
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    new_hash_key = "a-new-hash-key-for-2027"

    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, *old_keys], FIELD_HASH_KEY=new_hash_key):
        # Before the rotation the stored hashes were made with the old hash key: nobody is found.
        assert selectors.petitioner_search(user=city.registrar, query=PEOPLE[0][1]) == []
        services.petitioners_rotate_keys()

    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key], FIELD_HASH_KEY=new_hash_key):
        _assert_found_by_id_and_phone(city.registrar)


def test_it_records_the_rotation_in_the_audit_log(petitioners):
    changed = services.petitioners_rotate_keys()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.KEY_ROTATION)
    assert entry.detail == {"petitioners": changed}
    assert changed >= 2
