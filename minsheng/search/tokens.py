"""Chinese text → index tokens, and a typed query → search terms. Pure functions, no database.

Chinese has no spaces between words, and a dictionary segmenter splits the same phrase differently in
a document and in a query. Overlapping character bigrams need no dictionary and find every two-character
word (低保, 拆迁, 欠薪): a run of Chinese characters 拆迁补偿 becomes 拆迁 迁补 补偿, and a longer word is
found as the phrase of its bigrams, adjacent. Each run also ends with its last character alone (…补偿 偿),
so that a single character or a word that ends a run is still found.

Runs of other letters and digits are one token each. Everything else — punctuation, quotes, operators
of any query language — only separates tokens, which is why user text can never reach the database as
syntax.
"""

import re
import unicodedata
from dataclasses import dataclass, field

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_ALNUM = rf"[^\W_{_CJK}]"
_RUNS = re.compile(rf"([{_CJK}]+)|({_ALNUM}+)")
# Longer "words" are binary noise or pasted identifiers; PostgreSQL also limits a lexeme to 2 KB.
MAX_TOKEN_CHARS = 64

QUERY_MAX_CHARS = 100
QUERY_MAX_WORDS = 10


def normalise(text: str) -> str:
    """Full-width letters and digits to ASCII (NFKC), upper to lower case."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):  # the quick check is several times cheaper
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def _runs(normalised: str) -> list[tuple[bool, str]]:
    """(is_chinese, run) for each run of Chinese characters or of other letters and digits."""
    return [(bool(m.group(1)), m.group(0)) for m in _RUNS.finditer(normalised)]


def _alnum_token(run: str) -> str:
    return run[:MAX_TOKEN_CHARS]


def _run_tokens(is_chinese: bool, run: str) -> list[str]:
    if not is_chinese:
        return [_alnum_token(run)]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def document_tokens(text: str) -> list[str]:
    """The tokens of a document, in order; their positions make phrases possible."""
    tokens: list[str] = []
    for is_chinese, run in _runs(normalise(text)):
        tokens.extend(_run_tokens(is_chinese, run))
    return tokens


@dataclass(frozen=True)
class Term:
    """One typed word: the tokens that must stand next to each other, the last one maybe a prefix."""

    word: str
    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    # Set when the typed text was longer than the limits and only its beginning was used.
    truncated: bool = False
    # Words that hold nothing searchable (only punctuation or symbols), left out.
    ignored: tuple[str, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.terms)


def word_term(word: str) -> Term | None:
    """A word as a phrase: the document tokens of its runs, except that the word may end in the middle
    of a run in the document: a last Chinese run drops its closing single character, or, when it is a
    single character, matches any token that starts with it; last letters or digits are a prefix too,
    so that 怀信〔2026〕000 finds 怀信〔2026〕00012 while the number is being typed."""
    runs = _runs(normalise(word))
    if not runs:
        return None
    tokens: list[str] = []
    for is_chinese, run in runs[:-1]:
        tokens.extend(_run_tokens(is_chinese, run))
    is_chinese, last = runs[-1]
    prefix = False
    if not is_chinese:
        tokens.append(_alnum_token(last))
        prefix = True
    elif len(last) == 1:
        tokens.append(last)
        prefix = True
    else:
        tokens.extend(_run_tokens(True, last)[:-1])
    return Term(word=word, tokens=tuple(tokens), prefix=prefix)


def parse_query(text: str) -> ParsedQuery:
    """Whitespace separates words that must all be found; the text is cut to the limits first."""
    text = (text or "").strip()
    truncated = len(text) > QUERY_MAX_CHARS
    words = text[:QUERY_MAX_CHARS].split()
    if len(words) > QUERY_MAX_WORDS:
        words, truncated = words[:QUERY_MAX_WORDS], True
    terms: list[Term] = []
    ignored: list[str] = []
    seen: set[tuple] = set()
    for word in words:
        term = word_term(word)
        if term is None:
            ignored.append(word)
        elif (term.tokens, term.prefix) not in seen:
            seen.add((term.tokens, term.prefix))
            terms.append(term)
    return ParsedQuery(terms=tuple(terms), truncated=truncated, ignored=tuple(ignored))
