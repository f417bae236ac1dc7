"""What the guide page says that comes from settings: the bureau's contact details and the time limits.

Both are local: each county publishes its own address and hours (Art 18), and settings.DEADLINES holds
the limits the workflow itself enforces, so the guide never promises a different number of days.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import ngettext

DEFAULT_CONTACT = {
    "name": "怀仁市信访局",
    "visit_place": "怀仁市群众来访服务中心",
    "visit_address": "怀仁市仁和路 1 号",
    "mail_address": "怀仁市仁和路 1 号 怀仁市信访局",
    "postcode": "038300",
    "phone": "0349-6000000",
    "hours": "周一至周五 上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）",
    "bus": "",
    "note": "以上地址和电话为演示信息。正式使用前，请在设置 PETITION_BUREAU_CONTACT 中填写本地信访局的信息。",
}


def bureau_contact() -> dict:
    """settings.PETITION_BUREAU_CONTACT over the defaults; without the setting the page says the
    details are a demonstration, so nobody travels to an address that was never configured."""
    configured = getattr(settings, "PETITION_BUREAU_CONTACT", None)
    if not configured:
        return dict(DEFAULT_CONTACT)
    return {**DEFAULT_CONTACT, "note": "", **configured}


def period(key: str) -> str:
    """A deadline of settings.DEADLINES in words: 15 日, 5 个工作日."""
    amount, unit = settings.DEADLINES[key]
    if unit == "working_days":
        return ngettext("%(count)s 个工作日", "%(count)s 个工作日", amount) % {"count": amount}
    return ngettext("%(count)s 日", "%(count)s 日", amount) % {"count": amount}


@dataclass(frozen=True)
class TimeLimits:
    accept_notice: str
    handle: str
    extension: str
    review_request: str
    review_opinion: str
    recheck_request: str
    recheck_opinion: str
    calendar_days: bool


def time_limits() -> TimeLimits:
    keys = ("accept_notice", "handle_claim", "extension_max", "review_request", "review_opinion",
            "recheck_request", "recheck_opinion")
    return TimeLimits(
        accept_notice=period("accept_notice"),
        handle=period("handle_claim"),
        extension=period("extension_max"),
        review_request=period("review_request"),
        review_opinion=period("review_opinion"),
        recheck_request=period("recheck_request"),
        recheck_opinion=period("recheck_opinion"),
        # The note on how 日 are counted is shown only when some limit counts calendar days.
        calendar_days=any(settings.DEADLINES[key][1] != "working_days" for key in keys),
    )

