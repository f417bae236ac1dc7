"""GB 11643 resident ID numbers: accepted when right, refused with a specific Chinese message when not."""

import datetime as dt

import pytest

from minsheng.conftest import make_id_number
from minsheng.lib import idnumber
from minsheng.lib.idnumber import InvalidIdNumber, check_character

TODAY = dt.date(2026, 3, 1)


def _with_check(first_17: str) -> str:
    return first_17 + check_character(first_17)


def _wrong_check(number: str) -> str:
    digits = "0123456789X"
    return number[:17] + next(c for c in digits if c != number[17])


def test_it_accepts_a_valid_number_and_returns_it_unchanged():
    number = make_id_number(birth="19750615", sequence="482")
    assert idnumber.validate(number, today=TODAY) == number
    assert idnumber.is_valid(number)


def test_it_normalises_a_lowercase_x_and_spaces():
    number = make_id_number()  # 14062419800101123X: its check character is X
    assert number.endswith("X")
    typed = f"  {number[:6]} {number[6:14]} {number[14:-1]}x "
    assert idnumber.validate(typed, today=TODAY) == number


def test_it_knows_the_check_character_of_the_standard_example():
    # The worked example of GB 11643-1999 (Beijing, 1949-12-31): 11010519491231002X.
    assert check_character("11010519491231002") == "X"
    assert idnumber.is_valid("11010519491231002X")


def test_it_refuses_a_wrong_check_character():
    number = _wrong_check(make_id_number())
    with pytest.raises(InvalidIdNumber, match="校验位不正确"):
        idnumber.validate(number, today=TODAY)
    assert not idnumber.is_valid(number)


def test_it_refuses_a_number_with_two_digits_swapped():
    number = make_id_number(sequence="123")
    swapped = number[:14] + "213" + number[17]
    with pytest.raises(InvalidIdNumber, match="校验位不正确"):
        idnumber.validate(swapped, today=TODAY)


@pytest.mark.parametrize(
    ("raw", "length"),
    [(make_id_number()[:17], 17), (make_id_number() + "1", 19), ("", 0), ("   ", 0)],
)
def test_it_refuses_a_wrong_length_and_says_how_long_it_was(raw, length):
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate(raw, today=TODAY)
    assert str(caught.value) == f"身份证号码应为 18 位，当前为 {length} 位"


@pytest.mark.parametrize("raw", ["14062A19800101123X", "1406241980010112XX", "X4062419800101123X"])
def test_it_refuses_letters_in_the_first_17_characters(raw):
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate(raw, today=TODAY)
    assert str(caught.value) == "身份证号码前 17 位应为数字，最后一位为数字或 X"


@pytest.mark.parametrize("birth", ["19990230", "19991301", "19990000", "19990431", "19000229"])
def test_it_refuses_an_impossible_birth_date(birth):
    number = _with_check("140624" + birth + "123")
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate(number, today=TODAY)
    assert str(caught.value) == f"身份证号码中的出生日期 {birth} 不是有效日期"


def test_it_accepts_the_29th_of_february_of_a_leap_year():
    assert idnumber.validate(_with_check("14062420000229123"), today=TODAY)


def test_it_refuses_a_birth_date_in_the_future():
    number = _with_check("14062420260302123")
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate(number, today=TODAY)
    assert str(caught.value) == "身份证号码中的出生日期 2026-03-02 不合理"


def test_it_accepts_a_baby_born_today():
    assert idnumber.validate(_with_check("14062420260301123"), today=TODAY)


def test_it_refuses_a_birth_date_before_1880():
    number = _with_check("14062418791231123")
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate(number, today=TODAY)
    assert str(caught.value) == "身份证号码中的出生日期 1879-12-31 不合理"


def test_it_accepts_the_earliest_plausible_birth_date():
    assert idnumber.validate(_with_check("14062418800101123"), today=TODAY)


def test_it_reads_the_birth_date():
    assert idnumber.birth_date(make_id_number(birth="19620817")) == dt.date(1962, 8, 17)
    assert idnumber.birth_date(_with_check("14062419621317123")) is None
