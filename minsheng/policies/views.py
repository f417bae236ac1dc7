"""Public pages: the library with its search, documents, articles, the guide and the FAQs. Anyone may
read them without logging in; nothing here is personal."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import selectors
from .guide import bureau_contact, time_limits
from .models import PolicyArticle, PolicyDocument
from .text import excerpt, highlight

PAGE_SIZE = 10
# Offered under the search box: what citizens most often need to look up.
COMMON_ARTICLES = (
    (31, gettext_lazy("哪些问题要走诉讼、仲裁、复议")),
    (34, gettext_lazy("办理期限")),
    (35, gettext_lazy("申请复查")),
    (36, gettext_lazy("申请复核")),
    (26, gettext_lazy("信访中不得有的行为")),
)


def library(request):
    query = selectors.query_parse(request.GET.get("q"))
    context = {
        "query": query,
        "q": query.text,
        "regulation": selectors.main_regulation(),
        # Something was typed, but nothing searchable was left of it (only punctuation or symbols).
        "blank": bool((request.GET.get("q") or "").strip()) and not query,
    }
    if query:
        ids = selectors.article_search(query=query)
        page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
        articles = selectors.articles_in_order(list(page.object_list))
        needles = query.needles
        for article in articles:
            article.excerpt = excerpt(article.text, needles)
            article.is_asked = any(term.number == article.number for term in query.terms)
        context.update(
            page=page,
            articles=articles,
            total=len(ids),
            documents=selectors.documents_matching(query=query) if page.number == 1 else [],
            page_query=_page_query(query.text),
        )
    else:
        context.update(documents=list(selectors.document_list()), common_articles=COMMON_ARTICLES)
    return render(request, "policies/library.html", context)


def _page_query(text: str) -> str:
    return urlencode({"q": text})


def document(request, pk: int):
    try:
        found = selectors.document_get(pk=pk)
    except PolicyDocument.DoesNotExist as exc:
        raise Http404(_("没有这部法规")) from exc
    articles = list(found.articles.order_by("order", "number"))
    chapters: list[dict] = []
    for article in articles:
        heading = article.chapter
        if not chapters or chapters[-1]["title"] != heading:
            chapters.append({"title": heading, "anchor": f"ch{len(chapters) + 1}", "articles": []})
        chapters[-1]["articles"].append(article)
    return render(request, "policies/document.html", {"document": found, "chapters": chapters})


def article(request, pk: int, number: int):
    try:
        found = selectors.article_get(document_id=pk, number=number)
    except PolicyArticle.DoesNotExist as exc:
        raise Http404(_("没有这一条")) from exc
    previous, following = selectors.article_neighbours(article=found)
    query = selectors.query_parse(request.GET.get("q"))
    context = {
        "article": found,
        "document": found.document,
        "previous": previous,
        "following": following,
        "query": query,
        # Arriving from a search, the words searched stay marked; the plain page links to the rest.
        "marked_text": _marked_paragraphs(found.text, query.needles) if query else None,
    }
    return render(request, "policies/article.html", context)


def _marked_paragraphs(text: str, needles: list[str]):
    # highlight() escapes each line before marking it.
    lines = [line for line in text.splitlines() if line.strip()]
    return mark_safe("".join(f"<p>{highlight(line, needles)}</p>" for line in lines))


def guide(request):
    context = {
        "contact": bureau_contact(),
        "limits": time_limits(),
        "regulation": selectors.main_regulation(),
    }
    return render(request, "policies/guide.html", context)


def faq(request):
    return render(
        request,
        "policies/faq.html",
        {"groups": selectors.faq_groups(), "regulation": selectors.main_regulation()},
    )
