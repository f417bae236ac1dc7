"""The response helpers the workflow's views return: a PDF inline or as a download, and the preview."""

from urllib.parse import quote

from django.test import RequestFactory

from minsheng.documents.views import pdf_response, preview_response

from .helpers import make_document


def test_it_serves_the_pdf_inline_by_default():
    response = pdf_response(make_document(), filename="受理告知书.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("inline;")
    assert quote("受理告知书.pdf") in response["Content-Disposition"]


def test_it_serves_the_pdf_as_a_download_when_asked():
    response = pdf_response(make_document(), filename="notice.pdf", inline=False)

    assert response["Content-Disposition"] == 'attachment; filename="notice.pdf"'


def test_it_keeps_documents_out_of_caches():
    for response in (
        pdf_response(make_document(), filename="notice.pdf"),
        preview_response(RequestFactory().get("/"), make_document()),
    ):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_it_serves_the_preview_page():
    response = preview_response(RequestFactory().get("/"), make_document())

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "信访事项受理告知书" in response.content.decode()
