"""Attachments: checked by content, stored under a random name, downloaded only by who can see the matter."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.audit.models import AuditEntry
from minsheng.petitions.models import Attachment, MatterEvent, Submission
from minsheng.petitions.services import attachment_add

from .helpers import audit_count, intake_data, stored_files

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
WRONG_TYPE = "不支持的文件类型，或文件内容与扩展名不符"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def matter(register, city):
    """A matter of 云中镇: its handler can see it, 金沙滩镇's handler cannot."""
    return register(actor=city.yunzhong_registrar).matter


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- through the intake page -------------------------------------------------------------------


def test_it_stores_several_files_uploaded_with_the_intake_form(client, city, media_root):
    client.force_login(city.registrar)

    response = client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰"}},
            uploads=[
                upload("申诉材料.pdf", PDF),
                upload("现场照片.png", PNG),
            ],
        ),
    )

    assert response.status_code == 302
    submission = Submission.objects.get()
    attachments = list(Attachment.objects.order_by("pk"))
    assert [a.original_name for a in attachments] == ["申诉材料.pdf", "现场照片.png"]
    assert [a.content_type for a in attachments] == ["application/pdf", "image/png"]
    assert [a.size for a in attachments] == [len(PDF), len(PNG)]
    assert {a.submission for a in attachments} == {submission}
    assert {a.matter for a in attachments} == {submission.matter}
    assert {a.uploaded_by for a in attachments} == {city.registrar}
    # Stored under a random name in the matter's folder, never under the name the user gave.
    files = stored_files(media_root)
    assert len(files) == 2
    assert {f.parent.name for f in files} == {str(submission.matter.pk)}
    assert not any("申诉" in f.name or f.suffix for f in files)
    assert sorted(f.read_bytes() for f in files) == sorted([PDF, PNG])
    events = submission.matter.events.filter(kind=MatterEvent.Kind.ATTACHMENT_ADDED)
    assert sorted(events.values_list("note", flat=True)) == ["现场照片.png", "申诉材料.pdf"]


@pytest.mark.parametrize(("name", "content"), [("照片.pdf", PNG), ("setup.exe", EXE), ("说明.txt.exe", EXE)])
def test_it_refuses_a_bad_file_at_intake_and_saves_nothing(
    client, city, media_root, row_counts, name, content
):
    client.force_login(city.registrar)
    before = row_counts()

    response = client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰"}},
            uploads=[
                upload("好文件.pdf", PDF),
                upload(name, content),
            ],
        ),
    )

    assert response.status_code == 422
    html = response.content.decode()
    block = html[html.index('for="id_uploads"') :]
    block = block[: block.index("</div>")]
    assert f"{name}：{WRONG_TYPE}" in block
    assert "好文件.pdf：" not in block
    assert row_counts() == before
    assert stored_files(media_root) == []


def test_it_refuses_an_oversized_file_at_intake(client, city, media_root, settings, row_counts):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(city.registrar)
    before = row_counts()

    response = client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰"}},
            uploads=[
                upload("大文件.pdf", PDF + b"0" * (1024 * 1024)),
            ],
        ),
    )

    assert response.status_code == 422
    assert "大文件.pdf：文件过大：最大 1 MB" in response.content.decode()
    assert row_counts() == before
    assert stored_files(media_root) == []


# --- on the matter page ------------------------------------------------------------------------


def test_it_uploads_a_file_to_a_matter(client, city, matter, media_root):
    client.force_login(city.yunzhong_handler)

    response = client.post(
        f"/matters/{matter.pk}/attachments/", {"file": upload("调解协议.pdf", PDF)}, follow=True
    )

    assert response.redirect_chain == [(f"/matters/{matter.pk}/", 302)]
    assert "附件已上传" in messages_of(response)
    attachment = Attachment.objects.get()
    assert attachment.matter == matter
    assert attachment.submission is None
    assert attachment.uploaded_by == city.yunzhong_handler
    assert attachment.file.read() == PDF
    assert [f.read_bytes() for f in stored_files(media_root)] == [PDF]
    event = matter.events.get(kind=MatterEvent.Kind.ATTACHMENT_ADDED)
    assert event.actor == city.yunzhong_handler
    assert event.note == "调解协议.pdf"
    assert event.data == {"attachment": attachment.pk, "size": len(PDF)}
    assert "调解协议.pdf" in response.content.decode()


