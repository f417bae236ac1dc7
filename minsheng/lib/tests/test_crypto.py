"""Field encryption (Fernet, rotatable keys) and the keyed lookup hash, with real cryptography."""

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from minsheng.conftest import make_id_number
from minsheng.lib import crypto

ID_NUMBER = make_id_number()


def _new_key() -> str:
    return Fernet.generate_key().decode()


def test_it_decrypts_what_it_encrypted():
    token = crypto.encrypt(ID_NUMBER)
    assert token != ID_NUMBER
    assert ID_NUMBER not in token
    assert crypto.decrypt(token) == ID_NUMBER


def test_it_round_trips_chinese_text():
    assert (
        crypto.decrypt(crypto.encrypt("山西省朔州市怀仁市云中镇东关村")) == "山西省朔州市怀仁市云中镇东关村"
    )


def test_it_encrypts_one_value_differently_each_time_but_hashes_it_the_same():
    first, second = crypto.encrypt(ID_NUMBER), crypto.encrypt(ID_NUMBER)
    assert first != second
    assert crypto.decrypt(first) == crypto.decrypt(second) == ID_NUMBER
    assert crypto.lookup_hash(ID_NUMBER) == crypto.lookup_hash(ID_NUMBER)
    assert crypto.lookup_hash(ID_NUMBER) != crypto.lookup_hash(make_id_number(sequence="125"))


def test_it_keys_the_lookup_hash_so_it_cannot_be_recomputed_without_the_key():
    with override_settings(FIELD_HASH_KEY="one-key"):
        under_one = crypto.lookup_hash("13912345678")
    with override_settings(FIELD_HASH_KEY="another-key"):
        under_another = crypto.lookup_hash("13912345678")
    assert under_one != under_another
    assert len(under_one) == 64


def test_it_stores_nothing_for_an_empty_value():
    assert crypto.encrypt("") == ""
    assert crypto.decrypt("") == ""
    assert crypto.rotate("") == ""
    assert crypto.lookup_hash("") is None


def test_it_still_decrypts_old_values_after_a_new_key_is_put_in_front():
    old, new = _new_key(), _new_key()
    with override_settings(FIELD_ENCRYPTION_KEYS=[old]):
        old_token = crypto.encrypt(ID_NUMBER)
    with override_settings(FIELD_ENCRYPTION_KEYS=[new, old]):
        assert crypto.decrypt(old_token) == ID_NUMBER
        new_token = crypto.encrypt(ID_NUMBER)
    with override_settings(FIELD_ENCRYPTION_KEYS=[new]):
        assert crypto.decrypt(new_token) == ID_NUMBER


def test_it_rotates_a_token_so_that_the_new_key_alone_decrypts_it():
    old, new = _new_key(), _new_key()
    with override_settings(FIELD_ENCRYPTION_KEYS=[old]):
        old_token = crypto.encrypt(ID_NUMBER)
    with override_settings(FIELD_ENCRYPTION_KEYS=[new, old]):
        rotated = crypto.rotate(old_token)
    assert rotated != old_token
    with override_settings(FIELD_ENCRYPTION_KEYS=[new]):
        assert crypto.decrypt(rotated) == ID_NUMBER
        with pytest.raises(ImproperlyConfigured):
            crypto.decrypt(old_token)


def test_it_refuses_to_decrypt_when_the_key_is_missing():
    with override_settings(FIELD_ENCRYPTION_KEYS=[_new_key()]):
        token = crypto.encrypt(ID_NUMBER)
    with override_settings(FIELD_ENCRYPTION_KEYS=[_new_key()]), pytest.raises(ImproperlyConfigured) as caught:
        crypto.decrypt(token)
    assert "rotate_field_keys" in str(caught.value)


def test_it_refuses_to_run_without_any_key():
    with override_settings(FIELD_ENCRYPTION_KEYS=[]), pytest.raises(ImproperlyConfigured):
        crypto.encrypt(ID_NUMBER)


def test_it_uses_the_configured_keys():
    # The settings must give at least one valid Fernet key, or nothing could be stored.
    assert settings.FIELD_ENCRYPTION_KEYS
    Fernet(settings.FIELD_ENCRYPTION_KEYS[0].encode())
    assert settings.FIELD_HASH_KEY
