"""GET /api/v1/policies/articles?q= — the public library search, read-only and without login."""

from django.urls import reverse
from ninja import Query, Router, Schema

from . import selectors
from .text import excerpt

router = Router(tags=["政策法规"])
PAGE_SIZE = 20


class ArticleQuery(Schema):
    q: str = ""
    page: int = 1


class ArticleOut(Schema):
    document_id: int
    document_title: str
    chapter: str
    section: str
    number: int
    label: str
    text: str
    excerpt_html: str
    url: str


class ArticleListOut(Schema):
    query: str
    truncated: bool
    count: int
    page: int
    pages: int
    results: list[ArticleOut]


@router.get("/policies/articles", response=ArticleListOut, auth=None, summary="搜索政策法规条文")
def articles(request, filters: Query[ArticleQuery]):
    """按词语或条号（“第三十一条”“31条”“31”）搜索条文，条号相符的排在最前。`excerpt_html` 中命中的词用
    `<mark>` 标出，其余文字已转义。每页 20 条。"""
    query = selectors.query_parse(filters.q)
    ids = selectors.article_search(query=query)
    pages = max(1, -(-len(ids) // PAGE_SIZE))
    page = min(max(filters.page, 1), pages)
    shown = selectors.articles_in_order(ids[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    needles = query.needles
    return {
        "query": query.text,
        "truncated": query.truncated,
        "count": len(ids),
        "page": page,
        "pages": pages,
        "results": [
            {
                "document_id": article.document_id,
                "document_title": article.document.title,
                "chapter": article.chapter,
                "section": article.section,
                "number": article.number,
                "label": article.label,
                "text": article.text,
                "excerpt_html": str(excerpt(article.text, needles)),
                "url": request.build_absolute_uri(
                    reverse("policies:article", args=[article.document_id, article.number])
                ),
            }
            for article in shown
        ],
    }
