"""Masked forms of personal data for lists and search results."""


def mask_id_number(number: str) -> str:
    # Keeps the region code and the last four, as on most Chinese government forms: 140624********123X
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str) -> str:
    # 139****5678 — enough for the petitioner to recognise their own number on the phone.
    if not phone:
        return ""
    if len(phone) <= 7:
        return phone[:1] + "*" * (len(phone) - 1)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_address(address: str) -> str:
    # 山西省怀仁市云中镇**** — the town is enough to recognise it; the street and number are not shown.
    address = (address or "").strip()
    if not address:
        return ""
    keep = min(len(address) // 2, 9)
    return address[:keep] + "****"
