"""Reading the library. Everything here is public: no personal data lives in this app."""

import unicodedata
from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import Faq, FaqCategory, PolicyArticle, PolicyDocument
from .numerals import article_label, article_number_in_query
from .text import fold

MAX_QUERY_CHARS = 100
MAX_TERMS = 8
# The regulation the guide and FAQ answers cite by article number.
MAIN_REGULATION_TITLE = "信访工作条例"


@dataclass
class Term:
    typed: str
    folded: str
    number: int | None = None

    @property
    def needles(self) -> list[str]:
        """What this term looks for in the folded text: the words, and for an article number also the
        way the text cites it (第三十一条), so 31 finds Art 34's 本条例第三十一条第六项 after Art 31."""
        if self.number is None:
            return [self.folded]
        return list(dict.fromkeys([fold(article_label(self.number)), self.folded]))


@dataclass
class Query:
    text: str = ""
    terms: list[Term] = field(default_factory=list)
    truncated: bool = False

    @property
    def needles(self) -> list[str]:
        return [needle for term in self.terms for needle in term.needles]

    def __bool__(self):
        return bool(self.terms)


def query_parse(raw: str | None) -> Query:
    """The search box's text as terms: split on spaces, each folded; control characters, punctuation and
    operator syntax fold away. Overlong input is cut rather than refused."""
    raw = unicodedata.normalize("NFKC", raw or "")
    raw = "".join(char if char.isprintable() else " " for char in raw).strip()
    truncated = len(raw) > MAX_QUERY_CHARS
    raw = raw[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    for word in raw.split():
        folded = fold(word)
        if not folded or any(t.folded == folded for t in terms):
            continue
        terms.append(Term(typed=word, folded=folded, number=article_number_in_query(word)))
        if len(terms) == MAX_TERMS:
            truncated = truncated or len(raw.split()) > MAX_TERMS
            break
    return Query(text=raw, terms=terms, truncated=truncated)


def _term_filter(term: Term, *, titled: dict[int, str]) -> Q:
    condition = Q()
    for needle in term.needles:
        condition |= Q(search_text__contains=needle)
    if term.number is not None:
        condition |= Q(number=term.number)
    elif titled:
        # 信访工作条例 第三十一条: a word of a document's title narrows the search to that document.
        ids = [pk for pk, title in titled.items() if term.folded in title]
        if ids:
            condition |= Q(document_id__in=ids)
    return condition


def article_search(*, query: Query) -> list[int]:
    """Ids of the articles that contain every term, best first: an article whose own number was asked
    for, then by how often the words occur, current documents before repealed ones, then reading order.
    The corpus is a few thousand articles at most, so the ranking is done here rather than in SQL."""
    if not query:
        return []
    matches = PolicyArticle.objects.all()
    # Alone, a word of a title would match every article of the document; the document itself is
    # offered instead (documents_matching). With other terms it says which document is meant.
    titled = {}
    if len(query.terms) > 1:
        titled = {pk: fold(title) for pk, title in PolicyDocument.objects.values_list("pk", "title")}
    if all(term.number is not None for term in query.terms):
        # 第三十五条 第三十六条: several article numbers alone ask for each of them, not for one that
        # contains them all.
        either = Q()
        for term in query.terms:
            either |= _term_filter(term, titled=titled)
        matches = matches.filter(either)
    else:
        for term in query.terms:
            matches = matches.filter(_term_filter(term, titled=titled))
    rows = matches.values_list(
        "pk", "number", "search_text", "order", "document_id",
        "document__is_current", "document__effective_on",
    )

    def rank(row):
        _pk, number, search_text, order, document_id, is_current, effective_on = row
        score = 0
        for term in query.terms:
            if term.number is not None and term.number == number:
                score += 1000
            score += sum(min(search_text.count(needle), 20) for needle in term.needles)
        newest_first = -(effective_on.toordinal() if effective_on else 0)
        return (-score, not is_current, newest_first, document_id, order)

    return [row[0] for row in sorted(rows, key=rank)]


def documents_matching(*, query: Query) -> list[PolicyDocument]:
    """Documents whose title holds every word of the query (article numbers aside)."""
    words = [term.folded for term in query.terms if term.number is None]
    if not words:
        return []
    return [
        document
        for document in document_list()
        if all(word in fold(document.title) for word in words)
    ]


def articles_in_order(ids: list[int]) -> list[PolicyArticle]:
    by_id = PolicyArticle.objects.select_related("document").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def document_list():
    return PolicyDocument.objects.annotate(article_count=Count("articles"))


def document_get(*, pk: int) -> PolicyDocument:
    return PolicyDocument.objects.get(pk=pk)


def article_get(*, document_id: int, number: int) -> PolicyArticle:
    return PolicyArticle.objects.select_related("document").get(document_id=document_id, number=number)


def article_neighbours(*, article: PolicyArticle) -> tuple[PolicyArticle | None, PolicyArticle | None]:
    siblings = PolicyArticle.objects.filter(document_id=article.document_id).only("number", "label", "order")
    previous = siblings.filter(
        Q(order__lt=article.order) | Q(order=article.order, number__lt=article.number)
    ).order_by("-order", "-number").first()
    following = siblings.filter(
        Q(order__gt=article.order) | Q(order=article.order, number__gt=article.number)
    ).order_by("order", "number").first()
    return previous, following


def main_regulation() -> PolicyDocument | None:
    """《信访工作条例》, when it has been imported: the guide and the FAQs link to its articles."""
    return PolicyDocument.objects.filter(title=MAIN_REGULATION_TITLE).first()


def faq_groups() -> list[tuple[str, str, list[Faq]]]:
    """Published FAQs as (category value, category label, questions), in the categories' declared order."""
    faqs = list(Faq.objects.filter(published=True).order_by("order", "pk"))
    groups = []
    for value, label in FaqCategory.choices:
        items = [faq for faq in faqs if faq.category == value]
        if items:
            groups.append((value, label, items))
    return groups
