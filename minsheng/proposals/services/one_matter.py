"""一事一议: does a proposal's text look like several matters? A warning, never a refusal.

The heuristic, as the page explains it to the member: the suggestions are split at their numbers
((一)、一、1、(1)…); each numbered suggestion is compared with the title and the reason by weighted
character bigrams (the same vectors as petition matching, `minsheng.similarity.text`). A suggestion
that shares (almost) no distinctive word with the title and reason is probably about another subject.
One such suggestion among two or more is enough to warn: a proposal about petitions with a
suggestion about school canteens is two proposals.
"""

import itertools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from minsheng.similarity import text as similarity_text

# Cosine below which a suggestion counts as off the subject. The four suggestions of proposal 67 score
# 0.05–0.09 against its title and reason; suggestions about another field score below 0.01.
OFF_SUBJECT_BELOW = 0.02
HEADING_MAX_CHARS = 8
# Start of a numbered item at the beginning of a line: (一) （一） 一、 1、 1. 1．(1) （1）
_ITEM_START = re.compile(
    r"^\s*(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[、.．](?!\d))",
    re.MULTILINE,
)


@dataclass
class OneMatterCheck:
    items: list[str] = field(default_factory=list)
    off_subject: list[str] = field(default_factory=list)

    @property
    def warning(self) -> str:
        if not self.off_subject:
            return ""
        heads = "；".join(_head(item) for item in self.off_subject)
        return _(
            "提案要求一事一议。以下建议与标题和案由所说的事项几乎没有共同的词语，可能属于另一件事，"
            "请考虑另行提案：%(items)s"
        ) % {"items": heads}


def _head(item: str) -> str:
    first = item.strip().splitlines()[0] if item.strip() else ""
    return first[:30] + ("…" if len(first) > 30 else "")


def split_items(suggestions: str) -> list[str]:
    starts = [m.start() for m in _ITEM_START.finditer(suggestions or "")]
    if len(starts) < 2:
        return []
    bounds = [*starts, len(suggestions)]
    return [suggestions[a:b].strip() for a, b in itertools.pairwise(bounds) if suggestions[a:b].strip()]


def one_matter_check(*, title: str, reason: str, suggestions: str) -> OneMatterCheck:
    items = split_items(suggestions)
    check = OneMatterCheck(items=items)
    if len(items) < 2:
        return check
    subject = similarity_text.vector(f"{title}\n{reason}")
    if not subject:
        return check
    for item in items:
        body = _ITEM_START.sub("", item, count=1)
        if len(similarity_text.normalize(body).replace("|", "")) < HEADING_MAX_CHARS:
            # A bare heading such as "二、建议" says nothing about a subject.
            continue
        if similarity_text.cosine(similarity_text.vector(body), subject) < OFF_SUBJECT_BELOW:
            check.off_subject.append(item)
    return check
