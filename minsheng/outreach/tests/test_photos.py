"""Photos of an activity: checked by content, stored under random names, served only within scope."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minsheng.outreach.models import ActivityPhoto
from minsheng.outreach.services import activity_delete, activity_photo_add

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


def png(name="展板.png", content=PNG):
    return SimpleUploadedFile(name, content, content_type="image/png")


def stored(root):
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_photo_is_stored_under_a_random_name_and_shown_on_the_page(client, city, record, media_root):
    activity = record()

    photo = activity_photo_add(actor=city.registrar, activity=activity, upload=png(), caption="宣传展板")

    (path,) = stored(media_root)
    assert "展板" not in str(path) and path.read_bytes() == PNG
    client.force_login(city.supervisor)
    page = client.get(reverse("outreach:activity_detail", args=[activity.pk])).content.decode()
    assert reverse("outreach:photo_view", args=[photo.pk]) in page and "宣传展板" in page
    served = client.get(reverse("outreach:photo_view", args=[photo.pk]))
    assert served["Content-Type"] == "image/png" and served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == PNG


def test_a_file_that_is_not_a_picture_is_refused(city, record, media_root):
    activity = record()

    with pytest.raises(ValidationError) as exc:
        activity_photo_add(
            actor=city.registrar, activity=activity, upload=png("假图.png", b"%PDF-1.4 not a picture")
        )

    assert "不支持的文件类型" in exc.value.message_dict["file"][0]
    assert stored(media_root) == [] and not ActivityPhoto.objects.exists()


def test_only_the_organisers_staff_add_photos_and_others_in_scope_only_see_them(
    client, city, record, media_root
):
    activity = record(actor=city.yunzhong_handler)
    photo = activity_photo_add(actor=city.yunzhong_handler, activity=activity, upload=png())

    with pytest.raises(PermissionDenied):
        activity_photo_add(actor=city.supervisor, activity=activity, upload=png())
    client.force_login(city.jinshatan_handler)
    assert client.get(reverse("outreach:photo_view", args=[photo.pk])).status_code == 404
    client.force_login(city.supervisor)
    assert client.get(reverse("outreach:photo_view", args=[photo.pk])).status_code == 200
    assert client.post(reverse("outreach:photo_delete", args=[photo.pk])).status_code == 403


def test_uploading_through_the_page_and_deleting_removes_the_file(
    client, city, record, media_root, django_capture_on_commit_callbacks
):
    activity = record()
    client.force_login(city.registrar)

    client.post(reverse("outreach:photo_upload", args=[activity.pk]), {"file": png(), "caption": "现场"})
    photo = ActivityPhoto.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outreach:photo_delete", args=[photo.pk]))

    assert not ActivityPhoto.objects.exists() and stored(media_root) == []


def test_deleting_an_activity_removes_its_photos_files(
    city, record, media_root, django_capture_on_commit_callbacks
):
    activity = record()
    activity_photo_add(actor=city.registrar, activity=activity, upload=png())

    with django_capture_on_commit_callbacks(execute=True):
        activity_delete(actor=city.registrar, activity=activity)

    assert stored(media_root) == []
