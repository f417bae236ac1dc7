"""Lists show personal data masked: the region code and last four of an ID, the ends of a phone."""

import pytest

from minsheng.conftest import make_id_number
from minsheng.lib.masking import mask_address, mask_id_number, mask_phone


def test_it_masks_an_id_number_to_region_code_and_last_four():
    assert mask_id_number(make_id_number()) == "140624********123X"


def test_it_masks_every_id_number_to_the_same_length():
    masked = mask_id_number(make_id_number(region="110105", birth="19491231", sequence="002"))
    assert masked == "110105********002X"
    assert len(masked) == 18


def test_it_masks_a_mobile_number_in_the_middle():
    assert mask_phone("13912345678") == "139****5678"


def test_it_masks_a_landline_with_area_code():
    assert mask_phone("03497654321") == "034****4321"
    assert mask_phone("035212345678") == "035*****5678"


@pytest.mark.parametrize(("raw", "masked"), [("1234567890", "**********"), ("12345", "*****"), ("1", "*")])
def test_it_hides_a_short_id_number_entirely(raw, masked):
    assert mask_id_number(raw) == masked


def test_it_keeps_only_the_first_digit_of_a_short_phone():
    assert mask_phone("1234567") == "1******"
    assert mask_phone("12") == "1*"


@pytest.mark.parametrize("empty", ["", None])
def test_it_masks_nothing_to_nothing(empty):
    assert mask_id_number(empty) == ""
    assert mask_phone(empty) == ""


def test_it_never_lets_the_middle_digits_through():
    number = make_id_number(birth="19620817", sequence="456")
    assert "19620817" not in mask_id_number(number)
    assert "1234" not in mask_phone("13912345678")


def test_it_keeps_the_first_half_of_an_address_and_at_most_nine_characters():
    assert mask_address("怀仁市云中镇仁德路1号") == "怀仁市云中****"
    assert mask_address("山西省朔州市怀仁市云中镇仁德路怀仁一中仁德校区") == "山西省朔州市怀仁市****"
    assert mask_address("  ") == ""
