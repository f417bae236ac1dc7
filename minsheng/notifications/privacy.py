"""Keeping personal data out of the log, the outbox page and stored error texts."""

from minsheng.lib.masking import mask_phone

REDACTED = "******"


def mask_address(address: str) -> str:
    """139****5678 for a phone number, a***@huairen.gov.cn for an e-mail address."""
    address = (address or "").strip()
    if "@" in address:
        local, _, domain = address.rpartition("@")
        return (local[:1] or "*") + "***@" + domain
    return mask_phone(address)


def scrub(text: str, *, address: str = "", secrets=()) -> str:
    """`text` (an error message, say) with the address masked and every secret redacted: gateways
    like to repeat the number or the message they refused."""
    if address:
        text = text.replace(address, mask_address(address))
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text
