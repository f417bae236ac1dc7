"""Article references in text become links; paragraphs become <p>. Text is escaped before any markup
is added, so nothing typed into an FAQ or a regulation can inject HTML."""

import re
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..numerals import NUMERAL_CHARS, article_label, parse_number

register = template.Library()

_CITATION = re.compile(rf"第([0-9{NUMERAL_CHARS}]+)条")
# 本条例第二十条、第二十六条: a run of references to this same regulation.
_OWN_CITATIONS = re.compile(rf"本条例((?:第[0-9{NUMERAL_CHARS}]+[条款项](?:、|和|至|或者)?)+)")


def article_url(document, number: int) -> str:
    """The article's page when the document is in the library, else a library search for it."""
    if document is not None:
        return reverse("policies:article", args=[document.pk, number])
    return reverse("policies:library") + "?" + urlencode({"q": article_label(number)})


def _link(document, match: re.Match) -> str:
    number = parse_number(match.group(1))
    if not number:
        return match.group(0)
    return f'<a href="{escape(article_url(document, number))}">{match.group(0)}</a>'


def _paragraphs(html_lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in html_lines if line.strip())


@register.filter
def cite_articles(text: str, document=None):
    """Every 第X条 in our own texts (FAQ answers) links to that article of `document`."""
    lines = [_CITATION.sub(lambda m: _link(document, m), escape(line)) for line in (text or "").splitlines()]
    return mark_safe(_paragraphs(lines))


@register.filter
def regulation_paragraphs(text: str, document):
    """An article's paragraphs, with its references to other articles of the same regulation
    (本条例第三十一条) linked. References to other laws are left as text."""

    def own(match: re.Match) -> str:
        return "本条例" + _CITATION.sub(lambda m: _link(document, m), match.group(1))

    lines = [_OWN_CITATIONS.sub(own, escape(line)) for line in (text or "").splitlines()]
    return mark_safe(_paragraphs(lines))


@register.simple_tag
def article_href(document, number):
    return article_url(document, int(number))
