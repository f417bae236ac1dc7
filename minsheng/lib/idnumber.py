"""Resident identity card numbers (居民身份证号码) as defined by GB 11643-1999.

18 characters: a 6-digit address code, an 8-digit birth date, a 3-digit sequence (odd for men),
and a check character computed with ISO 7064 MOD 11-2.
"""

import datetime as dt
import re

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")
EARLIEST_BIRTH_DATE = dt.date(1880, 1, 1)


class InvalidIdNumber(ValueError):
    """Carries a message fit to show the person who typed the number."""


def normalize(raw: str) -> str:
    return (raw or "").strip().replace(" ", "").upper()


def check_character(first_17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first_17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def validate(raw: str, *, today: dt.date | None = None) -> str:
    """Return the normalised number or raise InvalidIdNumber with a Chinese message."""
    number = normalize(raw)
    if len(number) != 18:
        raise InvalidIdNumber(f"身份证号码应为 18 位，当前为 {len(number)} 位")
    if not _SHAPE.match(number):
        raise InvalidIdNumber("身份证号码前 17 位应为数字，最后一位为数字或 X")
    birth = birth_date(number)
    if birth is None:
        raise InvalidIdNumber(f"身份证号码中的出生日期 {number[6:14]} 不是有效日期")
    if birth < EARLIEST_BIRTH_DATE or birth > (today or dt.date.today()):
        raise InvalidIdNumber(f"身份证号码中的出生日期 {birth:%Y-%m-%d} 不合理")
    expected = check_character(number[:17])
    if number[17] != expected:
        raise InvalidIdNumber("身份证号码校验位不正确，请核对是否输错")
    return number


def birth_date(number: str) -> dt.date | None:
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def is_valid(raw: str) -> bool:
    try:
        validate(raw)
    except InvalidIdNumber:
        return False
    return True
