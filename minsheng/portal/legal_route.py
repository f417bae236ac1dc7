"""Words that suggest a matter belongs to a legal route (Art 31 (一)–(五)): courts, arbitration,
administrative review. The portal only tells the petitioner; it never refuses to register."""

LEGAL_ROUTE_WORDS = (
    "判决",
    "裁定",
    "起诉",
    "诉讼",
    "上诉",
    "再审",
    "申诉到法院",
    "法院",
    "检察院",
    "仲裁",
    "劳动仲裁",
    "行政复议",
    "行政诉讼",
    "执行庭",
    "强制执行",
)
LIBRARY_QUERY = "第三十一条"


def legal_route_words(*texts: str) -> list[str]:
    joined = " ".join(t or "" for t in texts)
    return [word for word in LEGAL_ROUTE_WORDS if word in joined]
