"""Character n-gram TF-IDF with cosine similarity, in pure Python.

Weights follow the common defaults (scikit-learn's TfidfVectorizer(analyzer="char")): raw term count
times smooth idf ln((1+N)/(1+df))+1, rows L2-normalised, so figures are comparable with the "plain
TF-IDF" baseline quoted in the issue. Search runs over an inverted index, which is exact: every pool
document sharing at least one n-gram with the query gets its full cosine.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable


def char_ngrams(text: str, n_min: int, n_max: int) -> Counter:
    text = " ".join(text.lower().split())
    counts: Counter = Counter()
    for n in range(n_min, n_max + 1):
        counts.update(text[i : i + n] for i in range(len(text) - n + 1))
    return counts


class TfidfIndex:
    def __init__(self, documents: Iterable[str], n_min: int = 2, n_max: int = 3):
        self.n_min, self.n_max = n_min, n_max
        counts = [char_ngrams(doc, n_min, n_max) for doc in documents]
        df: Counter = Counter()
        for c in counts:
            df.update(c.keys())
        total = len(counts)
        self.idf = {term: math.log((1 + total) / (1 + d)) + 1 for term, d in df.items()}
        self._default_idf = math.log(1 + total) + 1
        self.vectors = [self._weigh(c) for c in counts]
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for doc, vector in enumerate(self.vectors):
            for term, weight in vector.items():
                self.postings.setdefault(term, []).append((doc, weight))

    def _weigh(self, counts: Counter) -> dict[str, float]:
        vector = {t: c * self.idf.get(t, self._default_idf) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / norm for t, w in vector.items()}

    def vectorize(self, text: str) -> dict[str, float]:
        return self._weigh(char_ngrams(text, self.n_min, self.n_max))

    def scores(self, vector: dict[str, float]) -> dict[int, float]:
        acc: dict[int, float] = {}
        get = acc.get
        for term, weight in vector.items():
            for doc, doc_weight in self.postings.get(term, ()):
                acc[doc] = get(doc, 0.0) + weight * doc_weight
        return acc

    def search(
        self, vector: dict[str, float], k: int, allow: Callable[[int], bool] | None = None
    ) -> list[tuple[int, float]]:
        """Top k (document index, cosine), best first; ties broken by document index for stability."""
        items = self.scores(vector).items()
        if allow is not None:
            items = [(d, s) for d, s in items if allow(d)]
        return heapq.nsmallest(k, items, key=lambda item: (-item[1], item[0]))

    def similarity(self, a: int, b: int) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(w * vb.get(t, 0.0) for t, w in va.items())
