"""Character n-grams of a petition's text: the features both suggestion models read.

Chinese is written without spaces and word segmenters disagree on petition language, so the models read
overlapping character bigrams, which need no dictionary and survive typing errors. Pure functions, no
Django: the same code runs in training, at intake and in the evaluation command.
"""

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

# Runs of letters or digits read as one symbol each: the publisher masked places as "A3区" / "K8县",
# and numbers (dates, amounts, house numbers) say nothing about the subject.
_LATIN = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"[0-9]+")
_SEGMENT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa0]+")

# Stored features are at most this long; longer input is cut at intake (10,000 characters of content
# say no more about the subject than the first few thousand, and the cut bounds the database lookup).
MAX_TEXT_CHARS = 6000


@dataclass(frozen=True)
class FeatureSpec:
    """How a text becomes a weighted bag of n-grams. Stored with each trained model."""

    title_weight: float = 3.0
    # "log": 1 + log(count) per n-gram, so that a word repeated in a long letter does not swamp the rest.
    tf: str = "log"
    bigrams: bool = True
    unigrams: bool = False

    def as_dict(self) -> dict:
        return {
            "title_weight": self.title_weight,
            "tf": self.tf,
            "bigrams": self.bigrams,
            "unigrams": self.unigrams,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> "FeatureSpec":
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()[:MAX_TEXT_CHARS]
    return _DIGITS.sub("0", _LATIN.sub("a", text))


def ngram_counts(text: str, *, bigrams: bool = True, unigrams: bool = False) -> Counter:
    """Character n-grams within runs of Chinese characters (punctuation and spaces break a run)."""
    counts: Counter = Counter()
    for segment in _SEGMENT.findall(normalise(text)):
        if unigrams:
            counts.update(ch for ch in segment if ch not in "a0")
        if bigrams:
            if len(segment) == 1:
                continue
            counts.update(segment[i : i + 2] for i in range(len(segment) - 1))
    return counts


def _tf(count: float, kind: str) -> float:
    if kind == "log":
        return 1.0 + math.log(count)
    if kind == "binary":
        return 1.0
    return float(count)


def document_features(*, title: str, content: str, spec: FeatureSpec, extra: str = "") -> dict[str, float]:
    """The weighted n-grams of one petition: title counted `title_weight` times, content and extra once."""
    options = {"bigrams": spec.bigrams, "unigrams": spec.unigrams}
    body = ngram_counts(f"{content}\n{extra}" if extra else content, **options)
    head = ngram_counts(title, **options)
    features: dict[str, float] = {}
    for gram, count in body.items():
        features[gram] = _tf(count, spec.tf)
    for gram, count in head.items():
        features[gram] = features.get(gram, 0.0) + spec.title_weight * _tf(count, spec.tf)
    return features


def name_features(names: list[str]) -> dict[str, float]:
    """N-grams of category names, for the taxonomy prior and the baseline: bigrams, plus the
    single character of one-character names."""
    features: dict[str, float] = {}
    for name in names:
        grams = ngram_counts(name) or ngram_counts(name, bigrams=False, unigrams=True)
        for gram in grams:
            features[gram] = features.get(gram, 0.0) + 1.0
    return features
