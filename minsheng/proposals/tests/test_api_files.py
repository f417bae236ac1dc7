"""The API's files: attachments uploaded, listed and downloaded, the proposal form and the reply letter as
PDFs — the same scope, checks and logs as the pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from minsheng.audit.models import AuditEntry

from .conftest import TITLE_67
from .test_pages_contact_and_attachments import PNG

pytestmark = pytest.mark.django_db
BASE = "/api/v1"


def pdf_text(response) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).replace(
        " ", ""
    )


def test_the_proposer_uploads_and_the_office_downloads_an_attachment(api_client_for, cppcc, submit):
    proposal = submit()
    wang, office = api_client_for(cppcc.wang), api_client_for(cppcc.office)
    url = f"{BASE}/proposals/{proposal.pk}/attachments"
    response = wang.post(url, {"file": SimpleUploadedFile("现场.png", PNG, content_type="image/png")})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["content_type"] == "image/png" and body["size"] == len(PNG)
    assert proposal.events.filter(kind="attached").count() == 1

    listed = office.get(url).json()
    assert [a["id"] for a in listed] == [body["id"]]
    download = office.get(f"{url}/{body['id']}")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    assert (
        AuditEntry.objects.filter(actor=cppcc.office, action=AuditEntry.Action.ATTACHMENT_DOWNLOAD).count()
        == 1
    )


def test_an_upload_disguised_by_its_name_is_refused_and_nothing_kept(api_client_for, cppcc, submit):
    proposal = submit()
    fake = SimpleUploadedFile(
        "照片.png", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, content_type="image/png"
    )
    response = api_client_for(cppcc.wang).post(f"{BASE}/proposals/{proposal.pk}/attachments", {"file": fake})
    assert response.status_code == 422 and "file" in response.json()["errors"]
    assert proposal.attachments.count() == 0 and proposal.events.filter(kind="attached").count() == 0


def test_a_cosigner_cannot_upload_and_an_outsider_finds_nothing(api_client_for, city, cppcc, submit):
    proposal = submit(cosigners=[cppcc.li])
    upload = SimpleUploadedFile("a.png", PNG, content_type="image/png")
    url = f"{BASE}/proposals/{proposal.pk}/attachments"
    assert api_client_for(cppcc.li).post(url, {"file": upload}).status_code == 403
    assert api_client_for(city.housing_handler).get(url).status_code == 404


def test_the_form_and_reply_letter_pdfs_through_the_api(api_client_for, city, cppcc, proposal_67_replied):
    office = api_client_for(cppcc.office)
    response = office.get(f"{BASE}/proposals/{proposal_67_replied.pk}/form.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert TITLE_67 in text and "13934561234" in text
    assert AuditEntry.objects.filter(actor=cppcc.office, action=AuditEntry.Action.PERSONAL_DATA_VIEW).exists()

    leader_text = pdf_text(
        api_client_for(city.leader).get(f"{BASE}/proposals/{proposal_67_replied.pk}/form.pdf")
    )
    assert TITLE_67 in leader_text and "13934561234" not in leader_text

    reply = proposal_67_replied.replies.get()
    letter = office.get(f"{BASE}/proposals/{proposal_67_replied.pk}/replies/{reply.pk}.pdf")
    assert letter.status_code == 200 and "王旭东委员" in pdf_text(letter)
    missing = office.get(f"{BASE}/proposals/{proposal_67_replied.pk}/replies/{reply.pk + 999}.pdf")
    assert missing.status_code == 404
