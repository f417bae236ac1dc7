"""A bot check that needs no outside service and no image: a honeypot field, a signed time the form
was handed out (a person takes more than a few seconds), and a small sum in Chinese words that a
screen reader reads aloud like any other text."""

import secrets
import time

from django.conf import settings
from django.core import signing

SALT = "minsheng.portal.botcheck"
MAX_AGE = 2 * 60 * 60
DIGITS = "零一二三四五六七八九十"
HONEYPOT = "website"


def min_seconds() -> float:
    return getattr(settings, "PORTAL_MIN_FILL_SECONDS", 3)


def issue() -> dict:
    """A new question and the signed token that carries its answer and the time it was issued."""
    a, b = secrets.randbelow(5) + 1, secrets.randbelow(5) + 1
    token = signing.dumps({"t": time.time(), "s": a + b}, salt=SALT, compress=True)
    return {"question": f"{DIGITS[a]}加{DIGITS[b]}等于几？", "token": token}


def _as_number(answer: str) -> int | None:
    answer = (answer or "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if answer.isdigit():
        return int(answer)
    if answer in DIGITS:
        return DIGITS.index(answer)
    if len(answer) == 2 and answer[0] == "十" and answer[1] in DIGITS[1:10]:
        return 10 + DIGITS.index(answer[1])
    return None


def verify(*, token: str, answer: str, honeypot: str) -> str | None:
    """None when the check passes, else the message to show (the same for every way a bot fails,
    except the one a person can fix: a wrong sum)."""
    if honeypot:
        return "提交未成功，请刷新页面后重新填写"
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return "页面已过期，请重新回答验证问题后提交"
    if time.time() - data["t"] < min_seconds():
        return "提交太快了，请核对内容后再提交"
    if _as_number(answer) != data["s"]:
        return "验证问题的答案不对，请重新计算后填写数字"
    return None
