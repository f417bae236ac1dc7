"""Searchable text: one folded form for what is stored and what is typed, and marking hits in the
original text.

Folding is NFKC (full-width Ｉ Ｄ and ３１ become ID and 31), case-folded, with everything that is not a
letter, digit or Chinese character dropped — so 诉讼、仲裁 typed as 诉讼仲裁 or 诉讼，仲裁 still matches,
and a query of quotes, operators or SQL syntax folds to plain words or to nothing.
"""

import re
import unicodedata

from django.utils.safestring import SafeString, mark_safe

# Escape first, then mark: the same as the matter search's highlighting.
from minsheng.search.highlight import marked

_DROPPED = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    return _DROPPED.sub("", unicodedata.normalize("NFKC", text or "").casefold())


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the original character."""
    chars, origin = [], []
    for index, char in enumerate(text):
        folded = fold(char)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def hit_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the folded terms occur in `text`, as sorted, merged (start, end) ranges of the original."""
    terms = [t for t in terms if t]
    if not text or not terms:
        return []
    folded, origin = _folded_with_origin(text)
    found = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            found.append((origin[start], origin[start + len(term) - 1] + 1))
            start = folded.find(term, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: list[str]) -> SafeString:
    return marked(text, hit_spans(text, terms))


def excerpt(text: str, terms: list[str], *, length: int = 140, before: int = 40) -> SafeString:
    """A passage of about `length` characters around the first hit (or the start), hits marked."""
    text = " ".join(text.split())
    spans = hit_spans(text, terms)
    start = max(0, spans[0][0] - before) if spans else 0
    end = min(len(text), start + length)
    if end - start < length:
        start = max(0, end - length)
    passage = marked(text, spans, start, end)
    return mark_safe(("…" if start > 0 else "") + passage + ("…" if end < len(text) else ""))
