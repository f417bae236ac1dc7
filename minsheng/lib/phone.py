"""Chinese phone numbers: mobiles (1xxxxxxxxxx) and landlines with area code (0xx-xxxxxxxx)."""

import re

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")


class InvalidPhone(ValueError):
    pass


def normalize(raw: str) -> str:
    digits = re.sub(r"[\s\-()（）]", "", raw or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    return digits


def validate(raw: str) -> str:
    number = normalize(raw)
    if not (_MOBILE.match(number) or _LANDLINE.match(number)):
        raise InvalidPhone("电话号码格式不正确：手机号为 11 位数字，固定电话请带区号")
    return number
