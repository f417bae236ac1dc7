"""Article numbers as people write them: 第三十一条, 第一百零二条, 31条, ３１."""

import re
import unicodedata

DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
_WRITE_DIGITS = "零一二三四五六七八九"


def parse_number(text: str) -> int | None:
    """The integer written in Arabic or Chinese numerals (up to 9999), or None when it is not a number.

    十二 = 12 and 一十二 = 12; 一百零二 = 102; 一百一十 = 110 (the 十 after 百 is one ten, not a unit alone).
    """
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(char not in DIGITS and char not in UNITS for char in text):
        return None
    total, digit, last_unit = 0, None, 10_000
    for char in text:
        if char in "零〇" and len(text) > 1:
            if digit is not None or total == 0:
                return None  # 零 only stands for a missing unit inside a number: 一百零二
            continue
        if char in DIGITS:
            if digit is not None:
                return None  # two digits in a row without a unit between: 三一 is not a number here
            digit = DIGITS[char]
        else:
            unit = UNITS[char]
            if unit >= last_unit:
                return None  # 十百, 百百: units must fall
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    if digit is not None:
        total += digit
    return total


def to_chinese(number: int) -> str:
    """31 → 三十一, 102 → 一百零二, 10 → 十: the way article numbers are printed."""
    if number <= 0 or number >= 10_000:
        return str(number)
    parts, zero_pending = [], False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_WRITE_DIGITS[digit] + unit)
    text = "".join(parts)
    # 十一, not 一十一, when the number starts with the tens.
    return text[1:] if text.startswith("一十") else text


def article_label(number: int) -> str:
    return f"第{to_chinese(number)}条"


# 第三十一条 / 第31条 / 31条 / 三十一条 / 第三十一 / 31 — the whole query is one article number.
_ARTICLE_QUERY = re.compile(rf"^(第)?([0-9]+|[{NUMERAL_CHARS}]+)(条)?$")


def article_number_in_query(term: str) -> int | None:
    """The article number a search term asks for, or None. A bare Chinese numeral (十一) is a word, not
    an article, unless it carries 第 or 条; bare Arabic digits (31) are taken as a number."""
    term = unicodedata.normalize("NFKC", term).strip()
    match = _ARTICLE_QUERY.match(term)
    if match is None:
        return None
    prefix, digits, suffix = match.groups()
    if not digits.isdigit() and not (prefix or suffix):
        return None
    number = parse_number(digits)
    if number is None or number <= 0 or number > 9999:
        return None
    return number
