"""Petitioners' words are text: markup and template syntax in them are escaped, and printed as typed."""

from minsheng.documents.render import render_html, render_pdf

from .helpers import make_document, pdf_text, squash

HOSTILE = "<script>alert('x')</script> 补偿款 & 利息 {{ settings.SECRET_KEY }} {% csrf_token %}"


def hostile_document():
    return make_document(
        addressee="<b>李桂兰</b>",
        paragraphs=[HOSTILE],
        fields=[("诉求<i>", HOSTILE)],
        copy_to="<img src=x onerror=alert(1)>",
        issuer="怀仁市信访局&",
    )


def test_it_escapes_hostile_text_in_the_preview():
    html = render_html(hostile_document())

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "补偿款 &amp; 利息 {{ settings.SECRET_KEY }} {% csrf_token %}" in html
    assert "<b>李桂兰</b>" not in html and "&lt;b&gt;李桂兰&lt;/b&gt;：" in html
    assert "<img" not in html
    assert "怀仁市信访局&amp;" in html


def test_it_prints_hostile_text_literally_in_the_pdf():
    text = pdf_text(render_pdf(hostile_document()))

    assert squash(HOSTILE) in text
    assert "<b>李桂兰</b>：" in text
    assert squash("抄送：<img src=x onerror=alert(1)>。") in text