def test_it_accepts_a_file_of_exactly_the_maximum_size(client, city, matter, media_root, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(city.yunzhong_handler)
    content = PDF + b"0" * (1024 * 1024 - len(PDF))

    client.post(f"/matters/{matter.pk}/attachments/", {"file": upload("刚好.pdf", content)})

    assert Attachment.objects.get().size == 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("照片.pdf", PNG, WRONG_TYPE),
        ("setup.exe", EXE, WRONG_TYPE),
        ("病毒.pdf", EXE, WRONG_TYPE),
        ("超大.pdf", PDF + b"0" * (1024 * 1024), "文件过大：最大 1 MB"),
    ],
)
def test_it_refuses_a_bad_file_on_the_matter_page_and_stores_nothing(
    client,
    city,
    matter,
    media_root,
    settings,
    name,
    content,
    message,
):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(city.yunzhong_handler)
    events_before = matter.events.count()

    response = client.post(f"/matters/{matter.pk}/attachments/", {"file": upload(name, content)}, follow=True)

    assert response.redirect_chain == [(f"/matters/{matter.pk}/", 302)]
    assert any(message in m for m in messages_of(response))
    assert Attachment.objects.count() == 0
    assert matter.events.count() == events_before
    assert stored_files(media_root) == []


def test_it_asks_for_a_file_when_none_is_chosen(client, city, matter, media_root):
    client.force_login(city.yunzhong_handler)

    response = client.post(f"/matters/{matter.pk}/attachments/", {}, follow=True)

    assert "请选择要上传的文件" in messages_of(response)
    assert Attachment.objects.count() == 0


def test_it_does_not_let_a_user_upload_to_a_matter_they_cannot_see(client, city, matter, media_root):
    client.force_login(city.jinshatan_handler)

    response = client.post(f"/matters/{matter.pk}/attachments/", {"file": upload("a.pdf", PDF)})

    assert response.status_code == 404
    assert Attachment.objects.count() == 0
    assert stored_files(media_root) == []


def test_it_refuses_the_service_for_a_matter_the_actor_cannot_see(city, matter, media_root):
    with pytest.raises(PermissionDenied):
        attachment_add(actor=city.jinshatan_handler, matter=matter, upload=upload("a.pdf", PDF))

    assert Attachment.objects.count() == 0
    assert stored_files(media_root) == []


def test_it_refuses_a_bad_file_in_the_service_under_the_file_key(city, matter, media_root):
    with pytest.raises(ValidationError) as caught:
        attachment_add(actor=city.yunzhong_handler, matter=matter, upload=upload("a.pdf", PNG))

    assert list(caught.value.message_dict) == ["file"]
    assert WRONG_TYPE in caught.value.message_dict["file"][0]
    assert stored_files(media_root) == []


# --- download ----------------------------------------------------------------------------------


@pytest.fixture
def stored(city, matter, media_root) -> Attachment:
    return attachment_add(actor=city.yunzhong_registrar, matter=matter, upload=upload("答复意见书.pdf", PDF))


def test_it_downloads_the_bytes_as_an_attachment_and_logs_it(client, city, stored):
    client.force_login(city.yunzhong_handler)

    response = client.get(f"/attachments/{stored.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=utf-8''%E7%AD%94%E5%A4%8D%E6%84%8F%E8%A7%81%E4%B9%A6.pdf"
        in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ATTACHMENT_DOWNLOAD)
    assert entry.actor == city.yunzhong_handler
    assert (entry.object_type, entry.object_id) == ("petitions.attachment", str(stored.pk))


def test_it_lets_the_bureau_download_a_township_attachment(client, city, stored):
    client.force_login(city.registrar)

    response = client.get(f"/attachments/{stored.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_it_hides_an_attachment_from_a_handler_of_another_township(client, city, stored):
    client.force_login(city.jinshatan_handler)

    response = client.get(f"/attachments/{stored.pk}/")

    assert response.status_code == 404
    assert audit_count(AuditEntry.Action.ATTACHMENT_DOWNLOAD) == 0


def test_it_answers_404_for_an_attachment_that_does_not_exist(client, city, stored):
    client.force_login(city.registrar)

    assert client.get(f"/attachments/{stored.pk + 100}/").status_code == 404


def test_it_sends_anonymous_downloaders_to_the_login_page(client, stored):
    response = client.get(f"/attachments/{stored.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert audit_count(AuditEntry.Action.ATTACHMENT_DOWNLOAD) == 0
