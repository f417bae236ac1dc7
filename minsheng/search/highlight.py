"""Marking the searched words in the rows shown: <mark> around each hit, everything else escaped.

Done in Python on the page's rows only. A hit is found on the text as tokens.py reads it — full-width
and upper-case letters fold, punctuation between the parts of a word is skipped — and mapped back to
the characters the user wrote, so what is marked is exactly what is displayed.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .tokens import _ALNUM, _CJK, Term, normalise

_SEPARATORS = r"[\W_]*?"
_ALNUM_BEFORE = rf"(?<!{_ALNUM})"
_ALNUM_AFTER = rf"(?!{_ALNUM})"
_WORD_RUNS = re.compile(rf"([{_CJK}]+)|({_ALNUM}+)")
SNIPPET_BEFORE = 30
SNIPPET_CHARS = 120


@dataclass(frozen=True)
class Highlight:
    title: SafeString
    snippet: SafeString


def term_pattern(term: Term) -> str:
    parts = []
    previous_chinese = None
    runs = list(_WORD_RUNS.finditer(normalise(term.word)))
    for index, match in enumerate(runs):
        chinese, run = bool(match.group(1)), match.group(0)
        if parts:
            # Two Chinese runs of one word were apart in the query, so they must be apart in the text.
            parts.append(r"[\W_]+?" if chinese and previous_chinese else _SEPARATORS)
        if chinese:
            parts.append(re.escape(run))
        else:
            # Letters and digits are whole tokens, except the last ones typed, which are a prefix.
            after = "" if index == len(runs) - 1 else _ALNUM_AFTER
            parts.append(_ALNUM_BEFORE + re.escape(run) + after)
        previous_chinese = chinese
    return "".join(parts)


def compile_terms(terms: tuple[Term, ...]) -> re.Pattern | None:
    patterns = [p for p in (term_pattern(term) for term in terms) if p]
    if not patterns:
        return None
    # Longest first, so that 拆迁补偿 wins over 拆迁 where both match at one place.
    return re.compile("|".join(sorted(patterns, key=len, reverse=True)))


def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """The text as searched, and for each of its characters the index of the character it came from."""
    chars, origin = [], []
    for index, char in enumerate(text):
        folded = normalise(char)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def hit_spans(text: str, pattern: re.Pattern | None) -> list[tuple[int, int]]:
    """Where the terms occur in `text`, as merged (start, end) character ranges of the original."""
    if pattern is None or not text:
        return []
    folded, origin = _normalised_with_map(text)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        if match.end() == match.start():
            continue
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def marked(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> SafeString:
    """text[start:end], escaped, with <mark> around the spans."""
    end = len(text) if end is None else end
    out, at = [], start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(escape(text[at:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        at = span_end
    out.append(escape(text[at:end]))
    return mark_safe("".join(out))


def highlight_text(text: str, pattern: re.Pattern | None) -> SafeString:
    return marked(text, hit_spans(text, pattern))


def snippet(texts: list[str], pattern: re.Pattern | None) -> SafeString:
    """A short passage around the first hit in the first text that has one; empty when none has."""
    for text in texts:
        spans = hit_spans(text, pattern)
        if not spans:
            continue
        text_start = max(0, spans[0][0] - SNIPPET_BEFORE)
        text_end = min(len(text), text_start + SNIPPET_CHARS)
        passage = marked(text, spans, text_start, text_end)
        before = "…" if text_start > 0 else ""
        after = "…" if text_end < len(text) else ""
        return mark_safe(before + " ".join(passage.split()) + after)
    return mark_safe("")


def matters_highlighted(matters: list, pattern: re.Pattern | None) -> list:
    """Give each matter shown a `highlight`: its title marked, and a passage around the first hit in
    the rest of what is searched (content, demands, later submissions, answers)."""
    if pattern is None or not matters:
        return matters
    from .fulltext import matter_texts

    texts = matter_texts([matter.pk for matter in matters])
    for matter in matters:
        # The number and title come first in a matter's texts; the passage is taken from the rest.
        rest = texts[matter.pk][1][2:] if matter.pk in texts else []
        matter.highlight = Highlight(
            title=highlight_text(matter.title, pattern), snippet=snippet(rest, pattern)
        )
    return matters
