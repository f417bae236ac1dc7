"""The proposer's contact details on the proposal's page and form, and attachment downloads: shown in
full only to those who may see them, masked first for staff, and every look by staff logged."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minsheng.audit.models import AuditEntry
from minsheng.proposals import services

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _views(user, action=AuditEntry.Action.PERSONAL_DATA_VIEW):
    return AuditEntry.objects.filter(actor=user, action=action).count()


def test_the_office_sees_the_contact_masked_and_reveals_it_with_a_log(client, cppcc, submit):
    proposal = submit()
    client.force_login(cppcc.office)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "138****5678" in page and "13812345678" not in page
    assert "仁德路1号" not in page and "显示完整" in page
    assert _views(cppcc.office) == 0

    response = client.post(reverse("proposals:contact_reveal", args=[proposal.pk]))
    assert response.status_code == 200
    assert "13812345678" in response.content.decode() and "怀仁市云中镇仁德路1号" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(actor=cppcc.office, action=AuditEntry.Action.PERSONAL_DATA_VIEW)
    assert entry.object_id == str(proposal.pk)


def test_the_proposer_reads_their_own_contact_in_full_without_a_log(client, cppcc, submit):
    proposal = submit()
    client.force_login(cppcc.wang)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "13812345678" in page and "显示完整" not in page
    assert _views(cppcc.wang) == 0


def test_a_cosigner_can_neither_see_nor_reveal_the_contact(client, cppcc, submit):
    proposal = submit(cosigners=[cppcc.li])
    client.force_login(cppcc.li)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "138****5678" not in page and "13812345678" not in page
    assert client.post(reverse("proposals:contact_reveal", args=[proposal.pk])).status_code == 403
    assert _views(cppcc.li) == 0


def test_revealing_needs_a_post(client, cppcc, submit):
    proposal = submit()
    client.force_login(cppcc.office)
    assert client.get(reverse("proposals:contact_reveal", args=[proposal.pk])).status_code == 405
    assert _views(cppcc.office) == 0


def test_printing_the_form_with_the_contact_is_logged_for_staff_only(client, cppcc, submit):
    proposal = submit()
    client.force_login(cppcc.wang)
    assert client.get(reverse("proposals:form_pdf", args=[proposal.pk])).status_code == 200
    assert _views(cppcc.wang) == 0
    client.force_login(cppcc.office)
    assert client.get(reverse("proposals:form_pdf", args=[proposal.pk])).status_code == 200
    assert _views(cppcc.office) == 1


def test_an_attachment_downloads_for_those_who_see_the_proposal_with_a_log(client, city, cppcc, submit):
    proposal = submit()
    upload = SimpleUploadedFile("现场照片.png", PNG, content_type="image/png")
    attachment = services.proposal_attachment_add(actor=cppcc.wang, proposal=proposal, upload=upload)
    url = reverse("proposals:attachment_download", args=[proposal.pk, attachment.pk])

    client.force_login(cppcc.office)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert "attachment" in response["Content-Disposition"] and response["X-Content-Type-Options"] == "nosniff"
    assert _views(cppcc.office, AuditEntry.Action.ATTACHMENT_DOWNLOAD) == 1

    # A unit the proposal was never assigned to finds nothing there, and nothing is logged.
    client.force_login(city.housing_handler)
    assert client.get(url).status_code == 404
    assert _views(city.housing_handler, AuditEntry.Action.ATTACHMENT_DOWNLOAD) == 0


def test_an_attachment_of_another_proposal_is_not_found_through_this_one(client, cppcc, submit):
    first, second = submit(), submit(title="关于加强农村饮水安全的建议")
    upload = SimpleUploadedFile("材料.png", PNG, content_type="image/png")
    attachment = services.proposal_attachment_add(actor=cppcc.wang, proposal=second, upload=upload)
    client.force_login(cppcc.office)
    url = reverse("proposals:attachment_download", args=[first.pk, attachment.pk])
    assert client.get(url).status_code == 404
